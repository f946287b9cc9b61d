"""Balance month by month, and without each central actor, as plain data for a page."""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx
import numpy as np
import pandas as pd

from graph.balance.frustration_index import Frustration, changed_sides, frustrated_ties, frustration

__all__ = ["VIEW_VERSION", "balance_view"]

#: Version of the structure :func:`balance_view` returns.
VIEW_VERSION = 1


def balance_view(
    G: nx.MultiDiGraph,
    *,
    top: int = 10,
    time_limit: float | None = 10.0,
    max_ties: int | None = None,
) -> dict[str, object]:
    """Precompute what a page needs to show structural balance offline.

    For the whole data, for every month the data cover, and for the graph
    without each of its ``top`` most central actors: the frustration index
    (proven or not), the two-group partition named after each group's most
    central actor, the ties it leaves frustrated, and who changed sides.
    Each month starts from the previous month's partition
    (:func:`graph.balance.frustration` with ``start=``), and each what-if
    from the whole data's, so groups only change when the data demand it; a
    month with the same active relations as the one before reuses its result.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    top : int, default 10
        How many actors get a what-if: those with the most signed ties in the
        whole data (ties broken by id), the same centrality that names groups.
    time_limit : float or None, default 10.0
        Seconds for each proof (see :func:`graph.balance.frustration`).
    max_ties : int, optional
        Compute balance only where the signed graph has at most this many
        ties: a month above it is listed in ``months_over`` instead of
        ``months``, and when the whole data are above it ``all`` is None and
        ``without`` empty. No limit by default.

    Returns
    -------
    dict
        Plain JSON-ready data (str, int, float, bool, None, lists, dicts;
        actor ids as in ``G``, strings for data from :func:`graph.load`)::

            {"version": 1,
             "all": STATE,                      # every relation, whatever its dates
             "months": [{"month": "2012-07", **STATE, "changed_sides": [id, ...]}, ...],
             "without": [{"actor": id, **STATE, "changed_sides": [id, ...]}, ...],
             "months_over": ["2012-08", ...]}   # months above max_ties

        where ``STATE`` is ``{"L": int | float, "proven": bool, "lower_bound":
        int | float, "groups": [{"id": leader id, "members": [id, ...]}, ...],
        "unplaced": [id, ...], "frustrated": [[source, target, sign], ...]}``:
        groups largest first, members in graph order; ``unplaced`` are actors
        with no signed tie (in no group); ``changed_sides`` lists the actors
        whose group differs from the previous month's (the first month: none)
        or, for a what-if, from the whole data's
        (:func:`graph.balance.changed_sides`). ``months`` is empty when no
        relation is dated. A month's ``changed_sides`` compares it with the
        month before it in ``months``.

    Examples
    --------
    >>> import graph
    >>> view = balance_view(graph.load(), top=2)
    >>> view["all"]["L"], view["all"]["proven"], [g["id"] for g in view["all"]["groups"]]
    (2, True, ['free_syrian_army', 'assad_government'])
    >>> [(m["month"], m["L"]) for m in view["months"]][-3:]
    [('2016-10', 2), ('2016-11', 2), ('2016-12', 2)]
    >>> [w["actor"] for w in view["without"]]
    ['assad_government', 'free_syrian_army']
    """
    from graph.analysis.over_time import periods
    from graph.network.build import active_between, signed_graph, span_days

    S = signed_graph(G)

    def within(H: nx.Graph) -> bool:
        return max_ties is None or H.number_of_edges() <= max_ties

    whole = frustration(S, time_limit=time_limit) if within(S) else None
    view: dict[str, object] = {
        "version": VIEW_VERSION,
        "all": None if whole is None else _state(S, whole),
    }

    months, over = [], []
    labels = periods(G, by="month")
    if labels:
        previous: pd.Series | None = None
        seen_edges: bytes | None = None
        # The state of the last edge set seen; None when it is over max_ties.
        state: dict[str, object] | None = {}
        # The relations as arrays (first and last day, pair number, signed or
        # not), so that a month's active relations and signed pairs are array
        # operations: at 200,000 relations, sets of tuples took seconds a month.
        keys = list(G.edges(keys=True))
        spans = [span_days(G.edges[k].get("start"), G.edges[k].get("end")) for k in keys]
        begins = np.array([first_day.toordinal() for first_day, _ in spans], dtype=np.int64)
        ends = np.array([last_day.toordinal() for _, last_day in spans], dtype=np.int64)
        pair_of: dict[frozenset, int] = {}
        pair = np.array([pair_of.setdefault(frozenset(k[:2]), len(pair_of)) for k in keys])
        signed = np.array([bool(G.edges[k].get("sign", 0)) and k[0] != k[1] for k in keys])
        for label in labels:
            month = pd.Period(label, freq="M")
            start, end = month.start_time.date(), month.end_time.date()
            active = (begins <= end.toordinal()) & (ends >= start.toordinal())
            edges = np.packbits(active).tobytes()
            moved: list[Hashable] = []
            if edges != seen_edges:
                seen_edges = edges
                # Counting the month's signed pairs first spares building a
                # graph for a month that is over the limit anyway.
                pairs = len(np.unique(pair[active & signed]))
                if max_ties is not None and pairs > max_ties:
                    state = None
                elif within(S_month := signed_graph(active_between(G, start, end))):
                    result = frustration(S_month, time_limit=time_limit, start=previous)
                    if previous is not None:
                        moved = _moved(previous, result.partition)
                    state, previous = _state(S_month, result), result.partition
                else:
                    state = None
            if state is None:
                over.append(label)
            else:
                months.append({"month": label, **state, "changed_sides": moved})
    view["months"] = months
    view["months_over"] = over

    degree = dict(S.degree())
    central = sorted(S, key=lambda actor: (-degree[actor], str(actor)))[: top if whole else 0]
    without = []
    for actor in central:
        S_without = S.copy()
        S_without.remove_node(actor)
        result = frustration(S_without, time_limit=time_limit, start=whole.partition)  # type: ignore[union-attr]
        moved = _moved(whole.partition, result.partition)  # type: ignore[union-attr]
        without.append({"actor": actor, **_state(S_without, result), "changed_sides": moved})
    view["without"] = without
    return view


def _moved(before: pd.Series, after: pd.Series) -> list[Hashable]:
    # Most months keep every placed actor's group label, and then nobody
    # changed sides; changed_sides costs a groupby, twice this check.
    old = before.reindex(after.index)
    both = old.notna() & after.notna()
    if (old[both] == after[both]).all():
        return []
    changed = changed_sides(before, after)
    return changed.index[changed].tolist()


def _state(S: nx.Graph, result: Frustration) -> dict[str, object]:
    """One partition as plain data."""
    partition = result.partition
    groups = [
        {"id": leader, "members": members.index.tolist()}
        for leader, members in partition.dropna().groupby(partition.dropna(), sort=False)
    ]
    groups.sort(key=lambda group: (-len(group["members"]), str(group["id"])))
    ties = frustrated_ties(S, partition)
    return {
        "L": result.L,
        "proven": result.proven,
        "lower_bound": result.lower_bound,
        "groups": groups,
        "unplaced": result.unplaced,
        "frustrated": [[u, v, int(sign)] for u, v, sign in ties.itertuples(index=False)],
    }
