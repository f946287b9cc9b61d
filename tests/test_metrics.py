"""Centrality and summary tables, against hand-computed and published values."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import graph
from graph.analysis.metrics import centrality, pn_centrality, summary


def actor_graph(relations: list[tuple[str, str, str, int]], extra: tuple[str, ...] = ()):
    """A small frozen actor graph: (source, target, type, sign) relations."""
    G = nx.MultiDiGraph()
    for actor in sorted({a for s, t, _, _ in relations for a in (s, t)} | set(extra)):
        G.add_node(actor, name=actor.upper(), camp="x")
    for key, (source, target, kind, sign) in enumerate(relations, start=2):
        G.add_edge(source, target, key=key, type=kind, sign=sign)
    return nx.freeze(G)


# a supports b; b and c fight each other; a only negotiates with d.
SMALL = [
    ("a", "b", "weapons", 1),
    ("b", "c", "fights", -1),
    ("c", "b", "fights", -1),
    ("a", "d", "negotiates_with", 0),
]


# --- PN centrality: hand-derived values -------------------------------------


def test_pn_single_ties() -> None:
    # n = 2, beta = 1/2: x = 1 + x/2 for two allies.
    allies = nx.Graph()
    allies.add_edge("a", "b", sign=1)
    assert pn_centrality(allies).tolist() == [2.0, 2.0]
    # n = 3, beta = 1/4: x = 1 - 2x/4 for two enemies, and 1 for the third actor.
    enemies = nx.Graph()
    enemies.add_edge("a", "b", sign=-1)
    enemies.add_node("c")
    assert pn_centrality(enemies).to_numpy() == pytest.approx([2 / 3, 2 / 3, 1])


def test_pn_when_everyone_is_opposed_is_the_limit() -> None:
    # With two opposed actors x = 1 - x has no unique solution (the same for
    # directed ties when every ordered pair is opposed): the score is the
    # limit as the negative weight c rises to 2, 1 / (1 + c/2) -> 1/2.
    enemies = nx.Graph()
    enemies.add_edge("a", "b", sign=-1)
    assert pn_centrality(enemies).tolist() == [0.5, 0.5]
    hostile = nx.complete_graph(4, create_using=nx.DiGraph)
    nx.set_edge_attributes(hostile, -1, "sign")
    n, off = 4, np.ones((4, 4)) - np.eye(4)
    beta = 1 / (2 * n - 2)
    for c in (1.99, 1.9999):  # the out-version by its formula, with A = -c N
        A = -c * off
        near = np.linalg.solve(np.eye(n) - beta**2 * A @ A.T, (np.eye(n) + beta * A) @ np.ones(n))
        assert near == pytest.approx([1 / (1 + c / 2)] * n)
    for mode in ("out", "in"):
        assert pn_centrality(hostile, mode=mode).tolist() == [0.5] * 4
    assert pn_centrality(hostile).tolist() == pytest.approx([0.5] * 4)  # x = 1 - 6x/6


def test_pn_path_by_hand() -> None:
    # a +- b -- c, n = 3, beta = 1/4:
    # xa = 1 + xb/4, xb = 1 + xa/4 - xc/2, xc = 1 - xb/2  =>  (14, 12, 5) / 11.
    S = nx.Graph()
    S.add_edge("a", "b", sign=1)
    S.add_edge("b", "c", sign=-1)
    scores = pn_centrality(S)
    assert scores.name == "pn"
    assert scores.index.tolist() == ["a", "b", "c"]
    assert scores.to_numpy() == pytest.approx([14 / 11, 12 / 11, 5 / 11])


def test_pn_directed_by_hand() -> None:
    # a -> b positive, n = 2, beta = 1/2. Out: (I - AA'/4)^-1 (I + A/2) 1 = (2, 1).
    D = nx.DiGraph()
    D.add_edge("a", "b", sign=1)
    assert pn_centrality(D, mode="out").tolist() == [2.0, 1.0]
    assert pn_centrality(D, mode="in").tolist() == [1.0, 2.0]
    assert pn_centrality(D, mode="out").name == "pn_out"
    assert pn_centrality(D).tolist() == [2.0, 2.0]  # direction ignored


def test_pn_ignores_neutral_edges_and_isolates() -> None:
    S = nx.Graph()
    S.add_edge("a", "b", sign=0)
    S.add_node("c")
    assert pn_centrality(S).tolist() == [1.0, 1.0, 1.0]
    assert pn_centrality(nx.Graph()).empty


def test_pn_rejects_bad_input() -> None:
    S = nx.Graph()
    S.add_edge("a", "b")
    with pytest.raises(ValueError, match=r"tie \('a', 'b'\) has no 'sign' attribute"):
        pn_centrality(S)
    S["a"]["b"]["sign"] = 1
    with pytest.raises(ValueError, match="needs a directed graph"):
        pn_centrality(S, mode="out")
    with pytest.raises(ValueError, match="mode must be"):
        pn_centrality(S, mode="both")


# --- PN centrality: published values ------------------------------------------

# Everett & Borgatti (2014), "Networks containing negative ties", Social
# Networks 38:111-120: the 10-actor example in which every actor has two
# positive and two negative ties, so signed degree cannot tell them apart, and
# the PN scores reported for it, to three decimals (the paper's Table 5 as
# transcribed in CompNet/SignedCentrality's tests, file table_5.csv; the same
# matrix and scores are the example of R signnet's pn_index).
TEN = [
    [0, 1, 0, 1, 0, 0, 0, -1, -1, 0],
    [1, 0, 1, -1, 1, -1, -1, 0, 0, 0],
    [0, 1, 0, 1, -1, 0, 0, 0, -1, 0],
    [1, -1, 1, 0, 1, -1, -1, 0, 0, 0],
    [0, 1, -1, 1, 0, 1, 0, -1, 0, -1],
    [0, -1, 0, -1, 1, 0, 1, 0, 1, -1],
    [0, -1, 0, -1, 0, 1, 0, 1, -1, 1],
    [-1, 0, 0, 0, -1, 0, 1, 0, 1, 0],
    [-1, 0, -1, 0, 0, 1, -1, 1, 0, 1],
    [0, 0, 0, 0, -1, -1, 1, 0, 1, 0],
]
TEN_PN = [0.901, 0.861, 0.908, 0.861, 0.841, 0.850, 0.862, 0.902, 0.851, 0.907]


def test_pn_everett_borgatti_ten_actor_example() -> None:
    S = nx.from_numpy_array(np.array(TEN), edge_attr="sign")
    assert pn_centrality(S).round(3).tolist() == TEN_PN


# Sampson's monastery (S. F. Sampson, PhD thesis, Cornell, 1968), as Everett &
# Borgatti analyse it: P holds the positive choices (liking at the third wave,
# esteem, influence, praise) and N the negative ones, row -> column, for the 18
# novices in the order below; 10 ordered pairs are in both. The matrices are
# transcribed from the CompNet/SignedCentrality test suite (files SAMP.csv and
# SAMN.csv, "graphs used by M. Everett and S. Borgatti in their paper"); the
# expected scores are the paper's Table 4 (undirected PN, ties symmetrised) and
# Table 7 (in- and out-PN), to two decimals.
MONKS = [
    "ROMUALD",
    "BONAVENTURE",
    "AMBROSE",
    "BERTHOLD",
    "PETER",
    "LOUIS",
    "VICTOR",
    "WINFRID",
    "JOHN_BOSCO",
    "GREGORY",
    "HUGH",
    "BONIFACE",
    "MARK",
    "ALBERT",
    "AMAND",
    "BASIL",
    "ELIAS",
    "SIMPLICIUS",
]
SAMPSON_P = """
011010000000001000 001011000100000000 010010111100000000 011011000100000000
110101000000000000 011010100010010000 011111001000000000 000000001110100000
010000110110100110 010000111000100000 000000011101010000 000000011110100000
000000010101010000 000000010101100000 010001000000100001 000000001000001011
000000000100001101 000000001100000110
"""
SAMPSON_N = """
000000000000000000 000000000000000111 000000010000001111 000000100100101111
000000001110100000 000000001110110111 000000010110011111 000000000010000011
100001000100110101 000010100000001100 000011100000001111 000011000000001111
000110100000000110 000011000000001111 000100010100000111 000110000110010000
000110100000000000 100111100000000000
"""
SAMPSON_UNDIRECTED = [
    1.03, 1.16, 1.07, 0.90, 0.77, 0.81, 0.76, 0.94, 0.90,
    0.99, 0.85, 0.95, 0.86, 0.85, 0.64, 0.39, 0.48, 0.41,
]  # fmt: skip
SAMPSON_IN = [
    0.92, 1.24, 1.14, 0.79, 0.74, 0.87, 0.79, 1.03, 1.12,
    0.95, 0.85, 1.08, 0.96, 0.88, 0.71, 0.44, 0.49, 0.49,
]  # fmt: skip
SAMPSON_OUT = [
    1.11, 1.03, 0.99, 0.86, 0.88, 0.80, 0.83, 1.01, 0.87,
    0.99, 0.88, 0.92, 0.93, 0.90, 0.86, 0.83, 0.94, 0.85,
]  # fmt: skip


@pytest.fixture(scope="module")
def sampson() -> nx.MultiDiGraph:
    """Positive and negative choices as signed edges; a pair may have both."""
    G = nx.MultiDiGraph()
    G.add_nodes_from(MONKS)
    for sign, text in ((1, SAMPSON_P), (-1, SAMPSON_N)):
        rows = text.split()
        assert len(rows) == 18 and all(len(row) == 18 for row in rows)
        for i, row in enumerate(rows):
            G.add_edges_from(
                (MONKS[i], MONKS[j], {"sign": sign}) for j in range(18) if row[j] == "1"
            )
    return G


def test_pn_sampson_published_undirected(sampson: nx.MultiDiGraph) -> None:
    assert pn_centrality(sampson).round(2).tolist() == SAMPSON_UNDIRECTED


def test_pn_sampson_published_in_and_out(sampson: nx.MultiDiGraph) -> None:
    assert pn_centrality(sampson, mode="in").round(2).tolist() == SAMPSON_IN
    assert pn_centrality(sampson, mode="out").round(2).tolist() == SAMPSON_OUT


# --- centrality table ------------------------------------------------------


def test_centrality_by_hand() -> None:
    table = centrality(actor_graph(SMALL))
    assert table.index.name == "actor"
    assert table.index.tolist() == ["a", "b", "c", "d"]
    assert table["name"].tolist() == ["A", "B", "C", "D"]
    assert table["in_degree"].tolist() == [0, 2, 1, 1]
    assert table["out_degree"].tolist() == [2, 1, 1, 0]
    assert table["degree"].tolist() == [2, 3, 2, 1]
    assert table["support_given"].tolist() == [1, 0, 0, 0]
    assert table["support_received"].tolist() == [0, 1, 0, 0]
    assert table["opposition_given"].tolist() == [0, 1, 1, 0]
    assert table["opposition_received"].tolist() == [0, 1, 1, 0]
    # The two "fights" make one negative tie; the negotiation makes none.
    assert table["signed_degree"].tolist() == [1, 0, -1, 0]
    # Path d - a - b - c over all relations: a and b each sit on 2 of 3 pairs.
    assert table["betweenness"].tolist() == pytest.approx([2 / 3, 2 / 3, 0, 0])
    # Signed graph a +- b -- c and isolated d, n = 4, beta = 1/6:
    # xb = 1 + xa/6 - xc/3, xa = 1 + xb/6, xc = 1 - xb/3  =>  (36, 30, 21, 31) / 31.
    assert table["pn"].to_numpy() == pytest.approx(np.array([36, 30, 21, 31]) / 31)


def test_pagerank_counts_each_relation() -> None:
    table = centrality(actor_graph(SMALL))
    assert table["pagerank"].sum() == pytest.approx(1.0)
    # b is the target of two relations, one of them from a which nobody targets.
    assert table["pagerank"].idxmax() == "b"
    doubled = centrality(actor_graph([*SMALL, ("a", "d", "documents", 0)]))
    assert doubled.loc["d", "pagerank"] > table.loc["d", "pagerank"]


def test_centrality_column_types() -> None:
    table = centrality(graph.load())
    integers = [
        "in_degree",
        "out_degree",
        "degree",
        "support_given",
        "support_received",
        "opposition_given",
        "opposition_received",
        "signed_degree",
    ]
    assert all(pd.api.types.is_integer_dtype(table[c]) for c in integers)
    assert all(pd.api.types.is_float_dtype(table[c]) for c in ["betweenness", "pagerank", "pn"])
    assert len(table) == 20


def test_centrality_aleppo_counts() -> None:
    table = centrality(graph.load())
    russia = table.loc["russia"]
    # political_support, backs and air_support to the government; opposes IS,
    # air strikes on the rebels and on the civilians.
    assert (russia["support_given"], russia["opposition_given"]) == (3, 3)
    # Accused by the Western powers and by the United Kingdom.
    assert russia["opposition_received"] == 2
    assert table["support_given"].sum() == table["support_received"].sum() == 13
    assert table["opposition_given"].sum() == table["opposition_received"].sum() == 15
    assert table.loc["kurdish_forces", ["degree", "betweenness"]].tolist() == [0, 0.0]


def test_centrality_at_a_date() -> None:
    G = graph.load()
    before = centrality(G, at="2015-09-29")
    after = centrality(G, at="2015-10")
    # Russia's air strikes on the rebels and on the civilians begin on 30 September 2015.
    assert before.loc["russia", "opposition_given"] == 1
    assert after.loc["russia", "opposition_given"] == 3
    assert before.index.tolist() == after.index.tolist() == list(G)
    with pytest.raises(ValueError, match="not a date"):
        centrality(G, at="autumn")


def test_centrality_is_deterministic_and_leaves_the_graph_alone() -> None:
    G = nx.freeze(graph.load())
    pd.testing.assert_frame_equal(centrality(G), centrality(G))


# --- summary -------------------------------------------------------------


def test_summary_by_hand() -> None:
    values = summary(actor_graph(SMALL, extra=("e",)))
    assert values.name == "summary"
    expected = {
        "actors": 5,
        "active_actors": 4,
        "isolates": 1,
        "relations": 4,
        "support_relations": 1,
        "opposition_relations": 2,
        "neutral_relations": 1,
        "ties": 2,
        "positive_ties": 1,
        "negative_ties": 1,
        "mixed_ties": 0,
        "components": 2,
        "first_date": None,
        "last_date": None,
    }
    assert {key: values[key] for key in expected} == expected
    # 4 linked ordered pairs (a>b, b>c, c>b, a>d) of 5 * 4; b<>c returned.
    assert values["density"] == pytest.approx(4 / 20)
    assert values["reciprocity"] == pytest.approx(2 / 4)


def test_summary_mixed_tie_and_empty_graph() -> None:
    mixed = summary(actor_graph([("a", "b", "weapons", 1), ("b", "a", "accuses", -1)]))
    assert (mixed["ties"], mixed["negative_ties"], mixed["mixed_ties"]) == (1, 1, 1)
    empty = summary(actor_graph([], extra=("a",)))
    assert empty["relations"] == 0 and empty["components"] == 1
    assert math.isnan(empty["reciprocity"])


def test_summary_aleppo() -> None:
    values = summary(graph.load())
    assert (values["actors"], values["relations"]) == (20, 34)
    assert (values["support_relations"], values["opposition_relations"]) == (13, 15)
    assert values["neutral_relations"] == 6
    assert (values["first_date"], values["last_date"]) == ("2012-07", "2016-12-22")
    # Kurdish forces are named in no relation.
    assert values["isolates"] == 1


def test_centrality_of_plain_networkx_graphs() -> None:
    # A graph from elsewhere: no actor attributes, no signs, maybe undirected.
    K = nx.karate_club_graph()
    table = centrality(K)
    assert table.index.tolist() == list(K)
    assert table["degree"].tolist() == [d for _, d in K.degree()]
    assert table["in_degree"].tolist() == table["out_degree"].tolist()
    assert (table["signed_degree"] == 0).all() and (table["pn"] == 1).all()
    expected = nx.betweenness_centrality(K)
    assert table["betweenness"].tolist() == pytest.approx([expected[n] for n in K])
    D = nx.DiGraph([("a", "b", {"sign": 1}), ("b", "c", {"sign": -1})])
    directed = centrality(D)
    assert directed.loc["b", ["in_degree", "out_degree", "support_received"]].tolist() == [1, 1, 1]
    assert directed.loc["b", "signed_degree"] == 0
    with pytest.raises(TypeError, match="expected a networkx graph"):
        centrality({"a": "b"})


def test_betweenness_is_sampled_above_the_threshold(monkeypatch) -> None:
    from graph.analysis import metrics

    G = nx.gnm_random_graph(120, 400, seed=1)
    exact = centrality(G)["betweenness"]
    expected = nx.betweenness_centrality(G)
    assert exact.tolist() == pytest.approx([expected[n] for n in G], abs=1e-12)
    monkeypatch.setattr(metrics, "BETWEENNESS_EXACT_MAX_ACTORS", 100)
    monkeypatch.setattr(metrics, "BETWEENNESS_PIVOTS", 60)
    sampled = centrality(G)["betweenness"]
    assert not np.allclose(sampled, exact)  # it really is an estimate...
    pd.testing.assert_series_equal(sampled, centrality(G)["betweenness"])  # ...seeded
    assert sampled.corr(exact) > 0.9  # ...and a close one
    assert (sampled - exact).abs().mean() < 0.3 * exact.mean()
    pd.testing.assert_series_equal(centrality(G, exact=True)["betweenness"], exact)


@pytest.mark.parametrize("seed", range(3))
def test_batched_betweenness_matches_networkx(seed) -> None:
    # Disconnected, with isolates and long paths: every level of the searches.
    G = nx.disjoint_union_all(
        [nx.gnm_random_graph(150, 300, seed=seed), nx.path_graph(40), nx.empty_graph(3)]
    )
    table = centrality(G)
    expected = nx.betweenness_centrality(G)
    assert table["betweenness"].tolist() == pytest.approx([expected[n] for n in G], abs=1e-12)


def test_a_symmetric_relation_goes_both_ways(tmp_path) -> None:
    # An undirected import: a-b written both ways (one tie), b-c once, c-d once.
    ties = tmp_path / "ties.csv"
    ties.write_text("source,target,sign\na,b,1\nb,a,1\nb,c,-1\nc,d,1\n")
    G = graph.load(graph.import_events("edgelist", ties, tmp_path / "out", undirected=True))
    table = centrality(G)
    # Each tie is held by both ends: as many in as out, degree counts ties.
    assert table["in_degree"].tolist() == [1, 2, 2, 1]
    assert table["out_degree"].tolist() == table["in_degree"].tolist()
    assert table["degree"].tolist() == [1, 2, 2, 1]
    assert table["support_given"].tolist() == table["support_received"].tolist() == [1, 1, 1, 1]
    assert table["opposition_given"].tolist() == [0, 1, 1, 0]
    # PageRank of the path a-b-c-d, as of the same undirected graph.
    path = nx.path_graph(["a", "b", "c", "d"])
    expected = pd.Series(nx.pagerank(path)).loc[table.index]
    assert np.allclose(table["pagerank"], expected)
    assert table.loc["a", "pagerank"] == pytest.approx(table.loc["d", "pagerank"])
    # No direction, nothing to return: reciprocity is undefined, not 0.
    values = summary(G)
    assert math.isnan(values["reciprocity"])
    # summary and relation_counts count the tie written twice once.
    assert values["relations"] == graph.relation_counts(G)["relations"].sum() == 3
    assert values["density"] == pytest.approx(6 / 12)  # 3 ties, both ways, of 4 x 3 ordered pairs


def test_reciprocity_counts_directed_relations_only() -> None:
    # a supports b and b supports a (returned); a talks with c (no direction).
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", type="troops", sign=1, symmetric=False)
    G.add_edge("b", "a", type="troops", sign=1, symmetric=False)
    G.add_edge("a", "c", type="talks", sign=0, symmetric=True)
    assert summary(G)["reciprocity"] == 1.0
    table = centrality(G)
    assert table.loc["c", ["in_degree", "out_degree", "degree"]].tolist() == [1, 1, 1]
