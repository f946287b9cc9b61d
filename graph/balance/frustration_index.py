"""The frustration index and the two-group partition that attains it.

:func:`frustration` reduces the graph to its biconnected blocks, runs the
heuristic on each (the warm start and upper bound), then proves the value
with the exact model within a time budget (:mod:`.exact`).  The groups of
the partition are named after their most central actor.

Over 600 lines with reason: the public result type, its verification and the
block-by-block driver are one job; the solvers themselves are in other modules.
"""

from __future__ import annotations

import math
import sys
import time
import warnings
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import pandas as pd

from .arrays import SignedArrays, canonical_rank, node_index, signed_arrays
from .exact import (
    ENUMERATE_MAX_ACTORS,
    OddCycles,
    Progress,
    cycle_packing_bound,
    enumerate_split,
    fixing_bound,
    milp_split,
    odd_cycle_bound,
    proves,
)
from .heuristic import heuristic_split, improved_split, split_cost
from .reduce import Reduced, reduce_block

__all__ = [
    "BlockProof",
    "Frustration",
    "changed_sides",
    "frustrated_ties",
    "frustration",
    "name_groups",
    "verify_frustration",
]

METHODS = ("auto", "exact", "heuristic")

#: Orders in which :func:`.exact.cycle_packing_bound` packs cycles before the
#: integer program is tried.
_PACKING_ATTEMPTS = 8
#: Another order is tried only when the gap left is within this share of the
#: split's value: orders differ by about 0.3 % (measured on ``voting_like()``:
#: 14,470, 14,449, 14,450 at 28 s of CPU each; weighted ``trust_like()``:
#: 5,318, 5,306, 5,310), so a wider gap is the relaxation's to close.
_PACKING_RETRY_GAP = 0.005


def check_method(method: str) -> None:
    """The one check of a ``method`` argument."""
    if method not in METHODS:
        raise ValueError(f"method must be 'auto', 'exact' or 'heuristic', not {method!r}")


#: Seconds after which a proof on a terminal shows its progress on standard error.
PROGRESS_AFTER = 3.0


@dataclass(frozen=True)
class BlockProof:
    """How the lower bound of one block is known: its certificate.

    Attributes
    ----------
    actors : tuple
        The actors left in the block after reduction (graph node ids).
    u, v, s, w : numpy.ndarray, shape (m,)
        The reduced block's ties (positions in ``actors``), signs and weights.
    constant : float
        Weight the reduction found frustrated whatever the split.
    kind : str
        ``"reduction"`` (nothing left to split), ``"enumeration"`` (every
        split tried), ``"cycles"`` (``cycles`` certifies the bound),
        ``"fixing"`` (the reduced costs of ``cycles`` fix ties until no
        split below ``bound`` is left: :func:`graph.balance.exact.fixing_bound`),
        ``"solver"`` (HiGHS's branch-and-bound bound, not independently
        checkable) or ``"none"`` (no proof was asked for).
    cycles : OddCycles or None
        With ``kind="cycles"`` or ``"fixing"``: the odd-cycle inequalities and
        multipliers.
    bound : float
        The block's lower bound, ``constant`` included.
    """

    actors: tuple[Hashable, ...]
    u: np.ndarray = field(repr=False)
    v: np.ndarray = field(repr=False)
    s: np.ndarray = field(repr=False)
    w: np.ndarray = field(repr=False)
    constant: float
    kind: str
    cycles: OddCycles | None = field(repr=False)
    bound: float


@dataclass(frozen=True)
class Frustration:
    """The frustration index of a signed graph and a partition that attains it.

    Attributes
    ----------
    L : int or float
        The (weighted) frustration index: an int when every weight is an
        integer.  An upper bound when ``proven`` is False.
    partition : pandas.Series
        Named ``"partition"``, indexed by actor in graph order: the group of
        every actor, labelled by the id of the group's most central actor
        (see :func:`name_groups`); missing (``None``) for an actor with no
        signed tie, which no tie places.
    lower_bound : int or float
        A proven lower bound on the frustration index (``L`` when proven).
    proven : bool
        ``L`` is proven optimal.
    method : str
        ``"exact"`` or ``"heuristic"``, as asked or chosen by ``"auto"``.
    solver : str
        What found and proved ``L``: ``"reduction"`` (actors with one or two
        ties removed until nothing was left), ``"enumeration"`` (every split
        of small blocks), ``"local search"`` (the heuristic), ``"cycle
        packing"`` (the lower bound met it), ``"HiGHS"`` (the relaxation or the integer
        program), joined by ``+``; ``"none"`` without a cycle.
    seconds : float
        Wall-clock time taken.
    blocks : int
        Biconnected blocks with a cycle, each solved on its own.
    certificate : tuple of BlockProof
        How each block's lower bound is known; :func:`verify_frustration`
        checks them.
    """

    L: int | float
    partition: pd.Series = field(repr=False)
    lower_bound: int | float
    proven: bool
    method: str
    solver: str
    seconds: float
    blocks: int
    certificate: tuple[BlockProof, ...] = field(default=(), repr=False)

    @property
    def gap(self) -> float:
        """Relative gap ``(L - lower_bound) / L`` (0 when proven or ``L`` is 0)."""
        return (self.L - self.lower_bound) / self.L if self.L else 0.0

    @property
    def unplaced(self) -> list[Hashable]:
        """Actors with no signed tie, hence in no group."""
        return self.partition.index[self.partition.isna()].tolist()


def frustration(
    S: nx.Graph,
    *,
    method: str = "auto",
    time_limit: float | None = 60.0,
    weight: str | None = "weight",
    seed: int = 0,
    start: Mapping[Hashable, Hashable] | pd.Series | None = None,
) -> Frustration:
    """Frustration index (line index of balance) and a partition that attains it.

    The frustration index ``L`` is the smallest total weight of ties whose
    removal -- equivalently, whose sign flip -- makes the graph balanced, i.e.
    the least weight of ties left frustrated (positive between groups or
    negative within a group) by any partition of the actors into two groups.
    ``L = 0`` exactly when the graph is balanced; ``1 - L / (W / 2)`` (``W``
    the total weight) is Aref & Wilson's normalised balance in [0, 1].

    How it is computed:

    1. Reduction.  A tie that lies on no cycle (a bridge, e.g. the tie of an
       actor of degree 1) can always be satisfied, and ``L`` is the sum of the
       indices of the biconnected blocks, whose splits glue at the actors
       they share.  So every block with a cycle is solved on its own, after
       its actors with two ties are contracted into weighted ties
       (:mod:`graph.balance.reduce`).
    2. Upper bound and warm start.  A seeded local search (eigenvector and
       spanning-tree starts, greedy moves, tabu search), started also from
       ``start`` when given, gives each block a split.
    3. Proof.  A packing of disjoint unbalanced cycles bounds ``L`` from
       below (:func:`graph.balance.exact.cycle_packing_bound`); on networks
       close to balance it meets the heuristic's value.  Otherwise the cycle
       relaxation (odd-cycle inequalities separated round by round into a
       HiGHS LP solved by its interior point method, seeded with the
       packing's cycles; Barahona &
       Mahjoub) raises the bound; with integer weights, rounded up.  If
       that does not meet the best split, the relaxation's reduced costs fix
       the ties every better split must satisfy or frustrate, and what is
       left after contracting them (often nothing) goes to the binary linear
       program of Aref, Mason & Wilson (the "XOR" model, actors as
       branching variables), solved by HiGHS from the heuristic's split
       (:func:`graph.balance.exact.milp_split`); each stops as soon as its
       bound reaches the best split's value.  Blocks of at most 12 actors
       try every split instead.  Every bound keeps its certificate
       (``certificate``; :func:`verify_frustration` checks it).
    4. If the time budget runs out first, the best split found is returned
       with ``proven=False``, the solver's lower bound and a
       :class:`UserWarning`.

    Parameters
    ----------
    S : networkx.Graph
        Undirected simple graph whose edges have ``sign`` in {+1, -1}, e.g.
        :func:`graph.signed_graph`.
    method : {"auto", "exact", "heuristic"}, default "auto"
        ``"auto"``: prove ``L`` within ``time_limit``, else fall back on the
        best split found.  ``"exact"``: prove it whatever the time
        (``time_limit`` is ignored).  ``"heuristic"``: the local search only
        (an upper bound, no proof unless the graph is balanced).
    time_limit : float or None, default 60.0
        Seconds for the proof with ``method="auto"``; ``None`` for no limit.
    weight : str or None, default "weight"
        Edge attribute holding each tie's weight (a number > 0; ties without
        it weigh 1), for the weighted frustration index; ``None`` counts ties.
    seed : int, default 0
        Seed of the heuristic (results are deterministic).
    start : pandas.Series or Mapping, optional
        A previous partition (actor -> group label), e.g. the last period's:
        it starts the heuristic, and where it is still optimal on a block it
        is kept, so groups change only when the data demand it.

    Returns
    -------
    Frustration
        ``L``, the ``partition``, ``lower_bound``, ``proven``, ``gap``,
        ``method``, ``solver``, ``seconds``, ``blocks`` and ``unplaced``.

    Raises
    ------
    TypeError
        If ``S`` is not a NetworkX graph.
    ValueError
        If ``S`` is directed or a multigraph (the message points at
        :func:`graph.signed_graph`), a tie has no valid sign or weight, or
        ``method`` is unknown.

    Examples
    --------
    >>> import networkx as nx
    >>> T = nx.Graph()
    >>> T.add_edges_from([("a", "b"), ("b", "c"), ("a", "c")], sign=-1)
    >>> frustration(T).L  # three mutual enemies cannot form two groups
    1
    >>> from graph.datasets import highland_tribes
    >>> result = frustration(highland_tribes())
    >>> result.L, result.proven, result.gap
    (7, True, 0.0)
    >>> sorted(result.partition[result.partition == "GAMA"].index)
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
    .. [5] F. Barahona and A. R. Mahjoub, "On the cut polytope", Mathematical
       Programming 36:157-173, 1986.
    """
    check_method(method)
    began = time.monotonic()
    sa = signed_arrays(S, "balance.frustration", weight=weight)
    deadline = math.inf if method == "exact" or time_limit is None else began + time_limit
    x0 = None if start is None else _start_split(sa, start)
    x, cost, lower, proven, solvers, proofs = solve_blocks(sa, method, deadline, seed, x0)
    if not proven and method != "heuristic":
        warnings.warn(
            f"balance.frustration: the proof did not finish within {time_limit} s; L = "
            f"{_number(cost, sa)} is an upper bound (lower bound {_number(lower, sa)}); pass "
            "method='exact' or a longer time_limit to prove it",
            UserWarning,
            stacklevel=2,
        )
    partition = name_groups(S, _labels(sa, x), weight=weight)
    return Frustration(
        L=_number(cost, sa),
        partition=partition,
        lower_bound=_number(cost if proven else lower, sa, up=True),
        proven=proven,
        method="heuristic" if method == "heuristic" else "exact",
        solver="+".join(sorted(solvers)) or "none",
        seconds=time.monotonic() - began,
        blocks=len(proofs),
        certificate=tuple(proofs),
    )


def _number(value: float, sa: SignedArrays, *, up: bool = False) -> int | float:
    """Integer weights give integer values (a lower bound rounds up)."""
    if np.all(sa.w == np.round(sa.w)):
        return math.ceil(value - 1e-6) if up else round(value)
    return float(value)


def _start_split(sa: SignedArrays, start: Mapping[Hashable, Hashable] | pd.Series) -> np.ndarray:
    """A 0/1 vector from any labelling: in each component, its commonest label is side 0."""
    labels = _group_labels(start, sa.nodes)
    comp = _components(sa)
    x = np.zeros(sa.n, dtype=np.int64)
    for c in np.unique(comp):
        members = np.flatnonzero(comp == c)
        known = [labels[i] for i in members if labels[i] is not None]
        if not known:
            continue
        values, counts = np.unique(np.asarray(known, dtype=object).astype(str), return_counts=True)
        main = values[int(np.argmax(counts))]
        for i in members:
            x[i] = 0 if labels[i] is None or str(labels[i]) == main else 1
    return x


def _group_labels(groups: Mapping | pd.Series, nodes: list[Hashable]) -> list[object]:
    """The label of each actor in ``groups``, None where missing (absent, None, NaN, NA)."""
    labels = [groups.get(node) for node in nodes]
    return [
        None if value is None or value is pd.NA or value != value else value for value in labels
    ]


def _components(sa: SignedArrays) -> np.ndarray:
    from scipy.sparse.csgraph import connected_components

    from .arrays import signed_matrix

    return connected_components(signed_matrix(sa.n, sa.u, sa.v, np.ones(sa.m)), directed=False)[1]


def _blocks(sa: SignedArrays) -> list[np.ndarray]:
    """Tie ids of each biconnected block (a bridge is a block of one tie)."""
    H = nx.Graph()
    H.add_edges_from(zip(sa.u.tolist(), sa.v.tolist(), strict=True))
    edge_id = {}
    for e, (a, b) in enumerate(zip(sa.u.tolist(), sa.v.tolist(), strict=True)):
        edge_id[a, b] = edge_id[b, a] = e
    return [
        np.array(sorted(edge_id[a, b] for a, b in block), dtype=np.int64)
        for block in nx.biconnected_component_edges(H)
    ]


def _reduced_blocks(sa: SignedArrays) -> Iterator[tuple[np.ndarray, np.ndarray, Reduced | None]]:
    """Each block with a cycle, smallest first: its ties, actors and reduced core.

    A bridge (a block of one tie) comes with ``None``: it is always satisfied.
    """
    for ties in sorted((b for b in _blocks(sa) if len(b)), key=len):
        actors, local = np.unique(np.concatenate([sa.u[ties], sa.v[ties]]), return_inverse=True)
        if len(ties) == 1:
            yield ties, actors, None
            continue
        bu, bv = local[: len(ties)], local[len(ties) :]
        yield ties, actors, reduce_block(len(actors), bu, bv, sa.s[ties], sa.w[ties])


def solve_blocks(
    sa: SignedArrays, method: str, deadline: float, seed: int, x0: np.ndarray | None
) -> tuple[np.ndarray, float, float, bool, set[str], list[BlockProof]]:
    """Solve every block; glue their splits into one 0/1 vector."""
    solvers: set[str] = set()
    rank = canonical_rank(sa.nodes)
    splits: list[tuple[np.ndarray, np.ndarray]] = []  # (actors, their 0/1 side)
    proofs: list[BlockProof] = []
    cost = lower = 0.0
    proven = True
    progress = _terminal_progress()
    for ties, actors, core in _reduced_blocks(sa):
        bs = sa.s[ties]
        if core is None:  # a bridge: always satisfied
            splits.append((actors, np.array([0, 0 if bs[0] > 0 else 1])))
            continue
        local = np.searchsorted(actors, np.concatenate([sa.u[ties], sa.v[ties]]))
        bu, bv, bw = local[: len(ties)], local[len(ties) :], sa.w[ties]
        if len(core.s):
            fixed = int(np.argmin(rank[actors[core.actors]]))
            start = None if x0 is None else x0[actors[core.actors]]
            x, _, core_lower, block_proven, kind, cycles = _solve_core(
                core, fixed, start, method, deadline, seed, solvers, progress
            )
            x = core.expand(len(actors), x, None if x0 is None else x0[actors])
        else:  # the reductions solved it
            solvers.add("reduction")
            x = core.expand(len(actors), np.zeros(0), None if x0 is None else x0[actors])
            core_lower, block_proven, kind, cycles = 0.0, True, "reduction", None
        block_cost = split_cost(x, bu, bv, bs, bw)
        cost += block_cost
        lower += block_cost if block_proven else core_lower + core.constant
        proven = proven and block_proven
        splits.append((actors, x))
        proofs.append(
            BlockProof(
                actors=tuple(sa.nodes[i] for i in actors[core.actors].tolist()),
                u=core.u,
                v=core.v,
                s=core.s,
                w=core.w,
                constant=core.constant,
                kind=kind,
                cycles=cycles,
                bound=core_lower + core.constant,
            )
        )
        if progress is not None:
            progress.block_done(block_cost, core_lower + core.constant)
    if progress is not None:
        progress.close()
    return _glue(sa.n, splits, x0), cost, lower, proven, solvers, proofs


def _solve_core(
    core: Reduced,
    fixed: int,
    start: np.ndarray | None,
    method: str,
    deadline: float,
    seed: int,
    solvers: set[str],
    progress: _TerminalProgress | None,
) -> tuple[np.ndarray, float, float, bool, str, OddCycles | None]:
    """Split the reduced block, without the constant.

    Returns ``(x, cost, lower bound, proven, certificate kind, cycles)``.
    """
    n, u, v, s, w = len(core.actors), core.u, core.v, core.s, core.w
    if method != "heuristic" and n <= ENUMERATE_MAX_ACTORS:
        x = enumerate_split(n, u, v, s, w, fixed)
        if start is not None:
            kept = improved_split(n, u, v, s, w, start)
            if split_cost(kept, u, v, s, w) <= split_cost(x, u, v, s, w):
                x = kept
        solvers.add("enumeration")
        cost = split_cost(x, u, v, s, w)
        return x, cost, cost, True, "enumeration", None
    x = heuristic_split(n, u, v, s, w, seed, start)
    cost = split_cost(x, u, v, s, w)
    solvers.add("local search")
    if cost == 0:  # no cycle certificate needed: 0 is a lower bound
        return x, cost, 0.0, True, "cycles", OddCycles((), (), np.zeros(0))
    if method == "heuristic":
        return x, cost, 0.0, False, "none", None
    # Packing orders differ in which cycles they find: a few seeded tries.
    rng = np.random.default_rng(seed)
    lower, cycles = 0.0, None
    for attempt in range(_PACKING_ATTEMPTS):
        bound, packing = cycle_packing_bound(n, u, v, s, w, x, rng if attempt else None)
        if bound <= lower:  # another order found no more: the LP takes over
            break
        lower, cycles = bound, packing
        if proves(lower, cost, w) or time.monotonic() > deadline:
            break
        if cost - lower > _PACKING_RETRY_GAP * cost:  # out of another order's reach
            break
    if proves(lower, cost, w):
        solvers.add("cycle packing")
        return x, cost, lower, True, "cycles", cycles
    if time.monotonic() >= deadline:
        return x, cost, lower, False, "cycles", cycles
    solvers.add("HiGHS")
    report = None if progress is None else progress.block(cost)
    x, proven, milp_lower, relaxation = milp_split(
        n, u, v, s, w, fixed=fixed, deadline=deadline, incumbent=x, seeds=cycles, progress=report
    )
    cost = split_cost(x, u, v, s, w)
    if milp_lower > lower:
        lower, cycles = milp_lower, relaxation
    if cycles is not None and lower == odd_cycle_bound(u, v, s, w, cycles):
        kind = "cycles"
    elif cycles is not None and fixing_bound(n, u, v, s, w, cycles, lower) >= lower:
        kind = "fixing"
    else:
        kind = "solver"
    return (
        x,
        cost,
        lower,
        proven or proves(lower, cost, w),
        kind,
        cycles if kind in ("cycles", "fixing") else None,
    )


class _TerminalProgress:
    """One line on standard error, rewritten: bound, incumbent and gap of the proof so far.

    Shown only when standard error is a terminal, and only after
    :data:`PROGRESS_AFTER` seconds (short proofs print nothing).
    """

    def __init__(self) -> None:
        self.began = time.monotonic()
        self.blocks = 0
        self.cost = self.lower = 0.0
        self.shown = False

    def block(self, incumbent: float) -> Progress:
        def report(bound: float, best: float) -> None:
            self.show(self.lower + max(bound, 0.0), self.cost + min(best, incumbent))

        return report

    def block_done(self, cost: float, lower: float) -> None:
        self.blocks += 1
        self.cost += cost
        self.lower += lower

    def show(self, bound: float, incumbent: float) -> None:
        elapsed = time.monotonic() - self.began
        if elapsed < PROGRESS_AFTER:
            return
        gap = (incumbent - bound) / incumbent if incumbent else 0.0
        sys.stderr.write(
            f"\rfrustration: {elapsed:6.0f} s  block {self.blocks + 1}  "
            f"bound {bound:,.6g}  incumbent {incumbent:,.6g}  gap {gap:.3%}   "
        )
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _terminal_progress() -> _TerminalProgress | None:
    if not (hasattr(sys.stderr, "isatty") and sys.stderr.isatty()):
        return None
    return _TerminalProgress()


def verify_frustration(S: nx.Graph, result: Frustration, *, weight: str | None = "weight") -> bool:
    """Check a frustration index against its graph, independently of how it was found.

    1. The partition attains ``L``: the ties it frustrates (positive between
       groups, negative within) are counted again, and weigh ``L``.
    2. The lower bound is certified: the blocks are reduced again (the
       reductions are exact, see :mod:`graph.balance.reduce`) and must be the
       ones the certificate speaks of; a block's bound is then recomputed
       from its odd-cycle inequalities and multipliers
       (:func:`graph.balance.exact.odd_cycle_bound`), or by fixing ties by
       their reduced costs until no better split is left
       (``"fixing"``, :func:`graph.balance.exact.fixing_bound`), or by trying
       every split (``"enumeration"``), or is the reduction's constant; only a
       ``"solver"`` block (HiGHS's branch-and-bound bound) is taken on trust.
       The blocks' bounds must add up to ``lower_bound``.
    3. ``proven`` holds exactly when the bound meets ``L``.

    Parameters
    ----------
    S : networkx.Graph
        The signed graph ``result`` was computed on.
    result : Frustration
        From :func:`frustration` on ``S``.
    weight : str or None, default "weight"
        The ``weight`` passed to :func:`frustration`.

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
    >>> result = frustration(S)
    >>> verify_frustration(S, result), [proof.kind for proof in result.certificate]
    (True, ['cycles'])
    """
    sa = signed_arrays(S, "balance.verify_frustration", weight=weight)
    labels = _group_labels(result.partition, sa.nodes)
    tied = np.flatnonzero(sa.degree > 0)
    if any(labels[i] is None for i in tied.tolist()):
        raise ValueError("an actor with ties is in no group")
    code = pd.factorize(pd.Series([labels[i] for i in tied.tolist()], dtype=object))[0]
    group = np.full(sa.n, -1, dtype=np.int64)
    group[tied] = code
    recount = split_cost(group, sa.u, sa.v, sa.s, sa.w)
    integral = np.all(sa.w == np.round(sa.w))
    scale = 1e-9 * max(1.0, recount)
    if abs(recount - float(result.L)) > scale:
        raise ValueError(f"the partition frustrates {recount:g}, not L = {result.L}")
    cores = [(actors, core) for _, actors, core in _reduced_blocks(sa) if core is not None]
    if len(cores) != len(result.certificate):
        raise ValueError(f"{len(cores)} blocks with a cycle, {len(result.certificate)} proofs")
    total = 0.0
    for (actors, core), proof in zip(cores, result.certificate, strict=True):
        same = (
            len(core.s) == len(proof.s)
            and tuple(sa.nodes[i] for i in actors[core.actors].tolist()) == proof.actors
            and np.array_equal(core.u, proof.u)
            and np.array_equal(core.v, proof.v)
            and np.array_equal(core.s, proof.s)
            and np.allclose(core.w, proof.w)
            and math.isclose(core.constant, proof.constant)
        )
        if not same:
            raise ValueError("a proof is about a block this graph does not have")
        if proof.kind == "cycles" and proof.cycles is not None:
            bound = odd_cycle_bound(core.u, core.v, core.s, core.w, proof.cycles) + core.constant
        elif proof.kind == "fixing" and proof.cycles is not None:
            claim = proof.bound - core.constant
            args = (len(core.actors), core.u, core.v, core.s, core.w, proof.cycles, claim)
            bound = fixing_bound(*args) + core.constant
        elif proof.kind == "enumeration":
            x = enumerate_split(len(core.actors), core.u, core.v, core.s, core.w, 0)
            bound = split_cost(x, core.u, core.v, core.s, core.w) + core.constant
        elif proof.kind in ("reduction", "none"):
            bound = core.constant
        elif proof.kind == "solver":
            bound = proof.bound
        else:
            raise ValueError(f"unknown kind of proof {proof.kind!r}")
        if bound < proof.bound - 1e-6 * max(1.0, abs(proof.bound)):
            raise ValueError(f"a block claims {proof.bound:g} but its certificate gives {bound:g}")
        total += bound
    certified = math.ceil(total - 1e-6) if integral else total
    if certified < float(result.lower_bound) - scale:
        raise ValueError(f"the certificates give {certified:g} < lower_bound {result.lower_bound}")
    if result.proven != proves(float(result.lower_bound), recount, sa.w):
        raise ValueError(f"proven is {result.proven} with L {result.L} >= {result.lower_bound}")
    return True


def _glue(n: int, splits: list[tuple[np.ndarray, np.ndarray]], x0: np.ndarray | None) -> np.ndarray:
    """One 0/1 vector from block splits, flipping blocks to agree where they meet.

    Blocks meet at cut vertices in a tree, so a breadth-first walk over
    blocks fixes each block's orientation once.  Each component is finally
    oriented to agree most with ``x0`` (when given).
    """
    x = np.full(n, -1, dtype=np.int64)
    member_of: dict[int, list[int]] = {}
    for b, (actors, _) in enumerate(splits):
        for a in actors.tolist():
            member_of.setdefault(a, []).append(b)
    done = np.zeros(len(splits), dtype=bool)
    component = np.full(n, -1, dtype=np.int64)
    for root in range(len(splits)):
        if done[root]:
            continue
        queue, done[root] = [root], True
        while queue:
            b = queue.pop()
            actors, side = splits[b]
            placed = x[actors] >= 0
            if placed.any():
                i = int(np.flatnonzero(placed)[0])
                if side[i] != x[actors[i]]:
                    side = 1 - side
            x[actors] = side
            component[actors] = root
            for a in actors.tolist():
                for other in member_of[a]:
                    if not done[other]:
                        done[other] = True
                        queue.append(other)
    if x0 is not None:
        for root in np.unique(component[component >= 0]):
            members = component == root
            if np.count_nonzero(x[members] != x0[members]) * 2 > np.count_nonzero(members):
                x[members] = 1 - x[members]
    return x


def _labels(sa: SignedArrays, x: np.ndarray) -> dict[Hashable, tuple[int, int]]:
    """Group keys (component, side) of the actors with ties."""
    comp = _components(sa)
    degree = sa.degree
    return {node: (int(comp[i]), int(x[i])) for i, node in enumerate(sa.nodes) if degree[i] > 0}


def name_groups(
    S: nx.Graph, groups: Mapping[Hashable, Hashable] | pd.Series, *, weight: str | None = "weight"
) -> pd.Series:
    """Relabel each group after its most central actor.

    The most central actor of a group is the one with the largest weighted
    number of signed ties in ``S`` (ties broken by sorted actor id), so the
    label is stable, meaningful ("the group of Assad's government") and the
    same however the solver numbered the groups.

    Parameters
    ----------
    S : networkx.Graph
        The signed graph the groups come from.
    groups : pandas.Series or Mapping
        Any label per actor; missing labels (``None``, NaN) stay missing.
    weight : str or None, default "weight"
        Edge attribute of tie weights (1 when absent).

    Returns
    -------
    pandas.Series
        Named ``"partition"``, indexed by the actors of ``S`` in graph order,
        values the id of each group's most central actor (``None`` where the
        label is missing).

    Examples
    --------
    >>> import networkx as nx
    >>> S = nx.Graph()
    >>> S.add_edges_from([("a", "b"), ("a", "c")], sign=1)
    >>> S.add_edge("c", "d", sign=-1)
    >>> name_groups(S, {"a": 0, "b": 0, "c": 0, "d": 1}).tolist()
    ['a', 'a', 'a', 'd']
    """
    nodes = list(S.nodes)
    rank = canonical_rank(nodes)
    strength = dict(S.degree(weight=weight))
    label = _group_labels(groups, nodes)
    leader: dict[object, int] = {}
    for i, key in enumerate(label):
        if key is None:
            continue
        best = leader.get(key)
        if best is None or (strength[nodes[i]], -rank[i]) > (strength[nodes[best]], -rank[best]):
            leader[key] = i
    values = [None if key is None else nodes[leader[key]] for key in label]
    return pd.Series(values, index=node_index(nodes), name="partition", dtype=object)


def frustrated_ties(
    S: nx.Graph, partition: Mapping[Hashable, Hashable] | pd.Series
) -> pd.DataFrame:
    """The ties left frustrated by a partition of the actors into groups.

    A tie is frustrated when it is positive between two different groups or
    negative inside one group.  Works for any number of groups (the
    partition of :func:`frustration`, of :func:`graph.balance.partition`, or
    any mapping actor -> label).  For an optimal two-group partition the
    number of rows (their weight, if weighted) is the frustration index.

    Parameters
    ----------
    S : networkx.Graph
        Undirected simple graph whose edges have ``sign`` in {+1, -1}.
    partition : pandas.Series or Mapping
        Group label of every actor that has a tie.

    Returns
    -------
    pandas.DataFrame
        One row per frustrated tie, in ``S.edges`` order, with columns
        ``source``, ``target`` (ends as stored in ``S``) and ``sign`` (int);
        empty (with those columns) when the partition is balanced.

    Raises
    ------
    ValueError
        If an edge has no valid sign or an actor with a tie has no group.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge("a", "b", sign=1)
    >>> G.add_edge("b", "c", sign=-1)
    >>> G.add_edge("a", "c", sign=1)
    >>> frustrated_ties(G, {"a": 0, "b": 0, "c": 1})  # a positive tie across groups
      source target  sign
    0      a      c     1
    >>> frustrated_ties(G, {"a": 0, "b": 0, "c": 0})  # a negative tie inside a group
      source target  sign
    0      b      c    -1
    """
    sa = signed_arrays(S, "balance.frustrated_ties")
    labels = []
    for i, node in enumerate(sa.nodes):
        try:
            label = partition[node]
        except (KeyError, IndexError):
            label = None
        if label is None or label is pd.NA or label != label:
            if sa.degree[i] > 0:
                raise ValueError(f"actor {node!r} has a tie but no group in `partition`")
            label = None
        labels.append(label)
    records = []
    for a, b, sign in zip(sa.u.tolist(), sa.v.tolist(), sa.s.tolist(), strict=True):
        same = labels[a] == labels[b]
        if (sign > 0 and not same) or (sign < 0 and same):
            records.append((sa.nodes[a], sa.nodes[b], sign))
    frame = pd.DataFrame.from_records(records, columns=["source", "target", "sign"])
    return frame.astype({"source": object, "target": object, "sign": np.int64})


def changed_sides(before: pd.Series, after: pd.Series) -> pd.Series:
    """Which actors changed sides from one partition to the next.

    Group labels need not match between the two partitions (a group can
    change its most central actor), so each group of ``before`` is followed
    to the group of ``after`` where most of its actors went (ties broken by
    label); an actor changed sides when it is not in that group.  Groups that
    merge (two parts of the network joined by new ties) change nobody's side;
    when a group splits, the smaller part changes sides.

    Parameters
    ----------
    before, after : pandas.Series
        Partitions (actor -> group label; missing for actors in no group).

    Returns
    -------
    pandas.Series
        Boolean, named ``"changed_sides"``, indexed by the actors of
        ``after``; False for actors not placed in both.

    Examples
    --------
    >>> import pandas as pd
    >>> before = pd.Series({"a": "a", "b": "a", "c": "a", "d": "d", "e": "d"})
    >>> after = pd.Series({"a": "b", "b": "b", "c": "e", "d": "e", "e": "e"})
    >>> changed_sides(before, after).tolist()
    [False, False, True, False, False]
    """
    old = before.reindex(after.index)
    both = old.notna() & after.notna()
    pairs = pd.DataFrame({"old": old[both].astype(str), "new": after[both].astype(str)})
    counts = pairs.value_counts().reset_index(name="actors")
    counts = counts.sort_values(["old", "actors", "new"], ascending=[True, False, True])
    destination = counts.drop_duplicates("old").set_index("old")["new"]
    changed = pd.Series(False, index=after.index, name="changed_sides")
    changed[both] = (pairs["new"] != pairs["old"].map(destination)).to_numpy()
    return changed
