"""How much room an actor takes in a drawing: its label's lines and its box.

The explorer (vis-network), the print figures and the layout measure labels
the same way: a name is wrapped into lines of at most :data:`LABEL_LINE`
characters (:func:`label_lines`), hung :func:`label_top` below the actor's
shape, and its width estimated from its characters, a little wider than
DejaVu Sans draws it; :func:`actor_boxes` gives each actor's shape and label
as one box.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import networkx as nx
import pandas as pd
import regex

from graph.drawing.style import LABEL_INSIDE, actor_radii, node_shape

__all__ = [
    "LABEL_GAP",
    "LABEL_LINE",
    "LABEL_SIZE",
    "LINE_HEIGHT",
    "SHAPE_REACH",
    "actor_boxes",
    "graphemes",
    "label_lines",
    "label_top",
    "text_columns",
]

#: Font size of the actors' labels, in layout units.
LABEL_SIZE = 20.0
#: Longest line of an actor's label in the explorer, in characters (CJK count
#: two): longer names are wrapped, so that a label takes about as much room
#: down as across and more names fit where a projector's back row reads them.
LABEL_LINE = 18
#: vis-network hangs an actor's label this far below its shape, plus half a font size.
LABEL_GAP = 4.0
#: Height of a line of label text with its descenders, in font sizes.
LINE_HEIGHT = 1.2
#: Estimated advance of characters, in font sizes: a little wider than DejaVu
#: Sans, one of the widest common sans-serif faces (and the one Debian's
#: browsers and matplotlib fall back on). Narrow and wide characters apart.
_NARROW_CHARACTERS = frozenset(" !'(),./:;I[]`fijlrt|")
_WIDE_CHARACTERS = frozenset("%&@MWmw")
_ADVANCE = {"narrow": 0.42, "wide": 1.0, "capital": 0.8, "other": 0.65}
#: How far a shape reaches from its point, in radii: triangles reach 2/sqrt(3)
#: of their radius above or below their centre. The explorer reads it from
#: the scene (``shape_reach``) to keep names off shapes.
SHAPE_REACH = 1.16


def actor_boxes(
    G: nx.Graph,
    size_by: Mapping | pd.Series | None = None,
    *,
    label_size: float = LABEL_SIZE,
    labels: Mapping | None = None,
) -> pd.DataFrame:
    """The space each actor takes in a drawing: its shape and its label.

    The explorer (vis-network) and the print figures draw an actor as a shape
    of its radius (:func:`graph.drawing.style.actor_radii`) with its name centred
    below, the top of the text ``radius + label_size / 2 + LABEL_GAP`` below
    the actor's point; shapes of :data:`graph.drawing.style.LABEL_INSIDE` hold the
    name inside instead, and get room for both. The width of a name is
    estimated from its characters, a little wider than DejaVu Sans draws it.

    Parameters
    ----------
    G : networkx.Graph
        An actor graph.
    size_by : pandas.Series or mapping, optional
        A number per actor id that sizes the actors; their degree by default.
    label_size : float
        Font size of the labels, in the units of the positions; 0 for none.
    labels : mapping, optional
        Actor id -> its label as drawn, lines separated by ``"\\n"``; by
        default the ``name`` attributes (the ids without).

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id (sorted), the box's ``left``, ``top``, ``right``
        and ``bottom`` edges relative to the actor's point, y pointing down.

    Examples
    --------
    >>> import graph
    >>> boxes = actor_boxes(graph.load())
    >>> boxes.loc["iran"].round(1).to_dict()
    {'left': -21.4, 'top': -16.7, 'right': 21.4, 'bottom': 52.4}
    >>> actor_boxes(graph.load(), label_size=0).loc["iran"].round(1).to_dict()
    {'left': -14.4, 'top': -16.7, 'right': 14.4, 'bottom': 16.7}
    """
    nodes = sorted(G, key=str)
    radii = actor_radii(G, size_by)
    rows = []
    for node in nodes:
        data = G.nodes[node]
        radius = radii[node]
        half_width, top, bottom = radius, -SHAPE_REACH * radius, SHAPE_REACH * radius
        text = labels[node] if labels is not None else data.get("name", node)
        lines = str(text).split("\n")
        if label_size > 0:
            width = max(_text_width(line) for line in lines) * label_size
            height = len(lines) * LINE_HEIGHT * label_size
            half_width = max(half_width, width / 2)
            bottom = max(bottom, label_top(radius, label_size=label_size) + height)
            if node_shape(str(data.get("kind", ""))) in LABEL_INSIDE:
                # Drawn around its label (vis-network's ellipse: text width plus
                # text height across, twice the text height down).
                half_width = max(half_width, (width + height) / 2)
                top = min(top, -height)
        rows.append((-half_width, top, half_width, bottom))
    return pd.DataFrame(
        rows, index=pd.Index(nodes, name="actor"), columns=["left", "top", "right", "bottom"]
    )


def label_lines(
    name: str, *, width: float = LABEL_LINE, measure: Callable[[str], float] | None = None
) -> list[str]:
    """An actor's name broken into lines of at most ``width`` characters.

    Lines break at spaces (runs of white space count as one) and where the
    name has a line break; a word longer
    than a line, or text without spaces, is cut where the line is full. A
    CJK character counts two, as it is drawn about twice as wide.

    Parameters
    ----------
    name : str
        The name, as in the data.
    width : float
        Longest line, in characters (or in the unit of ``measure``).
    measure : callable, optional
        The width of a text, in the unit of ``width``: a font's real widths
        in points, for a printed page. :func:`text_columns` by default.

    Returns
    -------
    list of str
        The lines, at least one.

    Examples
    --------
    >>> label_lines("Syrian Observatory for Human Rights")
    ['Syrian Observatory', 'for Human Rights']
    >>> label_lines("Free Syrian Army"), label_lines("Civilians of eastern Aleppo")
    (['Free Syrian Army'], ['Civilians of', 'eastern Aleppo'])
    >>> label_lines("Kurdish\\nforces")
    ['Kurdish', 'forces']
    >>> label_lines("叙利亚民主力量叙利亚民主力量", width=10)
    ['叙利亚民主', '力量叙利亚', '民主力量']

    A word is cut between characters as readers see them (grapheme
    clusters): a flag stays one flag, a family emoji one family, a Thai
    tone mark or a combining accent stays on its letter.

    >>> label_lines("🇨🇦🇨🇦🇨🇦", width=3)
    ['🇨🇦', '🇨🇦', '🇨🇦']
    >>> label_lines("ก่ก่ก่", width=2)
    ['ก่ก่', 'ก่']
    """
    measure = text_columns if measure is None else measure
    lines: list[str] = []
    for paragraph in name.split("\n"):  # a line break in the name stays one
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if measure(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            clusters = graphemes(word)
            while len(clusters) > 1 and measure(word) > width:
                cut = len(clusters)
                while cut > 1 and measure("".join(clusters[:cut])) > width:
                    cut -= 1
                lines.append("".join(clusters[:cut]))
                clusters = clusters[cut:]
                word = "".join(clusters)
            line = word
        lines.append(line)
    return lines


def graphemes(text: str) -> list[str]:
    """Text as the characters readers see: extended grapheme clusters (Unicode UAX #29).

    Examples
    --------
    >>> graphemes("é👨‍👩‍👧🇨🇦")
    ['é', '👨\u200d👩\u200d👧', '🇨🇦']
    """
    return regex.findall(r"\X", text)


def text_columns(text: str) -> int:
    """Width of text in characters as drawn: a grapheme cluster counts one, two if wide (CJK).

    Examples
    --------
    >>> text_columns("Iran"), text_columns("叙利亚"), text_columns("e\u0301"), text_columns("🇨🇦")
    (4, 6, 1, 2)
    """
    return sum(2 if _wide(cluster) else 1 for cluster in graphemes(text))


# East Asian wide or full-width characters, and flags (a pair of regional
# indicators, each of which Unicode calls narrow), are drawn about twice as wide.
_WIDE = regex.compile(r"[\p{East_Asian_Width=W}\p{East_Asian_Width=F}\p{Regional_Indicator}]")


def _wide(cluster: str) -> bool:
    return _WIDE.match(cluster) is not None


def label_top(radius: float, *, label_size: float = LABEL_SIZE) -> float:
    """How far below an actor's point the top of its label is, when hung below its shape.

    vis-network hangs a label :data:`LABEL_GAP` and half a font size below a
    shape of ``radius``; the print figures hang it there too.

    Examples
    --------
    >>> label_top(10.0, label_size=20.0)
    24.0
    """
    return radius + label_size / 2 + LABEL_GAP


def _text_width(text: str) -> float:
    """Estimated width of one line of text, in font sizes.

    Examples
    --------
    >>> _text_width("Iran"), _text_width("MW"), _text_width("叙利亚")
    (2.14, 2.0, 3.0)
    """
    width = 0.0
    for cluster in graphemes(text):  # a combining mark adds no width to its letter
        character = cluster[0]
        if character in _WIDE_CHARACTERS or _wide(cluster):
            width += _ADVANCE["wide"]
        elif character in _NARROW_CHARACTERS:
            width += _ADVANCE["narrow"]
        elif character.isupper():
            width += _ADVANCE["capital"]
        else:
            width += _ADVANCE["other"]
    return width
