"""Write the explorer: one self-contained, offline HTML page for an actor graph.

This module only serialises: the scene (:func:`graph.drawing.picture.scene`, what is
drawn where and how, described by ``graph/drawing/schema/scene.schema.json``) goes
into the page as JSON, with vis-network, the library pyvis drives (taken from
the pyvis package), and the page's own script and style, all inlined, so the
file opens from ``file://`` with no network and writes nothing beside itself.
The page's script is a few files in ``graph/outputs/explorer/assets/`` (:data:`SCRIPTS`),
each with one job, joined in a fixed order. The same graph always gives the
same bytes. A large scene travels compressed, its actors and relations as
columns (:mod:`graph.outputs.explorer.wire`), which the page rebuilds.

Text from the dataset is data, never markup: it travels as JSON in a
``<script type="application/json">`` element that cannot close early, and the
page shows it with ``textContent`` and DOM nodes only; the template is
autoescaped.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import jinja2
import networkx as nx
import pandas as pd
from markupsafe import Markup

from graph.core.files import atomic_write
from graph.outputs.explorer.payload import page_payload
from graph.outputs.explorer.vendor import vis_network
from graph.outputs.explorer.wire import ENCODING, columnar_scene

__all__ = [
    "OPENS_UP_TO",
    "PACKED_FROM",
    "PRESETS",
    "SCRIPTS",
    "app_script",
    "page_warning",
    "render_html",
    "write_html",
]

#: Bytes of scene JSON from which the page carries its actors and relations as
#: columns (:mod:`graph.outputs.explorer.wire`), gzip-compressed and
#: base64-encoded, unpacked by the browser's DecompressionStream: a large
#: network's scene shrinks 5 to 10 times, while a small page (the bundled
#: Aleppo data, about 0.4 MB) stays plain JSON, readable in the file.
PACKED_FROM = 1_000_000

#: The most relations whose page was measured to reach a still picture within
#: issue 21's targets in headless Chromium on the 2-core benchmark machine
#: (benchmarks/bench_scale.py, see benchmarks/README.md): since the group view
#: folds the drawing, 200,000 open in about 3 s; larger pages were not
#: measured (building one takes over 1 GB), so :func:`page_warning` warns.
OPENS_UP_TO = 200_000

#: Page presets: ``default`` for a screen, ``classroom`` for a projector
#: (large labels, high contrast, panels collapsed at first).
PRESETS = ("default", "classroom")

#: The page's script, files of ``graph/outputs/explorer/assets/`` joined in this
#: order: DOM helpers, reading the embedded scene (compressed or not), the
#: state, names by importance at scale, the network view (its geometry, the
#: room for larger names, line drawing, the pointer's card, printing, then the
#: view that uses them), the panels (legend, filters, search, actor), time
#: (slider and story), the table, the modes (modes.js that holds them, then
#: groups, glossary, balance, two dates compared as graph.diff, quiz), and the
#: start that wires them. They are classic scripts sharing one scope, wrapped
#: in a function in the page.
SCRIPTS = (
    "dom.js",
    "decode.js",
    "state.js",
    "names.js",
    "geometry.js",
    "room.js",
    "lines.js",
    "pointer.js",
    "print.js",
    "network.js",
    "panels.js",
    "timeline.js",
    "table.js",
    "modes.js",
    "blocks.js",
    "groups.js",
    "glossary.js",
    "balance.js",
    "diff.js",
    "quiz.js",
    "main.js",
)


def app_script() -> str:
    """The page's own script: :data:`SCRIPTS` joined, each under a comment naming its file.

    Examples
    --------
    >>> script = app_script()
    >>> script.index("// dom.js") < script.index("// main.js")
    True
    """
    folder = resources.files(__package__) / "assets"
    return "\n".join(
        f"// {name}\n" + (folder / name).read_text(encoding="utf-8") for name in SCRIPTS
    )


def _compact_json(data: object) -> str:
    """The page's JSON: sorted keys and no spaces, so the same data gives the same bytes."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _json_for_script(data: object) -> str:
    """JSON that cannot close the <script> element it sits in.

    Examples
    --------
    >>> _json_for_script({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = _compact_json(data)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_warning(G: nx.MultiDiGraph) -> str | None:
    """Why the explorer page of ``G`` may not open in a browser, and what to do; None if it will.

    Examples
    --------
    >>> import graph
    >>> page_warning(graph.load()) is None
    True
    """
    relations = G.number_of_edges()
    if relations <= OPENS_UP_TO:
        return None
    return (
        f"warning: the page will hold {relations:,} relations; pages were measured to "
        f"open in a browser on a 2-core laptop up to {OPENS_UP_TO:,} (3 s on the group "
        "view, but over 1 GB to build; benchmarks/README.md), larger ones may not. "
        "Keep fewer relations (a period: `alliance-graph import --from/--to`, or a "
        "part of the data), or open the network in Gephi "
        "(`alliance-graph export --format gexf`)."
    )


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
    >>> "@media (max-width: 1100px)" in page  # the payload's screens["narrow_px"]
    True
    """
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}: use one of {', '.join(PRESETS)}")
    payload = page_payload(G, at=at, story=story, size_by=size_by)
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader(__package__, "templates"),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    assets = resources.files(__package__) / "assets"
    vis = vis_network()
    data, encoding = _packed(payload)
    return environment.get_template("explorer.html").render(
        title=title or G.graph.get("title") or "Actor network",
        preset=preset,
        # Trusted code from the packages, as Markup; the data is JSON made safe for <script>.
        vis_css=Markup(vis.css),
        vis_js=Markup(vis.js),  # led by vis-network's licence comment
        # The style sheet's media queries take the payload's screen widths, as the script does.
        app_css=Markup(
            environment.from_string((assets / "explorer.css").read_text(encoding="utf-8")).render(
                screens=payload["screens"]
            )
        ),
        app_js=Markup(app_script()),
        data=Markup(data),
        encoding=encoding,
    )


def _packed(payload: Mapping) -> tuple[str, str]:
    """The scene as the page carries it, and its ``data-encoding`` ("" for plain JSON).

    From :data:`PACKED_FROM` bytes of JSON, the scene's actors and relations
    travel as columns (:mod:`graph.outputs.explorer.wire`), compressed with
    gzip at a fixed level and a zero timestamp, so the same scene gives the
    same bytes, and base64-encoded.

    Examples
    --------
    >>> _packed({"nodes": [], "edges": []})
    ('{"edges":[],"nodes":[]}', '')
    >>> edges = [{"type": "arms", "label": "sends arms to"}] * 40_000
    >>> data, encoding = _packed({"nodes": [], "edges": edges})
    >>> encoding, len(data) < PACKED_FROM / 100
    ('columns-v1 gzip base64', True)
    """
    text = _json_for_script(payload)
    if len(text.encode("utf-8")) < PACKED_FROM:
        return text, ""
    wire = _compact_json(columnar_scene(payload))
    packed = gzip.compress(wire.encode("utf-8"), compresslevel=9, mtime=0)
    return base64.b64encode(packed).decode("ascii"), ENCODING


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
    confidence; play the months with the time slider and see what changed
    since the month or story step before; read the relations in a sortable,
    filterable table; step through the story with Next/Previous, the arrow
    keys or a presenter's clicker; make names larger or smaller (A-/A+) or
    hide them; share the view as a link (its fragment holds the date, actor,
    story step and filters). Phones and tablets get the network first.

    Modes beside the network, each kept in the link: Balance colours the
    actors by the two sides the data themselves find, with the frustration
    index L (proven or not) and the ties that break the split, month by
    month with the slider (who changed sides), balance's predictions for
    pairs with no tie and their triangles, and "Remove this actor" (what-if)
    in the panel of the 10 most central actors; Compare dates draws and lists
    the ties that appeared, ended or changed sign between two months (as
    :func:`graph.diff`); Quiz asks :func:`graph.quiz_questions`' ten
    questions (keys A/B/C or 1/2/3, Enter, PageDown), or is absent when the
    data are too small, the glossary saying why. The legend's words link to
    the glossary (:func:`graph.glossary`). All of it is computed here, so the
    page stays offline.

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
    >>> story = graph.read_story(graph.tables.read.DATA_DIR / "story.csv", G.nodes)
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
