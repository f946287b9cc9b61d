"""Tests for graph.balance (structural balance) and graph.datasets.

Exhaustive enumeration over two-group splits is used here, and only here, as an
oracle for the exact solvers on small graphs.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import math
import time
import warnings
from collections.abc import Iterator

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from scipy.linalg import expm

from graph.analysis.balance_states import balance_view
from graph.balance import (
    balance_report,
    changed_sides,
    frustrated_ties,
    frustration,
    name_groups,
    partition,
    tie_sign,
    triangle_balance,
    verify_frustration,
    verify_partition,
    walk_balance,
)
from graph.balance.exact import OddCycles, odd_cycle_bound
from graph.datasets import HIGHLAND_TRIBES, highland_tribes, planted_groups, random_signed_graph

# Hage & Harary's (1983) three clusters of the Gahuku-Gama subtribes.
GAMA_GROUP = {"GAVEV", "KOTUN", "NAGAD", "GAMA"}
GAHUKU_GROUP = {"OVE", "ALIKA", "GAHUK", "MASIL", "UKUDZ", "GEHAM", "ASARO"}
NAGAM_GROUP = {"NAGAM", "NOTOH", "KOHIK", "UHETO", "SEUVE"}


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------


def balanced_graph(n: int, m: int, seed: int) -> tuple[nx.Graph, dict[int, int]]:
    """Random graph signed by a planted two-group split (hence balanced)."""
    G = nx.gnm_random_graph(n, m, seed=seed)
    rng = np.random.default_rng(seed)
    side = {node: int(rng.integers(2)) for node in G}
    for a, b in G.edges:
        G[a][b]["sign"] = 1 if side[a] == side[b] else -1
    return G, side


def edge_arrays(G: nx.Graph) -> tuple[list, np.ndarray, np.ndarray, np.ndarray]:
    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    u = np.array([index[a] for a, _ in G.edges], dtype=int)
    v = np.array([index[b] for _, b in G.edges], dtype=int)
    s = np.array([d for *_, d in G.edges(data="sign")], dtype=int)
    return nodes, u, v, s


def brute_force_frustration(G: nx.Graph, weight: str | None = None) -> float:
    """Minimum (weighted) frustration over all 2^(n-1) two-group splits."""
    nodes, u, v, s = edge_arrays(G)
    n = len(nodes)
    if len(s) == 0:
        return 0
    codes = np.arange(2 ** max(n - 1, 0))
    X = np.zeros((len(codes), n), dtype=int)
    for j in range(1, n):
        X[:, j] = (codes >> (j - 1)) & 1
    same = X[:, u] == X[:, v]
    frustrated = np.where(s > 0, ~same, same)
    w = np.array([G.edges[e].get(weight, 1) if weight else 1 for e in G.edges], dtype=float)
    return float((frustrated * w).sum(axis=1).min())


def set_partitions(n: int, k: int) -> Iterator[tuple[int, ...]]:
    """Every partition of n actors into at most k groups, once (restricted growth strings)."""

    def grow(labels: tuple[int, ...], used: int) -> Iterator[tuple[int, ...]]:
        if len(labels) == n:
            yield labels
            return
        for group in range(min(used + 1, k)):
            yield from grow((*labels, group), max(used, group + 1))

    return grow((), 0)


def brute_force_dm(G: nx.Graph, k: int, alpha: float) -> float:
    """Minimum Doreian-Mrvar criterion over all partitions into at most k groups."""
    nodes, u, v, s = edge_arrays(G)
    best = math.inf
    for labels in map(np.array, set_partitions(len(nodes), k)):
        same = labels[u] == labels[v]
        value = alpha * np.sum(same & (s < 0)) + (1 - alpha) * np.sum(~same & (s > 0))
        best = min(best, float(value))
    return best


def brute_force_triangles(G: nx.Graph) -> tuple[int, int, int]:
    """(triangles, strictly balanced, weakly balanced) by checking every triple."""
    total = strict = weak = 0
    for a, b, c in itertools.combinations(G.nodes, 3):
        if G.has_edge(a, b) and G.has_edge(b, c) and G.has_edge(a, c):
            signs = [G[a][b]["sign"], G[b][c]["sign"], G[a][c]["sign"]]
            total += 1
            strict += math.prod(signs) > 0
            weak += signs.count(-1) != 1
    return total, strict, weak


def snapshot(G: nx.Graph):
    return (
        copy.deepcopy(dict(G.graph)),
        [(node, copy.deepcopy(data)) for node, data in G.nodes(data=True)],
        [(a, b, copy.deepcopy(data)) for a, b, data in G.edges(data=True)],
    )


def triangle(*signs: int) -> nx.Graph:
    T = nx.Graph()
    for (a, b), sign in zip([("a", "b"), ("b", "c"), ("a", "c")], signs, strict=True):
        T.add_edge(a, b, sign=sign)
    return T


ALL_FUNCTIONS = [
    ("triangle_balance", lambda G: triangle_balance(G)),
    ("weak_triangle_balance", lambda G: triangle_balance(G, weak=True)),
    ("walk_balance", lambda G: walk_balance(G)),
    ("frustration", lambda G: frustration(G)),
    ("frustration_heuristic", lambda G: frustration(G, method="heuristic")),
    ("frustrated_ties", lambda G: frustrated_ties(G, {node: 0 for node in G})),
    ("partition2", lambda G: partition(G)),
    ("partition3", lambda G: partition(G, 3)),
    ("partition3_heuristic", lambda G: partition(G, 3, method="heuristic")),
    ("balance_report", lambda G: balance_report(G)),
]


def groups_of(part: pd.Series) -> set[frozenset]:
    """The groups of a partition as sets of actors (labels ignored)."""
    return {frozenset(members.index) for _, members in part.dropna().groupby(part.dropna())}


# --------------------------------------------------------------------------
# the dataset
# --------------------------------------------------------------------------


def test_highland_tribes_shape_and_counts():
    G = highland_tribes()
    assert isinstance(G, nx.Graph) and not G.is_directed() and not G.is_multigraph()
    assert list(G.nodes) == list(HIGHLAND_TRIBES)
    assert G.number_of_nodes() == 16
    assert G.number_of_edges() == 58
    signs = [sign for *_, sign in G.edges(data="sign")]
    assert signs.count(1) == 29
    assert signs.count(-1) == 29
    assert nx.is_connected(G)
    assert nx.number_of_selfloops(G) == 0


def test_highland_tribes_matches_hage_harary_clusters():
    # Hage & Harary (1983) read the network as three clusters: every negative
    # tie runs between clusters, and all but two positive ties (MASIL's
    # alliances with NAGAM and UHETO) lie inside one.
    G = highland_tribes()
    cluster = {n: 0 for n in GAMA_GROUP} | {n: 1 for n in GAHUKU_GROUP}
    cluster |= {n: 2 for n in NAGAM_GROUP}
    assert set(cluster) == set(G)
    cross_positive = set()
    for a, b, sign in G.edges(data="sign"):
        if sign < 0:
            assert cluster[a] != cluster[b], (a, b)
        elif cluster[a] != cluster[b]:
            cross_positive.add(frozenset((a, b)))
    assert cross_positive == {frozenset(("NAGAM", "MASIL")), frozenset(("MASIL", "UHETO"))}


def test_highland_tribes_returns_a_fresh_graph():
    G = highland_tribes()
    G.remove_node("GAMA")
    G["GAVEV"]["KOTUN"]["sign"] = -1
    H = highland_tribes()
    assert H.number_of_nodes() == 16
    assert H["GAVEV"]["KOTUN"]["sign"] == 1


# --------------------------------------------------------------------------
# published values on the Highland tribes network
# --------------------------------------------------------------------------


def test_published_frustration_index_of_highland_tribes():
    # L = 7.  Source: the structural-balance vignette of the R package signnet
    # (D. Schoch; articles/structural_balance.md) reports
    # balance_score(tribes, method = "frustration") = 0.7586207 = 1 - 7/29 on
    # the same UCINET/KONECT coding.  L = 7 for this network is also the value
    # attributed to Aref & Wilson, "Balance and frustration in signed networks",
    # J. Complex Networks 7(2), 2019 (their table could not be consulted here),
    # so it is checked independently below by enumerating all 2^15 splits.
    G = highland_tribes()
    result = frustration(G)
    assert result.L == 7
    assert result.proven is True
    assert result.lower_bound == 7 and result.gap == 0.0
    assert 1 - result.L / (G.number_of_edges() / 2) == pytest.approx(0.7586207, abs=1e-7)
    assert brute_force_frustration(G) == 7
    # the optimal split is unique: the Gama group against everybody else,
    # each group named after its actor with the most ties
    split = result.partition
    assert set(split[split == "GAMA"].index) == GAMA_GROUP
    assert set(split.unique()) == {"GAMA", "GAHUK"}
    assert len(frustrated_ties(G, split)) == 7


def test_published_triangle_and_walk_balance_of_highland_tribes():
    # Source: signnet structural-balance vignette, on the same data:
    #   balance_score(tribes, method = "triangles") = 0.8676471   (59 / 68)
    #   balance_score(tribes, method = "walk")      = 0.3575761
    # signnet's "walk" score is sum(exp(eig(A))) / sum(exp(eig(|A|))), i.e.
    # Estrada & Benzi's (2014) tr e^A / tr e^|A|.
    G = highland_tribes()
    assert triangle_balance(G) == pytest.approx(0.8676471, abs=1e-7)
    assert triangle_balance(G) == 59 / 68
    assert walk_balance(G) == pytest.approx(0.3575761, abs=1e-7)
    # cross-check of the triangle census by checking every triple
    assert brute_force_triangles(G) == (68, 59, 66)
    assert triangle_balance(G, weak=True) == 66 / 68


def test_published_doreian_mrvar_partition_of_highland_tribes():
    # Source: signnet blockmodeling vignette (articles/blockmodeling.md):
    # signed_blockmodel(tribes, k = 3, alpha = 0.5) returns criterion 2 with
    # membership 1 1 3 3 2 3 3 3 2 2 3 3 2 2 1 1 (UCINET node order), found by
    # both its annealing and its relocation optimiser.  signnet evaluates the
    # criterion on the symmetric adjacency matrix, i.e. counts each tie as two
    # arcs; counting each undirected tie once (as graph.balance does) the same
    # partition scores 0.5 * 0 negative ties within + 0.5 * 2 positive ties
    # between = 1.
    G = highland_tribes()
    three = partition(G, 3, alpha=0.5)
    assert three.criterion == 1.0
    assert 2 * three.criterion == 2  # signnet's (arc-counting) value
    assert three.negative_within == 0
    assert three.positive_between == 2
    assert three.proven is True
    signnet_membership = [1, 1, 3, 3, 2, 3, 3, 3, 2, 2, 3, 3, 2, 2, 1, 1]
    expected = dict(zip(HIGHLAND_TRIBES, signnet_membership, strict=True))
    signnet_groups = {frozenset(n for n in G if expected[n] == c) for c in set(expected.values())}
    assert (
        groups_of(three.partition)
        == signnet_groups
        == {frozenset(GAMA_GROUP), frozenset(GAHUKU_GROUP), frozenset(NAGAM_GROUP)}
    )
    # the same partition is what the relocation heuristic finds
    assert partition(G, 3, method="heuristic").criterion == 1.0


def test_highland_tribes_report():
    report = balance_report(highland_tribes())
    measures = report.measures
    assert measures["actors"] == 16
    assert measures["ties"] == 58
    assert measures["positive_ties"] == measures["negative_ties"] == 29
    assert measures["components"] == 1 and measures["unplaced"] == 0
    assert measures["triangles"] == 68
    assert measures["triangles_++-"] + measures["triangles_---"] == 9
    assert measures["triangles_---"] == 7
    assert measures["frustration"] == 7
    assert measures["frustration_proven"] is True
    assert measures["normalised_balance"] == pytest.approx(22 / 29)
    assert measures["frustration_share"] == pytest.approx(7 / 58)
    # the partition behind L travels with the report, no second solve
    assert report.groups.loc["GAMA", "actors"] == 4
    assert set(report.groups.loc["GAMA", "members"]) == GAMA_GROUP
    assert len(report.frustrated_ties) == 7
    assert not report.measures.attrs


# --------------------------------------------------------------------------
# input validation, edge cases
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "call"), ALL_FUNCTIONS)
def test_missing_sign_raises(name, call):
    G = triangle(1, 1, -1)
    del G["a"]["c"]["sign"]
    with pytest.raises(ValueError, match="sign"):
        call(G)


@pytest.mark.parametrize("bad", [0, 2, -2, 0.5, "+", None, True, float("nan")])
def test_invalid_sign_raises(bad):
    G = triangle(1, 1, -1)
    G["a"]["b"]["sign"] = bad
    for _, call in ALL_FUNCTIONS:
        with pytest.raises(ValueError, match="sign"):
            call(G)


def test_one_sign_validator_for_balance_metrics_and_predictions():
    # balance, PN centrality and balance predictions refuse a bad sign with
    # the same words, naming the tie.
    import graph

    G = triangle(1, 1, -1)
    G["a"]["b"]["sign"] = "+"
    messages = []
    for call in (frustration, graph.pn_centrality, graph.balance_predictions):
        with pytest.raises(ValueError, match=r"tie \('a', 'b'\) has sign '\+'") as error:
            call(G)
        messages.append(str(error.value).split(";")[0])
    assert len(set(messages)) == 1
    assert tie_sign(np.float32(-1), "a", "b") == -1
    assert tie_sign(0, "a", "b", neutral=True) == 0


def test_numpy_and_float_signs_are_accepted():
    G = triangle(1, 1, -1)
    G["a"]["b"]["sign"] = np.int64(1)
    G["b"]["c"]["sign"] = 1.0
    G["a"]["c"]["sign"] = np.float32(-1)
    assert frustration(G).L == 1


@pytest.mark.parametrize(
    "G",
    [nx.DiGraph([("a", "b", {"sign": 1})]), nx.MultiGraph([("a", "b", {"sign": 1})])],
    ids=["directed", "multigraph"],
)
def test_directed_and_multigraphs_are_rejected(G):
    for _, call in ALL_FUNCTIONS:
        with pytest.raises(ValueError):
            call(G)


def test_directed_graph_hint_names_signed_graph():
    import graph

    with pytest.raises(ValueError, match=r"graph\.signed_graph"):
        frustration(graph.load())  # the actor graph itself, a MultiDiGraph


def test_self_loop_is_rejected():
    G = triangle(1, 1, 1)
    G.add_edge("a", "a", sign=-1)
    with pytest.raises(ValueError, match="self-loop"):
        frustration(G)


def test_not_a_graph_is_rejected():
    with pytest.raises(TypeError, match=r"expected a networkx\.Graph"):
        frustration([("a", "b")])


@pytest.mark.parametrize(("name", "call"), ALL_FUNCTIONS)
def test_input_is_not_mutated(name, call):
    G = highland_tribes()
    G.graph["note"] = ["kept"]
    G.nodes["GAMA"]["colour"] = "red"
    G["GAVEV"]["KOTUN"]["weight"] = 3.5
    before = snapshot(G)
    call(G)
    assert snapshot(G) == before
    assert list(G.nodes) == list(HIGHLAND_TRIBES)


def test_empty_graph():
    G = nx.Graph()
    assert math.isnan(triangle_balance(G))
    assert math.isnan(walk_balance(G))
    result = frustration(G)
    assert result.L == 0 and result.partition.empty and result.partition.name == "partition"
    assert result.proven is True and result.solver == "none"
    ties = frustrated_ties(G, {})
    assert ties.empty and list(ties.columns) == ["source", "target", "sign"]
    part = partition(G, 3)
    assert part.partition.empty and part.criterion == 0.0 and part.groups == 0
    report = balance_report(G)
    assert report.measures["actors"] == 0 and report.measures["frustration"] == 0
    assert math.isnan(report.measures["normalised_balance"])
    assert math.isnan(report.measures["walk_balance"])
    assert report.groups.empty


def test_actors_without_ties_are_in_no_group():
    G = nx.Graph()
    G.add_nodes_from("abc")
    assert math.isnan(triangle_balance(G))
    assert walk_balance(G) == 1.0
    result = frustration(G)
    assert result.L == 0 and result.partition.isna().all()
    assert result.unplaced == ["a", "b", "c"]
    part = partition(G, 2)
    assert part.partition.isna().all() and part.criterion == 0.0
    # with a tie elsewhere, the isolate still has no group, and the report says so
    G.add_edge("x", "y", sign=-1)
    result = frustration(G)
    assert result.unplaced == ["a", "b", "c"]
    assert result.partition["x"] == "x" and result.partition["y"] == "y"
    report = balance_report(G)
    assert report.measures["unplaced"] == 3
    assert "in no group (no support or opposition tie): 3 actors: a, b, c" in report.text()


def test_no_triangles_square():
    # A 4-cycle with one negative tie: no triangle, but unbalanced (L = 1).
    G = nx.cycle_graph(4)
    nx.set_edge_attributes(G, 1, "sign")
    G[0][1]["sign"] = -1
    assert math.isnan(triangle_balance(G))
    assert math.isnan(triangle_balance(G, weak=True))
    assert frustration(G).L == 1
    assert walk_balance(G) < 1
    report = balance_report(G)
    assert report.measures["triangles"] == 0
    assert math.isnan(report.measures["triangle_balance"])


def test_all_negative_triangle_is_strictly_unbalanced_but_weakly_balanced():
    T = triangle(-1, -1, -1)
    assert triangle_balance(T) == 0.0
    assert triangle_balance(T, weak=True) == 1.0
    result = frustration(T)
    assert result.L == 1
    assert len(frustrated_ties(T, result.partition)) == 1
    # Davis: three mutually hostile groups make it perfectly clusterable
    three = partition(T, 3)
    assert three.criterion == 0.0 and three.groups == 3
    assert walk_balance(T) < 1


@pytest.mark.parametrize(
    ("signs", "strict", "weak", "L"),
    [
        ((1, 1, 1), 1.0, 1.0, 0),
        ((1, 1, -1), 0.0, 0.0, 1),
        ((1, -1, -1), 1.0, 1.0, 0),
        ((-1, -1, -1), 0.0, 1.0, 1),
    ],
)
def test_triangle_types(signs, strict, weak, L):
    T = triangle(*signs)
    assert triangle_balance(T) == strict
    assert triangle_balance(T, weak=True) == weak
    assert frustration(T).L == L
    assert (walk_balance(T) == pytest.approx(1.0)) == (L == 0)


@pytest.mark.parametrize("seed", range(5))
def test_balanced_graph(seed):
    G, side = balanced_graph(25, 70, seed)
    result = frustration(G)
    assert result.L == 0 and result.proven
    assert walk_balance(G) == pytest.approx(1.0, abs=1e-12)
    tb = triangle_balance(G)
    assert math.isnan(tb) or tb == 1.0
    assert frustrated_ties(G, result.partition).empty
    assert frustrated_ties(G, side).empty
    assert frustration(G, method="heuristic").L == 0
    assert partition(G, 2).criterion == 0.0
    report = balance_report(G)
    assert report.measures["normalised_balance"] == 1.0
    assert report.measures["frustration_share"] == 0.0
    # in each connected component the split is the planted one (up to a swap)
    split = result.partition
    for component in nx.connected_components(G):
        nodes = sorted(component)
        assert [split[n] == split[nodes[0]] for n in nodes] == [
            side[n] == side[nodes[0]] for n in nodes
        ]


# --------------------------------------------------------------------------
# triangle and walk balance against direct computation
# --------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(6))
def test_triangle_balance_matches_enumeration(seed):
    G = random_signed_graph(14, 40, seed=seed, negative=0.4)
    total, strict, weak = brute_force_triangles(G)
    if total == 0:
        assert math.isnan(triangle_balance(G))
    else:
        assert triangle_balance(G) == strict / total
        assert triangle_balance(G, weak=True) == weak / total


@pytest.mark.parametrize("seed", range(6))
def test_walk_balance_matches_matrix_exponential(seed):
    G = random_signed_graph(15, 35, seed=seed)
    A = nx.to_numpy_array(G, weight="sign")
    expected = np.trace(expm(A)) / np.trace(expm(np.abs(A)))
    assert walk_balance(G) == pytest.approx(expected, rel=1e-10)
    expected_half = np.trace(expm(0.5 * A)) / np.trace(expm(0.5 * np.abs(A)))
    assert walk_balance(G, beta=0.5) == pytest.approx(expected_half, rel=1e-10)


def test_walk_balance_does_not_overflow_on_dense_graphs():
    G = nx.complete_graph(400)
    nx.set_edge_attributes(G, 1, "sign")
    assert walk_balance(G) == pytest.approx(1.0)
    G[0][1]["sign"] = -1
    value = walk_balance(G)
    assert 0 < value < 1 and math.isfinite(value)


@pytest.mark.parametrize(("n", "m", "negative"), [(300, 900, 0.5), (300, 1500, 0.1)])
def test_sparse_walk_balance_matches_the_dense_eigenvalues(monkeypatch, n, m, negative):
    # Force the sparse path (Lanczos, then Hutchinson on the remainder) on a
    # graph small enough for exact eigenvalues, and hold it to its tolerance.
    from graph.balance import measures

    G = random_signed_graph(n, m, seed=3, negative=negative)
    exact = walk_balance(G)
    monkeypatch.setattr(measures, "WALK_DENSE_MAX_ACTORS", 50)
    assert walk_balance(G) == pytest.approx(exact, rel=0.02)


# --------------------------------------------------------------------------
# frustration: exact solver against brute force, heuristic against exact
# --------------------------------------------------------------------------


SMALL_CASES = [
    (n, m, seed, p_neg)
    for seed, (n, m, p_neg) in enumerate(
        [(n, m, p) for n in (5, 7, 8, 10, 16) for m in (6, 12, 20, 40) for p in (0.2, 0.5, 0.8)]
    )
    if m <= n * (n - 1) // 2
]


@pytest.mark.parametrize(("n", "m", "seed", "p_neg"), SMALL_CASES)
def test_exact_frustration_matches_brute_force(n, m, seed, p_neg):
    G = random_signed_graph(n, m, seed=seed, negative=p_neg)
    result = frustration(G, method="exact")
    assert brute_force_frustration(G) == result.L
    assert result.proven is True
    assert len(frustrated_ties(G, result.partition)) == result.L  # the split attains L


@pytest.mark.parametrize("seed", range(4))
def test_exact_frustration_on_complete_graphs(seed):
    G = random_signed_graph(9, 36, seed=seed)
    assert brute_force_frustration(G) == frustration(G).L


@pytest.mark.parametrize("seed", range(3))
def test_integer_program_on_blocks_too_large_to_enumerate(seed):
    # One block of 16 actors with random signs: the cycle packing cannot close
    # the gap, HiGHS does; checked by enumerating 2^15 splits.
    G = random_signed_graph(16, 100, seed=seed)
    assert nx.is_biconnected(G)
    result = frustration(G, method="exact")
    assert "HiGHS" in result.solver
    assert brute_force_frustration(G) == result.L and result.proven


@pytest.mark.parametrize("seed", range(6))
def test_cycle_packing_is_a_lower_bound(seed):
    from graph.balance.arrays import signed_arrays
    from graph.balance.exact import cycle_packing_bound

    G = random_signed_graph(12, 30, seed=seed, negative=0.3)
    for a, b in G.edges:
        G[a][b]["weight"] = 1 + (a + b) % 3
    sa = signed_arrays(G, "test", weight="weight")
    x = np.random.default_rng(seed).integers(2, size=sa.n)
    rng = np.random.default_rng(seed)
    bound, packing = cycle_packing_bound(sa.n, sa.u, sa.v, sa.s, sa.w, x, rng)
    assert 0 <= bound <= brute_force_frustration(G, "weight")
    assert odd_cycle_bound(sa.u, sa.v, sa.s, sa.w, packing) == pytest.approx(bound)


def test_cycle_packing_proves_nearly_balanced_networks_without_integer_program():
    # A planted two-group network with a few signs flipped, far too big to
    # enumerate: the packing meets the heuristic's value.
    from graph.datasets import trust_like

    G = trust_like(600, 2400, seed=4)
    result = frustration(G)
    assert result.proven and result.L > 0
    assert "cycle packing" in result.solver and "HiGHS" not in result.solver
    assert len(frustrated_ties(G, result.partition)) == result.L


def test_blocks_are_solved_separately_and_glued():
    # Two unbalanced triangles joined by a path of bridges and a pendant actor:
    # L is the sum over the two blocks; bridges are never frustrated.
    G = nx.Graph()
    G.add_edges_from([("a", "b"), ("b", "c"), ("a", "c")], sign=-1)
    G.add_edges_from([("x", "y"), ("y", "z")], sign=1)
    G.add_edge("x", "z", sign=-1)
    G.add_edge("c", "m", sign=-1)
    G.add_edge("m", "x", sign=1)
    G.add_edge("z", "leaf", sign=-1)
    result = frustration(G)
    assert result.L == 2 == brute_force_frustration(G)
    assert result.blocks == 2
    ties = frustrated_ties(G, result.partition)
    assert len(ties) == 2
    bridges = {frozenset(e) for e in nx.bridges(G)}
    assert not {frozenset(e) for e in ties[["source", "target"]].itertuples(index=False)} & bridges


def test_chains_of_two_tie_actors_are_contracted():
    # A 60-cycle with one negative tie, and a chord of three two-tie actors
    # with one negative tie: the arc 10..40 with the chord is unbalanced, the
    # other arc with the chord balanced, so one tie of the arc 10..40 goes
    # (L = 1). Everything reduces; nothing is enumerated or solved.
    G = nx.cycle_graph(60)
    nx.set_edge_attributes(G, 1, "sign")
    G[0][1]["sign"] = -1
    nx.add_path(G, [10, "p", "q", "r", 40], sign=1)
    G[10]["p"]["sign"] = -1
    result = frustration(G)
    assert result.L == 1
    assert result.proven and result.solver == "reduction"
    (broken,) = frustrated_ties(G, result.partition)[["source", "target"]].values.tolist()
    assert all(isinstance(end, int) and 10 <= end <= 40 for end in broken)


def test_exact_frustration_on_a_disconnected_graph():
    G = nx.disjoint_union_all(
        [
            triangle(-1, -1, -1),
            random_signed_graph(8, 15, seed=3),
            nx.empty_graph(2),
            triangle(1, 1, -1),
        ]
    )
    result = frustration(G)
    assert (
        result.L
        == brute_force_frustration(G)
        == 1 + brute_force_frustration(random_signed_graph(8, 15, seed=3)) + 1
    )
    assert len(frustrated_ties(G, result.partition)) == result.L
    # every component has its own groups, each named after one of its actors
    for component in nx.connected_components(G):
        labels = set(result.partition[list(component)].dropna())
        assert labels <= component


def test_weighted_frustration_index():
    # a - b - c - a with one negative tie: the cheapest tie to break is the lightest.
    G = triangle(1, 1, -1)
    G["a"]["b"]["weight"] = 5
    G["b"]["c"]["weight"] = 2
    G["a"]["c"]["weight"] = 3
    result = frustration(G)
    assert result.L == 2 and isinstance(result.L, int)
    assert frustrated_ties(G, result.partition)[["source", "target"]].values.tolist() == [
        ["b", "c"]
    ]
    assert frustration(G, weight=None).L == 1
    G["b"]["c"]["weight"] = 0.5
    assert frustration(G).L == 0.5
    for bad in (0, -1, "heavy", float("nan"), True):
        G["b"]["c"]["weight"] = bad
        with pytest.raises(ValueError, match="weight"):
            frustration(G)


@pytest.mark.parametrize("seed", range(4))
def test_weighted_exact_matches_brute_force(seed):
    G = random_signed_graph(14, 45, seed=seed)
    rng = np.random.default_rng(seed)
    for a, b in G.edges:
        G[a][b]["weight"] = int(rng.integers(1, 6))
    result = frustration(G, method="exact")
    assert brute_force_frustration(G, "weight") == result.L and result.proven
    assert result.L / G.size(weight="weight") == pytest.approx(
        balance_report(G).measures["frustration_share"]
    )


@pytest.mark.parametrize("seed", range(8))
def test_heuristic_never_beats_exact(seed):
    G = random_signed_graph(30, 90, seed=seed, negative=0.3 + 0.05 * seed)
    exact = frustration(G, method="exact")
    heuristic = frustration(G, method="heuristic", seed=seed)
    assert heuristic.L >= exact.L
    assert exact.proven is True and exact.method == "exact"
    assert heuristic.method == "heuristic" and heuristic.solver == "local search"
    assert heuristic.proven is (heuristic.L == 0)
    assert len(frustrated_ties(G, heuristic.partition)) == heuristic.L


def test_heuristic_is_deterministic():
    G = random_signed_graph(80, 400, seed=11)
    first = frustration(G, method="heuristic", seed=5)
    second = frustration(G, method="heuristic", seed=5)
    assert first.L == second.L
    pd.testing.assert_series_equal(first.partition, second.partition)


def test_heuristic_finds_highland_optimum():
    result = frustration(highland_tribes(), method="heuristic")
    assert result.L == 7
    assert set(result.partition[result.partition == "GAMA"].index) == GAMA_GROUP


def test_time_limit_falls_back_on_the_best_split_with_bounds():
    G = random_signed_graph(60, 300, seed=0)
    with pytest.warns(UserWarning, match="upper bound"):
        result = frustration(G, time_limit=0.05)
    assert result.proven is False and result.method == "exact"
    assert 0 <= result.lower_bound <= result.L
    assert 0 < result.gap <= 1
    assert len(frustrated_ties(G, result.partition)) == result.L
    # the heuristic's split is never worse than what the budget gave
    assert result.L <= frustration(G, method="heuristic").L


def test_exact_ignores_the_time_limit():
    G = random_signed_graph(40, 160, seed=2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = frustration(G, method="exact", time_limit=0.0)
    assert result.proven and result.L == frustration(G, time_limit=None).L


def test_unknown_method_is_rejected():
    with pytest.raises(ValueError, match="method"):
        frustration(triangle(1, 1, 1), method="brute")
    with pytest.raises(ValueError, match="method"):
        partition(triangle(1, 1, 1), 3, method="brute")


def test_frustration_result_format():
    G = nx.Graph()
    G.add_edge(("x", 1), ("y", 2), sign=-1)  # tuple nodes stay single labels
    G.add_node("lonely")
    result = frustration(G)
    assert result.L == 0
    split = result.partition
    assert split.name == "partition" and split.dtype == object
    assert list(split.index) == [("x", 1), ("y", 2), "lonely"]
    assert split["lonely"] is None and result.unplaced == ["lonely"]
    assert split[("x", 1)] != split[("y", 2)]
    assert not split.attrs
    assert result.seconds >= 0 and result.blocks == 0


def test_groups_are_named_after_their_most_central_actor():
    G = nx.Graph()
    G.add_edges_from([("hub", "a"), ("hub", "b"), ("hub", "c"), ("z", "y")], sign=1)
    G.add_edge("a", "z", sign=-1)
    split = frustration(G).partition
    assert split.to_dict() == {"hub": "hub", "a": "hub", "b": "hub", "c": "hub", "z": "z", "y": "z"}
    # equal ties: the first id in sorted order names the group
    assert name_groups(G, {"c": 1, "b": 1}).dropna().tolist() == ["b", "b"]


def test_start_keeps_an_optimal_previous_partition():
    # x opposes both a and b: either group is optimal for it. Started from a
    # partition that puts x with b, the solver keeps it there.
    G = nx.Graph()
    G.add_edge("a", "b", sign=-1)
    G.add_edge("x", "a", sign=-1)
    G.add_edge("x", "b", sign=-1)
    for side in ("a", "b"):
        start = {"a": "a", "b": "b", "x": side}
        split = frustration(G, start=start).partition
        assert split["x"] == split[side]


def test_changed_sides_follows_groups_not_labels():
    # The group led by a loses c to the group led by d (now led by e): c alone
    # changed sides; e joins, f was in no group.
    before = pd.Series({"a": "a", "b": "a", "c": "a", "d": "d", "e": "d", "f": None})
    after = pd.Series({"a": "b", "b": "b", "c": "e", "d": "e", "e": "e", "f": "e", "g": "b"})
    assert changed_sides(before, after).to_dict() == {
        "a": False,
        "b": False,
        "c": True,
        "d": False,
        "e": False,
        "f": False,
        "g": False,
    }
    # two separate parts joined in one group: nobody changed sides
    merged = pd.Series({"a": "x", "b": "x", "c": "x", "d": "x", "e": "x"})
    assert not changed_sides(before.dropna(), merged).any()


def test_frustration_labels_follow_sorted_order():
    G = nx.Graph()
    G.add_edge("zeta", "alpha", sign=-1)
    G.add_edge("zeta", "mu", sign=1)
    split = frustration(G).partition
    assert split.to_dict() == {"zeta": "zeta", "alpha": "alpha", "mu": "zeta"}


# --------------------------------------------------------------------------
# frustrated_ties
# --------------------------------------------------------------------------


def test_frustrated_ties_with_k_groups_and_series():
    G = highland_tribes()
    three = partition(G, 3).partition
    ties = frustrated_ties(G, three)
    assert list(ties.columns) == ["source", "target", "sign"]
    assert {frozenset((a, b)) for a, b in zip(ties.source, ties.target, strict=True)} == {
        frozenset(("NAGAM", "MASIL")),
        frozenset(("MASIL", "UHETO")),
    }
    assert ties["sign"].tolist() == [1, 1]
    assert ties["sign"].dtype == np.int64


def test_frustrated_ties_missing_group_raises():
    G = triangle(1, 1, -1)
    with pytest.raises(ValueError, match="no group"):
        frustrated_ties(G, {"a": 0, "b": 1})


def test_frustrated_ties_ignores_isolated_nodes_without_group():
    G = triangle(1, 1, -1)
    G.add_node("alone")
    ties = frustrated_ties(G, {"a": 0, "b": 0, "c": 0})
    assert ties.values.tolist() == [["a", "c", -1]]


# --------------------------------------------------------------------------
# partition (Doreian-Mrvar)
# --------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(10))
def test_two_groups_at_half_alpha_is_half_the_frustration_index(seed):
    G = random_signed_graph(14, 30, seed=seed, negative=0.2 + 0.06 * seed)
    two = partition(G, 2, alpha=0.5)
    assert two.criterion == frustration(G).L / 2
    assert two.proven is True


@pytest.mark.parametrize(
    ("n", "m", "k", "alpha", "seed"),
    [
        (6, 9, 3, 0.5, 0),
        (7, 12, 3, 0.5, 1),
        (7, 14, 3, 0.3, 2),
        (7, 10, 3, 0.8, 3),
        (6, 12, 4, 0.5, 4),
        (8, 14, 2, 0.25, 5),
        (8, 16, 3, 0.6, 6),
    ],
)
def test_exact_partition_matches_brute_force(n, m, k, alpha, seed):
    G = random_signed_graph(n, m, seed=seed)
    part = partition(G, k, alpha=alpha, method="exact")
    assert part.criterion == pytest.approx(brute_force_dm(G, k, alpha))
    assert part.proven is True
    # the counts describe the returned partition
    ties = frustrated_ties(G, part.partition)
    assert part.negative_within == int((ties["sign"] < 0).sum())
    assert part.positive_between == int((ties["sign"] > 0).sum())
    assert part.groups <= k
    heuristic = partition(G, k, alpha=alpha, method="heuristic")
    assert heuristic.criterion >= part.criterion - 1e-9
    assert heuristic.proven is False


def test_partition_groups_named_after_their_most_central_actor():
    G = highland_tribes()
    three = partition(G, 3).partition
    degree = dict(G.degree())
    for leader, members in three.groupby(three):
        assert leader in members.index
        assert degree[leader] == max(degree[a] for a in members.index)
    assert three.name == "partition"
    assert list(three.index) == list(G)


def test_partition_all_positive_graph_is_one_group():
    G = nx.complete_graph(6)
    nx.set_edge_attributes(G, 1, "sign")
    part = partition(G, 3)
    assert part.partition.nunique() == 1
    assert part.groups == 1 and part.criterion == 0.0


def test_partition_result():
    part = partition(highland_tribes(), 2, alpha=0.5)
    assert part.criterion == 3.5  # = L / 2
    assert part.k == 2 and part.alpha == 0.5 and part.method == "exact"


@pytest.mark.parametrize("k", [0, -1, 2.5, True])
def test_partition_rejects_bad_k(k):
    with pytest.raises(ValueError, match="k"):
        partition(triangle(1, 1, -1), k)


@pytest.mark.parametrize("alpha", [-0.1, 1.5])
def test_partition_rejects_bad_alpha(alpha):
    with pytest.raises(ValueError, match="alpha"):
        partition(triangle(1, 1, -1), 2, alpha=alpha)


def test_partition_heuristic_above_threshold_warns(monkeypatch):
    from graph.balance import partitions

    monkeypatch.setattr(partitions, "PARTITION_EXACT_MAX_TIES", 5)
    with pytest.warns(UserWarning, match="heuristic"):
        part = partition(highland_tribes(), 3)
    assert part.proven is False
    assert part.criterion == 1.0


def test_partition_k_one():
    part = partition(highland_tribes(), 1)
    assert part.partition.nunique() == 1
    assert part.criterion == 0.5 * 29


@pytest.mark.parametrize(
    ("n", "m", "k", "alpha", "seed"),
    [
        (8, 16, 3, 0.5, 10),
        (9, 20, 3, 0.5, 11),
        (10, 22, 3, 0.4, 12),
        (9, 18, 3, 0.7, 13),
        (8, 18, 4, 0.5, 14),
        (8, 14, 4, 0.35, 15),
    ],
)
def test_generalised_balance_matches_every_k_partition(n, m, k, alpha, seed):
    # brute_force_dm enumerates every assignment of the actors to k groups
    G = random_signed_graph(n, m, seed=seed)
    part = partition(G, k, alpha=alpha, method="exact")
    assert part.criterion == pytest.approx(brute_force_dm(G, k, alpha))
    assert part.proven and part.lower_bound == part.criterion and part.gap == 0.0
    assert verify_partition(G, part)


@pytest.mark.parametrize("seed", range(20, 30))
def test_k_chosen_by_the_data_is_the_fewest_groups_of_the_best_partition(seed):
    # the best partition into any number of groups (8 actors: at most 8),
    # with the fewest groups that attain it; seeds 20 and 29 have an optimal
    # multicut whose greedy colouring uses one group too many
    G = random_signed_graph(8, 16, seed=seed)
    chosen = partition(G, None)
    optimum = {k: brute_force_dm(G, k, 0.5) for k in range(1, 9)}
    assert chosen.criterion == pytest.approx(optimum[8])
    assert chosen.criterion == pytest.approx(optimum[chosen.k])
    assert optimum[chosen.k - 1] > chosen.criterion + 1e-9
    assert chosen.groups == chosen.k
    assert chosen.proven and verify_partition(G, chosen)


def test_generalised_balance_proves_a_few_hundred_ties():
    G = planted_groups(80, 400, 3, noise=0.05, seed=1)
    assert G.number_of_edges() == 400
    part = partition(G, 3, time_limit=120)
    assert part.proven and part.method == "exact" and part.gap == 0.0
    assert part.criterion == part.lower_bound
    assert verify_partition(G, part)
    # the relocation heuristic alone is only an upper bound
    heuristic = partition(G, 3, method="heuristic")
    assert heuristic.criterion >= part.criterion and heuristic.lower_bound == 0.0


def test_generalised_balance_out_of_time_reports_its_bound():
    G = planted_groups(300, 2000, 4, noise=0.1, seed=2)
    with pytest.warns(UserWarning, match="time limit"):
        part = partition(G, 4, time_limit=0.5)
    assert not part.proven and 0.0 <= part.lower_bound < part.criterion and part.gap > 0
    assert verify_partition(G, part)


def test_a_sparse_planted_graph_is_proven_by_its_multicut():
    # 8 ties per actor; the best partition into any number of groups has 3
    # groups, so it is the optimum for k = 3 and k = 4, and what k=None picks
    G = planted_groups(250, 1000, 3, noise=0.03, seed=1)
    three, four, chosen = partition(G, 3), partition(G, 4), partition(G, None)
    assert three.proven and three.criterion == three.lower_bound == 11.0
    assert four.criterion == chosen.criterion == 11.0 and four.proven
    assert chosen.k == chosen.groups == 3 and chosen.proven
    for result in (three, four, chosen):
        assert verify_partition(G, result)
    # the groups found are the planted ones, but for a few actors
    planted = pd.Series(dict(G.nodes(data="group")))
    agree = pd.crosstab(chosen.partition, planted).max(axis=1).sum()
    assert agree >= 0.95 * G.number_of_nodes()


def test_when_the_multicut_needs_more_groups_than_k_the_assignment_model_decides():
    # the best 4-group partition (1.5) beats every 3-group one (2.0): the
    # multicut's optimum is only a bound for k = 3
    G = random_signed_graph(9, 22, seed=22)
    assert brute_force_dm(G, 3, 0.5) == 2.0 and brute_force_dm(G, 9, 0.5) == 1.5
    three = partition(G, 3)
    assert three.criterion == three.lower_bound == 2.0 and three.groups == 3
    assert partition(G, None).criterion == 1.5
    assert verify_partition(G, three)
    # out of time the multicut's bound is still a valid lower bound
    big = planted_groups(500, 2000, 3, noise=0.05, seed=0)  # a minute to prove
    with pytest.warns(UserWarning, match="time limit"):
        early = partition(big, 3, time_limit=0.05)
    assert 0.0 <= early.lower_bound <= early.criterion and verify_partition(big, early)
    start = time.monotonic()
    with pytest.warns(UserWarning, match="time limit"):
        chosen = partition(big, None, time_limit=0.05)
    assert time.monotonic() - start < 5  # one budget for the whole search
    assert not chosen.proven and chosen.k == chosen.groups and verify_partition(big, chosen)


def test_an_unproven_multicut_leaves_the_proof_to_the_assignment_model(monkeypatch):
    # with no time for the multicut its partition (the heuristic's, 3 groups)
    # is unproven; the assignment model must still run and prove k = 3
    from graph.balance import partitions

    monkeypatch.setattr(partitions, "_MULTICUT_SHARE", 0.0)
    G = planted_groups(80, 400, 3, noise=0.05, seed=1)
    three = partition(G, 3, time_limit=60)
    assert three.proven and three.criterion == three.lower_bound
    assert verify_partition(G, three)


def test_multicut_rows_are_cycles_with_one_negative_tie():
    # what makes the multicut's optimum a lower bound for every k: each row
    # is a cycle whose ties cannot all be unfrustrated in any partition
    from graph.balance import partitions
    from graph.balance.arrays import signed_arrays

    G = planted_groups(150, 600, 3, noise=0.05, seed=0)
    sa = signed_arrays(G, "test")
    rows = partitions._one_negative_cycles(sa, 0.5, math.inf)
    cut = partitions._multicut(sa, 0.5, math.inf, np.zeros(sa.n, dtype=np.int64), rows)
    assert cut.proven and len(cut.cycles) > 100
    for cycle in cut.cycles:
        ends = np.bincount(np.concatenate([sa.u[cycle], sa.v[cycle]]), minlength=sa.n)
        assert set(ends.tolist()) <= {0, 2} and len(set(cycle.tolist())) == len(cycle)
        assert np.count_nonzero(sa.s[cycle] < 0) == 1
        joined = nx.Graph(list(zip(sa.u[cycle].tolist(), sa.v[cycle].tolist(), strict=True)))
        assert nx.is_connected(joined)  # one cycle, not two


def test_verify_partition_rejects_a_wrong_count_or_bound():
    G = highland_tribes()
    part = partition(G, 3)
    with pytest.raises(ValueError, match="negative ties within"):
        verify_partition(G, dataclasses.replace(part, negative_within=1))
    with pytest.raises(ValueError, match="criterion"):
        verify_partition(G, dataclasses.replace(part, criterion=0.5))
    with pytest.raises(ValueError, match="lower_bound"):
        verify_partition(G, dataclasses.replace(part, lower_bound=2.0))
    with pytest.raises(ValueError, match="proven"):
        verify_partition(G, dataclasses.replace(part, lower_bound=0.5))
    with pytest.raises(ValueError, match="more than k"):
        verify_partition(G, dataclasses.replace(part, k=2))
    moved = part.partition.copy()
    moved["GAMA"] = "GAHUK"
    with pytest.raises(ValueError, match="negative ties within"):
        verify_partition(G, dataclasses.replace(part, partition=moved))


# --------------------------------------------------------------------------
# the project's own signed graph
# --------------------------------------------------------------------------


def test_works_on_project_signed_graph():
    import graph

    S = graph.signed_graph(graph.load())
    before = snapshot(S)
    report = balance_report(S)
    result = frustration(S)
    assert report.measures["ties"] == S.number_of_edges()
    assert report.measures["frustration"] == result.L == len(frustrated_ties(S, result.partition))
    assert report.measures["frustration_proven"] is True
    assert 0 <= report.measures["normalised_balance"] <= 1
    assert partition(S, 3).criterion >= 0
    assert snapshot(S) == before
    # the Kurdish forces, the UN and the Syrian Observatory have no signed tie: no group
    assert set(result.unplaced) == {"kurdish_forces", "united_nations", "syrian_observatory"}
    assert report.measures["unplaced"] == 3
    assert set(report.groups.index) == {"assad_government", "free_syrian_army"}
    assert report.groups.loc["assad_government", "name"] == "Assad government"


# --------------------------------------------------------------------------
# the explorer's precomputed balance view
# --------------------------------------------------------------------------


def test_balance_view_agrees_with_graph_balance_every_month():
    import json

    import graph

    G = graph.load()
    view = balance_view(G)
    assert json.loads(json.dumps(view)) == view  # plain JSON-ready data
    months = pd.period_range("2012-07", "2016-12", freq="M")
    assert [m["month"] for m in view["months"]] == [str(p) for p in months]
    previous = None
    for month in view["months"]:
        S = graph.signed_graph(G, at=month["month"])
        result = frustration(S)
        assert month["L"] == result.L and month["proven"] is result.proven is True
        part = pd.Series(
            {a: g["id"] for g in month["groups"] for a in g["members"]}, dtype=object
        ).reindex(list(S), fill_value=None)
        assert len(frustrated_ties(S, part)) == month["L"]  # the groups attain L
        assert [list(t) for t in frustrated_ties(S, part).itertuples(index=False)] == month[
            "frustrated"
        ]
        assert set(month["unplaced"]) == {a for a in S if S.degree(a) == 0}
        for group in month["groups"]:
            assert group["id"] in group["members"]
        if previous is not None:
            moved = changed_sides(previous, part)
            assert month["changed_sides"] == moved.index[moved].tolist()
        previous = part
    assert view["all"]["L"] == frustration(graph.signed_graph(G)).L == 2


def test_balance_view_what_if_for_the_most_central_actors():
    import graph

    G = graph.load()
    S = graph.signed_graph(G)
    view = balance_view(G, top=3)
    degree = dict(S.degree())
    actors = [w["actor"] for w in view["without"]]
    assert actors == sorted(S, key=lambda a: (-degree[a], a))[:3]
    for what_if in view["without"]:
        H = S.copy()
        H.remove_node(what_if["actor"])
        assert what_if["L"] == frustration(H).L
        members = [a for g in what_if["groups"] for a in g["members"]]
        assert what_if["actor"] not in members


# --------------------------------------------------------------------------
# certificates
# --------------------------------------------------------------------------


def test_every_result_of_the_suite_is_verified(frustration_check):
    # conftest wraps graph.balance.frustration wherever it is held: this
    # module's own calls go through the check too.
    before = len(frustration_check)
    result = frustration(highland_tribes())
    assert len(frustration_check) == before + 1 and frustration_check[-1] is result


def test_every_partition_of_the_suite_is_verified(partition_check):
    # conftest wraps graph.balance.partition: every k-group partition the
    # suite computes, this one too, is checked by verify_partition
    before = len(partition_check)
    result = partition(highland_tribes(), None)
    assert len(partition_check) == before + 1 and partition_check[-1] is result


@pytest.mark.parametrize("seed", range(4))
def test_certificates_of_the_integer_program_check_out(seed):
    G = random_signed_graph(40, 170, seed=seed)
    for a, b in G.edges:
        G[a][b]["weight"] = 1 + (a * b) % 4
    result = frustration(G, method="exact")
    assert result.proven and verify_frustration(G, result)
    kinds = {proof.kind for proof in result.certificate}
    assert kinds <= {"cycles", "solver", "enumeration", "reduction"}


def test_verify_rejects_a_wrong_index_or_partition():
    S = highland_tribes()
    result = frustration(S)
    with pytest.raises(ValueError, match="frustrates 7, not L = 6"):
        verify_frustration(S, dataclasses.replace(result, L=6))
    moved = result.partition.copy()
    moved["GAMA"] = moved["OVE"]
    with pytest.raises(ValueError, match="the partition frustrates"):
        verify_frustration(S, dataclasses.replace(result, partition=moved))
    with pytest.raises(ValueError, match="proven is False"):
        verify_frustration(S, dataclasses.replace(result, proven=False))


def test_verify_rejects_a_forged_certificate():
    S = highland_tribes()
    result = frustration(S)
    (proof,) = result.certificate
    cycles = proof.cycles
    inflated = OddCycles(cycles.ties, cycles.in_d, cycles.y * 2)
    with pytest.raises(ValueError, match="certificate gives"):
        verify_frustration(
            S, dataclasses.replace(result, certificate=(dataclasses.replace(proof, bound=99),))
        )
    # Doubling every multiplier overloads the ties: the bound it gives drops.
    assert odd_cycle_bound(proof.u, proof.v, proof.s, proof.w, inflated) < proof.bound
    even = OddCycles(cycles.ties[:1], (~cycles.in_d[0],), cycles.y[:1])
    with pytest.raises(ValueError, match="parity"):
        odd_cycle_bound(proof.u, proof.v, proof.s, proof.w, even)
    path = OddCycles((cycles.ties[0][:-1],), (cycles.in_d[0][:-1],), cycles.y[:1])
    with pytest.raises(ValueError, match="not a cycle"):
        odd_cycle_bound(proof.u, proof.v, proof.s, proof.w, path)
    other = highland_tribes()
    other.remove_edge("GAMA", "GAVEV")
    with pytest.raises(ValueError, match=r"does not have|blocks with a cycle|frustrates"):
        verify_frustration(other, result)


def test_the_report_counts_one_actor_in_the_singular() -> None:
    # Two allies against one: the lone actor's group is "(1 actor)", not "(1 actors)".
    S = nx.Graph()
    S.add_edge("a", "b", sign=1)
    S.add_edge("a", "c", sign=-1)
    S.add_edge("b", "c", sign=-1)
    text = balance_report(S).text()
    assert "(1 actor)" in text and "(2 actors)" in text
    assert "1 actors" not in text


def test_the_report_says_what_is_undefined_and_when_nothing_breaks_the_balance() -> None:
    # A path has no triangle; one actor alone has no tie: no NaN, no empty list.
    path = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": -1})])
    text = balance_report(path).text()
    assert "NaN" not in text and "nan" not in text
    assert ["triangle_balance", "none", "(no", "triangle)"] in [
        line.split() for line in text.splitlines()
    ]
    assert text.endswith("\nno tie breaks the balance: the signed graph is balanced (L = 0)")
    assert "ties that break the balance:" not in text
    alone = nx.Graph()
    alone.add_node("x")
    lines = [line.split() for line in balance_report(alone).text().splitlines()]
    assert ["normalised_balance", "none", "(no", "tie)"] in lines
    # With L > 0 the broken ties are listed as before.
    triangle = nx.Graph(
        [("a", "b", {"sign": 1}), ("b", "c", {"sign": 1}), ("a", "c", {"sign": -1})]
    )
    assert "ties that break the balance:\n  " in balance_report(triangle).text()
