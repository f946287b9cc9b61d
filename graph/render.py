"""Render an actor graph as one self-contained, offline HTML file.

The page is built on vis-network, the library pyvis drives, taken from the
pyvis package and inlined so the file opens from ``file://`` with no network.
The node and edge payload is built directly from the graph (pyvis's
``from_nx``/``add_edge`` grow as nodes x edges) and embedded as JSON that the
page's script reads as data: every text from the dataset reaches the page
through ``textContent`` or vis-network's DOM tooltips, never as markup.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import jinja2
import networkx as nx
import pyvis
from markupsafe import Markup

from .build import snapshot
from .files import atomic_write
from .layout import layout
from .style import camp_colours

__all__ = ["explorer_payload", "render_html", "write_html"]

_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"


def explorer_payload(G: nx.MultiDiGraph) -> dict:
    """The data the explorer page draws: nodes, edges, legend and vocabulary.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph.

    Returns
    -------
    dict
        JSON-serialisable; text is left as plain text for the page to show
        with ``textContent``.

    Examples
    --------
    >>> import graph
    >>> payload = explorer_payload(graph.load())
    >>> len(payload["nodes"]), len(payload["edges"])
    (20, 32)
    """
    positions = layout(G)
    camps = sorted({str(data.get("camp", "")) for _, data in G.nodes(data=True)})
    colours = camp_colours(camps)
    degree = dict(G.degree())
    nodes = [
        {
            "id": node,
            "label": str(data.get("name", node)),
            "name": str(data.get("name", node)),
            "aliases": list(data.get("aliases", [])),
            "kind": str(data.get("kind", "")),
            "camp": str(data.get("camp", "")),
            "description": str(data.get("description", "")),
            "x": positions[node][0],
            "y": positions[node][1],
            "size": 12 + 4 * degree[node],
            "color": colours[str(data.get("camp", ""))],
        }
        for node, data in sorted(G.nodes(data=True))
    ]
    vocabulary = G.graph.get("relation_types", {})
    edges = [
        {
            "id": f"{u}|{v}|{key}",
            "from": u,
            "to": v,
            "type": data.get("type"),
            "label": vocabulary.get(data.get("type"), {}).get("label", data.get("type")),
            "sign": data.get("sign", 0),
            "start": data.get("start"),
            "end": data.get("end"),
            "confidence": data.get("confidence", ""),
            "evidence": data.get("evidence", ""),
            "citation": data.get("citation", ""),
        }
        for u, v, key, data in sorted(G.edges(keys=True, data=True), key=lambda e: str(e[:3]))
    ]
    return {
        "nodes": nodes,
        "edges": edges,
        "camps": [{"camp": c, "color": colours[c]} for c in camps],
    }


def _json_for_script(data: object) -> str:
    """JSON that cannot close the <script> element it sits in."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(
    G: nx.MultiDiGraph, *, title: str | None = None, at: str | dt.date | None = None
) -> str:
    """The explorer page for ``G`` as a string (see :func:`write_html`).

    Examples
    --------
    >>> import graph
    >>> page = render_html(graph.load())
    >>> page.count("<script src="), page.count("<link ")
    (0, 0)
    """
    shown = G if at is None else snapshot(G, at)
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("graph", "templates"),
        autoescape=True,
        keep_trailing_newline=True,
    )
    assets = resources.files("graph") / "assets"
    return environment.get_template("explorer.html").render(
        title=title or G.graph.get("title", "Actor network"),
        # Trusted code from the package; the data is JSON made safe for <script>.
        vis_css=_asset(_VIS_DIR / "vis-network.css"),
        vis_js=_asset(_VIS_DIR / "vis-network.min.js"),
        app_css=_asset(assets / "explorer.css"),
        app_js=_asset(assets / "explorer.js"),
        data=Markup(_json_for_script(explorer_payload(shown))),
    )


def _asset(path: Path | Traversable) -> Markup:
    return Markup(path.read_text(encoding="utf-8"))


def write_html(
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    title: str | None = None,
    at: str | dt.date | None = None,
) -> Path:
    """Write the explorer page for ``G`` to ``path``, atomically.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    path : str or Path
        The HTML file to write; it is replaced only once complete.
    title : str, optional
        Page title; ``G.graph["title"]`` by default.
    at : str or datetime.date, optional
        Only show the relations active at this date.

    Returns
    -------
    Path
        The file written.
    """
    target = Path(path)
    page = render_html(G, title=title, at=at)
    with atomic_write(target) as out:
        out.write(page)
    return target
