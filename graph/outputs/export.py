"""Write an actor graph in the formats other tools read.

- **GEXF 1.3** for Gephi: relations carry their dates as time intervals
  (``mode="dynamic"``, ``timeformat="date"``), so Gephi's timeline plays the
  conflict; parallel relations stay apart by their ``kind`` (the relation
  type); actors keep the explorer's positions, colours and sizes.
- **GraphML** for yEd, Cytoscape and igraph, through NetworkX's writer.
- **Node-link JSON** for D3 and Cytoscape.js, through NetworkX's
  :func:`~networkx.node_link_data` (edges under ``"edges"``).
- **CSV**: ``actors.csv``, ``relations.csv`` and ``relation_types.csv`` in the
  dataset format, which :func:`graph.load` reads back unchanged, extra
  columns included.

Every file is written with :func:`graph.core.files.atomic_write`, and the same
graph always gives the same bytes.

Attributes a format cannot hold
-------------------------------
:func:`portable` is the one conversion step: every writer calls it and
nothing else converts. It also makes the copy to give NetworkX's own writers,
``nx.write_graphml(portable(G, "graphml"), path)`` and
``nx.write_gexf(portable(G, "gexf"), path)``, which refuse a graph from
:func:`graph.load` as it is (its lists, its vocabulary dict):

=====================  ==================  ==================  ===========  ==================
value                  GEXF                GraphML             JSON         CSV
=====================  ==================  ==================  ===========  ==================
bool, ``numpy.bool_``  boolean             boolean             true/false   ``True``/``False``
int, ``numpy.int64``   long                long (int)          number       number
float, numpy floats    double              double              number       number
None, NaN, ``pd.NA``   left out            left out            null         empty cell
``datetime.date``,     ISO 8601 text       ISO 8601 text       ISO text     ISO text
``pd.Timestamp``
list, tuple, set,      ``a|b`` text        ``a|b`` text        array        ``a|b`` cell
1-d ``numpy`` array
dict                   refused             refused             object       refused
partial date (edges'   first day (start),  kept as written     kept         kept
``start``/``end``)     last day (end)
vocabulary             edge ``label``      edge ``label``      kept, and    ``relation_types``
(graph attribute)                                              edge label   ``.csv``
text XML cannot hold   U+FFFD              U+FFFD              kept         kept
(``\\x00``...), in
values and names
=====================  ==================  ==================  ===========  ==================

A list is joined with ``|``, the separator ``actors.csv`` uses for aliases
(a set is sorted first, so the same graph gives the same bytes). An
attribute named as the format's own fields (``id`` of an actor, ``source``,
``target`` of a relation in CSV and JSON, and ``key`` in JSON) is refused
rather than silently overwritten. Infinite
numbers and values of other types (objects, dicts outside JSON) are refused
with a :class:`TypeError` or :class:`ValueError` naming the actor or relation
and the attribute. A relation's ``sign`` comes from the vocabulary, so
``relations.csv`` leaves it out. GEXF and GraphML have no partial dates: GEXF
gets the first and last day a relation covers (the rule of
:mod:`graph.core.dates`), GraphML keeps the text. Attribute names are text in
every format (``str`` of the key).

CSV for spreadsheets
--------------------
``for_spreadsheet=True`` writes CSV for Excel, LibreOffice or Google Sheets
instead of for :func:`graph.load`: a text cell that begins with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return is prefixed with an
apostrophe so the spreadsheet shows it instead of running it as a formula
(OWASP, CSV Injection); plain numbers such as ``-1`` are left alone. The
files start with a byte-order mark so the spreadsheet reads them as UTF-8.
The apostrophes change the text: use the default mode for data that is read
back.

Over 600 lines with reason: the four formats share one conversion of
attributes (:func:`portable`), and splitting them would split it.

References
----------
GEXF 1.3 specification and primer, https://gexf.net/
OWASP Foundation, CSV Injection, https://owasp.org/www-community/attacks/CSV_Injection
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import numbers
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
from networkx.readwrite.graphml import GraphMLWriter

from graph.core.dates import parse_period
from graph.core.files import atomic_folder, atomic_write
from graph.drawing.picture import scene
from graph.tables.columns import (
    ACTOR_COLUMNS,
    RELATION_COLUMNS,
    RELATION_TYPE_COLUMNS,
    TABLE_FILES,
)

__all__ = [
    "FORMATS",
    "export_as",
    "portable",
    "spreadsheet_safe",
    "write_csv",
    "write_gexf",
    "write_graphml",
    "write_json",
]

#: The formats :func:`export_as` writes.
FORMATS = ("gexf", "graphml", "json", "csv")

GEXF_NAMESPACE = "http://gexf.net/1.3"
VIZ_NAMESPACE = "http://gexf.net/1.3/viz"

#: Edge attributes derived from the vocabulary, which ``relations.csv`` does not hold.
_DERIVED = ("sign", "symmetric")
#: Characters XML 1.0 cannot hold: C0 controls but tab, newline and carriage return.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")
_GEXF_TYPES = {bool: "boolean", int: "long", float: "double"}
#: Line style of a relation by sign, as GEXF's viz:shape names those of graph.drawing.style.
_GEXF_LINES = {1: "solid", -1: "dashed", 0: "dotted"}


def portable(G: nx.Graph, format: str) -> nx.Graph:
    """A copy of ``G`` whose attributes ``format`` can hold: the one conversion step.

    See the table in this module's documentation. Give the copy to
    NetworkX's writers when you want them rather than :func:`export_as`::

        nx.write_graphml(graph.outputs.export.portable(G, "graphml"), "aleppo.graphml")
        nx.write_gexf(graph.outputs.export.portable(G, "gexf"), "aleppo.gexf")

    Parameters
    ----------
    G : networkx.Graph
        An actor graph, as returned by :func:`graph.load`, or any NetworkX
        graph; it is not changed.
    format : {"gexf", "graphml", "json", "csv"}
        The format the copy is for.

    Returns
    -------
    networkx.Graph
        Of the class of ``G``: same nodes, edges and keys, with converted
        attributes.

    Raises
    ------
    ValueError
        If the format is unknown, or a number is infinite.
    TypeError
        If a value has a type the format cannot hold; the message names the
        actor (or relation) and the attribute.

    Examples
    --------
    >>> import graph, numpy as np
    >>> G = graph.load()
    >>> portable(G, "graphml").nodes["russia"]["aliases"]
    'Russian Federation|Moscow'
    >>> portable(G, "json").nodes["russia"]["aliases"]
    ['Russian Federation', 'Moscow']
    >>> air = portable(G, "gexf")["russia"]["assad_government"][7]
    >>> air["start"], "end" in air, air["label"]
    ('2015-09-30', False, 'gives air support to')
    >>> G.nodes["russia"]["rank"], G.nodes["iran"]["rank"] = np.int64(1), np.nan
    >>> portable(G, "json").nodes["russia"]["rank"], portable(G, "json").nodes["iran"]["rank"]
    (1, None)
    >>> "rank" in portable(G, "gexf").nodes["iran"]
    False
    """
    _check_format(format)
    vocabulary = G.graph.get("relation_types", {})
    H = G.__class__()
    H.graph.update(
        _converted(
            {k: v for k, v in G.graph.items() if k != "relation_types" or format == "json"},
            format,
            "the graph",
        )
    )
    taken_by_actor, taken_by_relation = _TAKEN.get(format, ((), ()))
    for node, data in G.nodes(data=True):
        where = f"actor {node!r}"
        _check_names(data, taken_by_actor, where, format)
        H.add_node(node)  # attributes apart: names such as "node_for_adding" are data
        H.nodes[node].update(_converted(data, format, where))
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else G.edges(data=True)
    for u, v, *key, data in edges:
        where = f"relation {u!r} -> {v!r}" + (f" (key {key[0]!r})" if key else "")
        _check_names(data, taken_by_relation, where, format)
        attributes = _converted(data, format, where)
        if format == "gexf":
            for bound, end in (("start", 0), ("end", 1)):
                if isinstance(attributes.get(bound), str):
                    attributes[bound] = parse_period(attributes[bound])[end].isoformat()
        if format != "csv" and "label" not in data and data.get("type") in vocabulary:
            label = vocabulary[data["type"]].get("label")
            attributes.update(_converted({"label": label}, format, where))
        H.add_edge(u, v, *key)  # attributes apart: "key" or "u_of_edge" are data
        (H[u][v][key[0]] if key else H[u][v]).update(attributes)
    return H


#: Attribute names a format uses for the actor's id and a relation's ends.
_TAKEN = {
    "csv": (("id",), ("source", "target")),
    "json": (("id",), ("source", "target", "key")),
}


def _check_names(data: dict, taken: tuple[str, ...], where: str, format: str) -> None:
    """Refuse an attribute whose name the format gives to the id or the ends of a relation."""
    for name in taken:
        if name in data:
            whose = "actor's" if name == "id" else "relation's"
            raise ValueError(
                f"{where}, attribute {name!r}: {format} holds the {whose} own {name} "
                "under this name; rename the attribute"
            )


def _converted(data: dict, format: str, where: str) -> dict:
    """The attributes of one actor, relation or graph, converted for ``format``."""
    converted = {}
    for name, value in data.items():
        title = _text(name if type(name) is str else str(name), format)
        if title in converted:
            raise ValueError(
                f"{where}: attribute names {name!r} and another one are the same "
                f"once made fit for {format}: {title!r}"
            )
        try:
            value = _convert(value, format)
        except (TypeError, ValueError) as error:
            raise type(error)(f"{where}, attribute {str(name)!r}: {error}") from None
        if value is not _LEFT_OUT:
            converted[title] = value
    return converted


_LEFT_OUT = object()


def _convert(value: object, format: str, *, nested: bool = False) -> object:
    """One attribute value as ``format`` can hold it (see the module table)."""
    if type(value) is str:  # most values: the quick way
        return _text(value, format)
    if _missing(value):
        return None if nested or format == "json" else "" if format == "csv" else _LEFT_OUT
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"{number} is not a finite number; use NaN or None for a gap")
        return number
    if isinstance(value, str):
        return _text(str(value), format)
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, dt.date):
        return _text(value.isoformat(), format)
    if isinstance(value, dict) and format == "json":
        return {str(k): _convert(item, format, nested=True) for k, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset | np.ndarray) and (
        format == "json" or not nested
    ):
        if isinstance(value, np.ndarray) and value.ndim != 1:
            raise TypeError(f"a {value.ndim}-d array cannot be exported; flatten it first")
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
        items = [_convert(item, format, nested=True) for item in items]
        if format == "json":
            return items
        return _text("|".join("" if item is None else str(item) for item in items), format)
    raise TypeError(
        f"a value of type {type(value).__name__} cannot be exported to {format}; "
        "convert it to text, a number or a list first"
    )


def _missing(value: object) -> bool:
    """None, NaN, ``pd.NA`` or ``pd.NaT``: a gap in the data."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, np.datetime64):
        return bool(np.isnat(value))
    return isinstance(value, float | np.floating) and math.isnan(value)


def _text(text: str, format: str) -> str:
    """Text as ``format`` can hold it: XML cannot hold most control characters."""
    return _NOT_XML.sub("\ufffd", text) if format in ("gexf", "graphml") else text


def _check_format(format: str) -> None:
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell that a spreadsheet shows as text instead of running it.

    Examples
    --------
    >>> spreadsheet_safe('=HYPERLINK("http://x.test")'), spreadsheet_safe("-1")
    ('\\'=HYPERLINK("http://x.test")', '-1')
    >>> spreadsheet_safe("@SUM(A1)"), spreadsheet_safe("Hezbollah")
    ("'@SUM(A1)", 'Hezbollah')
    """
    if cell.startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def write_gexf(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as GEXF 1.3 for Gephi, with relation dates as time intervals.

    The graph is ``dynamic`` with ``timeformat="date"``: each relation's
    ``start`` and ``end`` become the first and last day it covers (an open
    end is left out, as GEXF means by it); actors have no dates, so they are
    always shown. Each relation's ``kind`` is its type and its ``label`` the
    vocabulary's words, so Gephi keeps parallel relations apart. Actors keep
    the explorer's positions (y upwards), camp colours and sizes; relations
    its line styles (solid support, dashed opposition, dotted neutral) and
    widths. Every other attribute is declared under ``<attributes>``. The
    edges are undirected (``defaultedgetype="undirected"``) when every
    relation is symmetric, as an undirected import's are; directed otherwise.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    path : str or Path
        The ``.gexf`` file to write; it is replaced only once complete.

    Returns
    -------
    Path
        The file written.

    Examples
    --------
    >>> import graph, networkx as nx, pathlib, tempfile
    >>> path = write_gexf(graph.load(), pathlib.Path(tempfile.mkdtemp()) / "aleppo.gexf")
    >>> H = nx.read_gexf(path, version="1.3")
    >>> H.nodes["russia"]["camp"], H.graph["mode"]
    ('pro-government', 'dynamic')
    """
    H = portable(G, "gexf")
    payload = scene(G)
    nodes = {node["id"]: node for node in payload["nodes"]}
    edges = {(edge["from"], edge["to"], edge["key"]): edge for edge in payload["edges"]}

    root = ET.Element("gexf", {"xmlns": GEXF_NAMESPACE, "xmlns:viz": VIZ_NAMESPACE})
    root.set("version", "1.3")
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "alliance-graph"
    if H.graph.get("title"):
        ET.SubElement(meta, "description").text = str(H.graph["title"])
    gexf_graph = ET.SubElement(
        root,
        "graph",
        {"defaultedgetype": _edge_default(G), "mode": "dynamic", "timeformat": "date"},
    )
    node_types = _declare(gexf_graph, "node", [data for _, data in H.nodes(data=True)], ())
    edge_types = _declare(
        gexf_graph, "edge", [data for *_, data in H.edges(data=True)], ("start", "end", "label")
    )

    nodes_element = ET.SubElement(gexf_graph, "nodes", {"count": str(H.number_of_nodes())})
    for node, data in H.nodes(data=True):
        element = ET.SubElement(
            nodes_element, "node", {"id": str(node), "label": str(data.get("name", node))}
        )
        _attvalues(element, data, node_types)
        drawn = nodes[node]
        ET.SubElement(element, "viz:color", _rgb(drawn["colour"]))
        ET.SubElement(element, "viz:position", {"x": str(drawn["x"]), "y": str(-drawn["y"])})
        ET.SubElement(element, "viz:size", {"value": str(drawn["size"])})

    edges_element = ET.SubElement(gexf_graph, "edges", {"count": str(H.number_of_edges())})
    for u, v, key, data in H.edges(keys=True, data=True):
        attributes = {"id": f"{u}|{v}|{key}", "source": str(u), "target": str(v)}
        for name in ("label", "start", "end"):
            if name in data:
                attributes[name] = str(data[name])
        if "type" in data:
            attributes["kind"] = str(data["type"])
        element = ET.SubElement(edges_element, "edge", attributes)
        _attvalues(element, data, edge_types)
        drawn = edges[(u, v, key)]
        ET.SubElement(element, "viz:color", {**_rgb(drawn["colour"]), "a": str(drawn["opacity"])})
        ET.SubElement(element, "viz:thickness", {"value": str(drawn["width"])})
        ET.SubElement(element, "viz:shape", {"value": _GEXF_LINES[drawn["sign"]]})

    ET.indent(root, space="  ")
    target = Path(path)
    with atomic_write(target) as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(ET.tostring(root, encoding="unicode"))
        out.write("\n")
    return target


def _declare(parent: ET.Element, kind: str, rows: list[dict], skipped: tuple) -> dict[str, str]:
    """Declare the attributes of nodes or edges; return their GEXF types by name."""
    found: dict[str, set[str]] = {}
    for data in rows:
        for name, value in data.items():
            if name not in skipped:
                found.setdefault(name, set()).add(_GEXF_TYPES.get(type(value), "string"))
    # One type per attribute: whole numbers among decimals are decimals, and
    # anything mixed with text is text.
    types = {
        name: kinds.pop()
        if len(kinds) == 1
        else "double"
        if kinds == {"long", "double"}
        else "string"
        for name, kinds in found.items()
    }
    declared = ET.SubElement(parent, "attributes", {"class": kind})
    for name, gexf_type in types.items():
        ET.SubElement(declared, "attribute", {"id": name, "title": name, "type": gexf_type})
    return types


def _attvalues(element: ET.Element, data: dict, types: dict[str, str]) -> None:
    values = ET.SubElement(element, "attvalues")
    for name in types:
        if name in data:
            value = data[name]
            text = str(value).lower() if isinstance(value, bool) else str(value)
            ET.SubElement(values, "attvalue", {"for": name, "value": text})


def _rgb(colour: str) -> dict[str, str]:
    """``#RRGGBB`` as GEXF's r, g and b attributes."""
    return {
        channel: str(int(colour[i : i + 2], 16))
        for channel, i in zip("rgb", (1, 3, 5), strict=True)
    }


def write_graphml(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as GraphML with NetworkX's writer.

    Relation keys become edge ids; lists are joined with ``|`` and missing
    values left out (see :func:`portable`). The edges are undirected
    (``edgedefault="undirected"``) when every relation is symmetric, as an
    undirected import's are; directed otherwise.

    Examples
    --------
    >>> import graph, networkx as nx, pathlib, tempfile
    >>> path = write_graphml(graph.load(), pathlib.Path(tempfile.mkdtemp()) / "aleppo.graphml")
    >>> H = nx.read_graphml(path, force_multigraph=True)
    >>> H.nodes["iran"]["name"], H.number_of_edges()
    ('Iran', 34)
    """
    writer = GraphMLWriter()
    writer.add_graph_element(portable(G, "graphml"))
    writer.xml.find("graph").set("edgedefault", _edge_default(G))
    target = Path(path)
    with atomic_write(target) as out:
        for line in str(writer).splitlines():
            out.write(line + "\n")
    return target


def _edge_default(G: nx.MultiDiGraph) -> str:
    """GEXF's and GraphML's edge default: "undirected" when every relation is symmetric.

    Both formats can mark single edges undirected, but NetworkX (and so Gephi
    users' Python) refuses to read a graph that mixes both; a graph with a
    directed relation stays directed, its symmetric ones written as they are.
    """
    relations = [data.get("symmetric", False) for *_, data in G.edges(data=True)]
    return "undirected" if relations and all(relations) else "directed"


def write_json(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as node-link JSON for D3 or Cytoscape.js.

    The layout of :func:`networkx.node_link_data` with edges under
    ``"edges"``; the vocabulary stays in ``graph.relation_types`` and each
    relation also gets its ``label``.

    Examples
    --------
    >>> import graph, json, pathlib, tempfile
    >>> path = write_json(graph.load(), pathlib.Path(tempfile.mkdtemp()) / "aleppo.json")
    >>> data = json.loads(path.read_text(encoding="utf-8"))
    >>> sorted(data), len(data["nodes"]), len(data["edges"])
    (['directed', 'edges', 'graph', 'multigraph', 'nodes'], 20, 34)
    """
    data = nx.node_link_data(portable(G, "json"), edges="edges")
    target = Path(path)
    with atomic_write(target) as out:
        out.write(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    return target


def write_csv(G: nx.MultiDiGraph, folder: str | Path, *, for_spreadsheet: bool = False) -> Path:
    """Write ``G`` as the CSV files of a dataset folder.

    The folder (created if needed) gets ``actors.csv``, ``relations.csv``
    and, when ``G`` holds its vocabulary, ``relation_types.csv``: the
    documented columns first, then every extra attribute as a column, rows in
    the graph's order. :func:`graph.load` reads the folder back into the same
    graph: same actors, relations, attributes and vocabulary. The keys of the
    relations are their lines in the file, so they change only if the
    original file had blank lines or cells spanning lines. A relation of an
    actor to itself, which :func:`graph.load` refuses, is refused here too.

    The folder is replaced whole or not at all
    (:func:`graph.core.files.atomic_folder`): readers never see new actors with
    old relations, even if the disk fills up midway. Other files of an
    existing folder (``datapackage.json``, ``story.csv``, notes) are kept; a
    folder that is not empty and holds no dataset is refused rather than
    replaced.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    folder : str or Path
        Where to write the files.
    for_spreadsheet : bool
        Write for a spreadsheet instead of for :func:`graph.load`: cells that
        a spreadsheet would run as formulas are neutralised (see this
        module's documentation); the result does not read back unchanged.

    Returns
    -------
    Path
        The folder.

    Raises
    ------
    ValueError
        For a relation of an actor to itself, or a value :func:`portable`
        refuses; nothing is written then.
    graph.core.files.OutputError
        If the folder cannot be written (see :func:`graph.core.files.atomic_folder`).

    Examples
    --------
    >>> import graph, networkx as nx, pathlib, tempfile
    >>> G = graph.load()
    >>> folder = write_csv(G, pathlib.Path(tempfile.mkdtemp()) / "aleppo")
    >>> sorted(path.name for path in folder.iterdir())
    ['actors.csv', 'relation_types.csv', 'relations.csv']
    >>> nx.utils.edges_equal(graph.load(folder).edges(keys=True, data=True),
    ...                      G.edges(keys=True, data=True))
    True
    """
    for u, v, key in nx.selfloop_edges(G, keys=True):
        raise ValueError(
            f"relation {u!r} -> {v!r} (key {key!r}): a relation of an actor to itself "
            "cannot be written to relations.csv, which graph.load refuses; remove it first"
        )
    H = portable(G, "csv")
    actors = [{"id": node, **data} for node, data in H.nodes(data=True)]
    # In key order: graph.load keys relations by their line in the file.
    edges = sorted(H.edges(keys=True, data=True), key=lambda e: _line_of(e[2]))
    relations = [
        {"source": u, "target": v, **{k: x for k, x in data.items() if k not in _DERIVED}}
        for u, v, _, data in edges
    ]
    vocabulary = G.graph.get("relation_types") or {}
    types = [
        {"type": kind, **_converted(row, "csv", f"relation type {kind!r}")}
        for kind, row in vocabulary.items()
    ]
    with atomic_folder(folder, replaced=TABLE_FILES) as written:  # other files are kept
        _write_table(written / "actors.csv", ACTOR_COLUMNS, actors, for_spreadsheet)
        _write_table(written / "relations.csv", RELATION_COLUMNS, relations, for_spreadsheet)
        if types:
            _write_table(
                written / "relation_types.csv", RELATION_TYPE_COLUMNS, types, for_spreadsheet
            )
    return Path(folder)


def _line_of(key: object) -> float:
    """A relation's line number if its key is one; other keys keep the graph's order."""
    return key if isinstance(key, int) else math.inf


def _write_table(path: Path, columns: dict, rows: list[dict], for_spreadsheet: bool) -> None:
    """One CSV file: the documented columns, then the extra ones in order of appearance."""
    header = list(columns)
    for row in rows:
        header += [name for name in row if name not in header]
    with atomic_write(path) as out:
        if for_spreadsheet:
            out.write("\ufeff")
        # A writer ending lines in "\r\n" quotes a cell holding a lone CR too (one ending them
        # in "\n" does not, and the cell would split on reading); the file's lines end in "\n".
        line = io.StringIO()
        writer = csv.writer(line, lineterminator="\r\n")
        for cells in [header, *([str(row.get(name, "")) for name in header] for row in rows)]:
            writer.writerow([spreadsheet_safe(c) for c in cells] if for_spreadsheet else cells)
            out.write(line.getvalue()[:-2] + "\n")
            line.seek(0)
            line.truncate()


def export_as(
    G: nx.MultiDiGraph, path: str | Path, format: str, *, for_spreadsheet: bool = False
) -> Path:
    """Write ``G`` in one of :data:`FORMATS`.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    path : str or Path
        The file to write, or for ``"csv"`` the folder.
    format : {"gexf", "graphml", "json", "csv"}
        See :func:`write_gexf`, :func:`write_graphml`, :func:`write_json` and
        :func:`write_csv`.
    for_spreadsheet : bool
        CSV only: neutralise formulas for spreadsheets (see :func:`write_csv`).

    Returns
    -------
    Path
        The file or folder written.

    Raises
    ------
    ValueError
        If the format is unknown, or ``for_spreadsheet`` is asked of another
        format than CSV.

    Examples
    --------
    >>> import graph, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> export_as(graph.load(), folder / "aleppo.gexf", "gexf").name
    'aleppo.gexf'
    >>> export_as(graph.load(), folder / "aleppo.gexf", "gephi")
    Traceback (most recent call last):
    ...
    ValueError: unknown format 'gephi': use one of gexf, graphml, json, csv
    """
    _check_format(format)
    if format == "csv":
        return write_csv(G, path, for_spreadsheet=for_spreadsheet)
    if for_spreadsheet:
        raise ValueError("for_spreadsheet applies to the csv format only")
    writers = {"gexf": write_gexf, "graphml": write_graphml, "json": write_json}
    return writers[format](G, path)
