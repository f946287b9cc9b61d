"""Print-ready figures of an actor graph: PNG, SVG and PDF through matplotlib.

A figure draws what the HTML explorer draws, from the same data: the
scene (:func:`graph.drawing.picture.scene`) gives the positions, sizes, label size,
actor boxes and label places, camp colours, relation colours, dashes, widths
and opacities, and :func:`graph.drawing.style.node_shape` gives the matplotlib marker
of each kind. Shapes and labels keep their size relative to the positions,
and their place, so labels that do not overlap in the explorer do not
overlap on paper either. On paper it adds
what a handout needs: a title, the date of the data, a legend, and
encodings that survive grayscale printing -- shape by kind, line style by
sign, labels on a white halo.

Text from the dataset is drawn as plain text: matplotlib's math markup is
off for it, so a ``$`` in a name stays a dollar sign. The same graph gives
the same bytes in every format (fixed style, no dates in the metadata) on a
given machine.

Fonts and long names
--------------------
Text is set in DejaVu Sans (Latin, Greek, Cyrillic, Hebrew, Arabic letters),
and each character DejaVu Sans lacks is taken from the first installed font of
:data:`FONT_FALLBACK` that has it -- Noto Sans CJK or WenQuanYi for Chinese,
Japanese and Korean names (Debian: ``fonts-noto-cjk`` or
``fonts-wqy-microhei``), Noto for other scripts. Fonts installed after
matplotlib built its font cache are found too. A script no installed font
covers is drawn as boxes; matplotlib does not join Arabic letters or lay text
out right to left.

A name longer than :data:`LABEL_WIDTH` characters (a CJK character counts
two) is wrapped onto at most two lines, and a longer one shortened with
"…" (:func:`figure_label`); the legend then lists the full names. Actors are
placed for the labels as drawn, so long names do not shrink the drawing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import io
import logging
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib import font_manager, patheffects
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.markers import MarkerStyle
from matplotlib.patches import FancyArrowPatch

from graph.analysis.metrics import date_range
from graph.core.dates import as_period, is_active
from graph.core.files import atomic_write
from graph.core.words import counted
from graph.drawing.labels import LABEL_LINE, graphemes, label_lines, text_columns
from graph.drawing.picture import scene
from graph.drawing.style import edge_style, node_shape

__all__ = [
    "FIGURE_FORMATS",
    "FONT_FALLBACK",
    "LABEL_WIDTH",
    "PRESETS",
    "Preset",
    "draw",
    "drawing_style",
    "figure_label",
    "font_families",
    "make_figure",
]


@dataclass(frozen=True)
class Preset:
    """Page size (inches), resolution of PNG files and font sizes (points) of a figure.

    Actor labels are not of these sizes: they keep the layout's ratio to the
    drawing, as large as the page allows.
    """

    width: float
    height: float
    dpi: int
    text: float
    title: float


#: ``handout``: A4 landscape for print; ``slide``: 16:9 for a projector.
PRESETS = {
    "handout": Preset(width=11.69, height=8.27, dpi=200, text=8.0, title=16.0),
    "slide": Preset(width=40 / 3, height=7.5, dpi=150, text=11.0, title=22.0),
}

#: File formats :func:`draw` writes, by file suffix.
FIGURE_FORMATS = ("png", "svg", "pdf")

#: Font families, in the order each character is looked for; those installed are used.
FONT_FALLBACK = (
    "DejaVu Sans",
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Noto Sans CJK KR",
    "Source Han Sans",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "Noto Sans Devanagari",
    "Noto Sans Bengali",
    "Noto Sans Tamil",
    "Noto Sans Thai",
    "Noto Sans Ethiopic",
    "Noto Sans Armenian",
    "Noto Sans Georgian",
    "Noto Sans",
    "FreeSans",
)

#: Longest line of an actor's label in a figure, in characters (CJK count
#: two): the explorer's, so that a figure shows the picture the page shows.
LABEL_WIDTH = LABEL_LINE
#: Lines a label may take; a longer name is shortened with an ellipsis.
_LABEL_LINES = 2


@functools.cache
def font_families() -> tuple[str, ...]:
    """The families of :data:`FONT_FALLBACK` installed here, DejaVu Sans first.

    Fonts installed after matplotlib cached its font list are added to it
    first, so a CJK font installed today is used today.
    """
    known = {font.fname for font in font_manager.fontManager.ttflist}
    for path in font_manager.findSystemFonts():
        if path not in known:
            with contextlib.suppress(OSError, RuntimeError, ValueError):  # not a font: skip
                font_manager.fontManager.addfont(path)
    installed = {font.name for font in font_manager.fontManager.ttflist}
    return tuple(family for family in FONT_FALLBACK if family in installed)


def figure_label(name: str) -> str:
    """An actor's name as a figure draws it: whole, wrapped on two lines, or shortened.

    Examples
    --------
    >>> figure_label("Syrian Observatory for Human Rights")
    'Syrian Observatory\\nfor Human Rights'
    >>> figure_label("Popular Mobilization Forces of the Governorate of Northern Aleppo")
    'Popular\\nMobilization Forc…'
    >>> figure_label("叙利亚民主力量叙利亚民主力量叙利亚民主力量叙利亚民主力量")
    '叙利亚民主力量叙利\\n亚民主力量叙利亚…'
    >>> figure_label("Kurdistan " + "🇨🇦" * 12).split("\\n")[1]  # whole flags, never half of one
    '🇨🇦🇨🇦🇨🇦🇨🇦🇨🇦🇨🇦🇨🇦🇨🇦…'
    """
    lines = label_lines(" ".join(name.split()), width=LABEL_WIDTH)
    if len(lines) > _LABEL_LINES:
        last = " ".join(lines[_LABEL_LINES - 1 :])
        clusters = graphemes(last)  # cut between characters as readers see them
        while text_columns(last) > LABEL_WIDTH - 1:
            clusters.pop()
            last = "".join(clusters)
        lines = [*lines[: _LABEL_LINES - 1], last.rstrip() + "…"]
    return "\n".join(lines)


# A fixed style, whatever the user's matplotlibrc says, and no dates or
# random ids in the files, so the same graph gives the same bytes.
_STYLE = {
    "svg.fonttype": "none",
    "svg.hashsalt": "alliance-graph",
    "pdf.fonttype": 42,
    "path.simplify": False,
}
_METADATA = {
    "png": {"Software": "alliance-graph"},
    "svg": {"Creator": "alliance-graph", "Date": None},
    "pdf": {"Creator": "alliance-graph", "Producer": "alliance-graph", "CreationDate": None},
}
_HALO = [patheffects.withStroke(linewidth=3, foreground="white")]
#: Layout pixels to points: the explorer's sizes and widths are in screen pixels.
_POINTS_PER_PIXEL = 0.75


def draw(
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    at: str | dt.date | None = None,
    preset: str = "handout",
    title: str | None = None,
) -> Path:
    """Write a print-ready figure of ``G``: PNG, SVG or PDF, by the file's suffix.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    path : str or Path
        The file to write, ending in ``.png``, ``.svg`` or ``.pdf``; it is
        replaced only once complete.
    at : str or datetime.date, optional
        Only draw the relations active at this day or partial date
        (``"2016-07"``), as the explorer's time slider does; every actor stays
        where the explorer puts it.
    preset : {"handout", "slide"}
        ``handout``: A4 landscape (11.69 x 8.27 in), PNG at 200 dpi.
        ``slide``: 16:9 (13.33 x 7.5 in), larger type, PNG at 150 dpi.
    title : str, optional
        The figure's title; ``G.graph["title"]`` by default.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    ValueError
        For an unknown suffix or preset or a malformed date; nothing is
        written then.

    Examples
    --------
    >>> import graph, pathlib, tempfile
    >>> out = draw(graph.load(), pathlib.Path(tempfile.mkdtemp()) / "aleppo.pdf", at="2016")
    >>> out.read_bytes()[:5]
    b'%PDF-'
    """
    target = Path(path)
    format = target.suffix.lower().lstrip(".")
    if format not in FIGURE_FORMATS:
        raise ValueError(
            f"cannot tell the format of {target.name!r}: end the file name with "
            + ", ".join(f".{name}" for name in FIGURE_FORMATS)
        )
    figure = make_figure(G, at=at, preset=preset, title=title)
    content = io.BytesIO()
    with drawing_style():
        figure.savefig(content, format=format, dpi=PRESETS[preset].dpi, metadata=_METADATA[format])
    with atomic_write(target, "wb") as out:
        out.write(content.getvalue())
    return target


def make_figure(
    G: nx.MultiDiGraph,
    *,
    at: str | dt.date | None = None,
    preset: str = "handout",
    title: str | None = None,
) -> Figure:
    """The figure :func:`draw` writes, as a matplotlib Figure (it shows itself in a notebook).

    Parameters are those of :func:`draw`.

    Examples
    --------
    >>> import graph
    >>> figure = make_figure(graph.load(), preset="slide")
    >>> figure.get_size_inches().round(2).tolist()
    [13.33, 7.5]
    >>> make_figure(graph.load(), preset="poster")
    Traceback (most recent call last):
    ...
    ValueError: unknown preset 'poster': use one of handout, slide
    """
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}: use one of {', '.join(PRESETS)}")
    spec = PRESETS[preset]
    if at is not None:
        as_period(at)  # fail on a malformed date before any drawing
    drawn, shortened = _with_figure_labels(G)
    payload = scene(drawn)
    edges = [
        edge for edge in payload["edges"] if at is None or is_active(edge["start"], edge["end"], at)
    ]
    with drawing_style():
        figure = Figure(figsize=(spec.width, spec.height))
        _heading(figure, G, spec, at=at, title=title, shown=len(edges))
        network = figure.add_axes((0.02, 0.04, 0.72, 0.82))
        boxes = pd.DataFrame.from_records(
            [node["box"] for node in payload["nodes"]],
            index=[node["id"] for node in payload["nodes"]],
        )
        _network(network, payload["nodes"], edges, boxes, payload["label_size"])
        legend = figure.add_axes((0.76, 0.04, 0.22, 0.82))
        directed = any(not edge["symmetric"] for edge in edges)
        _legend(legend, payload["legend"], spec, shortened, directed=directed)
    return figure


def _style() -> dict:
    return {**_STYLE, "font.family": list(font_families())}


@contextlib.contextmanager
def drawing_style() -> Iterator[None]:
    """The figures' matplotlib style and font fallback (:func:`font_families`), for every
    printed picture or sheet, without matplotlib's log lines about font weights.

    A fallback font with no bold face (WenQuanYi) makes matplotlib log a
    warning for each bold text; the regular face is the right answer, and
    the command line must not print it.
    """
    logger = logging.getLogger("matplotlib.font_manager")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with matplotlib.rc_context(_style()):
            yield
    finally:
        logger.setLevel(level)


def _with_figure_labels(G: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, list[str]]:
    """``G`` with names as the figure draws them, and the full names it shortened."""
    names = {node: str(data.get("name", node)) for node, data in G.nodes(data=True)}
    labels = {node: figure_label(name) for node, name in names.items()}
    if labels == names:
        return G, []
    drawn = G.copy()
    for node, label in labels.items():
        drawn.nodes[node]["name"] = label
    shortened = sorted(
        {names[node] for node, label in labels.items() if label.endswith("…")}, key=str.lower
    )
    return drawn, shortened


def _heading(
    figure: Figure,
    G: nx.MultiDiGraph,
    spec: Preset,
    *,
    at: str | dt.date | None,
    title: str | None,
    shown: int,
) -> None:
    """Title, and the date and size of what is drawn."""
    name = title or G.graph.get("title") or "Actor network"
    figure.text(0.02, 0.965, name, fontsize=spec.title, weight="bold", va="top", parse_math=False)
    first, last = date_range(G)
    if at is not None:
        when = f"Relations active at {at.isoformat() if isinstance(at, dt.date) else at}"
    elif "period" in G.graph:  # graph.between's (--from/--to): the period asked for
        when = f"Relations active {G.graph['period']}"
    elif first == last:
        when = f"Relations in {first}" if first else "Undated relations"
    else:
        when = f"Relations from {first} to {last}"
    relations = counted(G.number_of_edges(), "relation")
    counts = f"{counted(G.number_of_nodes(), 'actor')}, {shown} of {relations} shown"
    figure.text(
        0.02, 0.905, f"{when}  ·  {counts}", fontsize=spec.text + 2, va="top", parse_math=False
    )


def _network(
    axes, nodes: list[dict], edges: list[dict], boxes: pd.DataFrame, label_size: float
) -> None:
    """Actors at the explorer's positions (y pointing up), their labels, relations as arrows."""
    axes.set_axis_off()
    axes.set_aspect("equal")
    where = {node["id"]: (node["x"], -node["y"]) for node in nodes}
    if nodes:
        # Room for every shape and label (boxes have y pointing down, as the layout).
        x = pd.Series({node: xy[0] for node, xy in where.items()})
        y = pd.Series({node: xy[1] for node, xy in where.items()})
        low_x, high_x = (x + boxes.left).min(), (x + boxes.right).max()
        low_y, high_y = (y - boxes.bottom).min(), (y - boxes.top).max()
        margin = 0.01 * max(high_x - low_x, high_y - low_y)
        axes.set_xlim(low_x - margin, high_x + margin)
        axes.set_ylim(low_y - margin, high_y + margin)
    # Points per layout unit, so shapes and labels keep the explorer's proportions.
    box = axes.get_position()
    figure_width, figure_height = axes.figure.get_size_inches()
    span_x, span_y = axes.get_xlim(), axes.get_ylim()
    scale = min(
        box.width * figure_width * 72 / (span_x[1] - span_x[0]),
        box.height * figure_height * 72 / (span_y[1] - span_y[0]),
    )
    radius = {node["id"]: node["size"] * scale for node in nodes}

    for edge in edges:
        style = (
            (0, [dash * _POINTS_PER_PIXEL for dash in edge["dashes"]]) if edge["dashes"] else "-"
        )
        # add_artist, not add_patch: the limits are set, and fitting them to
        # each curved arrow costs more than drawing it.
        axes.add_artist(
            FancyArrowPatch(
                where[edge["from"]],
                where[edge["to"]],
                arrowstyle="-" if edge["symmetric"] else "-|>",  # both ways: no head
                mutation_scale=8 + 2 * edge["width"],
                connectionstyle=f"arc3,rad={_bend(edge)}",
                shrinkA=radius[edge["from"]],
                shrinkB=radius[edge["to"]] + 1,
                linestyle=style,
                linewidth=edge["width"] * _POINTS_PER_PIXEL,
                color=edge["colour"],
                alpha=edge["opacity"],
                zorder=1,
            )
        )
    by_marker: dict[str, list[dict]] = {}
    for node in nodes:
        by_marker.setdefault(node_shape(node["kind"], backend="matplotlib"), []).append(node)
    for marker, group in sorted(by_marker.items()):
        # Marker sizes are widths of the marker's unit shape; this one reaches `reach` of it.
        reach = _marker_reach(marker)
        axes.scatter(
            [where[node["id"]][0] for node in group],
            [where[node["id"]][1] for node in group],
            s=[(radius[node["id"]] / reach) ** 2 for node in group],
            marker=marker,
            color=[node["colour"] for node in group],
            edgecolors="black",
            linewidths=0.8,
            zorder=2,
        )
    for node in nodes:
        # Where the explorer hangs it, below the shape.
        below = node["label_top"]
        axes.annotate(
            node["label"],
            where[node["id"]],
            xytext=(0, -below * scale),
            textcoords="offset points",
            ha="center",
            va="top",
            multialignment="center",
            fontsize=label_size * scale,
            path_effects=_HALO,
            zorder=3,
            parse_math=False,
        )


def _marker_reach(marker: str) -> float:
    """How far a matplotlib marker of size 1 reaches from its centre, at most.

    Examples
    --------
    >>> _marker_reach("o"), round(_marker_reach("D"), 3)
    (0.5, 0.707)
    """
    style = MarkerStyle(marker)
    extents = style.get_path().transformed(style.get_transform()).get_extents()
    return float(np.abs(extents.get_points()).max())


def _bend(edge: dict) -> float:
    """Curvature of a relation: parallel ones are bent apart as in the explorer."""
    roundness = edge.get("roundness")
    return 0.0 if roundness is None else -roundness


#: Camps past this many share the legend's width in two columns.
_ONE_COLUMN_CAMPS = 10
#: Shortened names whose full names the legend lists; the others are counted.
_FULL_NAMES = 8
#: Characters of a legend line, in one column and in one of two.
_LEGEND_CHARACTERS = (34, 15)


def _legend(
    axes, legend: dict, spec: Preset, shortened: list[str], *, directed: bool = True
) -> None:
    """Camps (colour), kinds (shape), signs and confidence (line style), shortened names.

    What colours the actors is named as on the page (``legend["colour_by"]``):
    the data's camps, or the sides or groups found in data without camps,
    with how they were found. The arrow's meaning is listed only when a
    drawn relation has a ``directed`` arrowhead. Many camps go in two
    columns, and when the entries still do not fit, rows and type shrink
    together, so the legend stays within its column.
    """
    axes.set_axis_off()
    camps = [(c["camp"], _marker("s", c["colour"])) for c in legend["camps"]]
    colour_by = legend["colour_by"]
    sections = [
        (
            f"{colour_by['by'].capitalize()} (colour)",
            camps,
            2 if len(camps) > _ONE_COLUMN_CAMPS else 1,
        ),
        (
            "Kind of actor (shape)",
            [
                (k["kind"], _marker(node_shape(k["kind"], backend="matplotlib"), "#BBBBBB"))
                for k in legend["kinds"]
            ],
            1,
        ),
        (
            "Relation (line style)",
            [(s["name"], _line(s["dashes"], 2.25, s["colour"], 1.0)) for s in legend["signs"]]
            + ([("from the actor who acts", _arrow)] if directed else []),
            1,
        ),
        (
            "Confidence (width, dots)",
            [
                (
                    c["level"],
                    _line(
                        edge_style(1, c["level"])["dashes"],
                        c["width"] * _POINTS_PER_PIXEL,
                        "#222222",
                        c["opacity"],
                    ),
                )
                for c in legend["confidence"]
            ],
            1,
        ),
    ]
    if colour_by["by"] != "camp":
        # The page's note under its colours: how the groups were found.
        how = colour_by["how"][0].upper() + colour_by["how"][1:] + "."
        lines = textwrap.wrap(how, _LEGEND_CHARACTERS[0])
        sections.insert(1, ("How the colours were found", [(line, None) for line in lines], 1))
    if shortened:
        listed = shortened[:_FULL_NAMES]
        lines = [  # a name's further lines indented
            ("   " if number else "") + line
            for name in listed
            for number, line in enumerate(label_lines(name, width=_LEGEND_CHARACTERS[0]))
        ]
        if len(shortened) > len(listed):
            lines.append(f"and {len(shortened) - len(listed)} more: see the explorer's table")
        sections.append(("Full names", [(line, None) for line in lines], 1))
    rows = sum(-(-len(entries) // columns) + 1.6 for _, entries, columns in sections)
    preferred = 0.045 * spec.text / 8
    step = min(preferred, 0.98 / max(rows, 1))
    size = spec.text * step / preferred  # smaller type only when the rows must be closer
    y = 0.99
    for heading, entries, columns in sections:
        axes.text(0, y, heading, fontsize=size + 1, weight="bold", va="top")
        y -= step * 1.2
        height = -(-len(entries) // columns)
        for number, (label, handle) in enumerate(entries):
            column, row = divmod(number, height)
            x, top = column / columns, y - row * step
            if handle is not None:
                handle(axes, x + 0.06 / columns, top - step * 0.35, size / spec.text)
            text = textwrap.shorten(label, _LEGEND_CHARACTERS[columns - 1], placeholder="…")
            axes.text(
                x + (0.16 / columns if handle else 0.02),
                top,
                text if columns > 1 else label,
                fontsize=size,
                va="top",
                parse_math=False,
            )
        y -= step * (height + 0.4)
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)


def _marker(marker: str, colour: str):
    def handle(axes, x: float, y: float, scale: float) -> None:
        axes.plot(
            [x],
            [y],
            marker=marker,
            markersize=9 * scale,
            color=colour,
            markeredgecolor="black",
            markeredgewidth=scale,
            ls="",
        )

    return handle


def _arrow(axes, x: float, y: float, scale: float) -> None:
    axes.annotate(
        "",
        (x + 0.05, y),
        xytext=(x - 0.05, y),
        arrowprops={"arrowstyle": "-|>", "lw": 1.5 * scale, "mutation_scale": 10 * scale},
    )


def _line(dashes: list, width: float, colour: str, opacity: float):
    def handle(axes, x: float, y: float, scale: float) -> None:
        line = Line2D(
            [x - 0.06, x + 0.06], [y, y], linewidth=width * scale, color=colour, alpha=opacity
        )
        if dashes:
            line.set_dashes([dash * _POINTS_PER_PIXEL for dash in dashes])
        axes.add_line(line)

    return handle
