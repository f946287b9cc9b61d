"""The one sign validator of the analyses, and an integer view of a signed graph.

:func:`tie_sign` is what every analysis that reads the ``sign`` of a tie uses
(structural balance here, :func:`graph.pn_centrality`,
:func:`graph.balance_predictions`), so a sign means the same thing and is
refused with the same message everywhere.  :func:`signed_arrays` checks a
whole signed graph and numbers its actors and ties for the solvers.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Hashable, Iterator
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd
from scipy import sparse

__all__ = ["check_signed_graph", "signed_arrays", "tie_sign", "tie_weight"]

#: How to get a signed graph from an actor graph, said by every refusal.
HINT = "build one from an actor graph with graph.signed_graph(G)"


def tie_sign(value: object, u: Hashable, v: Hashable, *, neutral: bool = False) -> int:
    """The sign of the tie ``(u, v)`` as an int, or a ValueError naming the tie.

    Parameters
    ----------
    value : object
        The ``sign`` attribute: +1 or -1 as a Python or numpy integer or float
        (and 0 when ``neutral``); booleans, NaN, strings and other numbers are
        refused.
    u, v : hashable
        The tie's ends, for the message.
    neutral : bool, default False
        Accept 0 (a neutral relation) too.

    Returns
    -------
    int
        +1, -1 (or 0).

    Raises
    ------
    ValueError
        If ``value`` is not an accepted sign.

    Examples
    --------
    >>> tie_sign(-1.0, "a", "b")
    -1
    >>> tie_sign(0, "a", "b")
    Traceback (most recent call last):
    ...
    ValueError: tie ('a', 'b') has sign 0; expected +1 or -1
    """
    allowed = (1, 0, -1) if neutral else (1, -1)
    if (
        not isinstance(value, bool | np.bool_)
        and isinstance(value, int | float | np.integer | np.floating)
        and value in allowed
    ):
        return int(value)
    what = "no 'sign' attribute" if value is None else f"sign {value!r}"
    expected = "+1, 0 or -1" if neutral else "+1 or -1"
    raise ValueError(f"tie ({u!r}, {v!r}) has {what}; expected {expected}")


def tie_weight(value: object, u: Hashable, v: Hashable) -> float:
    """A tie's weight: a finite positive number (1 when the tie has none).

    Raises
    ------
    ValueError
        If ``value`` is not a finite number > 0.

    Examples
    --------
    >>> tie_weight(None, "a", "b"), tie_weight(2, "a", "b")
    (1.0, 2.0)
    """
    if value is None:
        return 1.0
    if (
        isinstance(value, bool | np.bool_)
        or not isinstance(value, int | float | np.integer | np.floating)
        or not math.isfinite(value)
        or value <= 0
    ):
        raise ValueError(f"tie ({u!r}, {v!r}) has weight {value!r}; expected a number > 0")
    return float(value)


def check_signed_graph(S: object, function: str) -> None:
    """Refuse what is not an undirected simple :class:`networkx.Graph`.

    Raises
    ------
    TypeError
        If ``S`` is not a NetworkX graph.
    ValueError
        If ``S`` is directed or a multigraph; the message names ``function``
        and :func:`graph.signed_graph`.
    """
    if not isinstance(S, nx.Graph):
        raise TypeError(f"{function} expected a networkx.Graph, got {type(S).__name__}")
    if S.is_directed() or S.is_multigraph():
        kind = "a directed graph" if S.is_directed() else "a multigraph"
        raise ValueError(
            f"{function} needs an undirected simple graph (nx.Graph) with one signed tie per "
            f"pair of actors, not {kind}: {HINT}"
        )


@dataclass(frozen=True)
class SignedArrays:
    """Integer-indexed view of a signed graph: actors in graph order, one row per tie."""

    nodes: list[Hashable]
    u: np.ndarray  # int64 tie ends
    v: np.ndarray
    s: np.ndarray  # int64, +1 / -1
    w: np.ndarray  # float64 weights (1 without a weight attribute)

    @property
    def n(self) -> int:
        return len(self.nodes)

    @property
    def m(self) -> int:
        return len(self.s)

    @property
    def degree(self) -> np.ndarray:
        return np.bincount(np.concatenate([self.u, self.v]), minlength=self.n)

    @property
    def weighted(self) -> bool:
        """Some tie weighs other than 1."""
        return bool(np.any(self.w != 1.0))


def signed_arrays(S: nx.Graph, function: str, *, weight: str | None = None) -> SignedArrays:
    """Check ``S`` and return its actors and signed ties as arrays.

    Raises
    ------
    TypeError, ValueError
        See :func:`check_signed_graph`, :func:`tie_sign` and :func:`tie_weight`;
        a self-loop is a ValueError too.
    """
    check_signed_graph(S, function)
    nodes = list(S.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    m = S.number_of_edges()
    u = np.empty(m, dtype=np.int64)
    v = np.empty(m, dtype=np.int64)
    s = np.empty(m, dtype=np.int64)
    w = np.ones(m, dtype=np.float64)
    for e, (a, b, data) in enumerate(S.edges(data=True)):
        if a == b:
            raise ValueError(f"self-loop on {a!r}: {function} needs a simple graph")
        u[e], v[e], s[e] = index[a], index[b], tie_sign(data.get("sign"), a, b)
        if weight is not None:
            w[e] = tie_weight(data.get(weight), a, b)
    return SignedArrays(nodes, u, v, s, w)


def canonical_rank(nodes: list[Hashable]) -> np.ndarray:
    """Rank of each node in sorted order (graph order if nodes are not sortable)."""
    order = list(range(len(nodes)))
    with contextlib.suppress(TypeError):
        order = sorted(order, key=lambda i: nodes[i])  # type: ignore[arg-type, return-value]
    rank = np.empty(len(nodes), dtype=np.int64)
    rank[order] = np.arange(len(nodes))
    return rank


def node_index(nodes: list[Hashable]) -> pd.Index:
    return pd.Index(nodes, tupleize_cols=False, dtype=object, name="node")


def signed_matrix(n: int, u: np.ndarray, v: np.ndarray, w: np.ndarray) -> sparse.csr_matrix:
    """Symmetric sparse matrix with entries ``w[e]`` at (u[e], v[e]) and (v[e], u[e])."""
    rows = np.concatenate([u, v])
    cols = np.concatenate([v, u])
    data = np.concatenate([w, w]).astype(np.float64)
    return sparse.csr_matrix((data, (rows, cols)), shape=(n, n))


def triangles(n: int, u: np.ndarray, v: np.ndarray) -> Iterator[tuple[int, int, int]]:
    """Yield every triangle once, as a tuple of three tie ids."""
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
