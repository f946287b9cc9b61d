"""Tests for graph.balance (structural balance) and graph.datasets.

Exhaustive enumeration over camp splits is used here, and only here, as an
oracle for the exact solvers on small graphs.
"""

from __future__ import annotations

import copy
import itertools
import math
import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from scipy.linalg import expm

import graph.balance as balance
from graph.balance import (
    balance_report,
    camps,
    frustrated_ties,
    frustration,
    triangle_balance,
    walk_balance,
)
from graph.datasets import HIGHLAND_TRIBES, highland_tribes, random_signed_graph

# Hage & Harary's (1983) three clusters of the Gahuku-Gama subtribes.
GAMA_GROUP = {"GAVEV", "KOTUN", "NAGAD", "GAMA"}
GAHUKU_GROUP = {"OVE", "ALIKA", "GAHUK", "MASIL", "UKUDZ", "GEHAM", "ASARO"}
NAGAM_GROUP = {"NAGAM", "NOTOH", "KOHIK", "UHETO", "SEUVE"}


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------


def balanced_graph(n: int, m: int, seed: int) -> tuple[nx.Graph, dict[int, int]]:
    """Random graph signed by a planted two-camp split (hence balanced)."""
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


def brute_force_frustration(G: nx.Graph) -> int:
    """Minimum number of frustrated ties over all 2^(n-1) two-camp splits."""
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
    return int(frustrated.sum(axis=1).min())


def brute_force_dm(G: nx.Graph, k: int, alpha: float) -> float:
    """Minimum Doreian-Mrvar criterion over all partitions into at most k camps."""
    nodes, u, v, s = edge_arrays(G)
    n = len(nodes)
    best = math.inf
    for rest in itertools.product(range(k), repeat=n - 1):
        labels = np.array((0, *rest))
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
    ("camps2", lambda G: camps(G)),
    ("camps3", lambda G: camps(G, 3)),
    ("camps3_heuristic", lambda G: camps(G, 3, method="heuristic")),
    ("balance_report", lambda G: balance_report(G)),
]


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
    L, split = frustration(G)
    assert L == 7
    assert split.attrs["exact"] is True
    assert split.attrs["lower_bound"] == 7
    assert 1 - L / (G.number_of_edges() / 2) == pytest.approx(0.7586207, abs=1e-7)
    assert brute_force_frustration(G) == 7
    # the optimal split is unique: the Gama group against everybody else
    assert set(split[split == split["GAMA"]].index) == GAMA_GROUP
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
    three = camps(G, 3, alpha=0.5)
    assert three.attrs["criterion"] == 1.0
    assert 2 * three.attrs["criterion"] == 2  # signnet's (arc-counting) value
    assert three.attrs["negative_within"] == 0
    assert three.attrs["positive_between"] == 2
    assert three.attrs["exact"] is True
    signnet_membership = [1, 1, 3, 3, 2, 3, 3, 3, 2, 2, 3, 3, 2, 2, 1, 1]
    expected = dict(zip(HIGHLAND_TRIBES, signnet_membership, strict=True))
    groups = {frozenset(n for n in G if three[n] == c) for c in set(three)}
    signnet_groups = {frozenset(n for n in G if expected[n] == c) for c in set(expected.values())}
    assert (
        groups
        == signnet_groups
        == {
            frozenset(GAMA_GROUP),
            frozenset(GAHUKU_GROUP),
            frozenset(NAGAM_GROUP),
        }
    )
    # the same partition is what the relocation heuristic finds
    assert camps(G, 3, method="heuristic").attrs["criterion"] == 1.0


def test_highland_tribes_report():
    report = balance_report(highland_tribes())
    assert report["nodes"] == 16
    assert report["ties"] == 58
    assert report["positive_ties"] == report["negative_ties"] == 29
    assert report["components"] == 1
    assert report["triangles"] == 68
    assert report["triangles_++-"] + report["triangles_---"] == 9
    assert report["triangles_---"] == 7
    assert report["frustration"] == 7
    assert report["frustration_exact"] is True
    assert report["normalised_balance"] == pytest.approx(22 / 29)
    assert report["frustration_share"] == pytest.approx(7 / 58)


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


def test_numpy_and_float_signs_are_accepted():
    G = triangle(1, 1, -1)
    G["a"]["b"]["sign"] = np.int64(1)
    G["b"]["c"]["sign"] = 1.0
    G["a"]["c"]["sign"] = np.float32(-1)
    assert frustration(G)[0] == 1


@pytest.mark.parametrize(
    "G",
    [nx.DiGraph([("a", "b", {"sign": 1})]), nx.MultiGraph([("a", "b", {"sign": 1})])],
    ids=["directed", "multigraph"],
)
def test_directed_and_multigraphs_are_rejected(G):
    for _, call in ALL_FUNCTIONS:
        with pytest.raises(ValueError):
            call(G)


def test_self_loop_is_rejected():
    G = triangle(1, 1, 1)
    G.add_edge("a", "a", sign=-1)
    with pytest.raises(ValueError, match="self-loop"):
        frustration(G)


def test_not_a_graph_is_rejected():
    with pytest.raises(TypeError):
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
    L, split = frustration(G)
    assert L == 0 and split.empty and split.name == "camp"
    assert split.attrs["exact"] is True
    ties = frustrated_ties(G, {})
    assert ties.empty and list(ties.columns) == ["source", "target", "sign"]
    part = camps(G, 3)
    assert part.empty and part.attrs["criterion"] == 0.0 and part.attrs["n_camps"] == 0
    report = balance_report(G)
    assert report["nodes"] == 0 and report["frustration"] == 0
    assert math.isnan(report["normalised_balance"])
    assert math.isnan(report["walk_balance"])


def test_nodes_without_ties():
    G = nx.Graph()
    G.add_nodes_from("abc")
    assert math.isnan(triangle_balance(G))
    assert walk_balance(G) == 1.0
    L, split = frustration(G)
    assert L == 0 and split.tolist() == [0, 0, 0]
    part = camps(G, 2)
    assert part.tolist() == [0, 0, 0] and part.attrs["criterion"] == 0.0


def test_no_triangles_square():
    # A 4-cycle with one negative tie: no triangle, but unbalanced (L = 1).
    G = nx.cycle_graph(4)
    nx.set_edge_attributes(G, 1, "sign")
    G[0][1]["sign"] = -1
    assert math.isnan(triangle_balance(G))
    assert math.isnan(triangle_balance(G, weak=True))
    assert frustration(G)[0] == 1
    assert walk_balance(G) < 1
    report = balance_report(G)
    assert report["triangles"] == 0 and math.isnan(report["triangle_balance"])


def test_all_negative_triangle_is_strictly_unbalanced_but_weakly_balanced():
    T = triangle(-1, -1, -1)
    assert triangle_balance(T) == 0.0
    assert triangle_balance(T, weak=True) == 1.0
    L, split = frustration(T)
    assert L == 1
    assert len(frustrated_ties(T, split)) == 1
    # Davis: three mutually hostile camps make it perfectly clusterable
    three = camps(T, 3)
    assert three.attrs["criterion"] == 0.0 and three.attrs["n_camps"] == 3
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
    assert frustration(T)[0] == L
    assert (walk_balance(T) == pytest.approx(1.0)) == (L == 0)


@pytest.mark.parametrize("seed", range(5))
def test_balanced_graph(seed):
    G, side = balanced_graph(25, 70, seed)
    L, split = frustration(G)
    assert L == 0
    assert walk_balance(G) == pytest.approx(1.0, abs=1e-12)
    tb = triangle_balance(G)
    assert math.isnan(tb) or tb == 1.0
    assert frustrated_ties(G, split).empty
    assert frustrated_ties(G, side).empty
    assert frustration(G, method="heuristic")[0] == 0
    assert camps(G, 2).attrs["criterion"] == 0.0
    report = balance_report(G)
    assert report["normalised_balance"] == 1.0 and report["frustration_share"] == 0.0
    # in each connected component the split is the planted one (up to a swap)
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


# --------------------------------------------------------------------------
# frustration: exact solver against brute force, heuristic against exact
# --------------------------------------------------------------------------


SMALL_CASES = [
    (n, m, seed, p_neg)
    for seed, (n, m, p_neg) in enumerate(
        [(n, m, p) for n in (5, 7, 8, 10) for m in (6, 12, 20) for p in (0.2, 0.5, 0.8)]
    )
    if m <= n * (n - 1) // 2
]


@pytest.mark.parametrize(("n", "m", "seed", "p_neg"), SMALL_CASES)
def test_exact_frustration_matches_brute_force(n, m, seed, p_neg):
    G = random_signed_graph(n, m, seed=seed, negative=p_neg)
    L, split = frustration(G, method="exact")
    assert brute_force_frustration(G) == L
    assert split.attrs["exact"] is True
    assert len(frustrated_ties(G, split)) == L  # the split attains L
    assert set(split.unique()) <= {0, 1}


@pytest.mark.parametrize("seed", range(4))
def test_exact_frustration_on_complete_graphs(seed):
    G = random_signed_graph(9, 36, seed=seed)
    assert frustration(G)[0] == brute_force_frustration(G)


def test_exact_frustration_on_a_disconnected_graph():
    G = nx.disjoint_union_all(
        [
            triangle(-1, -1, -1),
            random_signed_graph(8, 15, seed=3),
            nx.empty_graph(2),
            triangle(1, 1, -1),
        ]
    )
    L, split = frustration(G)
    assert (
        L
        == brute_force_frustration(G)
        == 1 + brute_force_frustration(random_signed_graph(8, 15, seed=3)) + 1
    )
    assert len(frustrated_ties(G, split)) == L
    # canonical labels: the first node of every component is in camp 0
    for component in nx.connected_components(G):
        assert split[min(component)] == 0


@pytest.mark.parametrize("seed", range(8))
def test_heuristic_never_beats_exact(seed):
    G = random_signed_graph(30, 90, seed=seed, negative=0.3 + 0.05 * seed)
    exact, exact_split = frustration(G, method="exact")
    heuristic, heuristic_split = frustration(G, method="heuristic", seed=seed)
    assert heuristic >= exact
    assert exact_split.attrs["exact"] is True
    assert heuristic_split.attrs["exact"] is False
    assert heuristic_split.attrs["method"] == "heuristic"
    assert len(frustrated_ties(G, heuristic_split)) == heuristic


def test_heuristic_is_deterministic():
    G = random_signed_graph(80, 400, seed=11)
    first = frustration(G, method="heuristic", seed=5)
    second = frustration(G, method="heuristic", seed=5)
    assert first[0] == second[0]
    pd.testing.assert_series_equal(first[1], second[1])


def test_heuristic_finds_highland_optimum():
    L, split = frustration(highland_tribes(), method="heuristic")
    assert L == 7
    assert set(split[split == split["GAMA"]].index) == GAMA_GROUP


def test_time_limit_returns_an_upper_bound_with_warning():
    G = random_signed_graph(60, 300, seed=0)
    with pytest.warns(UserWarning, match="upper bound"):
        L, split = frustration(G, method="exact", time_limit=0.05)
    assert split.attrs["exact"] is False
    assert split.attrs["lower_bound"] <= L
    assert len(frustrated_ties(G, split)) == L


def test_auto_switches_to_heuristic_above_threshold(monkeypatch):
    monkeypatch.setattr(balance, "FRUSTRATION_EXACT_MAX_TIES", 10)
    G = random_signed_graph(20, 40, seed=1)
    with pytest.warns(UserWarning, match="upper bound"):
        L, split = frustration(G)
    assert split.attrs["method"] == "heuristic" and split.attrs["exact"] is False
    monkeypatch.setattr(balance, "FRUSTRATION_EXACT_MAX_TIES", 1000)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        exact, exact_split = frustration(G)
    assert exact_split.attrs["exact"] is True and exact <= L


def test_unknown_method_is_rejected():
    with pytest.raises(ValueError, match="method"):
        frustration(triangle(1, 1, 1), method="brute")
    with pytest.raises(ValueError, match="method"):
        camps(triangle(1, 1, 1), 3, method="brute")


def test_frustration_series_format():
    G = nx.Graph()
    G.add_edge(("x", 1), ("y", 2), sign=-1)  # tuple nodes stay single labels
    G.add_node("lonely")
    L, split = frustration(G)
    assert L == 0
    assert split.name == "camp"
    assert split.dtype == np.int64
    assert list(split.index) == [("x", 1), ("y", 2), "lonely"]
    assert split["lonely"] == 0
    assert split[("x", 1)] != split[("y", 2)]
    assert set(split.attrs) == {"frustration", "exact", "lower_bound", "method"}


def test_frustration_labels_follow_sorted_order():
    G = nx.Graph()
    G.add_edge("zeta", "alpha", sign=-1)
    G.add_edge("zeta", "mu", sign=1)
    _, split = frustration(G)
    assert split["alpha"] == 0 and split["zeta"] == 1 and split["mu"] == 1


# --------------------------------------------------------------------------
# frustrated_ties
# --------------------------------------------------------------------------


def test_frustrated_ties_with_k_camps_and_series():
    G = highland_tribes()
    three = camps(G, 3)
    ties = frustrated_ties(G, three)
    assert list(ties.columns) == ["source", "target", "sign"]
    assert {frozenset((a, b)) for a, b in zip(ties.source, ties.target, strict=True)} == {
        frozenset(("NAGAM", "MASIL")),
        frozenset(("MASIL", "UHETO")),
    }
    assert ties["sign"].tolist() == [1, 1]
    assert ties["sign"].dtype == np.int64


def test_frustrated_ties_missing_camp_raises():
    G = triangle(1, 1, -1)
    with pytest.raises(ValueError, match="no camp"):
        frustrated_ties(G, {"a": 0, "b": 1})


def test_frustrated_ties_ignores_isolated_nodes_without_camp():
    G = triangle(1, 1, -1)
    G.add_node("alone")
    ties = frustrated_ties(G, {"a": 0, "b": 0, "c": 0})
    assert ties.values.tolist() == [["a", "c", -1]]


# --------------------------------------------------------------------------
# camps (Doreian-Mrvar)
# --------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(10))
def test_two_camps_at_half_alpha_is_half_the_frustration_index(seed):
    G = random_signed_graph(14, 30, seed=seed, negative=0.2 + 0.06 * seed)
    L, _ = frustration(G)
    two = camps(G, 2, alpha=0.5)
    assert two.attrs["criterion"] == L / 2
    assert two.attrs["exact"] is True


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
def test_exact_camps_match_brute_force(n, m, k, alpha, seed):
    G = random_signed_graph(n, m, seed=seed)
    part = camps(G, k, alpha=alpha, method="exact")
    assert part.attrs["criterion"] == pytest.approx(brute_force_dm(G, k, alpha))
    assert part.attrs["exact"] is True
    # the attrs describe the returned partition
    ties = frustrated_ties(G, part)
    assert part.attrs["negative_within"] == int((ties["sign"] < 0).sum())
    assert part.attrs["positive_between"] == int((ties["sign"] > 0).sum())
    assert part.attrs["n_camps"] <= k
    heuristic = camps(G, k, alpha=alpha, method="heuristic")
    assert heuristic.attrs["criterion"] >= part.attrs["criterion"] - 1e-9
    assert heuristic.attrs["exact"] is False


def test_camps_relabelled_in_sorted_order():
    G = highland_tribes()
    three = camps(G, 3)
    # camp 0 holds the first tribe in sorted order, then by first appearance
    order = sorted(G)
    assert three[order[0]] == 0
    seen = []
    for node in order:
        if three[node] not in seen:
            seen.append(three[node])
    assert seen == [0, 1, 2]
    assert three.name == "camp" and three.dtype == np.int64
    assert list(three.index) == list(G)


def test_camps_all_positive_graph_is_one_camp():
    G = nx.complete_graph(6)
    nx.set_edge_attributes(G, 1, "sign")
    part = camps(G, 3)
    assert part.tolist() == [0] * 6
    assert part.attrs["n_camps"] == 1 and part.attrs["criterion"] == 0.0


def test_camps_attrs():
    part = camps(highland_tribes(), 2, alpha=0.5)
    assert set(part.attrs) == {
        "criterion",
        "negative_within",
        "positive_between",
        "alpha",
        "k",
        "n_camps",
        "exact",
        "method",
    }
    assert part.attrs["criterion"] == 3.5  # = L / 2
    assert part.attrs["k"] == 2 and part.attrs["alpha"] == 0.5


@pytest.mark.parametrize("k", [0, -1, 2.5, True])
def test_camps_rejects_bad_k(k):
    with pytest.raises(ValueError, match="k"):
        camps(triangle(1, 1, -1), k)


@pytest.mark.parametrize("alpha", [-0.1, 1.5])
def test_camps_rejects_bad_alpha(alpha):
    with pytest.raises(ValueError, match="alpha"):
        camps(triangle(1, 1, -1), 2, alpha=alpha)


def test_camps_heuristic_above_threshold_warns(monkeypatch):
    monkeypatch.setattr(balance, "CAMPS_EXACT_MAX_TIES", 5)
    with pytest.warns(UserWarning, match="heuristic"):
        part = camps(highland_tribes(), 3)
    assert part.attrs["exact"] is False
    assert part.attrs["criterion"] == 1.0


def test_camps_k_one():
    part = camps(highland_tribes(), 1)
    assert set(part) == {0}
    assert part.attrs["criterion"] == 0.5 * 29


# --------------------------------------------------------------------------
# the project's own signed graph
# --------------------------------------------------------------------------


def test_works_on_project_signed_graph():
    import graph

    S = graph.signed_graph(graph.load())
    before = snapshot(S)
    report = balance_report(S)
    L, split = frustration(S)
    assert report["ties"] == S.number_of_edges()
    assert report["frustration"] == L == len(frustrated_ties(S, split))
    assert report["frustration_exact"] is True
    assert 0 <= report["normalised_balance"] <= 1
    assert camps(S, 3).attrs["criterion"] >= 0
    assert snapshot(S) == before
