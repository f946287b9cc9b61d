"""The actor graph, snapshots at a date and the signed support/opposition graph."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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


def small(tmp_path, actors: str, relations: str, types: str | None = None) -> nx.MultiDiGraph:
    (tmp_path / "actors.csv").write_text(actors, encoding="utf-8")
    (tmp_path / "relations.csv").write_text(relations, encoding="utf-8")
    if types is not None:
        (tmp_path / "relation_types.csv").write_text(types, encoding="utf-8")
    return graph.load(tmp_path)


def test_actors_with_dates_are_in_snapshots_only_then(tmp_path) -> None:
    G = small(
        tmp_path,
        "id,start,end\nold,,2016-07-28\nnew,2016-07-28,\nstate,,\n",
        "source,target,type\nold,state,fights\nnew,state,fights\n",
    )
    assert (G.nodes["new"]["start"], G.nodes["new"]["end"]) == ("2016-07-28", None)
    assert set(graph.snapshot(G, "2016-07-27")) == {"old", "state"}
    assert set(graph.snapshot(G, "2016-07-28")) == {"old", "new", "state"}  # the day of both
    assert set(graph.snapshot(G, "2017")) == {"new", "state"}
    assert list(graph.snapshot(G, "2017").edges) == [("new", "state", 3)]
    assert set(graph.signed_graph(G, at="2015")) == {"old", "state"}
    with pytest.raises(graph.DataError, match="end 2015 is before start 2016"):
        small(tmp_path, "id,start,end\nx,2016,2015\n", "source,target,type\nx,x,fights\n")


def test_members_inherit_the_coalitions_ties(G: nx.MultiDiGraph) -> None:
    members = {u for u, v, t in G.edges(data="type") if t == "member_of"}
    assert members == {"united_states", "united_kingdom"}
    assert all(v == "western_powers" for u, v, t in G.edges(data="type") if t == "member_of")
    plain = graph.signed_graph(G)
    inherited = graph.signed_graph(G, inherit_membership=True)
    assert not plain.has_edge("united_kingdom", "assad_government")
    edge = inherited["united_kingdom"]["assad_government"]
    assert edge["sign"] == -1
    assert [r["inherited_from"] for r in edge["relations"]] == ["western_powers"]
    assert (edge["relations"][0]["source"], edge["relations"][0]["type"]) == (
        "united_kingdom",
        "opposes",
    )
    # The US funds the rebels itself and inherits the coalition's political support.
    us_fsa = inherited["united_states"]["free_syrian_army"]
    assert us_fsa["positive"] == 2 and plain["united_states"]["free_syrian_army"]["positive"] == 1
    # A member and its coalition get no tie from the membership, nor from their shared enemy.
    assert not inherited.has_edge("united_states", "western_powers")
    assert (
        inherited["united_kingdom"]["russia"]["negative"] == 2
    )  # its own accusation, and the West's


def test_symmetric_relations_counted_once(tmp_path) -> None:
    G = small(
        tmp_path,
        "id\na\nb\nc\n",
        "source,target,type,start\na,b,allied_with,2015\nb,a,allied_with,2015\n"
        "a,c,allied_with,2015\nb,a,allied_with,2016\nb,c,negotiates_with,\nc,b,negotiates_with,\n",
        "type,sign,label,symmetric\nallied_with,1,is allied with,yes\n",
    )
    assert all(d["symmetric"] for *_, d in G.edges(data=True))
    S = graph.signed_graph(G)
    assert S["a"]["b"]["positive"] == 2  # 2015 (written both ways) and 2016
    assert graph.relation_counts(G).loc["allied_with", "relations"] == 3
    assert graph.relation_counts(G).loc["negotiates_with", "relations"] == 1
    assert graph.load().edges["united_states", "russia", 26]["symmetric"] is True


def test_tidy_tables_of_a_graph(G: nx.MultiDiGraph) -> None:
    actors = graph.actors(G)
    assert list(actors.index) == list(G.nodes) and actors.index.name == "id"
    assert actors.loc["nusra_front", "aliases"] == ["Jabhat al-Nusra", "al-Nusra Front"]
    relations = graph.relations(G)
    assert len(relations) == G.number_of_edges()
    assert list(relations.columns[:5]) == ["source", "target", "key", "type", "sign"]
    iran = relations[relations["source"] == "iran"].iloc[0]
    assert iran["start"] is None and iran["end"] is None  # None, not NaN
    signed = graph.relations(graph.signed_graph(G))
    assert list(signed.columns[:2]) == ["source", "target"] and "key" not in signed


def test_graph_carries_none_not_nan() -> None:
    import pandas as pd

    actors = pd.DataFrame({"name": ["A", "B"], "score": [1.5, float("nan")]}, index=["a", "b"])
    relations = pd.DataFrame(
        {"source": ["a"], "target": ["b"], "type": ["fights"], "sign": [-1], "start": [None]},
        index=[2],
    )
    G = graph.from_tables(actors, relations)
    assert G.nodes["b"]["score"] is None and G.nodes["a"]["score"] == 1.5
    assert G.edges["a", "b", 2]["start"] is None


def test_symmetric_relations_drawn_without_head_in_figures(G: nx.MultiDiGraph) -> None:
    from matplotlib.patches import ArrowStyle

    from graph.outputs.figure import make_figure

    network = make_figure(G).axes[0]
    heads = [type(patch.get_arrowstyle()) for patch in network.patches]
    symmetric = sum(d["symmetric"] for *_, d in G.edges(data=True))
    assert heads.count(ArrowStyle.Curve) == symmetric > 0
    assert heads.count(ArrowStyle.CurveFilledB) == G.number_of_edges() - symmetric


def test_undirected_import_drawn_without_heads_in_figures(tmp_path: Path) -> None:
    from matplotlib.patches import ArrowStyle

    from graph.importers import import_events
    from graph.outputs.figure import make_figure

    ties = tmp_path / "ties.csv"
    ties.write_text("source,target,sign\na,b,1\nb,c,-1\nc,a,-1\n")
    U = graph.load(import_events("edgelist", ties, tmp_path / "u", undirected=True))
    figure = make_figure(U)
    heads = [type(patch.get_arrowstyle()) for patch in figure.axes[0].patches]
    assert heads == [ArrowStyle.Curve] * 3
    # Nor does the legend explain an arrowhead none of the ties has.
    assert "from the actor who acts" not in [t.get_text() for t in figure.axes[1].texts]
