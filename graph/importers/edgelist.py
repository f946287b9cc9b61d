"""Signed edge lists: SNAP, KONECT and Bitcoin OTC/Alpha files, GEXF and GraphML graphs.

Each row is a tie from ``source`` to ``target`` with a sign or a rating and,
optionally, a time (Unix seconds or a date), an end date and a relation type.
A type the vocabulary knows is kept (this project's GEXF and GraphML exports
write one, so they import back to the same relations and spans); otherwise
the sign of the value picks the type (``mappings/edgelist_signs.csv``:
positive, negative or neutral tie);
``weight`` adds up ``|value|``. Text files may be comma-, tab- or
space-separated, with or without a header, with ``#`` (SNAP) or ``%`` (KONECT)
comment lines; the first file decides, and the others must match it.

A KONECT file's first line names its network's format (the KONECT
handbook's ``out.*`` files: ``% sym unweighted``, ``% asym signed``,
``% bip weighted``...): ``sym`` is undirected, ``bip`` (bipartite, always
undirected in KONECT) too, ``asym`` directed; :func:`konect_undirected`
reads it, so such a file imports undirected without ``--undirected``.

Licence and citation: those of the file's own source (each SNAP or KONECT
network page names the paper to cite); this importer adds none.
"""

from __future__ import annotations

import csv
import math
from dataclasses import replace
from xml.parsers import expat

import networkx as nx
import pandas as pd

from graph.core.errors import FileFormatError, Problem
from graph.core.words import counted

from .sourcefiles import InputFile, first_lines
from .sources import Source, mapping

NAMES = ("source", "target", "value", "time")
#: The header names each column is found by, in any order and case (other columns
#: are read and ignored).
SPELLINGS = {
    "source": ("source", "src", "from", "source_id", "node1", "rater", "sender"),
    "target": ("target", "dst", "to", "target_id", "node2", "ratee", "receiver"),
    "value": ("sign", "rating", "weight", "value"),
    "time": ("time", "timestamp", "date", "start"),
    "end_time": ("end", "end_time", "until"),
    "type": ("type",),
}
_VALUE_KEYS = SPELLINGS["value"]
_TIME_KEYS = SPELLINGS["time"]


def _tables(types: pd.DataFrame) -> dict[str, pd.DataFrame]:
    signs = mapping("edgelist_signs.csv", {"sign": True, "type": True}, types)
    return {
        "edgelist_signs": signs.assign(sign=signs["sign"].astype(int)),
        "known_types": pd.DataFrame({"type": types.index.astype(str)}, dtype=object),
    }


SOURCE = Source(
    name="edgelist",
    title="edge list",
    columns={
        "source": True,
        "target": True,
        "value": True,
        "time": False,
        "end_time": False,
        "type": False,
    },
    names=NAMES,
    tables=_tables,
    measure="weight",
    messages={
        "source": "empty source",
        "target": "empty target",
        "value": "not a number: give a sign (1, -1) or a finite rating",
        "time": "not a time: give Unix seconds or a date YYYY-MM-DD, YYYY-MM or YYYY",
        "end_time": "not an end on or after the start: give a date YYYY-MM-DD, YYYY-MM or YYYY",
    },
    default_kind="actor",
    default_camp="unassigned",
    event_ids=False,
)


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _named_columns(file: InputFile, line: int, fields: list[str]) -> tuple[str, ...]:
    """The engine's names for a header's columns: ours where a spelling is known,
    ``column_N`` for the others (kept out of the import)."""
    names = []
    for number, field in enumerate(fields, start=1):
        key = field.strip().lstrip("\ufeff").casefold()
        name = next((n for n, spelled in SPELLINGS.items() if key in spelled), None)
        names.append(name if name and name not in names else f"column_{number}")
    missing = [n for n in ("source", "target", "value") if n not in names]
    if missing:
        wanted = "; ".join(f"{n}: one of {', '.join(SPELLINGS[n])}" for n in missing)
        message = f"the header names no column for {wanted}"
        raise FileFormatError([Problem(file.path, line, None, "", message)])
    return tuple(names)


def dialect(file: InputFile) -> Source:
    """The edge-list source set up for this text file's separator, header and comments.

    The first line is a header when it names a column (:data:`SPELLINGS`) or
    its third field is no number; columns are then found by their names.
    Otherwise every line is an edge: source, target, value and time by
    position, further columns ignored.
    """
    lines = [line for line in first_lines(file.path, 50) if line.strip()]
    comment = next((c for c in "#%" if lines and lines[0].startswith(c)), None)
    data = [line for line in lines if not (comment and line.startswith(comment))]
    if not data:
        raise FileFormatError([Problem(file.path, 1, None, "", "no edges in the file")])
    first = data[0]
    line = lines.index(first) + 1
    delimiter = "\t" if "\t" in first else "," if "," in first else " "
    fields = next(csv.reader([first], delimiter=delimiter, skipinitialspace=delimiter == " "))
    fields = [f for f in fields if delimiter != " " or f]
    if len(fields) < 3:
        found = counted(len(fields), "field")
        message = f"expected source, target and a sign or rating, found {found}"
        raise FileFormatError([Problem(file.path, line, None, "", message)])
    known = {spelled for spellings in SPELLINGS.values() for spelled in spellings}
    header = any(f.strip().casefold() in known for f in fields) or not _number(fields[2])
    if header:
        names = _named_columns(file, line, fields)
    else:
        names = NAMES[: min(len(fields), 4)] + tuple(
            f"column_{n}" for n in range(5, len(fields) + 1)
        )
    return replace(SOURCE, names=names, delimiter=delimiter, header=header, comment=comment)


#: KONECT's network formats (the first word after "%" on a file's first line)
#: -> whether the network is undirected.
KONECT_FORMATS = {"sym": True, "bip": True, "asym": False}


def konect_undirected(file: InputFile) -> bool | None:
    """Whether a KONECT file's network is undirected, by its first line; None
    for a file without KONECT's header.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from graph.importers.sourcefiles import InputFile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "out.a").write_text("% sym signed\\n% 2 3 3\\n1 2 1\\n2 3 -1\\n")
    >>> _ = (folder / "out.b").write_text("% asym signed\\n1 2 -1\\n")
    >>> _ = (folder / "b.tsv").write_text("1\\t2\\t-1\\n")
    >>> paths = [str(folder / name) for name in ("out.a", "out.b", "b.tsv")]
    >>> [konect_undirected(InputFile(path, path, "csv")) for path in paths]
    [True, False, None]
    """
    first = first_lines(file.path, 1)
    words = first[0].lstrip("%").split() if first and first[0].startswith("%") else []
    return KONECT_FORMATS.get(words[0].casefold()) if words else None


def reading(source: Source) -> str:
    """How :func:`dialect` read a file, in words for the user."""
    if not source.header:
        return "no header line: every line is an edge (source, target, sign or rating, time)"
    used = [n for n in source.names or () if not n.startswith("column_")]
    return f"a header line: columns {', '.join(used)} found by name, others ignored"


_NUMBERS = {"int": int, "integer": int, "long": int, "float": float, "double": float}


def _number_problem(text: str, kind: str) -> str | None:
    """What is wrong with a GraphML/GEXF value of a numeric type, or None."""
    try:
        value = _NUMBERS[kind](text.strip())
    except ValueError:
        return f"'{text}' is not {'a whole number' if _NUMBERS[kind] is int else 'a number'}"
    if not math.isfinite(value):
        return f"'{text}' is not a finite number"
    return None


def graph_problems(path: str) -> list[Problem]:
    """Problems of a GraphML or GEXF file at their own lines: malformed XML, and
    values of numeric attributes (``weight``, ``sign``) that are no number.

    The XML is read once with expat, which knows the line of every element
    (networkx's readers report none); reading stops at the first malformed
    place, after the value problems found before it.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> bad = pathlib.Path(tempfile.mkdtemp()) / "bad.graphml"
    >>> _ = bad.write_text(
    ...     '<graphml>\\n<key id="w" for="edge" attr.name="weight" attr.type="double"/>\\n'
    ...     '<graph><edge source="a" target="b">\\n<data key="w">strong</data></edge>\\n'
    ...     '</graph\\n</graphml>\\n'
    ... )
    >>> for problem in graph_problems(str(bad)):
    ...     print(problem)
    /...bad.graphml:4:1: weight: 'strong' is not a number
    /...bad.graphml:6:1: malformed XML: not well-formed (invalid token)
    """
    problems: list[Problem] = []
    keys: dict[str, tuple[str, str]] = {}  # GraphML key id or GEXF attribute id -> name, type
    data: list = []  # the open <data> element: [name, type, line, column, text]
    parser = expat.ParserCreate()

    def check(name: str, kind: str, text: str, line: int, column: int) -> None:
        if kind in _NUMBERS and (what := _number_problem(text, kind)) is not None:
            problems.append(Problem(path, line, column + 1, name, what))

    def start(tag: str, attributes: dict[str, str]) -> None:
        tag = tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
        line, column = parser.CurrentLineNumber, parser.CurrentColumnNumber
        if tag == "key" and "id" in attributes:  # GraphML
            keys[attributes["id"]] = (
                attributes.get("attr.name", attributes["id"]),
                attributes.get("attr.type", "string"),
            )
        elif tag == "attribute" and "id" in attributes:  # GEXF
            title = attributes.get("title", attributes["id"])
            keys[attributes["id"]] = (title, attributes.get("type", "string"))
        elif tag == "data" and attributes.get("key") in keys:
            data[:] = [*keys[attributes["key"]], line, column, ""]
        elif tag == "attvalue" and attributes.get("for") in keys:
            name, kind = keys[attributes["for"]]
            check(name, kind, attributes.get("value", ""), line, column)
        elif tag == "edge" and "weight" in attributes:  # GEXF's own weight
            check("weight", "double", attributes["weight"], line, column)

    def text(chunk: str) -> None:
        if data:
            data[4] += chunk

    def end(tag: str) -> None:
        if data and tag.rsplit("}", 1)[-1] == "data":
            check(*data[:2], data[4], *data[2:4])
            data.clear()

    parser.StartElementHandler = start
    parser.CharacterDataHandler = text
    parser.EndElementHandler = end
    try:
        with open(path, "rb") as file:
            parser.ParseFile(file)
    except expat.ExpatError as error:
        reason = expat.ErrorString(error.code)
        problems.append(
            Problem(path, error.lineno, error.offset + 1, "", f"malformed XML: {reason}")
        )
    return problems


def graph_rows(file: InputFile) -> pd.DataFrame:
    """The edges of a GEXF or GraphML file as edge-list rows (nodes named by their label).

    An edge's ``type`` (the one this project's exports write) is kept, with
    its ``start`` and ``end``, so an export imports back to the same relations
    and spans; ``attrs["undirected"]`` says whether the graph is undirected.
    """
    problems = graph_problems(file.path)
    if problems:
        raise FileFormatError(problems)
    reader = nx.read_gexf if file.path.lower().endswith(".gexf") else nx.read_graphml
    try:
        G = reader(file.path)
    except Exception as error:  # networkx raises many kinds for a file it cannot take
        raise FileFormatError(
            [Problem(file.path, 1, None, "", f"cannot read graph: {error}")]
        ) from None
    # An actor's name: GEXF's label, the name this project's GraphML export writes, its id.
    label = {node: data.get("label") or data.get("name") for node, data in G.nodes(data=True)}
    rows = []
    for u, v, data in G.edges(data=True):
        value = next((data[k] for k in _VALUE_KEYS if k in data), 1)
        time = next((data[k] for k in _TIME_KEYS if k in data), "")
        # A graph file's relation with a start and no end is open (as this project's
        # exports write it): '..', ISO 8601-2's open end.
        end = data.get("end", ".." if "start" in data else "")
        kind = data.get("type", "")
        names = (str(label[u] or u), str(label[v] or v))
        rows.append((file.path, *names, str(value), str(time), str(end), str(kind)))
    frame = pd.DataFrame(rows, columns=["_file", *NAMES, "end_time", "type"], dtype=object)
    frame.attrs["undirected"] = not G.is_directed()
    return frame
