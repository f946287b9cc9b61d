"""What-if: removing actors and comparing graphs."""

from __future__ import annotations

import itertools
import math

import networkx as nx
import pandas as pd
import pytest

import graph
from graph.analysis.whatif import COMPARED_METRICS, compare, without
from graph.balance import frustrated_ties, frustration


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
    expected += ["partition_before", "partition_after", "changed_sides"]
    assert list(table.columns) == expected
    assert table.index.tolist() == list(aleppo)
    assert table.index.name == "actor"
    assert table["changed_sides"].dtype == bool
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
    assert pd.isna(russia["partition_after"]) and not russia["changed_sides"]
    assert russia["partition_before"] == "assad_government"
    # The United Kingdom only accused Russia: it has no tie left, so no group.
    assert pd.isna(table.loc["united_kingdom", "partition_after"])
    # The old sides still fit best: nobody changes sides.
    assert not table["changed_sides"].any()
    # Without the bombing, the rebels' signed degree rises by one.
    assert table.loc["free_syrian_army", "signed_degree_change"] == 1


def test_partitions_are_optimal_and_aligned(aleppo: nx.MultiDiGraph) -> None:
    # Without Amnesty's tie to the rebels, Amnesty only accuses the government:
    # whatever side the first partition gave it, it now sits against the government.
    after = without(aleppo, "free_syrian_army")
    table = compare(aleppo, after)
    amnesty = table.loc["amnesty_international"]
    assert amnesty["partition_after"] != table.loc["assad_government", "partition_after"]
    moved = table.index[table["changed_sides"]].tolist()
    assert moved in ([], ["amnesty_international"])
    assert (moved == []) == (amnesty["partition_before"] != "assad_government")
    # The "after" partition is an optimal one of the "after" graph.
    S = graph.signed_graph(after)
    placed = table["partition_after"].reindex(list(S))
    assert len(frustrated_ties(S, placed)) == frustration(S).L


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
    assert pd.isna(table.loc["c", "partition_before"])
    assert table.loc["c", "partition_after"] == "c" != table.loc["a", "partition_after"]
    assert table.loc["a", "partition_after"] == table.loc["a", "partition_before"]
    assert not table["changed_sides"].any()


def test_the_smaller_part_changes_sides() -> None:
    # Before: a triangle {a, b, c} and a 5-clique {d..h} of allies, bridged by
    # c - h: one group. After: the bridge goes and a - d, b - e become hostile.
    # The old one-group split is a local optimum no single move improves, so
    # the solver's split is used; the five stay, the three change sides.
    allies = [(u, v, 1) for group in ("abc", "defgh") for u, v in itertools.combinations(group, 2)]
    table = compare(
        signed_actors("abcdefgh", [*allies, ("c", "h", 1)]),
        signed_actors("abcdefgh", [*allies, ("a", "d", -1), ("b", "e", -1)]),
    )
    assert table["partition_before"].nunique() == 1
    assert table["partition_after"].tolist() == ["a"] * 3 + ["d"] * 5
    assert table.index[table["changed_sides"]].tolist() == ["a", "b", "c"]


def test_undecided_actors_keep_their_side() -> None:
    # a and b are enemies. x backed b and now opposes both (either group
    # frustrates one tie); y was a's ally and now opposes it. Only y must move.
    before = signed_actors("abxy", [("a", "b", -1), ("x", "b", 1), ("y", "a", 1)])
    after = signed_actors("abxy", [("a", "b", -1), ("x", "a", -1), ("x", "b", -1), ("y", "a", -1)])
    table = compare(before, after)
    assert table.index[table["changed_sides"]].tolist() == ["y"]
    assert table.loc["x", "partition_after"] == table.loc["b", "partition_after"]


def test_compare_explains_wrong_arguments(aleppo: nx.MultiDiGraph) -> None:
    with pytest.raises(TypeError, match=r"G_after is str 'russia'.*graph\.without"):
        compare(aleppo, "russia")
    with pytest.raises(TypeError, match="G_before is list"):
        compare([], aleppo)


def test_compare_at_a_date(aleppo: nx.MultiDiGraph) -> None:
    # Before Russia's air campaign (September 2015) it only opposed IS.
    table = compare(aleppo, without(aleppo, "russia"), at="2014")
    expected = graph.centrality(aleppo, at="2014")
    assert table["degree_before"].tolist() == expected["degree"].astype(float).tolist()
    assert table.loc["free_syrian_army", "signed_degree_change"] == 0
