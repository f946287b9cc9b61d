"""The files an import reads: globs expanded, formats recognised, problems located.

The engines read the files; this module only finds them, peeks at their first
lines, and, when an engine rejects a file or a value, scans that file with
Python's ``csv`` module to name the line and column of the problem, as
:func:`graph.tables.read.read_table` does for a dataset's own CSV files.
"""

from __future__ import annotations

import csv
import glob
import gzip
import io
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from graph.core.errors import FileFormatError, Problem

__all__ = ["InputFile", "expand", "find_values", "first_lines", "structure_problem"]

csv.field_size_limit(2**31 - 1)  # notes cells can be long; the engines have no such limit


@dataclass(frozen=True)
class InputFile:
    """One file to import: ``path`` as shown in messages, ``uri`` as an engine reads it."""

    path: str
    uri: str
    format: str  # "csv", "tsv" or "parquet"

    @property
    def local(self) -> bool:
        return "://" not in self.path


def _format(path: str) -> str:
    name = path.lower().removesuffix(".gz")
    if name.endswith(".parquet") or name.endswith(".pq"):
        return "parquet"
    if name.endswith((".tsv", ".tab", ".txt")):
        return "tsv"
    return "csv"


def expand(sources: Iterable[str | os.PathLike]) -> list[InputFile]:
    """The files named by paths and globs, in sorted order within each glob.

    A path naming a file is that file, literally, even when its name holds
    ``*``, ``?`` or ``[...]``; only a name that is no file is a glob pattern.

    A URL such as ``s3a://bucket/gdelt/*.csv`` is passed to the engine as it is
    (Spark reads object storage itself).

    Raises
    ------
    FileFormatError
        If a path or glob matches no file.
    """
    files: list[InputFile] = []
    problems = []
    for source in sources:
        text = os.fspath(source)
        if "://" in text:
            files.append(InputFile(text, text, _format(text)))
            continue
        # A file that exists is that file, whatever its name holds ("ACLED [2024].csv");
        # only a name that is no file is read as a pattern (documented in --help).
        pattern = glob.has_magic(text) and not Path(text).exists()
        matches = sorted(glob.glob(text)) if pattern else [text]
        matches = [m for m in matches if Path(m).is_file()]
        if not matches:
            what = "no file matches this pattern" if pattern else "no such file"
            problems.append(Problem(text, 1, None, "", what))
        for match in matches:
            file = InputFile(match, Path(match).resolve().as_uri(), _format(match))
            problem = _content_problem(file)
            if problem:
                problems.append(Problem(match, 1, None, "", problem))
            files.append(file)
    if problems:
        raise FileFormatError(problems)
    if not files:
        raise FileFormatError([Problem("(no files)", 1, None, "", "give at least one file")])
    return files


def _content_problem(file: InputFile) -> str | None:
    """What a file holds instead of the table its name promises, from its first and
    last bytes: a zip archive (an Excel workbook is one too), or a Parquet file cut
    off before its footer."""
    with open(file.path, "rb") as raw:
        head = raw.read(4)
        if file.format == "parquet" and not file.path.lower().endswith(".gz"):
            raw.seek(0, os.SEEK_END)
            size = raw.tell()
            raw.seek(max(0, size - 4))
            tail = raw.read(4)
            if head != b"PAR1":
                return "not a Parquet file (it does not start with PAR1)"
            if size < 12 or tail != b"PAR1":
                return "a truncated Parquet file (its footer is missing): download it again"
            return None
    if head == b"PK\x03\x04":
        if file.path.lower().endswith((".xlsx", ".xlsm")):
            return "an Excel workbook: save it as CSV UTF-8"
        return "a zip archive: unzip it first (gzipped .gz files are read as they are)"
    return None


def _open_text(path: str) -> io.TextIOBase:
    raw = gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")  # noqa: SIM115
    return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


def first_lines(path: str, count: int = 5) -> list[str]:
    """The first lines of a text file (gunzipped if need be), without line ends."""
    lines = []
    with _open_text(path) as text:
        for line in text:
            lines.append(line.rstrip("\r\n"))
            if len(lines) == count:
                break
    return lines


def _records(path: str, delimiter: str, quote: bool) -> Iterator[tuple[int, list[str]]]:
    """Each record with the physical line it starts on."""
    with _open_text(path) as text:
        reader = csv.reader(
            text,
            delimiter=delimiter,
            strict=True,
            **({} if quote else {"quoting": csv.QUOTE_NONE}),
        )
        line = 1
        for record in reader:
            yield line, record
            line = reader.line_num + 1


def _is_last(line: int, path: str) -> bool:
    """Whether the record starting on ``line`` is the file's last (blank lines aside)."""
    with _open_text(path) as text:
        rest = [chunk for number, chunk in enumerate(text, start=1) if number > line]
    return not any(chunk.strip() for chunk in rest)


def structure_problem(
    path: str,
    *,
    delimiter: str,
    header: bool,
    width: int | None = None,
    quote: bool = True,
    comment: str | None = None,
) -> Problem | None:
    """The first line of a file that cannot be read as a table, or None.

    Parameters
    ----------
    width : int, optional
        The expected number of fields (the header's by default).
    """
    expected = width
    try:
        for line, record in _records(path, delimiter, quote):
            if not record or (comment and record[0].startswith(comment)):
                continue
            if expected is None:
                expected = len(record)
                if header:
                    continue
            if len(record) != expected:
                what = "the header" if header and width is None else "this format"
                if len(record) < expected and _is_last(reader_lines := line, path):
                    return Problem(
                        path,
                        reader_lines,
                        None,
                        "",
                        f"the last line is cut off ({len(record)} of {expected} fields): "
                        "the download or copy ended early; download the file again",
                    )
                return Problem(
                    path,
                    line,
                    None,
                    "",
                    f"expected {expected} fields as in {what}, found {len(record)}",
                )
    except UnicodeDecodeError as error:
        return Problem(path, 1, None, "", f"file is not UTF-8 ({error.reason}); save it as UTF-8")
    except (csv.Error, OSError, EOFError) as error:
        return Problem(path, locals().get("line", 1), None, "", f"malformed file: {error}")
    return None


def find_values(
    path: str,
    wanted: dict[str, set[str]],
    *,
    delimiter: str,
    header: bool = True,
    names: Sequence[str] | None = None,
    quote: bool = True,
    comment: str | None = None,
    limit: int = 20,
) -> list[tuple[int, int, str, str]]:
    """Where given values sit in given columns: (line, column, column name, value).

    ``wanted`` maps a column name to the (stripped) values to find in it;
    ``names`` gives the column names by position (the header's by default). At
    most ``limit`` places are returned per column.
    """
    found: list[tuple[int, int, str, str]] = []
    per_column: dict[str, int] = {}
    positions: dict[str, int] = {}
    for line, record in _records(path, delimiter, quote):
        if not record or (comment and record[0].startswith(comment)):
            continue
        if not positions:
            labels = list(names) if names is not None else [c.strip() for c in record]
            lowered = [label.lower() for label in labels]
            positions = {
                column: lowered.index(column.lower())
                for column in wanted
                if column.lower() in lowered
            }
            if header:  # else the first record is a row to search too
                continue
        for column, index in positions.items():
            value = record[index].strip() if index < len(record) else ""
            if value in wanted[column] and per_column.get(column, 0) < limit:
                per_column[column] = per_column.get(column, 0) + 1
                found.append((line, index + 1, column, value))
    return found
