"""CSV text into rows: the tokenizer, the header's checks and the diagnostics of malformed CSV.

A file is read as text (:func:`graph.tables.source.read_text`); cells are
stripped of surrounding spaces, and a quote opened and never closed is
reported where it opens, not at the end of the file.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from graph.core.errors import FileFormatError, Problem
from graph.core.words import counted
from graph.tables.hints import closest
from graph.tables.source import file_problem, read_text

__all__ = ["Table", "read_table"]


@dataclass
class Table:
    """A CSV file read as text: its header and its rows, each with its line number."""

    path: str
    header: list[str]
    lines: list[int]
    rows: list[list[str]]

    def __post_init__(self) -> None:
        self._positions = {}
        for number, name in enumerate(self.header, 1):
            self._positions.setdefault(name, number)

    def column(self, name: str) -> int | None:
        """1-based position of a column, or None if absent."""
        return self._positions.get(name)


def read_table(
    path: str | Path, columns: dict[str, bool], *, rows_required: bool = True
) -> tuple[Table, list[Problem]]:
    """Read a CSV file as text and check its columns.

    Parameters
    ----------
    path : str or Path
        The CSV file: UTF-8 (a byte-order mark is allowed), comma-separated,
        with a header line; lines may end in LF, CRLF or CR.
    columns : dict
        The documented columns, each mapped to whether it is required.
    rows_required : bool
        Whether a file with a header and no rows is a problem.

    Returns
    -------
    (Table, list of Problem)
        The rows (cells stripped of surrounding spaces) and the problems found
        with the header and the row widths.

    Raises
    ------
    FileFormatError
        If the file cannot be read (see :func:`read_text`), has no header, is
        not comma-separated or is malformed CSV (a quote opened and never
        closed is reported where it opens).
    """
    shown = str(path)
    text = read_text(path)
    if not text.strip():
        raise file_problem(shown, "file is empty: expected a header")

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for record in reader:
            cells = [cell.strip() for cell in record]
            if any(cells):
                records.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as error:
        raise _malformed(shown, text, line, reader.line_num, str(error)) from None
    if not records:
        raise file_problem(shown, "no header: every line holds only empty cells")
    header_line, header = records[0]
    table = Table(shown, header, [line for line, _ in records[1:]], [c for _, c in records[1:]])
    problems: list[Problem] = []

    if len(header) == 1 and len(columns) > 1 and header[0] not in columns:
        separator = next((s for s in ";\t|" if s in header[0]), None)
        found = f" (found {separator!r} in the header)" if separator else ""
        raise file_problem(shown, f"file is not comma-separated{found}", header_line)
    first: dict[str, int] = {}
    names = set(header)
    missing = [name for name in columns if name not in names]
    for number, name in enumerate(header, 1):
        if not name:
            problems.append(Problem(shown, header_line, number, "", "empty column name"))
        elif name in first:
            message = f"duplicate column (first is column {first[name]})"
            problems.append(Problem(shown, header_line, number, name, message))
        else:
            first[name] = number
            close = closest(name, missing, cutoff=70) if name not in columns else None
            if close:  # an extra column is kept, but a misspelt known one is an error
                message = f"unknown column (did you mean '{close}'?)"
                problems.append(Problem(shown, header_line, number, name, message))
    if len(first) < len(header):
        raise FileFormatError(problems)  # a header with empty or repeated names cannot be read
    for name, required in columns.items():
        if required and name not in first:
            problems.append(Problem(shown, header_line, None, name, "missing required column"))
    for line, cells in zip(table.lines, table.rows, strict=True):
        if len(cells) != len(header):
            expected = counted(len(header), "field")
            message = f"expected {expected} as in the header, found {len(cells)}"
            problems.append(
                Problem(shown, line, None, "", message, "rows whose number of fields differs")
            )
    if rows_required and not table.rows:
        problems.append(Problem(shown, header_line, None, "", "no rows after the header"))
    return table, problems


_CSV_TOKEN = re.compile(r'"(?:[^"]|"")*"|"|\r\n|\r|\n|,|[^",\r\n]+')


def _malformed(path: str, text: str, record_line: int, line: int, error: str) -> FileFormatError:
    """The error for a CSV the reader rejects; an unclosed quote is shown where it opens."""
    if "unexpected end of data" in error:
        opened = _unclosed_quote(text)
        if opened:
            quote_line, field = opened
            message = 'quote opened here is never closed: close it, or double it as "" in a cell'
            return FileFormatError([Problem(path, quote_line, field, "", message)])
    return file_problem(path, f"malformed CSV: {error}", max(record_line, line))


def _unclosed_quote(text: str) -> tuple[int, int] | None:
    """Line and field number of the quote that is never closed, if any."""
    line, field, at_field_start = 1, 1, True
    for match in _CSV_TOKEN.finditer(text):
        token = match.group()
        if token in ("\r\n", "\r", "\n"):
            line, field, at_field_start = line + 1, 1, True
        elif token == ",":
            field, at_field_start = field + 1, True
        elif token == '"' and at_field_start:
            return line, field
        else:
            line += len(re.findall(r"\r\n|\r|\n", token))
            at_field_start = False
    return None
