"""Doreian & Mrvar's partition of a signed graph into k groups."""

from __future__ import annotations

import math
import time
import warnings
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import pandas as pd
from scipy import sparse

from .arrays import SignedArrays, signed_arrays, signed_matrix
from .frustration_index import check_method, name_groups, solve_blocks

__all__ = ["PARTITION_EXACT_MAX_TIES", "SignedPartition", "partition"]

#: With ``method="auto"`` and ``k >= 3``, :func:`partition` solves the exact
#: integer program when the graph has at most this many ties.
PARTITION_EXACT_MAX_TIES = 120

_STARTS = 30


def _dm_counts(labels: np.ndarray, sa: SignedArrays) -> tuple[int, int]:
    same = labels[sa.u] == labels[sa.v]
    neg_within = int(np.count_nonzero(same & (sa.s < 0)))
    pos_between = int(np.count_nonzero(~same & (sa.s > 0)))
    return neg_within, pos_between


def _dm_value(labels: np.ndarray, sa: SignedArrays, alpha: float) -> float:
    nw, pb = _dm_counts(labels, sa)
    return alpha * nw + (1.0 - alpha) * pb


def _milp_k_groups(
    sa: SignedArrays, k: int, alpha: float, time_limit: float | None
) -> tuple[np.ndarray | None, bool]:
    """Exact Doreian-Mrvar partition into at most k groups.

    Binary ``x_ic`` (node i in group c) with ``sum_c x_ic = 1``; for a positive
    tie ``z_e >= x_ic - x_jc`` (z_e = 1 if split), for a negative tie
    ``y_e >= x_ic + x_jc - 1`` (y_e = 1 if inside a group), for every group c;
    minimise ``alpha * sum y + (1 - alpha) * sum z``.  Group labels are
    ordered by first appearance (node i may only use groups 0..i).
    """
    from scipy.optimize import Bounds, LinearConstraint, milp

    n, m = sa.n, sa.m
    nx_vars = n * k
    n_vars = nx_vars + m
    rows, cols, vals = [], [], []
    lb: list[float] = []
    r = 0
    for i in range(n):  # assignment rows
        rows += [r] * k
        cols += [i * k + c for c in range(k)]
        vals += [1.0] * k
        lb.append(1.0)
        r += 1
    ub = [1.0] * n
    for e in range(m):
        i, j, sign = int(sa.u[e]), int(sa.v[e]), int(sa.s[e])
        for c in range(k):
            rows += [r, r, r]
            cols += [nx_vars + e, i * k + c, j * k + c]
            if sign > 0:
                vals += [1.0, -1.0, 1.0]
                lb.append(0.0)
            else:
                vals += [1.0, -1.0, -1.0]
                lb.append(-1.0)
            ub.append(math.inf)
            r += 1
    A = sparse.csr_matrix((vals, (rows, cols)), shape=(r, n_vars))
    upper = np.ones(n_vars)
    for i in range(n):
        upper[i * k + min(i + 1, k) : (i + 1) * k] = 0.0
    cost = np.zeros(n_vars)
    cost[nx_vars:] = np.where(sa.s > 0, 1.0 - alpha, alpha)
    options: dict[str, object] = {"disp": False, "mip_rel_gap": 0.0}
    if time_limit is not None:
        options["time_limit"] = max(time_limit, 0.01)
    res = milp(
        cost,
        constraints=LinearConstraint(A, np.asarray(lb), np.asarray(ub)),
        integrality=np.ones(n_vars),
        bounds=Bounds(np.zeros(n_vars), upper),
        options=options,
    )
    if res.x is None:
        return None, False
    assign = np.rint(res.x[:nx_vars]).reshape(n, k)
    return assign.argmax(axis=1).astype(np.int64), res.status == 0


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
        ``criterion`` is proven minimal.
    method : str
        ``"exact"`` or ``"heuristic"``.
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


def partition(
    S: nx.Graph,
    k: int = 2,
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
    blocks, heuristic and proof.  For ``k >= 3``, graphs of at most
    :data:`PARTITION_EXACT_MAX_TIES` ties are solved exactly by binary linear
    programming (HiGHS via :func:`scipy.optimize.milp`); larger ones use the
    relocation heuristic of Doreian & Mrvar -- best single-actor moves
    between groups until no move lowers ``P`` -- from 30 random starts drawn
    from ``numpy.random.default_rng(seed)``; its criterion is an upper bound.

    Parameters
    ----------
    S : networkx.Graph
        Undirected simple graph whose edges have ``sign`` in {+1, -1}.
    k : int, default 2
        Maximum number of groups (>= 1).
    alpha : float, default 0.5
        Weight of negative ties inside groups, in [0, 1]; positive ties
        between groups weigh ``1 - alpha``.
    seed : int, default 0
        Seed of the heuristic's random starts.
    method : {"auto", "exact", "heuristic"}, default "auto"
        ``"auto"`` is exact within ``time_limit`` (k = 2) or up to
        :data:`PARTITION_EXACT_MAX_TIES` ties (k >= 3).
    time_limit : float or None, default 30.0
        Budget in seconds for the exact solver; when it runs out the best
        known partition is returned with a :class:`UserWarning`.

    Returns
    -------
    SignedPartition

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

    References
    ----------
    .. [1] P. Doreian and A. Mrvar, "A partitioning approach to structural
       balance", Social Networks 18(2):149-168, 1996.
    .. [2] P. Doreian and A. Mrvar, "Partitioning signed social networks",
       Social Networks 31(1):1-11, 2009.
    """
    if not isinstance(k, int | np.integer) or isinstance(k, bool) or k < 1:
        raise ValueError(f"k must be a positive integer, not {k!r}")
    if not 0.0 <= alpha <= 1.0:
        raise ValueError(f"alpha must be in [0, 1], not {alpha!r}")
    check_method(method)
    k = int(k)
    sa = signed_arrays(S, "balance.partition")
    proven, used = True, "exact" if method != "heuristic" else "heuristic"
    if sa.m == 0 or k == 1:
        labels = np.zeros(sa.n, dtype=np.int64)
    elif k == 2:
        weighted = SignedArrays(sa.nodes, sa.u, sa.v, sa.s, np.where(sa.s > 0, 1.0 - alpha, alpha))
        deadline = math.inf if time_limit is None else time.monotonic() + time_limit
        labels, _, _, proven, _, _ = solve_blocks(weighted, method, deadline, seed, None)
        if not proven and method != "heuristic":
            warnings.warn(
                f"balance.partition: the proof did not finish within {time_limit} s; the "
                "criterion returned is an upper bound",
                UserWarning,
                stacklevel=2,
            )
    else:
        use_exact = method == "exact" or (method == "auto" and sa.m <= PARTITION_EXACT_MAX_TIES)
        if method == "auto" and not use_exact:
            warnings.warn(
                f"balance.partition: graph has {sa.m} ties (> {PARTITION_EXACT_MAX_TIES}) for "
                f"k={k}; using the relocation heuristic, so the criterion is an upper bound",
                UserWarning,
                stacklevel=2,
            )
        heuristic = _relocation(sa, k, alpha, seed)
        labels, proven, used = heuristic, False, "heuristic"
        if use_exact:
            exact_labels, proven = _milp_k_groups(sa, k, alpha, time_limit)
            if not proven:
                warnings.warn(
                    f"balance.partition: the integer program hit the time limit ({time_limit} s);"
                    " the criterion returned is an upper bound",
                    UserWarning,
                    stacklevel=2,
                )
            if exact_labels is not None and (
                proven or _dm_value(exact_labels, sa, alpha) <= _dm_value(heuristic, sa, alpha)
            ):
                labels = exact_labels
            used = "exact"
    proven = bool(proven) and used == "exact"
    neg_within, pos_between = _dm_counts(labels, sa)
    degree = sa.degree
    keys = {node: int(labels[i]) for i, node in enumerate(sa.nodes) if degree[i] > 0}
    named = name_groups(S, keys, weight=None)
    return SignedPartition(
        partition=named,
        criterion=float(alpha * neg_within + (1.0 - alpha) * pos_between),
        negative_within=neg_within,
        positive_between=pos_between,
        alpha=float(alpha),
        k=k,
        groups=int(named.nunique()),
        proven=proven,
        method=used,
    )
