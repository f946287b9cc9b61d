"""The seeded signed layout: deterministic, allies close, opponents apart, labels clear."""

from __future__ import annotations

import copy
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import graph
import graph.drawing.layout
from graph.drawing.layout import (
    LABEL_SIZE,
    UNLABELLED_SPACING,
    _Mesh,
    _remove_overlaps,
    _rounded,
    _text_width,
    actor_boxes,
    layout,
)

ROOT = Path(__file__).resolve().parent.parent


def two_camps(size: int, *, seed: int = 0, isolated: int = 0) -> nx.MultiDiGraph:
    """Two camps of ``size`` actors: support inside each camp, fighting across.

    Each actor supports three random members of its camp and fights one random
    member of the other camp; ``isolated`` more actors have no relation.
    """
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    camps = {name: [f"{name}_{i:04d}" for i in range(size)] for name in ("east", "west")}
    for name, members in camps.items():
        G.add_nodes_from(members, camp=name)
    for name, members in camps.items():
        others = camps["west" if name == "east" else "east"]
        for actor in members:
            for ally in rng.sample([m for m in members if m != actor], 3):
                G.add_edge(actor, ally, type="weapons", sign=1)
            G.add_edge(actor, rng.choice(others), type="fights", sign=-1)
    G.add_nodes_from((f"lone_{i:04d}" for i in range(isolated)), camp="none")
    return G


def tie_lengths(G: nx.MultiDiGraph, positions: dict) -> dict[int, float]:
    """Mean drawn length of the support (+1) and opposition (-1) ties of ``G``."""
    lengths: dict[int, list[float]] = {1: [], -1: []}
    for u, v, sign in graph.signed_graph(G).edges(data="sign"):
        lengths[sign].append(float(np.hypot(*np.subtract(positions[u], positions[v]))))
    return {sign: float(np.mean(values)) for sign, values in lengths.items()}


def overlapping_actors(positions: dict, boxes: pd.DataFrame) -> list[tuple[str, str]]:
    """Pairs of actors whose boxes (shape and label, from :func:`actor_boxes`) overlap."""
    points = np.array([positions[actor] for actor in boxes.index])
    low = points + boxes[["left", "top"]].to_numpy()
    high = points + boxes[["right", "bottom"]].to_numpy()
    apart = (low[:, None] >= high[None]) | (high[:, None] <= low[None])
    overlap = ~apart.any(axis=2)
    first, second = np.nonzero(np.triu(overlap, 1))
    return [(boxes.index[i], boxes.index[j]) for i, j in zip(first, second, strict=True)]


@pytest.fixture(scope="module")
def aleppo() -> nx.MultiDiGraph:
    return graph.load()


@pytest.fixture(scope="module")
def camps() -> nx.MultiDiGraph:
    # 300 actors: large enough for the mesh repulsion, not only the pairwise one.
    return two_camps(150, isolated=5)


def test_same_graph_same_positions(aleppo: nx.MultiDiGraph) -> None:
    assert json.dumps(layout(aleppo)) == json.dumps(layout(graph.load()))


def test_insertion_order_does_not_matter(camps: nx.MultiDiGraph) -> None:
    shuffled = nx.MultiDiGraph()
    nodes = list(camps.nodes(data=True))
    edges = list(camps.edges(keys=True, data=True))
    random.Random(1).shuffle(nodes)
    random.Random(2).shuffle(edges)
    shuffled.add_nodes_from(nodes)
    shuffled.add_edges_from(edges)
    assert layout(shuffled) == layout(camps)


@pytest.mark.parametrize("hash_seed", ["0", "4242"])
def test_same_positions_in_another_process(
    camps: nx.MultiDiGraph, aleppo: nx.MultiDiGraph, tmp_path: Path, hash_seed: str
) -> None:
    edges = tmp_path / "edges.json"
    edges.write_text(json.dumps([[u, v, sign] for u, v, sign in camps.edges(data="sign")]))
    script = (
        "import json, sys\n"
        "import networkx as nx\n"
        "import graph\n"
        "from graph.drawing.layout import layout\n"
        "G = nx.MultiDiGraph()\n"
        "G.add_nodes_from(json.loads(sys.argv[2]))\n"
        "G.add_edges_from((u, v, {'sign': s}) for u, v, s in json.load(open(sys.argv[1])))\n"
        "print(json.dumps([layout(graph.load()), layout(G)]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(edges), json.dumps(sorted(camps))],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    expected = json.loads(json.dumps([layout(aleppo), layout(camps)]))
    assert json.loads(result.stdout) == expected


def test_seed_changes_the_picture(aleppo: nx.MultiDiGraph) -> None:
    assert layout(aleppo, seed=1) != layout(aleppo, seed=2)


def test_allies_closer_than_opponents_in_aleppo(aleppo: nx.MultiDiGraph) -> None:
    # Labels take room, allies' most: their ties stretch more than opponents'.
    lengths = tie_lengths(aleppo, layout(aleppo))
    assert lengths[1] < 0.7 * lengths[-1]


@pytest.mark.parametrize("size", [6, 150])
def test_two_camps_drawn_apart(size: int) -> None:
    G = two_camps(size)
    positions = layout(G)
    lengths = tie_lengths(G, positions)
    # Labels as wide as the camps of six leave less room for the difference.
    assert lengths[1] < (0.6 if size < 10 else 0.5) * lengths[-1]
    # Nearly every actor is closer to the middle of its own camp than to the other's.
    points = {camp: [] for camp in ("east", "west")}
    for node, camp in G.nodes(data="camp"):
        points[camp].append(positions[node])
    east, west = (np.mean(points[camp], axis=0) for camp in ("east", "west"))
    own = [
        np.hypot(*np.subtract(xy, mine)) < np.hypot(*np.subtract(xy, theirs))
        for camp, mine, theirs in (("east", east, west), ("west", west, east))
        for xy in points[camp]
    ]
    assert np.mean(own) >= 0.95


@pytest.mark.parametrize("name", ["aleppo", "camps"])
def test_every_actor_placed_apart_and_rounded(name: str, request: pytest.FixtureRequest) -> None:
    G = request.getfixturevalue(name)
    positions = layout(G)
    assert set(positions) == set(G)
    assert len(set(positions.values())) == len(G)
    coordinates = [c for xy in positions.values() for c in xy]
    assert all(isinstance(c, float) and c == round(c, 1) for c in coordinates)
    points = np.array(list(positions.values()))
    centre = (points.min(axis=0) + points.max(axis=0)) / 2
    assert np.abs(centre).max() <= 0.1


def test_actors_too_close_to_round_apart_are_moved_aside() -> None:
    # Rounded to 0.1, the three points fall on one.
    points = np.array([[0.0, 0.0], [0.01, 0.0], [0.02, 0.01], [5.0, 5.0]])
    positions = _rounded(points, ["a", "b", "c", "d"])
    assert len(set(positions.values())) == 4
    assert positions["d"] == (2.5, 2.5)


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("aleppo", {}),
        ("aleppo", {"label_size": 2 * LABEL_SIZE}),
        ("aleppo", {"label_size": 0}),
        ("aleppo", {"size_by": {"russia": 50.0, "iran": 20.0}}),
        ("camps", {}),
    ],
)
def test_no_two_actors_shapes_or_labels_overlap(
    name: str, options: dict, request: pytest.FixtureRequest
) -> None:
    G = request.getfixturevalue(name)
    if "size_by" in options:
        options = {"size_by": {node: options["size_by"].get(node, 1.0) for node in G}}
    positions = layout(G, **options)
    boxes = actor_boxes(G, options.get("size_by"), label_size=options.get("label_size", 20.0))
    assert overlapping_actors(positions, boxes) == []
    # Without the overlap removal, the same spacing would pile labels up.
    assert overlapping_actors(positions, boxes * 3) != []


def test_labels_are_close_to_their_neighbours(aleppo: nx.MultiDiGraph) -> None:
    # Compact: many actors' boxes come within a font size of another's.
    positions = layout(aleppo)
    boxes = actor_boxes(aleppo)
    grown = boxes + np.array([-1, -1, 1, 1]) * LABEL_SIZE / 2
    near = {actor for pair in overlapping_actors(positions, grown) for actor in pair}
    assert len(near) >= 0.75 * aleppo.number_of_nodes()


def test_the_drawing_lies_across(aleppo: nx.MultiDiGraph) -> None:
    positions = layout(aleppo)
    boxes = actor_boxes(aleppo)
    points = pd.DataFrame(positions, index=["x", "y"]).T.loc[boxes.index]
    width = (points.x + boxes.right).max() - (points.x + boxes.left).min()
    height = (points.y + boxes.bottom).max() - (points.y + boxes.top).min()
    assert 1.5 < width / height < 2.5  # the shape of a projector's or a screen's canvas


def test_overlap_removal_keeps_the_arrangement() -> None:
    rng = np.random.default_rng(5)
    centres = rng.uniform(0, 400, size=(300, 2))
    half = rng.uniform([10, 5], [60, 15], size=(300, 2))
    moved = _remove_overlaps(centres, half)
    assert np.array_equal(moved, _remove_overlaps(centres.copy(), half.copy()))  # deterministic
    gap = np.abs(moved[:, None] - moved[None])
    touching = np.all(gap < half[:, None] + half[None], axis=2)
    np.fill_diagonal(touching, False)
    assert not touching.any()
    # Most pairs of boxes keep their order across and down.
    i, j = np.triu_indices(len(centres), 1)
    kept = np.sign(centres[i] - centres[j]) == np.sign(moved[i] - moved[j])
    assert kept.mean() > 0.9


def test_boxes_left_after_the_rounds_are_scaled_apart(
    aleppo: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    def extent(positions: dict) -> float:
        return float(np.ptp(np.array(list(positions.values())), axis=0).max())

    compact = layout(aleppo)
    monkeypatch.setattr(graph.drawing.layout, "ROUNDS", 0)  # scaling alone
    scaled = layout(aleppo)
    assert overlapping_actors(scaled, actor_boxes(aleppo)) == []
    # PRISM needs much less room than scaling the whole drawing up.
    assert extent(scaled) > 1.5 * extent(compact)


def test_large_graphs_are_spaced_without_removing_overlaps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    G = two_camps(20)
    monkeypatch.setattr(graph.drawing.layout, "LABELLED_UP_TO", G.number_of_nodes() - 1)
    positions = layout(G)
    boxes = actor_boxes(G)
    assert overlapping_actors(positions, boxes) != []
    # Nearest actors UNLABELLED_SPACING box half-diagonals apart (boxes with their margins).
    points = np.array([positions[actor] for actor in boxes.index])
    nearest = np.sort(np.hypot(*(points[:, None] - points[None]).transpose(2, 0, 1)), axis=1)[:, 1]
    margin = np.array(graph.drawing.layout.BOX_MARGIN) * LABEL_SIZE
    half = (boxes[["right", "bottom"]].to_numpy() - boxes[["left", "top"]].to_numpy()) / 2
    half_diagonal = np.median(np.hypot(*(half + margin).T))
    assert np.median(nearest) == pytest.approx(UNLABELLED_SPACING * half_diagonal, rel=0.01)


def test_label_width_estimate_is_never_short_of_dejavu_sans(aleppo: nx.MultiDiGraph) -> None:
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    font = FontProperties(family="DejaVu Sans", size=100)
    measure = TextToPath()

    def drawn(text: str) -> float:
        return measure.get_text_width_height_descent(text, font, ismath=False)[0] / 100

    names = [name for _, name in aleppo.nodes(data="name")]
    hard = ["WWW MMM mmm", "ÉTAT ISLAMIQUE", "Ministère de la Défense", "1234567890", "%&@"]
    for text in names + hard:
        assert _text_width(text) >= drawn(text), text
    # ... and not much longer: labels are what the picture is made of.
    assert np.mean([_text_width(n) / drawn(n) for n in names]) < 1.2


def test_actor_boxes() -> None:
    G = nx.MultiDiGraph()
    G.add_node("state", name="A state", kind="state")
    G.add_node("other", name="Some other kind of actor", kind="no such kind")
    G.add_node("two_lines", name="First line\nsecond", kind="state")
    sizes = {"state": 1.0, "other": 1.0, "two_lines": 3.0}
    radius = graph.drawing.style.actor_radii(G, sizes)["state"]
    boxes = actor_boxes(G, sizes)
    assert boxes.index.tolist() == ["other", "state", "two_lines"]
    state, other, two_lines = boxes.loc["state"], boxes.loc["other"], boxes.loc["two_lines"]
    # The label hangs below the shape, as wide as estimated; the shape fits above it.
    width = _text_width("A state") * LABEL_SIZE
    assert state.right == pytest.approx(width / 2) and state.left == -state.right
    assert state.top <= -radius and state.bottom > radius + 1.5 * LABEL_SIZE
    # An actor of an unknown kind is an ellipse around its label, with room for both.
    assert other.right > _text_width("Some other kind of actor") * LABEL_SIZE / 2 + radius
    assert other.top <= -LABEL_SIZE
    assert two_lines.bottom - two_lines.top > state.bottom - state.top + LABEL_SIZE
    unlabelled = actor_boxes(G, sizes, label_size=0).loc["state"]
    assert unlabelled.right == radius and radius < unlabelled.bottom < 1.2 * radius
    with pytest.raises(ValueError, match="no value for actors: two_lines"):
        layout(G, size_by={"state": 1.0, "other": 2.0})


def test_isolated_actors_beside_the_others(camps: nx.MultiDiGraph) -> None:
    positions = layout(camps)
    lone = np.array([positions[n] for n in camps if n.startswith("lone_")])
    tied = np.array([positions[n] for n in camps if not n.startswith("lone_")])
    low, high = tied.min(axis=0), tied.max(axis=0)
    inside = np.all((lone >= low) & (lone <= high), axis=1)
    assert not inside.any()
    gaps = np.hypot(*(lone[:, None] - lone[None]).transpose(2, 0, 1))
    np.fill_diagonal(gaps, np.inf)
    nearest_tied = np.hypot(*(tied[:, None] - tied[None]).transpose(2, 0, 1))
    np.fill_diagonal(nearest_tied, np.inf)
    # Isolated actors are spaced at least as widely as the typical tied actor.
    assert gaps.min() >= np.median(nearest_tied.min(axis=1))


def test_aleppo_unconnected_actor_outside_the_picture(aleppo: nx.MultiDiGraph) -> None:
    positions = layout(aleppo)
    others = np.array([xy for node, xy in positions.items() if node != "kurdish_forces"])
    x, y = positions["kurdish_forces"]
    (left, top), (right, bottom) = others.min(axis=0), others.max(axis=0)
    assert not (left <= x <= right and top <= y <= bottom)


def test_neutral_ties_keep_actors_near(aleppo: nx.MultiDiGraph) -> None:
    # The UN only documents harm to the civilians of eastern Aleppo.
    positions = layout(aleppo)
    points = np.array(list(positions.values()))
    distances = np.hypot(*(points[:, None] - points[None]).transpose(2, 0, 1))
    median = np.median(distances[np.triu_indices(len(points), 1)])
    near = np.hypot(
        *np.subtract(positions["united_nations"], positions["eastern_aleppo_civilians"])
    )
    assert near < 0.55 * median  # 0.52 since the member_of ties joined the data


def test_hub_with_many_leaves() -> None:
    # The leaves start at one point (same distance to every pivot) and must
    # spread around their hub; no opposition tie, so only the mesh repels.
    G = nx.MultiDiGraph()
    G.add_edges_from(("hub", f"leaf_{i:04d}", {"sign": 1}) for i in range(400))
    positions = layout(G)
    assert len(set(positions.values())) == 401
    leaves = np.array([xy for node, xy in positions.items() if node != "hub"])
    centre = leaves.mean(axis=0)
    spread = np.hypot(*(leaves - centre).T)
    assert np.hypot(*np.subtract(positions["hub"], centre)) < 0.1 * spread.max()
    assert np.median(spread) > 0.3 * spread.max()  # a disc, not a clump


def test_empty_and_single_actor_graphs() -> None:
    assert layout(nx.MultiDiGraph()) == {}
    single = nx.MultiDiGraph()
    single.add_node("alone")
    assert layout(single) == {"alone": (0.0, 0.0)}
    pair = nx.MultiDiGraph()
    pair.add_nodes_from(["a", "b"])
    positions = layout(pair)
    assert positions["a"] != positions["b"]


def test_graph_left_unchanged(aleppo: nx.MultiDiGraph) -> None:
    G = copy.deepcopy(aleppo)
    layout(nx.freeze(G))  # a frozen graph raises on any change
    assert nx.utils.graphs_equal(G, aleppo)
    assert list(G.edges(keys=True, data=True)) == list(aleppo.edges(keys=True, data=True))
    assert list(G.nodes(data=True)) == list(aleppo.nodes(data=True))


@pytest.mark.parametrize("shape", ["uniform", "two clusters"])
def test_mesh_repulsion_matches_pairwise_sum(shape: str) -> None:
    rng = np.random.default_rng(3)
    if shape == "uniform":
        points = rng.uniform(0, 30, size=(800, 2))
    else:
        points = np.concatenate([rng.normal(0, 3, (400, 2)), rng.normal(25, 3, (400, 2))])
    offsets = points[:, None] - points[None]
    squared = (offsets**2).sum(axis=2)
    np.fill_diagonal(squared, np.inf)
    exact = (offsets / squared[..., None]).sum(axis=1)
    approximate = _Mesh(np.arange(len(points))).repulsion(points)
    error = np.hypot(*(approximate - exact).T) / np.hypot(*exact.T)
    assert np.median(error) < 0.05
    assert np.quantile(error, 0.9) < 0.15


FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # four people, joined
CANADA = "\U0001f1e8\U0001f1e6"  # a pair of regional indicators; C|A split is no flag


@pytest.mark.parametrize(
    "name",
    [
        "Familien " + FAMILY * 9,
        CANADA * 11,
        "กองกำลังประชาธิปไตยซีเรียกองกำลังประชาธิปไตย",  # Thai vowels and tone marks
        "Zabihu\u0301\u0301\u0301a Nazariyyat Mutlaqa\u0301\u0301",  # stacked accents
    ],
)
def test_names_break_between_grapheme_clusters(name: str) -> None:
    """Lines of a wrapped or shortened name hold only whole clusters of the name: no half
    flag (another country), no family split at its joiner, no orphan tone mark or accent."""
    from graph.drawing.layout import graphemes, label_lines
    from graph.outputs.figure import figure_label

    clusters = set(graphemes(name))
    lines = [*label_lines(name, width=7), *figure_label(name).split("\n")]
    assert len(lines) > 2
    for line in lines:
        assert set(graphemes(line.removesuffix("…"))) <= clusters, line
    assert "".join(label_lines(name, width=7)).replace(" ", "") == name.replace(" ", "")
