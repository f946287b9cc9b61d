"""From event and alliance data to an alliance graph: ACLED, UCDP GED and ESD, GDELT 1.0 and 2.0,
COW wars, MIDs and formal alliances, ATOP, MGAR, signed edge lists.

:func:`import_events` reads event exports (CSV, gzipped CSV, TSV or Parquet
files, or globs of them), maps each event to a relation type through the
editable tables of ``mappings/`` (see ``mappings/README.md``), aggregates the
repeated events of a pair into one relation per activity spell and writes an
ordinary dataset folder that :func:`graph.load`, ``alliance-graph validate``
and ``build`` read unchanged. :func:`read_edgelist` does the same for a signed
edge list and returns the graph.

The aggregation is SQL written once (``sql/``) and run by DuckDB, embedded, by
default, or by Apache Spark (``engine="spark"``) for tables beyond one machine;
both give the same folder, byte for byte.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submodules=[
        "acled",
        "actor_list",
        "atop",
        "cow_alliances",
        "cow_wars",
        "duckdb_engine",
        "edgelist",
        "engine",
        "events",
        "gdelt",
        "mgar",
        "mid",
        "output",
        "pipeline",
        "sourcefiles",
        "sources",
        "spark_engine",
        "ucdp_esd",
        "ucdp_ged",
    ],
    submod_attrs={"events": ["ENGINES", "SOURCE_NAMES", "import_events", "read_edgelist"]},
)
