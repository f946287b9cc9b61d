"""What if an actor left the conflict? Remove it and compare.

:func:`without` gives the actor graph minus some actors and every relation
they take part in; :func:`compare` sets two actor graphs side by side, one
row per actor: how its centrality changes and whether it changes sides in
the two-group partition structural balance finds
(:func:`graph.balance.frustration`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Sequence

import networkx as nx
import pandas as pd

from graph.analysis.metrics import centrality
from graph.balance import changed_sides, frustration
from graph.network.build import signed_graph, snapshot

__all__ = ["COMPARED_METRICS", "compare", "without"]

#: The :func:`graph.centrality` columns :func:`compare` reports by default.
COMPARED_METRICS = ("degree", "signed_degree", "betweenness", "pagerank", "pn")


def without(G: nx.MultiDiGraph, actors: Hashable | Iterable[Hashable]) -> nx.MultiDiGraph:
    """The actor graph with some actors, and all their relations, taken out.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`. It is not changed.
    actors : str or iterable of str
        One actor id or several.

    Returns
    -------
    networkx.MultiDiGraph
        A new graph; ``H.graph["without"]`` lists the removed ids, sorted.

    Raises
    ------
    KeyError
        If an id is not an actor of ``G``; the message lists every unknown id.

    Examples
    --------
    >>> import graph
    >>> G = graph.load()
    >>> H = without(G, "russia")
    >>> G.number_of_edges() - H.number_of_edges()
    9
    >>> "russia" in G, "russia" in H, H.graph["without"]
    (True, False, ['russia'])
    >>> without(G, ["russia", "moscow"])
    Traceback (most recent call last):
    ...
    KeyError: "not actors of the graph: 'moscow'"
    """
    removed = [actors] if isinstance(actors, str) or not isinstance(actors, Iterable) else actors
    removed = sorted(set(removed))
    unknown = [actor for actor in removed if actor not in G]
    if unknown:
        raise KeyError("not actors of the graph: " + ", ".join(map(repr, unknown)))
    H = G.copy()
    H.remove_nodes_from(removed)
    H.graph["without"] = [*G.graph.get("without", []), *removed]
    return H


def compare(
    G_before: nx.MultiDiGraph,
    G_after: nx.MultiDiGraph,
    *,
    at: str | dt.date | None = None,
    metrics: Sequence[str] = COMPARED_METRICS,
) -> pd.DataFrame:
    """How each actor's centrality and group change from one graph to another.

    Typically ``compare(G, without(G, "russia"))``, or two snapshots of the
    same conflict. Groups are a two-group partition of each signed graph that
    leaves the fewest ties frustrated (:func:`graph.balance.frustration`). A
    graph often has several optimal partitions, so the ``after`` one starts
    from the ``before`` one and keeps it wherever it is still optimal
    (``start=``): an actor that changes sides does so because the data no
    longer fit the old sides as well.

    Parameters
    ----------
    G_before, G_after : networkx.MultiDiGraph
        Two actor graphs.
    at : str or datetime.date, optional
        Compare the relations active at this date or period only (see
        :func:`graph.snapshot`).
    metrics : sequence of str, default :data:`COMPARED_METRICS`
        Columns of :func:`graph.centrality` to compare.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id (every actor of either graph, ``before`` order
        first), with ``name``, then for each metric ``<metric>_before``,
        ``<metric>_after`` and ``<metric>_change`` (after minus before; NaN
        for an actor missing from one graph), then ``partition_before``,
        ``partition_after`` (the group: id of its most central actor, see
        :func:`graph.balance.name_groups`; missing for an actor that is
        absent or has no support or opposition tie) and ``changed_sides``
        (:func:`graph.balance.changed_sides`: True only when the actor is
        placed in both and its group's majority went the other way).

    Raises
    ------
    TypeError
        If ``G_before`` or ``G_after`` is not a NetworkX graph (say, an actor
        id: use :func:`without` to take actors out).
    KeyError
        If a metric is not a column of :func:`graph.centrality`.

    Examples
    --------
    What if Russia withdraws?

    >>> import graph
    >>> G = graph.load()
    >>> table = compare(G, without(G, "russia"))
    >>> table.loc["assad_government", ["degree_before", "degree_after", "degree_change"]].tolist()
    [15.0, 12.0, -3.0]
    >>> pd.isna(table.loc["russia", "partition_after"])
    True
    >>> int(table["changed_sides"].sum())
    0
    """
    for argument, value in (("G_before", G_before), ("G_after", G_after)):
        if not isinstance(value, nx.Graph):
            raise TypeError(
                f"compare expected two actor graphs (networkx graphs), but {argument} is "
                f"{type(value).__name__} {value!r}; to take actors out, "
                "compare(G, graph.without(G, actors))"
            )
    if at is not None:
        G_before, G_after = snapshot(G_before, at), snapshot(G_after, at)
    before, after = centrality(G_before), centrality(G_after)
    unknown = [metric for metric in metrics if metric not in before.columns]
    if unknown:
        raise KeyError("not centrality columns: " + ", ".join(map(repr, unknown)))
    actors = list(before.index) + [actor for actor in after.index if actor not in before.index]
    names = before["name"].combine_first(after["name"])
    table = pd.DataFrame({"name": names.reindex(actors)}, index=pd.Index(actors, name="actor"))
    for metric in metrics:
        old = before[metric].reindex(actors).astype("float64")
        new = after[metric].reindex(actors).astype("float64")
        table[f"{metric}_before"] = old
        table[f"{metric}_after"] = new
        table[f"{metric}_change"] = new - old
    first = frustration(signed_graph(G_before)).partition
    second = frustration(signed_graph(G_after), start=first).partition
    table["partition_before"] = pd.Series([first.get(a) for a in actors], index=table.index)
    table["partition_after"] = pd.Series([second.get(a) for a in actors], index=table.index)
    table["changed_sides"] = changed_sides(first, second).reindex(actors, fill_value=False)
    return table
