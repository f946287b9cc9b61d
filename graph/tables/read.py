"""Read and validate the files of a dataset.

A dataset is a folder with ``actors.csv`` and ``relations.csv`` and, optionally,
``relation_types.csv`` (rows that extend the bundled vocabulary), ``story.csv``
and ``datapackage.json``. The readers return pandas DataFrames and raise
:class:`graph.DataError` listing *every* problem of a file, each with its file,
line and column.

Cells are read as text, with surrounding spaces stripped; an empty cell is an
empty string, except dates (``start``/``end``) and ``weight``, which are None
when empty. Optional columns a file lacks are filled with their defaults
(:data:`ACTOR_DEFAULTS`, :data:`RELATION_DEFAULTS`). Columns beyond the
documented ones are kept as text, so users can add their own attributes.

Before a file is opened it must be a regular file (not a directory, a named pipe
or a device, which would block or never end) of at most :data:`MAX_FILE_BYTES`.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import stat
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz, process

from graph.core.dates import DateFormatError, parse_period
from graph.core.errors import FileFormatError, Problem, ValidationError
from graph.core.resources import data_dir

__all__ = [
    "ACTOR_COLUMNS",
    "ACTOR_DEFAULTS",
    "CONFIDENCE_LEVELS",
    "DATA_DIR",
    "GENERIC_TYPES",
    "MAX_FILE_BYTES",
    "RELATION_COLUMNS",
    "RELATION_DEFAULTS",
    "RELATION_NUMBER_COLUMNS",
    "RELATION_TYPE_COLUMNS",
    "STORY_COLUMNS",
    "read_actors",
    "read_datapackage",
    "read_relation_types",
    "read_relations",
    "read_story",
    "read_table",
]

#: The bundled Battle of Aleppo dataset (see :mod:`graph.core.resources`).
DATA_DIR = data_dir()

#: The largest file the readers open, in bytes (512 MiB: several million relations).
MAX_FILE_BYTES = 512 * 2**20

#: Columns of each file: name -> required?
ACTOR_COLUMNS = {
    "id": True,
    "name": False,
    "kind": False,
    "camp": False,
    "aliases": False,
    "description": False,
    "source": False,
    "start": False,
    "end": False,
}
RELATION_COLUMNS = {
    "source": True,
    "target": True,
    "type": False,  # required unless the file has a sign column
    "start": False,
    "end": False,
    "confidence": False,
    "evidence": False,
    "citation": False,
}
#: Columns of ``relations.csv`` that hold numbers, read when present: the sign the
#: data gives a relation and its weight.
RELATION_NUMBER_COLUMNS = {"sign": False, "weight": False}
RELATION_TYPE_COLUMNS = {
    "type": True,
    "sign": True,
    "label": True,
    "definition": False,
    "ucdp_esd": False,
    "cameo": False,
    "symmetric": False,
}
STORY_COLUMNS = {
    "date": True,
    "title": True,
    "caption": True,
    "actors": False,
    "citation": False,
}

#: How sure the sources are that a relation holds, strongest first: ``reported``
#: is one source's report of an event (event data with two or more independent
#: sources is ``confirmed``).
CONFIDENCE_LEVELS = ("confirmed", "reported", "claimed", "alleged")

#: What an actor gets when its file has no such column or the cell is empty
#: (``name``: the actor's id).
ACTOR_DEFAULTS = {"kind": "unspecified", "camp": "unspecified"}
#: What a relation gets when its file has no such column or the cell is empty.
RELATION_DEFAULTS = {"confidence": "confirmed"}
#: The vocabulary type of a relation that has a sign but no type (a signed edge list).
GENERIC_TYPES = {1: "positive_tie", -1: "negative_tie", 0: "neutral_tie"}

_ID_PUNCTUATION = frozenset("_-.")
_CONTROL_NAMES = {
    "\t": "TAB",
    "\n": "LINE FEED",
    "\r": "CARRIAGE RETURN",
    "\x1b": "ESCAPE",
    "\x00": "NUL",
}
_SIGNS = {
    **dict.fromkeys(("1", "+1", "+", "1.0", "+1.0"), 1),
    **dict.fromkeys(("0", "+0", "-0", "0.0"), 0),
    **dict.fromkeys(("-1", "-", "-1.0", "−1", "−"), -1),  # a typographic minus is accepted
}
_YES = {"yes": True, "true": True, "1": True, "": False, "no": False, "false": False, "0": False}
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
_SAVE_AS_UTF8 = "save it as UTF-8 (spreadsheets: Save As, CSV UTF-8)"


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


class _Problems(list):
    """Problems found in one file, with a shorthand to add one."""

    def __init__(self, table: Table):
        super().__init__()
        self.table = table

    def add(self, line: int, field: str, message: str, kind: str = "") -> None:
        self.append(Problem(self.table.path, line, self.table.column(field), field, message, kind))


def _file_problem(
    path: str, message: str, line: int = 1, column: int | None = None
) -> FileFormatError:
    return FileFormatError([Problem(path, line, column, "", message)])


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a data file, refusing anything but a regular file of a sane size.

    The file is checked with :func:`os.stat` before it is opened and opened
    without blocking, so a named pipe where a CSV should be is reported, not
    waited on forever.

    Raises
    ------
    FileFormatError
        If the path is missing, unreadable, not a regular file (a directory, a
        named pipe, a device, a socket) or larger than :data:`MAX_FILE_BYTES`.
    """
    shown = str(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise _file_problem(shown, f"not a regular file but {_file_kind(info.st_mode)}")
        if info.st_size > MAX_FILE_BYTES:
            raise _file_problem(
                shown,
                f"file too large: {info.st_size / 2**20:,.0f} MiB, the limit is "
                f"{MAX_FILE_BYTES // 2**20} MiB; split the data or keep the columns you need",
            )
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):  # swapped since the stat
                raise _file_problem(shown, "not a regular file")
            return file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise _file_problem(shown, f"cannot read file: {error.strerror}") from None


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    """Line (counting CR, LF and CRLF line ends, as editors do) and character column of a byte."""
    breaks = list(_LINE_BREAK.finditer(raw, 0, offset))
    start = breaks[-1].end() if breaks else 0
    characters = raw[start:offset].decode("utf-8", errors="replace")
    return len(breaks) + 1, len(characters) + 1


def read_text(path: str | Path) -> str:
    """The text of a UTF-8 data file (byte-order marks, even repeated, are dropped).

    Raises
    ------
    FileFormatError
        As :func:`read_bytes`, and when the file is UTF-16 or UTF-32 (with or
        without a byte-order mark), holds NUL bytes or is not UTF-8: one
        problem naming the line and character where an editor shows it.
    """
    shown = str(path)
    raw = read_bytes(path)
    for bom, encoding in _BOMS.items():
        if raw.startswith(bom):
            raise _file_problem(shown, f"file is {encoding} (not UTF-8): {_SAVE_AS_UTF8}")
    if b"\x00" in raw:
        sample = raw[:4096]
        zeros = (sample[0::2].count(0), sample[1::2].count(0))
        if max(zeros) > len(sample) // 4:  # every other byte zero: ASCII text in UTF-16
            encoding = "UTF-16" if min(zeros) == 0 else "UTF-32"
            raise _file_problem(
                shown, f"file is {encoding} without a byte-order mark (not UTF-8): {_SAVE_AS_UTF8}"
            )
        line, column = _position(raw, raw.index(b"\x00"))
        raise _file_problem(
            shown, f"NUL byte at character {column}: this is not a text file; {_SAVE_AS_UTF8}", line
        )
    while raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(raw, error.start)
        byte = raw[error.start]
        guess = raw[error.start : error.start + 1].decode("cp1252", errors="replace")
        looks = f" ('{guess}' in Windows-1252)" if guess.isprintable() and guess != "\ufffd" else ""
        message = f"file is not UTF-8: byte 0x{byte:02x}{looks} at character {column}"
        raise _file_problem(shown, f"{message}; {_SAVE_AS_UTF8}", line) from None


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
        raise _file_problem(shown, "file is empty: expected a header")

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
        raise _file_problem(shown, "no header: every line holds only empty cells")
    header_line, header = records[0]
    table = Table(shown, header, [line for line, _ in records[1:]], [c for _, c in records[1:]])
    problems = _Problems(table)

    if len(header) == 1 and len(columns) > 1 and header[0] not in columns:
        separator = next((s for s in ";\t|" if s in header[0]), None)
        found = f" (found {separator!r} in the header)" if separator else ""
        raise _file_problem(shown, f"file is not comma-separated{found}", header_line)
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
            close = _closest(name, missing, cutoff=70) if name not in columns else None
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
            message = f"expected {len(header)} fields as in the header, found {len(cells)}"
            problems.append(
                Problem(shown, line, None, "", message, "rows whose number of fields differs")
            )
    if rows_required and not table.rows:
        problems.append(Problem(shown, header_line, None, "", "no rows after the header"))
    return table, list(problems)


_CSV_TOKEN = re.compile(r'"(?:[^"]|"")*"|"|\r\n|\r|\n|,|[^",\r\n]+')


def _malformed(path: str, text: str, record_line: int, line: int, error: str) -> FileFormatError:
    """The error for a CSV the reader rejects; an unclosed quote is shown where it opens."""
    if "unexpected end of data" in error:
        opened = _unclosed_quote(text)
        if opened:
            quote_line, field = opened
            message = 'quote opened here is never closed: close it, or double it as "" in a cell'
            return FileFormatError([Problem(path, quote_line, field, "", message)])
    return _file_problem(path, f"malformed CSV: {error}", max(record_line, line))


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


def _frame(table: Table, columns: Iterable[str]) -> pd.DataFrame:
    """The well-formed rows as a DataFrame of text, absent optional columns filled with ''."""
    width = len(table.header)
    kept = [
        (line, row) for line, row in zip(table.lines, table.rows, strict=True) if len(row) == width
    ]
    frame = pd.DataFrame(
        [row for _, row in kept],
        columns=table.header,
        index=pd.Index([line for line, _ in kept], dtype=int),
        dtype=object,
    )
    for name in columns:
        if name not in frame:
            frame[name] = ""
    frame.index.name = "line"
    return frame


def id_problem(value: str, what: str = "id") -> str | None:
    """Why a text cannot be an id, or None if it can.

    An id is made of letters of any script, digits, ``_``, ``-`` and ``.``;
    whitespace, control characters and other punctuation (``|`` separates ids
    in a cell) are named with their position and code point.

    Examples
    --------
    >>> id_problem("حزب_الله") is None and id_problem("\u041e\u041e\u041d") is None
    True
    >>> id_problem("free syrian army")
    "bad id 'free syrian army': SPACE (U+0020) at character 5; use letters, digits, _, - and ."
    """
    for number, char in enumerate(value, 1):
        category = unicodedata.category(char)
        if category[0] not in "LMN" and char not in _ID_PUNCTUATION:
            name = _CONTROL_NAMES.get(char) or unicodedata.name(char, "a control character")
            return (
                f"bad {what} '{value}': {name} (U+{ord(char):04X}) at character {number}; "
                "use letters, digits, _, - and ."
            )
    return None


def _cells(frame: pd.DataFrame, field: str) -> zip:
    """(line, cell) pairs of a column, as plain Python objects (iterating pandas is slow)."""
    return zip(frame.index.tolist(), frame[field].tolist(), strict=True)


def _check_ids(frame: pd.DataFrame, field: str, problems: _Problems, what: str) -> None:
    """Report empty, malformed and duplicate identifiers in one column."""
    first_line: dict[str, int] = {}
    for line, value in _cells(frame, field):
        if not value:
            problems.add(line, field, f"empty {what}", f"empty {what}s")
        elif (bad := id_problem(value, what)) is not None:
            problems.add(line, field, bad, f"bad {what}s: use letters, digits, _, - and .")
        elif value in first_line:
            problems.add(
                line,
                field,
                f"duplicate {what} '{value}' (first on line {first_line[value]})",
                f"duplicate {what}s",
            )
        else:
            first_line[value] = line


def _check_required_text(frame: pd.DataFrame, fields: Iterable[str], problems: _Problems) -> None:
    for field in fields:
        for line in frame.index[frame[field] == ""]:
            problems.add(line, field, "empty value", "empty values")


def _check_duplicate_rows(frame: pd.DataFrame, problems: _Problems) -> None:
    first: dict[tuple, int] = {}
    rows = zip(*(frame[column].tolist() for column in frame.columns), strict=True)
    for line, row in zip(frame.index.tolist(), rows, strict=True):
        if row in first:
            problems.add(line, "", f"exact duplicate of line {first[row]}", "exact duplicate rows")
        else:
            first[row] = line


class _Hints:
    """ "Did you mean" suggestions for misspelt ids, fast for thousands of unknown ones.

    rapidfuzz compares one id with thousands in C, about a hundred times faster
    than :mod:`difflib`, and the suggestion for each distinct id is computed once.
    """

    def __init__(self, choices: Iterable[str]):
        self.choices = list(dict.fromkeys(choices))
        self.found: dict[str, str | None] = {}

    def __call__(self, value: str) -> str:
        if value not in self.found:
            self.found[value] = _closest(value, self.choices)
        close = self.found[value]
        return f" (did you mean '{close}'?)" if close else ""


def _closest(value: str, choices: Collection[str], cutoff: int = 60) -> str | None:
    """The choice most like ``value``: similarity ratio ``cutoff``% or more (difflib's is 60).

    A column name needs 70%, so that a user's ``index`` is not taken for ``kind``.
    """
    best = process.extractOne(value, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
    return best[0] if best else None


def _raise_if(problems: list[Problem], unreadable: bool = False) -> None:
    """Raise the problems of a file, if any: a FileFormatError if it could not be read at all."""
    if problems:
        raise (FileFormatError if unreadable else ValidationError)(problems)


def _yes(value: str) -> bool | None:
    return _YES.get(value.lower())


def _open_table(
    path: str | Path, columns: dict[str, bool], *, rows_required: bool = True
) -> tuple[Table | None, pd.DataFrame | None, list[Problem]]:
    """A file's table, its well-formed rows as a frame of text and the problems found so far;
    None for both if the file cannot be read as a table."""
    try:
        table, found = read_table(path, columns, rows_required=rows_required)
    except FileFormatError as error:
        return None, None, error.problems
    problems = _Problems(table)
    problems.extend(found)
    return table, _frame(table, columns), problems


def _relation_types_of(path: str | Path) -> tuple[pd.DataFrame | None, list[Problem]]:
    """One vocabulary file: its valid rows, indexed by type, and its problems."""
    table, frame, problems = _open_table(path, RELATION_TYPE_COLUMNS)
    if table is None:
        return None, problems
    if "type" in table.header:
        _check_ids(frame, "type", problems, "relation type")
    _check_required_text(frame, [c for c in ("label",) if c in table.header], problems)
    valid = frame["type"] != ""
    for line, value in _cells(frame, "sign"):
        if value not in _SIGNS:
            valid[line] = False
            if "sign" in table.header:
                problems.add(line, "sign", f"bad sign '{value}': use 1, 0 or -1", "bad signs")
    for line, value in _cells(frame, "symmetric"):
        if _yes(value) is None:
            valid[line] = False
            problems.add(line, "symmetric", f"'{value}' is not yes or no (or empty: no)")
    frame = frame[valid & ~frame["type"].duplicated()].copy()
    frame["sign"] = frame["sign"].map(_SIGNS).astype(int)
    frame["symmetric"] = frame["symmetric"].map(_yes).astype(bool)
    return frame.set_index("type"), list(problems)


def _relation_types(path: str | Path | None) -> tuple[pd.DataFrame, list[Problem], bool]:
    """The bundled vocabulary extended by a file's, its problems and whether it was unreadable."""
    bundled, problems = _relation_types_of(DATA_DIR / "relation_types.csv")
    if bundled is None or problems:
        raise ValidationError(problems)  # the package itself is broken
    if path is None:
        return bundled, [], False
    own, problems = _relation_types_of(path)
    if own is None:
        return bundled, problems, True
    merged = pd.concat([bundled[~bundled.index.isin(own.index)], own])
    for column in merged.columns:
        if column not in ("sign", "symmetric"):
            merged[column] = merged[column].fillna("")
    merged["symmetric"] = merged["symmetric"].fillna(False).astype(bool)
    return merged, problems, False


def read_relation_types(path: str | Path | None = None) -> pd.DataFrame:
    """Read and validate the relation-type vocabulary.

    Parameters
    ----------
    path : str or Path, optional
        A ``relation_types.csv`` whose rows extend the bundled vocabulary: a
        row with a new ``type`` adds it, a row with a bundled ``type``
        replaces that type. None: the bundled vocabulary.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``type``; columns ``sign`` (int: +1 support, -1 opposition,
        0 neutral), ``label``, ``definition``, ``ucdp_esd``, ``cameo``,
        ``symmetric`` (bool: the relation goes both ways, as "negotiates
        with") and any extra columns.

    Examples
    --------
    >>> types = read_relation_types()
    >>> int(types.loc["air_strikes", "sign"]), types.loc["air_strikes", "label"]
    (-1, 'carries out air strikes on')
    >>> sorted(types.index[types["sign"] == 0])
    ['documents', 'formerly_known_as', 'member_of', 'negotiates_with', 'neutral_tie']
    >>> list(types.index[types["symmetric"]])
    ['negotiates_with']
    """
    types, problems, unreadable = _relation_types(path)
    _raise_if(problems, unreadable)
    return types


def _actors(path: str | Path) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The actors table (converted as far as it can be) and its problems."""
    table, frame, problems = _open_table(path, ACTOR_COLUMNS)
    if table is None:
        return None, problems
    _check_duplicate_rows(frame, problems)
    if "id" not in table.header:
        return frame, list(problems)  # not indexed by id: no ids to check references against
    _check_ids(frame, "id", problems, "id")
    _check_span(frame, problems)
    frame["name"] = frame["name"].where(frame["name"] != "", frame["id"])
    for column, default in ACTOR_DEFAULTS.items():
        frame[column] = frame[column].replace("", default)
    frame["aliases"] = _split_bars(frame["aliases"])
    _dates_or_none(frame, ("start", "end"))
    return frame.set_index("id"), list(problems)


def read_actors(path: str | Path) -> pd.DataFrame:
    """Read and validate an actors file.

    Parameters
    ----------
    path : str or Path
        A CSV file with at least the column ``id``; ``name`` (the id when
        empty), ``kind`` and ``camp`` (``"unspecified"`` when empty, see
        :data:`ACTOR_DEFAULTS`), ``aliases`` (separated by ``|``),
        ``description``, ``source``, ``start`` and ``end`` (when the actor
        exists, partial ISO dates) are optional, and extra columns are kept.

    Returns
    -------
    pandas.DataFrame
        One row per actor, indexed by ``id``; ``aliases`` holds lists,
        ``start`` and ``end`` are None when open.

    Raises
    ------
    DataError
        Listing every problem: missing columns, empty, malformed or duplicate
        ids, bad dates, duplicate rows.

    Examples
    --------
    >>> actors = read_actors(DATA_DIR / "actors.csv")
    >>> actors.loc["jabhat_fateh_al_sham", "camp"]
    'jihadist'
    >>> actors.loc["free_syrian_army", "aliases"][:2]
    ['FSA', 'Syrian rebels']
    """
    actors, problems = _actors(path)
    _raise_if(problems, actors is None)
    return actors


def read_relations(
    path: str | Path,
    actors: pd.DataFrame | Iterable[str],
    relation_types: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Read and validate a relations file against its actors and vocabulary.

    Parameters
    ----------
    path : str or Path
        A CSV file with at least ``source``, ``target`` and ``type`` (or
        ``sign``); ``start``, ``end`` (partial ISO dates), ``confidence``
        (``confirmed`` when empty), ``evidence``, ``citation``, ``sign`` and
        ``weight`` (a number) are optional, and extra columns are kept.
    actors : pandas.DataFrame or iterable of str
        The actors, as returned by :func:`read_actors`, or their ids.
    relation_types : pandas.DataFrame, optional
        The vocabulary, as returned by :func:`read_relation_types`; the bundled
        one by default.

    Returns
    -------
    pandas.DataFrame
        One row per relation, indexed by its line in the file. ``sign`` is the
        type's sign in the vocabulary; for a type the vocabulary lacks, the
        ``sign`` cell; a relation with a sign but no type gets the generic type
        of its sign (:data:`GENERIC_TYPES`). ``start``/``end`` are None when
        open, ``weight`` a number or None.

    Raises
    ------
    DataError
        Listing every problem: unknown actors or types, signs that disagree
        with their type, bad or impossible dates, an end before its start,
        self-relations, unknown confidence levels, weights that are not
        numbers, exact duplicate rows.

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
    ids = actors.index if isinstance(actors, pd.DataFrame) else list(actors)
    relations, problems = _relations(path, ids, types)
    _raise_if(problems, relations is None)
    return relations


def _relations(
    path: str | Path, ids: Collection[str] | None, types: pd.DataFrame
) -> tuple[pd.DataFrame | None, list[Problem]]:
    columns = {**RELATION_COLUMNS, **RELATION_NUMBER_COLUMNS}
    table, frame, problems = _open_table(path, columns, rows_required=False)  # no relations yet
    if table is None:
        return None, problems
    if "type" not in table.header and "sign" not in table.header:
        problems.add(1, "type", "missing required column (or give each relation a sign column)")
    _check_duplicate_rows(frame, problems)
    known = None if ids is None else set(ids)
    hint = _Hints(known or ())
    for field in ("source", "target"):
        if field not in table.header:
            continue
        for line, value in _cells(frame, field):
            if not value:
                problems.add(line, field, "empty actor id", "empty actor ids")
            elif known is not None and value not in known:
                message = f"unknown actor '{value}'{hint(value)}"
                problems.add(line, field, message, "unknown actors: ids not in actors.csv")
    if {"source", "target"} <= set(table.header):
        for line in frame.index[(frame["source"] == frame["target"]) & (frame["source"] != "")]:
            problems.add(line, "target", f"self-relation: '{frame.at[line, 'source']}' to itself")
    frame["type"], signs = _types_and_signs(frame, types, table, problems)
    for line, value in _cells(frame, "confidence"):
        if value and value not in CONFIDENCE_LEVELS:
            allowed = ", ".join(CONFIDENCE_LEVELS)
            message = f"unknown confidence '{value}': use {allowed} (empty: confirmed)"
            problems.add(line, "confidence", message, f"unknown confidence levels: use {allowed}")
    weights = _weights(frame, problems)
    _check_span(frame, problems)
    for column, default in RELATION_DEFAULTS.items():
        frame[column] = frame[column].replace("", default)
    if "sign" in table.header:
        frame["sign"] = signs
    else:
        frame = frame.drop(columns="sign")
        frame.insert(frame.columns.get_loc("type") + 1, "sign", signs)
    if any(weight is not None for weight in weights):
        frame["weight"] = pd.Series(weights, index=frame.index, dtype=object)
    else:  # no column, or one without a single number (as an export of unweighted data writes)
        frame = frame.drop(columns="weight")
    _dates_or_none(frame, ("start", "end"))
    return frame, list(problems)


def _types_and_signs(
    frame: pd.DataFrame, types: pd.DataFrame, table: Table, problems: _Problems
) -> tuple[list[str], list[int]]:
    """Each relation's type and sign: from the vocabulary, else from its sign cell."""
    vocabulary = types["sign"].to_dict()
    hint = _Hints(vocabulary)
    implied: dict[str, tuple[int, int]] = {}  # type not in the vocabulary -> (sign, first line)
    kinds, signs = [], []
    columns = (frame.index.tolist(), frame["type"].tolist(), frame["sign"].tolist())
    for line, kind, cell in zip(*columns, strict=True):
        sign = _SIGNS.get(cell)
        if cell and sign is None:
            problems.add(
                line, "sign", f"bad sign '{cell}': use 1, 0 or -1 (or + and -)", "bad signs"
            )
        if not kind:
            if sign is None:
                if not cell and "type" in table.header:
                    problems.add(line, "type", "empty relation type", "empty relation types")
                elif not cell and "sign" in table.header:
                    problems.add(line, "sign", "empty sign: use 1, 0 or -1", "empty signs")
                sign = 0
            kind = GENERIC_TYPES[sign]
        elif kind in vocabulary:
            if sign is not None and sign != vocabulary[kind]:
                problems.add(
                    line,
                    "sign",
                    f"sign {cell} disagrees with type '{kind}', whose sign is "
                    f"{_signed(vocabulary[kind])} in the vocabulary: "
                    "correct one or leave the sign empty",
                    "signs that disagree with their type's sign in the vocabulary",
                )
            sign = vocabulary[kind]
        elif (bad := id_problem(kind, "relation type")) is not None:
            problems.add(line, "type", bad)
        elif sign is None:
            how = hint(kind) or ": add it to relation_types.csv, or give the relation a sign"
            message = f"unknown relation type '{kind}'{how}"
            problems.add(line, "type", message, "unknown relation types")
        elif kind in implied and implied[kind][0] != sign:
            first_sign, first_line = implied[kind]
            problems.add(
                line,
                "sign",
                f"type '{kind}' (not in the vocabulary) has sign {_signed(sign)} here but "
                f"{_signed(first_sign)} on line {first_line}: "
                "give a type one sign in relation_types.csv",
            )
        else:
            implied.setdefault(kind, (sign, line))
        kinds.append(kind)
        signs.append(0 if sign is None else sign)
    return kinds, signs


def _signed(sign: int) -> str:
    return f"{sign:+d}" if sign else "0"


def _weights(frame: pd.DataFrame, problems: _Problems) -> list[float | int | None]:
    """The weight column as numbers (ints if every weight is whole), None when empty."""
    numbers: list[float | None] = []
    for line, cell in _cells(frame, "weight"):
        number = None
        if cell:
            try:
                number = float(cell)
            except ValueError:
                number = math.nan
            if not math.isfinite(number) or not cell.isascii():
                problems.add(
                    line,
                    "weight",
                    f"weight '{cell}' is not a number",
                    "weights that are not numbers",
                )
                number = None
        numbers.append(number)
    if all(n is None or n.is_integer() for n in numbers):
        return [None if n is None else int(n) for n in numbers]
    return numbers


def _check_span(frame: pd.DataFrame, problems: _Problems) -> None:
    """Report malformed or impossible start and end dates and ends before their starts."""
    starts = _parse_dates(frame, "start", problems)
    ends = _parse_dates(frame, "end", problems)
    for line in starts.keys() & ends.keys():
        if ends[line][1] < starts[line][0]:
            message = f"end {frame.at[line, 'end']} is before start {frame.at[line, 'start']}"
            problems.add(line, "end", message, "ends before their starts")


def _parse_dates(frame: pd.DataFrame, field: str, problems: _Problems) -> dict:
    """The period of each non-empty date in a column, by line; report those that are not dates."""
    periods = {}
    for line, value in _cells(frame, field):
        if value:
            try:
                periods[line] = parse_period(value)
            except DateFormatError as error:
                problems.add(line, field, str(error), error.kind)
    return periods


def _dates_or_none(frame: pd.DataFrame, fields: Iterable[str]) -> None:
    for field in fields:
        frame[field] = pd.Series(
            [value or None for value in frame[field]], index=frame.index, dtype=object
        )


def _split_bars(column: pd.Series) -> list[list[str]]:
    """Cells holding ``|``-separated values as lists, blanks dropped."""
    return [[item.strip() for item in cell.split("|") if item.strip()] for cell in column]


def story_path(path: str | Path | None) -> Path:
    """The story file ``path`` means: a file, a folder's ``story.csv``, or the bundled one."""
    if path is None:
        return DATA_DIR / "story.csv"
    path = Path(path)
    return path / "story.csv" if path.is_dir() else path


def read_story(
    path: str | Path | None = None, actors: pd.DataFrame | Iterable[str] | None = None
) -> pd.DataFrame:
    """Read and validate a story: the ordered steps a teacher walks a class through.

    Parameters
    ----------
    path : str or Path, optional
        A CSV file with the columns ``date`` (a partial ISO date), ``title``
        and ``caption``; ``actors`` (ids separated by ``|``, the actors the
        step highlights) and ``citation`` are optional, and extra columns are
        kept. A dataset folder means its ``story.csv``, as :func:`graph.load`
        takes a folder; None, the bundled story.
    actors : pandas.DataFrame or iterable of str, optional
        The actors, as returned by :func:`read_actors`, or their ids (such as
        ``G.nodes``); by default those of the ``actors.csv`` beside the story.

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
    >>> story = read_story()
    >>> story.loc[story.index[0], ["date", "title"]].tolist()
    ['2012-07', '2012: the rebels take the east']
    >>> story.loc[story.index[0], "actors"]
    ['free_syrian_army', 'assad_government']
    """
    path = story_path(path)
    if actors is None:
        actors = read_actors(path.parent / "actors.csv")
    ids = actors.index if isinstance(actors, pd.DataFrame) else list(actors)
    story, problems = _story(path, ids)
    _raise_if(problems, story is None)
    return story


def _story(path: str | Path, ids: Collection[str] | None) -> tuple[pd.DataFrame | None, list]:
    table, frame, problems = _open_table(path, STORY_COLUMNS)
    if table is None:
        return None, problems
    _check_duplicate_rows(frame, problems)
    _check_required_text(
        frame, [c for c in ("date", "title", "caption") if c in table.header], problems
    )
    _parse_dates(frame, "date", problems)
    frame["actors"] = _split_bars(frame["actors"])
    known = None if ids is None else set(ids)
    hint = _Hints(known or ())
    for line, step_actors in _cells(frame, "actors"):
        for actor in step_actors:
            if known is not None and actor not in known:
                message = f"unknown actor '{actor}'{hint(actor)}"
                problems.add(line, "actors", message, "unknown actors: ids not in actors.csv")
    return frame, list(problems)


_JSON_KINDS = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true or false",
}

#: How deeply ``datapackage.json`` may nest objects and arrays (the standard needs 6).
MAX_JSON_DEPTH = 64


def read_datapackage(path: str | Path) -> dict:
    """Read a ``datapackage.json`` descriptor (only its ``title`` is used).

    Raises
    ------
    FileFormatError
        If the file is not a regular file, not UTF-8, malformed JSON (with its
        line and column), not a JSON object, or nests deeper than
        :data:`MAX_JSON_DEPTH`.
    ValidationError
        If its ``title`` is present but not a text.
    """
    shown = str(path)
    text = read_text(path)
    depth = _json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise _file_problem(shown, f"JSON nested {depth:,} levels deep, more than {MAX_JSON_DEPTH}")
    try:
        package = json.loads(text)
    except json.JSONDecodeError as error:
        raise _file_problem(
            shown, f"malformed JSON: {error.msg}", error.lineno, error.colno
        ) from None
    if not isinstance(package, dict):
        kind = _JSON_KINDS.get(type(package), "a value")
        raise _file_problem(shown, f"not a JSON object ({{...}}) but {kind}")
    title = package.get("title")
    if title is not None and not isinstance(title, str):
        raise ValidationError(
            [Problem(shown, 1, None, "title", "title must be a text (a JSON string)")]
        )
    return package


def _json_depth(text: str) -> int:
    """How deeply brackets nest, outside strings (checked before parsing, which could recurse)."""
    depth = deepest = 0
    for token in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[{]|[\]}]', text):
        char = token.group()[0]
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest
