"""Signed edge lists: SNAP, KONECT and Bitcoin OTC/Alpha files, GEXF and GraphML graphs.

Each row is a tie from ``source`` to ``target`` with a sign or a rating and,
optionally, a time (Unix seconds or a date). The sign of the value picks the
type (``mappings/edgelist_signs.csv``: positive, negative or neutral tie);
``weight`` adds up ``|value|``. Text files may be comma-, tab- or
space-separated, with or without a header, with ``#`` (SNAP) or ``%`` (KONECT)
comment lines; the first file decides, and the others must match it.
"""

from __future__ import annotations

import re
from dataclasses import replace

import networkx as nx
import pandas as pd

from graph.core.errors import FileFormatError, Problem

from .sourcefiles import InputFile, first_lines
from .sources import Source, mapping

NAMES = ("source", "target", "value", "time")
_VALUE_KEYS = ("sign", "rating", "weight", "value")
_TIME_KEYS = ("time", "timestamp", "date", "start")


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
        "value": "not a number: give a sign (1, -1) or a rating",
        "time": "not a time: give Unix seconds or a date YYYY-MM-DD",
    },
    default_kind="actor",
    default_camp="unassigned",
    event_ids=False,
)


def dialect(file: InputFile) -> Source:
    """The edge-list source set up for this text file's separator, header and comments."""
    lines = [line for line in first_lines(file.path, 50) if line.strip()]
    comment = next((c for c in "#%" if lines and lines[0].startswith(c)), None)
    data = [line for line in lines if not (comment and line.startswith(comment))]
    if not data:
        raise FileFormatError([Problem(file.path, 1, None, "", "no edges in the file")])
    first = data[0]
    delimiter = "\t" if "\t" in first else "," if "," in first else " "
    fields = [f for f in first.split(delimiter) if delimiter != " " or f]
    if len(fields) < 3:
        message = f"expected source, target and a sign or rating, found {len(fields)} fields"
        raise FileFormatError([Problem(file.path, lines.index(first) + 1, None, "", message)])
    header = not re.fullmatch(r"[-+]?\d+(\.\d*)?", fields[2].strip())
    return replace(
        SOURCE,
        names=NAMES[: min(len(fields), 4)],
        delimiter=delimiter,
        header=header,
        comment=comment,
    )


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
