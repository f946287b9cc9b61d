"""Run the import queries on Apache Spark through PySpark, for tables that outgrow one machine.

The queries are the same text DuckDB runs (``spark.sql``); only reading the files
differs. ``master`` is ``local[*]`` by default (every core of this machine); give a
cluster's URL, or run the import with ``spark-submit`` (see the README), to spread a
GDELT-sized table over workers. Needs the ``spark`` extra:
``pip install 'alliance-graph[spark]'`` and Java 17 or newer.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd

from .sourcefiles import InputFile


def session(master: str | None = None, *, memory: str | None = None):
    """The running Spark session, or a new one on ``master`` (``local[*]`` by default)."""
    from pyspark.sql import SparkSession

    builder = (
        SparkSession.builder.appName("alliance-graph import")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "false")
    )
    # Under spark-submit the JVM started this process and set the master: keep it.
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ
    if master and not submitted:
        builder = builder.master(master)
    elif not submitted and SparkSession.getActiveSession() is None:
        builder = builder.master("local[*]")
    if not submitted and (master or "local").startswith("local"):
        # One machine: a few shuffle partitions per core, not the cluster default of 200.
        builder = builder.config("spark.sql.shuffle.partitions", "4")
    if memory:
        builder = builder.config("spark.driver.memory", memory)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    # Dates are whole days; a session time zone keeps them from shifting.
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    return spark


class SparkEngine:
    """A Spark session holding one import's tables as temporary views (an
    :class:`~graph.importers.engine.Engine`).

    Parameters
    ----------
    master : str, optional
        The Spark master URL: ``local[*]`` (default), ``spark://host:7077``,
        ``yarn``, ``k8s://...``. Ignored when a session is already running
        (e.g. under ``spark-submit``), which is then used as it is.
    memory_limit : str, optional
        The driver's memory (``spark.driver.memory``) for a new local session.
    """

    name = "spark"

    def __init__(self, *, master: str | None = None, memory_limit: str | None = None):
        from py4j.protocol import Py4JJavaError
        from pyspark.errors import PySparkException

        #: What Spark raises for a file it cannot read.
        self.errors = (PySparkException, Py4JJavaError)
        #: Ctrl-C reaches Python as KeyboardInterrupt under PySpark.
        self.interrupted: tuple[type[BaseException], ...] = ()
        self.spark = session(master, memory=memory_limit)
        self._cached: dict = {}
        self._links_folder: tempfile.TemporaryDirectory | None = None
        #: The URI Spark reads in place of a file (a link) -> the file's own URI.
        self._links: dict[str, str] = {}

    def _literal_uri(self, file: InputFile) -> str:
        """A URI Spark reads as that one file: Hadoop expands glob characters in paths
        (``ACLED [2024].csv`` would read ``ACLED 2.csv``) and has no way to escape them in
        a file name, so such a local file is read through a link without them."""
        if not file.local or not any(char in file.path for char in "*?[]{}\\"):
            return file.uri
        if self._links_folder is None:
            self._links_folder = tempfile.TemporaryDirectory(prefix="alliance-graph-spark-")
        suffixes = "".join(Path(file.path).suffixes[-2:])
        link = Path(self._links_folder.name) / f"input-{len(self._links)}{suffixes}"
        link.symlink_to(Path(file.path).resolve())
        self._links[link.as_uri()] = file.uri
        return link.as_uri()

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
        from pyspark.sql import functions as F
        from pyspark.sql.types import StringType, StructField, StructType

        frames = []
        for files, names in groups:
            paths = [self._literal_uri(f) for f in files]
            if all(f.format == "parquet" for f in files):
                frame = self.spark.read.option("mergeSchema", "true").parquet(*paths)
                frame = frame.select(
                    [F.col(f"`{c}`").cast("string").alias(c) for c in frame.columns]
                )
            else:
                reader = (
                    self.spark.read.option("header", header)
                    .option("sep", delimiter)
                    .option("mode", "FAILFAST")
                    .option("multiLine", quote)
                    .option("escape", '"' if quote else "")
                    .option("quote", '"' if quote else "")
                    .option("enforceSchema", names is not None)
                )
                if comment:
                    reader = reader.option("comment", comment)
                if names is not None:
                    schema = StructType([StructField(n, StringType()) for n in names])
                    reader = reader.schema(schema)
                frame = reader.csv(paths)
            frames.append(frame.withColumn("_file", F.input_file_name()))
        combined = frames[0]
        for frame in frames[1:]:
            combined = combined.unionByName(frame, allowMissingColumns=True)
        if self._links:  # messages name the user's files, not the links read in their place
            named = F.create_map(*[F.lit(x) for pair in self._links.items() for x in pair])
            combined = combined.withColumn(
                "_file", F.coalesce(named[F.col("_file")], F.col("_file"))
            )
        combined.createOrReplaceTempView("raw_input")

    def register(self, name: str, frame: pd.DataFrame) -> None:
        """Make a small pandas table (a mapping, a filter) a view of the session."""
        from pyspark.sql.types import (
            DoubleType,
            LongType,
            StringType,
            StructField,
            StructType,
        )

        kinds = {"i": LongType(), "f": DoubleType()}
        schema = StructType(
            [StructField(c, kinds.get(frame[c].dtype.kind, StringType())) for c in frame.columns]
        )
        rows = [
            tuple(None if pd.isna(v) else v for v in row)
            for row in frame.astype(object).itertuples(index=False)
        ]
        self.spark.createDataFrame(rows, schema).createOrReplaceTempView(name)

    def columns(self, view: str) -> list[str]:
        """The column names of a view."""
        return self.spark.table(view).columns

    def view(self, name: str, sql: str) -> None:
        """Name a query, evaluated each time it is read."""
        self.spark.sql(sql).createOrReplaceTempView(name)

    def table(self, name: str, sql: str) -> int:
        """Keep a query's result (cached in memory and disk); returns its number of rows."""
        from pyspark import StorageLevel

        # Serialised in memory, then disk: deserialised rows with long notes filled a
        # 4 GB driver and left it collecting garbage on 1 M ACLED rows.
        frame = self.spark.sql(sql).persist(StorageLevel.MEMORY_AND_DISK)
        frame.createOrReplaceTempView(name)
        self._cached[name] = frame
        return frame.count()

    def fetch(self, sql: str) -> pd.DataFrame:
        """A query's result as a pandas table."""
        return self.spark.sql(sql).toPandas()

    def rows(self, sql: str) -> tuple[list[str], Iterator[tuple]]:
        """A query's column names and its rows, streamed a partition at a time, in order."""
        frame = self.spark.sql(sql)
        return frame.columns, (tuple(row) for row in frame.toLocalIterator(prefetchPartitions=True))

    def progress(self) -> float:
        """Spark reports progress in its own UI; unknown here."""
        return -1.0

    def close(self) -> None:
        for name, frame in self._cached.items():
            frame.unpersist()
            self.spark.catalog.dropTempView(name)
        if self._links_folder is not None:
            self._links_folder.cleanup()
