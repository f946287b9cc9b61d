"""What an import engine does: the one interface DuckDB and Spark implement.

:mod:`graph.importers.pipeline` runs the same SQL text (``sql/``) on either;
only reading the files and holding the tables differ.
:class:`~graph.importers.duckdb_engine.DuckDBEngine` (embedded, the default)
and :class:`~graph.importers.spark_engine.SparkEngine` (a Spark session, for
tables beyond one machine) follow this protocol; their methods' documentation
is here, once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

import pandas as pd

from .sourcefiles import InputFile

__all__ = ["Engine"]


class Engine(Protocol):
    """Where an import's queries run.

    Attributes
    ----------
    name : str
        ``"duckdb"`` or ``"spark"``.
    errors : tuple of exception types
        What the engine raises for a file it cannot read (the pipeline then
        locates the problem in the file with Python's ``csv`` module).
    interrupted : tuple of exception types
        What the engine raises instead of :exc:`KeyboardInterrupt` when the
        user presses Ctrl-C during a query (the import raises
        :exc:`KeyboardInterrupt` then, having written nothing).
    """

    name: str
    errors: tuple[type[BaseException], ...]
    interrupted: tuple[type[BaseException], ...]

    def load(
        self,
        groups: Sequence[tuple[Sequence[InputFile], Sequence[str] | None]],
        *,
        header: bool,
        delimiter: str = ",",
        quote: bool = True,
        comment: str | None = None,
    ) -> None:
        """Make the files one view, ``raw_input``: every column as text, plus ``_file``.

        Parameters
        ----------
        groups : sequence of (files, names)
            Files that share their columns, each group with its column names
            (None: read from the header); groups are stacked by column name.
            Each file is read as the one file its path names, whatever
            characters the name holds.
        header : bool
            Whether the files start with a header line (skipped when names are given).
        delimiter : str
            The field separator.
        quote : bool
            Whether fields may be quoted with ``"``.
        comment : str, optional
            Lines starting with it are skipped.
        """
        ...

    def register(self, name: str, frame: pd.DataFrame) -> None:
        """Make a small pandas table (a mapping, a filter) a table named ``name``."""
        ...

    def columns(self, view: str) -> list[str]:
        """The column names of a table or view."""
        ...

    def view(self, name: str, sql: str) -> None:
        """Name a query, evaluated each time it is read."""
        ...

    def table(self, name: str, sql: str) -> int:
        """Keep a query's result under ``name``; returns its number of rows."""
        ...

    def fetch(self, sql: str) -> pd.DataFrame:
        """A (small) query's result as a pandas table."""
        ...

    def rows(self, sql: str) -> tuple[list[str], Iterator[tuple]]:
        """A query's column names and its rows, streamed in order as Python values."""
        ...

    def progress(self) -> float:
        """How far the running query is, from 0 to 100 (-1 when unknown)."""
        ...

    def close(self) -> None:
        """Free what the engine holds (temporary files, cached tables)."""
        ...
