"""Render an actor graph as one self-contained, offline HTML explorer.

The page is built on vis-network, the library pyvis drives, taken from the
pyvis package and inlined with the page's own script and style, so the file
opens from ``file://`` with no network and writes nothing beside itself. The
node and edge payload is built directly from the graph (pyvis's
``from_nx``/``add_edge`` grow as nodes x edges), positions come from
:func:`graph.layout.layout` (seeded, physics off) and everything is sorted, so
the same graph always gives the same bytes. Actor radii, label font size
(``label_size``) and positions share one unit, in which no two actors'
shapes and labels overlap; the page scales them together.

Text from the dataset (names, aliases, descriptions, evidence, citations,
story captions, the title) is data, never markup: it travels as JSON in a
``<script type="application/json">`` element that cannot close early, and the
page shows it with ``textContent`` and DOM nodes only; the template is
autoescaped.

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
from pathlib import Path

import jinja2
import networkx as nx
import pandas as pd
from markupsafe import Markup

from .dates import as_period, parse_period
from .files import atomic_write
from .layout import LABEL_SIZE, layout
from .read import CONFIDENCE_LEVELS
from .style import SIGN_NAMES, actor_radii, camp_colours, edge_colour, edge_style, node_shape
from .vendor import vis_network

__all__ = ["PRESETS", "explorer_payload", "render_html", "write_html"]

#: Page presets: ``default`` for a screen, ``classroom`` for a projector
#: (large labels, high contrast, panels collapsed at first).
PRESETS = ("default", "classroom")

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


def explorer_payload(
    G: nx.MultiDiGraph,
    *,
    at: str | dt.date | None = None,
    story: pd.DataFrame | None = None,
    size_by: Mapping | pd.Series | None = None,
) -> dict:
    """The data the explorer page draws: actors, relations, legend, months and story.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    at : str or datetime.date, optional
        The period the time slider starts at; all dates by default.
    story : pandas.DataFrame, optional
        Story steps, as returned by :func:`graph.read_story`.
    size_by : pandas.Series or mapping, optional
        A number per actor id; actors are drawn with areas growing with it.
        Their degree (number of relations) by default.

    Returns
    -------
    dict
        JSON-serialisable, in a fixed order (actors by id, relations by
        source, target and key, story steps as given). Text is left as plain
        text for the page to show with ``textContent``. Relation dates come with
        ``active_from``/``active_to``, the first and last ISO day they cover
        (None when open). Actors' ``x``, ``y`` and ``size`` (radius) are in
        the units of ``label_size``, the labels' font size.

    Raises
    ------
    ValueError
        If ``at`` or a story date is not a date, or ``size_by`` lacks an actor
        or holds a value that is not a finite number.

    Examples
    --------
    >>> import graph
    >>> payload = explorer_payload(graph.load())
    >>> len(payload["nodes"]), len(payload["edges"])
    (20, 34)
    >>> russia = next(n for n in payload["nodes"] if n["id"] == "russia")
    >>> russia["name"], russia["shape"], russia["degree"]
    ('Russia', 'dot', 9)
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
    return {
        "nodes": _nodes(G, size_by),
        "label_size": LABEL_SIZE,
        "size": "number of relations" if size_by is None else _size_name(size_by),
        "edges": edges,
        "legend": _legend(G, edges),
        "types": _types(edges),
        "months": _months(edges, dated),
        "at": at_period,
        "story": steps,
    }


def _nodes(G: nx.MultiDiGraph, size_by: Mapping | pd.Series | None) -> list[dict]:
    radii = actor_radii(G, size_by)
    positions = layout(G, size_by=size_by)
    colours = camp_colours(str(camp) for _, camp in G.nodes(data="camp", default=""))
    degree = dict(G.degree())
    return [
        {
            "id": node,
            "name": str(data.get("name", node)),
            "aliases": [str(alias) for alias in data.get("aliases", [])],
            "kind": str(data.get("kind", "")),
            "camp": str(data.get("camp", "")),
            "description": str(data.get("description", "")),
            "x": positions[node][0],
            "y": positions[node][1],
            "size": radii[node],
            "colour": colours[str(data.get("camp", ""))],
            "shape": node_shape(str(data.get("kind", ""))),
            "degree": degree[node],
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
    # Relations between the same two actors are bent apart so each can be hovered.
    pairs: defaultdict[tuple[str, str], int] = defaultdict(int)
    for u, v, _, _ in relations:
        pairs[tuple(sorted((str(u), str(v))))] += 1
    seen: defaultdict[tuple[str, str], int] = defaultdict(int)
    edges = []
    for number, (u, v, key, data) in enumerate(relations):
        pair = tuple(sorted((str(u), str(v))))
        seen[pair] += 1
        sign = int(data.get("sign", 0))
        confidence = str(data.get("confidence", ""))
        start, end = data.get("start") or None, data.get("end") or None
        kind = str(data.get("type", ""))
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
                "roundness": round(0.18 * seen[pair], 2) if pairs[pair] > 1 else None,
                **edge_style(sign, confidence),
            }
        )
    return edges


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
                "relations": levels[level],
                "width": edge_style(1, level)["width"],
                "opacity": edge_style(1, level)["opacity"],
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
    >>> _span_label(None, None)
    'undated (shown at every date)'
    """
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


def _json_for_script(data: object) -> str:
    """JSON that cannot close the <script> element it sits in.

    Examples
    --------
    >>> _json_for_script({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(
    G: nx.MultiDiGraph,
    *,
    title: str | None = None,
    preset: str = "default",
    at: str | dt.date | None = None,
    story: pd.DataFrame | None = None,
    size_by: Mapping | pd.Series | None = None,
) -> str:
    """The explorer page for ``G`` as a string (see :func:`write_html`).

    Examples
    --------
    >>> import graph
    >>> page = render_html(graph.load())
    >>> page.count("<script src="), page.count("<link "), page.count("<img")
    (0, 0, 0)
    """
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}: use one of {', '.join(PRESETS)}")
    payload = explorer_payload(G, at=at, story=story, size_by=size_by)
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("graph", "templates"),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    assets = resources.files("graph") / "assets"
    vis = vis_network()
    return environment.get_template("explorer.html").render(
        title=title or G.graph.get("title") or "Actor network",
        preset=preset,
        # Trusted code from the packages, as Markup; the data is JSON made safe for <script>.
        vis_css=Markup(vis.css),
        vis_js=Markup(vis.js),  # led by vis-network's licence comment
        app_css=Markup((assets / "explorer.css").read_text(encoding="utf-8")),
        app_js=Markup((assets / "explorer.js").read_text(encoding="utf-8")),
        data=Markup(_json_for_script(payload)),
    )


def write_html(
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    title: str | None = None,
    preset: str = "default",
    at: str | dt.date | None = None,
    story: pd.DataFrame | None = None,
    size_by: Mapping | pd.Series | None = None,
) -> Path:
    """Write the interactive explorer for ``G`` as one offline HTML file, atomically.

    The page shows the actors at fixed, seeded positions (allies together,
    opponents apart), coloured by camp, shaped by kind and sized by degree;
    relations as arrows, solid for support and dashed for opposition, fainter
    when only claimed or alleged. Hover a relation for its dates, quote and
    citation; click an actor for its relations grouped by sign and direction;
    search by name or alias; filter by relation type, sign, camp and
    confidence; play the months with the time slider; read every relation in
    a sortable table; step through the story with Next/Previous or the arrow
    keys.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    path : str or Path
        The HTML file to write; it is replaced only once complete.
    title : str, optional
        Page title; ``G.graph["title"]`` by default.
    preset : {"default", "classroom"}
        ``classroom``: large labels and high contrast for a projector, panels
        collapsed at first.
    at : str or datetime.date, optional
        Start the time slider at this day or partial date (``"2016-07"``);
        every relation is shown by default.
    story : pandas.DataFrame, optional
        Story steps, as returned by :func:`graph.read_story`.
    size_by : pandas.Series or mapping, optional
        A number per actor id to size actors by; their degree by default.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    ValueError
        For an unknown preset, a malformed date or an incomplete ``size_by``;
        nothing is written then.

    Examples
    --------
    >>> import graph, pathlib, tempfile
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "aleppo.html"
    >>> G = graph.load()
    >>> story = graph.read_story(graph.read.DATA_DIR / "story.csv", G.nodes)
    >>> write_html(G, out, preset="classroom", at="2016-07", story=story) == out
    True
    >>> out.read_bytes() == render_html(G, preset="classroom", at="2016-07", story=story).encode()
    True
    """
    target = Path(path)
    page = render_html(G, title=title, preset=preset, at=at, story=story, size_by=size_by)
    with atomic_write(target) as out:
        out.write(page)
    return target
