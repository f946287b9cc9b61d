"""An actor graph as a pyvis network, for people who customise with pyvis.

:func:`to_pyvis` gives a :class:`pyvis.network.Network` drawn like the
explorer: the same positions with physics off, camp colours, kind shapes,
sizes and line styles (:mod:`graph.drawing.style`), relations between the same two
actors bent apart, and hover titles. From there pyvis's own API applies
(``net.show_buttons()``, ``net.set_options(...)``, ``net.write_html(...)``).

The page pyvis writes asks no server for anything: vis-network is inlined
(``cdn_resources="in_line"``), and pyvis's template is read without the
Bootstrap style sheet and script it links from a CDN whatever
``cdn_resources`` says (:class:`_OfflineTemplates`); they only gave the
network's box a card's border.

Titles are plain text: vis-network shows a string title with ``innerText``.
pyvis, though, switches every title to ``innerHTML`` as soon as one node title
contains ``href``; a word joiner (U+2060, invisible) is put inside that word in
our titles so a name from the data can never make that switch.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import jinja2
import networkx as nx
import pandas as pd
from pyvis.network import Network

from graph.core.words import counted
from graph.drawing.picture import scene
from graph.drawing.style import SIGN_NAMES

__all__ = ["to_pyvis"]

#: Defaults for :class:`pyvis.network.Network`: arrows, and vis-network inlined
#: so that the page opens offline.
NETWORK_DEFAULTS = {"directed": True, "cdn_resources": "in_line", "height": "750px"}


# pyvis's links to Bootstrap on a CDN: a <link> and a <script></script> naming it.
_BOOTSTRAP = re.compile(
    r"[ \t]*<link\b[^>]*bootstrap[^>]*>\s*|[ \t]*<script\b[^>]*bootstrap[^>]*>\s*</script>\s*"
)


class _OfflineTemplates(jinja2.BaseLoader):
    """pyvis's own templates, read without the Bootstrap they fetch from a CDN."""

    def __init__(self, folder: str) -> None:
        self._pyvis = jinja2.FileSystemLoader(folder)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self._pyvis.get_source(environment, template)
        return _BOOTSTRAP.sub("", source), filename, uptodate


def to_pyvis(
    G: nx.MultiDiGraph, *, size_by: Mapping | pd.Series | None = None, **options: object
) -> Network:
    """A pyvis network of ``G``, laid out and styled as in the explorer.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`; left unchanged.
    size_by : pandas.Series or mapping, optional
        A number per actor id; actors' areas grow with it. Their degree by default.
    **options
        Passed to :class:`pyvis.network.Network`, over :data:`NETWORK_DEFAULTS`
        (``directed=True``, ``cdn_resources="in_line"``, ``height="750px"``).
        pyvis writes ``heading`` into the page as HTML: do not pass untrusted
        text there.

    Returns
    -------
    pyvis.network.Network
        One node per actor (``x``, ``y`` and ``size`` in the units of the
        labels' font size, which is set too) and one edge per relation, with
        physics off so the layout stays as computed.

    Raises
    ------
    ValueError
        If ``size_by`` lacks an actor or holds a value that is not a finite number.

    Examples
    --------
    >>> import graph
    >>> net = to_pyvis(graph.load())
    >>> len(net.nodes), len(net.edges), net.options.physics.enabled
    (20, 34, False)
    >>> russia = next(node for node in net.nodes if node["id"] == "russia")
    >>> russia["shape"], russia["color"]["background"]
    ('dot', '#E69F00')
    >>> print(russia["title"].splitlines()[1])
    state · pro-government · 9 relations
    """
    payload = scene(G, size_by=size_by)
    net = Network(**{**NETWORK_DEFAULTS, **options})
    net.templateEnv = jinja2.Environment(loader=_OfflineTemplates(net.template_dir))
    font = {"size": payload["label_size"], "color": "#000000"}
    names = {}
    for actor in payload["nodes"]:
        names[actor["id"]] = actor["name"]
        colour = actor["colour"]
        net.add_node(
            actor["id"],
            label=actor["label"],
            title=_actor_title(actor),
            x=actor["x"],
            y=actor["y"],
            size=actor["size"],
            shape=actor["shape"],
            font=font,
            color={
                "background": colour,
                "border": "#111111",
                "highlight": {"background": colour, "border": "#000000"},
                "hover": {"background": colour, "border": "#000000"},
            },
        )
    for relation in payload["edges"]:
        colour = relation["colour"]
        roundness = relation["roundness"]
        net.add_edge(
            relation["from"],
            relation["to"],
            title=_relation_title(relation, names),
            arrows="" if relation["symmetric"] else "to",  # both ways: no head, as in the page
            width=relation["width"],
            dashes=relation["dashes"] or False,
            color={
                "color": colour,
                "highlight": colour,
                "hover": colour,
                "inherit": False,
                "opacity": relation["opacity"],
            },
            smooth={"enabled": False}
            if roundness is None
            else {"enabled": True, "type": "curvedCW", "roundness": roundness},
        )
    net.toggle_physics(False)
    return net


def _actor_title(actor: dict) -> str:
    lines = [
        actor["name"],
        f"{actor['kind']} · {actor['camp']} · {counted(actor['degree'], 'relation')}",
    ]
    if actor["aliases"]:
        lines.append("Also called: " + ", ".join(actor["aliases"]))
    if actor["description"]:
        lines.append(actor["description"])
    return _text("\n".join(lines))


def _relation_title(relation: dict, names: Mapping[str, str]) -> str:
    sign = SIGN_NAMES.get(relation["sign"], str(relation["sign"]))
    lines = [
        f"{names[relation['from']]} {relation['label']} {names[relation['to']]}",
        f"type: {relation['type']}",
        f"{relation['when']} · {sign} · {relation['confidence']}",
    ]
    if relation["evidence"]:
        lines.append(f"“{relation['evidence']}”")
    if relation["citation"]:
        lines.append(f"Source: {relation['citation']}")
    if relation["date_source"]:
        lines.append(f"Dates: {relation['date_source']}")
    return _text("\n".join(lines))


def _text(title: str) -> str:
    """A title pyvis keeps as plain text: no ``href`` to switch it to HTML.

    Examples
    --------
    >>> _text("<a href=x>") == "<a hre\\u2060f=x>"
    True
    """
    return title.replace("href", "hre\u2060f")
