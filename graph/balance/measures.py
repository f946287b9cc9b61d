"""Balance measured on triangles and on closed walks."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
from scipy import sparse

from .arrays import SignedArrays, signed_arrays, signed_matrix, triangles

__all__ = ["WALK_DENSE_MAX_ACTORS", "triangle_balance", "triangle_census", "walk_balance"]

#: Components up to this many actors get exact eigenvalues (dense, O(n^3));
#: larger ones the sparse estimate of :func:`walk_balance`.
WALK_DENSE_MAX_ACTORS = 1500

#: Relative accuracy the sparse estimate of ``tr exp(bA)`` aims at.
WALK_TOLERANCE = 1e-6

_TOP_EIGENVALUES = 20
_PROBES = 64


def triangle_census(S: nx.Graph) -> dict[str, int]:
    """Counts of triangles by their signs: ``+++``, ``++-``, ``+--``, ``---``.

    Examples
    --------
    >>> from graph.datasets import highland_tribes
    >>> triangle_census(highland_tribes())
    {'+++': 19, '++-': 2, '+--': 40, '---': 7}
    """
    return triangle_counts(signed_arrays(S, "triangle_census"))


def triangle_counts(sa: SignedArrays) -> dict[str, int]:
    """Triangles by their number of negative ties (``+++`` to ``---``), from the arrays."""
    counts = [0, 0, 0, 0]
    neg = (sa.s < 0).tolist()
    for e1, e2, e3 in triangles(sa.n, sa.u, sa.v):
        counts[neg[e1] + neg[e2] + neg[e3]] += 1
    return dict(zip(("+++", "++-", "+--", "---"), counts, strict=True))


def balanced_share(census: dict[str, int], *, weak: bool = False) -> float:
    """Share of balanced triangles in a census (``nan`` without triangles)."""
    total = sum(census.values())
    if total == 0:
        return math.nan
    return (census["+++"] + census["+--"] + (census["---"] if weak else 0)) / total


def triangle_balance(S: nx.Graph, *, weak: bool = False) -> float:
    """Share of the triangles of a signed graph that are balanced.

    A triangle is balanced in the strict (Cartwright-Harary) sense when the
    product of its three signs is positive: ``+++`` ("a friend of a friend is
    a friend") and ``+--`` ("the enemy of my enemy is my friend").  Davis's
    weak balance (clusterability) also accepts ``---`` (three mutually hostile
    groups), so that only the triangle with exactly one negative tie, ``++-``,
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
    return balanced_share(triangle_counts(signed_arrays(S, "triangle_balance")), weak=weak)


def _logsumexp(values: np.ndarray) -> float:
    top = float(values.max())
    return top + math.log(float(np.exp(values - top).sum()))


def walk_balance(S: nx.Graph, *, beta: float = 1.0, seed: int = 0) -> float:
    """Estrada & Benzi's walk-based balance index ``tr exp(bA) / tr exp(b|A|)``.

    ``A`` is the signed adjacency matrix and ``|A|`` its unsigned counterpart.
    ``tr exp(A)`` weights every closed walk by ``1/length!`` and by its sign,
    so the ratio is the (weighted) share of closed walks that are balanced,
    minus those that are not, over all closed walks: it is 1 exactly when the
    graph is balanced and tends to 0 as unbalanced cycles dominate.  The
    trace is a sum over connected components.  A component of at most
    :data:`WALK_DENSE_MAX_ACTORS` actors gets its exact eigenvalues
    (:func:`numpy.linalg.eigvalsh`); a larger one never becomes a dense
    matrix: its largest eigenvalues come from Lanczos iterations
    (:func:`scipy.sparse.linalg.eigsh`) and the rest of the trace is either
    bounded to be negligible (below ``n exp(lambda_k)``, relative
    :data:`WALK_TOLERANCE`) or estimated by Hutchinson's method on the
    deflated matrix with :func:`scipy.sparse.linalg.expm_multiply` (64
    seeded Rademacher probes; standard error about 1 % of that remainder, and
    the remainder is a small part of the trace on real networks).  Sums are
    in log-space, so large graphs do not overflow.

    Parameters
    ----------
    S : networkx.Graph
        Undirected simple graph whose edges have ``sign`` in {+1, -1}.
    beta : float, default 1.0
        Inverse "temperature" weighting long walks (Estrada 2019); the
        original index is ``beta=1``.
    seed : int, default 0
        Seed of the probes of the sparse estimate (only used for components
        above :data:`WALK_DENSE_MAX_ACTORS` actors).

    Returns
    -------
    float
        The index in (0, 1]; 1.0 for a graph without edges, ``nan`` for a
        graph without nodes.

    Examples
    --------
    >>> import networkx as nx
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
    .. [3] M. F. Hutchinson, "A stochastic estimator of the trace of the
       influence matrix for Laplacian smoothing splines", Communications in
       Statistics - Simulation and Computation 19(2):433-450, 1990.
    """
    sa = signed_arrays(S, "walk_balance")
    if sa.n == 0:
        return math.nan
    if sa.m == 0:
        return 1.0
    from scipy.sparse.csgraph import connected_components

    A = signed_matrix(sa.n, sa.u, sa.v, sa.s * beta)
    _, comp = connected_components(abs(A), directed=False)
    rng = np.random.default_rng(seed)
    signed_logs, plain_logs = [], []
    for c in range(comp.max() + 1):
        members = np.flatnonzero(comp == c)
        block = A[members][:, members]
        signed_logs.append(_log_trace_exp(block, rng))
        plain_logs.append(_log_trace_exp(abs(block), rng))
    ratio = _logsumexp(np.array(signed_logs)) - _logsumexp(np.array(plain_logs))
    return min(1.0, math.exp(ratio))


def _log_trace_exp(M: sparse.csr_matrix, rng: np.random.Generator) -> float:
    """``log tr exp(M)`` of a symmetric matrix: exact when small, sparse estimate when large."""
    n = M.shape[0]
    if n <= WALK_DENSE_MAX_ACTORS:
        return _logsumexp(np.linalg.eigvalsh(M.toarray()))
    from scipy.sparse.linalg import eigsh, expm_multiply

    k = min(_TOP_EIGENVALUES, n - 2)
    lam, vecs = eigsh(M, k=k, which="LA", v0=rng.standard_normal(n), tol=1e-10)
    top = _logsumexp(lam)
    # Every other eigenvalue is at most min(lam): the rest of the trace is below this.
    bound = math.log(n - k) + float(lam.min())
    if bound - top < math.log(WALK_TOLERANCE):
        return top
    # Hutchinson on the deflated matrix, whose eigenvalues are all <= min(lam):
    # shifting by min(lam) keeps exp() in range.
    shift = float(lam.min())
    Z = rng.choice([-1.0, 1.0], size=(n, _PROBES))
    Z -= vecs @ (vecs.T @ Z)
    shifted = M - shift * sparse.identity(n, format="csr")
    EZ = expm_multiply(shifted, Z)
    rest = float(np.einsum("ij,ij->", Z, EZ)) / _PROBES
    if rest <= 0:
        return top
    return float(np.logaddexp(top, shift + math.log(rest)))
