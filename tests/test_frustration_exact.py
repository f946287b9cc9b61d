"""The exact frustration index's parts against brute force on small graphs.

Each test would fail if a part were wrong: the odd-cycle separation (it must
find a violated inequality whenever one exists, and only violated ones), the
reductions (they must keep ``L``), the rounding of an integer-weighted bound
(it proves ``L`` without branch and bound), and the rule that hands the cut
rounds over to branch and bound.
"""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest

import graph.balance.exact as exact
from graph.balance import frustration, verify_frustration
from graph.balance.arrays import signed_arrays
from graph.balance.reduce import reduce_block
from graph.datasets import random_signed_graph


def least_frustration(n, u, v, s, w) -> float:
    """Brute force: the weighted frustration of the best of all 2^n splits."""
    best = np.inf
    for bits in itertools.product((0, 1), repeat=n - 1):
        x = np.array((0, *bits))
        same = x[u] == x[v]
        best = min(best, float(w[np.where(s > 0, ~same, same)].sum()))
    return best


def most_violated(G: nx.Graph, sa, f: np.ndarray) -> float:
    """Brute force: the least left-hand side of an odd-cycle inequality at ``f``.

    Over every simple cycle C, the best D is the ties with f > 1/2, with the
    tie nearest 1/2 changing side when |D| + neg(C) comes out even.
    """
    tie = {}
    for e, (a, b) in enumerate(zip(sa.u.tolist(), sa.v.tolist(), strict=True)):
        tie[a, b] = tie[b, a] = e
    index = {node: i for i, node in enumerate(sa.nodes)}
    least = np.inf
    for cycle in nx.simple_cycles(G):
        ids = [index[a] for a in cycle]
        edges = np.array([tie[a, b] for a, b in zip(ids, ids[1:] + ids[:1], strict=True)])
        in_d = f[edges] > 0.5
        lhs = np.where(in_d, 1.0 - f[edges], f[edges]).sum()
        if (in_d.sum() + (sa.s[edges] < 0).sum()) % 2 == 0:
            lhs += np.abs(1.0 - 2.0 * f[edges]).min()
        least = min(least, lhs)
    return least


def lhs_of(cut, f, s) -> tuple[float, bool]:
    edges, in_d = cut
    odd = (int(in_d.sum()) + int((s[edges] < 0).sum())) % 2 == 1
    return float(np.where(in_d, 1.0 - f[edges], f[edges]).sum()), odd


@pytest.mark.parametrize("seed", range(100))
def test_separation_finds_a_violated_odd_cycle_exactly_when_there_is_one(seed):
    rng = np.random.default_rng(seed)
    G = random_signed_graph(10, int(rng.integers(12, 24)), seed=seed, negative=0.4)
    sa = signed_arrays(G, "test")
    # LP points of every kind: integral (a set of flipped ties), half-integral, random.
    kind = seed % 3
    if kind == 0:
        f = rng.integers(0, 2, size=sa.m).astype(float)
    elif kind == 1:
        f = rng.choice([0.0, 0.5, 1.0], size=sa.m)
    else:
        f = np.where(rng.random(sa.m) < 0.5, rng.random(sa.m), 0.0)
    cuts = exact._new_cuts(sa.n, sa.u, sa.v, sa.s, f, [])
    for cut in cuts:
        lhs, odd = lhs_of(cut, f, sa.s)
        assert odd and lhs < 1.0 - 1e-6  # a valid inequality, violated
        ends = np.bincount(np.r_[sa.u[cut[0]], sa.v[cut[0]]], minlength=sa.n)
        assert set(ends.tolist()) <= {0, 2}  # a simple cycle
    violated = most_violated(G, sa, f) < 1.0 - 1e-6
    assert bool(cuts) == violated


def test_a_shortest_walk_through_an_actor_twice_still_gives_its_violated_cycle():
    # The walk a-b-c-a-d-e-a is two triangles glued at a: the unbalanced one
    # (one negative tie) is the cut, the balanced one is no inequality.
    walk = ["a", "b", "c", "a", "d", "e", "a"]
    trail = [(0, False), (1, False), (2, False), (3, False), (4, False), (5, False)]
    assert exact._simple_cycles(walk, trail) == [trail[:3], trail[3:]]
    there_and_back = [(7, False), (8, False), (8, True), (7, True)]  # a-b-c-b-a
    assert exact._simple_cycles([0, 1, 2, 1, 0], there_and_back) == [
        [(8, False), (8, True)],
        [(7, False), (7, True)],
    ]


def chained(G: nx.Graph, rng: np.random.Generator) -> nx.Graph:
    """``G`` with some ties made paths of two-tie actors and some doubled (parallel ties)."""
    H = nx.MultiGraph()
    H.add_nodes_from(G)
    extra = 0
    for a, b, sign in G.edges(data="sign"):
        weight = int(rng.integers(1, 5))
        roll = rng.random()
        if roll < 0.3:  # a chain: signs multiply to the tie's sign
            path = [a, *(f"c{extra + k}" for k in range(2)), b]
            extra += 2
            signs = [1, -1, -sign] if rng.random() < 0.5 else [sign, 1, 1]
            for (p, q), sg in zip(itertools.pairwise(path), signs, strict=True):
                H.add_edge(p, q, sign=sg, weight=int(rng.integers(1, 5)))
        else:
            H.add_edge(a, b, sign=sign, weight=weight)
            if roll > 0.8:  # a second tie between the same pair, of either sign
                H.add_edge(a, b, sign=int(rng.choice([-1, 1])), weight=int(rng.integers(1, 5)))
    return H


@pytest.mark.parametrize("seed", range(12))
def test_reductions_keep_the_frustration_index(seed):
    rng = np.random.default_rng(seed)
    H = chained(random_signed_graph(6, 10, seed=seed, negative=0.4), rng)
    nodes = list(H.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    ties = list(H.edges(data=True))
    u = np.array([index[a] for a, _, _ in ties])
    v = np.array([index[b] for _, b, _ in ties])
    s = np.array([d["sign"] for *_, d in ties])
    w = np.array([float(d["weight"]) for *_, d in ties])
    core = reduce_block(len(nodes), u, v, s, w)
    assert len(core.actors) < len(nodes)  # something was reduced
    L = least_frustration(len(nodes), u, v, s, w)
    if len(core.actors):
        kept = least_frustration(len(core.actors), core.u, core.v, core.s, core.w)
    else:
        kept = 0.0
    assert kept + core.constant == pytest.approx(L)
    # and the reduced block's best split, expanded, attains L on the whole block
    if len(core.actors):
        x = exact.enumerate_split(len(core.actors), core.u, core.v, core.s, core.w, 0)
    else:
        x = np.zeros(0, dtype=np.int64)
    side = core.expand(len(nodes), x)
    same = side[u] == side[v]
    assert float(w[np.where(s > 0, ~same, same)].sum()) == pytest.approx(L)


def test_an_integer_weighted_bound_is_rounded_up_into_a_proof_without_branching(monkeypatch):
    # All-negative K5 cannot be split without 4 ties inside a group; every
    # triangle is unbalanced and the cycle relaxation puts 1/3 on each tie:
    # bound 10/3, which rounds up to 4 (integer weights), so no branch and bound.
    n = 5
    u, v = map(np.array, zip(*itertools.combinations(range(n), 2), strict=True))
    s, w = -np.ones(len(u), dtype=np.int64), np.ones(len(u))
    incumbent = exact.enumerate_split(n, u, v, s, w, 0)

    def refuse(*args, **kwargs):
        raise AssertionError("branch and bound was not needed")

    monkeypatch.setattr(exact, "_highs_mip", refuse)
    x, proven, bound, cycles = exact.milp_split(
        n, u, v, s, w, fixed=0, deadline=np.inf, incumbent=incumbent
    )
    assert proven and exact.split_cost(x, u, v, s, w) == 4
    assert bound == pytest.approx(10 / 3) and not bound.is_integer()
    assert exact.odd_cycle_bound(u, v, s, w, cycles) == pytest.approx(bound)
    # with fractional weights the same bound proves nothing
    assert not exact.proves(bound, 4.0, w * 1.5)


def test_cut_rounds_hand_over_to_branching_when_stalled_or_half_the_budget_is_gone():
    incumbent = 100.0
    assert not exact._branch_now([], incumbent, 90.0, 100.0)
    # bound still rising, 40 % of the budget gone: more rounds
    assert not exact._branch_now([80.0, 84.0, 88.0, 90.0], incumbent, 40.0, 100.0)
    # half the budget gone: branch, whatever the gap
    assert exact._branch_now([80.0, 84.0, 88.0, 90.0], incumbent, 60.0, 100.0)
    # three rounds without progress: branch, whatever the time
    assert exact._branch_now([90.0, 90.0, 90.0, 90.0], incumbent, 1.0, 100.0)
    assert not exact._branch_now([90.0, 90.0, 90.0], incumbent, 1.0, 100.0)


@pytest.mark.parametrize("seed", range(6))
def test_weighted_exact_on_sparse_blocks_matches_brute_force(seed):
    # Sparse (long cycles, few triangles) and weighted 1..10 with heavy
    # negative ties, like weighted trust networks: enough actors (> 12) that
    # the relaxation and its separation, not enumeration, prove L.
    rng = np.random.default_rng(seed)
    G = random_signed_graph(16, 26, seed=seed, negative=0.25)
    for a, b in G.edges:
        G[a][b]["weight"] = (
            10 if G[a][b]["sign"] < 0 and rng.random() < 0.4 else int(rng.integers(1, 6))
        )
    result = frustration(G, method="exact")
    sa = signed_arrays(G, "test", weight="weight")
    assert result.proven
    assert least_frustration(sa.n, sa.u, sa.v, sa.s, sa.w) == result.L
    assert verify_frustration(G, result)
