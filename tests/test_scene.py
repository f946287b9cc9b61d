"""The scene: what the explorer, the figure and the GEXF export draw, where and how."""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pytest
from test_layout import overlapping_actors

import graph
from graph.analysis.metrics import date_range
from graph.core.dates import parse_period
from graph.drawing.picture import CONFIDENCE_MEANINGS, scene
from graph.drawing.placement import LABEL_GAP, LABEL_SIZE, LABELLED_UP_TO, actor_boxes, layout
from graph.tables.read import CONFIDENCE_LEVELS


@pytest.fixture(scope="module")
def payload(G: nx.MultiDiGraph, story: pd.DataFrame) -> dict:
    return scene(G, story=story)


def test_payload_holds_every_actor_and_relation(G: nx.MultiDiGraph, payload: dict) -> None:
    assert [n["id"] for n in payload["nodes"]] == sorted(G.nodes)
    assert sorted((e["from"], e["to"], e["key"]) for e in payload["edges"]) == sorted(
        G.edges(keys=True)
    )
    assert [e["id"] for e in payload["edges"]] == list(range(G.number_of_edges()))
    for edge in payload["edges"]:
        data = G.edges[edge["from"], edge["to"], edge["key"]]
        assert (edge["type"], edge["sign"], edge["confidence"]) == (
            data["type"],
            data["sign"],
            data["confidence"],
        )
        assert edge["evidence"] == data["evidence"] and edge["citation"] == data["citation"]
        assert edge["label"] == G.graph["relation_types"][data["type"]]["label"]
    russia = next(n for n in payload["nodes"] if n["id"] == "russia")
    assert russia["aliases"] == G.nodes["russia"]["aliases"]
    assert russia["colour"] == graph.drawing.style.CAMP_COLOURS["pro-government"]


def test_relation_days_follow_the_partial_date_rule(G: nx.MultiDiGraph, payload: dict) -> None:
    for edge in payload["edges"]:
        start, end = edge["start"], edge["end"]
        assert edge["active_from"] == (parse_period(start)[0].isoformat() if start else None)
        assert edge["active_to"] == (parse_period(end)[1].isoformat() if end else None)
    siege = next(e for e in payload["edges"] if e["type"] == "siege")
    assert (siege["active_from"], siege["active_to"]) == ("2016-07-01", "2016-12-22")
    assert siege["when"] == "July 2016 – 22 December 2016"


def test_visual_encoding_comes_from_the_shared_style(payload: dict) -> None:
    for edge in payload["edges"]:
        style = graph.drawing.style.edge_style(edge["sign"], edge["confidence"])
        assert {k: edge[k] for k in style} == style
        assert edge["colour"] == graph.drawing.style.edge_colour(edge["sign"])
    for node in payload["nodes"]:
        assert node["shape"] == graph.drawing.style.node_shape(node["kind"])
    dashes = {e["sign"]: e["dashes"] for e in payload["edges"]}
    assert dashes[1] == [] and dashes[-1] != [] and dashes[-1] != dashes[0]


def test_sizes_grow_with_degree(G: nx.MultiDiGraph, payload: dict) -> None:
    nodes = sorted(payload["nodes"], key=lambda n: n["degree"])
    assert [n["degree"] for n in nodes] == sorted(d for _, d in G.degree())
    sizes = [n["size"] for n in nodes]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]
    assert payload["size"] == "number of relations"


def test_size_by_a_chosen_metric(G: nx.MultiDiGraph) -> None:
    values = pd.Series({node: 1.0 for node in G}, name="betweenness")
    values["kurdish_forces"] = 5.0
    payload = scene(G, size_by=values)
    largest = max(payload["nodes"], key=lambda n: n["size"])
    assert largest["id"] == "kurdish_forces" and payload["size"] == "betweenness"
    with pytest.raises(ValueError, match=r"no value for actors: .*russia"):
        scene(G, size_by=values.drop("russia"))
    values["iran"] = math.nan
    with pytest.raises(ValueError, match="not a finite number for actors: iran"):
        scene(G, size_by=values)


def test_positions_leave_room_for_each_actor_and_its_label(G: nx.MultiDiGraph) -> None:
    values = pd.Series({node: 1.0 for node in G}, name="betweenness")
    values["kurdish_forces"] = values["iran"] = 5.0
    for size_by in (None, values):
        payload = scene(G, size_by=size_by)
        assert payload["label_size"] == LABEL_SIZE  # the unit of positions and sizes
        positions = {node["id"]: (node["x"], node["y"]) for node in payload["nodes"]}
        labels = {node["id"]: node["label"] for node in payload["nodes"]}
        assert positions == layout(G, size_by=size_by, labels=labels)
        boxes = actor_boxes(G, size_by, label_size=payload["label_size"], labels=labels)
        assert overlapping_actors(positions, boxes) == []
        sizes = {node["id"]: node["size"] for node in payload["nodes"]}
        assert sizes == graph.drawing.style.actor_radii(G, size_by)


def test_parallel_relations_are_bent_apart(payload: dict) -> None:
    pairs: dict[frozenset, list] = {}
    for edge in payload["edges"]:
        pairs.setdefault(frozenset((edge["from"], edge["to"])), []).append(edge["roundness"])
    for roundness in pairs.values():
        if len(roundness) == 1:
            assert roundness == [None]
        else:
            assert None not in roundness and len(set(roundness)) == len(roundness)
    assert any(len(r) >= 3 for r in pairs.values())  # Russia and the Assad government


def test_relations_carry_what_they_count_in_their_tie() -> None:
    """The strengths travel for the page's tie rule: a symmetric relation's second row counts in
    no tie, nor a neutral relation or a loop; the others count their weight's magnitude."""
    M = nx.MultiDiGraph()
    M.add_edge("a", "b", type="allied_with", sign=1, symmetric=True, weight=2)
    M.add_edge("b", "a", type="allied_with", sign=1, symmetric=True, weight=5)
    M.add_edge("a", "b", type="fights", sign=-1, weight=-1.5)
    M.add_edge("b", "c", type="backs", sign=1)
    M.add_edge("b", "c", type="backs", sign=1, weight=0)
    M.add_edge("c", "c", type="backs", sign=1)
    M.add_edge("a", "c", type="negotiates_with", sign=0)
    strengths = {
        (edge["from"], edge["to"], edge["key"]): edge["strength"] for edge in scene(M)["edges"]
    }
    assert strengths == {
        ("a", "b", 0): 2.0,
        ("b", "a", 0): None,
        ("a", "b", 1): 1.5,
        ("b", "c", 0): 1.0,
        ("b", "c", 1): 0.0,
        ("c", "c", 0): None,
        ("a", "c", 0): None,
    }


def test_legend_is_generated_from_the_data(G: nx.MultiDiGraph, payload: dict) -> None:
    legend = payload["legend"]
    camps = {c["camp"]: c["actors"] for c in legend["camps"]}
    assert camps == dict(pd.Series(dict(G.nodes(data="camp"))).value_counts())
    assert {k["kind"] for k in legend["kinds"]} == {kind for _, kind in G.nodes(data="kind")}
    assert [s["name"] for s in legend["signs"]] == ["support", "opposition", "neutral"]
    assert sum(s["relations"] for s in legend["signs"]) == G.number_of_edges()
    assert [c["level"] for c in legend["confidence"]] == ["confirmed", "claimed", "alleged"]
    types = {t["type"]: t["relations"] for t in payload["types"]}
    assert sum(types.values()) == G.number_of_edges() and types["air_strikes"] == 2
    assert [t["sign"] for t in payload["types"]] == sorted(
        (t["sign"] for t in payload["types"]), reverse=True
    )


def test_months_span_the_data(G: nx.MultiDiGraph, payload: dict) -> None:
    months = payload["months"]
    first, last = date_range(G)
    assert months[0]["date"] == first[:7] and months[-1]["date"] == last[:7]
    assert len(months) == (2016 - 2012) * 12 + (12 - 7) + 1
    for month in months:
        assert (month["first"], month["last"]) == tuple(
            day.isoformat() for day in parse_period(month["date"])
        )
    assert months[0]["label"] == "July 2012"


def test_months_widen_to_the_story_and_start_date(G: nx.MultiDiGraph) -> None:
    months = scene(G, at="2018-02-03")["months"]
    assert months[0]["date"] == "2012-07" and months[-1]["date"] == "2018-02"


def test_start_date_and_story_periods(G: nx.MultiDiGraph, payload: dict) -> None:
    assert payload["at"] is None
    at = scene(G, at="2015-09-30")["at"]
    assert at == {
        "date": "2015-09-30",
        "label": "30 September 2015",
        "first": "2015-09-30",
        "last": "2015-09-30",
    }
    steps = payload["story"]
    assert [s["date"] for s in steps][:3] == ["2012-07", "2014", "2015-10"]
    assert steps[1]["label"] == "2014" and steps[1]["last"] == "2014-12-31"
    assert steps[0]["actors"] == ["free_syrian_army", "assad_government"]
    assert steps[0]["caption"].startswith("Syrian rebels attacked Aleppo in July 2012")


def test_actor_boxes_and_label_places_travel_with_the_scene(G: nx.MultiDiGraph) -> None:
    """The label-box rule is written once, in Python; the page and the figure read its result."""
    values = pd.Series({node: 1.0 for node in G}, name="betweenness")
    values["iran"] = 9.0
    for size_by in (None, values):
        payload = scene(G, size_by=size_by)
        labels = {node["id"]: node["label"] for node in payload["nodes"]}
        boxes = actor_boxes(G, size_by, label_size=payload["label_size"], labels=labels)
        for node in payload["nodes"]:
            expected = boxes.loc[node["id"]]
            assert node["box"] == pytest.approx(expected.to_dict(), abs=0.005)
            assert node["label_top"] == pytest.approx(node["size"] + LABEL_SIZE / 2 + LABEL_GAP)
            assert node["box"]["bottom"] > node["label_top"] > node["size"]
    assert scene(G)["labelled_up_to"] == LABELLED_UP_TO


def test_long_names_are_drawn_on_lines_of_at_most_18_characters(G: nx.MultiDiGraph) -> None:
    """Labels about as deep as wide leave room for more names at a projector's size."""
    labels = {node["id"]: node["label"] for node in scene(G)["nodes"]}
    assert labels["syrian_observatory"] == "Syrian Observatory\nfor Human Rights"
    assert labels["eastern_aleppo_civilians"] == "Civilians of\neastern Aleppo"
    assert labels["free_syrian_army"] == "Free Syrian Army"  # 16 characters: one line
    for node in scene(G)["nodes"]:
        assert node["label"].replace("\n", " ") == node["name"]
        assert max(len(line) for line in node["label"].split("\n")) <= 18
    # Wrapped labels are narrower: the drawing they get is smaller than with whole names.
    names = {node: str(name) for node, name in G.nodes(data="name")}
    whole = actor_boxes(G, labels=names)
    wrapped = actor_boxes(G, labels=labels)
    assert (wrapped.right - wrapped.left).max() < 0.6 * (whole.right - whole.left).max()


def test_the_page_words_for_signs_and_confidence_come_from_python(payload: dict) -> None:
    signs = {entry["sign"]: entry["name"] for entry in payload["legend"]["signs"]}
    assert signs == graph.drawing.style.SIGN_NAMES
    levels = [entry["level"] for entry in payload["legend"]["confidence"]]
    # The levels the data holds, in the order the table sorts them in.
    assert levels == [level for level in CONFIDENCE_LEVELS if level != "reported"]
    meanings = {entry["level"]: entry["meaning"] for entry in payload["legend"]["confidence"]}
    assert meanings == {level: CONFIDENCE_MEANINGS[level] for level in levels}
    assert set(CONFIDENCE_MEANINGS) == set(CONFIDENCE_LEVELS)  # every level has its words


def test_an_empty_graph_has_an_empty_scene() -> None:
    empty = nx.MultiDiGraph()
    payload = scene(empty)
    assert payload["nodes"] == payload["edges"] == payload["months"] == []
    assert payload["legend"] == {
        "colour_by": {"by": "camp", "how": "the camps the data give"},
        "camps": [],
        "kinds": [],
        "signs": [],
        "confidence": [],
    }


def test_the_scene_does_not_change_the_graph(G: nx.MultiDiGraph) -> None:
    before = nx.node_link_data(G, edges="edges")
    scene(G, size_by=pd.Series({node: 2.0 for node in G}))
    assert nx.node_link_data(G, edges="edges") == before


def test_a_random_signed_graph_makes_a_valid_scene() -> None:
    """Beyond the bundled data: ids, keys and kinds that no CSV of ours has."""
    ties = graph.datasets.random_signed_graph(60, 150, seed=3)
    G = nx.MultiDiGraph()
    G.add_nodes_from(f"actor {node}" for node in ties)
    for u, v, sign in ties.edges(data="sign"):
        kind = "helps" if sign > 0 else "fights"
        G.add_edge(f"actor {u}", f"actor {v}", type=kind, sign=sign, confidence="claimed")
    payload = scene(G)
    assert len(payload["nodes"]) == G.number_of_nodes()
    assert all(math.isfinite(node["x"]) and math.isfinite(node["y"]) for node in payload["nodes"])
