"""The exact frustration index of one block: Aref, Mason & Wilson's binary program.

:func:`milp_split` solves the "XOR" model with HiGHS (through
:func:`scipy.optimize.milp`), strengthened by odd-cycle inequalities;
:func:`enumerate_split` tries every split of a block of a few actors.
"""

from __future__ import annotations

import math
import time

import numpy as np
from scipy import sparse

from .arrays import triangles
from .heuristic import split_cost

__all__ = [
    "ENUMERATE_MAX_ACTORS",
    "cycle_packing_bound",
    "enumerate_split",
    "milp_split",
    "proves",
]

#: Blocks of at most this many actors are solved by trying every split.
ENUMERATE_MAX_ACTORS = 12

#: Cap on the odd-triangle inequalities added up front (they only tighten the
#: relaxation; the optimum is unaffected).
_MAX_TRIANGLE_CUTS = 200_000
_CUT_ROUNDS = 30
#: Shortest-path searches per separation round, and per batch (memory: a batch
#: holds a batch x 2n distance matrix).
_SEPARATION_SOURCES = 2048
_SEPARATION_BATCH = 128
#: Rounds of path searches of :func:`cycle_packing_bound`.
_PACKING_ROUNDS = 8


def enumerate_split(
    n: int, u: np.ndarray, v: np.ndarray, s: np.ndarray, w: np.ndarray, fixed: int
) -> np.ndarray:
    """The best 0/1 split of ``n`` actors, by trying all ``2^(n-1)`` with ``fixed`` at 0."""
    others = [i for i in range(n) if i != fixed]
    codes = np.arange(2 ** len(others))
    X = np.zeros((len(codes), n), dtype=np.int64)
    for bit, i in enumerate(others):
        X[:, i] = (codes >> bit) & 1
    same = X[:, u] == X[:, v]
    cost = (np.where(s > 0, ~same, same) * w).sum(axis=1)
    return X[int(np.argmin(cost))]


def cycle_packing_bound(
    n: int,
    u: np.ndarray,
    v: np.ndarray,
    s: np.ndarray,
    w: np.ndarray,
    x: np.ndarray,
    rng: np.random.Generator | None = None,
) -> float:
    """A lower bound on the frustration index from disjoint unbalanced cycles.

    Every unbalanced cycle (odd number of negative ties) keeps at least one
    frustrated tie in any split, so a packing of cycles, each tie used up to
    its weight, bounds ``L`` from below (the dual of covering the cycles with
    ties).  The cycles come from the split ``x``: a tie it frustrates, closed
    by a shortest path of ties it satisfies, is such a cycle.  Paths are found
    in rounds of breadth-first searches (:func:`scipy.sparse.csgraph.dijkstra`,
    unweighted), shortest first, each accepted while its ties have capacity
    left.  On a network close to balance the bound often meets the split's
    value, which is then proven optimal without any linear program.
    """
    from scipy.sparse.csgraph import dijkstra

    same = x[u] == x[v]
    frustrated = np.flatnonzero(np.where(s > 0, ~same, same))
    capacity = w.astype(np.float64).copy()
    bound = 0.0
    for _ in range(_PACKING_ROUNDS):
        open_ties = frustrated[capacity[frustrated] > 1e-12]
        usable = np.flatnonzero(~np.isin(np.arange(len(s)), frustrated) & (capacity > 1e-12))
        if len(open_ties) == 0 or len(usable) == 0:
            break
        graph = sparse.csr_matrix(
            (np.ones(2 * len(usable)), (np.r_[u[usable], v[usable]], np.r_[v[usable], u[usable]])),
            shape=(n, n),
        )
        tie_of = {}
        for e in usable.tolist():
            tie_of[u[e], v[e]] = tie_of[v[e], u[e]] = e
        paths = []
        for lo in range(0, len(open_ties), _SEPARATION_BATCH):
            batch = open_ties[lo : lo + _SEPARATION_BATCH]
            dist, pred = dijkstra(
                graph,
                indices=u[batch],
                unweighted=True,
                return_predecessors=True,
            )
            for r, e in enumerate(batch.tolist()):
                target = int(v[e])
                if not np.isfinite(dist[r, target]):
                    continue
                path, node = [], target
                while node != u[e]:
                    prev = int(pred[r, node])
                    path.append(tie_of[prev, node])
                    node = prev
                paths.append((len(path), 0.0 if rng is None else rng.random(), e, path))
        progress = False
        for *_, e, path in sorted(paths):
            amount = min(capacity[e], min(capacity[path]))
            if amount > 1e-12:
                capacity[e] -= amount
                capacity[path] -= amount
                bound += amount
                progress = True
        if not progress:
            break
    return bound


def _odd_cycle_cuts(
    n: int, u: np.ndarray, v: np.ndarray, s: np.ndarray, f: np.ndarray, max_cuts: int
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Separate violated odd-cycle inequalities for a fractional ``f``.

    For integer ``f`` (a set of ties whose flip balances the graph) the number
    of frustrated ties on any cycle C has the parity of its negative ties, so
    for every ``D`` subset of C with ``|D| + neg(C)`` odd,
    ``sum_{e in D} (1 - f_e) + sum_{e in C - D} f_e >= 1``.  The most violated
    of these is found by shortest paths from ``(i, 0)`` to ``(i, 1)`` in the
    "parity-doubled" graph (Barahona & Mahjoub 1986), searched from the ends
    of fractional ties only (a violated cycle has one) and no further than
    length 1.  Returns a list of ``(tie ids, in_D mask)`` of closed trails
    violating the inequality.
    """
    from scipy.sparse.csgraph import dijkstra

    b = (s < 0).astype(np.int64)
    eps = 1e-9
    cost_out = np.clip(f, 0.0, 1.0) + eps  # e not in D: parity flips by b_e
    cost_in = np.clip(1.0 - f, 0.0, 1.0) + eps  # e in D: parity flips by b_e ^ 1
    src, dst, wt = [], [], []
    for p in (0, 1):
        for a, c in ((u, v), (v, u)):
            src += [a + p * n, a + p * n]
            dst += [c + (p ^ b) * n, c + (p ^ b ^ 1) * n]
            wt += [cost_out, cost_in]
    graph = sparse.csr_matrix(
        (np.concatenate(wt), (np.concatenate(src), np.concatenate(dst))), shape=(2 * n, 2 * n)
    )
    edge_id = {}
    for e, (a, c) in enumerate(zip(u.tolist(), v.tolist(), strict=True)):
        edge_id[a, c] = e
        edge_id[c, a] = e
    fractional = (f > 1e-6) & (f < 1 - 1e-6)
    sources = np.unique(np.concatenate([u[fractional], v[fractional]]))[:_SEPARATION_SOURCES]
    cuts: list[tuple[np.ndarray, np.ndarray]] = []
    seen: set[frozenset[tuple[int, bool]]] = set()
    for lo in range(0, len(sources), _SEPARATION_BATCH):
        batch = sources[lo : lo + _SEPARATION_BATCH]
        dist, pred = dijkstra(graph, indices=batch, return_predecessors=True, limit=1.0)
        rows = np.arange(len(batch))
        gap = dist[rows, batch + n]
        found = np.flatnonzero(gap < 1.0 - 1e-6)
        found = found[np.argsort(gap[found], kind="stable")]
        for r in found.tolist():
            i = int(batch[r])
            node, trail = i + n, []
            while node != i:
                prev = int(pred[r, node])
                e = edge_id[prev % n, node % n]
                flips = (prev >= n) != (node >= n)
                trail.append((e, bool(flips != bool(b[e]))))
                node = prev
            edges = [e for e, _ in trail]
            if len(set(edges)) != len(edges):
                continue
            key = frozenset(trail)
            if key in seen:
                continue
            seen.add(key)
            cuts.append((np.asarray(edges, dtype=np.int64), np.asarray([d for _, d in trail])))
            if len(cuts) >= max_cuts:
                return cuts
    return cuts


def proves(lower: float, upper: float, w: np.ndarray) -> bool:
    """Does a lower bound prove a value optimal (integer weights: up to rounding)?"""
    if np.all(w == np.round(w)):
        return math.ceil(lower - 1e-6) >= round(upper)
    return lower >= upper - 1e-9 * max(1.0, upper)


def milp_split(
    n: int,
    u: np.ndarray,
    v: np.ndarray,
    s: np.ndarray,
    w: np.ndarray,
    *,
    fixed: int,
    deadline: float,
    incumbent: np.ndarray,
) -> tuple[np.ndarray, bool, float]:
    """Aref-Mason-Wilson XOR model on one block, started from a known split.

    Variables: ``x_i`` (group of actor i, binary) and ``f_e`` (tie e
    frustrated).  Minimise ``sum w_e f_e`` subject to, for a positive tie
    (i, j), ``f_e >= x_i - x_j`` and ``f_e >= x_j - x_i``; for a negative tie,
    ``f_e >= x_i + x_j - 1`` and ``f_e >= 1 - x_i - x_j``.  For binary ``x``
    the lower bounds on ``f_e`` are 0 or 1, so the minimum puts ``f_e`` at
    exactly that binary value: ``f`` is therefore declared continuous in
    [0, 1] and HiGHS branches on actor variables only -- the effect of the
    prioritised branching of Aref, Mason & Wilson (2020).  Actor ``fixed`` is
    put in group 0 (breaks the swap symmetry).  The linear relaxation of this
    model is weak (all ``x = 1/2`` gives 0), so it is strengthened before
    branching with ``f_a + f_b + f_c >= 1`` for every triangle with an odd
    number of negative ties (as in Aref, Mason & Wilson 2020), then with
    rounds of violated odd-cycle inequalities separated from the LP optimum.
    These cut off fractional points only, never a split.

    ``incumbent`` (the heuristic's split) is the warm start: it is the upper
    bound -- as soon as the relaxation's bound reaches its value, it is
    proven optimal without branching -- and it is kept when the solver's own
    split is not better. When the ``highspy`` package (HiGHS's own
    interface) is installed, the branch and bound runs there with the split
    as a real MIP start (its incumbent from the first node, so HiGHS prunes
    from the start); scipy's interface takes no initial solution and is the
    fallback.

    Returns ``(x, proven, lower_bound)``.
    """
    from scipy.optimize import Bounds, LinearConstraint, milp

    best = incumbent.copy()
    best_cost = split_cost(best, u, v, s, w)
    m = len(s)
    e = np.arange(m)
    pos = s > 0
    # Row 2e:     f_e - x_i + x_j >= 0 (positive tie) | f_e - x_i - x_j >= -1 (negative)
    # Row 2e + 1: f_e + x_i - x_j >= 0 (positive tie) | f_e + x_i + x_j >= 1 (negative)
    coef_j0 = np.where(pos, 1.0, -1.0)
    rows = [np.repeat(np.arange(2 * m), 3)]
    cols = [np.column_stack([n + e, u, v, n + e, u, v]).ravel()]
    ones = np.ones(m)
    vals = [np.column_stack([ones, -ones, coef_j0, ones, ones, -coef_j0]).ravel()]
    lbs = [np.column_stack([np.where(pos, 0.0, -1.0), np.where(pos, 0.0, 1.0)]).ravel()]
    n_rows = 2 * m

    def add_cut(edges: np.ndarray, in_d: np.ndarray) -> None:
        # sum_{C - D} f_e - sum_D f_e >= 1 - |D|
        nonlocal n_rows
        rows.append(np.full(len(edges), n_rows))
        cols.append(n + edges)
        vals.append(np.where(in_d, -1.0, 1.0))
        lbs.append(np.array([1.0 - float(in_d.sum())]))
        n_rows += 1

    neg = (s < 0).astype(np.int64)
    n_tri = 0
    for tri in triangles(n, u, v):
        if (neg[tri[0]] + neg[tri[1]] + neg[tri[2]]) % 2 == 1:
            add_cut(np.asarray(tri, dtype=np.int64), np.zeros(3, dtype=bool))
            n_tri += 1
            if n_tri >= _MAX_TRIANGLE_CUTS:
                break

    upper = np.ones(n + m)
    upper[fixed] = 0.0
    bounds = Bounds(np.zeros(n + m), upper)
    cost = np.concatenate([np.zeros(n), w.astype(np.float64)])

    def constraints() -> LinearConstraint:
        A = sparse.csr_matrix(
            (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
            shape=(n_rows, n + m),
        )
        return LinearConstraint(A, np.concatenate(lbs), np.full(n_rows, np.inf))

    def options(**extra: object) -> dict[str, object]:
        left = deadline - time.monotonic()
        return {"disp": False, **extra} | ({"time_limit": max(left, 0.01)} if left < 1e9 else {})

    lower_bound = 0.0
    start = time.monotonic()
    # Cutting-plane rounds on the LP relaxation, while they pay and half the time is left.
    for _ in range(_CUT_ROUNDS):
        if time.monotonic() - start > 0.5 * max(deadline - start, 0.0):
            break
        lp = milp(cost, constraints=constraints(), bounds=bounds, options=options())
        if lp.x is None:
            break
        lower_bound = max(lower_bound, float(lp.fun))
        if proves(lower_bound, best_cost, w):
            return best, True, best_cost
        cuts = _odd_cycle_cuts(n, u, v, s, lp.x[n:], max(n, 10))
        if not cuts:
            break
        for edges, in_d in cuts:
            add_cut(edges, in_d)

    if _highspy() is not None:
        A = constraints().A
        frustrated = np.where(pos, best[u] != best[v], best[u] == best[v]).astype(np.float64)
        x, status, bound = _highs_mip(
            cost,
            sparse.csr_matrix(A),
            np.concatenate(lbs),
            upper,
            n,
            np.concatenate([best.astype(np.float64), frustrated]),
            deadline,
        )
        if bound is not None and np.isfinite(bound):
            lower_bound = max(lower_bound, bound)
        if x is not None:
            if split_cost(x, u, v, s, w) < best_cost:
                best, best_cost = x, split_cost(x, u, v, s, w)
            if status:
                return best, True, best_cost
        return best, proves(lower_bound, best_cost, w), lower_bound
    # mip_rel_gap=0: with the default 1e-4, "optimal" would not be a proof for L >= 10^4.
    res = milp(
        cost,
        constraints=constraints(),
        integrality=np.concatenate([np.ones(n), np.zeros(m)]),
        bounds=bounds,
        options=options(mip_rel_gap=0.0),
    )
    bound = getattr(res, "mip_dual_bound", None)
    if bound is not None and np.isfinite(bound):
        lower_bound = max(lower_bound, float(bound))
    if res.x is not None:
        x = np.rint(res.x[:n]).astype(np.int64)
        if split_cost(x, u, v, s, w) < best_cost:  # ties keep the incumbent (the warm start)
            best, best_cost = x, split_cost(x, u, v, s, w)
        if res.status == 0:
            return best, True, best_cost
    return best, proves(lower_bound, best_cost, w), lower_bound


def _highspy():
    """The ``highspy`` module (HiGHS's own interface) if installed, else None."""
    try:
        import highspy
    except ImportError:
        return None
    return highspy


def _highs_mip(
    cost: np.ndarray,
    A: sparse.csr_matrix,
    lower: np.ndarray,
    upper: np.ndarray,
    n: int,
    start: np.ndarray,
    deadline: float,
) -> tuple[np.ndarray | None, bool, float | None]:
    """Solve the model with HiGHS directly, the heuristic's split as a MIP start.

    Returns the split found (None if none), whether it is proven optimal, and
    the solver's dual bound.
    """
    highspy = _highspy()
    # The core class: highspy.Highs() prints HiGHS's banner on the process's
    # standard output when created, before any option can silence it, which
    # would mix into the command line's report.
    h = (
        getattr(highspy, "_core", highspy)._Highs()
        if hasattr(highspy, "_core")
        else highspy.Highs()
    )
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("threads", 1)
    left = deadline - time.monotonic()
    if left < 1e9:
        h.setOptionValue("time_limit", max(left, 0.01))
    m = A.shape[1] - n
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = n + m, A.shape[0]
    lp.col_cost_ = cost
    lp.col_lower_ = np.zeros(n + m)
    lp.col_upper_ = upper
    lp.row_lower_ = lower
    lp.row_upper_ = np.full(A.shape[0], highspy.kHighsInf)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = A.indptr
    lp.a_matrix_.index_ = A.indices
    lp.a_matrix_.value_ = A.data
    lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = n + m, A.shape[0]
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n + [highspy.HighsVarType.kContinuous] * m
    h.passModel(lp)
    solution = highspy.HighsSolution()
    solution.col_value = start.astype(np.float64)
    solution.value_valid = True
    h.setSolution(solution)
    h.run()
    info = h.getInfo()
    bound = float(info.mip_dual_bound) if info.mip_node_count >= 0 else None
    values = np.asarray(h.getSolution().col_value)
    x = np.rint(values[:n]).astype(np.int64) if len(values) == n + m else None
    return x, h.getModelStatus() == highspy.HighsModelStatus.kOptimal, bound
