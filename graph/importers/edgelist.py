"""Signed edge lists: SNAP, KONECT and Bitcoin OTC/Alpha files, GEXF and GraphML graphs.

Each row is a tie from ``source`` to ``target`` with a sign or a rating and,
optionally, a time (Unix seconds or a date). The sign of the value picks the
type (``mappings/edgelist_signs.csv``: positive, negative or neutral tie);
``weight`` adds up ``|value|``. Text files may be comma-, tab- or
space-separated, with or without a header, with ``#`` (SNAP) or ``%`` (KONECT)
comment lines; the first file decides, and the others must match it.
"""

from __future__ import annotations

import csv
from dataclasses import replace

import networkx as nx
import pandas as pd

from graph.core.errors import FileFormatError, Problem

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
}
_VALUE_KEYS = SPELLINGS["value"]
_TIME_KEYS = SPELLINGS["time"]


def _tables(types: pd.DataFrame) -> dict[str, pd.DataFrame]:
    signs = mapping("edgelist_signs.csv", {"sign": True, "type": True}, types)
    return {"edgelist_signs": signs.assign(sign=signs["sign"].astype(int))}


SOURCE = Source(
    name="edgelist",
    title="edge list",
    columns={"source": True, "target": True, "value": True, "time": False},
    names=NAMES,
    tables=_tables,
    measure="weight",
    messages={
        "source": "empty source",
        "target": "empty target",
        "value": "not a number: give a sign (1, -1) or a finite rating",
        "time": "not a time: give Unix seconds or a date YYYY-MM-DD",
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
        message = f"expected source, target and a sign or rating, found {len(fields)} fields"
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


def reading(source: Source) -> str:
    """How :func:`dialect` read a file, in words for the user."""
    if not source.header:
        return "no header line: every line is an edge (source, target, sign or rating, time)"
    used = [n for n in source.names or () if not n.startswith("column_")]
    return f"a header line: columns {', '.join(used)} found by name, others ignored"


def graph_rows(file: InputFile) -> pd.DataFrame:
    """The edges of a GEXF or GraphML file as edge-list rows (nodes named by their label)."""
    reader = nx.read_gexf if file.path.lower().endswith(".gexf") else nx.read_graphml
    try:
        G = reader(file.path)
    except Exception as error:  # networkx raises many kinds for a malformed XML file
        raise FileFormatError(
            [Problem(file.path, 1, None, "", f"cannot read graph: {error}")]
        ) from None
    label = dict(G.nodes(data="label", default=None))
    rows = []
    for u, v, data in G.edges(data=True):
        value = next((data[k] for k in _VALUE_KEYS if k in data), 1)
        time = next((data[k] for k in _TIME_KEYS if k in data), "")
        rows.append((file.path, str(label[u] or u), str(label[v] or v), str(value), str(time)))
    return pd.DataFrame(rows, columns=["_file", *NAMES], dtype=object)
