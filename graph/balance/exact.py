"""The exact frustration index of one block: Aref, Mason & Wilson's binary program.

:func:`milp_split` first solves the cycle relaxation (the linear program over
"tie frustrated" variables, with odd-cycle inequalities separated round by
round and added to a HiGHS model solved by its interior point method), then,
if its bound does not meet the incumbent, the "XOR" binary program with
HiGHS (``highspy``);
:func:`enumerate_split` tries every split of a block of a few actors.  Every
lower bound not from branching comes with its certificate, a weighted family
of odd-cycle inequalities (:class:`OddCycles`), checked by :func:`odd_cycle_bound`.

Over 600 lines with reason: one solver; the relaxation, the binary program and
the certificates that check them share the block's arrays and bounds.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import highspy
import numpy as np
from scipy import sparse

from .arrays import triangles
from .heuristic import split_cost
from .reduce import Reduced, reduce_block

__all__ = [
    "ENUMERATE_MAX_ACTORS",
    "OddCycles",
    "cycle_packing_bound",
    "enumerate_split",
    "fixing_bound",
    "milp_split",
    "odd_cycle_bound",
    "proves",
]

#: Blocks of at most this many actors are solved by trying every split.
ENUMERATE_MAX_ACTORS = 12

#: Cap on the odd-triangle inequalities added up front (they only tighten the
#: relaxation; the optimum is unaffected).
_MAX_TRIANGLE_CUTS = 200_000
_CUT_ROUNDS = 200
#: Share of the time budget the cut rounds may take before branching starts,
#: unless they stall first (below).  Interior-point rounds keep raising the
#: bound faster than branching at a wide gap (weighted ``trust_like()``: the
#: cycle relaxation is exact, 6,137, where HiGHS's branch and bound from a
#: 6,047 bound made no progress in 27 s of CPU), so they get most of it.
_CUT_SHARE = 0.8
#: The cut rounds have stalled, and branching takes over early, when the last
#: :data:`_STALL_ROUNDS` rounds raised the bound by less than :data:`_STALL_SHARE`
#: of the gap left (e.g. an LP stuck one tie below the incumbent on
#: alternative optima, as on ``trust_like()``).
_STALL_ROUNDS = 3
_STALL_SHARE = 0.01
#: Cuts whose slack exceeds this at the interior point are dropped before the
#: next round (an interior point holds a binding row's slack near 1e-8).
_SLACK = 1e-3
#: The interior point's optimality tolerance in the cut rounds (see milp_split).
_IPM_TOLERANCE = 1e-4
#: A kernel of at most this many actors goes to branch and bound before the
#: cut rounds end (weighted ``trust_like()``, its cycles packed from the
#: other end of each tie: 849 actors left at a gap of 3 rating points, proven
#: by HiGHS in 3 s, where the rounds took 20 s more).
_EARLY_KERNEL_ACTORS = 2000
#: Duals below this are left out of a certificate (the bound they add is nil).
_DUAL_FLOOR = 1e-9
#: Shortest-path searches per batch (memory: a batch holds a batch x 2g
#: distance matrix, g the groups of the contracted graph).
_SEPARATION_BATCH = 128
#: Longer fundamental cycles make dense, weak rows that slow the LP down.
_TREE_CUT_MAX_LENGTH = 12
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


@dataclass(frozen=True)
class OddCycles:
    """A lower-bound certificate: odd-cycle inequalities and their multipliers.

    Cycle ``k`` is the set of tie ids ``ties[k]`` (every actor on an even
    number of them: a cycle, or several glued), with the subset ``in_d[k]``
    (a boolean mask over ``ties[k]``) such that ``|D| + (negative ties on the
    cycle)`` is odd.  For the 0/1 vector ``f`` of the ties a split frustrates,
    ``f`` has the parity of the negative ties on every cycle, so
    ``sum_{C - D} f - sum_D f >= 1 - |D|``.  Added with multipliers
    ``y >= 0``, and with ``f <= 1`` paying for any tie used beyond its weight,
    these give ``sum_k y_k (1 - |D_k|) - sum_e max(0, load_e - w_e) <= L``
    (weak LP duality): the bound :func:`odd_cycle_bound` recomputes.  A packing
    of unbalanced cycles is the case ``D`` empty and loads within the weights.
    """

    ties: tuple[np.ndarray, ...]
    in_d: tuple[np.ndarray, ...]
    y: np.ndarray

    def __len__(self) -> int:
        return len(self.ties)


def odd_cycle_bound(
    u: np.ndarray, v: np.ndarray, s: np.ndarray, w: np.ndarray, cycles: OddCycles
) -> float:
    """The lower bound on the frustration index that ``cycles`` certifies.

    Parameters
    ----------
    u, v, s, w : numpy.ndarray, shape (m,)
        Tie ends, signs (+1/-1) and weights.
    cycles : OddCycles
        The certificate.

    Returns
    -------
    float
        ``sum_k y_k (1 - |D_k|) - sum_e max(0, load_e - w_e)``.

    Raises
    ------
    ValueError
        If a multiplier is negative, a cycle repeats a tie or leaves an actor
        on an odd number of its ties, or its ``|D|`` has the parity of its
        negative ties (the inequality would not hold).

    Examples
    --------
    >>> import numpy as np
    >>> u, v, s, w = np.array([0, 1, 0]), np.array([1, 2, 2]), np.array([-1, -1, -1]), np.ones(3)
    >>> odd_cycle_bound(u, v, s, w, OddCycles((np.arange(3),), (np.zeros(3, bool),), np.ones(1)))
    1.0
    """
    if np.any(cycles.y < 0):
        raise ValueError("a multiplier is negative")
    ties, in_d, owner = _flat(cycles)
    k = len(cycles)
    # Every check at once (one cycle at a time took 5 s on voting_like()'s
    # 20,000 cycles); the first bad cycle is reported, as it comes.
    order = np.lexsort((ties, owner))
    repeats = (np.diff(ties[order]) == 0) & (np.diff(owner[order]) == 0)
    repeated = np.zeros(k, dtype=bool)
    repeated[owner[order][1:][repeats]] = True
    width = int(max(u.max(initial=0), v.max(initial=0))) + 1
    key, counts = np.unique(
        np.r_[owner, owner] * width + np.r_[u[ties], v[ties]], return_counts=True
    )
    open_ends = np.zeros(k, dtype=bool)
    open_ends[key[counts % 2 == 1] // width] = True
    flags = in_d.astype(np.int64) + (s[ties] < 0).astype(np.int64)
    even = np.bincount(owner, weights=flags, minlength=k).astype(np.int64) % 2 == 0
    bad = np.flatnonzero(repeated | open_ends | even)
    if len(bad):
        first = int(bad[0])
        cycle = cycles.ties[first].tolist()
        if repeated[first]:
            raise ValueError(f"cycle {cycle} repeats a tie")
        if open_ends[first]:
            raise ValueError(f"ties {cycle} are not a cycle: an actor has an odd number")
        raise ValueError(f"cycle {cycle}: |D| has the parity of its negative ties")
    load = _load(ties, in_d, owner, cycles.y, len(s))
    d_size = np.bincount(owner, weights=in_d.astype(np.float64), minlength=k)
    total = float(np.sum(np.asarray(cycles.y, dtype=np.float64) * (1.0 - d_size)))
    return total - float(np.clip(load - w, 0.0, None).sum())


def _flat(cycles: OddCycles) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All cycles' tie ids and ``in D`` flags end to end, with each entry's cycle."""
    if not len(cycles):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool), np.zeros(0, dtype=np.int64)
    lengths = np.fromiter((len(t) for t in cycles.ties), dtype=np.int64, count=len(cycles))
    ties = np.concatenate(cycles.ties).astype(np.int64)
    in_d = np.concatenate(cycles.in_d).astype(bool)
    return ties, in_d, np.repeat(np.arange(len(cycles)), lengths)


def _load(
    ties: np.ndarray, in_d: np.ndarray, owner: np.ndarray, y: np.ndarray, m: int
) -> np.ndarray:
    """Each tie's load ``A^T y`` (:func:`_flat`'s arrays): multipliers, negated in D."""
    each = np.asarray(y, dtype=np.float64)[owner]
    return np.bincount(ties, weights=np.where(in_d, -each, each), minlength=m)


def cycle_packing_bound(
    n: int,
    u: np.ndarray,
    v: np.ndarray,
    s: np.ndarray,
    w: np.ndarray,
    x: np.ndarray,
    rng: np.random.Generator | None = None,
) -> tuple[float, OddCycles]:
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

    Returns the bound and the packing (its certificate).
    """
    from scipy.sparse.csgraph import dijkstra

    same = x[u] == x[v]
    frustrated = np.flatnonzero(np.where(s > 0, ~same, same))
    capacity = w.astype(np.float64).copy()
    bound = 0.0
    packed: list[tuple[np.ndarray, float]] = []
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
        # One search per actor, not per tie: a busy actor's frustrated ties
        # share it (voting_like(): 10.7 s instead of 26.6 s, the same packing).
        start, finish = u[open_ties], v[open_ties]
        sources = np.unique(start)
        paths = []
        for lo in range(0, len(sources), _SEPARATION_BATCH):
            batch = sources[lo : lo + _SEPARATION_BATCH]
            dist, pred = dijkstra(graph, indices=batch, unweighted=True, return_predecessors=True)
            mine = np.flatnonzero((start >= batch[0]) & (start <= batch[-1]))
            rows = np.searchsorted(batch, start[mine]).tolist()
            for i, r in zip(mine.tolist(), rows, strict=True):
                e, target = int(open_ties[i]), int(finish[i])
                if not np.isfinite(dist[r, target]):
                    continue
                path, node = [], target
                while node != start[i]:
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
                packed.append((np.asarray([e, *path], dtype=np.int64), float(amount)))
                progress = True
        if not progress:
            break
    certificate = OddCycles(
        tuple(ties for ties, _ in packed),
        tuple(np.zeros(len(ties), dtype=bool) for ties, _ in packed),
        np.asarray([amount for _, amount in packed], dtype=np.float64),
    )
    return bound, certificate


@dataclass(frozen=True)
class _Forest:
    """A minimum spanning forest of the ties for ``min(f, 1 - f)``, rooted, with path data.

    ``up``/``parent_tie``/``depth`` describe the rooted forest, ``path_sum``
    the sum of ``min(f, 1 - f)`` from the root, ``parity`` the parity of the
    ties on the root path that count toward an odd cycle (negative xor
    ``f > 1/2``, each tie's in ``odd``), ``in_tree`` marks its ties, ``order``
    lists the actors parents first and ``near`` is ``min(f, 1 - f)`` per tie.
    """

    up: np.ndarray
    parent_tie: np.ndarray
    depth: np.ndarray
    path_sum: np.ndarray
    parity: np.ndarray
    in_tree: np.ndarray
    order: np.ndarray
    odd: np.ndarray
    near: np.ndarray


def _spanning_forest(n: int, u: np.ndarray, v: np.ndarray, s: np.ndarray, f: np.ndarray) -> _Forest:
    """The forest both separations use for the LP point ``f`` (see :class:`_Forest`)."""
    from scipy.sparse.csgraph import (
        breadth_first_order,
        connected_components,
        minimum_spanning_tree,
    )

    m = len(s)
    ids = sparse.csr_matrix(
        (np.r_[np.arange(m), np.arange(m)] + 1, (np.r_[u, v], np.r_[v, u])), shape=(n, n)
    )
    near = np.minimum(f, 1.0 - f).clip(0.0, None)
    # Of the ties at 0 or 1 (equal for the forest), those of a breadth-first
    # forest from each group's busiest actor come first: paths through the
    # forest then take few ties, and the cycles made of them are short.
    weight = near + 1e-9
    integral = near < 1e-6
    first = np.zeros(m, dtype=bool)
    joined = sparse.csr_matrix(
        (
            np.ones(2 * int(integral.sum())),
            (np.r_[u[integral], v[integral]], np.r_[v[integral], u[integral]]),
        ),
        shape=(n, n),
    )
    count, group = connected_components(joined, directed=False)
    busiest = np.lexsort((-np.diff(joined.indptr), group))
    roots = busiest[np.r_[True, group[busiest][1:] != group[busiest][:-1]]]
    for root in roots[np.bincount(group, minlength=count)[group[roots]] > 1].tolist():
        order, pred = breadth_first_order(joined, root, directed=False, return_predecessors=True)
        first[np.asarray(ids[pred[order[1:]], order[1:]]).ravel() - 1] = True
    weight[first] = 1e-10
    forest = minimum_spanning_tree(sparse.csr_matrix((weight, (u, v)), shape=(n, n)))
    a, b = forest.nonzero()
    in_tree = np.zeros(m, dtype=bool)
    in_tree[np.asarray(ids[a, b]).ravel() - 1] = True
    tree = sparse.csr_matrix((np.ones(2 * len(a)), (np.r_[a, b], np.r_[b, a])), shape=(n, n))
    up = np.arange(n)
    parent_tie = np.full(n, -1, dtype=np.int64)
    depth = np.zeros(n, dtype=np.int64)
    path_sum = np.zeros(n)
    parity = np.zeros(n, dtype=np.int64)
    rounded = (f > 0.5).astype(np.int64)
    odd = rounded ^ (s < 0).astype(np.int64)  # tie in D xor negative: its parity count
    seen = np.zeros(n, dtype=bool)
    orders = []
    for root in range(n):
        if seen[root]:
            continue
        order, pred = breadth_first_order(tree, root, directed=False, return_predecessors=True)
        seen[order] = True
        orders.append(order)
        below = order[1:]
        if not len(below):  # an actor without ties (none in a block, but any graph may have one)
            continue
        ties = np.asarray(ids[pred[below], below]).ravel() - 1
        for node, p, e in zip(below.tolist(), pred[below].tolist(), ties.tolist(), strict=True):
            up[node], parent_tie[node], depth[node] = p, e, depth[p] + 1
            path_sum[node] = path_sum[p] + near[e]
            parity[node] = parity[p] ^ odd[e]
    return _Forest(
        up, parent_tie, depth, path_sum, parity, in_tree, np.concatenate(orders), odd, near
    )


def _tree_path(forest: _Forest, a: int, b: int) -> tuple[list[int], list[int]]:
    """The ties and actors on the forest path from ``a`` to ``b`` (same tree), in order."""
    up, depth, tie = forest.up, forest.depth, forest.parent_tie
    left_ties, left_actors, right_ties, right_actors = [], [a], [], [b]
    while a != b:
        if depth[a] >= depth[b]:
            left_ties.append(int(tie[a]))
            a = int(up[a])
            left_actors.append(a)
        else:
            right_ties.append(int(tie[b]))
            b = int(up[b])
            right_actors.append(b)
    # the two halves met: ``left_actors[-1] == right_actors[-1]``
    return left_ties + right_ties[::-1], left_actors + right_actors[-2::-1]


def _odd_cycle_cuts(
    forest: _Forest,
    u: np.ndarray,
    v: np.ndarray,
    s: np.ndarray,
    f: np.ndarray,
    max_cuts: int,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Separate violated odd-cycle inequalities for a fractional ``f``.

    For integer ``f`` (a set of ties whose flip balances the graph) the number
    of frustrated ties on any cycle C has the parity of its negative ties, so
    for every ``D`` subset of C with ``|D| + neg(C)`` odd,
    ``sum_{e in D} (1 - f_e) + sum_{e in C - D} f_e >= 1``.  The most violated
    of these is found by shortest paths from ``(i, 0)`` to ``(i, 1)`` in the
    "parity-doubled" graph (Barahona & Mahjoub 1986), no further than length
    1.  Ties at 0 or 1 cost nothing to cross one way (and at least 1 the
    other), so the actors joined by such ties in ``forest`` are contracted
    first, each with its parity to its group's top actor: the searches then
    run on a graph of about as many actors as fractional ties instead of the
    whole block (measured on weighted ``trust_like()``: 6.5 s a round before,
    on 5,591 actors), and a path found is expanded back through the forest.
    Such a path is a closed walk that may pass an actor twice: it is split
    there into simple cycles (:func:`_simple_cycles`), and as their parities
    add up to the walk's odd one and their left-hand sides to its value below
    1, at least one of them is violated -- so no violated inequality is lost
    to a walk that is not a cycle.  Returns a list of ``(tie ids, in_D
    mask)`` of simple cycles violating the inequality.
    """
    from scipy.sparse.csgraph import dijkstra

    n = len(forest.up)
    b = (s < 0).astype(np.int64)
    eps = 1e-9
    integral = forest.near < 1e-6
    # top[i]: the highest actor reached from i up ties at 0 or 1 (parents first).
    top = np.arange(n)
    order = forest.order
    joined = (forest.parent_tie[order] >= 0) & integral[np.maximum(forest.parent_tie[order], 0)]
    for node in order[joined].tolist():
        top[node] = top[forest.up[node]]
    offset = forest.parity ^ forest.parity[top]
    contracted = np.zeros(len(s), dtype=bool)
    contracted[forest.parent_tie[order[joined]]] = True
    ties = np.flatnonzero(~contracted)
    groups, node = np.unique(top, return_inverse=True)
    g = len(groups)
    # Each tie crossed out of D (cost f) or in D (cost 1 - f), either way.
    cu, cv = node[u[ties]], node[v[ties]]
    flip = b[ties] ^ offset[u[ties]] ^ offset[v[ties]]
    src, dst, cost, tie, in_d, enter, leave = [], [], [], [], [], [], []
    for d, c in ((0, f[ties]), (1, 1.0 - f[ties])):
        for a, z, ea, ez in ((cu, cv, u[ties], v[ties]), (cv, cu, v[ties], u[ties])):
            for p in (0, 1):
                src.append(a + p * g)
                dst.append(z + (p ^ flip ^ d) * g)
                cost.append(np.clip(c, 0.0, 1.0) + eps)
                tie.append(ties)
                in_d.append(np.full(len(ties), bool(d)))
                leave.append(ea)
                enter.append(ez)
    src, dst, cost = np.concatenate(src), np.concatenate(dst), np.concatenate(cost)
    tie, in_d = np.concatenate(tie), np.concatenate(in_d)
    leave, enter = np.concatenate(leave), np.concatenate(enter)
    # An arc of length 1 or more is on no violated cycle; of parallel arcs the shortest.
    keep = (cost < 1.0) & (src != dst)
    idx = np.flatnonzero(keep)
    idx = idx[np.lexsort((cost[idx], dst[idx], src[idx]))]
    first = np.ones(len(idx), dtype=bool)
    first[1:] = (src[idx][1:] != src[idx][:-1]) | (dst[idx][1:] != dst[idx][:-1])
    idx = idx[first]
    graph = sparse.csr_matrix((cost[idx], (src[idx], dst[idx])), shape=(2 * g, 2 * g))
    arc = {
        (a, z): i
        for a, z, i in zip(src[idx].tolist(), dst[idx].tolist(), idx.tolist(), strict=True)
    }
    # The most violated cycle through each fractional tie e = (a, b), either
    # way across it: e, then the shortest way back from b's group to a's with
    # the parity that makes the cycle odd (by the doubled graph's symmetry, a
    # search from (B, 0) serves both parities).
    frac = np.flatnonzero((f > 1e-6) & (f < 1 - 1e-6))
    cand_tie = np.r_[frac, frac]
    cand_d = np.r_[np.zeros(len(frac), dtype=np.int64), np.ones(len(frac), dtype=np.int64)]
    cand_cost = np.where(cand_d == 1, 1.0 - f[cand_tie], f[cand_tie])
    home = node[u[cand_tie]]
    away = node[v[cand_tie]]
    target = home + (1 ^ b[cand_tie] ^ offset[u[cand_tie]] ^ offset[v[cand_tie]] ^ cand_d) * g
    sources = np.unique(away)
    cuts: list[tuple[np.ndarray, np.ndarray]] = []
    seen: set[frozenset[tuple[int, bool]]] = set()
    for lo in range(0, len(sources), _SEPARATION_BATCH):
        batch = sources[lo : lo + _SEPARATION_BATCH]
        dist, pred = dijkstra(graph, indices=batch, return_predecessors=True, limit=1.0)
        mine = np.flatnonzero((away >= batch[0]) & (away <= batch[-1]))
        rows = np.searchsorted(batch, away[mine])
        lhs_of = cand_cost[mine] + dist[rows, target[mine]]
        order = np.argsort(lhs_of, kind="stable")
        found = order[lhs_of[order] < 1.0 - 1e-6]
        for c in found.tolist():
            r, i = int(rows[c]), int(mine[c])
            e = int(cand_tie[i])
            at, path = int(target[i]), []
            while at != int(batch[r]):
                prev = int(pred[r, at])
                k = arc[prev, at]
                path.append((int(tie[k]), bool(in_d[k]), int(leave[k]), int(enter[k])))
                at = prev
            steps = [(e, bool(cand_d[i]), int(u[e]), int(v[e])), *path[::-1]]
            walk, trail = [steps[0][2]], []
            for j, (t, d, _, entered) in enumerate(steps):
                trail.append((t, d))
                walk.append(entered)
                path_ties, path_actors = _tree_path(forest, entered, steps[(j + 1) % len(steps)][2])
                trail += [(x, bool(f[x] > 0.5)) for x in path_ties]
                walk += path_actors[1:]
            for cycle in _simple_cycles(walk, trail):
                edges = [x for x, _ in cycle]
                flags = np.asarray([d for _, d in cycle])
                odd = (int(flags.sum()) + int(b[edges].sum())) % 2 == 1
                lhs = float(np.where(flags, 1.0 - f[edges], f[edges]).sum())
                key = frozenset(cycle)
                if not odd or lhs >= 1.0 - 1e-6 or len(set(edges)) != len(edges) or key in seen:
                    continue
                seen.add(key)
                cuts.append((np.asarray(edges, dtype=np.int64), flags))
                if len(cuts) >= max_cuts:
                    return cuts
    return cuts


def _simple_cycles(walk: list[int], trail: list[tuple[int, bool]]) -> list[list[tuple[int, bool]]]:
    """Split a closed walk into simple cycles where it passes an actor again.

    ``walk`` lists the actors ``a0, a1, ..., ak = a0`` and ``trail[j]`` the
    tie (with its ``in D`` flag) from ``walk[j]`` to ``walk[j + 1]``.  Each
    time the walk comes back to an actor on the stack, the ties since its
    last visit close a cycle and leave the stack; what is left at the end is
    the last cycle.  Every tie of the walk lands in exactly one cycle.
    """
    cycles = []
    stack_actors: list[int] = [walk[0]]
    stack_ties: list[tuple[int, bool]] = []
    position = {walk[0]: 0}
    for tie, actor in zip(trail, walk[1:], strict=True):
        stack_ties.append(tie)
        if actor in position:
            p = position[actor]
            cycles.append(stack_ties[p:])
            for gone in stack_actors[p + 1 :]:
                del position[gone]
            del stack_actors[p + 1 :], stack_ties[p:]
        else:
            position[actor] = len(stack_actors)
            stack_actors.append(actor)
    return [cycle for cycle in cycles if cycle]


def _tree_cuts(
    forest: _Forest,
    u: np.ndarray,
    v: np.ndarray,
    s: np.ndarray,
    f: np.ndarray,
    max_cuts: int,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Violated odd-cycle inequalities among the fundamental cycles of a spanning forest.

    The forest is a minimum spanning forest for ``min(f, 1 - f)``: the ties the
    LP point holds nearest to 0 or 1.  Every tie off the forest closes one
    cycle; ``D`` is the set of its ties with ``f > 1/2`` (which minimises the
    left-hand side ``sum_{C-D} f + sum_D (1 - f)``), and if ``|D| + neg(C)``
    comes out even, the tie nearest 1/2 changes side.  Root-path sums, parities
    and (by binary lifting) path minima give every cycle's left-hand side in
    vectorised steps; only the violated ones (below 1) are written out, most
    violated first.  This finds the violated cycles a search from fractional
    ties misses: those through integral ties only (Barahona, Jünger & Reinelt
    1989 use such trees for the same purpose).
    """
    up, parent_tie, depth, path_sum, parity = (
        forest.up,
        forest.parent_tie,
        forest.depth,
        forest.path_sum,
        forest.parity,
    )
    in_tree, odd, near = forest.in_tree, forest.odd, forest.near
    # Binary lifting: jump[k][i] is i's 2^k-th ancestor, low[k][i] the least
    # |1 - 2f| on the way (the cheapest tie to change side).
    toggle = np.abs(1.0 - 2.0 * np.clip(f, 0.0, 1.0))
    jump = [up]
    low = [np.where(parent_tie >= 0, toggle[np.maximum(parent_tie, 0)], np.inf)]
    while (1 << len(jump)) <= max(int(depth.max()), 1):
        jump.append(jump[-1][jump[-1]])
        low.append(np.minimum(low[-1], low[-1][jump[-2]]))
    off = np.flatnonzero(~in_tree)
    x, y = u[off].copy(), v[off].copy()
    least = toggle[off].copy()
    swap = depth[x] < depth[y]
    x[swap], y[swap] = y[swap], x[swap]
    for k in range(len(jump) - 1, -1, -1):
        go = depth[x] - depth[y] >= (1 << k)
        least[go] = np.minimum(least[go], low[k][x[go]])
        x[go] = jump[k][x[go]]
    for k in range(len(jump) - 1, -1, -1):
        go = jump[k][x] != jump[k][y]
        least[go] = np.minimum(least[go], np.minimum(low[k][x[go]], low[k][y[go]]))
        x[go], y[go] = jump[k][x[go]], jump[k][y[go]]
    last = x != y
    least[last] = np.minimum(least[last], np.minimum(low[0][x[last]], low[0][y[last]]))
    lca = np.where(last, up[x], x)
    ends_u, ends_v = u[off], v[off]
    lhs = path_sum[ends_u] + path_sum[ends_v] - 2.0 * path_sum[lca] + near[off]
    even = (parity[ends_u] ^ parity[ends_v] ^ odd[off]) == 0
    lhs = np.where(even, lhs + least, lhs)
    length = depth[ends_u] + depth[ends_v] - 2 * depth[lca] + 1
    violated = np.flatnonzero((lhs < 1.0 - 1e-6) & (length <= _TREE_CUT_MAX_LENGTH))
    violated = violated[np.argsort(lhs[violated], kind="stable")][:max_cuts]
    cuts = []
    for i in violated.tolist():
        top = int(lca[i])
        edges = [int(off[i])]
        for node in (int(ends_u[i]), int(ends_v[i])):
            while node != top:
                edges.append(int(parent_tie[node]))
                node = int(up[node])
        ties = np.asarray(edges, dtype=np.int64)
        in_d = f[ties] > 0.5
        if (int(in_d.sum()) + int(np.count_nonzero(s[ties] < 0))) % 2 == 0:
            j = int(np.argmin(toggle[ties]))
            in_d[j] = not in_d[j]
        cuts.append((ties, in_d))
    return cuts


def proves(lower: float, upper: float, w: np.ndarray) -> bool:
    """Does a lower bound prove a value optimal (integer weights: up to rounding)?"""
    if np.all(w == np.round(w)):
        return math.ceil(lower - 1e-6) >= round(upper)
    return lower >= upper - 1e-9 * max(1.0, upper)


#: ``progress(bound, incumbent)``: called as a proof advances (for a terminal line).
Progress = Callable[[float, float], None]


def quiet_highs() -> highspy.Highs:
    """A silent HiGHS instance on one thread.

    The core class: ``highspy.Highs()`` prints HiGHS's banner on the process's
    standard output when created, before any option can silence it, which
    would mix into the command line's report.
    """
    h = highspy._core._Highs() if hasattr(highspy, "_core") else highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    return h


def highs_time_left(h: highspy.Highs, deadline: float) -> bool:
    """Set HiGHS's time limit to what is left before ``deadline``; is any left?"""
    left = deadline - time.monotonic()
    if left < 1e9:
        h.setOptionValue("time_limit", max(left, 0.01))
    return left > 0


def _rows(cuts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, ...]:
    """CSR arrays and lower sides of odd-cycle rows ``sum_{C-D} f - sum_D f >= 1 - |D|``."""
    starts = np.cumsum([0] + [len(edges) for edges, _ in cuts]).astype(np.int32)
    index = np.concatenate([edges for edges, _ in cuts]).astype(np.int32)
    value = np.concatenate([np.where(in_d, -1.0, 1.0) for _, in_d in cuts])
    lower = np.asarray([1.0 - float(in_d.sum()) for _, in_d in cuts])
    return starts, index, value, lower


def _rounded_split(
    n: int, u: np.ndarray, v: np.ndarray, s: np.ndarray, w: np.ndarray, f: np.ndarray
) -> np.ndarray:
    """A split from an LP point: flip the ties with ``f > 1/2``, switch along a spanning
    forest of the result, then greedy moves (an incumbent the LP suggests)."""
    from scipy.sparse.csgraph import breadth_first_order

    from .heuristic import improved_split

    m = len(s)
    # For an integral LP point (a balancing set) any spanning forest gives its split.
    sign = np.where(f > 0.5, -s, s)
    ids = sparse.csr_matrix(
        (np.r_[np.arange(m), np.arange(m)] + 1, (np.r_[u, v], np.r_[v, u])), shape=(n, n)
    )
    x = np.full(n, -1, dtype=np.int64)
    for root in range(n):
        if x[root] >= 0:
            continue
        order, pred = breadth_first_order(ids, root, directed=False, return_predecessors=True)
        below = order[1:]
        x[root] = 0
        if not len(below):  # an actor without ties
            continue
        flips = sign[np.asarray(ids[pred[below], below]).ravel() - 1] < 0
        for node, parent, flip in zip(
            below.tolist(), pred[below].tolist(), flips.tolist(), strict=True
        ):
            x[node] = x[parent] ^ flip
    return improved_split(n, u, v, s, w, x)


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
    seeds: OddCycles | None = None,
    progress: Progress | None = None,
) -> tuple[np.ndarray, bool, float, OddCycles | None]:
    """Prove or improve a split of one block: cycle relaxation, then Aref-Mason-Wilson's MIP.

    1. Cycle relaxation.  Minimise ``sum w_e f_e`` over ``0 <= f <= 1``
       subject to odd-cycle inequalities (Barahona & Mahjoub 1986): first
       those of the triangles with an odd number of negative ties and of the
       cycles in ``seeds`` (a packing: the LP's bound starts at least at
       its value), then rounds of the most violated ones, from the
       fundamental cycles of a spanning forest (:func:`_tree_cuts`) and by
       shortest paths in the parity-doubled graph (:func:`_odd_cycle_cuts`),
       added to the LP, solved each round by HiGHS's interior point method
       (no crossover, loose tolerance: a point inside the optimal face,
       whose many fractional ties give the separation more to cut); cuts
       left slack are dropped.  This is the relaxation McSparse (Rehfeldt, Koch &
       Shinano 2023) and Aref, Mason & Wilson (2020) strengthen their models
       with; on sparse, nearly balanced networks it is often exact.  The
       row duals are its certificate (:class:`OddCycles`); each LP point
       rounded (:func:`_rounded_split`) may improve the incumbent.
    2. If the bound does not meet the incumbent (when the rounds stall, or
       most of the budget is gone), reduced-cost fixing (:class:`Kernel`): the
       certificate's reduced costs fix the ties every better split must
       satisfy or frustrate, the actors they join are contracted and the
       result reduced again; often nothing is left (the incumbent is then
       proven), else the kernel goes to step 3 alone.  When no tie can be
       fixed, the whole block does.
    3. The "XOR" model: binary
       ``x_i`` (group of actor i), ``f_e`` continuous (for binary ``x`` its
       lower bounds are 0 or 1, so HiGHS branches on actors only, the effect
       of Aref, Mason & Wilson's prioritised branching), ``f_e >= |x_i - x_j|``
       for a positive tie, ``f_e >= |x_i + x_j - 1|`` for a negative one, plus
       (on a whole block) the odd-cycle rows binding at the end of step 1;
       actor ``fixed`` in group 0; the incumbent as MIP start.  Its bound,
       when better, is the solver's (no certificate; after fixing, the
       kernel's bound plus its constant, capped at the incumbent).

    Returns
    -------
    tuple
        ``(x, proven, lower_bound, certificate)``: the best split found (the
        incumbent unless a better one was found), whether it is proven
        optimal, a lower bound, and the :class:`OddCycles` of the cycle
        relaxation's bound (None when the bound is the branch and bound's).
    """
    best = incumbent.copy()
    best_cost = split_cost(best, u, v, s, w)
    m = len(s)
    neg = (s < 0).astype(np.int64)
    cuts: list[tuple[np.ndarray, np.ndarray]] = []
    for tri in triangles(n, u, v):
        if (neg[tri[0]] + neg[tri[1]] + neg[tri[2]]) % 2 == 1:
            cuts.append((np.asarray(tri, dtype=np.int64), np.zeros(3, dtype=bool)))
            if len(cuts) >= _MAX_TRIANGLE_CUTS:
                break
    if seeds is not None:
        cuts += list(zip(seeds.ties, seeds.in_d, strict=True))

    def report(bound: float) -> None:
        if progress is not None:
            progress(bound, best_cost)

    h = quiet_highs()
    # The interior point method, without crossover: its LP points sit inside
    # the optimal face, so the separation sees many fractional ties at once
    # and each round's cuts raise the bound further than from a vertex
    # (measured, weighted ``trust_like()``: the bound 6,137 after 13 rounds
    # and 57 s of CPU, against 17 rounds and 154 s warm-starting HiGHS's dual
    # simplex from the last basis).
    h.setOptionValue("solver", "ipm")
    h.setOptionValue("run_crossover", "off")
    # A loose tolerance stops nearer the centre of the optimal face, where
    # more ties are fractional: the bound the certificate gives is exact
    # whatever the tolerance (:func:`odd_cycle_bound` recomputes it), and it
    # rises faster per round (weighted ``trust_like()``: 6,137 after 6 rounds
    # at 1e-4, 12 at 1e-5, 13 at the default 1e-8; at 1e-3 it stalls near 6,130).
    h.setOptionValue("ipm_optimality_tolerance", _IPM_TOLERANCE)
    # Presolve's postsolve would move the point to a vertex.
    h.setOptionValue("presolve", "off")
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = m, 0
    lp.col_cost_ = w.astype(np.float64)
    lp.col_lower_, lp.col_upper_ = np.zeros(m), np.ones(m)
    h.passModel(lp)

    def add(new: list[tuple[np.ndarray, np.ndarray]]) -> None:
        if new:
            starts, index, value, lower = _rows(new)
            h.addRows(
                len(new),
                lower,
                np.full(len(new), highspy.kHighsInf),
                len(index),
                starts,
                index,
                value,
            )

    add(cuts)
    lower_bound, certificate = 0.0, None
    solution, y = None, np.zeros(0)
    binding = cuts  # the rows binding at the last LP optimum: the MIP's
    start = time.monotonic()
    bounds: list[float] = []  # the bound after each round
    for _ in range(_CUT_ROUNDS):
        if _branch_now(bounds, best_cost, time.monotonic() - start, deadline - start):
            break
        if not highs_time_left(h, deadline):
            break
        h.run()
        # At the loose tolerance HiGHS may not call the point optimal
        # ("unknown"); any point serves the separation, and any duals >= 0
        # a certificate.
        usable = (highspy.HighsModelStatus.kOptimal, highspy.HighsModelStatus.kUnknown)
        solution = h.getSolution()
        if h.getModelStatus() not in usable or not solution.value_valid:
            break
        f = np.asarray(solution.col_value)
        y = np.clip(np.asarray(solution.row_dual), 0.0, None)
        # Kept now: once rows are dropped or added, ``y`` no longer lines up with ``cuts``.
        slack = _slack_rows(cuts, solution, y)
        binding = _without(cuts, slack)
        used = np.flatnonzero(y > _DUAL_FLOOR)
        candidate = OddCycles(
            tuple(cuts[i][0] for i in used), tuple(cuts[i][1] for i in used), y[used]
        )
        bound = odd_cycle_bound(u, v, s, w, candidate)
        if bound > lower_bound:
            lower_bound, certificate = bound, candidate
        rounded = _rounded_split(n, u, v, s, w, f)
        if split_cost(rounded, u, v, s, w) < best_cost:
            best, best_cost = rounded, split_cost(rounded, u, v, s, w)
        report(lower_bound)
        if proves(lower_bound, best_cost, w):
            return best, True, lower_bound, certificate
        bounds.append(lower_bound)
        # A reduced cost is at most the tie's weight, so fixing can fix ties
        # once the gap is below the heaviest one (weighted ties only: with
        # unit weights the bound proves first): if the kernel left is small,
        # branching on it beats rounds that close the last few units slowly.
        if certificate is not None and best_cost - lower_bound < w.max():
            kernel = Kernel.fix(n, u, v, s, w, certificate, best_cost)
            if kernel is not None and (
                kernel.core is None or len(kernel.core.actors) <= _EARLY_KERNEL_ACTORS
            ):
                h.clearModel()
                return _kernel_split(kernel, n, u, v, s, w, best, certificate, deadline, progress)
        new = _new_cuts(n, u, v, s, f, cuts)
        if not new:
            break
        if len(slack):  # drop the cuts the LP no longer leans on
            h.deleteRows(len(slack), slack.astype(np.int32))
            cuts = binding
        cuts += new
        add(new)

    h.clearModel()  # the LP's memory, before the MIP takes its own
    if certificate is not None:
        kernel = Kernel.fix(n, u, v, s, w, certificate, best_cost)
        if kernel is not None:
            return _kernel_split(kernel, n, u, v, s, w, best, certificate, deadline, progress)
    x, status, bound = _highs_mip(n, u, v, s, w, binding, fixed, best, deadline, progress)
    if x is not None and split_cost(x, u, v, s, w) < best_cost:
        best, best_cost = x, split_cost(x, u, v, s, w)
    if status:
        return best, True, best_cost, None
    if bound is not None and bound > lower_bound:
        return best, proves(bound, best_cost, w), bound, None
    return best, proves(lower_bound, best_cost, w), lower_bound, certificate


@dataclass(frozen=True)
class Kernel:
    """Where a split better than the incumbent can still be: the block with ties fixed.

    The cycle relaxation's certificate (multipliers ``y`` of odd-cycle rows)
    gives every tie a reduced cost ``d_e = w_e - (A^T y)_e``, and every split
    frustrating the ties ``f`` costs at least
    ``bound + sum_{d_e > 0} d_e f_e + sum_{d_e < 0} |d_e| (1 - f_e)``
    (LP duality, with ``bound`` what :func:`odd_cycle_bound` recomputes).  So a
    split that beats the incumbent (by 1 with integer weights) leaves every tie
    with ``d_e`` above the margin ``incumbent - bound`` satisfied, and every tie
    with ``-d_e`` above it frustrated: reduced-cost fixing.  Each fixed tie
    ties its two actors' sides together (same or opposite); the actors so
    joined are contracted (a union-find with parities), the free ties between
    them become ties between the contracted actors, those within one become a
    constant, and :func:`graph.balance.reduce.reduce_block` merges the
    parallel ones and removes the actors left with two ties or fewer.  What
    remains -- the kernel -- is what branch and bound has to search, a fraction of the block
    (``trust_like()`` seed 0: 28,604 of 34,614 ties are fixed and nothing
    is left), so its model is a fraction of the memory.

    References
    ----------
    .. [1] G. L. Nemhauser and L. A. Wolsey, *Integer and Combinatorial
       Optimization*, Wiley, 1988 (fixing variables by reduced costs).
    """

    root: np.ndarray  # contracted actor of each actor of the block
    parity: np.ndarray  # side of each actor relative to its contracted actor
    core: Reduced | None  # the kernel, None if the fixings contradict each other
    constant: float  # weight frustrated in every split the kernel describes

    @classmethod
    def fix(
        cls,
        n: int,
        u: np.ndarray,
        v: np.ndarray,
        s: np.ndarray,
        w: np.ndarray,
        certificate: OddCycles,
        incumbent: float,
    ) -> Kernel | None:
        """The kernel left by reduced-cost fixing, None when no tie can be fixed."""
        reduced = w - _load(*_flat(certificate), certificate.y, len(s))
        integral = bool(np.all(w == np.round(w)))
        margin = incumbent - (1.0 if integral else 0.0) - odd_cycle_bound(u, v, s, w, certificate)
        margin += 1e-6 * max(1.0, incumbent)  # rounding errors only ever fix fewer ties
        satisfied, frustrated = reduced > margin, -reduced > margin
        if not (satisfied.any() or frustrated.any()):
            return None
        parent, parity = np.arange(n), np.zeros(n, dtype=np.int64)

        def find(a: int) -> tuple[int, int]:
            path, flip = [], 0
            while parent[a] != a:
                path.append(a)
                a = int(parent[a])
            for node in reversed(path):  # compress, keeping each node's parity to the root
                flip ^= int(parity[node])
                parity[node], parent[node] = flip, a
            return a, int(parity[path[0]]) if path else 0

        fixed = satisfied | frustrated
        # x_a xor x_b: 1 for a negative tie satisfied or a positive one frustrated
        apart = (s < 0) ^ frustrated
        pairs = zip(u[fixed].tolist(), v[fixed].tolist(), apart[fixed].tolist(), strict=True)
        for a, b, rel in pairs:
            (ra, pa), (rb, pb) = find(a), find(b)
            if ra == rb:
                if pa ^ pb != rel:  # no split better than the incumbent exists
                    return cls(parent, parity, None, 0.0)
                continue
            parent[ra], parity[ra] = rb, pa ^ pb ^ int(rel)
        ends = [find(i) for i in range(n)]
        root = np.asarray([r for r, _ in ends], dtype=np.int64)
        side = np.asarray([p for _, p in ends], dtype=np.int64)
        free = ~fixed
        flip = side[u[free]] ^ side[v[free]]
        fs, fw = np.where(flip == 1, -s[free], s[free]), w[free]
        ru, rv = root[u[free]], root[v[free]]
        within = ru == rv  # both ends contracted together: frustrated or not, whatever the split
        constant = float(w[frustrated].sum()) + float(fw[within & (fs < 0)].sum())
        roots, local = np.unique(root, return_inverse=True)
        core = reduce_block(
            len(roots), local[u[free]][~within], local[v[free]][~within], fs[~within], fw[~within]
        )
        return cls(local, side, core, constant + core.constant)

    def expand(self, x: np.ndarray) -> np.ndarray:
        """The block's split from a split ``x`` of the kernel's actors."""
        if self.core is None:
            raise ValueError("the fixings contradict each other: no split to expand")
        contracted = self.core.expand(int(self.root.max()) + 1, x)
        return contracted[self.root] ^ self.parity


def _kernel_split(
    kernel: Kernel,
    n: int,
    u: np.ndarray,
    v: np.ndarray,
    s: np.ndarray,
    w: np.ndarray,
    incumbent: np.ndarray,
    certificate: OddCycles,
    deadline: float,
    progress: Progress | None,
) -> tuple[np.ndarray, bool, float, OddCycles | None]:
    """Branch and bound on the kernel: a better split than the incumbent, or none.

    When the kernel needs no branching (the fixings contradict each other,
    or it has at most :data:`ENUMERATE_MAX_ACTORS` actors), the proof is
    ``certificate`` itself, which :func:`fixing_bound` checks again.

    Every split better than the incumbent is one of the kernel's, so the
    kernel's optimum (or its bound, if the time runs out), capped at the
    incumbent's value, bounds the block's index (kind ``"solver"`` when
    HiGHS branched).
    """
    best, best_cost = incumbent, split_cost(incumbent, u, v, s, w)
    core = kernel.core
    if core is None:
        return best, True, best_cost, certificate
    k = len(core.actors)
    if k <= ENUMERATE_MAX_ACTORS:
        x = _kernel_optimum(core)
        split = kernel.expand(x)
        if split_cost(split, u, v, s, w) < best_cost:
            best, best_cost = split, split_cost(split, u, v, s, w)
        return best, True, best_cost, certificate
    # The incumbent's sides on the kernel, as its MIP start (flipped so actor 0 is in group 0).
    first = np.unique(kernel.root, return_index=True)[1]
    start = (incumbent[first] ^ kernel.parity[first])[core.actors]
    start ^= start[0]
    x, status, bound = _highs_mip(
        k, core.u, core.v, core.s, core.w, [], 0, start, deadline, progress
    )
    if x is not None:
        split = kernel.expand(x)
        if split_cost(split, u, v, s, w) < best_cost:
            best, best_cost = split, split_cost(split, u, v, s, w)
    if status:
        return best, True, best_cost, None
    cycles_bound = odd_cycle_bound(u, v, s, w, certificate)
    if bound is None or bound + kernel.constant <= cycles_bound:  # branching got nowhere
        return best, proves(cycles_bound, best_cost, w), cycles_bound, certificate
    lower = min(bound + kernel.constant, best_cost)
    return best, proves(lower, best_cost, w), lower, None


def _kernel_optimum(core: Reduced) -> np.ndarray:
    """The best split of a kernel of at most :data:`ENUMERATE_MAX_ACTORS` actors."""
    k = len(core.actors)
    if k == 0:
        return np.zeros(0, dtype=np.int64)
    return enumerate_split(k, core.u, core.v, core.s, core.w, 0)


def fixing_bound(
    n: int,
    u: np.ndarray,
    v: np.ndarray,
    s: np.ndarray,
    w: np.ndarray,
    cycles: OddCycles,
    claim: float,
) -> float:
    """The lower bound ``claim`` if reduced-cost fixing proves it, else what ``cycles`` gives.

    Fixing the ties by the reduced costs of ``cycles`` against ``claim``
    (:class:`Kernel`) leaves every split of weight below ``claim`` (by 1,
    for integer weights) in the kernel; if the fixings contradict each other,
    or the kernel (of at most :data:`ENUMERATE_MAX_ACTORS` actors, tried
    split by split) has no split below ``claim``, none exists and ``claim``
    is a lower bound.  This checks a ``"fixing"`` proof of
    :func:`graph.balance.verify_frustration`.

    Examples
    --------
    >>> import numpy as np
    >>> u, v = np.array([0, 1, 0]), np.array([1, 2, 2])
    >>> s, w = np.array([-1, -1, -1]), np.ones(3)
    >>> cycles = OddCycles((np.arange(3),), (np.zeros(3, bool),), np.ones(1))
    >>> fixing_bound(3, u, v, s, w, cycles, 1.0), fixing_bound(3, u, v, s, w, cycles, 2.0)
    (1.0, 1.0)
    """
    bound = odd_cycle_bound(u, v, s, w, cycles)
    kernel = Kernel.fix(n, u, v, s, w, cycles, claim)
    if kernel is None:
        return bound
    core = kernel.core
    if core is None:
        return max(bound, claim)
    if len(core.actors) > ENUMERATE_MAX_ACTORS:
        return bound
    x = _kernel_optimum(core)
    least = split_cost(x, core.u, core.v, core.s, core.w) + kernel.constant
    return max(bound, claim) if least >= claim - 1e-9 * max(1.0, claim) else bound


def _branch_now(bounds: list[float], incumbent: float, elapsed: float, budget: float) -> bool:
    """Should the cut rounds give way to branch and bound (see :data:`_STALL_ROUNDS`)?"""
    if not bounds:
        return False
    gap = incumbent - bounds[-1]
    if len(bounds) > _STALL_ROUNDS and bounds[-1] - bounds[-1 - _STALL_ROUNDS] < _STALL_SHARE * gap:
        return True
    return elapsed > _CUT_SHARE * budget


def _slack_rows(
    cuts: list[tuple[np.ndarray, np.ndarray]], solution: highspy.HighsSolution, y: np.ndarray
) -> np.ndarray:
    """Rows of the last LP solve (the first ``len(y)`` cuts) that are slack."""
    solved = cuts[: len(y)]
    if not solved:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.asarray(solution.row_value)[: len(y)] - _rows(solved)[3] > _SLACK)


def _without(
    cuts: list[tuple[np.ndarray, np.ndarray]], drop: np.ndarray
) -> list[tuple[np.ndarray, np.ndarray]]:
    keep = np.ones(len(cuts), dtype=bool)
    keep[drop] = False
    return [cut for cut, k in zip(cuts, keep.tolist(), strict=True) if k]


def _new_cuts(
    n: int,
    u: np.ndarray,
    v: np.ndarray,
    s: np.ndarray,
    f: np.ndarray,
    cuts: list[tuple[np.ndarray, np.ndarray]],
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Violated odd-cycle inequalities for ``f`` not already among ``cuts``.

    Both families every round: the spanning-forest cuts are cheap
    (vectorised) and catch cycles through integral ties; the shortest-path
    ones are the most violated through each fractional tie, and without them
    the bound of a weighted network climbs about twice as slowly (measured:
    CPU 7.8 s against 3.3 s to prove a 1,500-actor weighted trust-like core).
    Each family gives at most one cut per two actors: more rows make each
    interior-point solve slower than they raise the bound (weighted
    ``trust_like()``: proven in 26 s of CPU so, 41 s with one per actor).
    """
    known = {frozenset(edges.tolist()) for edges, _ in cuts}
    new = []

    def keep(found: list[tuple[np.ndarray, np.ndarray]]) -> None:
        for edges, in_d in found:
            key = frozenset(edges.tolist())
            if key not in known:
                known.add(key)
                new.append((edges, in_d))

    forest = _spanning_forest(n, u, v, s, f)
    most = max(n // 2, 10)
    keep(_tree_cuts(forest, u, v, s, f, most))
    keep(_odd_cycle_cuts(forest, u, v, s, f, most))
    return new


def _highs_mip(
    n: int,
    u: np.ndarray,
    v: np.ndarray,
    s: np.ndarray,
    w: np.ndarray,
    cuts: list[tuple[np.ndarray, np.ndarray]],
    fixed: int,
    start: np.ndarray,
    deadline: float,
    progress: Progress | None,
) -> tuple[np.ndarray | None, bool, float | None]:
    """The XOR model with ``cuts``, by HiGHS, ``start`` as MIP start (see :func:`milp_split`).

    Returns the split found (None if none), whether it is proven optimal, and
    the solver's dual bound.
    """
    m = len(s)
    e = np.arange(m)
    pos = s > 0
    # Row 2e:     f_e - x_i + x_j >= 0 (positive tie) | f_e - x_i - x_j >= -1 (negative)
    # Row 2e + 1: f_e + x_i - x_j >= 0 (positive tie) | f_e + x_i + x_j >= 1 (negative)
    coef_j0 = np.where(pos, 1.0, -1.0)
    ones = np.ones(m)
    tie_rows = sparse.csr_matrix(
        (
            np.column_stack([ones, -ones, coef_j0, ones, ones, -coef_j0]).ravel(),
            (np.repeat(np.arange(2 * m), 3), np.column_stack([n + e, u, v, n + e, u, v]).ravel()),
        ),
        shape=(2 * m, n + m),
    )
    tie_lower = np.column_stack([np.where(pos, 0.0, -1.0), np.where(pos, 0.0, 1.0)]).ravel()
    if cuts:
        starts, index, value, cut_lower = _rows(cuts)
        cut_rows = sparse.csr_matrix((value, index + n, starts), shape=(len(cuts), n + m))
        A = sparse.vstack([tie_rows, cut_rows]).tocsr()
        lower = np.concatenate([tie_lower, cut_lower])
    else:
        A, lower = tie_rows, tie_lower
    upper = np.ones(n + m)
    upper[fixed] = 0.0
    h = quiet_highs()
    h.setOptionValue("mip_rel_gap", 0.0)
    if not highs_time_left(h, deadline):
        return None, False, None
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = n + m, A.shape[0]
    lp.col_cost_ = np.concatenate([np.zeros(n), w.astype(np.float64)])
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
    frustrated = np.where(pos, start[u] != start[v], start[u] == start[v]).astype(np.float64)
    solution = highspy.HighsSolution()
    solution.col_value = np.concatenate([start.astype(np.float64), frustrated])
    solution.value_valid = True
    h.setSolution(solution)
    if progress is not None:
        last = [0.0]

        def tick(kind, message, out, into, data) -> None:
            if time.monotonic() - last[0] >= 1.0:
                last[0] = time.monotonic()
                progress(float(out.mip_dual_bound), float(out.mip_primal_bound))

        h.setCallback(tick, None)
        h.startCallback(highspy.cb.HighsCallbackType.kCallbackMipInterrupt)
    h.run()
    info = h.getInfo()
    bound = float(info.mip_dual_bound) if info.mip_node_count >= 0 else None
    values = np.asarray(h.getSolution().col_value)
    x = np.rint(values[:n]).astype(np.int64) if len(values) == n + m else None
    optimal = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    # HiGHS 1.16 has been seen (k-group model, presolve on, a MIP start) to
    # call optimal a value below its own LP bound and hand back the start:
    # its word is taken only when the split it returns is worth what it says.
    if optimal:
        worth = None if x is None else split_cost(x, u, v, s, w)
        objective = float(info.objective_function_value)
        if worth is None or abs(worth - objective) > 1e-6 * max(1.0, abs(worth)):
            return x, False, None
    return x, optimal, bound
