"""Exact reductions of a block before it is solved: actors with one or two ties.

An actor with one tie can always satisfy it.  An actor ``v`` with two ties,
to ``a`` (sign ``s1``, weight ``w1``) and ``b`` (``s2``, ``w2``), can satisfy
both when ``a`` and ``b`` sit as ``s1 * s2`` says, and otherwise exactly the
heavier one: so it is replaced by one tie ``a - b`` of sign ``s1 * s2`` and
weight ``min(w1, w2)`` (series reduction).  Two ties between the same pair
merge: same sign, weights add; opposite signs, one of them is frustrated
whatever the split, so the lighter weight goes to a constant and the
difference stays.  Repeated, this leaves the 3-core of the block with
weighted ties, whose frustration index plus the constant is the block's.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Reduced", "reduce_block"]


@dataclass
class Reduced:
    """A block after reduction, and how to get back to every actor's side."""

    actors: np.ndarray  # ids (in the block) of the actors left
    u: np.ndarray  # reduced ties, as positions in ``actors``
    v: np.ndarray
    s: np.ndarray
    w: np.ndarray
    constant: float  # weight frustrated whatever the split
    removed: list[tuple[int, int, int, float, int, int, float]]  # (v, a, s1, w1, b, s2, w2)

    def expand(self, n: int, x: np.ndarray, start: np.ndarray | None = None) -> np.ndarray:
        """The 0/1 side of all ``n`` actors of the block from the sides ``x`` of ``actors``.

        A removed actor takes the side that satisfies its ties (the heavier
        one when it cannot satisfy both); where both sides are as good, its
        side in ``start``.
        """
        side = np.zeros(n, dtype=np.int64)
        side[self.actors] = x
        for v, a, s1, w1, b, s2, w2 in reversed(self.removed):
            if a < 0:  # no tie left: any side
                side[v] = 0 if start is None else start[v]
                continue
            via_a = side[a] if s1 > 0 else 1 - side[a]
            via_b = via_a if b < 0 else (side[b] if s2 > 0 else 1 - side[b])
            if via_a == via_b or w1 > w2:
                side[v] = via_a
            elif w2 > w1:
                side[v] = via_b
            else:
                side[v] = via_a if start is None else start[v]
        return side


def reduce_block(n: int, u: np.ndarray, v: np.ndarray, s: np.ndarray, w: np.ndarray) -> Reduced:
    """Remove actors with at most two ties, repeatedly (see the module)."""
    adj: list[dict[int, tuple[int, float]]] = [{} for _ in range(n)]
    constant = 0.0

    def link(a: int, b: int, sign: int, weight: float) -> None:
        nonlocal constant
        if b in adj[a]:
            old_sign, old_weight = adj[a][b]
            if old_sign == sign:
                sign, weight = sign, old_weight + weight
            else:
                constant += min(old_weight, weight)
                sign, weight = (
                    (old_sign, old_weight - weight)
                    if old_weight > weight
                    else (
                        sign,
                        weight - old_weight,
                    )
                )
            if weight <= 0:
                del adj[a][b], adj[b][a]
                return
        adj[a][b] = adj[b][a] = (sign, weight)

    for a, b, sign, weight in zip(u.tolist(), v.tolist(), s.tolist(), w.tolist(), strict=True):
        link(a, b, sign, weight)
    removed: list[tuple[int, int, int, float, int, int, float]] = []
    alive = np.ones(n, dtype=bool)
    queue = [i for i in range(n) if len(adj[i]) <= 2]
    while queue:
        node = queue.pop()
        if not alive[node] or len(adj[node]) > 2:
            continue
        ties = sorted(adj[node].items())
        alive[node] = False
        for other, _ in ties:
            del adj[other][node]
        adj[node] = {}
        if not ties:
            removed.append((node, -1, 0, 0.0, -1, 0, 0.0))
        elif len(ties) == 1:
            ((a, (s1, w1)),) = ties
            removed.append((node, a, s1, w1, -1, 0, 0.0))
        else:
            (a, (s1, w1)), (b, (s2, w2)) = ties
            removed.append((node, a, s1, w1, b, s2, w2))
            link(a, b, s1 * s2, min(w1, w2))
        queue.extend(other for other, _ in ties if alive[other] and len(adj[other]) <= 2)
    actors = np.flatnonzero(alive)
    position = np.full(n, -1, dtype=np.int64)
    position[actors] = np.arange(len(actors))
    edges = [(a, b, sg, wt) for a in actors.tolist() for b, (sg, wt) in adj[a].items() if a < b]
    return Reduced(
        actors=actors,
        u=position[np.array([e[0] for e in edges], dtype=np.int64)],
        v=position[np.array([e[1] for e in edges], dtype=np.int64)],
        s=np.array([e[2] for e in edges], dtype=np.int64),
        w=np.array([e[3] for e in edges], dtype=np.float64),
        constant=constant,
        removed=removed,
    )
