"""The import's entry points: :func:`import_events` and :func:`read_edgelist`.

They find the files, refuse an output that would replace one of them, pick the
engine (:class:`~graph.importers.engine.Engine`) and run the steps of
:mod:`graph.importers.pipeline`, then write the folder
(:mod:`graph.importers.output`).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import networkx as nx

from graph.core.dates import as_period
from graph.core.files import check_output

from .cow_wars import read_states
from .edgelist import dialect, graph_rows, konect_undirected, reading
from .engine import Engine
from .gdelt import source_of as gdelt_source
from .output import FILES, write_folder
from .pipeline import SOURCES, Options, run
from .sourcefiles import expand
from .sources import vocabulary
from .ucdp_ged import read_ucdp_actors

__all__ = ["ENGINES", "SOURCE_NAMES", "import_events", "read_edgelist"]

#: Source names as the command line spells them.
SOURCE_NAMES = (
    "acled",
    "ucdp-ged",
    "gdelt",
    "edgelist",
    "gexf",
    "graphml",
    "cow-wars",
    "atop",
    "mid",
    "ucdp-esd",
    "mgar",
    "cow-alliances",
)
ENGINES = ("duckdb", "spark")


def _engine(name: str, *, master: str | None, memory_limit: str | None) -> Engine:
    if name == "duckdb":
        from .duckdb_engine import DuckDBEngine

        return DuckDBEngine(memory_limit=memory_limit)
    if name == "spark":
        try:
            from .spark_engine import SparkEngine
        except ImportError:  # pragma: no cover - depends on the installed extras
            raise ImportError(
                "the Spark engine needs PySpark: pip install 'alliance-graph[spark]'"
            ) from None
        return SparkEngine(master=master, memory_limit=memory_limit)
    raise ValueError(f"unknown engine {name!r}: use one of {', '.join(ENGINES)}")


def import_events(
    source: str,
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    output: str | os.PathLike,
    *,
    date_from: str | dt.date | None = None,
    date_to: str | dt.date | None = None,
    countries: Iterable[str] = (),
    actors: Iterable[str] = (),
    event_types: Iterable[str] = (),
    gap_days: int = 90,
    min_sources: int = 2,
    engine: str = "duckdb",
    master: str | None = None,
    memory_limit: str | None = None,
    progress: bool = False,
    report: Callable[[str], None] = lambda text: None,
    states: str | os.PathLike | None = None,
    add: bool = False,
    columns: Mapping[str, str] | None = None,
    undirected: bool = False,
    actor_list: str | os.PathLike | None = None,
) -> Path:
    """Turn event data into a dataset folder of actors and relations.

    Parameters
    ----------
    source : str
        The kind of file, one of ``SOURCE_NAMES``: "acled", "ucdp-ged",
        "gdelt", "edgelist", "gexf", "graphml", "cow-wars", "atop", "mid", "ucdp-esd",
        "mgar", "cow-alliances".
    paths : path, glob or list of them
        CSV (``.gz`` too), TSV or Parquet files; GDELT's tab-separated
        ``*.export.CSV`` files; for ``gexf``/``graphml`` the graph files.
    output : path
        The dataset folder to write (created if need be).
    date_from, date_to : str or datetime.date, optional
        Keep events that touch this period: partial ISO dates, ``date_from``
        from its first day, ``date_to`` through its last.
    countries : iterable of str, optional
        Keep events in these countries (ACLED and UCDP ``country``, GDELT
        ``ActionGeo_CountryCode``, a FIPS code), case-insensitive.
    actors : iterable of str, optional
        Keep events one of whose two actors has one of these names (as the
        source spells them, case-insensitive).
    event_types : iterable of str, optional
        ACLED: keep events of these event types or sub-event types (as the
        export spells them, any case), e.g. ``["Battles", "Mob violence"]``.
    gap_days : int
        A spell of repeated events ends after this many days without one.
    min_sources : int
        A relation is ``confirmed`` when one of its events is reported by at
        least this many independent sources (ACLED ``source`` names, UCDP
        ``number_of_sources``, GDELT ``NumSources``), ``reported`` (one
        source's report, not an accusation) otherwise;
        edge lists are always ``confirmed``.
    engine : {"duckdb", "spark"}
        Where the queries run; both write the same folder.
    master : str, optional
        Spark master URL (``local[*]`` by default).
    memory_limit : str, optional
        DuckDB's memory limit or Spark's driver memory, e.g. ``"2GB"``.
    progress : bool
        Show a progress bar (tqdm) on standard error.
    states : path, optional
        The COW state list (``ccode``, ``statenme``) naming the states of
        ``cow-wars``, ``cow-alliances``, ``atop`` and ``mid`` files (``COW state
        255`` without it).
    add : bool
        Add the relations and actors to the dataset already in ``output``
        (actors reconciled by id, so by COW code for ``cow-wars``,
        ``cow-alliances``, ``atop`` and ``mid``, by UCDP actor id for
        ``ucdp-ged`` and ``ucdp-esd``) instead of replacing it.
    columns : mapping, optional
        A column the source reads -> the header that holds it in these files,
        for files whose headers differ from the source's documented names
        (``{"group1": "Group A"}``); problems are then named by the files' headers.
    undirected : bool
        ``edgelist``, ``gexf`` and ``graphml``: the network is undirected,
        its source and target columns name the two ends in no order. The
        tie types are marked ``symmetric`` in the folder's
        ``relation_types.csv``, so the explorer and the figures draw them
        without arrowheads, the exports write them undirected, and a tie
        listed both ways with the same dates counts once.
    actor_list : path, optional
        The UCDP Actor Dataset (``ActorId``, ``NameData``) naming the actors of
        ``ucdp-ged`` and ``ucdp-esd`` files by their UCDP ids (the files' own
        spellings are kept as aliases).
    report : callable, optional
        Called with a line of text for each thing the user should know about
        how the files were read (a header line assumed or not, duplicates
        dropped); the command line prints them on standard error.

    Returns
    -------
    pathlib.Path
        The folder written.

    Raises
    ------
    DataError
        A file that cannot be read or a value that is wrong, each named by
        file, line and column; nothing is written then.
    OutputError
        If the folder's files would replace one of the input files; nothing
        is read then.
    ValueError
        An unknown source or engine, or a negative gap.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "ties.csv").write_text("a,b,1,1600000000\\na,b,1,1600086400\\nb,c,-1,\\n")
    >>> out = import_events("edgelist", folder / "ties.csv", folder / "out")
    >>> import pandas as pd
    >>> relations = pd.read_csv(out / "relations.csv", dtype=str, keep_default_na=False)
    >>> relations[["source", "target", "type", "start", "end", "events"]]
      source target          type       start         end events
    0      a      b  positive_tie  2020-09-13  2020-09-14      2
    1      b      c  negative_tie                               1
    >>> relations.loc[0, "citation"]
    'edge list, 2 rows: first 2020-09-13, last 2020-09-14'
    """
    from tqdm.auto import tqdm

    from graph.core.version import __version__

    name = source.replace("-", "_")
    key = "edgelist" if name in ("gexf", "graphml") else name
    if key not in SOURCES:
        raise ValueError(f"unknown source {source!r}: use one of {', '.join(SOURCE_NAMES)}")
    if gap_days < 0:
        raise ValueError("gap_days must be 0 or more")
    columns = dict(columns or {})
    if actor_list is not None and SOURCES[key].actor_code != "UCDP":
        raise ValueError(f"--actor-list: {source} files have no UCDP actor ids")
    if columns and SOURCES[key].names is not None:  # GDELT's are fixed; edge lists' spelled
        raise ValueError(f"--column: {SOURCES[key].title} files are read by their own columns")
    for field in columns:
        if field not in SOURCES[key].columns:
            known = ", ".join(SOURCES[key].columns)
            raise ValueError(f"--column {field}: {source} files have no such column; use {known}")
    if undirected and key != "edgelist":
        raise ValueError(f"--undirected: {source} relations have a direction")
    if undirected and add:
        # Symmetric is a mark of a type, for the whole folder: the relations
        # already there would lose their direction too.
        raise ValueError("--undirected with --add: import the undirected files together instead")
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files = expand(paths)
    # Before anything is read: no file of the folder written may be one of the inputs.
    lists = [os.fspath(p) for p in (states, actor_list) if p]
    inputs = [f.path for f in files if f.local] + lists
    for name in FILES:
        check_output(Path(output) / name, inputs=inputs)
    options = Options(
        date_from=None if date_from is None else as_period(date_from)[0],
        date_to=None if date_to is None else as_period(date_to)[1],
        countries=tuple(countries),
        actors=tuple(actors),
        event_types=tuple(event_types),
        gap_days=int(gap_days),
        min_sources=int(min_sources),
        states=None if states is None else read_states(os.fspath(states)),
        columns=columns,
        listed={} if actor_list is None else read_ucdp_actors(os.fspath(actor_list)),
    )
    spec = SOURCES[key]
    edges = None  # the rows of GEXF/GraphML files, read in Python
    if key == "edgelist":
        if all(f.path.lower().endswith((".gexf", ".graphml")) for f in files):
            import pandas as pd

            frames = [graph_rows(f) for f in files]
            edges = pd.concat(frames, ignore_index=True)
            # Undirected graph files (an undirected import's exports) import undirected.
            undirected = undirected or (not add and all(f.attrs["undirected"] for f in frames))
        else:
            spec = dialect(files[0])
            report(f"{files[0].path}: {reading(spec)}")
            if not undirected and konect_undirected(files[0]):
                undirected = not add  # --add: symmetric marks the folder's types, left alone
                said = (
                    ""
                    if undirected
                    else ", but --add leaves the folder's relation_types.csv as it is"
                )
                report(f"{files[0].path}: KONECT's header says the network is undirected{said}")
    elif key == "gdelt":  # 1.0 or 2.0, by the number of columns
        spec = gdelt_source(files[0])
    types = vocabulary()
    runner = _engine(engine, master=master, memory_limit=memory_limit)
    with tqdm(total=5, desc="reading", unit="step", disable=not progress, leave=False) as bar:
        try:
            result = run(
                runner,
                spec,
                files,
                types,
                options,
                graph_rows=edges,
                progress=bar,
                report=report,
            )
            record = {
                "source": name,
                "title": spec.title,
                "files": sorted({Path(f.path).name for f in files}),
                "filters": {
                    "from": None if options.date_from is None else options.date_from.isoformat(),
                    "to": None if options.date_to is None else options.date_to.isoformat(),
                    "countries": sorted(options.countries),
                    "actors": sorted(options.actors),
                    "event_types": sorted(options.event_types),
                },
                "gap_days": options.gap_days,
                "min_sources": options.min_sources,
                "events": result.events,
                "actors": len(result.actors),
                "tool": f"alliance-graph {__version__}",
            }
            if undirected:
                record["undirected"] = True
            written = write_folder(
                output,
                result.actors,
                result.relation_columns,
                result.relation_rows,
                record,
                add=add,
                # Every tie of an undirected network goes both ways, whatever its type.
                symmetric=set(types.index) if undirected else (),
            )
        except runner.interrupted:  # Ctrl-C during a query: nothing was written
            raise KeyboardInterrupt from None
        finally:
            runner.close()
        bar.update(1)
    return written


def read_edgelist(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    output: str | os.PathLike | None = None,
    **options,
) -> nx.MultiDiGraph:
    """Read a signed edge list (SNAP, KONECT, Bitcoin OTC, GEXF, GraphML) as an actor graph.

    Parameters
    ----------
    paths : path, glob or list of them
        Rows of source, target, sign or rating and, optionally, time.
    output : path, optional
        Also keep the dataset folder there (a temporary folder otherwise).
    **options
        As for :func:`import_events` (``gap_days``, ``date_from``...).

    Returns
    -------
    networkx.MultiDiGraph
        As :func:`graph.load` returns it: one edge per pair, sign and spell.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "signs.tsv").write_text("# SNAP\\n1\\t2\\t1\\n2\\t3\\t-1\\n")
    >>> G = read_edgelist(folder / "signs.tsv")
    >>> sorted((u, v, s) for u, v, s in G.edges(data="sign"))
    [('1', '2', 1), ('2', '3', -1)]
    """
    from graph.network.build import load

    if output is not None:
        return load(import_events("edgelist", paths, output, **options))
    with tempfile.TemporaryDirectory() as folder:
        return load(import_events("edgelist", paths, folder, **options))
