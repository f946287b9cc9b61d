"""Each file's checks: its rows converted to typed columns, every problem located.

A ``check_*`` function reads one file and returns what could be converted
with *every* problem found (file, line, column); :mod:`graph.tables.read`
raises them, and :func:`graph.network.build.validate` gathers those of all
the files of a folder before raising.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from pathlib import Path

import pandas as pd

import graph.tables.columns as columns
from graph.core.dates import DateFormatError, parse_period
from graph.core.errors import FileFormatError, Problem, ValidationError
from graph.tables.csvtext import Table, read_table
from graph.tables.hints import Hints

__all__ = [
    "check_actors",
    "check_relation_types",
    "check_relations",
    "check_story",
]


class _Problems(list):
    """Problems found in one file, with a shorthand to add one."""

    def __init__(self, table: Table):
        super().__init__()
        self.table = table

    def add(self, line: int, field: str, message: str, kind: str = "") -> None:
        self.append(Problem(self.table.path, line, self.table.column(field), field, message, kind))


def _frame(table: Table, documented: Iterable[str]) -> pd.DataFrame:
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
    for name in documented:
        if name not in frame:
            frame[name] = ""
    frame.index.name = "line"
    return frame


def _cells(frame: pd.DataFrame, field: str) -> zip:
    """(line, cell) pairs of a column, as plain Python objects (iterating pandas is slow)."""
    return zip(frame.index.tolist(), frame[field].tolist(), strict=True)


def _check_ids(frame: pd.DataFrame, field: str, problems: _Problems, what: str) -> None:
    """Report empty, malformed and duplicate identifiers in one column."""
    first_line: dict[str, int] = {}
    for line, value in _cells(frame, field):
        if not value:
            problems.add(line, field, f"empty {what}", f"empty {what}s")
        elif (bad := columns.id_problem(value, what)) is not None:
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


def _yes(value: str) -> bool | None:
    return columns.YES_NO.get(value.lower())


def _open_table(
    path: str | Path, documented: dict[str, bool], *, rows_required: bool = True
) -> tuple[Table | None, pd.DataFrame | None, list[Problem]]:
    """A file's table, its well-formed rows as a frame of text and the problems found so far;
    None for both if the file cannot be read as a table."""
    try:
        table, found = read_table(path, documented, rows_required=rows_required)
    except FileFormatError as error:
        return None, None, error.problems
    problems = _Problems(table)
    problems.extend(found)
    return table, _frame(table, documented), problems


def _vocabulary_file(path: str | Path) -> tuple[pd.DataFrame | None, list[Problem]]:
    """One vocabulary file: its valid rows, indexed by type, and its problems."""
    table, frame, problems = _open_table(path, columns.RELATION_TYPE_COLUMNS)
    if table is None:
        return None, problems
    if "type" in table.header:
        _check_ids(frame, "type", problems, "relation type")
    _check_required_text(frame, [c for c in ("label",) if c in table.header], problems)
    valid = frame["type"] != ""
    for line, value in _cells(frame, "sign"):
        if value not in columns.SIGN_CELLS:
            valid[line] = False
            if "sign" in table.header:
                problems.add(line, "sign", f"bad sign '{value}': use 1, 0 or -1", "bad signs")
    for line, value in _cells(frame, "symmetric"):
        if _yes(value) is None:
            valid[line] = False
            problems.add(line, "symmetric", f"'{value}' is not yes or no (or empty: no)")
    frame = frame[valid & ~frame["type"].duplicated()].copy()
    frame["sign"] = frame["sign"].map(columns.SIGN_CELLS).astype(int)
    frame["symmetric"] = frame["symmetric"].map(_yes).astype(bool)
    return frame.set_index("type"), list(problems)


def check_relation_types(path: str | Path | None) -> tuple[pd.DataFrame, list[Problem], bool]:
    """Check a vocabulary file: see :func:`graph.tables.read.read_relation_types`.

    Returns
    -------
    (pandas.DataFrame, list of Problem, bool)
        The bundled vocabulary extended by the file's valid rows (the bundled
        one alone when ``path`` is None or unreadable), the file's problems,
        and whether it could not be read as a table at all.
    """
    bundled, problems = _vocabulary_file(columns.DATA_DIR / "relation_types.csv")
    if bundled is None or problems:
        raise ValidationError(problems)  # the package itself is broken
    if path is None:
        return bundled, [], False
    own, problems = _vocabulary_file(path)
    if own is None:
        return bundled, problems, True
    merged = pd.concat([bundled[~bundled.index.isin(own.index)], own])
    for column in merged.columns:
        if column not in ("sign", "symmetric"):
            merged[column] = merged[column].fillna("")
    merged["symmetric"] = merged["symmetric"].fillna(False).astype(bool)
    return merged, problems, False


def check_actors(path: str | Path) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Check an actors file: see :func:`graph.tables.read.read_actors`.

    Returns
    -------
    (pandas.DataFrame or None, list of Problem)
        The actors, converted as far as they can be (indexed by ``id`` when the
        file has that column), or None if the file cannot be read as a table;
        and every problem found.
    """
    table, frame, problems = _open_table(path, columns.ACTOR_COLUMNS)
    if table is None:
        return None, problems
    _check_duplicate_rows(frame, problems)
    if "id" not in table.header:
        return frame, list(problems)  # not indexed by id: no ids to check references against
    _check_ids(frame, "id", problems, "id")
    _check_span(frame, problems)
    frame["name"] = frame["name"].where(frame["name"] != "", frame["id"])
    for column, default in columns.ACTOR_DEFAULTS.items():
        frame[column] = frame[column].replace("", default)
    frame["aliases"] = _split_bars(frame["aliases"])
    _dates_or_none(frame, ("start", "end"))
    return frame.set_index("id"), list(problems)


def check_relations(
    path: str | Path, ids: Collection[str] | None, types: pd.DataFrame
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Check a relations file: see :func:`graph.tables.read.read_relations`.

    ``ids`` are the known actors (None: unknown, references are not checked)
    and ``types`` the vocabulary. Returns the relations, converted as far as
    they can be, or None if the file cannot be read as a table; and every
    problem found.
    """
    documented = {**columns.RELATION_COLUMNS, **columns.RELATION_NUMBER_COLUMNS}
    table, frame, problems = _open_table(path, documented, rows_required=False)  # no relations yet
    if table is None:
        return None, problems
    if "type" not in table.header and "sign" not in table.header:
        problems.add(1, "type", "missing required column (or give each relation a sign column)")
    _check_duplicate_rows(frame, problems)
    known = None if ids is None else set(ids)
    hint = Hints(known or ())
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
        if value and value not in columns.CONFIDENCE_LEVELS:
            allowed = ", ".join(columns.CONFIDENCE_LEVELS)
            message = f"unknown confidence '{value}': use {allowed} (empty: confirmed)"
            problems.add(line, "confidence", message, f"unknown confidence levels: use {allowed}")
    weights = _weights(frame, problems)
    _check_span(frame, problems)
    for column, default in columns.RELATION_DEFAULTS.items():
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
    hint = Hints(vocabulary)
    implied: dict[str, tuple[int, int]] = {}  # type not in the vocabulary -> (sign, first line)
    kinds, signs = [], []
    cells = (frame.index.tolist(), frame["type"].tolist(), frame["sign"].tolist())
    for line, kind, cell in zip(*cells, strict=True):
        sign = columns.SIGN_CELLS.get(cell)
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
            kind = columns.GENERIC_TYPES[sign]
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
        elif (bad := columns.id_problem(kind, "relation type")) is not None:
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


def check_story(
    path: str | Path, ids: Collection[str] | None
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Check a story file: see :func:`graph.tables.read.read_story`.

    ``ids`` are the known actors (None: references are not checked). Returns
    the steps, or None if the file cannot be read as a table; and every
    problem found.
    """
    table, frame, problems = _open_table(path, columns.STORY_COLUMNS)
    if table is None:
        return None, problems
    _check_duplicate_rows(frame, problems)
    _check_required_text(
        frame, [c for c in ("date", "title", "caption") if c in table.header], problems
    )
    _parse_dates(frame, "date", problems)
    frame["actors"] = _split_bars(frame["actors"])
    known = None if ids is None else set(ids)
    hint = Hints(known or ())
    for line, step_actors in _cells(frame, "actors"):
        for actor in step_actors:
            if known is not None and actor not in known:
                message = f"unknown actor '{actor}'{hint(actor)}"
                problems.add(line, "actors", message, "unknown actors: ids not in actors.csv")
    return frame, list(problems)
