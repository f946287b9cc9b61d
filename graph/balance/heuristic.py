"""A seeded local-search heuristic for two-group splits of low frustration.

Its value is an upper bound on the frustration index; :mod:`.frustration`
uses it as the incumbent the exact model has to beat, and alone on request.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import sparse

from .arrays import signed_matrix

__all__ = ["heuristic_split", "improved_split", "split_cost"]

_HEURISTIC_RESTARTS = 12
_TABU_STEPS_PER_NODE = 100
_TABU_MAX_STEPS = 50_000
_TABU_MIN_TENURE = 5
_TABU_TENURE_DIV = 10


def split_cost(x: np.ndarray, u: np.ndarray, v: np.ndarray, s: np.ndarray, w: np.ndarray) -> float:
    """Weighted frustration of the 0/1 split ``x``."""
    same = x[u] == x[v]
    frustrated = np.where(s > 0, ~same, same)
    return float(w[frustrated].sum())


def _flip(W: sparse.csr_matrix, i: int, t: np.ndarray, h: np.ndarray, gain: np.ndarray) -> None:
    """Flip spin ``i`` in place, updating the fields ``h = W t`` and the gains it changes."""
    t[i] = -t[i]
    lo, hi = W.indptr[i], W.indptr[i + 1]
    nbrs = W.indices[lo:hi]
    h[nbrs] += 2.0 * W.data[lo:hi] * t[i]
    gain[nbrs] = t[nbrs] * h[nbrs]
    gain[i] = t[i] * h[i]


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
    tol = 1e-9
    while True:
        i = int(np.argmin(gain))
        if gain[i] >= -tol:
            return t
        _flip(W, i, t, h, gain)


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
        _flip(W, i, t, h, gain)
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


def heuristic_split(
    n: int,
    u: np.ndarray,
    v: np.ndarray,
    s: np.ndarray,
    w: np.ndarray,
    seed: int,
    start: np.ndarray | None = None,
) -> np.ndarray:
    """Seeded local search for a two-group split of low weighted frustration.

    1. Starts: ``start`` (a 0/1 split, e.g. the previous period's) when
       given, signs of the leading eigenvector of the signed adjacency
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
    W = signed_matrix(n, u, v, s * w)
    rng = np.random.default_rng(seed)
    degree = np.diff(W.indptr)

    def cost_of(t: np.ndarray) -> float:
        return split_cost((t < 0).astype(np.int64), u, v, s, w)

    starts: list[np.ndarray] = [] if start is None else [np.where(start > 0, -1.0, 1.0)]
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


def improved_split(
    n: int, u: np.ndarray, v: np.ndarray, s: np.ndarray, w: np.ndarray, x: np.ndarray
) -> np.ndarray:
    """The 0/1 split ``x`` after greedy single-actor moves (a 1-flip local optimum)."""
    t = _local_search(signed_matrix(n, u, v, s * w), np.where(x > 0, -1.0, 1.0))
    return (t < 0).astype(np.int64)
