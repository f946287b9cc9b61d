"""The exact frustration index's parts against brute force on small graphs.

Each test would fail if a part were wrong: the odd-cycle separation (it must
find a violated inequality whenever one exists, and only violated ones), the
reductions (they must keep ``L``), the rounding of an integer-weighted bound
(it proves ``L`` without branch and bound), and the rule that hands the cut
rounds over to branch and bound.
"""

from __future__ import annotations

import dataclasses
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


def test_separation_closes_cycles_through_the_busiest_actor_not_around_the_rim():
    # A wheel: hub 0 tied to rim actors 1..20, the rim a cycle of positive
    # ties but one negative one, (1, 2), half frustrated in the LP point.
    # The odd cycles through it are the triangle 0-1-2 (three ties) and the
    # rim (twenty): the separation must offer the short one, which is the
    # stronger row (the forest joining integral ties is grown from the hub).
    G = nx.Graph()
    G.add_edges_from((i, i % 20 + 1, {"sign": -1 if i == 1 else 1}) for i in range(1, 21))
    G.add_edges_from((0, i, {"sign": 1}) for i in range(1, 21))
    sa = signed_arrays(G, "test")
    f = np.where(sa.s < 0, 0.5, 0.0)
    cuts = exact._new_cuts(sa.n, sa.u, sa.v, sa.s, f, [])
    assert cuts and all(len(ties) == 3 for ties, _ in cuts)
    # The forest through the integral ties is the star, not the rim's path.
    forest = exact._spanning_forest(sa.n, sa.u, sa.v, sa.s, np.zeros(sa.m))
    hub = list(sa.nodes).index(0)
    assert np.all((sa.u[forest.in_tree] == hub) | (sa.v[forest.in_tree] == hub))


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


def test_branch_and_bound_is_believed_only_when_its_split_is_worth_its_word(monkeypatch):
    # HiGHS 1.16 once called optimal a value below its own LP bound and
    # returned its start: the model's "optimal" must match the split it gives.
    G = random_signed_graph(16, 40, seed=3)
    sa = signed_arrays(G, "test")
    start = np.zeros(sa.n, dtype=np.int64)
    args = (sa.n, sa.u, sa.v, sa.s, sa.w, [], 0, start, np.inf, None)
    x, optimal, bound = exact._highs_mip(*args)
    assert optimal and bound == pytest.approx(exact.split_cost(x, sa.u, sa.v, sa.s, sa.w))
    cost = exact.split_cost
    monkeypatch.setattr(exact, "split_cost", lambda *a: cost(*a) + 1.0)  # a split worth more
    x, optimal, bound = exact._highs_mip(*args)
    assert not optimal and bound is None


def test_cut_rounds_hand_over_to_branching_when_stalled_or_their_share_is_gone():
    incumbent = 100.0
    assert not exact._branch_now([], incumbent, 90.0, 100.0)
    # bound still rising, 70 % of the budget gone: more rounds
    assert not exact._branch_now([80.0, 84.0, 88.0, 90.0], incumbent, 70.0, 100.0)
    # the rounds' share of the budget gone: branch, whatever the gap
    assert exact._branch_now([80.0, 84.0, 88.0, 90.0], incumbent, 85.0, 100.0)
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


def test_a_weighted_gap_below_the_heaviest_tie_fixes_ties_before_the_rounds_end(monkeypatch):
    # Weighted ties: once the gap is below the heaviest tie, reduced costs
    # fix ties, and the small kernel left is searched at once instead of
    # more cut rounds (which close the last few units slowly).
    rng = np.random.default_rng(22)
    G = random_signed_graph(16, 30, seed=22, negative=0.25)
    for a, b in G.edges:
        G[a][b]["weight"] = (
            10 if G[a][b]["sign"] < 0 and rng.random() < 0.4 else int(rng.integers(1, 6))
        )
    kernels, stalled = [], []
    split, branch_now = exact._kernel_split, exact._branch_now

    def kernel_split(*args, **kwargs):
        kernels.append(args[0])
        return split(*args, **kwargs)

    def stalls(*args):
        stalled.append(branch_now(*args))
        return stalled[-1]

    monkeypatch.setattr(exact, "_kernel_split", kernel_split)
    monkeypatch.setattr(exact, "_branch_now", stalls)
    result = frustration(G, method="exact")
    sa = signed_arrays(G, "test", weight="weight")
    assert kernels and not any(stalled)  # searched during the rounds, not after them
    assert result.proven and verify_frustration(G, result)
    assert least_frustration(sa.n, sa.u, sa.v, sa.s, sa.w) == result.L


def random_certificate(G: nx.Graph, sa, rng: np.random.Generator) -> exact.OddCycles:
    """Odd-cycle inequalities of ``G`` with random multipliers: any such family is a
    valid (if weak) certificate, some ties loaded past their weight."""
    tie = {}
    for e, (a, b) in enumerate(zip(sa.u.tolist(), sa.v.tolist(), strict=True)):
        tie[a, b] = tie[b, a] = e
    index = {node: i for i, node in enumerate(sa.nodes)}
    ties, in_d = [], []
    for cycle in itertools.islice(nx.simple_cycles(G, length_bound=6), 60):
        ids = [index[a] for a in cycle]
        edges = np.array([tie[a, b] for a, b in zip(ids, ids[1:] + ids[:1], strict=True)])
        d = rng.random(len(edges)) < 0.2
        if (d.sum() + (sa.s[edges] < 0).sum()) % 2 == 0:
            d[0] = not d[0]
        ties.append(edges)
        in_d.append(d)
    y = rng.choice([0.0, 0.5, 1.0, 2.0], size=len(ties), p=[0.4, 0.3, 0.2, 0.1])
    return exact.OddCycles(tuple(ties), tuple(in_d), y)


@pytest.mark.parametrize("seed", range(45))
def test_reduced_cost_fixing_keeps_every_better_split(seed, monkeypatch):
    # Whatever the certificate and the incumbent, the best split is the
    # incumbent or one of the kernel's, and the kernel's splits cost what
    # they cost on the whole block.
    rng = np.random.default_rng(seed)
    G = random_signed_graph(10, int(rng.integers(14, 26)), seed=seed, negative=0.4)
    for a, b in G.edges:
        G[a][b]["weight"] = int(rng.integers(1, 8)) if seed % 2 else 1
    sa = signed_arrays(G, "test", weight="weight")
    n, u, v, s, w = sa.n, sa.u, sa.v, sa.s, sa.w
    best = least_frustration(n, u, v, s, w)
    optimum = exact.enumerate_split(n, u, v, s, w, 0)
    # The cycle relaxation's certificate (a bound near L) plus random
    # odd-cycle rows (loading some ties past their weight).
    *_, relaxation = exact.milp_split(n, u, v, s, w, fixed=0, deadline=np.inf, incumbent=optimum)
    if relaxation is None:  # proven by branch and bound: a packing instead
        _, relaxation = exact.cycle_packing_bound(n, u, v, s, w, optimum)
    extra = random_certificate(G, sa, rng)
    certificate = exact.OddCycles(
        relaxation.ties + extra.ties,
        relaxation.in_d + extra.in_d,
        np.r_[relaxation.y, (0.01 if seed % 4 else 1.0) * extra.y],
    )
    incumbent = optimum.copy()
    if seed % 3:  # a worse incumbent: one actor moved
        incumbent[rng.integers(1, n)] ^= 1
    cost = exact.split_cost(incumbent, u, v, s, w)
    kernel = exact.Kernel.fix(n, u, v, s, w, certificate, cost)
    if kernel is None:  # nothing fixed: the bound is too weak
        return
    if kernel.core is None:  # the fixings contradict: nothing beats the incumbent
        assert best == cost
        return
    core = kernel.core
    k = len(core.actors)
    x = exact.enumerate_split(k, core.u, core.v, core.s, core.w, 0) if k else np.zeros(0, int)
    inside = exact.split_cost(x, core.u, core.v, core.s, core.w) + kernel.constant
    assert min(inside, cost) == pytest.approx(best)
    if inside < cost:  # the kernel's best split, expanded, costs the same on the block
        assert exact.split_cost(kernel.expand(x), u, v, s, w) == pytest.approx(inside)
    # Branch and bound on the kernel (however small: enumeration turned off)
    # finds the best split and proves it.
    monkeypatch.setattr(exact, "ENUMERATE_MAX_ACTORS", 0)
    split, proven, lower, _ = exact._kernel_split(
        kernel, n, u, v, s, w, incumbent, certificate, np.inf, None
    )
    assert proven and exact.split_cost(split, u, v, s, w) == pytest.approx(best)
    assert lower == pytest.approx(best)


def test_branch_and_bound_runs_on_the_kernel_only(monkeypatch):
    # This random block's cycle relaxation stops one tie short of the
    # heuristic's split (an integrality gap of one): the fixings and
    # reductions leave 9 actors, whose splits are tried, so the proof needs
    # no integer program (nor its memory).  (Until the interior-point rounds,
    # trust_like() seed 0 was such a case: its relaxation reaches 1,561 now.)
    G = random_signed_graph(20, 50, seed=47)
    kernels, mips = [], []
    fix, solve = exact.Kernel.fix.__func__, exact._highs_mip

    def fixing(cls, *args):
        kernels.append(fix(cls, *args))
        return kernels[-1]

    def branching(n, u, *args, **kwargs):
        mips.append(n)
        return solve(n, u, *args, **kwargs)

    monkeypatch.setattr(exact.Kernel, "fix", classmethod(fixing))
    monkeypatch.setattr(exact, "_highs_mip", branching)
    result = frustration(G, method="exact")
    assert result.proven and result.L == 12 and verify_frustration(G, result)
    core = kernels[0].core  # small enough to try every split of: no integer program
    assert core is not None and len(core.actors) <= exact.ENUMERATE_MAX_ACTORS and not mips
    # and the proof is checkable: the certificate's reduced costs fix the same ties again
    (core,) = [proof for proof in result.certificate if proof.kind == "fixing"]
    assert exact.odd_cycle_bound(core.u, core.v, core.s, core.w, core.cycles) < core.bound
    broken = dataclasses.replace(core, bound=core.bound + 1)
    with pytest.raises(ValueError, match="certificate gives"):
        verify_frustration(G, dataclasses.replace(result, certificate=(broken,)))


def test_a_tie_loaded_past_its_weight_is_fixed_frustrated():
    # Two triangles share the negative tie a-b (weight 1.5); their positive
    # ties weigh 5.5. A multiplier of 1 on each triangle loads a-b with 2:
    # bound 2 - 0.5 = 1.5, and its reduced cost -0.5 says every split at
    # most as good as the incumbent (1.5) frustrates a-b, the others none.
    u, v = np.array([0, 0, 1, 0, 1]), np.array([1, 2, 2, 3, 3])  # a-b, a-c, b-c, a-d, b-d
    s = np.array([-1, 1, 1, 1, 1])
    w = np.array([1.5, 5.5, 5.5, 5.5, 5.5])
    both = exact.OddCycles(
        (np.array([0, 1, 2]), np.array([0, 3, 4])),
        (np.zeros(3, bool), np.zeros(3, bool)),
        np.ones(2),
    )
    assert exact.odd_cycle_bound(u, v, s, w, both) == 1.5
    kernel = exact.Kernel.fix(4, u, v, s, w, both, 1.5)
    assert kernel.core is not None and len(kernel.core.actors) == 0
    assert kernel.constant == 1.5  # a-b, frustrated whatever the split
    split = kernel.expand(np.zeros(0, dtype=np.int64))
    assert exact.split_cost(split, u, v, s, w) == 1.5 and len(set(split.tolist())) == 1


def test_another_packing_order_only_when_it_could_close_the_gap(monkeypatch):
    # Orders differ by a fraction of a percent: with the gap wider than
    # _PACKING_RETRY_GAP after the first, the relaxation takes over at once.
    import graph.balance.frustration_index as fi

    calls = []
    pack = fi.cycle_packing_bound

    def spy(*args):
        calls.append(pack(*args))
        return calls[-1]

    monkeypatch.setattr(fi, "cycle_packing_bound", spy)
    G = random_signed_graph(40, 170, seed=1)  # random signs: the packing is far from L
    result = frustration(G, method="exact")
    assert result.L == 47 and len(calls) == 1
    assert (result.L - calls[0][0]) / result.L > fi._PACKING_RETRY_GAP
