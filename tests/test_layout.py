"""The seeded signed layout: deterministic, allies close, opponents apart, nothing stacked."""

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
import pytest

import graph
from graph.layout import _Mesh, layout

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
        "from graph.layout import layout\n"
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
    lengths = tie_lengths(aleppo, layout(aleppo))
    assert lengths[1] < 0.5 * lengths[-1]


@pytest.mark.parametrize("size", [6, 150])
def test_two_camps_drawn_apart(size: int) -> None:
    G = two_camps(size)
    positions = layout(G)
    lengths = tie_lengths(G, positions)
    assert lengths[1] < 0.5 * lengths[-1]
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
    positions = layout(G, scale=300.0)
    assert set(positions) == set(G)
    assert len(set(positions.values())) == len(G)
    coordinates = [c for xy in positions.values() for c in xy]
    assert all(isinstance(c, float) and c == round(c, 1) for c in coordinates)
    assert max(abs(c) for c in coordinates) == 300.0


def test_actors_too_close_to_round_apart_are_moved_aside(aleppo: nx.MultiDiGraph) -> None:
    # Rounded to 0.1 px, [-0.1, 0.1] has nine points for twenty actors.
    positions = layout(aleppo, scale=0.1)
    assert len(set(positions.values())) == aleppo.number_of_nodes()


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
    assert near < 0.5 * median


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
