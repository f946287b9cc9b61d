"""Doreian & Mrvar's partition of a signed graph into k groups.

Over 600 lines with reason: one job, the k-group partition, its two exact
models (the multicut over ties, the assignment of actors to k groups) and the
verification of its proof.
"""

from __future__ import annotations

import math
import time
import warnings
from dataclasses import dataclass, field
from fractions import Fraction

import highspy
import networkx as nx
import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from .arrays import SignedArrays, signed_arrays, signed_matrix, triangles
from .exact import highs_time_left, quiet_highs
from .frustration_index import check_method, name_groups, solve_blocks

__all__ = ["PARTITION_EXACT_MAX_TIES", "SignedPartition", "partition", "verify_partition"]

#: With ``method="auto"`` and ``k >= 3``, :func:`partition` solves the exact
#: integer program when the graph has at most this many ties.
PARTITION_EXACT_MAX_TIES = 5000

_STARTS = 30
#: Cycle rows given to the integer program (they only tighten its bound).
_MAX_CYCLE_ROWS = 200_000
#: Longest positive path closing a negative tie into a cycle row.
_PATH_HOPS = 8
#: Rounds of the cycle relaxation, and their share of the time budget.
_CYCLE_ROUNDS = 50
_CYCLE_SHARE = 0.3
#: The multicut's share of the time budget for a given k: the rest is the
#: assignment model's if the multicut needs more than k groups.
_MULTICUT_SHARE = 0.25


def _dm_counts(labels: np.ndarray, sa: SignedArrays) -> tuple[int, int]:
    same = labels[sa.u] == labels[sa.v]
    neg_within = int(np.count_nonzero(same & (sa.s < 0)))
    pos_between = int(np.count_nonzero(~same & (sa.s > 0)))
    return neg_within, pos_between


def _dm_value(labels: np.ndarray, sa: SignedArrays, alpha: float) -> float:
    nw, pb = _dm_counts(labels, sa)
    return alpha * nw + (1.0 - alpha) * pb


def _first_appearance(labels: np.ndarray) -> np.ndarray:
    """Relabel groups 0, 1, ... in the order their first actor appears.

    Then actor ``i`` is in a group ``<= i``: the symmetry-breaking rule of the
    integer program, so a heuristic partition relabelled so is a valid start.
    """
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    return rank[inverse]


def _closing_paths(sa: SignedArrays, length: np.ndarray, below: float) -> list[np.ndarray]:
    """Each negative tie closed by its shortest path of positive ties.

    ``length`` is the length of each tie; a cycle is kept when the path plus
    the negative tie is shorter than ``below``.  Returns tie-id arrays.
    """
    from scipy.sparse.csgraph import dijkstra

    neg = sa.s < 0
    pos = np.flatnonzero(~neg)
    tie_of = signed_matrix(sa.n, sa.u[pos], sa.v[pos], pos + 1.0)  # tie id + 1
    hop = signed_matrix(sa.n, sa.u[pos], sa.v[pos], length[pos] + 1e-9)
    negatives = np.flatnonzero(neg & (length < below))
    cycles = []
    for lo in range(0, len(negatives), 128):
        batch = negatives[lo : lo + 128]
        dist, pred = dijkstra(hop, indices=sa.u[batch], return_predecessors=True, limit=below)
        for r, e in enumerate(batch.tolist()):
            target = int(sa.v[e])
            if not dist[r, target] + length[e] < below - 1e-6:
                continue
            path, node = [e], target
            while node != sa.u[e]:
                prev = int(pred[r, node])
                path.append(int(tie_of[prev, node]) - 1)
                node = prev
            cycles.append(np.asarray(path, dtype=np.int64))
    return cycles


def _one_negative_cycles(
    sa: SignedArrays, alpha: float, deadline: float
) -> tuple[list[np.ndarray], float]:
    """Cycles with exactly one negative tie: each keeps a frustrated tie for any k.

    If every positive tie of such a cycle were inside a group, the whole
    cycle would be one group and its negative tie inside it, so
    ``sum_{e in C} f_e >= 1`` holds for every partition, however many groups
    (the cycle inequalities of correlation clustering, Demaine et al. 2006).
    The assignment model's relaxation alone bounds nothing for k >= 3 (every
    actor a third in every group frustrates no tie), so these rows give
    HiGHS its bound.  Found as in :func:`graph.balance.exact.milp_split` for
    k = 2: first the triangles with one negative tie and each negative tie
    closed by its fewest positive ties; then rounds of the linear program
    over ``f`` alone, each adding the cycles its point violates (a negative
    tie plus a positive path of total ``f`` below 1, by Dijkstra), until none
    is violated, the rounds run out or their share of the time budget.
    Returns the cycles and the last LP's optimum, a lower bound on the
    criterion for any k (0 if no LP was solved).
    """
    neg = sa.s < 0
    cycles = [
        np.asarray(tri, dtype=np.int64)
        for tri in triangles(sa.n, sa.u, sa.v)
        if int(np.count_nonzero(neg[list(tri)])) == 1
    ][:_MAX_CYCLE_ROWS]
    cycles += _closing_paths(sa, np.ones(sa.m), _PATH_HOPS + 1.0)
    known = {frozenset(c.tolist()) for c in cycles}
    h = quiet_highs()
    h.setOptionValue("presolve", "off")
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = sa.m, 0
    lp.col_cost_ = np.where(neg, alpha, 1.0 - alpha)
    lp.col_lower_, lp.col_upper_ = np.zeros(sa.m), np.ones(sa.m)
    h.passModel(lp)
    new, relaxed = cycles, 0.0
    start = time.monotonic()
    for _ in range(_CYCLE_ROUNDS):
        if new:
            _add_cycle_rows(h, new)
        if time.monotonic() - start > _CYCLE_SHARE * max(deadline - start, 0.0):
            break
        if not highs_time_left(h, deadline) or len(cycles) >= _MAX_CYCLE_ROWS:
            break
        h.run()
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            break
        relaxed = float(h.getInfo().objective_function_value)
        f = np.clip(np.asarray(h.getSolution().col_value), 0.0, 1.0)
        new = []
        for cycle in _closing_paths(sa, f, 1.0):
            key = frozenset(cycle.tolist())
            if key not in known:
                known.add(key)
                new.append(cycle)
        if not new:
            break
        cycles += new
    return cycles[:_MAX_CYCLE_ROWS], relaxed


@dataclass(frozen=True)
class _Multicut:
    """The best partition with as many groups as it likes, and its proof.

    Attributes
    ----------
    labels : numpy.ndarray, shape (n,)
        Each actor's group, groups merged where that costs nothing (see
        :func:`_merge_free`).
    groups : int
        Groups ``labels`` uses (actors without ties included, as they go
        into any group).
    bound : float
        A lower bound on the criterion of every partition, whatever its
        number of groups: the integer program's optimum over the cycle rows
        found (HiGHS's dual bound if it ran out of time), or the LP's.
    proven : bool
        ``labels`` attains ``bound``: optimal among all partitions.
    cycles : list of numpy.ndarray
        The cycle rows (tie ids, one negative tie each), valid for every k.
    """

    labels: np.ndarray
    groups: int
    bound: float
    proven: bool
    cycles: list[np.ndarray]


def _integer_highs(alpha: float) -> highspy.Highs:
    """HiGHS for an integer program whose optimum is a criterion with this ``alpha``."""
    h = quiet_highs()
    h.setOptionValue("mip_rel_gap", 0.0)
    # Criteria lie on a grid (see _grid_step): a gap below its step is a proof.
    step = _grid_step(alpha)
    h.setOptionValue("mip_abs_gap", 0.0 if step is None else step - 1e-6)
    return h


def _on_grid(bound: float, alpha: float) -> float:
    """``bound`` raised to the next value a criterion can take (see :func:`_grid_step`)."""
    step = _grid_step(alpha)
    return bound if step is None else math.ceil(bound / step - 1e-6) * step


def _multicut(
    sa: SignedArrays,
    alpha: float,
    deadline: float,
    start: np.ndarray,
    rows: tuple[list[np.ndarray], float],
) -> _Multicut:
    """The optimal partition into any number of groups, by an integer cutting-plane loop.

    With groups unbounded the criterion is a weighted multicut (correlation
    clustering) problem over tie variables ``f_e`` (1 = frustrated: a
    positive tie between groups, a negative tie within one), minimised
    subject to the cycle inequalities ``sum_{e in C} f_e >= 1`` of the
    cycles with exactly one negative tie (Chopra & Rao 1993; the "conflicted
    cycles" of Lange et al. 2018).  Those rows suffice: for a binary ``f``
    that satisfies them, the components of the positive unfrustrated ties
    form a partition frustrating no tie ``f`` does not (a negative tie with
    ``f_e = 0`` cannot have both ends in one component, or the component's
    path and the tie would be a violated row), so the integer optimum over
    the rows is the partition's criterion.  ``rows`` are the first cycles
    and their LP's bound (:func:`_one_negative_cycles`, on the caller's
    budget, as they serve the assignment model too); then HiGHS solves the
    binary program; on its integral ``f``, separation is exact (each
    negative unfrustrated tie whose ends one component joins gives the
    component's shortest path as a violated row), the rows are added and
    the program solved again, warm-started by the components' partition,
    until the partition attains the program's optimum (Kappes et al. 2011).
    ``start`` (a heuristic's partition) is the first incumbent if better than
    the components of the positive ties.

    The optimum is a lower bound for every k; it is the optimum for k when
    the groups, merged where merging costs nothing, number at most k.
    """
    neg = sa.s < 0
    w = np.where(neg, alpha, 1.0 - alpha)
    cycles, bound = list(rows[0]), _on_grid(rows[1], alpha)
    h = _integer_highs(alpha)
    # HiGHS 1.16's presolve, given a start, has reported a wrong optimum
    # (below the LP bound) and returned the start as its solution.
    h.setOptionValue("presolve", "off")
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = sa.m, 0
    lp.col_cost_ = w
    lp.col_lower_, lp.col_upper_ = np.zeros(sa.m), np.ones(sa.m)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * sa.m
    h.passModel(lp)
    labels, new = _components(sa, np.zeros(sa.m)), cycles
    if _dm_value(start, sa, alpha) < _dm_value(labels, sa, alpha):
        labels = start
    value = _dm_value(labels, sa, alpha)
    while highs_time_left(h, deadline):
        if new:
            _add_cycle_rows(h, new)
        same = labels[sa.u] == labels[sa.v]
        solution = highspy.HighsSolution()
        solution.col_value = np.where(neg, same, ~same).astype(float)
        solution.value_valid = True
        h.setSolution(solution)
        h.run()
        f = np.rint(np.asarray(h.getSolution().col_value))
        # Trust HiGHS's bound only if its solution is worth its objective.
        if len(f) != sa.m or abs(w @ f - h.getInfo().objective_function_value) > 1e-6:
            break
        bound = max(bound, _on_grid(float(h.getInfo().mip_dual_bound), alpha))
        found = _components(sa, f)
        if _dm_value(found, sa, alpha) < value:
            labels, value = found, _dm_value(found, sa, alpha)
        if value <= bound + 1e-9 or h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            break
        # An optimal f whose components frustrate more violates some row.
        new = _closing_paths(sa, f, 1.0)
        cycles += new
    labels = _merge_free(sa, labels, alpha)
    groups = int(labels.max()) + 1 if sa.n else 0
    return _Multicut(labels, groups, min(bound, value), value <= bound + 1e-9, cycles)


def _add_cycle_rows(h: highspy.Highs, cycles: list[np.ndarray]) -> None:
    """Rows ``sum_{e in C} f_e >= 1``, one per cycle (tie ids = column ids)."""
    starts = np.cumsum([0] + [len(c) for c in cycles[:-1]]).astype(np.int32)
    index = np.concatenate(cycles).astype(np.int32)
    h.addRows(
        len(cycles),
        np.ones(len(cycles)),
        np.full(len(cycles), highspy.kHighsInf),
        len(index),
        starts,
        index,
        np.ones(len(index)),
    )


def _components(sa: SignedArrays, f: np.ndarray) -> np.ndarray:
    """Groups joined by the positive ties that ``f`` leaves unfrustrated."""
    keep = (sa.s > 0) & (f < 0.5)
    joined = signed_matrix(sa.n, sa.u[keep], sa.v[keep], np.ones(int(keep.sum())))
    return connected_components(joined, directed=False)[1].astype(np.int64)


def _merge_free(sa: SignedArrays, labels: np.ndarray, alpha: float) -> np.ndarray:
    """Fewest groups the merges that cost nothing allow, by greedy colouring.

    Merging groups A and B changes the criterion by ``alpha * N(A, B) -
    (1 - alpha) * P(A, B)`` (ties between them), which is >= 0 for an
    optimal partition, and merging several groups changes it by the sum over
    their pairs; so the groups of any colouring of the graph joining the
    pairs whose merge costs something merge at no cost.  The colouring is
    networkx's DSatur (Brelaz 1979), not minimal in general.
    """
    a, b = labels[sa.u], labels[sa.v]
    between = a != b
    lo, hi = np.minimum(a, b)[between], np.maximum(a, b)[between]
    cost = np.where(sa.s[between] < 0, alpha, alpha - 1.0)
    pairs = pd.Series(cost).groupby([lo, hi]).sum()
    conflicts = nx.Graph()
    conflicts.add_nodes_from(np.unique(labels).tolist())
    conflicts.add_edges_from(pair for pair, delta in pairs.items() if delta > 1e-9)
    colour = nx.greedy_color(conflicts, strategy="saturation_largest_first")
    return _first_appearance(np.array([colour[g] for g in labels.tolist()], dtype=np.int64))


def _highs_k_groups(
    sa: SignedArrays,
    k: int,
    alpha: float,
    deadline: float,
    start: np.ndarray,
    cut: _Multicut,
    *,
    cutoff: float = math.inf,
) -> tuple[np.ndarray, bool, float]:
    """Exact Doreian-Mrvar partition into at most k groups, by HiGHS (``highspy``).

    The generalised-balance model of Aref & Neal (2021): binary ``x_ic``
    (actor i in group c) with ``sum_c x_ic = 1``; a frustration variable per
    tie, continuous in [0, 1] since for binary ``x`` its lower bounds are 0
    or 1 (HiGHS then branches on actors only): for a positive tie
    ``f_e >= x_ic - x_jc`` and ``f_e >= x_jc - x_ic`` (split), for a negative
    tie ``f_e >= x_ic + x_jc - 1`` (inside a group), for every group c;
    minimise ``sum_e w_e f_e`` with ``w_e = 1 - alpha`` (positive) or
    ``alpha`` (negative).  Symmetry breaking: actor i may only use groups
    0..i (groups numbered by their first actor).  ``start`` (the relocation
    heuristic's partition) is the MIP start.  The cycle rows of ``cut`` (the
    multicut's, valid for every k) give HiGHS its bound, and the multicut's
    bound holds too.

    With a finite ``cutoff`` HiGHS looks only for partitions of criterion
    below it (its ``objective_bound``), which prunes far more; finding none
    proves ``cutoff`` a lower bound.

    Returns the best partition found (``start`` if none better), whether it
    is proven optimal, and the better of HiGHS's dual bound and the
    multicut's (a lower bound on the criterion).
    """
    n, m = sa.n, sa.m
    nx_vars = n * k
    e = np.arange(m)
    pos = sa.s > 0
    # Per tie and group: row (e, c, 0) and, for a positive tie, (e, c, 1).
    rows, cols, vals, lower = [], [], [], []
    r = 0
    for c in range(k):
        xi, xj, f = sa.u * k + c, sa.v * k + c, nx_vars + e
        ids = r + np.arange(m)
        r += m
        rows += [ids, ids, ids]
        cols += [f, xi, xj]
        vals += [np.ones(m), -np.ones(m), np.where(pos, 1.0, -1.0)]
        lower.append(np.where(pos, 0.0, -1.0))
        p = np.flatnonzero(pos)
        ids = r + np.arange(len(p))
        r += len(p)
        rows += [ids, ids, ids]
        cols += [f[p], xi[p], xj[p]]
        vals += [np.ones(len(p)), np.ones(len(p)), -np.ones(len(p))]
        lower.append(np.zeros(len(p)))
    cycles, relaxed = cut.cycles, cut.bound
    for cycle in cycles:
        rows.append(np.full(len(cycle), r))
        cols.append(nx_vars + cycle)
        vals.append(np.ones(len(cycle)))
        r += 1
    lower.append(np.ones(len(cycles)))
    ids = r + np.arange(n)  # assignment rows
    r += n
    rows.append(np.repeat(ids, k))
    cols.append(np.arange(nx_vars))
    vals.append(np.ones(nx_vars))
    A = sparse.csr_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
        shape=(r, nx_vars + m),
    )
    row_lower = np.concatenate([*lower, np.ones(n)])
    row_upper = np.concatenate([np.full(r - n, highspy.kHighsInf), np.ones(n)])
    col_upper = np.ones(nx_vars + m)
    for i in range(min(n, k)):
        col_upper[i * k + i + 1 : (i + 1) * k] = 0.0
    h = _integer_highs(alpha)
    if not highs_time_left(h, deadline):
        return start, False, relaxed
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = nx_vars + m, r
    lp.col_cost_ = np.concatenate([np.zeros(nx_vars), np.where(pos, 1.0 - alpha, alpha)])
    lp.col_lower_, lp.col_upper_ = np.zeros(nx_vars + m), col_upper
    lp.row_lower_, lp.row_upper_ = row_lower, row_upper
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_, lp.a_matrix_.index_, lp.a_matrix_.value_ = A.indptr, A.indices, A.data
    lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = nx_vars + m, r
    lp.integrality_ = [highspy.HighsVarType.kInteger] * nx_vars + [
        highspy.HighsVarType.kContinuous
    ] * m
    h.passModel(lp)
    start = _first_appearance(start)
    onehot = np.zeros((n, k))
    onehot[np.arange(n), start] = 1.0
    same = start[sa.u] == start[sa.v]
    solution = highspy.HighsSolution()
    solution.col_value = np.concatenate([onehot.ravel(), np.where(pos, ~same, same).astype(float)])
    solution.value_valid = True
    h.setSolution(solution)
    if cutoff < math.inf:
        h.setOptionValue("objective_bound", cutoff)
    h.run()
    info = h.getInfo()
    status = h.getModelStatus()
    values = np.asarray(h.getSolution().col_value)
    best, trusted = start, False
    if len(values) == nx_vars + m:
        found = np.rint(values[:nx_vars]).reshape(n, k).argmax(axis=1).astype(np.int64)
        # HiGHS's claims are trusted only if its solution is worth its
        # objective (its tie variables may sit above what the groups frustrate).
        trusted = _dm_value(found, sa, alpha) <= info.objective_function_value + 1e-6
        if _dm_value(found, sa, alpha) <= _dm_value(start, sa, alpha):
            best = found
    value = _dm_value(best, sa, alpha)
    if status == highspy.HighsModelStatus.kInfeasible:  # nothing below the cutoff
        return best, False, max(relaxed, min(cutoff, value))
    optimal = trusted and status == highspy.HighsModelStatus.kOptimal
    # The multicut's bound holds too, and is all there is if the MIP's root
    # did not finish.
    solved = trusted and info.mip_node_count >= 0
    bound = max(float(info.mip_dual_bound) if solved else 0.0, relaxed)
    bound = _on_grid(bound, alpha)  # HiGHS stops a hair below a grid value without seeing it
    bound = value if optimal else max(min(bound, value), 0.0)
    return best, optimal or bound >= value - 1e-9, bound


def _k_groups(
    sa: SignedArrays, k: int, alpha: float, seed: int, deadline: float, cuts: list[_Multicut]
) -> tuple[np.ndarray, bool, float]:
    """The exact partition into at most k >= 3 groups: the multicut's if it has so few groups.

    ``cuts`` holds the multicut once found (by :func:`partition` with
    ``k=None``, or here, in a share of the budget).  If its groups are too
    many or it is not proven, the assignment model (:func:`_highs_k_groups`)
    starts from the better of the relocation heuristic's partition and the
    multicut's (if it has at most k groups), with the multicut's rows and
    bound.  Returns the partition, whether it is proven optimal and a lower
    bound.
    """
    start = _relocation(sa, k, alpha, seed)
    if not cuts:
        rows = _one_negative_cycles(sa, alpha, deadline)
        now = time.monotonic()
        share = now + _MULTICUT_SHARE * (deadline - now)
        cuts.append(_multicut(sa, alpha, share, start, rows))
    cut = cuts[0]
    if cut.groups <= k:
        if cut.proven:
            return cut.labels, True, cut.bound
        if _dm_value(cut.labels, sa, alpha) < _dm_value(start, sa, alpha):
            start = cut.labels
    return _highs_k_groups(sa, k, alpha, deadline, start, cut)


def _grid_step(alpha: float) -> float | None:
    """The step of the values a criterion can take, if ``alpha`` is a simple fraction.

    With ``alpha = p / q`` (q <= 1000) every criterion ``alpha * N + (1 -
    alpha) * P+`` is a multiple of ``1 / q``, so a lower bound rounds up to
    one, and a gap below ``1 / q`` proves the incumbent optimal.
    """
    ratio = Fraction(alpha).limit_denominator(1000)
    return 1.0 / ratio.denominator if float(ratio) == alpha else None


def _relocate(
    Wpos: sparse.csr_matrix,
    Wneg: sparse.csr_matrix,
    labels: np.ndarray,
    k: int,
    alpha: float,
) -> np.ndarray:
    """Doreian-Mrvar relocation: best single-node move until none improves P."""
    labels = labels.copy()
    n = len(labels)
    onehot = np.zeros((n, k))
    onehot[np.arange(n), labels] = 1.0
    npos = np.asarray(Wpos @ onehot)  # positive ties from i into group c
    nneg = np.asarray(Wneg @ onehot)
    degpos = npos.sum(axis=1)

    def cost_rows(idx: np.ndarray) -> np.ndarray:
        return alpha * nneg[idx] + (1.0 - alpha) * (degpos[idx, None] - npos[idx])

    all_idx = np.arange(n)
    cost = cost_rows(all_idx)
    delta = cost - cost[all_idx, labels][:, None]
    tol = 1e-9
    while True:
        flat = int(np.argmin(delta))
        i, b = divmod(flat, k)
        if delta[i, b] >= -tol:
            return labels
        a = labels[i]
        labels[i] = b
        for W, counts in ((Wpos, npos), (Wneg, nneg)):
            lo, hi = W.indptr[i], W.indptr[i + 1]
            nbrs, data = W.indices[lo:hi], W.data[lo:hi]
            counts[nbrs, a] -= data
            counts[nbrs, b] += data
        touched = np.unique(
            np.concatenate(
                [
                    Wpos.indices[Wpos.indptr[i] : Wpos.indptr[i + 1]],
                    Wneg.indices[Wneg.indptr[i] : Wneg.indptr[i + 1]],
                    [i],
                ]
            )
        )
        cost[touched] = cost_rows(touched)
        delta[touched] = cost[touched] - cost[touched, labels[touched]][:, None]


def _relocation(sa: SignedArrays, k: int, alpha: float, seed: int) -> np.ndarray:
    pos, neg = sa.s > 0, sa.s < 0
    Wpos = signed_matrix(sa.n, sa.u[pos], sa.v[pos], np.ones(int(pos.sum())))
    Wneg = signed_matrix(sa.n, sa.u[neg], sa.v[neg], np.ones(int(neg.sum())))
    rng = np.random.default_rng(seed)
    best, best_p = None, math.inf
    for _ in range(_STARTS):
        labels = _relocate(Wpos, Wneg, rng.integers(k, size=sa.n), k, alpha)
        nw, pb = _dm_counts(labels, sa)
        p = alpha * nw + (1.0 - alpha) * pb
        if p < best_p - 1e-9:
            best, best_p = labels, p
    assert best is not None
    return best


@dataclass(frozen=True)
class SignedPartition:
    """Doreian & Mrvar's partition of a signed graph and its criterion.

    Attributes
    ----------
    partition : pandas.Series
        Named ``"partition"``, indexed by actor in graph order: each actor's
        group, labelled by the id of the group's most central actor
        (:func:`graph.balance.name_groups`); missing for actors without ties.
    criterion : float
        ``P = alpha * negative_within + (1 - alpha) * positive_between``.
    negative_within, positive_between : int
        Negative ties inside groups and positive ties between groups.
    alpha : float
    k : int
        The most groups allowed.
    groups : int
        Groups used (actors without ties not counted).
    proven : bool
        ``criterion`` is proven minimal (among partitions into at most ``k``
        groups).
    method : str
        ``"exact"`` or ``"heuristic"``.
    lower_bound : float
        A lower bound on the criterion of any partition into at most ``k``
        groups: ``criterion`` when proven; otherwise the solver's dual bound
        (for ``k >= 3`` HiGHS's, of the multicut or of the assignment model,
        whichever is higher; the certified bound of
        :func:`graph.balance.frustration` for ``k = 2``), or 0 for the
        heuristic.
    """

    partition: pd.Series = field(repr=False)
    criterion: float
    negative_within: int
    positive_between: int
    alpha: float
    k: int
    groups: int
    proven: bool
    method: str
    lower_bound: float

    @property
    def gap(self) -> float:
        """Relative gap ``(criterion - lower_bound) / criterion`` (0 when proven or 0)."""
        return (self.criterion - self.lower_bound) / self.criterion if self.criterion else 0.0


def partition(
    S: nx.Graph,
    k: int | None = 2,
    *,
    alpha: float = 0.5,
    seed: int = 0,
    method: str = "auto",
    time_limit: float | None = 30.0,
) -> SignedPartition:
    """Doreian & Mrvar's partition of the actors into at most k groups.

    Minimises the criterion ``P = alpha * N + (1 - alpha) * P+``, where ``N``
    is the number of negative ties inside groups and ``P+`` the number of
    positive ties between groups (Doreian & Mrvar 1996).  ``alpha`` weighs the
    two kinds of inconsistency; with ``k = 2`` and ``alpha = 0.5`` the optimum
    is ``L / 2`` (``L`` the frustration index).  Fewer than ``k`` groups are
    returned if that gives a lower criterion (e.g. a graph with only positive
    ties is one group).  Each undirected tie counts once; programs that
    evaluate the criterion on the symmetric adjacency matrix, i.e. count every
    tie as two arcs (Pajek, R's ``signnet::signed_blockmodel``), report twice
    this value.

    For ``k = 2`` this is :func:`graph.balance.frustration` with ties weighted
    ``1 - alpha`` (positive) and ``alpha`` (negative): same reduction to
    blocks, heuristic and proof.  For ``k >= 3`` (generalised balance), graphs
    of at most :data:`PARTITION_EXACT_MAX_TIES` ties are solved exactly with
    HiGHS (``highspy``).  First the best partition into any number of groups:
    a weighted multicut (correlation clustering) over one frustration
    variable per tie, solved by integer cutting planes -- cycles with one
    negative tie (Chopra & Rao 1993), separated on the LP and then exactly
    on each integral solution until its groups attain its optimum (Kappes
    et al. 2011) -- and its groups merged where merging costs nothing
    (greedy colouring).  Its optimum is a lower bound for every k, and the
    answer when it needs at most k groups.  Otherwise the binary linear
    program of Aref & Neal (2021): actor-in-group indicators, the same tie
    variables and cycle rows, groups numbered by their first actor
    (symmetry breaking), with the multicut's bound, warm-started by the
    relocation heuristic of Doreian & Mrvar -- best single-actor moves
    between groups until no move lowers ``P`` -- from 30 random starts drawn
    from ``numpy.random.default_rng(seed)``.  Larger graphs get the heuristic
    alone; its criterion is an upper bound.

    Parameters
    ----------
    S : networkx.Graph
        Undirected simple graph whose edges have ``sign`` in {+1, -1}.
    k : int or None, default 2
        Maximum number of groups (>= 1).  None lets the data choose: the
        best partition into any number of groups (the multicut above), with
        the fewest groups that attain it (``result.k``): k = 2, 3, ... below
        the multicut's count is each proven to reach its optimum or to stay
        above it.  If one of these proofs does not finish, the multicut's
        own groups are returned (an optimal partition; fewer groups might
        attain it too).  With ``method="heuristic"``, or above
        :data:`PARTITION_EXACT_MAX_TIES` ties with ``"auto"``, k = 2, 3, ...
        is solved instead until one more group does not lower the proven
        optimum, and stops at the first k not proven (always k = 2 with
        the heuristic).
    alpha : float, default 0.5
        Weight of negative ties inside groups, in [0, 1]; positive ties
        between groups weigh ``1 - alpha``.
    seed : int, default 0
        Seed of the heuristic's random starts.
    method : {"auto", "exact", "heuristic"}, default "auto"
        ``"auto"`` is exact within ``time_limit`` (k = 2) or up to
        :data:`PARTITION_EXACT_MAX_TIES` ties (k >= 3).
    time_limit : float or None, default 30.0
        Budget in seconds for the exact solver (the whole search when ``k``
        is None); when it runs out the best known partition is returned with a
        :class:`UserWarning`, ``proven`` False and the solver's lower bound.

    Returns
    -------
    SignedPartition
        :func:`verify_partition` checks it against ``S``.

    Raises
    ------
    ValueError
        If an edge has no valid sign, ``k < 1``, ``alpha`` is outside [0, 1],
        or ``method`` is unknown.

    Examples
    --------
    >>> from graph.datasets import highland_tribes
    >>> three = partition(highland_tribes(), k=3)
    >>> three.criterion, three.proven, three.negative_within, three.positive_between
    (1.0, True, 0, 2)
    >>> for leader, members in three.partition.groupby(three.partition):
    ...     print(leader, sorted(members.index))
    GAHUK ['ALIKA', 'ASARO', 'GAHUK', 'GEHAM', 'MASIL', 'OVE', 'UKUDZ']
    GAMA ['GAMA', 'GAVEV', 'KOTUN', 'NAGAD']
    UHETO ['KOHIK', 'NAGAM', 'NOTOH', 'SEUVE', 'UHETO']
    >>> chosen = partition(highland_tribes(), k=None)
    >>> chosen.k, chosen.criterion, chosen.lower_bound, chosen.gap
    (3, 1.0, 1.0, 0.0)

    References
    ----------
    .. [1] P. Doreian and A. Mrvar, "A partitioning approach to structural
       balance", Social Networks 18(2):149-168, 1996.
    .. [2] P. Doreian and A. Mrvar, "Partitioning signed social networks",
       Social Networks 31(1):1-11, 2009.
    .. [3] S. Aref and Z. P. Neal, "Identifying hidden coalitions in the US
       House of Representatives by optimally partitioning signed networks
       based on generalized balance", Scientific Reports 11:19939, 2021.
    .. [4] S. Chopra and M. R. Rao, "The partition problem", Mathematical
       Programming 59:87-115, 1993.
    .. [5] J. H. Kappes, M. Speth, B. Andres, G. Reinelt and C. Schnoerr,
       "Globally optimal image partitioning by multicuts", EMMCVPR 2011,
       LNCS 6819:31-44.
    .. [6] J.-H. Lange, A. Karrenbauer and B. Andres, "Partial optimality
       and fast lower bounds for weighted correlation clustering", ICML
       2018, PMLR 80:2892-2901.
    """
    if k is not None and (not isinstance(k, int | np.integer) or isinstance(k, bool) or k < 1):
        raise ValueError(f"k must be a positive integer or None, not {k!r}")
    if not 0.0 <= alpha <= 1.0:
        raise ValueError(f"alpha must be in [0, 1], not {alpha!r}")
    check_method(method)
    sa = signed_arrays(S, "balance.partition")
    cuts: list[_Multicut] = []
    if k is not None:
        return _partition(S, sa, int(k), alpha, seed, method, time_limit, cuts)
    if sa.m and (method == "exact" or (method == "auto" and sa.m <= PARTITION_EXACT_MAX_TIES)):
        deadline = math.inf if time_limit is None else time.monotonic() + time_limit
        # Relocation gets stuck with many groups: a few small k start it.
        starts = [_relocation(sa, few, alpha, seed) for few in (2, 3, 4)]
        start = min(starts, key=lambda labels: _dm_value(labels, sa, alpha))
        cut = _multicut(sa, alpha, deadline, start, _one_negative_cycles(sa, alpha, deadline))
        cuts.append(cut)
        groups = max(len(np.unique(cut.labels[sa.degree > 0])), 1)
        if not cut.proven:  # the whole budget is spent
            _warn_time_limit(time_limit, stacklevel=3)
            return _result(S, sa, cut.labels, groups, alpha, False, "exact", cut.bound)
        # The fewest groups that attain the multicut's optimum: each k below
        # its colouring's is proven to reach it or to stay above it (the
        # assignment model, cut off just above the optimum), until one
        # reaches it or is left undecided.
        step = _grid_step(alpha)
        cutoff = cut.bound + (1e-6 if step is None else step / 2)
        for fewer in range(2, groups):
            start = _relocation(sa, fewer, alpha, seed)
            labels, _, bound = _highs_k_groups(
                sa, fewer, alpha, deadline, start, cut, cutoff=cutoff
            )
            if _dm_value(labels, sa, alpha) <= cut.bound + 1e-9:
                return _result(S, sa, labels, fewer, alpha, True, "exact", cut.bound)
            if not bound > cut.bound + 1e-9:
                break
        return _partition(S, sa, groups, alpha, seed, method, time_limit, cuts)
    best = _partition(S, sa, 2, alpha, seed, method, time_limit, cuts)
    while best.proven and best.criterion > 0 and best.k < max(sa.n, 2):
        more = _partition(S, sa, best.k + 1, alpha, seed, method, time_limit, cuts)
        if not more.criterion < best.criterion - 1e-9:
            break
        best = more
    return best


def _partition(
    S: nx.Graph,
    sa: SignedArrays,
    k: int,
    alpha: float,
    seed: int,
    method: str,
    time_limit: float | None,
    cuts: list[_Multicut],
) -> SignedPartition:
    proven, used = True, "exact" if method != "heuristic" else "heuristic"
    deadline = math.inf if time_limit is None else time.monotonic() + time_limit
    lower = None
    if sa.m == 0 or k == 1:
        labels = np.zeros(sa.n, dtype=np.int64)
    elif k == 2:
        weighted = SignedArrays(sa.nodes, sa.u, sa.v, sa.s, np.where(sa.s > 0, 1.0 - alpha, alpha))
        labels, _, lower, proven, _, _ = solve_blocks(weighted, method, deadline, seed, None)
        if not proven and method != "heuristic":
            warnings.warn(
                f"balance.partition: the proof did not finish within {time_limit} s; the "
                "criterion returned is an upper bound",
                UserWarning,
                stacklevel=3,
            )
    else:
        use_exact = method == "exact" or (method == "auto" and sa.m <= PARTITION_EXACT_MAX_TIES)
        if method == "auto" and not use_exact:
            warnings.warn(
                f"balance.partition: graph has {sa.m} ties (> {PARTITION_EXACT_MAX_TIES}) for "
                f"k={k}; using the relocation heuristic, so the criterion is an upper bound",
                UserWarning,
                stacklevel=3,
            )
        if use_exact:
            labels, proven, lower = _k_groups(sa, k, alpha, seed, deadline, cuts)
            if not proven:
                _warn_time_limit(time_limit, stacklevel=4)
        else:
            labels, proven, used = _relocation(sa, k, alpha, seed), False, "heuristic"
    proven = bool(proven) and used == "exact"
    return _result(S, sa, labels, k, alpha, proven, used, lower)


def _warn_time_limit(time_limit: float | None, *, stacklevel: int) -> None:
    """Say that the exact solver ran out of time (``stacklevel`` counts this helper)."""
    warnings.warn(
        f"balance.partition: the integer program hit the time limit ({time_limit} s);"
        " the criterion returned is an upper bound",
        UserWarning,
        stacklevel=stacklevel,
    )


def _result(
    S: nx.Graph,
    sa: SignedArrays,
    labels: np.ndarray,
    k: int,
    alpha: float,
    proven: bool,
    used: str,
    lower: float | None,
) -> SignedPartition:
    neg_within, pos_between = _dm_counts(labels, sa)
    criterion = float(alpha * neg_within + (1.0 - alpha) * pos_between)
    degree = sa.degree
    keys = {node: int(labels[i]) for i, node in enumerate(sa.nodes) if degree[i] > 0}
    named = name_groups(S, keys, weight=None)
    if proven:
        lower = criterion
    elif used == "heuristic" or lower is None:
        lower = 0.0
    return SignedPartition(
        partition=named,
        criterion=criterion,
        negative_within=neg_within,
        positive_between=pos_between,
        alpha=float(alpha),
        k=k,
        groups=int(named.nunique()),
        proven=proven,
        method=used,
        lower_bound=float(min(lower, criterion)),
    )


def verify_partition(S: nx.Graph, result: SignedPartition) -> bool:
    """Check a partition's criterion and proof against its graph.

    1. The partition is recounted: every actor with a tie is in a group, at
       most ``k`` groups are used, and the negative ties within groups, the
       positive ties between them and ``criterion`` are what ``result`` says.
    2. The bound is consistent: ``0 <= lower_bound <= criterion``, and
       ``proven`` holds exactly when the bound meets the criterion.  For
       ``k >= 3`` the bound is trusted to the solver, as HiGHS reported it
       (branch and bound gives no certificate to recompute): the optimum of
       the multicut's integer program over its cycle rows, or the
       assignment model's dual bound.  What makes the multicut's optimum a
       bound is checked by the tests, not here: each row is a cycle with
       one negative tie, which every partition frustrates somewhere.  For
       ``k = 2`` :func:`graph.balance.verify_frustration` checks the
       certificates of the same bound.

    Parameters
    ----------
    S : networkx.Graph
        The signed graph ``result`` was computed on.
    result : SignedPartition
        From :func:`partition` on ``S``.

    Returns
    -------
    bool
        True (every check passed).

    Raises
    ------
    ValueError
        Saying which check failed.

    Examples
    --------
    >>> from graph.datasets import highland_tribes
    >>> S = highland_tribes()
    >>> verify_partition(S, partition(S, k=3))
    True
    """
    sa = signed_arrays(S, "balance.verify_partition")
    labels = result.partition.reindex(sa.nodes)
    tied = sa.degree > 0
    if labels[tied].isna().any():
        raise ValueError("an actor with ties is in no group")
    code = pd.factorize(labels, use_na_sentinel=True)[0]
    if len(np.unique(code[tied])) > result.k:
        raise ValueError(f"the partition uses more than k = {result.k} groups")
    same = (code[sa.u] == code[sa.v]) & (code[sa.u] >= 0)
    neg_within = int(np.count_nonzero(same & (sa.s < 0)))
    pos_between = int(np.count_nonzero(~same & (sa.s > 0)))
    if (neg_within, pos_between) != (result.negative_within, result.positive_between):
        raise ValueError(
            f"the partition has {neg_within} negative ties within and {pos_between} positive "
            f"between groups, not {result.negative_within} and {result.positive_between}"
        )
    criterion = result.alpha * neg_within + (1.0 - result.alpha) * pos_between
    tol = 1e-9 * max(1.0, criterion)
    if abs(criterion - result.criterion) > tol:
        raise ValueError(f"the partition's criterion is {criterion:g}, not {result.criterion:g}")
    if not -tol <= result.lower_bound <= criterion + tol:
        raise ValueError(f"lower_bound {result.lower_bound:g} is not in [0, {criterion:g}]")
    if result.proven != (result.lower_bound >= criterion - tol):
        raise ValueError(
            f"proven is {result.proven} with criterion {criterion:g} and bound "
            f"{result.lower_bound:g}"
        )
    return True
