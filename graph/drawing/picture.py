"""The scene: what every picture of an actor graph draws, where and how.

One payload, built here, feeds the HTML explorer (:mod:`graph.outputs.explorer.render`
serialises it into the page), the print figures (:mod:`graph.outputs.figure`) and
the GEXF export (:mod:`graph.outputs.export`): positions from
:func:`graph.drawing.placement.layout` (seeded, so the same graph always gives the same
picture), radii, colours, shapes and line styles from :mod:`graph.drawing.style`, and
every actor's box (its shape and label, :func:`graph.drawing.labels.actor_boxes`),
all in the units of ``label_size``, the labels' font size. Pictures scale the
whole together, so labels that the layout keeps apart stay apart. The scene
also holds what the explorer's legend, filters, time slider and story show,
and the words the page uses for signs and confidence levels.

The payload is described, field by field, by a versioned JSON Schema shipped
in the package (:func:`schema`, ``graph/drawing/schema/scene.schema.json``); its
``version`` changes whenever a field changes meaning or goes away. The
explorer's script reads only what the schema declares.

The scene is the drawing only: what the explorer's modes show (balance,
quiz, glossary) is added beside it by :mod:`graph.outputs.explorer.payload`.

Text from the dataset (names, aliases, descriptions, evidence, citations,
story captions) is left as plain text: the page shows it with
``textContent``, never as markup.

Time. The slider steps through the months of the data
(:func:`graph.network.build.period_range`: from the first month with a dated
relation to the last, only those of the period asked for in a graph of
:func:`graph.between`), widened to cover the story and ``at``. A
relation is shown at a period -- a month, or the day or year a story step or
``at`` names -- when it is active on at least one day of it, the rule of
:func:`graph.snapshot`: its start (the first day of a partial date; open if
empty) is on or before the period's last day and its end (the last day of a
partial date; open if empty) is on or after the period's first day. Python
expands every partial date to days with :func:`graph.core.dates.parse_period`; the
page only compares ISO days.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import Counter, defaultdict
from collections.abc import Mapping
from importlib import resources

import networkx as nx
import numpy as np
import pandas as pd

from graph.balance.heuristic import heuristic_split
from graph.core.dates import as_period, date_label, parse_period, span_label
from graph.core.signs import relation_strength, relation_weight
from graph.drawing.labels import LABEL_SIZE, SHAPE_REACH, actor_boxes, label_lines, label_top
from graph.drawing.placement import LABELLED_UP_TO, layout
from graph.drawing.style import (
    GROUP_COLOURS,
    SIGN_NAMES,
    actor_radii,
    camp_colours,
    edge_colour,
    edge_style,
    node_shape,
    weight_width,
)
from graph.network.build import distinct_relations, period_range, signed_graph
from graph.tables.read import CONFIDENCE_LEVELS

__all__ = [
    "COLOUR_BY",
    "CONFIDENCE_MEANINGS",
    "GROUPS_SEED",
    "SCHEMA_VERSION",
    "colour_groups",
    "scene",
    "schema",
]

#: Version of the payload's layout, the ``version`` field of every scene and
#: the ``version`` the schema requires.
SCHEMA_VERSION = 3

#: What each confidence level says about a relation, in words.
CONFIDENCE_MEANINGS = {
    "confirmed": "reported as fact",
    "reported": "one source's report",
    "claimed": "a party's own claim",
    "alleged": "an accusation by others",
}


def schema() -> dict:
    """The JSON Schema (draft 2020-12) of the scene, as shipped in the package.

    Examples
    --------
    >>> schema()["properties"]["version"]["const"] == SCHEMA_VERSION
    True
    """
    text = (resources.files(__package__) / "schema" / "scene.schema.json").read_text("utf-8")
    return json.loads(text)


def scene(
    G: nx.MultiDiGraph,
    *,
    at: str | dt.date | None = None,
    story: pd.DataFrame | None = None,
    size_by: Mapping | pd.Series | None = None,
) -> dict:
    """What to draw for ``G``: actors, relations, legend, months and story, as one payload.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`; it is not changed.
    at : str or datetime.date, optional
        The period the explorer's time slider starts at; all dates by default.
    story : pandas.DataFrame, optional
        Story steps, as returned by :func:`graph.read_story`.
    size_by : pandas.Series or mapping, optional
        A number per actor id; actors are drawn with areas growing with it.
        Their degree (number of relations) by default.

    Returns
    -------
    dict
        JSON-serialisable and valid against :func:`schema`, in a fixed order
        (actors by id, relations by source, target and key, story steps as
        given), with ``title`` the dataset's (``G.graph["title"]``, empty
        without one) and, for a graph cut to a period by
        :func:`graph.between`, ``period`` (``G.graph["period"]``). Actors'
        ``x``, ``y`` (y pointing down), ``size`` (radius), ``box`` and
        ``label_top`` are in the units of ``label_size``, the labels' font size.
        Relation dates come with ``active_from`` and
        ``active_to``, the first and last ISO day they cover (None when open).

    Raises
    ------
    ValueError
        If ``at`` or a story date is not a date, or ``size_by`` lacks an actor
        or holds a value that is not a finite number.

    Examples
    --------
    >>> import graph
    >>> payload = scene(graph.load())
    >>> payload["version"], len(payload["nodes"]), len(payload["edges"])
    (3, 20, 34)
    >>> payload["title"]
    'Battle of Aleppo (2012–2016)'
    >>> russia = next(n for n in payload["nodes"] if n["id"] == "russia")
    >>> russia["name"], russia["shape"], russia["degree"], russia["box"]["top"]
    ('Russia', 'dot', 9, -29.3)
    >>> air = next(e for e in payload["edges"] if e["type"] == "air_support")
    >>> air["when"], air["active_from"], air["active_to"]
    ('since 30 September 2015', '2015-09-30', None)
    >>> payload["months"][0]["label"], payload["months"][-1]["label"]
    ('July 2012', 'December 2016')
    >>> "period" in payload, scene(graph.between(graph.load(), "2015-10", "2016-06"))["period"]
    (False, 'from 2015-10 to 2016-06')
    """
    at_period = None if at is None else _period(at)
    steps = [] if story is None else _story_steps(story)
    dated = [p for p in (at_period, *steps) if p is not None]
    edges = _edges(G)
    groups, colour_by = colour_groups(G)
    payload = {
        "version": SCHEMA_VERSION,
        "title": str(G.graph.get("title") or ""),
        "label_size": LABEL_SIZE,
        "labelled_up_to": LABELLED_UP_TO,
        "shape_reach": SHAPE_REACH,
        "size": "number of relations" if size_by is None else _size_name(size_by),
        "nodes": _nodes(G, size_by, groups),
        "edges": edges,
        "legend": _legend(G, edges, groups, colour_by),
        "types": _types(edges),
        "months": _months(G, dated),
        "at": at_period,
        "story": steps,
    }
    if G.graph.get("period"):  # cut to a period (graph.between): the page says which
        payload["period"] = str(G.graph["period"])
    return payload


#: Seed of the split into sides and of the communities that colour actors
#: when the data name no camps.
GROUPS_SEED = 0
#: What colours the actors, as the legend says it: ``(by, how)``.
COLOUR_BY = {
    "camp": "the camps the data give",
    "side": (
        "no camps in the data: the two sides structural balance finds (the split that "
        "leaves the fewest support ties across and opposition ties inside, by local "
        "search), each named after its most connected actor"
    ),
    "group": (
        "no camps and no support or opposition in the data: communities (Louvain "
        "modularity), each named after its most connected actor"
    ),
}


def colour_groups(G: nx.MultiDiGraph) -> tuple[dict, str]:
    """The group each actor is coloured by, and what the groups are.

    The data's camps when they name at least two; otherwise the two sides of
    structural balance's best split found (a seeded local search, as
    :func:`graph.balance.frustration` starts from), or, without support or
    opposition ties, communities (Louvain modularity, seeded). A found group
    is named after its actor with the most ties ("side of Russia"); an actor
    with no tie keeps its camp. Deterministic.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`; it is not changed.

    Returns
    -------
    (dict, str)
        The group of every actor (by id), and ``"camp"``, ``"side"`` or
        ``"group"`` (see :data:`COLOUR_BY`).

    Examples
    --------
    >>> import graph
    >>> groups, by = colour_groups(graph.load())
    >>> by, groups["russia"]
    ('camp', 'pro-government')
    >>> G = graph.load()
    >>> for actor in G:
    ...     G.nodes[actor]["camp"] = "unspecified"
    >>> groups, by = colour_groups(G)
    >>> by, groups["russia"], groups["free_syrian_army"]
    ('side', 'side of Assad government', 'side of Free Syrian Army')

    References
    ----------
    .. [1] D. Cartwright and F. Harary, "Structural balance: a generalization
       of Heider's theory", Psychological Review 63(5):277-293, 1956.
    .. [2] V. D. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre, "Fast
       unfolding of communities in large networks", Journal of Statistical
       Mechanics P10008, 2008.
    """
    camps = {node: str(camp) for node, camp in G.nodes(data="camp", default="")}
    if len(set(camps.values())) >= 2:
        return camps, "camp"
    S = signed_graph(G)
    S.remove_edges_from(nx.selfloop_edges(S))
    if S.number_of_edges():
        nodes = sorted((node for node in S if S.degree(node)), key=str)
        index = {node: i for i, node in enumerate(nodes)}
        ties = sorted(S.edges(data="sign"), key=lambda e: (index[e[0]], index[e[1]]))
        u = np.array([index[a] for a, _, _ in ties], dtype=np.int64)
        v = np.array([index[b] for _, b, _ in ties], dtype=np.int64)
        s = np.array([sign for _, _, sign in ties], dtype=np.float64)
        side = heuristic_split(len(nodes), u, v, s, np.ones(len(ties)), GROUPS_SEED)
        found = [[n for n, x in zip(nodes, side, strict=True) if x == k] for k in (0, 1)]
        by, degree = "side", dict(S.degree())
    else:
        U = nx.Graph(G.to_undirected())
        U.remove_edges_from(nx.selfloop_edges(U))
        U.remove_nodes_from([node for node in list(U) if not U.degree(node)])
        if not U.number_of_edges():
            return camps, "camp"
        found = [sorted(c, key=str) for c in nx.community.louvain_communities(U, seed=GROUPS_SEED)]
        by, degree = "group", dict(U.degree())
    for members in found:
        if not members:
            continue
        leader = min(members, key=lambda node: (-degree[node], str(node)))
        name = f"{by} of {G.nodes[leader].get('name', leader)}"
        camps.update(dict.fromkeys(members, name))
    return camps, by


def _group_colours(groups: Mapping) -> dict[str, str]:
    """Camp colours (:func:`camp_colours`), but balance's sides in :data:`GROUP_COLOURS`."""
    names = set(groups.values())
    sides = [name for name in _most_common(Counter(groups.values())) if name.startswith("side of ")]
    colours = dict(zip(sides, GROUP_COLOURS, strict=False))
    rest = camp_colours(name for name in names if name not in colours)
    return {**rest, **colours}


def _nodes(G: nx.MultiDiGraph, size_by: Mapping | pd.Series | None, groups: Mapping) -> list[dict]:
    radii = actor_radii(G, size_by)
    labels = {
        node: "\n".join(label_lines(str(data.get("name", node))))
        for node, data in G.nodes(data=True)
    }
    measured = actor_boxes(G, size_by, label_size=LABEL_SIZE, labels=labels)
    positions = layout(G, size_by=size_by, labels=labels, boxes=measured)
    boxes = measured.round(2).to_dict("index")
    colours = _group_colours(groups)
    degree = dict(G.degree())
    return [
        {
            "id": node,
            "name": str(data.get("name", node)),
            "label": labels[node],
            "aliases": [str(alias) for alias in data.get("aliases", [])],
            "kind": str(data.get("kind", "")),
            "camp": groups[node],
            "description": str(data.get("description", "")),
            "x": positions[node][0],
            "y": positions[node][1],
            "size": radii[node],
            "box": boxes[node],
            "label_top": round(label_top(radii[node], label_size=LABEL_SIZE), 2),
            "colour": colours[groups[node]],
            "shape": node_shape(str(data.get("kind", ""))),
            "degree": degree[node],
            "active_from": _days(str(data["start"]))[0] if data.get("start") else None,
            "active_to": _days(str(data["end"]))[1] if data.get("end") else None,
        }
        for node, data in sorted(G.nodes(data=True), key=lambda item: str(item[0]))
    ]


def _size_name(size_by: Mapping | pd.Series) -> str:
    """What actor sizes show: the name of the ``size_by`` series, if it has one."""
    name = getattr(size_by, "name", None)
    return str(name) if name is not None else "a value per actor"


def _edges(G: nx.MultiDiGraph) -> list[dict]:
    vocabulary = G.graph.get("relation_types", {})
    relations = sorted(
        G.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))
    )
    # Relations drawn alike (same two actors, direction, type, sign and
    # confidence: event data's hundreds of "fights" rows) share one line,
    # named by its first relation's id; lines between the same two actors are
    # bent apart so each can be hovered.
    lines: dict[tuple, int] = {}
    for number, (u, v, _, data) in enumerate(relations):
        lines.setdefault(_look(u, v, data), number)
    pairs: Counter[tuple[str, str]] = Counter(tuple(sorted((str(u), str(v)))) for u, v, *_ in lines)
    seen: defaultdict[tuple[str, str], int] = defaultdict(int)
    bend: dict[int, float | None] = {}
    for (u, v, *_), first in lines.items():
        pair = tuple(sorted((str(u), str(v))))
        seen[pair] += 1
        bend[first] = round(0.18 * seen[pair], 2) if pairs[pair] > 1 else None
    # A line is as wide as the total weight of the relations it draws.
    weights: defaultdict[int, float] = defaultdict(float)
    for u, v, _, data in relations:
        weights[lines[_look(u, v, data)]] += relation_weight(data.get("weight")) or 0.0
    heaviest = max(weights.values(), default=0.0)
    # What each relation counts in its pair's signed tie, so that the page's
    # Compare mode applies graph.signed_graph's tie rule to the same numbers;
    # a symmetric relation's second row counts in no tie, as there.
    counted = {(u, v, key) for u, v, key, _ in distinct_relations(G)}
    edges = []
    for number, (u, v, key, data) in enumerate(relations):
        line = lines[_look(u, v, data)]
        sign = int(data.get("sign", 0))
        confidence = str(data.get("confidence", ""))
        start, end = data.get("start") or None, data.get("end") or None
        kind = str(data.get("type", ""))
        style = edge_style(sign, confidence)
        edges.append(
            {
                "id": number,
                "from": u,
                "to": v,
                "key": key,
                "type": kind,
                "label": str(vocabulary.get(kind, {}).get("label", kind)),
                "sign": sign,
                "start": start,
                "end": end,
                "when": span_label(start, end),
                "active_from": _days(start)[0] if start else None,
                "active_to": _days(end)[1] if end else None,
                "confidence": confidence,
                "symmetric": bool(data.get("symmetric", False)),
                "strength": relation_strength(data.get("weight"))
                if sign != 0 and u != v and (u, v, key) in counted
                else None,
                "evidence": str(data.get("evidence", "") or ""),
                "citation": str(data.get("citation", "") or ""),
                "date_source": str(data.get("date_source", "") or ""),
                "colour": edge_colour(sign),
                "line": line,
                "roundness": bend[line],
                **style,
                "width": weight_width(style["width"], weights[line], heaviest),
            }
        )
    return edges


def _look(u: object, v: object, data: dict) -> tuple:
    """What a relation's drawn line shows: its two actors in order, type, sign, confidence."""
    return (
        str(u),
        str(v),
        str(data.get("type", "")),
        int(data.get("sign", 0)),
        str(data.get("confidence", "")),
        bool(data.get("symmetric", False)),
    )


def _legend(G: nx.MultiDiGraph, edges: list[dict], groups: Mapping, colour_by: str) -> dict:
    """Legend entries for what the data holds: camps (or groups found), kinds, signs, confidence."""
    camps = Counter(groups.values())
    kinds = Counter(str(kind) for _, kind in G.nodes(data="kind", default=""))
    signs = Counter(edge["sign"] for edge in edges)
    levels = Counter(edge["confidence"] for edge in edges)
    colours = _group_colours(groups)
    rank = {level: number for number, level in enumerate(CONFIDENCE_LEVELS)}
    return {
        "colour_by": {"by": colour_by, "how": COLOUR_BY[colour_by]},
        "camps": [
            {"camp": camp, "colour": colours[camp], "actors": camps[camp]}
            for camp in _most_common(camps)
        ],
        "kinds": [
            {"kind": kind, "shape": node_shape(kind), "actors": kinds[kind]}
            for kind in _most_common(kinds)
        ],
        "signs": [
            {
                "sign": sign,
                "name": SIGN_NAMES.get(sign, str(sign)),
                "relations": signs[sign],
                "colour": edge_colour(sign),
                "dashes": edge_style(sign, "confirmed")["dashes"],
            }
            for sign in sorted(signs, key=lambda sign: (sign == 0, -sign))
        ],
        "confidence": [
            {
                "level": level,
                "meaning": CONFIDENCE_MEANINGS.get(level, level),
                "relations": levels[level],
                "width": edge_style(1, level)["width"],
                "opacity": edge_style(1, level)["opacity"],
                "dashes": edge_style(1, level)["dashes"],
            }
            for level in sorted(levels, key=lambda level: (rank.get(level, len(rank)), level))
        ],
    }


def _most_common(counts: Counter) -> list[str]:
    """Names by decreasing count, then alphabetically (ignoring case)."""
    return sorted(counts, key=lambda name: (-counts[name], name.casefold(), name))


def _types(edges: list[dict]) -> list[dict]:
    """The relation types present, support first, each with its label and count."""
    counts = Counter(edge["type"] for edge in edges)
    first = {edge["type"]: edge for edge in reversed(edges)}
    types = [
        {
            "type": kind,
            "label": first[kind]["label"],
            "sign": first[kind]["sign"],
            "relations": count,
        }
        for kind, count in counts.items()
    ]
    return sorted(types, key=lambda t: (-t["sign"], t["label"], t["type"]))


def _months(G: nx.MultiDiGraph, periods: list[dict]) -> list[dict]:
    """The months of the data (:func:`graph.network.build.period_range`), widened to ``periods``."""
    span = period_range(G, "M")
    days = [p[bound] for p in periods for bound in ("first", "last")]
    if len(span):
        days += [span[0].start_time.date().isoformat(), span[-1].end_time.date().isoformat()]
    if not days:
        return []
    month = dt.date.fromisoformat(min(days)).replace(day=1)
    end = dt.date.fromisoformat(max(days))
    months = []
    while month <= end:
        months.append(_period(f"{month.year:04d}-{month.month:02d}"))
        month = (month + dt.timedelta(days=31)).replace(day=1)
    return months


def _period(at: str | dt.date) -> dict:
    """A period the page can show: its date as written, label, first and last ISO day.

    Examples
    --------
    >>> _period("2015-09")
    {'date': '2015-09', 'label': 'September 2015', 'first': '2015-09-01', 'last': '2015-09-30'}
    """
    first, last = as_period(at)
    text = at.isoformat() if isinstance(at, dt.date) else str(at).strip()
    return {
        "date": text,
        "label": date_label(text),
        "first": first.isoformat(),
        "last": last.isoformat(),
    }


@functools.cache
def _days(text: str) -> tuple[str, str]:
    """First and last ISO day of a partial date (cached: relations share dates)."""
    first, last = parse_period(text)
    return first.isoformat(), last.isoformat()


def _story_steps(story: pd.DataFrame) -> list[dict]:
    return [
        {
            **_period(str(row["date"])),
            "title": str(row["title"]),
            "caption": str(row["caption"]),
            "citation": str(row.get("citation", "") or ""),
            "actors": list(row.get("actors", [])),
        }
        for _, row in story.iterrows()
    ]
