"""An integer view of a signed graph for the solvers: actors numbered, ties as arrays."""

from __future__ import annotations

import contextlib
from collections.abc import Hashable, Iterator
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd
from scipy import sparse

from graph.core.signs import check_signed_graph, tie_sign, tie_weight

__all__ = ["SignedArrays", "signed_arrays"]


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
