"""Run the import queries on DuckDB, embedded in this process (the default engine).

DuckDB streams CSV, TSV (gzipped too) and Parquet files, runs the queries on all
cores and spills to disk beyond its memory limit, so exports larger than memory
import on a laptop. The queries are written in the SQL that Spark also runs;
DuckDB gets a macro for the one Spark function it lacks (``unix_date``).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import duckdb
import pandas as pd

from .sourcefiles import InputFile

#: The longest line DuckDB reads, in bytes.
_MAX_LINE = 64 * 2**20
#: Spark SQL functions the shared queries use that DuckDB spells differently.
_MACROS = ("CREATE MACRO unix_date(d) AS date_diff('day', DATE '1970-01-01', d)",)


def _literal(value: object) -> str:
    """A SQL literal (views cannot take parameters): text quoted, lists and dicts nested."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(map(_literal, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_literal(k)}: {_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no SQL literal for {value!r}")


class DuckDBEngine:
    """An in-process DuckDB database holding one import's tables (an
    :class:`~graph.importers.engine.Engine`).

    Parameters
    ----------
    memory_limit : str, optional
        DuckDB's ``memory_limit`` setting, e.g. ``"2GB"``; beyond it, DuckDB
        spills to a temporary folder.
    threads : int, optional
        Worker threads (all cores by default).
    """

    name = "duckdb"
    #: What DuckDB raises for a file it cannot read.
    errors = (duckdb.Error,)
    #: What DuckDB raises on Ctrl-C during a query (its Python API raises
    #: RuntimeError("Query interrupted"), turned into KeyboardInterrupt by _run).
    interrupted = (duckdb.InterruptException,)

    def __init__(self, *, memory_limit: str | None = None, threads: int | None = None):
        self._spill = tempfile.TemporaryDirectory(prefix="alliance-graph-duckdb-")
        # A database file, not :memory:, so that stored tables too can leave memory
        # (compressed, through the buffer pool) when an import outgrows the limit.
        self.connection = duckdb.connect(str(Path(self._spill.name) / "import.duckdb"))
        settings = {
            "temp_directory": self._spill.name,
            "preserve_insertion_order": False,
            "enable_progress_bar": False,
            # Every import query joins the rows of the files (left) with small mapping
            # tables (right). DuckDB cannot count a CSV's rows in advance and guesses a
            # few, so it would flip such a join and hash the whole file instead of a
            # 259-row table: 2 M GDELT rows then overran a 1 GB memory limit.
            "disabled_optimizers": "build_side_probe_side",
        }
        if memory_limit:
            settings["memory_limit"] = memory_limit
        if threads:
            settings["threads"] = threads
        for key, value in settings.items():
            self.connection.execute(f"SET {key} = ?", [value])
        for macro in _MACROS:
            self.connection.execute(macro)
        self._links: dict[str, str] = {}

    def load(
        self,
        groups: Sequence[tuple[Sequence[InputFile], Sequence[str] | None]],
        *,
        header: bool,
        delimiter: str = ",",
        quote: bool = True,
        comment: str | None = None,
    ) -> None:
        """See :meth:`graph.importers.engine.Engine.load`."""
        views = []
        for number, (files, names) in enumerate(groups):
            view = f"raw_input_{number}"
            views.append(view)
            paths = [self._literal_path(f.path) for f in files]
            if all(f.format == "parquet" for f in files):
                self.connection.execute(
                    f"CREATE OR REPLACE VIEW {view}_typed AS SELECT * FROM "
                    f"read_parquet({_literal(paths)}, filename = '_file', union_by_name = true)"
                )
                casts = ", ".join(
                    f'CAST("{c}" AS VARCHAR) AS "{c}"' if c != "_file" else '"_file"'
                    for c in self.columns(f"{view}_typed")
                )
                self.connection.execute(
                    f"CREATE OR REPLACE VIEW {view} AS SELECT {casts} FROM {view}_typed"
                )
                continue
            options = {
                "header": header,
                "delim": delimiter,
                "quote": '"' if quote else "",
                "escape": '"' if quote else "",
                "all_varchar": True,
                "filename": "_file",
                "null_padding": False,
                "ignore_errors": False,
                "auto_detect": names is None,
                # A notes cell of a few megabytes is a real export's, not an error (the
                # default limit is 2 MB a line).
                "max_line_size": _MAX_LINE,
                "buffer_size": 2 * _MAX_LINE,
            }
            if names is None:
                options["union_by_name"] = True
            else:
                options["columns"] = {name: "VARCHAR" for name in names}
            if comment:
                options["comment"] = comment
            arguments = ", ".join(f"{key} = {_literal(value)}" for key, value in options.items())
            self.connection.execute(
                f"CREATE OR REPLACE VIEW {view} AS "
                f"SELECT * FROM read_csv({_literal(paths)}, {arguments})"
            )
        union = " UNION ALL BY NAME ".join(f"SELECT * FROM {v}" for v in views)
        if self._links:  # messages name the user's files, not the links read in their place
            named = " ".join(
                f"WHEN {_literal(link)} THEN {_literal(path)}" for link, path in self._links.items()
            )
            union = f"SELECT * REPLACE (CASE _file {named} ELSE _file END AS _file) FROM ({union})"
        self.connection.execute(f"CREATE OR REPLACE VIEW raw_input AS {union}")

    def _literal_path(self, path: str) -> str:
        """A path DuckDB reads as that one file: names with glob characters
        (``ACLED [2024].csv``) are read through a link without them, since DuckDB
        would match ``[2024]`` against other files and has no way to escape it."""
        if not any(char in path for char in "*?[]{}"):
            return path
        suffixes = "".join(Path(path).suffixes[-2:])
        link = Path(self._spill.name) / f"input-{len(self._links)}{suffixes}"
        link.symlink_to(Path(path).resolve())
        self._links[str(link)] = path
        return str(link)

    def _run(self, sql: str) -> duckdb.DuckDBPyConnection:
        """Execute a query; Ctrl-C during it is a KeyboardInterrupt, as anywhere else."""
        try:
            return self.connection.execute(sql)
        except RuntimeError as error:
            if "interrupted" in str(error).lower():
                raise KeyboardInterrupt from None
            raise

    def register(self, name: str, frame: pd.DataFrame) -> None:
        """Make a small pandas table (a mapping, a filter) a table of the database."""
        self.connection.register(f"{name}_frame", frame)
        self.connection.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM {name}_frame")
        self.connection.unregister(f"{name}_frame")

    def columns(self, view: str) -> list[str]:
        """The column names of a table or view."""
        return [row[0] for row in self.connection.execute(f"DESCRIBE {view}").fetchall()]

    def view(self, name: str, sql: str) -> None:
        """Name a query, evaluated each time it is read."""
        self._run(f"CREATE OR REPLACE VIEW {name} AS {sql}")

    def table(self, name: str, sql: str) -> int:
        """Store a query's result as a table; returns its number of rows."""
        self._run(f"CREATE OR REPLACE TABLE {name} AS {sql}")
        return self._run(f"SELECT count(*) FROM {name}").fetchone()[0]

    def fetch(self, sql: str) -> pd.DataFrame:
        """A query's result as a pandas table."""
        return self._run(sql).df()

    def rows(self, sql: str, batch: int = 100_000) -> tuple[list[str], Iterator[tuple]]:
        """A query's column names and its rows, streamed in batches as Python values."""
        cursor = self._run(sql)

        def stream() -> Iterator[tuple]:
            try:
                while chunk := cursor.fetchmany(batch):
                    yield from chunk
            except RuntimeError as error:
                if "interrupted" in str(error).lower():
                    raise KeyboardInterrupt from None
                raise

        return [d[0] for d in cursor.description], stream()

    def progress(self) -> float:
        """How far the running query is, from 0 to 100 (-1 when unknown)."""
        return self.connection.query_progress()

    def close(self) -> None:
        self.connection.close()
        self._spill.cleanup()
