"""The actor graph, snapshots at a date and the signed support/opposition graph."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

import graph


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return graph.load()


def test_nodes_carry_actor_columns(G: nx.MultiDiGraph) -> None:
    node = G.nodes["nusra_front"]
    assert node["name"] == "Nusra Front"
    assert node["kind"] == "armed group" and node["camp"] == "jihadist"
    assert node["aliases"] == ["Jabhat al-Nusra", "al-Nusra Front"]
    assert {"description", "source"} <= set(node)


def test_edges_carry_relation_columns(G: nx.MultiDiGraph) -> None:
    [edge] = [
        d
        for _, v, d in G.out_edges("russia", data=True)
        if v == "assad_government" and d["type"] == "air_support"
    ]
    assert edge["sign"] == 1 and edge["start"] == "2015-09-30" and edge["end"] is None
    assert edge["confidence"] == "confirmed"
    assert edge["evidence"].startswith("Russia's daily air strikes")
    assert edge["citation"].startswith("article")
    assert "BBC News, 30 September 2015" in edge["date_source"]  # an extra column, kept


def test_vocabulary_is_on_the_graph(G: nx.MultiDiGraph) -> None:
    assert G.graph["relation_types"]["siege"]["label"] == "besieges"
    assert G.graph["title"] == "Battle of Aleppo (2012–2016)"


def test_load_a_user_folder_without_vocabulary(dataset) -> None:
    (dataset / "relation_types.csv").unlink()
    (dataset / "datapackage.json").unlink()
    G = graph.load(dataset)
    assert G.number_of_edges() == graph.load().number_of_edges()
    assert G.graph["title"] == "data"


def test_snapshot_keeps_all_actors_and_active_relations(G: nx.MultiDiGraph) -> None:
    H = graph.snapshot(G, "2014-01-01")
    assert set(H.nodes) == set(G.nodes)
    types = {d["type"] for _, _, d in H.edges(data=True)}
    assert "fights" in types and "air_strikes" not in types and "siege" not in types
    assert all(d["start"] is None or d["start"] <= "2014" for _, _, d in H.edges(data=True))


@pytest.mark.parametrize(
    ("at", "active"),
    [
        ("2015-09-29", False),
        ("2015-09-30", True),
        ("2015-09", True),  # a month overlapping the start
        ("2015", True),
        (dt.date(2016, 12, 22), True),  # the end day is included
        ("2016-12-23", False),
        ("2017", False),
    ],
)
def test_snapshot_partial_date_rule(G: nx.MultiDiGraph, at, active: bool) -> None:
    H = graph.snapshot(G, at)
    assert H.has_edge("russia", "free_syrian_army") is active


def test_snapshot_open_relations_always_active(G: nx.MultiDiGraph) -> None:
    for at in ("1990", "2030-01-01"):
        assert graph.snapshot(G, at).has_edge("iran", "assad_government")


def test_snapshot_rejects_bad_date(G: nx.MultiDiGraph) -> None:
    with pytest.raises(ValueError, match="not a date"):
        graph.snapshot(G, "yesterday")


def test_functions_do_not_mutate(G: nx.MultiDiGraph) -> None:
    before = nx.to_dict_of_dicts(G), dict(G.nodes(data=True)), dict(G.graph)
    graph.snapshot(G, "2016")
    graph.signed_graph(G, at="2016")
    assert before == (nx.to_dict_of_dicts(G), dict(G.nodes(data=True)), dict(G.graph))
    frozen = nx.freeze(graph.load())
    assert nx.is_frozen(graph.snapshot(frozen, "2016"))
    graph.signed_graph(frozen)


def test_signed_graph_signs(G: nx.MultiDiGraph) -> None:
    S = graph.signed_graph(G)
    assert not S.is_directed() and not S.is_multigraph()
    assert set(S.nodes) == set(G.nodes)
    assert S["hezbollah"]["assad_government"]["sign"] == 1
    assert S["free_syrian_army"]["assad_government"]["sign"] == -1
    assert {d["sign"] for _, _, d in S.edges(data=True)} == {1, -1}
    # neutral ties are left out: negotiating, documenting, the identity tie
    assert not S.has_edge("united_states", "russia")
    assert not S.has_edge("syrian_observatory", "eastern_aleppo_civilians")
    assert not S.has_edge("jabhat_fateh_al_sham", "nusra_front")


def test_signed_graph_collects_relations_both_ways(G: nx.MultiDiGraph) -> None:
    edge = graph.signed_graph(G)["assad_government"]["free_syrian_army"]
    directions = {(r["source"], r["target"]) for r in edge["relations"]}
    assert directions == {
        ("assad_government", "free_syrian_army"),
        ("free_syrian_army", "assad_government"),
    }
    assert edge["negative"] == 3 and edge["positive"] == 0 and not edge["mixed"]


def test_signed_graph_at_date(G: nx.MultiDiGraph) -> None:
    assert not graph.signed_graph(G, at="2014").has_edge("russia", "free_syrian_army")
    assert graph.signed_graph(G, at="2016").has_edge("russia", "free_syrian_army")
    S = graph.signed_graph(G, at="2016-07-27")
    assert S.has_edge("nusra_front", "free_syrian_army")
    assert not S.has_edge("jabhat_fateh_al_sham", "free_syrian_army")


def mixed(*signs: int) -> nx.MultiDiGraph:
    M = nx.MultiDiGraph()
    M.add_nodes_from("ab")
    for sign in signs:
        M.add_edge("a", "b", type="t", sign=sign)
    return M


@pytest.mark.parametrize(
    ("signs", "expected"),
    [((1, 1, -1), 1), ((1, -1, -1), -1), ((1, -1), -1), ((1, 0), 1), ((-1, 0, 0), -1)],
)
def test_mixed_pair_rule(signs, expected: int) -> None:
    edge = graph.signed_graph(mixed(*signs))["a"]["b"]
    assert edge["sign"] == expected
    assert edge["mixed"] is (1 in signs and -1 in signs)


def test_only_neutral_pair_has_no_edge() -> None:
    assert graph.signed_graph(mixed(0, 0)).number_of_edges() == 0
