"""How the conflict changes over time: measures per period, and what changed.

:func:`timeline` takes the relations active in each year (quarter, month or
week), as :func:`graph.snapshot` would, and measures the network and its structural balance;
:func:`diff` lists the support/opposition ties that appeared, ended or
flipped sign between two dates.
"""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pandas as pd

from graph.analysis.metrics import summary
from graph.balance import balance_report, changed_sides
from graph.network.build import active_between, period_range, signed_graph

__all__ = ["TIMELINE_BALANCE", "diff", "timeline"]

#: The :func:`graph.balance.balance_report` measures :func:`timeline` adds to
#: :func:`graph.summary`'s (which already counts actors, relations and ties).
TIMELINE_BALANCE = (
    "triangles",
    "triangle_balance",
    "weak_triangle_balance",
    "walk_balance",
    "frustration",
    "frustration_proven",
    "normalised_balance",
    "groups",
)

#: Accepted ``freq`` values (pandas aliases, old and new spellings) and the
#: period they cut.
_FREQUENCIES = {
    "Y": "Y",
    "YE": "Y",
    "A": "Y",
    "Q": "Q",
    "QE": "Q",
    "M": "M",
    "ME": "M",
    "W": "W",
}


def timeline(
    G: nx.MultiDiGraph, freq: str = "Y", *, time_limit: float | None = 10.0
) -> pd.DataFrame:
    """Network and balance measures for each year, quarter, month or week.

    Each period's partition into two groups starts from the previous
    period's (``start=`` of :func:`graph.balance.frustration`): the solver
    begins from a near-optimal split, and groups only change when the data
    demand it, so ``changed_sides`` counts real moves.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    freq : {"Y", "Q", "M", "W"}, default "Y"
        One row per calendar year, quarter, month or week (Monday to Sunday)
        the data's dates cover (:func:`graph.network.build.period_range`:
        from the first day of the earliest date to the last day any date
        covers, so an end of ``"2016"`` counts every month of 2016). pandas' aliases
        ``"YE"``, ``"A"``, ``"QE"``, ``"ME"`` are accepted too. A relation
        counts in every period it is active on at least one day of; undated
        starts and ends are open (see :func:`graph.snapshot`).
    time_limit : float or None, default 10.0
        Seconds for each period's proof of the frustration index (see
        :func:`graph.balance.frustration`); a period whose proof does not
        finish has ``frustration_proven`` False and its best value.

    Returns
    -------
    pandas.DataFrame
        Indexed by a :class:`pandas.PeriodIndex` named ``"period"``, with the
        numeric entries of :func:`graph.summary` (dates left out), the
        :data:`TIMELINE_BALANCE` measures of
        :func:`graph.balance.balance_report` for the relations active in the
        period, and ``changed_sides``: actors whose group differs from the
        previous period's (:func:`graph.balance.changed_sides`; 0 in the
        first period).

    Raises
    ------
    ValueError
        If ``freq`` is not one of the accepted values, or no relation is dated.

    Examples
    --------
    >>> import graph
    >>> years = timeline(graph.load())
    >>> years.index.astype(str).tolist()
    ['2012', '2013', '2014', '2015', '2016']
    >>> years[["relations", "negative_ties", "frustration", "changed_sides"]]
            relations  negative_ties  frustration  changed_sides
    period
    2012           18              3            0              0
    2013           18              3            0              0
    2014           18              3            0              0
    2015           24              8            1              0
    2016           34             12            2              0
    >>> len(timeline(graph.load(), "QE"))
    18

    References
    ----------
    See :func:`graph.balance.balance_report` for each balance measure.
    """
    if not isinstance(freq, str) or freq.upper() not in _FREQUENCIES:
        raise ValueError(
            "freq must be 'Y' (years), 'Q' (quarters), 'M' (months) or 'W' (weeks), or the "
            f"pandas aliases 'YE', 'QE', 'ME'; not {freq!r}"
        )
    periods = period_range(G, _FREQUENCIES[freq.upper()])
    if periods.empty:
        raise ValueError("no relation is dated: there is no time span to cut into periods")
    rows: list[pd.Series] = []
    previous, seen = None, None
    for period in periods:
        active = active_between(G, period.start_time.date(), period.end_time.date())
        edges = frozenset(active.edges(keys=True))
        if edges == seen:  # same relations as the period before: same measures
            rows.append(rows[-1].copy())
            rows[-1]["changed_sides"] = 0
            continue
        counts = summary(active).drop(["first_date", "last_date"])
        report = balance_report(signed_graph(active), time_limit=time_limit, start=previous)
        partition = report.frustration.partition
        moved = 0 if previous is None else int(changed_sides(previous, partition).sum())
        balance = report.measures[list(TIMELINE_BALANCE)]
        rows.append(pd.concat([counts, balance, pd.Series({"changed_sides": moved})]))
        previous, seen = partition, edges
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
        ``""`` when none), ``relations_before`` and ``relations_after`` (who
        acted on whom, in words: "Russia strikes from the air Free Syrian
        Army", with the vocabulary's labels, ``"; "``-separated, ``""`` when
        none). Ties with the same sign at both dates are left out.

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
    labels = {
        kind: row.get("label", kind) for kind, row in G.graph.get("relation_types", {}).items()
    }
    names = dict(G.nodes(data="name", default=None))
    pairs = sorted({tuple(sorted((u, v))) for S in (before, after) for u, v in S.edges() if u != v})
    rows, index = [], []
    for u, v in pairs:
        old, new = _tie(before, u, v, labels, names), _tie(after, u, v, labels, names)
        if old[0] == new[0]:
            continue
        change = "appeared" if old[0] is None else "ended" if new[0] is None else "flipped"
        rows.append((change, old[0], new[0], old[1], new[1], old[2], new[2]))
        index.append((u, v))
    table = pd.DataFrame(
        rows,
        columns=[
            "change",
            "sign_before",
            "sign_after",
            "types_before",
            "types_after",
            "relations_before",
            "relations_after",
        ],
        index=pd.MultiIndex.from_arrays(
            [[u for u, _ in index], [v for _, v in index]], names=["actor", "other"]
        ),
    )
    table = table.astype({"sign_before": "Int64", "sign_after": "Int64"})
    order = {"appeared": 0, "ended": 1, "flipped": 2}
    return table.sort_values("change", key=lambda c: c.map(order), kind="stable")


def _tie(
    S: nx.Graph, u: str, v: str, labels: dict[str, str], names: dict[str, str | None]
) -> tuple[int | None, str, str]:
    """The sign of the tie between ``u`` and ``v`` (None if none), its types and its relations."""
    if not S.has_edge(u, v):
        return None, "", ""
    relations = S[u][v]["relations"]
    sentences = sorted(
        {
            f"{names.get(r['source']) or r['source']} {labels.get(r['type'], r['type'])} "
            f"{names.get(r['target']) or r['target']}"
            for r in relations
        }
    )
    return (
        S[u][v]["sign"],
        ", ".join(sorted({r["type"] for r in relations})),
        "; ".join(sentences),
    )
