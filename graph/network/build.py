"""Build the actor graph from the validated tables, and views of it.

Data flows one way: CSV files → tables (:mod:`graph.tables.read`) → a
:class:`networkx.MultiDiGraph` (:func:`load`) → views such as the relations
active at a date (:func:`snapshot`) or the signed support/opposition graph
(:func:`signed_graph`). None of these functions changes the graph passed in.

Over 600 lines with reason: one job, the rules from tables to graph (loading,
the time window, the tie rule), each a short function with runnable examples.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pandas as pd

from graph.core.dates import as_period, parse_period
from graph.core.errors import DataError, FileFormatError, Problem, raise_problems
from graph.core.signs import relation_strength, relation_weight
from graph.tables.checks import check_actors, check_relation_types, check_relations, check_story
from graph.tables.columns import DATA_DIR
from graph.tables.datapackage import read_datapackage
from graph.tables.read import read_relation_types, story_path

__all__ = [
    "active_between",
    "actors",
    "between",
    "distinct_relations",
    "from_tables",
    "load",
    "period_range",
    "relations",
    "signed_graph",
    "snapshot",
    "span_days",
    "validate",
]


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
        dicts keyed by type, in ``G.graph["relation_types"]``; a type the
        relations use but the vocabulary lacks (its sign came from the data)
        is added with its sign and the type as its label.

    Returns
    -------
    networkx.MultiDiGraph
        One node per actor (attributes: every actor column but ``id``) and one
        edge per relation, directed from the actor who acts, keyed by its line
        in the relations file (attributes: every relation column but
        ``source`` and ``target``, and ``symmetric``: whether the type goes
        both ways). Missing values are None, never NaN; any column name is
        kept as an attribute, even one such as ``key``.
    """
    types = read_relation_types() if relation_types is None else relation_types
    vocabulary = {
        kind: {column: _plain(value) for column, value in row.items()}
        for kind, row in types.to_dict("index").items()
    }
    kinds = relations.get("type", pd.Series(dtype=object)).tolist()
    signs = relations.get("sign", pd.Series(dtype=object)).tolist()
    for kind, sign in zip(kinds, signs, strict=False):
        if kind not in vocabulary:
            vocabulary[kind] = {"sign": int(sign), "label": kind, "symmetric": False}
    G = nx.MultiDiGraph()
    G.graph["relation_types"] = vocabulary
    for actor, attributes in _records(actors):
        G.add_node(actor)  # attributes set apart, so a column may be called node_for_adding
        G.nodes[actor].update(attributes)
    for line, attributes in _records(relations):
        u, v = attributes.pop("source"), attributes.pop("target")
        G.add_edge(u, v, key=int(line))
        kind = vocabulary.get(attributes.get("type"), {})
        attributes["symmetric"] = bool(kind.get("symmetric", False))
        G.edges[u, v, int(line)].update(attributes)
    return G


def _records(table: pd.DataFrame) -> Iterator[tuple[object, dict]]:
    """Each row's index and its cells as plain Python values (faster than ``to_dict``)."""
    columns = [(column, [_plain(value) for value in table[column].tolist()]) for column in table]
    for number, index in enumerate(table.index.tolist()):
        yield index, {column: values[number] for column, values in columns}


_PLAIN = (str, int, bool, list, type(None))


def _plain(value: object) -> object:
    """Numpy scalars to Python ones and NaN to None, so attributes compare and serialise simply."""
    if type(value) in _PLAIN:
        return value
    if hasattr(value, "item"):
        value = value.item()
    if value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def load(data_dir: str | Path | None = None) -> nx.MultiDiGraph:
    """Read, validate and build a dataset.

    Parameters
    ----------
    data_dir : str or Path, optional
        A folder with ``actors.csv``, ``relations.csv`` and optionally
        ``relation_types.csv`` (rows that extend the bundled vocabulary) and
        ``datapackage.json`` (whose ``title`` becomes ``G.graph["title"]``).
        The bundled Battle of Aleppo data by default.

    Returns
    -------
    networkx.MultiDiGraph
        See :func:`from_tables`.

    Raises
    ------
    DataError
        If a file is malformed; the error lists every problem of every file.

    Examples
    --------
    >>> G = load()
    >>> G.nodes["russia"]["name"], G.nodes["russia"]["camp"]
    ('Russia', 'pro-government')
    >>> sorted(t for _, v, t in G.out_edges("russia", data="type") if v == "assad_government")
    ['air_support', 'backs', 'political_support']
    """
    G, problems, unreadable = _read_folder(_folder(data_dir))
    raise_problems(problems, unreadable=unreadable)
    return G


def validate(data_dir: str | Path | None = None) -> nx.MultiDiGraph:
    """Check every file of a dataset folder, the story included, and build its graph.

    What :func:`load` reads (vocabulary, actors, relations, ``datapackage.json``)
    and ``story.csv`` if the folder has one, as ``alliance-graph build`` reads
    them: a folder that passes builds, and every problem a command would meet
    is reported, all files in one run.

    Parameters
    ----------
    data_dir : str or Path, optional
        A dataset folder; the bundled data by default.

    Returns
    -------
    networkx.MultiDiGraph
        The graph, as :func:`load` returns it.

    Raises
    ------
    DataError
        Listing every problem of every file.

    Examples
    --------
    >>> validate().number_of_nodes()
    20
    """
    folder = _folder(data_dir)
    G, problems, unreadable = _read_folder(folder)
    story = story_path(folder)
    if os.path.lexists(story):
        steps, found = check_story(story, None if G is None else list(G.nodes))
        problems += found
        unreadable |= steps is None
    raise_problems(problems, unreadable=unreadable)
    return G


def _folder(data_dir: str | Path | None) -> Path:
    return DATA_DIR if data_dir is None else Path(data_dir)


def _read_folder(folder: Path) -> tuple[nx.MultiDiGraph | None, list[Problem], bool]:
    """The graph of a folder (None if it has problems), the problems of all its files,
    and whether one of them could not be read at all."""
    vocabulary = folder / "relation_types.csv"
    own = vocabulary if os.path.lexists(vocabulary) else None
    types, problems, unreadable = check_relation_types(own)
    actors, found = check_actors(folder / "actors.csv")
    problems += found
    ids = None if actors is None or actors.index.name != "id" else list(actors.index)
    relations, found = check_relations(folder / "relations.csv", ids, types)
    problems += found
    title, found = _title(folder)
    problems += found
    unreadable = unreadable or actors is None or relations is None or title is None
    if problems:
        return None, problems, unreadable
    G = from_tables(actors, relations, types)
    G.graph["title"] = title
    return G, [], False


def _title(folder: Path) -> tuple[str | None, list[Problem]]:
    """The dataset's title: its datapackage.json's, else the folder's name; None if unreadable."""
    package = folder / "datapackage.json"
    if os.path.lexists(package):
        try:
            title = read_datapackage(package).get("title")
        except FileFormatError as error:
            return None, error.problems
        except DataError as error:
            return "", error.problems
        if title:
            return title, []
    return folder.resolve().name, []


def snapshot(G: nx.MultiDiGraph, at: str | dt.date) -> nx.MultiDiGraph:
    """The actors and relations active at a date.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`load`.
    at : str or datetime.date
        A day, or a partial ISO date naming a period (``"2016"``,
        ``"2016-07"``). A relation (or an actor with ``start``/``end``) is
        kept if it is active on at least one day of that period: its start
        (the first day of a partial start; open if empty) is on or before the
        period's last day and its end (the last day of a partial end; open if
        empty) is on or after the period's first day.

    Returns
    -------
    networkx.MultiDiGraph
        A new graph with the active actors (every actor without dates) and
        the active relations between them.

    Raises
    ------
    ValueError
        If ``at`` is not a date (see :func:`graph.core.dates.parse_period`).

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
    first, last = as_period(at)
    H = active_between(G, first, last)
    H.graph["at"] = str(at)
    return H


def active_between(G: nx.MultiDiGraph, first: dt.date, last: dt.date) -> nx.MultiDiGraph:
    """The actors and relations active on at least one day from ``first`` to ``last``.

    The one time window of the package: :func:`snapshot` takes a date's,
    :func:`graph.timeline` a period's and the explorer's balance mode a month's.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`load`.
    first, last : datetime.date
        The first and last day of the window, both included.

    Returns
    -------
    networkx.MultiDiGraph
        A new graph (frozen if ``G`` is) with the actors active in the window
        (every actor without dates) and the relations active in it between
        them: those whose start (the first day of a partial start; open if
        empty) is on or before ``last`` and whose end (the last day of a
        partial end; open if empty) is on or after ``first``.
        ``H.graph["at"]`` is ``"first/last"``.

    Raises
    ------
    ValueError
        If ``last`` is before ``first``.

    Examples
    --------
    >>> import datetime as dt
    >>> H = active_between(load(), dt.date(2015, 9, 1), dt.date(2015, 9, 29))
    >>> H.graph["at"], H.has_edge("russia", "free_syrian_army")
    ('2015-09-01/2015-09-29', False)
    >>> active_between(load(), dt.date(2015, 9, 1), dt.date(2015, 9, 30)).has_edge(
    ...     "russia", "free_syrian_army"
    ... )
    True
    """
    if last < first:
        raise ValueError(f"the window ends ({last}) before it starts ({first})")
    H = G.__class__()
    H.graph.update(G.graph)
    H.graph["at"] = f"{first}/{last}"
    H.add_nodes_from(
        (node, data) for node, data in G.nodes(data=True) if _overlaps(data, first, last)
    )
    H.add_edges_from(
        (u, v, key, data)
        for u, v, key, data in G.edges(keys=True, data=True)
        if u in H and v in H and _overlaps(data, first, last)
    )
    return nx.freeze(H) if nx.is_frozen(G) else H


def between(
    G: nx.MultiDiGraph,
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
) -> nx.MultiDiGraph:
    """The actors and relations active at some time between two dates.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`load`.
    start, end : str or datetime.date, optional
        The period: from the first day of ``start`` (a day or a partial ISO
        date, ``"1914-08"``) to the last day of ``end``; open on a side left
        out. A relation (or a dated actor) is kept if its span overlaps the
        period, as in :func:`snapshot`, which is ``between(G, at, at)``.

    Returns
    -------
    networkx.MultiDiGraph
        A new graph with the active actors (every actor without dates) and
        the active relations between them; ``graph["period"]`` names the
        period in words: ``"from 1914-08 to 1914-12"``, ``"in 1914"``,
        ``"from 1914-08"``, ``"until 1914-12"`` or ``"at any date"``; and
        ``graph["period_days"]`` as an ISO 8601 interval of days,
        ``"1914-08-01/1914-12-31"`` (``..`` for an open side).

    Raises
    ------
    ValueError
        If a date is malformed, or ``end`` is before ``start``.

    Examples
    --------
    >>> G = load()
    >>> H = between(G, "2015-10", "2016-06")
    >>> H.has_edge("russia", "free_syrian_army"), between(G, end="2015-09-29").has_edge(
    ...     "russia", "free_syrian_army")
    (True, False)
    >>> H.graph["period"], between(G, end="2015-09-29").graph["period"]
    ('from 2015-10 to 2016-06', 'until 2015-09-29')
    >>> H.graph["period_days"], between(G, end="2015-09-29").graph["period_days"]
    ('2015-10-01/2016-06-30', '../2015-09-29')
    """
    first = dt.date.min if start is None else as_period(start)[0]
    last = dt.date.max if end is None else as_period(end)[1]
    if last < first:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    H = active_between(G, first, last)
    H.graph["period"] = _period_words(start, end)
    # The same period as an ISO 8601 interval of days, ".." for an open side, for
    # period_range to cut no period outside it.
    H.graph["period_days"] = "/".join(
        ".." if side is None else day.isoformat() for side, day in ((start, first), (end, last))
    )
    return H


def _period_words(start: str | dt.date | None, end: str | dt.date | None) -> str:
    """A period in words, for a heading: "from 1914-08 to 1914-12", "in 1914"..."""
    if start is not None and end is not None:
        return f"in {start}" if str(start) == str(end) else f"from {start} to {end}"
    if start is not None:
        return f"from {start}"
    return "at any date" if end is None else f"until {end}"


def period_range(G: nx.MultiDiGraph, freq: str = "Y") -> pd.PeriodIndex:
    """The periods the data's dates cover: the one definition of a dataset's periods.

    From the period holding the first day of the earliest date to the one
    holding the last day any date covers: a partial date is its whole period
    (an end of ``"2016"`` runs to 31 December 2016, so by month the periods
    go on to ``2016-12``), as for :func:`snapshot`. For a graph of
    :func:`between` (the command line's ``--from``/``--to``), only
    the periods that overlap the period asked for (its
    ``graph["period_days"]``). :func:`graph.timeline` has a row for each,
    :func:`graph.analysis.over_time.periods` lists them (the explorer's
    Balance months) and the explorer's time slider steps through its months.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    freq : str, default "Y"
        A pandas period frequency: ``"Y"`` (years), ``"Q"`` (quarters),
        ``"M"`` (months), ``"W"`` (weeks, Monday to Sunday)...

    Returns
    -------
    pandas.PeriodIndex
        Named ``"period"``, in order; empty when no relation is dated.

    Examples
    --------
    >>> period_range(load()).astype(str).tolist()
    ['2012', '2013', '2014', '2015', '2016']
    >>> period_range(load(), "Q")[[0, -1]].astype(str).tolist()
    ['2012Q3', '2016Q4']
    >>> period_range(between(load(), "2015-11", "2016-01"), "M").astype(str).tolist()
    ['2015-11', '2015-12', '2016-01']
    """
    days = [
        parse_period(d)
        for _, _, data in G.edges(data=True)
        for d in (data.get("start"), data.get("end"))
        if d
    ]
    if not days:
        return pd.PeriodIndex([], freq=freq, name="period")
    first, last = min(day for day, _ in days), max(day for _, day in days)
    low, _, high = G.graph.get("period_days", "../..").partition("/")
    first = first if low == ".." else max(first, dt.date.fromisoformat(low))
    last = last if high == ".." else min(last, dt.date.fromisoformat(high))
    if last < first:
        # Every date written lies outside the period, and relations open on that side
        # reach into it: the period asked for, an open side closed at the other.
        first = dt.date.fromisoformat(low if low != ".." else high)
        last = dt.date.fromisoformat(high if high != ".." else low)
    return pd.period_range(first, last, freq=freq, name="period")


def _overlaps(data: dict, first: dt.date, last: dt.date) -> bool:
    start, end = span_days(data.get("start"), data.get("end"))
    return start <= last and end >= first


# Cached: a timeline cuts the same relations' dates into every period.
@functools.lru_cache(maxsize=2**16)
def span_days(start: str | None, end: str | None) -> tuple[dt.date, dt.date]:
    """First and last day of a relation's or actor's span; an open end is the extreme date.

    Examples
    --------
    >>> span_days("2015-09", None)
    (datetime.date(2015, 9, 1), datetime.date(9999, 12, 31))
    """
    return (
        parse_period(start)[0] if start else dt.date.min,
        parse_period(end)[1] if end else dt.date.max,
    )


def distinct_relations(G: nx.MultiDiGraph) -> Iterator[tuple]:
    """The relations of ``G`` as ``(u, v, key, data)``, a symmetric one counted once.

    A symmetric relation type (``symmetric`` in the vocabulary, such as
    ``negotiates_with``) goes both ways, so a row from A to B and a row from B
    to A with the same type and dates are one relation: only the first (in
    edge order) is yielded.

    Examples
    --------
    >>> M = nx.MultiDiGraph()
    >>> M.add_edge("a", "b", type="negotiates_with", sign=0, symmetric=True)
    0
    >>> M.add_edge("b", "a", type="negotiates_with", sign=0, symmetric=True)
    0
    >>> len(list(distinct_relations(M)))
    1
    """
    seen = set()
    for u, v, key, data in G.edges(keys=True, data=True):
        if data.get("symmetric"):
            identity = (frozenset((u, v)), data.get("type"), data.get("start"), data.get("end"))
            if identity in seen:
                continue
            seen.add(identity)
        yield u, v, key, data


def signed_graph(
    G: nx.MultiDiGraph,
    *,
    at: str | dt.date | None = None,
    inherit_membership: bool = False,
    weight: str = "weight",
) -> nx.Graph:
    """The undirected support/opposition graph of the actors.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`load`.
    at : str or datetime.date, optional
        Only count the actors and relations active at this date (see
        :func:`snapshot`).
    inherit_membership : bool, default False
        Let the members of a coalition share its support and opposition: for
        each ``member_of`` relation (member → coalition), every support or
        opposition relation between the coalition and a third actor also
        counts between the member and that actor. Such relations are listed
        with ``inherited_from`` set to the coalition.
    weight : str, default "weight"
        The relation attribute that holds each relation's strength (the
        data's ``weight`` column); the pair's weight is stored under the same
        name.

    Returns
    -------
    networkx.Graph
        Every actor of ``G`` (active at ``at``) with its attributes, and one
        edge per pair of actors joined by at least one support (+1) or
        opposition (-1) relation, in either direction; neutral relations
        (negotiating, documenting, identity and membership ties) are left
        out, and a symmetric relation written both ways counts once (see
        :func:`distinct_relations`). Edge attributes:

        ``sign``
            +1 or -1, by the one tie rule every analysis, the page and the
            command line use:

            1. each relation of the pair counts once, in either direction
               (a symmetric relation written both ways too), with its
               strength (:func:`graph.core.signs.relation_strength`): the
               magnitude of its ``weight``, 1 without one; a weight of 0
               counts 0;
            2. the sign is that of the sum of the relations' signs times
               their strengths: the stronger side wins;
            3. when that sum is 0 (as strong support as opposition, or
               only weights of 0), the sign is that of the number of
               support minus opposition relations, so a weight of 0 never
               turns a tie to a sign none of its relations has;
            4. when that is 0 too, the tie is opposition, -1: parties that
               both help and fight each other are not allies.

            Without weights, the sign is that of the sum of the signs.
        ``weight``
            Only when some relation of ``G`` has a ``weight`` (the data's
            ``weight`` column): the absolute value of that weighted sum, or 1
            when it is 0 (a tie's weight is always > 0), so that the weighted analyses
            (:func:`graph.balance.frustration`, ``weight=`` of
            :func:`graph.centrality`) count a pair by how strongly it supports
            or opposes. Without weights in the data the attribute is absent
            and every pair weighs 1.
        ``mixed``
            True when the pair has both support and opposition relations.
        ``positive``, ``negative``
            How many support and opposition relations the pair has.
        ``relations``
            The relations behind the edge: dicts with ``source``, ``target``,
            ``key`` (the edge key in ``G``), ``type``, ``sign``, ``weight``
            (None when the relation has none), ``start``, ``end`` and, for
            inherited ones, ``inherited_from``.

    Examples
    --------
    >>> S = signed_graph(load())
    >>> S["russia"]["assad_government"]["sign"], S["russia"]["free_syrian_army"]["sign"]
    (1, -1)
    >>> S.has_edge("united_states", "russia")  # they only negotiate: neutral
    False
    >>> S.has_edge("united_states", "assad_government")
    False
    >>> signed_graph(load(), inherit_membership=True)["united_states"]["assad_government"]["sign"]
    -1
    >>> import networkx as nx
    >>> M = nx.MultiDiGraph()
    >>> M.add_edge("a", "b", type="weapons", sign=1)
    0
    >>> M.add_edge("b", "a", type="accuses", sign=-1)
    0
    >>> edge = signed_graph(M)["a"]["b"]
    >>> edge["sign"], edge["mixed"], edge["positive"], edge["negative"]
    (-1, True, 1, 1)

    With weights, the stronger side wins and the pair weighs the difference:

    >>> M.add_edge("a", "b", type="funding", sign=1, weight=2.5)
    1
    >>> edge = signed_graph(M)["a"]["b"]
    >>> edge["sign"], edge["weight"]
    (1, 2.5)

    A weight of 0 adds nothing, but never reverses a tie:

    >>> Z = nx.MultiDiGraph()
    >>> Z.add_edge("a", "b", type="backs", sign=1, weight=0)
    0
    >>> signed_graph(Z)["a"]["b"]["sign"]
    1
    """
    source = G if at is None else snapshot(G, at)
    S = nx.Graph()
    S.graph.update({k: v for k, v in G.graph.items() if k != "relation_types"})
    if at is not None:
        S.graph["at"] = str(at)
    S.add_nodes_from(source.nodes(data=True))
    relations = [
        {
            "source": u,
            "target": v,
            "key": key,
            "type": data.get("type"),
            "sign": data.get("sign", 0),
            "weight": data.get(weight),
            "start": data.get("start"),
            "end": data.get("end"),
        }
        for u, v, key, data in distinct_relations(source)
    ]
    if inherit_membership:
        relations += _inherited(source, relations)
    for relation in relations:
        u, v, sign = relation["source"], relation["target"], relation["sign"]
        if sign == 0 or u == v:
            continue
        if not S.has_edge(u, v):
            S.add_edge(u, v, positive=0, negative=0, relations=[])
        edge = S[u][v]
        edge["positive" if sign > 0 else "negative"] += 1
        edge["relations"].append(relation)
    weighted = any(relation_weight(relation["weight"]) is not None for relation in relations)
    for _, _, edge in S.edges(data=True):
        # The tie rule (see Returns): the weighted sum of the signs; when it is 0, the
        # count of the signs; when that is even too, opposition.
        total = sum(
            (1.0 if r["sign"] > 0 else -1.0) * relation_strength(r["weight"])
            for r in edge["relations"]
        )
        count = edge["positive"] - edge["negative"]
        edge["sign"] = 1 if total > 0 or (total == 0 and count > 0) else -1
        edge["mixed"] = edge["positive"] > 0 and edge["negative"] > 0
        if weighted:
            edge[weight] = abs(total) if total else 1.0
    return S


def _inherited(G: nx.MultiDiGraph, relations: list[dict]) -> list[dict]:
    """The signed relations of each coalition, copied to its members."""
    members: dict[object, list] = {}
    for u, v, data in G.edges(data=True):
        if data.get("type") == "member_of" and u != v:
            members.setdefault(v, []).append(u)
    inherited = []
    for relation in relations:
        if relation["sign"] == 0:
            continue
        for end in ("source", "target"):
            coalition = relation[end]
            other = relation["target" if end == "source" else "source"]
            for member in dict.fromkeys(members.get(coalition, ())):
                if member != other:
                    inherited.append({**relation, end: member, "inherited_from": coalition})
    return inherited


def actors(G: nx.Graph) -> pd.DataFrame:
    """The actors of a graph as a tidy table: one row per actor, one column per attribute.

    Examples
    --------
    >>> table = actors(load())
    >>> table.loc["russia", ["name", "camp"]].tolist()
    ['Russia', 'pro-government']
    >>> table.index.name
    'id'
    """
    table = pd.DataFrame.from_dict(
        {node: dict(data) for node, data in G.nodes(data=True)}, orient="index", dtype=object
    )
    table.index = pd.Index(list(G.nodes), name="id", dtype=object)
    return table


def relations(G: nx.Graph) -> pd.DataFrame:
    """The relations of a graph as a tidy table: one row per edge.

    Columns ``source``, ``target`` (and ``key`` for a multigraph), then one
    per edge attribute; missing values are None.

    Examples
    --------
    >>> table = relations(load())
    >>> row = table[(table["source"] == "russia") & (table["type"] == "air_support")].iloc[0]
    >>> row["target"], row["start"], row["sign"]
    ('assad_government', '2015-09-30', 1)
    """
    if G.is_multigraph():
        edges = G.edges(keys=True, data=True)
        rows = [{"source": u, "target": v, "key": key, **data} for u, v, key, data in edges]
        columns = ["source", "target", "key"]
    else:
        rows = [{"source": u, "target": v, **data} for u, v, data in G.edges(data=True)]
        columns = ["source", "target"]
    table = pd.DataFrame(rows, columns=columns + _attribute_names(rows, columns), dtype=object)
    return table.astype(object).where(table.notna(), None)


def _attribute_names(rows: list[dict], first: list[str]) -> list[str]:
    names: dict[str, None] = {}
    for row in rows:
        names.update(dict.fromkeys(name for name in row if name not in first))
    return list(names)
