"""Errors raised for bad input data.

Every problem found in a data file is a :class:`Problem` naming the file, the
line and the column where it sits and what is wrong. Readers collect *all* the
problems of a file before raising, so one run shows everything to fix.

The exception tree::

    DataError                 any problem with the input data
    ├── FileFormatError       the file cannot be read as a CSV table at all
    │                         (missing, empty, not UTF-8, not comma-separated)
    └── ValidationError       the table was read, but its content breaks the
                              data model (columns, ids, references, dates...)

Catch :class:`DataError` to handle them all; ``str(error)`` is a readable
report, one problem per line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file.

    Parameters
    ----------
    path : str
        The file, as given to the reader.
    line : int
        1-based physical line in the file (the header is line 1).
    column : int or None
        1-based column (field) number, or None when the problem is the whole line or file.
    field : str
        The column's name, or "" when the problem is not about one column.
    message : str
        What is wrong, in words a data editor understands.

    Examples
    --------
    >>> print(Problem("data/actors.csv", 4, 1, "id", "duplicate id 'russia' (first on line 3)"))
    data/actors.csv:4:1: id: duplicate id 'russia' (first on line 3)
    """

    path: str
    line: int
    column: int | None
    field: str
    message: str

    def sort_key(self) -> tuple:
        """Order by file, line, column (whole-line problems first), then text."""
        return (self.path, self.line, self.column or 0, self.field, self.message)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        if self.column is not None:
            where += f":{self.column}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what}"


class DataError(Exception):
    """Input data that cannot be used; ``problems`` lists every reason.

    Examples
    --------
    >>> error = DataError([Problem("a.csv", 2, 3, "type", "unknown relation type 'arms'")])
    >>> print(error)
    1 problem in the data:
    a.csv:2:3: type: unknown relation type 'arms'
    """

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = sorted(problems, key=Problem.sort_key)
        super().__init__(self._report())

    def _report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data:"
        return "\n".join([head, *map(str, self.problems)])


class FileFormatError(DataError):
    """The file cannot be read as a comma-separated UTF-8 table."""


class ValidationError(DataError):
    """The table was read but its content breaks the data model."""
