"""Build the actor graph from the validated tables, and views of it.

Data flows one way: CSV files → tables (:mod:`graph.read`) → a
:class:`networkx.MultiDiGraph` (:func:`load`) → views such as the relations
active at a date (:func:`snapshot`) or the signed support/opposition graph
(:func:`signed_graph`). None of these functions changes the graph passed in.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import networkx as nx
import pandas as pd

from .dates import as_period, is_active
from .read import DATA_DIR, read_actors, read_relation_types, read_relations

__all__ = ["from_tables", "load", "signed_graph", "snapshot"]


def from_tables(
    actors: pd.DataFrame, relations: pd.DataFrame, relation_types: pd.DataFrame | None = None
) -> nx.MultiDiGraph:
    """Build the actor graph from validated tables.

    Parameters
    ----------
    actors : pandas.DataFrame
        As returned by :func:`graph.read_actors` (indexed by id).
    relations : pandas.DataFrame
        As returned by :func:`graph.read_relations`.
    relation_types : pandas.DataFrame, optional
        The vocabulary; the bundled one by default. It is kept, as a dict of
        dicts keyed by type, in ``G.graph["relation_types"]``.

    Returns
    -------
    networkx.MultiDiGraph
        One node per actor (attributes: every actor column but ``id``) and one
        edge per relation, directed from the actor who acts, keyed by its line
        in the relations file (attributes: every relation column but
        ``source`` and ``target``).
    """
    types = read_relation_types() if relation_types is None else relation_types
    G = nx.MultiDiGraph()
    G.graph["relation_types"] = {
        kind: {column: _plain(value) for column, value in row.items()}
        for kind, row in types.to_dict("index").items()
    }
    for actor, attributes in actors.to_dict("index").items():
        G.add_node(actor, **{key: _plain(value) for key, value in attributes.items()})
    for line, relation in relations.to_dict("index").items():
        attributes = {key: _plain(value) for key, value in relation.items()}
        G.add_edge(attributes.pop("source"), attributes.pop("target"), key=int(line), **attributes)
    return G


def _plain(value: object) -> object:
    """Numpy scalars to Python ones, so attributes compare and serialise simply."""
    return value.item() if hasattr(value, "item") else value


def load(data_dir: str | Path | None = None) -> nx.MultiDiGraph:
    """Read, validate and build a dataset.

    Parameters
    ----------
    data_dir : str or Path, optional
        A folder with ``actors.csv``, ``relations.csv`` and optionally
        ``relation_types.csv`` (the bundled vocabulary otherwise) and
        ``datapackage.json`` (whose ``title`` becomes ``G.graph["title"]``).
        The bundled Battle of Aleppo data by default.

    Returns
    -------
    networkx.MultiDiGraph
        See :func:`from_tables`.

    Raises
    ------
    DataError
        If a file is malformed; the error lists every problem found.

    Examples
    --------
    >>> G = load()
    >>> G.nodes["russia"]["name"], G.nodes["russia"]["camp"]
    ('Russia', 'pro-government')
    >>> sorted(t for _, v, t in G.out_edges("russia", data="type") if v == "assad_government")
    ['air_support', 'backs', 'political_support']
    """
    folder = DATA_DIR if data_dir is None else Path(data_dir)
    vocabulary = folder / "relation_types.csv"
    types = read_relation_types(vocabulary if vocabulary.exists() else None)
    actors = read_actors(folder / "actors.csv")
    relations = read_relations(folder / "relations.csv", actors, types)
    G = from_tables(actors, relations, types)
    G.graph["title"] = _title(folder)
    return G


def _title(folder: Path) -> str:
    package = folder / "datapackage.json"
    if package.exists():
        title = json.loads(package.read_text(encoding="utf-8")).get("title")
        if title:
            return str(title)
    return folder.resolve().name


def snapshot(G: nx.MultiDiGraph, at: str | dt.date) -> nx.MultiDiGraph:
    """The relations active at a date, with every actor kept.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`load`.
    at : str or datetime.date
        A day, or a partial ISO date naming a period (``"2016"``,
        ``"2016-07"``). A relation is kept if it is active on at least one day
        of that period: its start (the first day of a partial start; open if
        empty) is on or before the period's last day and its end (the last day
        of a partial end; open if empty) is on or after the period's first day.

    Returns
    -------
    networkx.MultiDiGraph
        A new graph with all of ``G``'s nodes and only the active edges.

    Examples
    --------
    >>> G = load()
    >>> before = snapshot(G, "2015-09-29")
    >>> after = snapshot(G, "2015-10")
    >>> before.has_edge("russia", "free_syrian_army"), after.has_edge("russia", "free_syrian_army")
    (False, True)
    >>> snapshot(G, "2017").has_edge("assad_government", "free_syrian_army")
    False
    """
    as_period(at)  # fail early on a malformed date
    H = G.__class__()
    H.graph.update(G.graph)
    H.graph["at"] = str(at)
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from(
        (u, v, key, data)
        for u, v, key, data in G.edges(keys=True, data=True)
        if is_active(data.get("start"), data.get("end"), at)
    )
    return nx.freeze(H) if nx.is_frozen(G) else H


def signed_graph(G: nx.MultiDiGraph, *, at: str | dt.date | None = None) -> nx.Graph:
    """The undirected support/opposition graph of the actors.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`load`.
    at : str or datetime.date, optional
        Only count the relations active at this date (see :func:`snapshot`).

    Returns
    -------
    networkx.Graph
        Every actor of ``G`` with its attributes, and one edge per pair of
        actors joined by at least one support (+1) or opposition (-1)
        relation, in either direction; neutral relations (negotiating,
        documenting, identity ties) are left out. Edge attributes:

        ``sign``
            +1 or -1: the sign of the sum of the signs of the pair's
            relations, each relation counted once. A tie (as many support as
            opposition relations) counts as opposition, -1: parties that both
            help and fight each other are not allies.
        ``mixed``
            True when the pair has both support and opposition relations.
        ``positive``, ``negative``
            How many support and opposition relations the pair has.
        ``relations``
            The relations behind the edge: dicts with ``source``, ``target``,
            ``key`` (the edge key in ``G``), ``type``, ``sign``, ``start``, ``end``.

    Examples
    --------
    >>> S = signed_graph(load())
    >>> S["russia"]["assad_government"]["sign"], S["russia"]["free_syrian_army"]["sign"]
    (1, -1)
    >>> S.has_edge("united_states", "russia")  # they only negotiate: neutral
    False
    >>> import networkx as nx
    >>> M = nx.MultiDiGraph()
    >>> M.add_edge("a", "b", type="weapons", sign=1)
    0
    >>> M.add_edge("b", "a", type="accuses", sign=-1)
    0
    >>> edge = signed_graph(M)["a"]["b"]
    >>> edge["sign"], edge["mixed"], edge["positive"], edge["negative"]
    (-1, True, 1, 1)
    """
    source = G if at is None else snapshot(G, at)
    S = nx.Graph()
    S.graph.update({k: v for k, v in G.graph.items() if k != "relation_types"})
    if at is not None:
        S.graph["at"] = str(at)
    S.add_nodes_from(source.nodes(data=True))
    for u, v, key, data in source.edges(keys=True, data=True):
        sign = data.get("sign", 0)
        if sign == 0 or u == v:
            continue
        if not S.has_edge(u, v):
            S.add_edge(u, v, positive=0, negative=0, relations=[])
        edge = S[u][v]
        edge["positive" if sign > 0 else "negative"] += 1
        edge["relations"].append(
            {
                "source": u,
                "target": v,
                "key": key,
                "type": data.get("type"),
                "sign": sign,
                "start": data.get("start"),
                "end": data.get("end"),
            }
        )
    for _, _, edge in S.edges(data=True):
        edge["sign"] = 1 if edge["positive"] > edge["negative"] else -1
        edge["mixed"] = edge["positive"] > 0 and edge["negative"] > 0
    return S
