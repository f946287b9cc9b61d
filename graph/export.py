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

Every file is written with :func:`graph.files.atomic_write`, and the same
graph always gives the same bytes.

Attributes a format cannot hold
-------------------------------
:func:`portable` is the one place where attribute values are converted for a
format; every writer calls it and nothing else converts:

===================  ====================  ====================  ===========  ==================
value                GEXF                  GraphML               JSON         CSV
===================  ====================  ====================  ===========  ==================
list (``aliases``)   ``a|b`` text          ``a|b`` text          array        ``a|b`` cell
None (open date)     left out              left out              null         empty cell
partial date         first day (start),    kept as written       kept         kept
                     last day (end)
vocabulary           edge ``label``        edge ``label``        kept, and    ``relation_types``
(graph attribute)                                                edge label   ``.csv``
text XML cannot      U+FFFD                U+FFFD                kept         kept
hold (``\\x00``...)
===================  ====================  ====================  ===========  ==================

A list is joined with ``|``, the separator ``actors.csv`` uses for aliases. A
relation's ``sign`` comes from the vocabulary, so ``relations.csv`` leaves it
out. GEXF and GraphML have no partial dates: GEXF gets the first and last day
a relation covers (the rule of :mod:`graph.dates`), GraphML keeps the text.

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

References
----------
GEXF 1.3 specification and primer, https://gexf.net/
OWASP Foundation, CSV Injection, https://owasp.org/www-community/attacks/CSV_Injection
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

from .dates import parse_period
from .files import atomic_write
from .read import ACTOR_COLUMNS, RELATION_COLUMNS, RELATION_TYPE_COLUMNS
from .render import explorer_payload

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
#: Line style of a relation by sign, as GEXF's viz:shape names those of graph.style.
_GEXF_LINES = {1: "solid", -1: "dashed", 0: "dotted"}


def portable(G: nx.MultiDiGraph, format: str) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes ``format`` can hold.

    See the table in this module's documentation.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`; it is not changed.
    format : {"gexf", "graphml", "json", "csv"}
        The format the copy is for.

    Returns
    -------
    networkx.MultiDiGraph
        Same nodes, edges and keys, with converted attributes.

    Raises
    ------
    ValueError
        If the format is unknown.

    Examples
    --------
    >>> import graph
    >>> G = graph.load()
    >>> portable(G, "graphml").nodes["russia"]["aliases"]
    'Russian Federation|Moscow'
    >>> portable(G, "json").nodes["russia"]["aliases"]
    ['Russian Federation', 'Moscow']
    >>> air = portable(G, "gexf")["russia"]["assad_government"][7]
    >>> air["start"], "end" in air, air["label"]
    ('2015-09-30', False, 'gives air support to')
    """
    _check_format(format)
    vocabulary = G.graph.get("relation_types", {})
    H = nx.MultiDiGraph()
    H.graph.update(
        (name, _convert(value, format))
        for name, value in G.graph.items()
        if name != "relation_types" or format == "json"
    )
    for node, data in G.nodes(data=True):
        H.add_node(node)  # attributes set apart: a user's column may be called node_for_adding
        H.nodes[node].update(_converted(data, format))
    for u, v, key, data in G.edges(keys=True, data=True):
        attributes = _converted(data, format)
        if format == "gexf":
            for bound, end in (("start", 0), ("end", 1)):
                if bound in attributes:
                    attributes[bound] = parse_period(attributes[bound])[end].isoformat()
        if format != "csv" and "label" not in data and data.get("type") in vocabulary:
            attributes["label"] = _convert(vocabulary[data["type"]].get("label"), format)
        H.add_edge(u, v, key=key)
        H.edges[u, v, key].update(attributes)  # and another one key
    return H


def _converted(data: dict, format: str) -> dict:
    converted = {name: _convert(value, format) for name, value in data.items()}
    return {name: value for name, value in converted.items() if value is not _LEFT_OUT}


_LEFT_OUT = object()


def _convert(value: object, format: str) -> object:
    """One attribute value as ``format`` can hold it (see the module table)."""
    if value is None:
        return {"json": None, "csv": ""}.get(format, _LEFT_OUT)
    if isinstance(value, list | tuple) and format != "json":
        value = "|".join(str(item) for item in value)
    if isinstance(value, str) and format in ("gexf", "graphml"):
        return _NOT_XML.sub("\ufffd", value)
    return value


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
    widths. Every other attribute is declared under ``<attributes>``.

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
    payload = explorer_payload(G)
    nodes = {node["id"]: node for node in payload["nodes"]}
    edges = {(edge["from"], edge["to"], edge["key"]): edge for edge in payload["edges"]}

    root = ET.Element("gexf", {"xmlns": GEXF_NAMESPACE, "xmlns:viz": VIZ_NAMESPACE})
    root.set("version", "1.3")
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "alliance-graph"
    if H.graph.get("title"):
        ET.SubElement(meta, "description").text = str(H.graph["title"])
    gexf_graph = ET.SubElement(
        root, "graph", {"defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date"}
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
    types: dict[str, str] = {}
    for data in rows:
        for name, value in data.items():
            if name in skipped:
                continue
            gexf_type = _GEXF_TYPES.get(type(value), "string")
            types[name] = gexf_type if types.get(name, gexf_type) == gexf_type else "string"
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
    values left out (see :func:`portable`).

    Examples
    --------
    >>> import graph, networkx as nx, pathlib, tempfile
    >>> path = write_graphml(graph.load(), pathlib.Path(tempfile.mkdtemp()) / "aleppo.graphml")
    >>> H = nx.read_graphml(path, force_multigraph=True)
    >>> H.nodes["iran"]["name"], H.number_of_edges()
    ('Iran', 34)
    """
    target = Path(path)
    with atomic_write(target) as out:
        for line in nx.generate_graphml(portable(G, "graphml")):
            out.write(line + "\n")
    return target


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
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return target


def write_csv(G: nx.MultiDiGraph, folder: str | Path, *, for_spreadsheet: bool = False) -> Path:
    """Write ``G`` as the CSV files of a dataset folder.

    The folder (created if needed) gets ``actors.csv``, ``relations.csv``
    and, when ``G`` holds its vocabulary, ``relation_types.csv``: the
    documented columns first, then every extra attribute as a column, rows in
    the graph's order. :func:`graph.load` reads the folder back into the same
    graph: same actors, relations, attributes and vocabulary. The keys of the
    relations are their lines in the file, so they change only if the
    original file had blank lines or cells spanning lines. A
    ``datapackage.json`` in the folder is left alone.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    folder : str or Path
        Where to write the files; each one is replaced only once complete.
    for_spreadsheet : bool
        Write for a spreadsheet instead of for :func:`graph.load`: cells that
        a spreadsheet would run as formulas are neutralised (see this
        module's documentation); the result does not read back unchanged.

    Returns
    -------
    Path
        The folder.

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
    H = portable(G, "csv")
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    actors = [{"id": node, **data} for node, data in H.nodes(data=True)]
    _write_table(target / "actors.csv", ACTOR_COLUMNS, actors, for_spreadsheet)
    # In key order: graph.load keys relations by their line in the file.
    edges = sorted(H.edges(keys=True, data=True), key=lambda e: _line_of(e[2]))
    relations = [
        {"source": u, "target": v, **{k: x for k, x in data.items() if k not in _DERIVED}}
        for u, v, _, data in edges
    ]
    _write_table(target / "relations.csv", RELATION_COLUMNS, relations, for_spreadsheet)
    vocabulary = G.graph.get("relation_types")
    if vocabulary:
        types = [
            {"type": kind, **{k: _convert(x, "csv") for k, x in row.items()}}
            for kind, row in vocabulary.items()
        ]
        _write_table(target / "relation_types.csv", RELATION_TYPE_COLUMNS, types, for_spreadsheet)
    return target


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
