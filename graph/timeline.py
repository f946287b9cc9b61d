"""How the conflict changes over time: measures per period, and what changed.

:func:`timeline` takes the relations active in each year (or month) with
:func:`graph.snapshot` and measures the network and its structural balance;
:func:`diff` lists the support/opposition ties that appeared, ended or
flipped sign between two dates.
"""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pandas as pd

from .balance import balance_report
from .build import signed_graph, snapshot
from .dates import as_period
from .metrics import date_range, summary

__all__ = ["TIMELINE_BALANCE", "diff", "timeline"]

#: The :func:`graph.balance.balance_report` entries :func:`timeline` adds to
#: :func:`graph.summary`'s (which already counts actors, relations and ties).
TIMELINE_BALANCE = (
    "triangles",
    "triangle_balance",
    "weak_triangle_balance",
    "walk_balance",
    "frustration",
    "frustration_exact",
    "normalised_balance",
)

_FREQUENCIES = {"Y": "year", "M": "month"}


def timeline(G: nx.MultiDiGraph, freq: str = "Y") -> pd.DataFrame:
    """Network and balance measures for each year or month the data cover.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    freq : {"Y", "M"}, default "Y"
        One row per calendar year or per month, from the period of the
        earliest date in the data to that of the latest (see
        :func:`graph.metrics.date_range`). A relation counts in every period
        it is active on at least one day of; undated starts and ends are open
        (see :func:`graph.snapshot`).

    Returns
    -------
    pandas.DataFrame
        Indexed by a :class:`pandas.PeriodIndex` named ``"period"``, with the
        numeric entries of :func:`graph.summary` (dates left out) and the
        :data:`TIMELINE_BALANCE` entries of
        :func:`graph.balance.balance_report` for the relations active in the
        period.

    Raises
    ------
    ValueError
        If ``freq`` is not ``"Y"`` or ``"M"``, or no relation is dated.

    Examples
    --------
    >>> import graph
    >>> years = timeline(graph.load())
    >>> years.index.astype(str).tolist()
    ['2012', '2013', '2014', '2015', '2016']
    >>> years[["relations", "negative_ties", "frustration"]]
            relations  negative_ties  frustration
    period
    2012           18              3            0
    2013           18              3            0
    2014           18              3            0
    2015           24              8            1
    2016           34             12            2

    References
    ----------
    See :func:`graph.balance.balance_report` for each balance measure.
    """
    if freq not in _FREQUENCIES:
        raise ValueError(f"freq must be 'Y' (years) or 'M' (months), not {freq!r}")
    first, last = date_range(G)
    if first is None or last is None:
        raise ValueError("no relation is dated: there is no time span to cut into periods")
    periods = pd.period_range(as_period(first)[0], as_period(last)[0], freq=freq, name="period")
    rows = []
    for period in periods:
        active = snapshot(G, str(period))
        counts = summary(active).drop(["first_date", "last_date"])
        balance = balance_report(signed_graph(active))[list(TIMELINE_BALANCE)]
        rows.append(pd.concat([counts, balance]))
    table = pd.DataFrame(rows, index=periods)
    return table.infer_objects()


def diff(G: nx.MultiDiGraph, a: str | dt.date, b: str | dt.date) -> pd.DataFrame:
    """The support/opposition ties that appeared, ended or flipped from ``a`` to ``b``.

    Compares :func:`graph.signed_graph` at the two dates: one tie per pair of
    actors, with the sign of its active relations (neutral relations are
    left out, as there).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    a, b : str or datetime.date
        The dates or periods to compare (``"2015"``, ``"2016-07"``,
        ``"2016-12-22"``...); changes are read from ``a`` to ``b``.

    Returns
    -------
    pandas.DataFrame
        Indexed by the pair (``actor``, ``other``; ``actor`` sorts first),
        sorted by change then pair, with columns ``change`` (``"appeared"``,
        ``"ended"`` or ``"flipped"``), ``sign_before`` and ``sign_after``
        (+1, -1 or ``<NA>`` when there was no tie), ``types_before`` and
        ``types_after`` (the relation types behind the tie, comma-separated,
        ``""`` when none). Ties with the same sign at both dates are left out.

    Raises
    ------
    ValueError
        If a date is malformed.

    Examples
    --------
    What the Russian air campaign (30 September 2015) changed:

    >>> import graph
    >>> changes = diff(graph.load(), "2015-09-29", "2015-10")
    >>> changes[["change", "sign_after", "types_after"]]
                                        change  sign_after  types_after
    actor                    other
    eastern_aleppo_civilians russia   appeared          -1  air_strikes
    free_syrian_army         russia   appeared          -1  air_strikes

    Russia's tie to the government kept its sign (support) and is not listed.
    """
    before, after = signed_graph(G, at=a), signed_graph(G, at=b)
    pairs = sorted({tuple(sorted((u, v))) for S in (before, after) for u, v in S.edges() if u != v})
    rows, index = [], []
    for u, v in pairs:
        old, new = _tie(before, u, v), _tie(after, u, v)
        if old[0] == new[0]:
            continue
        change = "appeared" if old[0] is None else "ended" if new[0] is None else "flipped"
        rows.append((change, old[0], new[0], old[1], new[1]))
        index.append((u, v))
    table = pd.DataFrame(
        rows,
        columns=["change", "sign_before", "sign_after", "types_before", "types_after"],
        index=pd.MultiIndex.from_arrays(
            [[u for u, _ in index], [v for _, v in index]], names=["actor", "other"]
        ),
    )
    table = table.astype({"sign_before": "Int64", "sign_after": "Int64"})
    order = {"appeared": 0, "ended": 1, "flipped": 2}
    return table.sort_values("change", key=lambda c: c.map(order), kind="stable")


def _tie(S: nx.Graph, u: str, v: str) -> tuple[int | None, str]:
    """The sign of the tie between ``u`` and ``v`` (None if none) and its relation types."""
    if not S.has_edge(u, v):
        return None, ""
    edge = S[u][v]
    return edge["sign"], ", ".join(sorted({r["type"] for r in edge["relations"]}))
