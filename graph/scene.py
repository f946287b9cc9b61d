"""The scene: what every picture of an actor graph draws, where and how.

One payload, built here, feeds the HTML explorer (:mod:`graph.render`
serialises it into the page), the print figures (:mod:`graph.figure`) and
the GEXF export (:mod:`graph.export`): positions from
:func:`graph.layout.layout` (seeded, so the same graph always gives the same
picture), radii, colours, shapes and line styles from :mod:`graph.style`, and
every actor's box (its shape and label, :func:`graph.layout.actor_boxes`),
all in the units of ``label_size``, the labels' font size. Pictures scale the
whole together, so labels that the layout keeps apart stay apart. The scene
also holds what the explorer's legend, filters, time slider and story show,
and the words the page uses for signs and confidence levels.

The payload is described, field by field, by a versioned JSON Schema shipped
in the package (:func:`schema`, ``graph/schema/scene.schema.json``); its
``version`` changes whenever a field changes meaning or goes away. The
explorer's script reads only what the schema declares.

With ``views=True`` (the explorer's page) the scene also carries what the
explorer's balance, quiz, glossary and comparison modes show, all computed
here so the page works offline: the balance of the whole data, of every
month and without each of the most central actors
(:func:`graph.balance.balance_view`), balance's predictions for pairs with
no tie (:func:`graph.balance_predictions`), a quiz
(:func:`graph.quiz_payload`) or the reason the data give none, and the
glossary (:func:`graph.glossary`).

Text from the dataset (names, aliases, descriptions, evidence, citations,
story captions) is left as plain text: the page shows it with
``textContent``, never as markup.

Time. The slider steps through the months of the data (from the first month
with a dated relation to the last, widened to cover the story and ``at``). A
relation is shown at a period -- a month, or the day or year a story step or
``at`` names -- when it is active on at least one day of it, the rule of
:func:`graph.snapshot`: its start (the first day of a partial date; open if
empty) is on or before the period's last day and its end (the last day of a
partial date; open if empty) is on or after the period's first day. Python
expands every partial date to days with :func:`graph.dates.parse_period`; the
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
import pandas as pd

from .dates import as_period, parse_period
from .layout import LABEL_SIZE, LABELLED_UP_TO, actor_boxes, label_lines, label_top, layout
from .read import CONFIDENCE_LEVELS
from .signs import relation_weight
from .style import (
    SIGN_NAMES,
    actor_radii,
    camp_colours,
    edge_colour,
    edge_style,
    node_shape,
    weight_width,
)

__all__ = [
    "CONFIDENCE_MEANINGS",
    "GROUP_COLOURS",
    "QUIZ_QUESTIONS",
    "SCHEMA_VERSION",
    "UNPLACED_COLOUR",
    "scene",
    "schema",
]

#: Version of the payload's layout, the ``version`` field of every scene and
#: the ``version`` the schema requires.
SCHEMA_VERSION = 2

#: What each confidence level says about a relation, in words.
CONFIDENCE_MEANINGS = {
    "confirmed": "reported as fact",
    "claimed": "a party's own claim",
    "alleged": "an accusation by others",
}

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def schema() -> dict:
    """The JSON Schema (draft 2020-12) of the scene, as shipped in the package.

    Examples
    --------
    >>> schema()["properties"]["version"]["const"] == SCHEMA_VERSION
    True
    """
    text = (resources.files("graph") / "schema" / "scene.schema.json").read_text("utf-8")
    return json.loads(text)


def scene(
    G: nx.MultiDiGraph,
    *,
    at: str | dt.date | None = None,
    story: pd.DataFrame | None = None,
    size_by: Mapping | pd.Series | None = None,
    views: bool = False,
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
    views : bool, default False
        Add ``balance``, ``quiz``, ``quiz_unavailable`` and ``glossary``: what
        the explorer's modes show (a few tenths of a second for the Aleppo
        data; pictures that only draw the network leave them out).

    Returns
    -------
    dict
        JSON-serialisable and valid against :func:`schema`, in a fixed order
        (actors by id, relations by source, target and key, story steps as
        given), with ``title`` the dataset's (``G.graph["title"]``, empty
        without one). Actors' ``x``, ``y`` (y pointing down), ``size`` (radius),
        ``box`` and ``label_top`` are in the units of ``label_size``, the
        labels' font size. Relation dates come with ``active_from`` and
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
    (2, 20, 34)
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
    """
    at_period = None if at is None else _period(at)
    steps = [] if story is None else _story_steps(story)
    dated = [p for p in (at_period, *steps) if p is not None]
    edges = _edges(G)
    payload = {
        "version": SCHEMA_VERSION,
        "title": str(G.graph.get("title") or ""),
        "label_size": LABEL_SIZE,
        "labelled_up_to": LABELLED_UP_TO,
        "size": "number of relations" if size_by is None else _size_name(size_by),
        "nodes": _nodes(G, size_by),
        "edges": edges,
        "legend": _legend(G, edges),
        "types": _types(edges),
        "months": _months(edges, dated),
        "at": at_period,
        "story": steps,
    }
    if views:
        payload.update(_views(G))
    return payload


def _nodes(G: nx.MultiDiGraph, size_by: Mapping | pd.Series | None) -> list[dict]:
    radii = actor_radii(G, size_by)
    labels = {
        node: "\n".join(label_lines(str(data.get("name", node))))
        for node, data in G.nodes(data=True)
    }
    positions = layout(G, size_by=size_by, labels=labels)
    boxes = actor_boxes(G, size_by, label_size=LABEL_SIZE, labels=labels).round(2).to_dict("index")
    colours = camp_colours(str(camp) for _, camp in G.nodes(data="camp", default=""))
    degree = dict(G.degree())
    return [
        {
            "id": node,
            "name": str(data.get("name", node)),
            "label": labels[node],
            "aliases": [str(alias) for alias in data.get("aliases", [])],
            "kind": str(data.get("kind", "")),
            "camp": str(data.get("camp", "")),
            "description": str(data.get("description", "")),
            "x": positions[node][0],
            "y": positions[node][1],
            "size": radii[node],
            "box": boxes[node],
            "label_top": round(label_top(radii[node], label_size=LABEL_SIZE), 2),
            "colour": colours[str(data.get("camp", ""))],
            "shape": node_shape(str(data.get("kind", ""))),
            "degree": degree[node],
            "active_from": _days(str(data["start"]))[0] if data.get("start") else None,
            "active_to": _days(str(data["end"]))[1] if data.get("end") else None,
        }
        for node, data in sorted(G.nodes(data=True), key=lambda item: str(item[0]))
    ]


#: Colours of the balance view's groups, largest first (Okabe-Ito blue and
#: orange: told apart by colour-blind readers and, dark against light, in grayscale).
GROUP_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7")
#: Colour of actors in no group (no support or opposition tie at that date).
UNPLACED_COLOUR = "#FFFFFF"
#: Questions in the explorer's quiz.
QUIZ_QUESTIONS = 10
#: The most signed ties for which the page precomputes its balance view and
#: quiz: above it, proving the frustration index for every month and what-if
#: would take minutes per build, so the page leaves those modes out and says
#: which command computes them.
VIEWS_MAX_TIES = 1_000


def _views(G: nx.MultiDiGraph) -> dict:
    """What the explorer's balance, quiz, glossary and comparison modes show."""
    from .balance import balance_view
    from .build import signed_graph
    from .predict import balance_predictions
    from .quiz import QuizError, quiz_payload, quiz_questions

    S = signed_graph(G)
    if S.number_of_edges() > VIEWS_MAX_TIES:
        reason = (
            f"These data have {S.number_of_edges():,} signed ties; the page computes balance "
            f"and the quiz for at most {VIEWS_MAX_TIES:,}. Use `alliance-graph balance` and "
            "`alliance-graph quiz` on them, or build the page for a period (--at) or a "
            "smaller dataset."
        )
        return {"quiz": None, "quiz_unavailable": reason, "glossary": _glossary()}
    view = balance_view(G)
    whole = _balance_state(view["all"], None)
    predictions = balance_predictions(S)
    try:
        quiz, unavailable = quiz_payload(quiz_questions(G, n=QUIZ_QUESTIONS)), None
    except QuizError as error:
        quiz, unavailable = None, str(error)
    return {
        "balance": {
            "all": whole,
            "months": [
                {
                    "month": m["month"],
                    "changed_sides": m["changed_sides"],
                    **_balance_state(m, whole),
                }
                for m in view["months"]
            ],
            "without": [
                {
                    "actor": w["actor"],
                    "changed_sides": w["changed_sides"],
                    **_balance_state(w, whole),
                }
                for w in view["without"]
            ],
            "predictions": [
                {
                    "actor": actor,
                    "other": other,
                    "prediction": int(row["prediction"]),
                    "triads": int(row["triads"]),
                    "agreeing": float(row["agreeing"]),
                    "supporting": list(row["supporting"]),
                    "opposing": list(row["opposing"]),
                }
                for (actor, other), row in predictions.iterrows()
            ],
            "unplaced_colour": UNPLACED_COLOUR,
        },
        "quiz": quiz,
        "quiz_unavailable": unavailable,
        "glossary": _glossary(),
    }


def _glossary() -> list[dict]:
    """The glossary's entries as records."""
    from .quiz import glossary

    return glossary().reset_index().to_dict("records")


def _balance_state(state: dict, whole: dict | None) -> dict:
    """A partition of :func:`graph.balance.balance_view`, each group with its colour.

    A group takes the colour of the whole data's group it shares most members
    with, so a side keeps its colour from month to month.
    """
    colours = {}
    if whole is not None:
        for group in whole["groups"]:
            for member in group["members"]:
                colours[member] = group["colour"]
    groups = []
    for number, group in enumerate(state["groups"]):
        votes = Counter(colours[m] for m in group["members"] if m in colours)
        taken = {g["colour"] for g in groups}
        choices = [c for c, _ in votes.most_common() if c not in taken]
        free = [c for c in GROUP_COLOURS if c not in taken]
        colour = choices[0] if choices else free[0] if free else GROUP_COLOURS[-1]
        if whole is None:
            colour = GROUP_COLOURS[min(number, len(GROUP_COLOURS) - 1)]
        groups.append({"id": group["id"], "members": group["members"], "colour": colour})
    return {
        "L": state["L"],
        "proven": state["proven"],
        "lower_bound": state["lower_bound"],
        "groups": groups,
        "unplaced": state["unplaced"],
        "frustrated": [{"from": u, "to": v, "sign": sign} for u, v, sign in state["frustrated"]],
    }


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
                "when": _span_label(start, end),
                "active_from": _days(start)[0] if start else None,
                "active_to": _days(end)[1] if end else None,
                "confidence": confidence,
                "symmetric": bool(data.get("symmetric", False)),
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


def _legend(G: nx.MultiDiGraph, edges: list[dict]) -> dict:
    """Legend entries for what the data holds: camps, kinds, signs, confidence levels."""
    camps = Counter(str(camp) for _, camp in G.nodes(data="camp", default=""))
    kinds = Counter(str(kind) for _, kind in G.nodes(data="kind", default=""))
    signs = Counter(edge["sign"] for edge in edges)
    levels = Counter(edge["confidence"] for edge in edges)
    colours = camp_colours(camps)
    rank = {level: number for number, level in enumerate(CONFIDENCE_LEVELS)}
    return {
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


def _months(edges: list[dict], periods: list[dict]) -> list[dict]:
    """Every month from the first to the last day of the relations' dates and of ``periods``."""
    days = [day for e in edges for date in (e["start"], e["end"]) if date for day in _days(date)]
    days += [p[bound] for p in periods for bound in ("first", "last")]
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
        "label": _date_label(text),
        "first": first.isoformat(),
        "last": last.isoformat(),
    }


@functools.cache
def _days(text: str) -> tuple[str, str]:
    """First and last ISO day of a partial date (cached: relations share dates)."""
    first, last = parse_period(text)
    return first.isoformat(), last.isoformat()


@functools.cache
def _date_label(text: str) -> str:
    """A partial ISO date in words: ``2016``, ``July 2016``, ``28 July 2016``."""
    parts = [int(part) for part in text[:10].split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = f"{_MONTH_NAMES[parts[1] - 1]} {parts[0]}"
    return month if len(parts) == 2 else f"{parts[2]} {month}"


def _span_label(start: str | None, end: str | None) -> str:
    """When a relation holds, in words.

    Examples
    --------
    >>> _span_label("2012-07", "2016-12-22"), _span_label(None, "2016-07-28")
    ('July 2012 – 22 December 2016', 'until 28 July 2016')
    >>> _span_label(None, None), _span_label("2016-07-28", "2016-07-28")
    ('undated (shown at every date)', 'on 28 July 2016')
    """
    if start and end and start == end:
        return f"on {_date_label(start)}"
    if start and end:
        return f"{_date_label(start)} – {_date_label(end)}"
    if start:
        return f"since {_date_label(start)}"
    if end:
        return f"until {_date_label(end)}"
    return "undated (shown at every date)"


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
