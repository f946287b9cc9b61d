"""What if an actor left the conflict? Remove it and compare.

:func:`without` gives the actor graph minus some actors and every relation
they take part in; :func:`compare` sets two actor graphs side by side, one
row per actor: how its centrality changes and whether it ends up in another
of the two camps structural balance finds (:func:`graph.balance.frustration`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

import networkx as nx
import pandas as pd

from .balance import frustrated_ties, frustration
from .build import signed_graph
from .metrics import centrality

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
    metrics: Sequence[str] = COMPARED_METRICS,
) -> pd.DataFrame:
    """How each actor's centrality and camp change from one graph to another.

    Typically ``compare(G, without(G, "russia"))``, or two snapshots of the
    same conflict. Camps are an optimal two-camp split of each signed graph:
    one that leaves the fewest ties frustrated (the exact
    :func:`graph.balance.frustration` index). A graph often has several
    optimal splits, and which camp is called 0 or 1 is arbitrary, so the
    ``after`` split is chosen to stay close to the ``before`` one: the
    ``before`` camps, improved by moving single actors while that frustrates
    fewer ties, are kept if they are optimal for the ``after`` graph;
    otherwise the solver's optimal split is used, its labels swapped in each
    connected part where that keeps more actors in their camp. Either way
    the ``after`` split is optimal, so a camp change means the data no
    longer fit the old sides as well.

    Parameters
    ----------
    G_before, G_after : networkx.MultiDiGraph
        Two actor graphs.
    metrics : sequence of str, default :data:`COMPARED_METRICS`
        Columns of :func:`graph.centrality` to compare.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id (every actor of either graph, ``before`` order
        first), with ``name``, then for each metric ``<metric>_before``,
        ``<metric>_after`` and ``<metric>_change`` (after minus before; NaN
        for an actor missing from one graph), then ``camp_before``,
        ``camp_after`` (nullable integers, ``<NA>`` for an actor that is
        absent or has no support or opposition tie) and ``camp_changed``
        (True only when both camps are known and differ).

        An actor whose ties do not decide its side (one accusing both camps,
        say) can still change camp when the old split is no longer optimal:
        read ``camp_changed`` with :func:`graph.balance.frustrated_ties` in
        hand.

    Raises
    ------
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
    >>> table.loc["russia", "camp_after"] is pd.NA
    True
    >>> int(table["camp_changed"].sum())
    0
    """
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
    S_before, S_after = signed_graph(G_before), signed_graph(G_after)
    camps_before = _without_isolates(frustration(S_before)[1], S_before)
    camps_after = _without_isolates(_closest_optimal_split(S_after, camps_before), S_after)
    table["camp_before"] = camps_before.reindex(actors)
    table["camp_after"] = camps_after.reindex(actors)
    changed = table["camp_before"] != table["camp_after"]
    table["camp_changed"] = changed.fillna(False).astype(bool)
    return table


def _without_isolates(camps: pd.Series, S: nx.Graph) -> pd.Series:
    """Camps as nullable integers, ``<NA>`` for actors with no tie to place them."""
    camps = camps.astype("Int64")
    camps[[actor for actor in camps.index if S.degree(actor) == 0]] = pd.NA
    return camps


def _closest_optimal_split(S: nx.Graph, reference: pd.Series) -> pd.Series:
    """An optimal two-camp split of ``S`` that keeps actors in their ``reference`` camp."""
    fewest, optimal = frustration(S)
    aligned = optimal.copy()
    for part in nx.connected_components(S):
        members = [actor for actor in optimal.index if actor in part]
        mine, theirs = optimal[members], reference.reindex(members)
        known = theirs.notna()
        if (mine[known] != theirs[known]).sum() > (mine[known] == theirs[known]).sum():
            aligned[members] = 1 - mine
    kept = reference.reindex(aligned.index).fillna(aligned).astype("int64")
    kept = _improved(S, kept)
    return kept if len(frustrated_ties(S, kept)) == fewest else aligned


def _improved(S: nx.Graph, camps: pd.Series) -> pd.Series:
    """Move single actors, in sorted order, to the other camp while that frustrates fewer ties."""
    camps = camps.copy()
    moved = True
    while moved:
        moved = False
        for actor in sorted(camps.index):
            frustrated = sum(
                (sign > 0) != (camps[actor] == camps[other])
                for _, other, sign in S.edges(actor, data="sign")
            )
            if 2 * frustrated > S.degree(actor):
                camps[actor] = 1 - camps[actor]
                moved = True
    return camps
