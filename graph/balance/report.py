"""Every balance measure of a signed graph, its named groups and broken ties."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import pandas as pd

from graph.core.errors import visible
from graph.core.words import counted

from .arrays import node_index, signed_arrays
from .frustration_index import Frustration, frustrated_ties, frustration
from .measures import balanced_share, triangle_counts, walk_balance

__all__ = ["SUMMARY_MEMBERS", "BalanceReport", "balance_report", "groups_table"]

#: Without ``all_members``, :meth:`BalanceReport.text` lists this many members
#: of each group (the most central first) and counts the rest.
SUMMARY_MEMBERS = 12


@dataclass(frozen=True)
class BalanceReport:
    """The result of :func:`balance_report`.

    Attributes
    ----------
    measures : pandas.Series
        Named ``"balance"``: one value per measure (see :func:`balance_report`).
    frustration : Frustration
        The frustration index, its proof and the partition into groups.
    groups : pandas.DataFrame
        One row per group (see :func:`groups_table`).
    frustrated_ties : pandas.DataFrame
        The ties the partition leaves frustrated (``source``, ``target``,
        ``sign``), from :func:`graph.balance.frustrated_ties`.
    names : pandas.Series
        Display name of every actor (its ``name`` attribute, else its id).
    """

    measures: pd.Series
    frustration: Frustration
    groups: pd.DataFrame
    frustrated_ties: pd.DataFrame
    names: pd.Series = field(repr=False)

    def text(self, *, all_members: bool = False) -> str:
        """The report as plain text, groups and ties named.

        Parameters
        ----------
        all_members : bool, default False
            List every member of every group and every frustrated tie;
            otherwise the :data:`SUMMARY_MEMBERS` most central members of
            each group and as many ties, with a count of the rest.

        Returns
        -------
        str
            Names escaped with :func:`graph.core.errors.visible`: a name cannot
            break a line or send a terminal control sequence.
        """

        def name(actor: object) -> str:
            return visible(self.names[actor])

        result = self.frustration
        lines = [self.measures.to_string(), ""]
        status = "proven optimal" if result.proven else f"not proven, gap {result.gap:.1%}"
        lines.append(
            f"frustration index L = {result.L} ({status}; lower bound {result.lower_bound}; "
            f"{result.solver}, {result.seconds:.2f} s, method {result.method})"
        )
        limit = None if all_members else SUMMARY_MEMBERS
        for leader, row in self.groups.iterrows():
            members = [name(a) for a in row["members"]]
            shown = members if limit is None else members[:limit]
            more = len(members) - len(shown)
            tail = f", … and {more} more" if more else ""
            lines.append(
                f"\ngroup of {name(leader)} ({counted(row['actors'], 'actor')}): "
                + ", ".join(shown)
                + tail
            )
        unplaced = result.unplaced
        if unplaced:
            shown = [name(a) for a in (unplaced if limit is None else unplaced[:limit])]
            more = len(unplaced) - len(shown)
            lines.append(
                f"\nin no group (no support or opposition tie): {counted(len(unplaced), 'actor')}: "
                + ", ".join(shown)
                + (f", … and {more} more" if more else "")
            )
        ties = self.frustrated_ties
        # L = 0: a heading with nothing under it read as if the list had been cut off.
        lines.append("\nties that break the balance:" + ("" if len(ties) else " none"))
        rows = ties if limit is None else ties.head(limit)
        for source, target, sign in rows.itertuples(index=False):
            kind = "support" if sign > 0 else "opposition"
            lines.append(f"  {name(source)} - {name(target)} ({kind})")
        if len(ties) > len(rows):
            lines.append(f"  … and {len(ties) - len(rows)} more (--all lists them)")
        return "\n".join(lines)


def groups_table(S: nx.Graph, partition: pd.Series) -> pd.DataFrame:
    """One row per group of a partition, named after its most central actor.

    Parameters
    ----------
    S : networkx.Graph
        The signed graph.
    partition : pandas.Series
        Group labels (e.g. ``frustration(S).partition``).

    Returns
    -------
    pandas.DataFrame
        Indexed by group label (named ``"group"``), largest group first (then
        by label), with columns ``name`` (the display name of the label's
        actor, else the label), ``actors`` (int) and ``members`` (tuple of
        actor ids, most signed ties first, then by id).

    Examples
    --------
    >>> from graph.balance import frustration
    >>> from graph.datasets import highland_tribes
    >>> S = highland_tribes()
    >>> groups_table(S, frustration(S).partition)[["actors"]]
           actors
    group
    GAHUK      12
    GAMA        4
    """
    degree = dict(S.degree())
    names = dict(S.nodes(data="name", default=None))
    rows = {}
    for label, members in partition.dropna().groupby(partition.dropna(), sort=True):
        ordered = sorted(members.index, key=lambda a: (-degree[a], str(a)))
        rows[label] = (names.get(label) or str(label), len(ordered), tuple(ordered))
    table = pd.DataFrame.from_dict(rows, orient="index", columns=["name", "actors", "members"])
    table.index.name = "group"
    if table.empty:
        return table.astype({"actors": np.int64})
    order = sorted(table.index, key=lambda label: (-table.loc[label, "actors"], str(label)))
    return table.loc[order]


def balance_report(
    S: nx.Graph,
    *,
    method: str = "auto",
    time_limit: float | None = 60.0,
    weight: str | None = "weight",
    start: pd.Series | None = None,
) -> BalanceReport:
    """All balance measures of a signed graph, its groups and broken ties.

    Parameters
    ----------
    S : networkx.Graph
        Undirected simple graph whose edges have ``sign`` in {+1, -1}.
    method, time_limit, weight, start
        Passed to :func:`graph.balance.frustration`.

    Returns
    -------
    BalanceReport
        Its ``measures`` Series, named ``"balance"``, has the entries

        ``actors``, ``ties``, ``positive_ties``, ``negative_ties``,
        ``unplaced`` (actors with no signed tie: in no group),
        ``components`` (connected components of the placed actors),
        ``triangles`` and the census ``triangles_+++``, ``triangles_++-``,
        ``triangles_+--``, ``triangles_---``;
        ``triangle_balance`` (strict) and ``weak_triangle_balance`` (Davis),
        ``nan`` without triangles; ``walk_balance`` (Estrada & Benzi);
        ``frustration`` (the frustration index L), ``frustration_proven``
        (False if L is only an upper bound), ``frustration_lower_bound``,
        ``frustration_gap``, ``frustration_share`` (L / total weight) and
        ``normalised_balance`` = 1 - L / (weight / 2) (Aref & Wilson's
        normalised line index; ``nan`` without ties); ``groups`` (groups of
        the partition).

    Examples
    --------
    >>> from graph.datasets import highland_tribes
    >>> report = balance_report(highland_tribes())
    >>> report.measures
    actors                           16
    ties                             58
    positive_ties                    29
    negative_ties                    29
    unplaced                          0
    components                        1
    triangles                        68
    triangles_+++                    19
    triangles_++-                     2
    triangles_+--                    40
    triangles_---                     7
    triangle_balance           0.867647
    weak_triangle_balance      0.970588
    walk_balance               0.357576
    frustration                       7
    frustration_proven             True
    frustration_lower_bound           7
    frustration_gap                 0.0
    frustration_share           0.12069
    normalised_balance         0.758621
    groups                            2
    Name: balance, dtype: object
    >>> report.groups["name"].tolist()
    ['GAHUK', 'GAMA']
    """
    sa = signed_arrays(S, "balance.balance_report", weight=weight)
    census = triangle_counts(sa)
    result = frustration(S, method=method, time_limit=time_limit, weight=weight, start=start)
    total = float(sa.w.sum())
    unplaced = len(result.unplaced)
    placed = S.subgraph(a for a in S if S.degree(a) > 0)
    groups = groups_table(S, result.partition)
    values: dict[str, object] = {
        "actors": sa.n,
        "ties": sa.m,
        "positive_ties": int(np.count_nonzero(sa.s > 0)),
        "negative_ties": int(np.count_nonzero(sa.s < 0)),
        "unplaced": unplaced,
        "components": nx.number_connected_components(placed) if len(placed) else 0,
        "triangles": sum(census.values()),
        **{f"triangles_{key}": count for key, count in census.items()},
        "triangle_balance": balanced_share(census),
        "weak_triangle_balance": balanced_share(census, weak=True),
        "walk_balance": walk_balance(S),
        "frustration": result.L,
        "frustration_proven": result.proven,
        "frustration_lower_bound": result.lower_bound,
        "frustration_gap": result.gap,
        "frustration_share": result.L / total if total else math.nan,
        "normalised_balance": 1.0 - result.L / (total / 2) if total else math.nan,
        "groups": len(groups),
    }
    names = pd.Series(
        [str(name if name is not None else a) for a, name in S.nodes(data="name")],
        index=node_index(list(S)),
        dtype=object,
    )
    return BalanceReport(
        measures=pd.Series(values, name="balance", dtype=object),
        frustration=result,
        groups=groups,
        frustrated_ties=frustrated_ties(S, result.partition),
        names=names,
    )
