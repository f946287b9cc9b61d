"""The visual encoding shared by every picture of an actor graph.

The HTML explorer (:mod:`graph.render`) and the print figures use these
definitions, so a camp has the same colour, a kind the same shape and a
relation the same line style everywhere.

- Colour = camp, from Okabe & Ito's colour-blind-safe palette; well-known camps
  get fixed colours, others the remaining ones in sorted order.
- Shape = kind of actor (state, armed group, ...), so kinds stay apart in
  grayscale.
- Size = a number per actor, its degree by default: the area of its shape
  grows linearly with it.
- Line = sign: solid for support, dashed for opposition, dotted for neutral;
  arrows show direction; claimed and alleged relations are thinner and fainter.

References
----------
Okabe, M. and Ito, K. (2008). Color Universal Design (CUD): How to make
figures and presentations that are friendly to colorblind people.
https://jfly.uni-koeln.de/color/
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import networkx as nx
import pandas as pd

__all__ = [
    "CAMP_COLOURS",
    "KIND_SHAPES",
    "LABEL_INSIDE",
    "PALETTE",
    "RADIUS_RANGE",
    "SIGN_NAMES",
    "actor_radii",
    "camp_colours",
    "edge_colour",
    "edge_style",
    "node_shape",
]

#: Okabe & Ito's eight colours.
PALETTE = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#000000",  # black
)

#: Fixed colours for the camps most datasets use. The two sides of a civil war
#: get light orange and dark blue, which stay apart in grayscale print too
#: (CIE L* about 74 and 46); black and yellow sit at the two ends.
CAMP_COLOURS = {
    "pro-government": "#E69F00",
    "opposition": "#0072B2",
    "jihadist": "#000000",
    "Kurdish": "#009E73",
    "international": "#56B4E9",
    "humanitarian": "#CC79A7",
    "civilians": "#F0E442",
}

#: Shape of each kind of actor: (vis-network shape, matplotlib marker).
KIND_SHAPES = {
    "state": ("dot", "o"),
    "armed group": ("triangle", "^"),
    "militia": ("triangleDown", "v"),
    "group of states": ("hexagon", "h"),
    "international organisation": ("square", "s"),
    "NGO": ("diamond", "D"),
    "population": ("star", "*"),
}
_OTHER_SHAPE = ("ellipse", "p")
#: vis-network shapes drawn around their label; the others hang it below.
LABEL_INSIDE = frozenset({"box", "circle", "database", "ellipse", "text"})

#: Radius of the smallest and largest actor, in layout units.
RADIUS_RANGE = (9.0, 30.0)

#: What each relation sign means, in words.
SIGN_NAMES = {1: "support", -1: "opposition", 0: "neutral"}


def camp_colours(camps: Iterable[str]) -> dict[str, str]:
    """A colour for each camp: fixed for well-known camps, stable for others.

    Examples
    --------
    >>> camp_colours(["opposition", "zealots", "pro-government"])
    {'opposition': '#0072B2', 'pro-government': '#E69F00', 'zealots': '#D55E00'}
    """
    names = sorted(set(camps))
    free = [colour for colour in PALETTE if colour not in CAMP_COLOURS.values()]
    free += [c for c in PALETTE if c not in free]  # reuse colours past eight camps
    colours: dict[str, str] = {}
    others = 0
    for camp in names:
        if camp in CAMP_COLOURS:
            colours[camp] = CAMP_COLOURS[camp]
        else:
            colours[camp] = free[others % len(free)]
            others += 1
    return colours


def node_shape(kind: str, *, backend: str = "vis") -> str:
    """The shape of an actor of this kind, for ``"vis"`` or ``"matplotlib"``.

    Examples
    --------
    >>> node_shape("armed group"), node_shape("armed group", backend="matplotlib")
    ('triangle', '^')
    """
    vis, marker = KIND_SHAPES.get(kind, _OTHER_SHAPE)
    return vis if backend == "vis" else marker


def edge_style(sign: int, confidence: str) -> dict[str, object]:
    """Line style of a relation: dash pattern by sign, width and opacity by confidence.

    Returns
    -------
    dict
        ``dashes``: a dash pattern in pixels (empty for a solid line),
        ``width``: line width in pixels, ``opacity``: 0 to 1.

    Examples
    --------
    >>> edge_style(-1, "alleged")
    {'dashes': [8, 6], 'width': 1.5, 'opacity': 0.55}
    """
    dashes = [] if sign > 0 else [8, 6] if sign < 0 else [2, 4]
    confirmed = confidence == "confirmed"
    return {
        "dashes": dashes,
        "width": 3.0 if confirmed else 1.5,
        "opacity": 1.0 if confirmed else 0.55,
    }


def edge_colour(sign: int) -> str:
    """Line colour of a relation: near-black for support and opposition, grey for neutral.

    Sign is carried by the dash pattern (:func:`edge_style`), not by colour,
    so that relation lines never compete with the camp colours of the actors.

    Examples
    --------
    >>> edge_colour(1) == edge_colour(-1), edge_colour(0)
    (True, '#7A7A7A')
    """
    return "#222222" if sign else "#7A7A7A"


def actor_radii(G: nx.Graph, size_by: Mapping | pd.Series | None = None) -> dict:
    """Radius of each actor, so that the drawn area grows linearly with its value.

    Parameters
    ----------
    G : networkx.Graph
        An actor graph.
    size_by : pandas.Series or mapping, optional
        A number per actor id; the actors' degrees (numbers of relations) by
        default.

    Returns
    -------
    dict
        Actor id -> radius in layout units, rounded to 0.1, from the smallest
        to the largest of :data:`RADIUS_RANGE` (the middle one when all values
        are equal).

    Raises
    ------
    ValueError
        If ``size_by`` lacks an actor or holds a value that is not a finite number.

    Examples
    --------
    >>> import graph
    >>> radii = actor_radii(graph.load())
    >>> radii["russia"], radii["kurdish_forces"]
    (25.3, 9.0)
    """
    values = dict(G.degree()) if size_by is None else size_by
    missing = [node for node in G if node not in values]
    if missing:
        raise ValueError(f"size_by has no value for actors: {', '.join(map(str, missing))}")
    numbers = {node: float(values[node]) for node in G}
    bad = [str(node) for node, value in numbers.items() if not math.isfinite(value)]
    if bad:
        raise ValueError(f"size_by is not a finite number for actors: {', '.join(bad)}")
    low, high = min(numbers.values(), default=0.0), max(numbers.values(), default=0.0)
    span = high - low
    smallest, largest = RADIUS_RANGE
    return {
        node: round(
            smallest + (largest - smallest) * (math.sqrt((v - low) / span) if span else 0.5), 1
        )
        for node, v in numbers.items()
    }
