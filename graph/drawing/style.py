"""The visual encoding shared by every picture of an actor graph.

The HTML explorer (:mod:`graph.outputs.explorer.render`) and the print figures use these
definitions, so a camp has the same colour, a kind the same shape and a
relation the same line style everywhere.

- Colour = camp. Every camp present gets its own colour (:func:`camp_colours`),
  from a colour-blind-safe palette (Okabe & Ito's colours, with Tol's indigo,
  wine and sand) whose colours also differ in lightness, so camps stay apart
  in grayscale print: well-known camps get fixed colours, others the free
  colours that keep all the camps' lightnesses furthest apart.
- Shape = kind of actor (state, armed group, ...), so kinds stay apart in
  grayscale.
- Size = a number per actor, its degree by default: the area of its shape
  grows linearly with it.
- Line = sign and confidence, both readable without colour: solid for
  support, dashed for opposition, dotted for neutral; each dash of a
  ``claimed`` relation is followed by one dot, of an ``alleged`` one by two
  (:func:`edge_style`), and the less sure, the thinner and fainter; arrows
  show direction.

More camps than colours
-----------------------
With more camps than :data:`PALETTE` holds (11), the next camps get lighter
tints of the palette colours, then darker shades, then paler tints: each camp
still has a colour of its own, but lightness can no longer keep them all apart
in grayscale. The legend lists camps by size, so the largest camps keep the
palette colours; grouping small camps (an ``other`` camp) keeps a figure
readable in print.

References
----------
Okabe, M. and Ito, K. (2008). Color Universal Design (CUD): How to make
figures and presentations that are friendly to colorblind people.
https://jfly.uni-koeln.de/color/

Tol, P. (2021). Colour Schemes. SRON Technical Note SRON/EPS/TN/09-002.
https://personal.sron.nl/~pault/
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Iterable, Iterator, Mapping

import networkx as nx
import pandas as pd

__all__ = [
    "CAMP_COLOURS",
    "CONFIDENCE_DOTS",
    "HEAVIEST_WIDTH_FACTOR",
    "KIND_SHAPES",
    "LABEL_INSIDE",
    "PALETTE",
    "RADIUS_RANGE",
    "SIGN_NAMES",
    "actor_radii",
    "camp_colours",
    "edge_colour",
    "edge_style",
    "lightness",
    "node_shape",
    "weight_width",
]

#: Camp colours, darkest to lightest: CIE L* 0, 22, 32, 46, 54, 58, 61, 70,
#: 71, 82, 89. Okabe & Ito's eight with Paul Tol's indigo, wine and sand,
#: which fill the dark and light ends so that camps differ in lightness too.
PALETTE = (
    "#000000",  # black
    "#332288",  # indigo (Tol)
    "#882255",  # wine (Tol)
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#E69F00",  # orange
    "#DDCC77",  # sand (Tol)
    "#F0E442",  # yellow
)

#: Fixed colours for the camps most datasets use, chosen so that all seven
#: together differ by at least 9.5 in CIE L* (16 in Rec. 601 luma, what
#: printers' grayscale roughly keeps): the two sides of a civil war get orange
#: (L* 71) and blue (46), jihadists black, civilians yellow.
#: Colours of the groups found in the data (balance's sides), largest first:
#: Okabe-Ito blue and orange, told apart by colour-blind readers and, dark
#: against light, in grayscale; the explorer's Balance mode uses the same.
GROUP_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7")
CAMP_COLOURS = {
    "pro-government": "#E69F00",
    "opposition": "#0072B2",
    "jihadist": "#000000",
    "Kurdish": "#009E73",
    "international": "#332288",
    "humanitarian": "#882255",
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


@functools.cache
def lightness(colour: str) -> float:
    """CIE L* of an sRGB colour ``#RRGGBB``: 0 for black, 100 for white.

    What is left of a colour in grayscale print, on a scale where equal
    steps look equal.

    Examples
    --------
    >>> lightness("#000000"), lightness("#FFFFFF"), round(lightness("#0072B2"), 1)
    (0.0, 100.0, 46.0)
    """
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)
    ]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    value = 116 * luminance ** (1 / 3) - 16 if luminance > 216 / 24389 else luminance * 24389 / 27
    return round(value, 6)


def camp_colours(camps: Iterable[str]) -> dict[str, str]:
    """A distinct colour for each camp: fixed for well-known camps, spread in lightness for others.

    Well-known camps (:data:`CAMP_COLOURS`) keep their colours. The other
    camps get colours of :data:`PALETTE` that no camp present holds: of all
    the choices, the one whose closest two lightnesses (CIE L*, among all the
    camps present) are furthest apart, then the one earliest in the palette;
    the camps take them in alphabetical order. Beyond the palette, tints and
    shades (see this module's documentation). The same camps always get the
    same colours.

    Parameters
    ----------
    camps : iterable of str
        The camps present; repeats are ignored.

    Returns
    -------
    dict
        Camp -> colour ``#RRGGBB``; no two camps share a colour.

    Examples
    --------
    >>> camp_colours(["pro-government", "rebels", "tribes"])
    {'pro-government': '#E69F00', 'rebels': '#000000', 'tribes': '#882255'}
    >>> camp_colours(["opposition", "pro-government"])
    {'opposition': '#0072B2', 'pro-government': '#E69F00'}
    """
    names = sorted(set(camps))
    colours = {camp: CAMP_COLOURS[camp] for camp in names if camp in CAMP_COLOURS}
    others = [camp for camp in names if camp not in colours]
    free = [colour for colour in PALETTE if colour not in colours.values()]
    chosen = _spread(list(colours.values()), free, min(len(others), len(free)))
    extra = (c for c in _fallback_colours() if c not in colours.values() and c not in chosen)
    colours.update(zip(others, itertools.chain(chosen, extra), strict=False))
    return dict(sorted(colours.items()))


def _spread(taken: list[str], free: list[str], count: int) -> list[str]:
    """``count`` colours of ``free`` whose lightnesses, with those of ``taken``, are furthest apart.

    Exhaustive over the combinations (at most 462 of 11 colours), so the
    choice is the best, not a greedy guess; ties go to palette order.
    """

    def closest(colours: tuple[str, ...]) -> float:
        levels = sorted(lightness(colour) for colour in (*taken, *colours))
        return min((b - a for a, b in itertools.pairwise(levels)), default=math.inf)

    best = max(
        itertools.combinations(free, count),
        key=lambda colours: (round(closest(colours), 6), [-free.index(c) for c in colours]),
    )
    return list(best)


def _fallback_colours() -> Iterator[str]:
    """Colours past the palette: tints, shades, then paler tints of the palette, all distinct."""
    seen = set(PALETTE)
    for mix in (0.45, -0.45, 0.7, -0.7, 0.25, -0.25, 0.85):
        for colour in PALETTE:
            base = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
            towards = 255 if mix > 0 else 0
            mixed = "#" + "".join(f"{round(c + (towards - c) * abs(mix)):02X}" for c in base)
            if mixed not in seen:
                seen.add(mixed)
                yield mixed
    for number in itertools.count():  # hundreds of camps: distinct greys, still a colour each
        grey = f"#{number % 256:02X}{(number // 256) % 256:02X}{number // 65536:02X}"
        if grey not in seen:
            seen.add(grey)
            yield grey


def node_shape(kind: str, *, backend: str = "vis") -> str:
    """The shape of an actor of this kind, for ``"vis"`` or ``"matplotlib"``.

    Examples
    --------
    >>> node_shape("armed group"), node_shape("armed group", backend="matplotlib")
    ('triangle', '^')
    """
    vis, marker = KIND_SHAPES.get(kind, _OTHER_SHAPE)
    return vis if backend == "vis" else marker


#: Dots after each dash of a relation line, by confidence: more doubt, more dots
#: (``reported``, one source's report, is no doubt: its line has wider gaps instead).
CONFIDENCE_DOTS = {"confirmed": 0, "reported": 0, "claimed": 1, "alleged": 2}
#: Width (pixels) and opacity of a relation line, by confidence; others as ``alleged``.
_CONFIDENCE_LINE = {
    "confirmed": (3.0, 1.0),
    "reported": (2.5, 0.9),
    "claimed": (2.0, 0.75),
    "alleged": (1.5, 0.55),
}
#: The line of a relation one source reports, by sign: its sign's line with wider gaps.
_REPORTED_DASHES = {1: [24, 8], -1: [8, 12], 0: [2, 8]}


def edge_style(sign: int, confidence: str) -> dict[str, object]:
    """Line style of a relation: dashes by sign and confidence, width and opacity by confidence.

    The dash shows the sign: a solid line for support, dashes of 8 pixels
    for opposition, dots for neutral. Doubt adds dots after each dash: one
    for ``claimed``, two for ``alleged`` (a support line then breaks into
    dashes of 14); a ``reported`` relation (one source) keeps its sign's line
    with wider gaps. So all twelve patterns differ, in grayscale too, and a
    confirmed relation is also the thickest and most opaque.

    Returns
    -------
    dict
        ``dashes``: a dash pattern in pixels, drawn and gap lengths in turn
        (empty for a solid line), ``width``: line width in pixels,
        ``opacity``: 0 to 1.

    Examples
    --------
    >>> edge_style(1, "confirmed")
    {'dashes': [], 'width': 3.0, 'opacity': 1.0}
    >>> edge_style(-1, "alleged")
    {'dashes': [8, 4, 2, 4, 2, 4], 'width': 1.5, 'opacity': 0.55}
    >>> edge_style(0, "claimed")["dashes"]
    [2, 4, 2, 10]
    """
    dots = CONFIDENCE_DOTS.get(confidence, 0)
    width, opacity = _CONFIDENCE_LINE.get(confidence, _CONFIDENCE_LINE["alleged"])
    if confidence == "reported":
        dashes = list(_REPORTED_DASHES[(sign > 0) - (sign < 0)])
    elif sign == 0:  # dotted already: doubt groups the dots, then a wider gap
        dashes = [2, 4] * dots + [2, 10 if dots else 4]
    elif dots == 0:
        dashes = [] if sign > 0 else [8, 6]
    else:
        dashes = [14 if sign > 0 else 8, 4] + [2, 4] * dots
    return {"dashes": dashes, "width": width, "opacity": opacity}


#: The heaviest relation of a dataset is drawn this many times as wide as its
#: confidence's width; a relation without weight keeps that width.
HEAVIEST_WIDTH_FACTOR = 2.5


def weight_width(width: float, weight: float | None, heaviest: float | None) -> float:
    """A relation's line width grown with its weight, relative to the heaviest relation.

    The width grows with the square root of ``weight / heaviest``, from
    ``width`` (no weight, or weight 0) to :data:`HEAVIEST_WIDTH_FACTOR` times
    it, so heavy relations stand out without drowning the others, and the
    confidence levels still differ at equal weight.

    Parameters
    ----------
    width : float
        The confidence's width (:func:`edge_style`), in pixels.
    weight : float or None
        The relation's weight magnitude (:func:`graph.core.signs.relation_weight`).
    heaviest : float or None
        The largest weight magnitude of the dataset's relations.

    Examples
    --------
    >>> weight_width(3.0, 10, 10), weight_width(3.0, 2.5, 10), weight_width(3.0, None, 10)
    (7.5, 5.25, 3.0)
    """
    if not weight or not heaviest:
        return width
    return round(width * (1 + (HEAVIEST_WIDTH_FACTOR - 1) * math.sqrt(weight / heaviest)), 2)


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
