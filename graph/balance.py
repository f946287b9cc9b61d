"""Structural balance of signed graphs.

Every public function takes an undirected, simple :class:`networkx.Graph`
whose edges carry a ``sign`` attribute equal to +1 (support, alliance) or -1
(opposition, antagonism) -- for example the output of ``graph.signed_graph``
or :func:`graph.datasets.highland_tribes`.  The graph passed in is never
modified.  A missing or invalid sign raises :class:`ValueError`.

Measures
--------
* :func:`triangle_balance` -- share of balanced triangles (Cartwright-Harary
  strict balance, or Davis's weak balance).
* :func:`walk_balance` -- Estrada & Benzi's walk-based balance
  ``tr exp(A) / tr exp(|A|)``.
* :func:`frustration` -- the exact frustration index (line index of balance)
  by binary linear programming (Aref, Mason & Wilson), with an optimal
  two-camp split; a seeded local-search heuristic for large graphs.
* :func:`frustrated_ties` -- the ties that a given camp split leaves frustrated.
* :func:`camps` -- Doreian & Mrvar's k-camp signed partition.
* :func:`balance_report` -- all of the above in one :class:`pandas.Series`.

Terminology: a tie is *frustrated* under a split into camps when it is a
positive tie between two camps or a negative tie inside a camp.  A signed
graph is *balanced* (Cartwright & Harary 1956) when some two-camp split leaves
no tie frustrated; the *frustration index* ``L`` is the fewest ties whose
removal (equivalently, whose sign flip) makes the graph balanced.
"""

from __future__ import annotations

import contextlib
import math
import time
import warnings
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse.csgraph import connected_components

__all__ = [
    "CAMPS_EXACT_MAX_TIES",
    "FRUSTRATION_EXACT_MAX_TIES",
    "balance_report",
    "camps",
    "frustrated_ties",
    "frustration",
    "triangle_balance",
    "walk_balance",
]

#: With ``method="auto"``, :func:`frustration` solves the exact integer program
#: when the graph has at most this many ties and uses the heuristic otherwise.
FRUSTRATION_EXACT_MAX_TIES = 1500

#: With ``method="auto"``, :func:`camps` (k >= 3) solves the exact integer
#: program when the graph has at most this many ties; for k = 2 the
#: :data:`FRUSTRATION_EXACT_MAX_TIES` threshold applies.
CAMPS_EXACT_MAX_TIES = 120

#: Cap on the number of odd-triangle valid inequalities added to an integer
#: program (they only tighten the relaxation; the optimum is unaffected).
_MAX_TRIANGLE_CUTS = 200_000

_HEURISTIC_RESTARTS = 12
_CUT_ROUNDS = 30
_TABU_STEPS_PER_NODE = 100
_TABU_MAX_STEPS = 50_000
_TABU_MIN_TENURE = 5
_TABU_TENURE_DIV = 10
_CAMPS_STARTS = 30


# --------------------------------------------------------------------------
# Input handling
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _SignedArrays:
    """Integer-indexed view of a signed graph (nodes in graph order)."""

    nodes: list[Hashable]
    u: np.ndarray  # int64, edge endpoints (u[e], v[e])
    v: np.ndarray
    s: np.ndarray  # int64, +1 / -1

    @property
    def n(self) -> int:
        return len(self.nodes)

    @property
    def m(self) -> int:
        return len(self.s)


def _check_graph(S: nx.Graph) -> None:
    if not isinstance(S, nx.Graph):
        raise TypeError(f"expected a networkx.Graph, got {type(S).__name__}")
    if S.is_directed():
        raise ValueError("signed balance needs an undirected graph; use S.to_undirected() first")
    if S.is_multigraph():
        raise ValueError("signed balance needs a simple graph, not a multigraph")


def _valid_sign(value: object) -> int | None:
    if isinstance(value, bool | np.bool_):
        return None
    if isinstance(value, int | np.integer | float | np.floating) and value in (1, -1):
        return int(value)
    return None


def _signed_arrays(S: nx.Graph) -> _SignedArrays:
    """Validate ``S`` and return its nodes and signed edge arrays."""
    _check_graph(S)
    nodes = list(S.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    m = S.number_of_edges()
    u = np.empty(m, dtype=np.int64)
    v = np.empty(m, dtype=np.int64)
    s = np.empty(m, dtype=np.int64)
    for e, (a, b, data) in enumerate(S.edges(data=True)):
        if a == b:
            raise ValueError(f"self-loop on node {a!r}: signed balance needs a simple graph")
        if "sign" not in data:
            raise ValueError(f"edge ({a!r}, {b!r}) has no 'sign' attribute (expected +1 or -1)")
        sign = _valid_sign(data["sign"])
        if sign is None:
            raise ValueError(f"edge ({a!r}, {b!r}) has sign {data['sign']!r}; expected +1 or -1")
        u[e], v[e], s[e] = index[a], index[b], sign
    return _SignedArrays(nodes, u, v, s)


def _canonical_rank(nodes: list[Hashable]) -> np.ndarray:
    """Rank of each node in sorted order (graph order if nodes are not sortable)."""
    order = list(range(len(nodes)))
    with contextlib.suppress(TypeError):
        order = sorted(order, key=lambda i: nodes[i])  # type: ignore[arg-type, return-value]
    rank = np.empty(len(nodes), dtype=np.int64)
    rank[order] = np.arange(len(nodes))
    return rank


def _node_index(nodes: list[Hashable]) -> pd.Index:
    return pd.Index(nodes, tupleize_cols=False, dtype=object, name="node")


def _signed_matrix(n: int, u: np.ndarray, v: np.ndarray, w: np.ndarray) -> sparse.csr_matrix:
    """Symmetric sparse matrix with entries ``w[e]`` at (u[e], v[e]) and (v[e], u[e])."""
    rows = np.concatenate([u, v])
    cols = np.concatenate([v, u])
    data = np.concatenate([w, w]).astype(np.float64)
    return sparse.csr_matrix((data, (rows, cols)), shape=(n, n))


def _triangles(n: int, u: np.ndarray, v: np.ndarray) -> Iterable[tuple[int, int, int]]:
    """Yield every triangle once, as a tuple of three edge ids."""
    adj: list[dict[int, int]] = [{} for _ in range(n)]
    for e, (a, b) in enumerate(zip(u.tolist(), v.tolist(), strict=True)):
        adj[a][b] = e
        adj[b][a] = e
    for a in range(n):
        na = adj[a]
        for b, e_ab in na.items():
            if b <= a:
                continue
            nb = adj[b]
            small, large = (na, nb) if len(na) <= len(nb) else (nb, na)
            for c in small:
                if c > b and c in large:
                    yield e_ab, na[c], nb[c]


# --------------------------------------------------------------------------
# Triangles and walks
# --------------------------------------------------------------------------


def _triangle_census(sa: _SignedArrays) -> dict[str, int]:
    """Counts of triangles by number of negative ties: ``+++``, ``++-``, ``+--``, ``---``."""
    counts = [0, 0, 0, 0]
    neg = (sa.s < 0).tolist()
    for e1, e2, e3 in _triangles(sa.n, sa.u, sa.v):
        counts[neg[e1] + neg[e2] + neg[e3]] += 1
    return dict(zip(("+++", "++-", "+--", "---"), counts, strict=True))


def triangle_balance(S: nx.Graph, *, weak: bool = False) -> float:
    """Share of the triangles of a signed graph that are balanced.

    A triangle is balanced in the strict (Cartwright-Harary) sense when the
    product of its three signs is positive: ``+++`` ("a friend of a friend is
    a friend") and ``+--`` ("the enemy of my enemy is my friend").  Davis's
    weak balance (clusterability) also accepts ``---`` (three mutually hostile
    camps), so that only the triangle with exactly one negative tie, ``++-``,
    is unbalanced.

    Parameters
    ----------
    S : networkx.Graph
        Undirected simple graph whose edges have ``sign`` in {+1, -1}.
    weak : bool, default False
        Use Davis's weak balance instead of strict balance.

    Returns
    -------
    float
        Balanced triangles divided by all triangles, in [0, 1]; ``nan`` when
        the graph has no triangle (the share is undefined).

    Raises
    ------
    ValueError
        If an edge has no valid sign, or the graph is directed or a multigraph.

    Examples
    --------
    >>> import networkx as nx
    >>> from graph.balance import triangle_balance
    >>> T = nx.Graph()
    >>> T.add_edges_from([("a", "b"), ("b", "c"), ("a", "c")], sign=-1)
    >>> triangle_balance(T), triangle_balance(T, weak=True)
    (0.0, 1.0)
    >>> from graph.datasets import highland_tribes
    >>> round(triangle_balance(highland_tribes()), 4)  # 59 of 68 triangles
    0.8676
    >>> P = nx.path_graph(3)
    >>> nx.set_edge_attributes(P, 1, "sign")
    >>> triangle_balance(P)  # no triangle
    nan

    References
    ----------
    .. [1] D. Cartwright and F. Harary, "Structural balance: a generalization
       of Heider's theory", Psychological Review 63(5):277-293, 1956.
    .. [2] J. A. Davis, "Clustering and structural balance in graphs",
       Human Relations 20(2):181-187, 1967.
    """
    census = _triangle_census(_signed_arrays(S))
    total = sum(census.values())
    if total == 0:
        return math.nan
    balanced = census["+++"] + census["+--"] + (census["---"] if weak else 0)
    return balanced / total


def _logsumexp(values: np.ndarray) -> float:
    top = float(values.max())
    return top + math.log(float(np.exp(values - top).sum()))


def walk_balance(S: nx.Graph, *, beta: float = 1.0) -> float:
    """Estrada & Benzi's walk-based balance index ``tr exp(bA) / tr exp(b|A|)``.

    ``A`` is the signed adjacency matrix and ``|A|`` its unsigned counterpart.
    ``tr exp(A)`` weights every closed walk by ``1/length!`` and by its sign,
    so the ratio is the (weighted) share of closed walks that are balanced,
    minus those that are not, over all closed walks: it is 1 exactly when the
    graph is balanced and tends to 0 as unbalanced cycles dominate.  Computed
    exactly from the eigenvalues of the two symmetric matrices
    (:func:`numpy.linalg.eigh`, O(n^3) time, O(n^2) memory), in log-space so
    large graphs do not overflow.

    Parameters
    ----------
    S : networkx.Graph
        Undirected simple graph whose edges have ``sign`` in {+1, -1}.
    beta : float, default 1.0
        Inverse "temperature" weighting long walks (Estrada 2019); the
        original index is ``beta=1``.

    Returns
    -------
    float
        The index in (0, 1]; 1.0 for a graph without edges, ``nan`` for a
        graph without nodes.

    Examples
    --------
    >>> import networkx as nx
    >>> from graph.balance import walk_balance
    >>> B = nx.Graph()
    >>> B.add_edge("a", "b", sign=1)
    >>> B.add_edge("b", "c", sign=-1)
    >>> B.add_edge("a", "c", sign=-1)
    >>> round(walk_balance(B), 10)  # balanced: {a, b} against {c}
    1.0
    >>> from graph.datasets import highland_tribes
    >>> round(walk_balance(highland_tribes()), 4)
    0.3576

    References
    ----------
    .. [1] E. Estrada and M. Benzi, "Walk-based measure of balance in signed
       networks: Detecting lack of balance in social networks", Physical
       Review E 90:042802, 2014.
    .. [2] E. Estrada, "Rethinking structural balance in signed social
       networks", Discrete Applied Mathematics 268:70-90, 2019.
    """
    sa = _signed_arrays(S)
    if sa.n == 0:
        return math.nan
    if sa.m == 0:
        return 1.0
    signed = _signed_matrix(sa.n, sa.u, sa.v, sa.s).toarray()
    lam = np.linalg.eigvalsh(beta * signed)
    mu = np.linalg.eigvalsh(beta * np.abs(signed))
    return min(1.0, math.exp(_logsumexp(lam) - _logsumexp(mu)))


# --------------------------------------------------------------------------
# Two-camp splits: exact integer program and local-search heuristic
# --------------------------------------------------------------------------


@dataclass
class _Split:
    """Result of a two-camp optimisation on one graph (all components)."""

    x: np.ndarray  # 0/1 camp of every node
    cost: float  # weighted frustration of x
    exact: bool
    lower_bound: float
    method: str


def _split_cost(x: np.ndarray, u: np.ndarray, v: np.ndarray, s: np.ndarray, w: np.ndarray) -> float:
    same = x[u] == x[v]
    frustrated = np.where(s > 0, ~same, same)
    return float(w[frustrated].sum())


def _odd_cycle_cuts(
    n: int, u: np.ndarray, v: np.ndarray, s: np.ndarray, f: np.ndarray, max_cuts: int
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Separate violated odd-cycle inequalities for a fractional ``f``.

    For integer ``f`` (a set of ties whose flip balances the graph) the number
    of frustrated ties on any cycle C has the parity of its negative ties, so
    for every ``D`` subset of C with ``|D| + neg(C)`` odd,
    ``sum_{e in D} (1 - f_e) + sum_{e in C - D} f_e >= 1``.  The most violated
    of these is found by shortest paths from ``(i, 0)`` to ``(i, 1)`` in the
    "parity-doubled" graph (Barahona & Mahjoub 1986).  Returns a list of
    ``(edge ids, in_D mask)`` of closed trails violating the inequality.
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
    dist, pred = dijkstra(graph, indices=np.arange(n), return_predecessors=True)
    found = np.flatnonzero(dist[np.arange(n), np.arange(n) + n] < 1.0 - 1e-6)
    found = found[np.argsort(dist[found, found + n], kind="stable")]
    cuts: list[tuple[np.ndarray, np.ndarray]] = []
    seen: set[frozenset[tuple[int, bool]]] = set()
    for i in found.tolist():
        node, trail = i + n, []
        while node != i:
            prev = int(pred[i, node])
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
            break
    return cuts


def _milp_split(
    n: int,
    u: np.ndarray,
    v: np.ndarray,
    s: np.ndarray,
    w: np.ndarray,
    fixed: int,
    time_limit: float,
) -> tuple[np.ndarray | None, bool, float]:
    """Aref-Mason-Wilson XOR model on one connected component.

    Variables: ``x_i`` (camp of node i, binary) and ``f_e`` (tie e frustrated).
    Minimise ``sum w_e f_e`` subject to, for a positive tie (i, j),
    ``f_e >= x_i - x_j`` and ``f_e >= x_j - x_i``; for a negative tie,
    ``f_e >= x_i + x_j - 1`` and ``f_e >= 1 - x_i - x_j``.  For binary ``x``
    the lower bounds on ``f_e`` are 0 or 1, so the minimum puts ``f_e`` at
    exactly that binary value: ``f`` is therefore declared continuous in
    [0, 1] and HiGHS branches on node variables only -- the effect of the
    prioritised branching on node variables of Aref, Mason & Wilson (2020),
    and measurably faster than declaring ``f`` integer.  (The frustration is
    recomputed from the rounded ``x`` in any case.)  Node ``fixed`` is
    put in camp 0 (breaks the camp-swap symmetry).  The linear relaxation of
    this model is weak (all ``x = 1/2`` gives 0), so it is strengthened with
    valid inequalities before branching: ``f_a + f_b + f_c >= 1`` for every
    triangle with an odd number of negative ties (as in Aref, Mason & Wilson
    2020), then rounds of violated odd-cycle inequalities separated from the
    LP optimum (:func:`_odd_cycle_cuts`).  These only cut off fractional
    points, never a split, so the optimum is unchanged.

    Returns ``(x, optimal, lower_bound)``; ``x`` is None if no feasible
    solution was found in time.
    """
    start = time.monotonic()
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
    for tri in _triangles(n, u, v):
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

    def remaining() -> float:
        return time_limit - (time.monotonic() - start)

    # Cutting-plane rounds on the LP relaxation (only worth it beyond tiny components).
    if m > 40:
        max_cuts = max(n, 10)
        for _ in range(_CUT_ROUNDS):
            if remaining() < 0.5 * time_limit:
                break
            lp = milp(
                cost,
                constraints=constraints(),
                bounds=bounds,
                options={"disp": False, "time_limit": max(remaining(), 0.01)}
                if math.isfinite(time_limit)
                else {"disp": False},
            )
            if lp.x is None:
                break
            cuts = _odd_cycle_cuts(n, u, v, s, lp.x[n:], max_cuts)
            if not cuts:
                break
            for edges, in_d in cuts:
                add_cut(edges, in_d)

    # mip_rel_gap=0: with the default 1e-4, "optimal" would not be a proof for L >= 10^4.
    options: dict[str, object] = {"disp": False, "mip_rel_gap": 0.0}
    if math.isfinite(time_limit):
        options["time_limit"] = max(remaining(), 0.01)
    res = milp(
        cost,
        constraints=constraints(),
        integrality=np.concatenate([np.ones(n), np.zeros(m)]),
        bounds=bounds,
        options=options,
    )
    bound = getattr(res, "mip_dual_bound", None)
    lower_bound = float(bound) if bound is not None and np.isfinite(bound) else 0.0
    if res.x is None:
        return None, False, lower_bound
    x = np.rint(res.x[:n]).astype(np.int64)
    optimal = res.status == 0
    if optimal:
        lower_bound = _split_cost(x, u, v, s, w)
    return x, optimal, lower_bound


def _local_search(W: sparse.csr_matrix, t: np.ndarray) -> np.ndarray:
    """Greedy single-node moves until no move lowers the weighted frustration.

    ``t`` holds spins +/-1; ``W`` has entries ``sign * weight``.  Flipping node i
    changes the frustration by ``t_i * (W t)_i`` (satisfied minus frustrated
    weight at i), so the node with the most negative gain is flipped until
    every gain is >= 0 (a 1-flip local optimum).
    """
    t = t.astype(np.float64).copy()
    h = W @ t
    gain = t * h
    indptr, indices, data = W.indptr, W.indices, W.data
    tol = 1e-9
    while True:
        i = int(np.argmin(gain))
        if gain[i] >= -tol:
            return t
        t[i] = -t[i]
        lo, hi = indptr[i], indptr[i + 1]
        nbrs = indices[lo:hi]
        h[nbrs] += 2.0 * data[lo:hi] * t[i]
        gain[nbrs] = t[nbrs] * h[nbrs]
        gain[i] = t[i] * h[i]


def _tabu_search(
    W: sparse.csr_matrix, t: np.ndarray, iterations: int, rng: np.random.Generator
) -> np.ndarray:
    """Tabu search over single-node moves, from spins ``t``; returns the best spins seen.

    Every step flips the node whose flip lowers the frustration most (or raises
    it least), among nodes not flipped in the last few steps ("tabu", a tenure
    of ``max(5, n // 10)`` plus a random 0..that many steps); a tabu node may still be
    flipped if that gives a new best split.  Worsening moves let the search
    leave 1-flip local optima.
    """
    n = len(t)
    t = t.astype(np.float64).copy()
    h = W @ t
    gain = t * h
    cost = 0.0  # frustration relative to the start; only differences matter
    best_cost, best_t = 0.0, t.copy()
    tabu_until = np.zeros(n, dtype=np.int64)
    base = max(_TABU_MIN_TENURE, n // _TABU_TENURE_DIV)
    indptr, indices, data = W.indptr, W.indices, W.data
    tenures = base + rng.integers(0, base + 1, size=iterations)
    tol = 1e-9
    for step in range(iterations):
        i = int(np.argmin(gain))
        if tabu_until[i] > step and cost + gain[i] >= best_cost - tol:
            masked = np.where(tabu_until > step, np.inf, gain)
            i = int(np.argmin(masked))
            if not np.isfinite(masked[i]):
                continue
        cost += gain[i]
        t[i] = -t[i]
        lo, hi = indptr[i], indptr[i + 1]
        nbrs = indices[lo:hi]
        h[nbrs] += 2.0 * data[lo:hi] * t[i]
        gain[nbrs] = t[nbrs] * h[nbrs]
        gain[i] = t[i] * h[i]
        tabu_until[i] = step + tenures[step]
        if cost < best_cost - tol:
            best_cost, best_t = cost, t.copy()
    return best_t


def _bfs_switching(W: sparse.csr_matrix, root: int) -> np.ndarray:
    """Spins from a BFS spanning tree: every tree tie is left unfrustrated."""
    n = W.shape[0]
    t = np.ones(n)
    seen = np.zeros(n, dtype=bool)
    seen[root] = True
    queue = [root]
    indptr, indices, data = W.indptr, W.indices, W.data
    head = 0
    while head < len(queue):
        i = queue[head]
        head += 1
        for k in range(indptr[i], indptr[i + 1]):
            j = indices[k]
            if not seen[j]:
                seen[j] = True
                t[j] = t[i] * (1.0 if data[k] > 0 else -1.0)
                queue.append(j)
    return t


def _spectral_spins(W: sparse.csr_matrix, rng: np.random.Generator) -> np.ndarray | None:
    """Signs of the leading eigenvector of the signed adjacency matrix."""
    n = W.shape[0]
    if n < 3:
        return None
    try:
        if n <= 400:
            _, vecs = np.linalg.eigh(W.toarray())
            vec = vecs[:, -1]
        else:
            from scipy.sparse.linalg import eigsh

            _, vecs = eigsh(W, k=1, which="LA", v0=rng.standard_normal(n), tol=1e-6)
            vec = vecs[:, 0]
    except (np.linalg.LinAlgError, RuntimeError, ArithmeticError):
        return None
    t = np.where(vec >= 0, 1.0, -1.0)
    return t


def _heuristic_split(
    n: int, u: np.ndarray, v: np.ndarray, s: np.ndarray, w: np.ndarray, seed: int
) -> np.ndarray:
    """Seeded local search for a two-camp split of low weighted frustration.

    1. Starts: signs of the leading eigenvector of the signed adjacency
       matrix, switching along BFS spanning trees (from the highest-degree
       node and from random roots) and random splits.
    2. Each start is improved by greedy single-node moves
       (:func:`_local_search`); the best local optimum is kept.
    3. Tabu search (:func:`_tabu_search`) from the best local optimum, for
       ``min(_TABU_MAX_STEPS, _TABU_STEPS_PER_NODE * n)`` single-node moves,
       followed by a final greedy descent; the best split seen is returned
       (so the result is a 1-flip local optimum never worse than step 2).

    All randomness comes from ``numpy.random.default_rng(seed)``.
    """
    W = _signed_matrix(n, u, v, s * w)
    rng = np.random.default_rng(seed)
    degree = np.diff(W.indptr)

    def cost_of(t: np.ndarray) -> float:
        return _split_cost((t < 0).astype(np.int64), u, v, s, w)

    starts: list[np.ndarray] = []
    spectral = _spectral_spins(W, rng)
    if spectral is not None:
        starts.append(spectral)
    starts.append(_bfs_switching(W, int(np.argmax(degree))))
    while len(starts) < _HEURISTIC_RESTARTS:
        if len(starts) % 2:
            starts.append(_bfs_switching(W, int(rng.integers(n))))
        else:
            starts.append(rng.choice([-1.0, 1.0], size=n))
    best_t, best_cost = starts[0], math.inf
    for start in starts:
        t = _local_search(W, start)
        cost = cost_of(t)
        if cost < best_cost - 1e-9:
            best_t, best_cost = t, cost
    if n > 2 and best_cost > 0:
        iterations = min(_TABU_MAX_STEPS, _TABU_STEPS_PER_NODE * n)
        t = _local_search(W, _tabu_search(W, best_t, iterations, rng))
        cost = cost_of(t)
        if cost < best_cost - 1e-9:
            best_t, best_cost = t, cost
    return (best_t < 0).astype(np.int64)


def _two_camp_split(
    sa: _SignedArrays,
    weights: np.ndarray,
    *,
    method: str,
    exact_max_ties: int,
    time_limit: float | None,
    seed: int,
    caller: str,
) -> _Split:
    """Minimise the weighted frustration over two-camp splits, component by component."""
    if method not in ("auto", "exact", "heuristic"):
        raise ValueError(f"method must be 'auto', 'exact' or 'heuristic', not {method!r}")
    use_exact = method == "exact" or (method == "auto" and sa.m <= exact_max_ties)
    if method == "auto" and not use_exact:
        warnings.warn(
            f"{caller}: graph has {sa.m} ties (> {exact_max_ties}); using the local-search "
            "heuristic, so the value is an upper bound (pass method='exact' to solve exactly)",
            UserWarning,
            stacklevel=3,
        )
    x = np.zeros(sa.n, dtype=np.int64)
    exact, lower_bound = True, 0.0
    if sa.m == 0:
        return _Split(x, 0.0, True, 0.0, "exact" if use_exact else "heuristic")
    n_comp, comp = connected_components(_signed_matrix(sa.n, sa.u, sa.v, np.ones(sa.m)))
    edge_comp = comp[sa.u]
    rank = _canonical_rank(sa.nodes)
    deadline = None if time_limit is None else time.monotonic() + time_limit
    timed_out = 0
    for c in range(n_comp):
        members = np.flatnonzero(comp == c)
        if len(members) < 2:
            continue
        local = np.full(sa.n, -1, dtype=np.int64)
        local[members] = np.arange(len(members))
        es = np.flatnonzero(edge_comp == c)
        cu, cv, cs, cw = local[sa.u[es]], local[sa.v[es]], sa.s[es], weights[es]
        first = int(np.argmin(rank[members]))  # canonical first node of the component
        xc: np.ndarray | None = None
        if use_exact:
            remaining = math.inf if deadline is None else deadline - time.monotonic()
            xc, optimal, bound = _milp_split(
                len(members), cu, cv, cs, cw, fixed=first, time_limit=remaining
            )
            if optimal and xc is not None:
                lower_bound += bound
            else:
                timed_out += 1
                exact = False
                lower_bound += bound
                xh = _heuristic_split(len(members), cu, cv, cs, cw, seed)
                if xc is None or _split_cost(xh, cu, cv, cs, cw) < _split_cost(xc, cu, cv, cs, cw):
                    xc = xh
        else:
            exact = False
            xc = _heuristic_split(len(members), cu, cv, cs, cw, seed)
        if xc[first] == 1:
            xc = 1 - xc
        x[members] = xc
    if timed_out:
        warnings.warn(
            f"{caller}: the integer program hit the time limit ({time_limit} s) on "
            f"{timed_out} component(s); the value returned is an upper bound (best of the "
            "incumbent and the heuristic), not necessarily optimal",
            UserWarning,
            stacklevel=3,
        )
    cost = _split_cost(x, sa.u, sa.v, sa.s, weights)
    if not use_exact:
        lower_bound = 0.0
    return _Split(x, cost, exact, lower_bound, "exact" if exact else "heuristic")


def frustration(
    S: nx.Graph,
    *,
    method: str = "auto",
    time_limit: float | None = 60.0,
    seed: int = 0,
) -> tuple[int, pd.Series]:
    """Frustration index (line index of balance) and an optimal two-camp split.

    The frustration index ``L`` is the smallest number of ties whose removal
    -- equivalently, whose sign flip -- makes the graph balanced, i.e. the
    fewest ties left frustrated (positive between camps or negative within a
    camp) by any split of the nodes into two camps.  ``L = 0`` exactly when the
    graph is balanced; ``1 - L / (m / 2)`` is Aref & Wilson's normalised
    balance in [0, 1] (``m/2`` bounds ``L`` from above).

    The exact value is obtained with the binary linear program of Aref, Mason
    & Wilson (the "XOR" model): binary node variables ``x_i`` (camp) and tie
    variables ``f_ij`` (frustrated), minimising ``sum f_ij`` subject to
    ``f_ij >= x_i - x_j``, ``f_ij >= x_j - x_i`` for a positive tie and
    ``f_ij >= x_i + x_j - 1``, ``f_ij >= 1 - x_i - x_j`` for a negative tie
    (``f_ij`` is 0/1 at every binary ``x``; it is declared continuous so the
    solver branches on node variables only, as with Aref et al.'s
    prioritised branching).
    Each connected component is solved separately with one node fixed to
    camp 0 to remove the camp-swap symmetry, and with the valid inequality
    ``f_ab + f_bc + f_ac >= 1`` for every triangle with an odd number of
    negative ties, plus odd-cycle inequalities separated from the linear
    relaxation.  The solver is HiGHS via :func:`scipy.optimize.milp`.  Real
    networks, which are close to balanced, solve fast (a 1,500-tie graph with
    15 % of its signs off a two-camp split: about 10 s); random signs are the
    hard case (60 nodes and 300 random ties: about 15 s).

    The heuristic (``method="heuristic"``) starts from the signs of the
    leading eigenvector of the signed adjacency matrix, from BFS
    spanning-tree switchings and from random splits (a fixed number of starts
    drawn from ``numpy.random.default_rng(seed)``, so results are
    deterministic), and improves each by greedy single-node moves until no
    move reduces the number of frustrated ties; the best of these local optima
    is then refined by a tabu search over single-node moves (at most 50,000
    moves) and a last greedy descent.  **Its value is an upper bound on L**,
    not necessarily the optimum.  It takes well under a second on 10,000
    ties.

    Parameters
    ----------
    S : networkx.Graph
        Undirected simple graph whose edges have ``sign`` in {+1, -1}.
    method : {"auto", "exact", "heuristic"}, default "auto"
        ``"auto"`` solves exactly when the graph has at most
        :data:`FRUSTRATION_EXACT_MAX_TIES` (1500) ties and otherwise uses the
        heuristic with a :class:`UserWarning` that the value is an upper bound.
    time_limit : float or None, default 60.0
        Wall-clock budget in seconds for the integer programs (all components
        together); ``None`` for no limit.  If it runs out, the best of the
        solver's incumbent and the heuristic is returned -- an upper bound --
        with a :class:`UserWarning`.
    seed : int, default 0
        Seed of the heuristic's random starts.

    Returns
    -------
    L : int
        The frustration index (an upper bound if ``camps.attrs["exact"]`` is
        False).
    camps : pandas.Series
        Camp (0 or 1) of every node, indexed by node in graph order, named
        ``"camp"``.  In each connected component the first node in sorted order
        is in camp 0 (camps of different components are independent; isolated
        nodes are in camp 0).  ``camps.attrs`` holds ``"frustration"`` (L),
        ``"exact"`` (bool: L proven optimal), ``"lower_bound"`` (a proven lower
        bound on L) and ``"method"``.

    Raises
    ------
    ValueError
        If an edge has no valid sign, the graph is directed or a multigraph,
        or ``method`` is unknown.

    Examples
    --------
    >>> import networkx as nx
    >>> from graph.balance import frustration
    >>> T = nx.Graph()
    >>> T.add_edges_from([("a", "b"), ("b", "c"), ("a", "c")], sign=-1)
    >>> L, split = frustration(T)  # three mutual enemies cannot form two camps
    >>> L
    1
    >>> from graph.datasets import highland_tribes
    >>> L, split = frustration(highland_tribes())
    >>> L, split.attrs["exact"]
    (7, True)
    >>> sorted(split[split == split["GAMA"]].index)
    ['GAMA', 'GAVEV', 'KOTUN', 'NAGAD']

    References
    ----------
    .. [1] F. Harary, "On the measurement of structural balance", Behavioral
       Science 4(4):316-323, 1959.
    .. [2] S. Aref, A. J. Mason and M. C. Wilson, "Computing the line index of
       balance using integer programming optimisation", in *Optimization
       Problems in Graph Theory* (B. Goldengorin, ed.), Springer, 2018,
       pp. 65-84.
    .. [3] S. Aref, A. J. Mason and M. C. Wilson, "A modeling and computational
       study of the frustration index in signed networks", Networks
       75(1):95-110, 2020.
    .. [4] S. Aref and M. C. Wilson, "Balance and frustration in signed
       networks", Journal of Complex Networks 7(2):163-189, 2019.
    """
    sa = _signed_arrays(S)
    split = _two_camp_split(
        sa,
        np.ones(sa.m),
        method=method,
        exact_max_ties=FRUSTRATION_EXACT_MAX_TIES,
        time_limit=time_limit,
        seed=seed,
        caller="frustration",
    )
    L = round(split.cost)
    series = pd.Series(split.x, index=_node_index(sa.nodes), name="camp", dtype=np.int64)
    series.attrs.update(
        frustration=L,
        exact=split.exact,
        lower_bound=L if split.exact else math.ceil(split.lower_bound - 1e-6),
        method=split.method,
    )
    return L, series


def frustrated_ties(S: nx.Graph, camps: Mapping[Hashable, Hashable] | pd.Series) -> pd.DataFrame:
    """The ties left frustrated by a split of the nodes into camps.

    A tie is frustrated when it is positive between two different camps or
    negative inside one camp.  Works for any number of camps (two-camp splits
    from :func:`frustration`, k-camp partitions from :func:`camps`, or any
    mapping node -> label).  For an optimal two-camp split the number of rows
    is the frustration index.

    Parameters
    ----------
    S : networkx.Graph
        Undirected simple graph whose edges have ``sign`` in {+1, -1}.
    camps : pandas.Series or Mapping
        Camp label of every node that has a tie.

    Returns
    -------
    pandas.DataFrame
        One row per frustrated tie, in ``S.edges`` order, with columns
        ``source``, ``target`` (endpoints as stored in ``S``) and ``sign``
        (int); empty (with those columns) when the split is balanced.

    Raises
    ------
    ValueError
        If an edge has no valid sign or an endpoint has no camp.

    Examples
    --------
    >>> import networkx as nx
    >>> from graph.balance import frustrated_ties
    >>> G = nx.Graph()
    >>> G.add_edge("a", "b", sign=1)
    >>> G.add_edge("b", "c", sign=-1)
    >>> G.add_edge("a", "c", sign=1)
    >>> frustrated_ties(G, {"a": 0, "b": 0, "c": 1})  # a positive tie across camps
      source target  sign
    0      a      c     1
    >>> frustrated_ties(G, {"a": 0, "b": 0, "c": 0})  # a negative tie inside a camp
      source target  sign
    0      b      c    -1
    """
    sa = _signed_arrays(S)
    labels = []
    for node in sa.nodes:
        try:
            labels.append(camps[node])
        except (KeyError, IndexError):
            if S.degree(node) == 0:
                labels.append(None)
                continue
            raise ValueError(f"node {node!r} has no camp in `camps`") from None
    records = []
    for a, b, sign in zip(sa.u.tolist(), sa.v.tolist(), sa.s.tolist(), strict=True):
        same = labels[a] == labels[b]
        if (sign > 0 and not same) or (sign < 0 and same):
            records.append((sa.nodes[a], sa.nodes[b], sign))
    frame = pd.DataFrame.from_records(records, columns=["source", "target", "sign"])
    return frame.astype({"source": object, "target": object, "sign": np.int64})


# --------------------------------------------------------------------------
# Doreian-Mrvar k-camp partitions
# --------------------------------------------------------------------------


def _dm_counts(labels: np.ndarray, sa: _SignedArrays) -> tuple[int, int]:
    same = labels[sa.u] == labels[sa.v]
    neg_within = int(np.count_nonzero(same & (sa.s < 0)))
    pos_between = int(np.count_nonzero(~same & (sa.s > 0)))
    return neg_within, pos_between


def _milp_k_camps(
    sa: _SignedArrays, k: int, alpha: float, time_limit: float | None
) -> tuple[np.ndarray | None, bool]:
    """Exact Doreian-Mrvar partition into at most k camps.

    Binary ``x_ic`` (node i in camp c) with ``sum_c x_ic = 1``; for a positive
    tie ``z_e >= x_ic - x_jc`` (z_e = 1 if split), for a negative tie
    ``y_e >= x_ic + x_jc - 1`` (y_e = 1 if inside a camp), for every camp c;
    minimise ``alpha * sum y + (1 - alpha) * sum z``.  Camp labels are
    ordered by first appearance (node i may only use camps 0..i).
    """
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
    npos = np.asarray(Wpos @ onehot)  # positive ties from i into camp c
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


def _relocation_camps(sa: _SignedArrays, k: int, alpha: float, seed: int) -> np.ndarray:
    pos, neg = sa.s > 0, sa.s < 0
    Wpos = _signed_matrix(sa.n, sa.u[pos], sa.v[pos], np.ones(int(pos.sum())))
    Wneg = _signed_matrix(sa.n, sa.u[neg], sa.v[neg], np.ones(int(neg.sum())))
    rng = np.random.default_rng(seed)
    best, best_p = None, math.inf
    for _ in range(_CAMPS_STARTS):
        labels = _relocate(Wpos, Wneg, rng.integers(k, size=sa.n), k, alpha)
        nw, pb = _dm_counts(labels, sa)
        p = alpha * nw + (1.0 - alpha) * pb
        if p < best_p - 1e-9:
            best, best_p = labels, p
    assert best is not None
    return best


def _relabel(labels: np.ndarray, sa: _SignedArrays) -> np.ndarray:
    """Camps numbered 0, 1, ... by first appearance in sorted node order.

    Isolated nodes are ignored for the numbering and put in camp 0.
    """
    degree = np.bincount(np.concatenate([sa.u, sa.v]), minlength=sa.n)
    order = np.argsort(_canonical_rank(sa.nodes), kind="stable")
    mapping: dict[int, int] = {}
    for i in order:
        if degree[i] > 0 and labels[i] not in mapping:
            mapping[int(labels[i])] = len(mapping)
    return np.array(
        [mapping[int(lab)] if degree[i] > 0 else 0 for i, lab in enumerate(labels)],
        dtype=np.int64,
    )


def camps(
    S: nx.Graph,
    k: int = 2,
    *,
    alpha: float = 0.5,
    seed: int = 0,
    method: str = "auto",
    time_limit: float | None = 30.0,
) -> pd.Series:
    """Doreian & Mrvar's signed partition of the nodes into at most k camps.

    Minimises the criterion ``P = alpha * N + (1 - alpha) * P+``, where ``N``
    is the number of negative ties inside camps and ``P+`` the number of
    positive ties between camps (Doreian & Mrvar 1996).  ``alpha`` weighs the
    two kinds of inconsistency; with ``k = 2`` and ``alpha = 0.5`` the optimum
    is ``L / 2`` (``L`` the frustration index).  Fewer than ``k`` camps are
    returned if that gives a lower criterion (e.g. a graph with only positive
    ties is one camp).  Each undirected tie counts once; programs that
    evaluate the criterion on the symmetric adjacency matrix, i.e. count every
    tie as two arcs (Pajek, R's ``signnet::signed_blockmodel``), report twice
    this value.

    Small graphs are solved exactly by binary linear programming (HiGHS via
    :func:`scipy.optimize.milp`); for ``k = 2`` this is the weighted version
    of :func:`frustration`'s model.  Larger graphs use the relocation
    heuristic of Doreian & Mrvar -- best single-node moves between camps until
    no move lowers ``P`` -- from several random starts drawn from
    ``numpy.random.default_rng(seed)`` (deterministic); its criterion is an
    upper bound on the optimum.

    Parameters
    ----------
    S : networkx.Graph
        Undirected simple graph whose edges have ``sign`` in {+1, -1}.
    k : int, default 2
        Maximum number of camps (>= 1).
    alpha : float, default 0.5
        Weight of negative ties inside camps, in [0, 1]; positive ties between
        camps weigh ``1 - alpha``.
    seed : int, default 0
        Seed of the heuristic's random starts.
    method : {"auto", "exact", "heuristic"}, default "auto"
        ``"auto"`` is exact for at most :data:`CAMPS_EXACT_MAX_TIES` ties
        (k >= 3) or :data:`FRUSTRATION_EXACT_MAX_TIES` ties (k = 2).
    time_limit : float or None, default 30.0
        Budget in seconds for the exact solver; when it runs out the best
        known partition is returned with a :class:`UserWarning`.

    Returns
    -------
    pandas.Series
        Integer camp of every node, indexed by node in graph order, named
        ``"camp"``.  Camps are numbered 0, 1, ... in order of first appearance
        in sorted node order (camp 0 is the camp of the first node in sorted
        order that has a tie); isolated nodes are in camp 0.  ``attrs`` holds
        ``"criterion"`` (P, float), ``"negative_within"`` (N),
        ``"positive_between"`` (P+), ``"alpha"``, ``"k"``, ``"n_camps"`` (camps
        actually used), ``"exact"`` (bool: P proven optimal) and ``"method"``.

    Raises
    ------
    ValueError
        If an edge has no valid sign, ``k < 1``, ``alpha`` is outside [0, 1],
        or ``method`` is unknown.

    Examples
    --------
    >>> from graph.balance import camps
    >>> from graph.datasets import highland_tribes
    >>> three = camps(highland_tribes(), k=3)
    >>> three.attrs["criterion"], three.attrs["exact"]
    (1.0, True)
    >>> three.attrs["negative_within"], three.attrs["positive_between"]
    (0, 2)
    >>> for camp, members in three.groupby(three):
    ...     print(camp, sorted(members.index))
    0 ['ALIKA', 'ASARO', 'GAHUK', 'GEHAM', 'MASIL', 'OVE', 'UKUDZ']
    1 ['GAMA', 'GAVEV', 'KOTUN', 'NAGAD']
    2 ['KOHIK', 'NAGAM', 'NOTOH', 'SEUVE', 'UHETO']

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
    if method not in ("auto", "exact", "heuristic"):
        raise ValueError(f"method must be 'auto', 'exact' or 'heuristic', not {method!r}")
    k = int(k)
    sa = _signed_arrays(S)
    exact = True
    used = "exact"
    if sa.m == 0 or k == 1:
        labels = np.zeros(sa.n, dtype=np.int64)
    elif k == 2:
        split = _two_camp_split(
            sa,
            np.where(sa.s > 0, 1.0 - alpha, alpha),
            method=method,
            exact_max_ties=FRUSTRATION_EXACT_MAX_TIES,
            time_limit=time_limit,
            seed=seed,
            caller="camps",
        )
        labels, exact, used = split.x, split.exact, split.method
    else:
        use_exact = method == "exact" or (method == "auto" and sa.m <= CAMPS_EXACT_MAX_TIES)
        if method == "auto" and not use_exact:
            warnings.warn(
                f"camps: graph has {sa.m} ties (> {CAMPS_EXACT_MAX_TIES}) for k={k}; using the "
                "relocation heuristic, so the criterion is an upper bound",
                UserWarning,
                stacklevel=2,
            )
        heuristic = _relocation_camps(sa, k, alpha, seed)
        if use_exact:
            labels_milp, exact = _milp_k_camps(sa, k, alpha, time_limit)
            if not exact:
                warnings.warn(
                    f"camps: the integer program hit the time limit ({time_limit} s); the "
                    "criterion returned is an upper bound",
                    UserWarning,
                    stacklevel=2,
                )
            labels = heuristic
            if labels_milp is not None:
                p_milp = _dm_value(labels_milp, sa, alpha)
                if exact or p_milp <= _dm_value(heuristic, sa, alpha):
                    labels = labels_milp
            used = "exact" if exact else "heuristic"
        else:
            labels, exact, used = heuristic, False, "heuristic"
    labels = _relabel(labels, sa)
    neg_within, pos_between = _dm_counts(labels, sa)
    degree = np.bincount(np.concatenate([sa.u, sa.v]), minlength=sa.n)
    n_camps = len(np.unique(labels[degree > 0])) if sa.m else min(sa.n, 1)
    series = pd.Series(labels, index=_node_index(sa.nodes), name="camp", dtype=np.int64)
    series.attrs.update(
        criterion=float(alpha * neg_within + (1.0 - alpha) * pos_between),
        negative_within=neg_within,
        positive_between=pos_between,
        alpha=float(alpha),
        k=k,
        n_camps=n_camps,
        exact=bool(exact),
        method=used,
    )
    return series


def _dm_value(labels: np.ndarray, sa: _SignedArrays, alpha: float) -> float:
    nw, pb = _dm_counts(labels, sa)
    return alpha * nw + (1.0 - alpha) * pb


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------


def balance_report(S: nx.Graph, *, time_limit: float | None = 60.0) -> pd.Series:
    """All balance measures of a signed graph in one Series.

    Parameters
    ----------
    S : networkx.Graph
        Undirected simple graph whose edges have ``sign`` in {+1, -1}.
    time_limit : float or None, default 60.0
        Passed to :func:`frustration`.

    Returns
    -------
    pandas.Series
        Named ``"balance"``, with entries

        ``nodes``, ``ties``, ``positive_ties``, ``negative_ties``,
        ``components`` (connected components, isolated nodes included),
        ``triangles`` and the census ``triangles_+++``, ``triangles_++-``,
        ``triangles_+--``, ``triangles_---``;
        ``triangle_balance`` (strict) and ``weak_triangle_balance`` (Davis),
        ``nan`` without triangles; ``walk_balance`` (Estrada & Benzi);
        ``frustration`` (the frustration index L), ``frustration_exact``
        (False if L is only a heuristic upper bound), ``frustration_share``
        (L / ties) and ``normalised_balance`` = 1 - L / (ties / 2)
        (Aref & Wilson's normalised line index; ``nan`` without ties).

        The two-camp split behind ``frustration`` is kept in
        ``report.attrs["camps"]`` (as returned by :func:`frustration`), so
        :func:`frustrated_ties` needs no second solve.

    Examples
    --------
    >>> from graph.balance import balance_report
    >>> from graph.datasets import highland_tribes
    >>> balance_report(highland_tribes())
    nodes                          16
    ties                           58
    positive_ties                  29
    negative_ties                  29
    components                      1
    triangles                      68
    triangles_+++                  19
    triangles_++-                   2
    triangles_+--                  40
    triangles_---                   7
    triangle_balance         0.867647
    weak_triangle_balance    0.970588
    walk_balance             0.357576
    frustration                     7
    frustration_exact            True
    frustration_share         0.12069
    normalised_balance       0.758621
    Name: balance, dtype: object
    """
    sa = _signed_arrays(S)
    census = _triangle_census(sa)
    total = sum(census.values())
    L, split = frustration(S, time_limit=time_limit)
    m = sa.m
    n_components = nx.number_connected_components(S) if sa.n else 0
    values: dict[str, object] = {
        "nodes": sa.n,
        "ties": m,
        "positive_ties": int(np.count_nonzero(sa.s > 0)),
        "negative_ties": int(np.count_nonzero(sa.s < 0)),
        "components": n_components,
        "triangles": total,
        **{f"triangles_{key}": count for key, count in census.items()},
        "triangle_balance": (census["+++"] + census["+--"]) / total if total else math.nan,
        "weak_triangle_balance": (
            (census["+++"] + census["+--"] + census["---"]) / total if total else math.nan
        ),
        "walk_balance": walk_balance(S),
        "frustration": L,
        "frustration_exact": bool(split.attrs["exact"]),
        "frustration_share": L / m if m else math.nan,
        "normalised_balance": 1.0 - L / (m / 2) if m else math.nan,
    }
    report = pd.Series(values, name="balance", dtype=object)
    report.attrs["camps"] = split
    return report
