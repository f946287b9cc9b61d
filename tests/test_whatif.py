"""What-if: removing actors and comparing graphs."""

from __future__ import annotations

import itertools
import math

import networkx as nx
import pandas as pd
import pytest

import graph
from graph.balance import frustrated_ties, frustration
from graph.whatif import COMPARED_METRICS, compare, without


def signed_actors(actors: str, relations: list[tuple[str, str, int]]) -> nx.MultiDiGraph:
    """An actor graph of one-letter actors and (source, target, sign) relations."""
    G = nx.MultiDiGraph()
    G.add_nodes_from(actors, name="x")
    G.add_edges_from((u, v, {"type": "t", "sign": sign}) for u, v, sign in relations)
    return G


@pytest.fixture(scope="module")
def aleppo() -> nx.MultiDiGraph:
    return nx.freeze(graph.load())


def test_without_removes_actors_and_their_relations(aleppo: nx.MultiDiGraph) -> None:
    H = without(aleppo, ["russia", "iran"])
    assert "russia" not in H and "iran" not in H
    assert H.number_of_nodes() == 18
    # Russia takes part in 9 relations, Iran in 1 (backing the government).
    assert H.number_of_edges() == aleppo.number_of_edges() - 10
    assert all("russia" not in (u, v) for u, v in H.edges())
    assert H.graph["without"] == ["iran", "russia"]
    assert H.graph["title"] == aleppo.graph["title"]
    assert "russia" in aleppo and aleppo.number_of_edges() == 34
    assert without(without(aleppo, "iran"), "russia").graph["without"] == ["iran", "russia"]


def test_without_reports_every_unknown_actor(aleppo: nx.MultiDiGraph) -> None:
    with pytest.raises(KeyError, match="'moscow', 'tehran'"):
        without(aleppo, ["tehran", "russia", "moscow"])


def test_compare_columns(aleppo: nx.MultiDiGraph) -> None:
    table = compare(aleppo, without(aleppo, "russia"))
    expected = ["name"]
    for metric in COMPARED_METRICS:
        expected += [f"{metric}_before", f"{metric}_after", f"{metric}_change"]
    expected += ["camp_before", "camp_after", "camp_changed"]
    assert list(table.columns) == expected
    assert table.index.tolist() == list(aleppo)
    assert table.index.name == "actor"
    assert str(table["camp_after"].dtype) == "Int64"
    narrow = compare(aleppo, aleppo, metrics=["pagerank"])
    assert list(narrow.columns[:4]) == [
        "name",
        "pagerank_before",
        "pagerank_after",
        "pagerank_change",
    ]
    with pytest.raises(KeyError, match="'fame'"):
        compare(aleppo, aleppo, metrics=["degree", "fame"])


def test_what_if_russia_withdraws(aleppo: nx.MultiDiGraph) -> None:
    table = compare(aleppo, without(aleppo, "russia"))
    government = table.loc["assad_government"]
    # Russia's three support relations to the government go.
    assert (government["degree_before"], government["degree_after"]) == (15, 12)
    assert government["degree_change"] == -3
    russia = table.loc["russia"]
    assert math.isnan(russia["degree_after"]) and math.isnan(russia["pn_change"])
    assert russia["camp_after"] is pd.NA and not russia["camp_changed"]
    # The United Kingdom only accused Russia: it has no tie left, so no camp.
    assert table.loc["united_kingdom", "camp_after"] is pd.NA
    # The old sides still fit best: nobody changes camp.
    assert not table["camp_changed"].any()
    # Without the bombing, the rebels' signed degree rises by one.
    assert table.loc["free_syrian_army", "signed_degree_change"] == 1


def test_camps_are_optimal_and_aligned(aleppo: nx.MultiDiGraph) -> None:
    # Without the rebels, Amnesty only accuses the government: it changes side.
    after = without(aleppo, "free_syrian_army")
    table = compare(aleppo, after)
    assert table.index[table["camp_changed"]].tolist() == ["amnesty_international"]
    # The two camp labels mean the same side before and after.
    assert (
        table.loc["assad_government", "camp_before"] == table.loc["assad_government", "camp_after"]
    )
    # The "after" split is an optimal split of the "after" graph.
    S = graph.signed_graph(after)
    placed = table["camp_after"].dropna().astype(int)
    L, _ = frustration(S)
    assert len(frustrated_ties(S, placed.reindex(list(S)).fillna(0))) == L


def test_compare_with_an_actor_only_after() -> None:
    before = nx.MultiDiGraph()
    before.add_node("a", name="A")
    before.add_node("b", name="B")
    before.add_edge("a", "b", type="weapons", sign=1)
    after = before.copy()
    after.add_node("c", name="C")
    after.add_edge("c", "a", type="fights", sign=-1)
    table = compare(before, after)
    assert table.index.tolist() == ["a", "b", "c"]
    assert table.loc["c", "name"] == "C"
    assert math.isnan(table.loc["c", "degree_before"])
    assert table.loc["c", "degree_after"] == 1
    assert table.loc["c", "camp_before"] is pd.NA
    assert table.loc["c", "camp_after"] != table.loc["a", "camp_after"]
    assert table.loc["a", "camp_after"] == table.loc["a", "camp_before"]


def test_camp_labels_follow_the_larger_part() -> None:
    # Before: a triangle {a, b, c} and a 5-clique {d..h} of allies, bridged by
    # c - h: one camp. After: the bridge goes and a - d, b - e become hostile.
    # The old one-camp split is a local optimum no single move improves, so
    # the solver's split is used; it calls {a, b, c} camp 0 (a sorts first),
    # and the labels must be swapped so that the five keep their camp.
    allies = [(u, v, 1) for group in ("abc", "defgh") for u, v in itertools.combinations(group, 2)]
    table = compare(
        signed_actors("abcdefgh", [*allies, ("c", "h", 1)]),
        signed_actors("abcdefgh", [*allies, ("a", "d", -1), ("b", "e", -1)]),
    )
    assert table["camp_before"].tolist() == [0] * 8
    assert table["camp_after"].tolist() == [1, 1, 1, 0, 0, 0, 0, 0]
    assert table.index[table["camp_changed"]].tolist() == ["a", "b", "c"]


def test_undecided_actors_keep_their_camp() -> None:
    # a and b are enemies. x backed b and now opposes both (either camp
    # frustrates one tie); y was a's ally and now opposes it. Only y must move.
    before = signed_actors("abxy", [("a", "b", -1), ("x", "b", 1), ("y", "a", 1)])
    after = signed_actors("abxy", [("a", "b", -1), ("x", "a", -1), ("x", "b", -1), ("y", "a", -1)])
    table = compare(before, after)
    assert table.index[table["camp_changed"]].tolist() == ["y"]
    assert table.loc["x", "camp_after"] == table.loc["b", "camp_after"]
