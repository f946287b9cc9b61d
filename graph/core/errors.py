"""Errors raised for bad input data.

Every problem found in a data file is a :class:`Problem` naming the file, the
line and the column where it sits and what is wrong. Readers collect *all* the
problems of a dataset before raising, so one run shows everything to fix.

The exception tree::

    DataError                 any problem with the input data
    ├── FileFormatError       a file cannot be read as a table at all (missing,
    │                         not a regular file, too large, not UTF-8, not
    │                         comma-separated, empty or repeated column names,
    │                         malformed CSV or JSON)
    └── ValidationError       the tables were read, but their content breaks the
                              data model (columns, ids, references, dates...)

Catch :class:`DataError` to handle them all; ``str(error)`` is a readable
report, one problem per line. The report is meant for a terminal: control
characters and escape sequences coming from the data are shown escaped
(``\\x1b``, ``\\t``, ``\\u202e``), so a cell can neither clear the screen nor
fake a line of output. When many problems share one cause (thousands of dates
written day-month-year), the report shows the first :data:`SHOWN_PER_KIND` and
one line with the count and the fix; ``error.problems`` still lists them all.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "SHOWN_PER_KIND",
    "DataError",
    "FileFormatError",
    "Problem",
    "ValidationError",
    "visible",
    "visible_lines",
]

#: How many problems of one kind in one column a report shows before summarising the rest.
SHOWN_PER_KIND = 10

# Unicode categories that are not seen on a terminal or move the cursor: controls (C0, C1,
# DEL), format characters (bidirectional overrides, zero-width), line and paragraph separators.
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def visible(text: str) -> str:
    """Text safe to print on a terminal: invisible and control characters escaped.

    Examples
    --------
    >>> print(visible("al\\tpha\\x1b[2J"))
    al\\tpha\\x1b[2J
    >>> visible("Jabhat Fateh al-Sham, جبهة فتح الشام")
    'Jabhat Fateh al-Sham, جبهة فتح الشام'
    >>> visible("a\\u202eb")
    'a\\\\u202eb'
    """
    if text.isprintable():
        return text
    return "".join(_escape(char) for char in text)


def visible_lines(text: str) -> str:
    """Text of several lines safe to print: each line through :func:`visible`.

    The line breaks between lines stay; every other invisible character is
    escaped. Text from the data must already be escaped with :func:`visible`
    where it is put into the lines, or a line break inside a cell would still
    start a new line.

    Examples
    --------
    >>> print(visible_lines("actors: 3\\nname: x\\ry\\x1b[2J"))
    actors: 3
    name: x\\ry\\x1b[2J
    """
    return "\n".join(visible(line) for line in text.split("\n"))


def _escape(char: str) -> str:
    if char == " " or unicodedata.category(char) not in _INVISIBLE:
        return char
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file.

    Parameters
    ----------
    path : str
        The file, as given to the reader.
    line : int
        1-based line in the file as an editor shows it (the header is line 1).
    column : int or None
        1-based column (field) number, or None when the problem is the whole line or file.
    field : str
        The column's name, or "" when the problem is not about one column.
    message : str
        What is wrong, in words a data editor understands.
    kind : str, optional
        The cause and the fix shared by every problem of this kind, in a few
        words; a report summarises many problems of one kind in one column in
        one line using it. "" for a problem never summarised.

    Examples
    --------
    >>> print(Problem("data/actors.csv", 4, 1, "id", "duplicate id 'russia' (first on line 3)"))
    data/actors.csv:4:1: id: duplicate id 'russia' (first on line 3)
    >>> print(Problem("a.csv", 2, 1, "id", "unknown actor 'x\\x1b[2J'"))
    a.csv:2:1: id: unknown actor 'x\\x1b[2J'
    """

    path: str
    line: int
    column: int | None
    field: str
    message: str
    kind: str = ""

    def sort_key(self) -> tuple:
        """Order by file, line, column (whole-line problems first), then text."""
        return (self.path, self.line, self.column or 0, self.field, self.message)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        if self.column is not None:
            where += f":{self.column}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        return visible(f"{where}: {what}")


class DataError(Exception):
    """Input data that cannot be used; ``problems`` lists every reason.

    Examples
    --------
    >>> error = DataError([Problem("a.csv", 2, 3, "type", "unknown relation type 'arms'")])
    >>> print(error)
    1 problem in the data:
    a.csv:2:3: type: unknown relation type 'arms'
    >>> many = DataError(
    ...     Problem("r.csv", n, 4, "start", f"'{n}-01-2015' is day-month-year", "use YYYY-MM-DD")
    ...     for n in range(2, 1002)
    ... )
    >>> print(str(many).splitlines()[-1])
    r.csv: start: ... and 990 more like these (1,000 in all): use YYYY-MM-DD
    """

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = sorted(problems, key=Problem.sort_key)
        super().__init__(self._report())

    def _report(self) -> str:
        count = len(self.problems)
        head = f"{count:,} problem{'s' if count != 1 else ''} in the data:"
        totals = Counter(_group(p) for p in self.problems if p.kind)
        shown: Counter = Counter()
        lines = [head]
        for problem in self.problems:
            group = _group(problem)
            if problem.kind and totals[group] > SHOWN_PER_KIND:
                shown[group] += 1
                if shown[group] > SHOWN_PER_KIND:
                    continue
            lines.append(str(problem))
        for (path, field, kind), total in totals.items():
            if total > SHOWN_PER_KIND:
                where = f"{path}: {field}: " if field else f"{path}: "
                more = total - SHOWN_PER_KIND
                lines.append(
                    visible(f"{where}... and {more:,} more like these ({total:,} in all): {kind}")
                )
        return "\n".join(lines)


def _group(problem: Problem) -> tuple[str, str, str]:
    return problem.path, problem.field, problem.kind


class FileFormatError(DataError):
    """A file cannot be read as a comma-separated UTF-8 table (or as JSON)."""


class ValidationError(DataError):
    """The tables were read but their content breaks the data model."""
