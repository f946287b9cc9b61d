"""Read and validate the CSV files of a dataset.

A dataset is a folder with ``actors.csv`` and ``relations.csv`` and, optionally,
``relation_types.csv`` (the bundled vocabulary is used when it is absent). The
readers return pandas DataFrames and raise :class:`graph.DataError` listing
*every* problem of a file, each with its file, line and column.

Cells are read as text, with surrounding spaces stripped; an empty cell is an
empty string (``start``/``end``: None). Columns beyond the documented ones are
kept as they are, so users can add their own attributes.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .dates import parse_period
from .errors import FileFormatError, Problem, ValidationError
from .resources import data_dir

__all__ = [
    "ACTOR_COLUMNS",
    "CONFIDENCE_LEVELS",
    "DATA_DIR",
    "RELATION_COLUMNS",
    "RELATION_TYPE_COLUMNS",
    "STORY_COLUMNS",
    "read_actors",
    "read_relation_types",
    "read_relations",
    "read_story",
    "read_table",
]

#: The bundled Battle of Aleppo dataset (see :mod:`graph.resources`).
DATA_DIR = data_dir()

#: Columns of each file: name -> required?
ACTOR_COLUMNS = {
    "id": True,
    "name": True,
    "kind": True,
    "camp": True,
    "aliases": False,
    "description": False,
    "source": False,
}
RELATION_COLUMNS = {
    "source": True,
    "target": True,
    "type": True,
    "start": False,
    "end": False,
    "confidence": True,
    "evidence": False,
    "citation": False,
}
RELATION_TYPE_COLUMNS = {
    "type": True,
    "sign": True,
    "label": True,
    "definition": False,
    "ucdp_esd": False,
    "cameo": False,
}
STORY_COLUMNS = {
    "date": True,
    "title": True,
    "caption": True,
    "actors": False,
    "citation": False,
}

#: How sure the sources are that a relation holds, strongest first.
CONFIDENCE_LEVELS = ("confirmed", "claimed", "alleged")

_ID = re.compile(r"[a-z0-9_]+")
_SIGNS = {"1": 1, "+1": 1, "0": 0, "-1": -1, "−1": -1}  # a typographic minus is accepted


@dataclass
class Table:
    """A CSV file read as text: its header and its rows, each with its line number."""

    path: str
    header: list[str]
    lines: list[int]
    rows: list[list[str]]

    def column(self, name: str) -> int | None:
        """1-based position of a column, or None if absent."""
        return self.header.index(name) + 1 if name in self.header else None


class _Problems(list):
    """Problems found in one file, with a shorthand to add one."""

    def __init__(self, table: Table):
        super().__init__()
        self.table = table

    def add(self, line: int, field: str, message: str) -> None:
        self.append(Problem(self.table.path, line, self.table.column(field), field, message))


def read_table(path: str | Path, columns: dict[str, bool]) -> tuple[Table, list[Problem]]:
    """Read a CSV file as text and check its columns.

    Parameters
    ----------
    path : str or Path
        The CSV file: UTF-8 (a byte-order mark is allowed), comma-separated,
        with a header line.
    columns : dict
        The documented columns, each mapped to whether it is required.

    Returns
    -------
    (Table, list of Problem)
        The rows (cells stripped of surrounding spaces) and the problems found
        with the header and the row widths.

    Raises
    ------
    FileFormatError
        If the file is missing, empty, not UTF-8 or not comma-separated.
    """
    shown = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise FileFormatError(
            [Problem(shown, 1, None, "", f"cannot read file: {error.strerror}")]
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = f"file is not UTF-8: byte 0x{raw[error.start]:02x} at character {column}"
        raise FileFormatError(
            [Problem(shown, line, None, "", message + "; save it as UTF-8")]
        ) from None
    if not text.strip():
        raise FileFormatError([Problem(shown, 1, None, "", "file is empty: expected a header")])

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[tuple[int, list[str]]] = []
    try:
        line = 1
        for record in reader:
            records.append((line, [cell.strip() for cell in record]))
            line = reader.line_num + 1
    except csv.Error as error:
        problem = Problem(shown, reader.line_num, None, "", f"malformed CSV: {error}")
        raise FileFormatError([problem]) from None
    records = [(line, cells) for line, cells in records if any(cells)]
    header_line, header = records[0]
    table = Table(shown, header, [line for line, _ in records[1:]], [c for _, c in records[1:]])
    problems = _Problems(table)

    if len(header) == 1 and len(columns) > 1:
        separator = next((s for s in ";\t|" if s in header[0]), None)
        found = f" (found {separator!r} in the header)" if separator else ""
        raise FileFormatError(
            [Problem(shown, header_line, None, "", f"file is not comma-separated{found}")]
        )
    for number, name in enumerate(header, 1):
        if not name:
            problems.append(Problem(shown, header_line, number, "", "empty column name"))
        elif header.index(name) != number - 1:
            problems.append(Problem(shown, header_line, number, name, "duplicate column"))
        elif name not in columns:
            close = difflib.get_close_matches(name, [c for c in columns if c not in header], 1)
            if close:  # an extra column is kept, but a misspelt known one is an error
                message = f"unknown column (did you mean '{close[0]}'?)"
                problems.append(Problem(shown, header_line, number, name, message))
    if len(set(header)) < len(header) or "" in header:
        raise ValidationError(problems)  # a header with empty or repeated names cannot be read
    for name, required in columns.items():
        if required and name not in header:
            problems.append(Problem(shown, header_line, None, name, "missing required column"))
    for line, cells in zip(table.lines, table.rows, strict=True):
        if len(cells) != len(header):
            message = f"expected {len(header)} fields as in the header, found {len(cells)}"
            problems.append(Problem(shown, line, None, "", message))
    if not table.rows:
        problems.append(Problem(shown, header_line, None, "", "no rows after the header"))
    return table, list(problems)


def _frame(table: Table, columns: Iterable[str]) -> pd.DataFrame:
    """The well-formed rows as a DataFrame of text, absent optional columns filled with ''."""
    width = len(table.header)
    kept = [
        (line, row) for line, row in zip(table.lines, table.rows, strict=True) if len(row) == width
    ]
    frame = pd.DataFrame(
        [row for _, row in kept],
        columns=table.header,
        index=[line for line, _ in kept],
        dtype=object,
    )
    for name in columns:
        if name not in frame:
            frame[name] = ""
    frame.index.name = "line"
    return frame


def _check_ids(frame: pd.DataFrame, field: str, problems: _Problems, what: str) -> None:
    """Report empty, malformed and duplicate identifiers in one column."""
    first_line: dict[str, int] = {}
    for line, value in frame[field].items():
        if not value:
            problems.add(line, field, f"empty {what}")
        elif not _ID.fullmatch(value):
            problems.add(line, field, f"bad {what} '{value}': use lowercase a-z, 0-9 and _ only")
        elif value in first_line:
            problems.add(
                line, field, f"duplicate {what} '{value}' (first on line {first_line[value]})"
            )
        else:
            first_line[value] = line


def _check_required_text(frame: pd.DataFrame, fields: Iterable[str], problems: _Problems) -> None:
    for field in fields:
        for line in frame.index[frame[field] == ""]:
            problems.add(line, field, "empty value")


def _check_duplicate_rows(frame: pd.DataFrame, problems: _Problems) -> None:
    duplicated = frame[frame.duplicated(keep=False)]
    for _, group in duplicated.groupby(list(frame.columns), sort=False):
        first, *others = group.index
        for line in others:
            problems.add(line, "", f"exact duplicate of line {first}")


def _check_actor(
    problems: _Problems, line: int, field: str, actor: str, known: Collection[str]
) -> None:
    """Report an actor id that is not among the known ones, with the closest as a hint."""
    if actor not in known:
        problems.add(line, field, f"unknown actor '{actor}'{_hint(actor, known)}")


def _hint(value: str, choices: Iterable[str]) -> str:
    """A "did you mean" suggestion for a misspelt name, or ""."""
    close = difflib.get_close_matches(value, list(choices), 1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


def read_relation_types(path: str | Path | None = None) -> pd.DataFrame:
    """Read and validate the relation-type vocabulary.

    Parameters
    ----------
    path : str or Path, optional
        A ``relation_types.csv``; the bundled vocabulary by default.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``type``; columns ``sign`` (int: +1 support, -1 opposition,
        0 neutral), ``label``, ``definition``, ``ucdp_esd``, ``cameo`` and any
        extra columns.

    Examples
    --------
    >>> types = read_relation_types()
    >>> int(types.loc["air_strikes", "sign"]), types.loc["air_strikes", "label"]
    (-1, 'carries out air strikes on')
    >>> sorted(types.index[types["sign"] == 0])
    ['documents', 'formerly_known_as', 'negotiates_with']
    """
    path = DATA_DIR / "relation_types.csv" if path is None else path
    table, found = read_table(path, RELATION_TYPE_COLUMNS)
    problems = _Problems(table)
    problems.extend(found)
    frame = _frame(table, RELATION_TYPE_COLUMNS)
    if "type" in table.header:
        _check_ids(frame, "type", problems, "relation type")
    _check_required_text(frame, ["label"], problems)
    if "sign" in table.header:
        for line, value in frame["sign"].items():
            if value not in _SIGNS:
                problems.add(line, "sign", f"bad sign '{value}': use 1, 0 or -1")
    _raise_if(problems)
    frame["sign"] = frame["sign"].map(_SIGNS).astype(int)
    return frame.set_index("type")


def read_actors(path: str | Path) -> pd.DataFrame:
    """Read and validate an actors file.

    Parameters
    ----------
    path : str or Path
        A CSV file with at least the columns ``id``, ``name``, ``kind`` and
        ``camp``; ``aliases`` (separated by ``|``), ``description`` and
        ``source`` are optional, and extra columns are kept.

    Returns
    -------
    pandas.DataFrame
        One row per actor, indexed by ``id``; ``aliases`` holds lists.

    Raises
    ------
    DataError
        Listing every problem: missing columns, empty, malformed or duplicate
        ids, empty names, duplicate rows.

    Examples
    --------
    >>> actors = read_actors(DATA_DIR / "actors.csv")
    >>> actors.loc["jabhat_fateh_al_sham", "camp"]
    'jihadist'
    >>> actors.loc["free_syrian_army", "aliases"][:2]
    ['FSA', 'Syrian rebels']
    """
    table, found = read_table(path, ACTOR_COLUMNS)
    problems = _Problems(table)
    problems.extend(found)
    frame = _frame(table, ACTOR_COLUMNS)
    _check_duplicate_rows(frame, problems)
    if "id" in table.header:
        _check_ids(frame, "id", problems, "id")
    _check_required_text(
        frame, [c for c in ("name", "kind", "camp") if c in table.header], problems
    )
    _raise_if(problems)
    frame["aliases"] = _split_bars(frame["aliases"])
    return frame.set_index("id")


def read_relations(
    path: str | Path, actors: pd.DataFrame, relation_types: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Read and validate a relations file against its actors and vocabulary.

    Parameters
    ----------
    path : str or Path
        A CSV file with at least ``source``, ``target``, ``type`` and
        ``confidence``; ``start``, ``end`` (partial ISO dates), ``evidence``
        and ``citation`` are optional, and extra columns are kept.
    actors : pandas.DataFrame
        The actors, as returned by :func:`read_actors`.
    relation_types : pandas.DataFrame, optional
        The vocabulary, as returned by :func:`read_relation_types`; the bundled
        one by default.

    Returns
    -------
    pandas.DataFrame
        One row per relation, indexed by its line in the file, with a ``sign``
        column taken from the vocabulary and ``start``/``end`` None when open.

    Raises
    ------
    DataError
        Listing every problem: unknown actors or types, bad or impossible
        dates, an end before its start, self-relations, unknown confidence
        levels, exact duplicate rows.

    Examples
    --------
    >>> actors = read_actors(DATA_DIR / "actors.csv")
    >>> relations = read_relations(DATA_DIR / "relations.csv", actors)
    >>> russia = relations[relations["source"] == "russia"]
    >>> russia.loc[russia["type"] == "air_support", ["target", "start", "sign"]]
                  target       start  sign
    line
    7     assad_government  2015-09-30     1
    """
    types = read_relation_types() if relation_types is None else relation_types
    table, found = read_table(path, RELATION_COLUMNS)
    problems = _Problems(table)
    problems.extend(found)
    frame = _frame(table, RELATION_COLUMNS)
    _check_duplicate_rows(frame, problems)
    for field in ("source", "target"):
        if field not in table.header:
            continue
        for line, value in frame[field].items():
            if not value:
                problems.add(line, field, "empty actor id")
            else:
                _check_actor(problems, line, field, value, actors.index)
    if {"source", "target"} <= set(table.header):
        for line in frame.index[(frame["source"] == frame["target"]) & (frame["source"] != "")]:
            problems.add(line, "target", f"self-relation: '{frame.at[line, 'source']}' to itself")
    if "type" in table.header:
        for line, value in frame["type"].items():
            if not value:
                problems.add(line, "type", "empty relation type")
            elif value not in types.index:
                message = f"unknown relation type '{value}'{_hint(value, types.index)}"
                problems.add(line, "type", message)
    if "confidence" in table.header:
        for line, value in frame["confidence"].items():
            if value not in CONFIDENCE_LEVELS:
                allowed = ", ".join(CONFIDENCE_LEVELS)
                problems.add(line, "confidence", f"unknown confidence '{value}': use {allowed}")
    _check_dates(frame, problems)
    _raise_if(problems)
    frame.insert(3, "sign", frame["type"].map(types["sign"]).astype(int))
    for field in ("start", "end"):
        frame[field] = frame[field].where(frame[field] != "", None)
    return frame


def _check_dates(frame: pd.DataFrame, problems: _Problems) -> None:
    """Report malformed or impossible dates and ends before their starts."""
    starts = _parse_dates(frame, "start", problems)
    ends = _parse_dates(frame, "end", problems)
    for line in starts.keys() & ends.keys():
        if ends[line][1] < starts[line][0]:
            message = f"end {frame.at[line, 'end']} is before start {frame.at[line, 'start']}"
            problems.add(line, "end", message)


def _parse_dates(frame: pd.DataFrame, field: str, problems: _Problems) -> dict:
    """The period of each non-empty date in a column, by line; report those that are not dates."""
    periods = {}
    for line, value in frame[field].items():
        if value:
            try:
                periods[line] = parse_period(value)
            except ValueError as error:
                problems.add(line, field, str(error))
    return periods


def _split_bars(column: pd.Series) -> list[list[str]]:
    """Cells holding ``|``-separated values as lists, blanks dropped."""
    return [[item.strip() for item in cell.split("|") if item.strip()] for cell in column]


def read_story(path: str | Path, actors: pd.DataFrame | Iterable[str]) -> pd.DataFrame:
    """Read and validate a story: the ordered steps a teacher walks a class through.

    Parameters
    ----------
    path : str or Path
        A CSV file with the columns ``date`` (a partial ISO date), ``title``
        and ``caption``; ``actors`` (ids separated by ``|``, the actors the
        step highlights) and ``citation`` are optional, and extra columns are
        kept.
    actors : pandas.DataFrame or iterable of str
        The actors, as returned by :func:`read_actors`, or their ids (such as
        ``G.nodes``).

    Returns
    -------
    pandas.DataFrame
        One row per step in file order, indexed by its line in the file;
        ``actors`` holds lists of ids.

    Raises
    ------
    DataError
        Listing every problem: missing columns, empty or impossible dates,
        empty titles or captions, unknown actors, exact duplicate rows.

    Examples
    --------
    >>> actors = read_actors(DATA_DIR / "actors.csv")
    >>> story = read_story(DATA_DIR / "story.csv", actors)
    >>> story.loc[story.index[0], ["date", "title"]].tolist()
    ['2012-07', '2012: the rebels take the east']
    >>> story.loc[story.index[0], "actors"]
    ['free_syrian_army', 'assad_government']
    """
    known = set(actors.index if isinstance(actors, pd.DataFrame) else actors)
    table, found = read_table(path, STORY_COLUMNS)
    problems = _Problems(table)
    problems.extend(found)
    frame = _frame(table, STORY_COLUMNS)
    _check_duplicate_rows(frame, problems)
    _check_required_text(
        frame, [c for c in ("date", "title", "caption") if c in table.header], problems
    )
    _parse_dates(frame, "date", problems)
    frame["actors"] = _split_bars(frame["actors"])
    for line, ids in frame["actors"].items():
        for actor in ids:
            _check_actor(problems, line, "actors", actor, known)
    _raise_if(problems)
    return frame
