"""Timings and peak memory of ``alliance-graph import`` on source-shaped event files.

Run from the repository root::

    python benchmarks/bench_import.py                       # both figures, DuckDB and Spark
    python benchmarks/bench_import.py --engines duckdb --gdelt-rows 1000000
    python benchmarks/bench_import.py --engines duckdb --sources ucdp-ged --ged-rows 500000

A seeded generator writes a GDELT-shaped file (61 tab-separated columns, no
header; two years of events), an ACLED-shaped one (the 31 columns of an
export, with notes, assoc actors and the three date spellings; ten years) and
a UCDP GED-shaped one (actors with UCDP ids, some spelled two ways).
Actors are drawn from a pool of 1,000 names with a few far more active than the
rest, and each deals with 8 others, as in real event data, so the aggregation
forms long spells for the busy pairs and short ones for the rest. The
generator is SQL run by DuckDB on hashes of the row number: same arguments,
same files, byte for byte, however many threads run it.

Each import runs in its own process (``alliance-graph import``); the peak
memory is the largest sum of resident memory over that process and its
children (Spark's JVM), sampled every 0.1 s with psutil. This is a script, not
a test: timings depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.importers.gdelt import NAMES as GDELT_COLUMNS  # noqa: E402

#: A pool of made-up actor names; h(i, k) picks from it with a skew to the first ones.
_POOL = 1000
_CAMEO = ["190", "193", "1951", "036", "042", "046", "0871", "111", "112", "173", "180", "062"]
_QUAD = {"190": 4, "193": 4, "1951": 4, "036": 1, "042": 1, "046": 1, "0871": 2, "111": 3,
         "112": 3, "173": 4, "180": 4, "062": 2}  # fmt: skip


def _h(salt: int, modulo: int) -> str:
    """A deterministic pseudo-random integer in 0..modulo-1 for row i."""
    return f"CAST(hash(i, {salt}) % {modulo} AS BIGINT)"


def _pick(expression: str, salt: int, size: int) -> str:
    """A skewed index in 0..size-1 from a hash: small indices are far more frequent."""
    uniform = f"(CAST(hash({expression}, {salt}) % 1000000 AS BIGINT) / 1000000.0)"
    return f"CAST(floor(pow({uniform}, 4) * {size}) AS BIGINT)"


def _copy(values: dict[str, str], rows: int, path: Path, options: str) -> Path:
    """Write rows 0..rows-1 of the columns ``values`` computes (SQL of row i) as CSV."""
    select = ", ".join(f"{v} AS {c}" for c, v in values.items())
    duckdb.sql(
        f"COPY (SELECT {select} FROM range({rows}) AS t(i) ORDER BY i) TO '{path}' "
        f"(FORMAT csv, {options})"
    )
    return path


def _partner(actor: str, salt: int) -> str:
    """One of the 8 actors after ``actor`` in the pool: each actor deals with a few others."""
    return f"({actor} + 1 + {_h(salt, 8)}) % {_POOL}"


def write_gdelt(path: Path, rows: int, *, seed: int = 0) -> Path:
    """A GDELT 2.0-shaped event file: tab-separated, 61 columns, no header."""
    codes = "[" + ", ".join(f"'{c}'" for c in _CAMEO) + "]"
    quads = "[" + ", ".join(str(_QUAD[c]) for c in _CAMEO) + "]"
    code = f"({_h(seed + 7, len(_CAMEO))}) + 1"
    values = {c: "''" for c in GDELT_COLUMNS}
    values.update(
        GLOBALEVENTID="CAST(1000000000 + i AS VARCHAR)",
        SQLDATE=f"strftime(DATE '2022-01-01' + CAST({_h(seed + 1, 730)} AS INT), '%Y%m%d')",
        Actor1Code="'RURGOV'",
        Actor1Name=f"'ACTOR ' || {_pick('i', seed + 2, _POOL)}",
        Actor1CountryCode="'RUR'",
        Actor1Type1Code=f"['GOV', 'MIL', 'REB', 'CVL', 'BUS'][{_h(seed + 3, 5)} + 1]",
        Actor2Code="'ZENREB'",
        Actor2Name=f"'ACTOR ' || {_partner(_pick('i', seed + 2, _POOL), seed + 4)}",
        Actor2CountryCode="'ZEN'",
        Actor2Type1Code=f"['GOV', 'MIL', 'REB', 'CVL', 'NGO'][{_h(seed + 5, 5)} + 1]",
        IsRootEvent="'1'",
        EventCode=f"{codes}[{code}]",
        EventBaseCode=f"substr({codes}[{code}], 1, 3)",
        EventRootCode=f"substr({codes}[{code}], 1, 2)",
        QuadClass=f"CAST({quads}[{code}] AS VARCHAR)",
        GoldsteinScale=f"CAST(({_h(seed + 6, 200)} - 100) / 10.0 AS VARCHAR)",
        NumMentions="'4'",
        NumSources=f"CAST(1 + {_h(seed + 8, 5)} AS VARCHAR)",
        NumArticles="'4'",
        AvgTone="'-3.2'",
        ActionGeo_CountryCode=f"['RR', 'ZE', 'GR'][{_h(seed + 9, 3)} + 1]",
        ActionGeo_FullName="'Zenda, Ruritania'",
        DATEADDED="'20240105120000'",
        SOURCEURL="'https://news.example/' || CAST(i AS VARCHAR)",
    )
    return _copy(values, rows, path, "DELIMITER '\t', HEADER false, QUOTE ''")


def write_acled(path: Path, rows: int, *, seed: int = 0) -> Path:
    """An ACLED-shaped export: 31 columns with a header, CSV."""
    from tests.import_files import ACLED_COLUMNS  # the test suite's exact column list

    types = (
        "[['Battles', 'Armed clash'], ['Explosions/Remote violence', 'Air/drone strike'],"
        " ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],"
        " ['Violence against civilians', 'Attack'], ['Strategic developments', 'Agreement'],"
        " ['Protests', 'Peaceful protest']]"
    )
    kind = f"{_h(seed + 1, 6)} + 1"
    day = f"(DATE '2015-01-01' + CAST({_h(seed + 2, 3650)} AS INT))"
    values = dict.fromkeys(ACLED_COLUMNS, "''")
    values.update(
        event_id_cnty="'RUR' || CAST(i AS VARCHAR)",
        event_date=(
            f"CASE {_h(seed + 3, 3)} WHEN 0 THEN strftime({day}, '%Y-%m-%d') "
            f"WHEN 1 THEN strftime({day}, '%-d %B %Y') ELSE strftime({day}, '%-d-%b-%y') END"
        ),
        year=f"strftime({day}, '%Y')",
        time_precision=f"CAST(1 + ({_h(seed + 4, 10)} = 0)::INT AS VARCHAR)",
        event_type=f"{types}[{kind}][1]",
        sub_event_type=f"{types}[{kind}][2]",
        actor1=f"'Armed Group ' || {_pick('i', seed + 5, _POOL)}",
        assoc_actor_1=(
            f"CASE WHEN {_h(seed + 6, 4)} = 0 THEN 'Militia ' || "
            f"{_pick('i', seed + 7, 200)} || '; Tribe ' || {_pick('i', seed + 8, 50)} ELSE '' END"
        ),
        inter1=f"CAST(1 + {_h(seed + 9, 8)} AS VARCHAR)",
        actor2=f"'Armed Group ' || {_partner(_pick('i', seed + 5, _POOL), seed + 10)}",
        inter2=f"CAST(1 + {_h(seed + 11, 8)} AS VARCHAR)",
        country=f"['Ruritania', 'Graustark', 'Zenda'][{_h(seed + 12, 3)} + 1]",
        source=f"['Radio Zenda', 'Daily Star; Radio Zenda', 'Wire'][{_h(seed, 3)} + 1]",
        notes=(
            f"'On ' || strftime({day}, '%-d %B %Y') || ', armed group ' || "
            f"{_pick('i', seed + 5, _POOL)} || ' clashed with a rival near the river crossing "
            "south of the town; casualties were reported by local sources.'"
        ),
        fatalities=f"CAST({_h(seed + 13, 12)} AS VARCHAR)",
    )
    return _copy(values, rows, path, "HEADER true")


def write_ged(path: Path, rows: int, *, seed: int = 0) -> Path:
    """A UCDP GED-shaped release: its columns with a header, CSV; actors carry UCDP ids
    (``side_a_new_id``, ``side_b_new_id``), one in ten spelled another way, and a third
    of the events are one-sided violence against the civilians of a country."""
    from tests.import_files import UCDP_COLUMNS  # the test suite's exact column list

    day = f"(DATE '2015-01-01' + CAST({_h(seed + 2, 3650)} AS INT))"
    actor = _pick("i", seed + 5, _POOL)
    partner = _partner(actor, seed + 10)
    one_sided = f"{_h(seed + 1, 3)} = 2"
    values = dict.fromkeys(UCDP_COLUMNS, "''")
    values.update(
        id="CAST(i AS VARCHAR)",
        type_of_violence=f"CASE WHEN {one_sided} THEN '3' ELSE '2' END",
        side_a=(
            f"CASE WHEN {_h(seed + 3, 10)} = 0 THEN 'Armed Grp. ' ELSE 'Armed Group ' END"
            f" || {actor}"
        ),
        side_a_new_id=f"CAST(1000 + {actor} AS VARCHAR)",
        side_b=f"CASE WHEN {one_sided} THEN 'Civilians' ELSE 'Armed Group ' || {partner} END",
        side_b_new_id=f"CASE WHEN {one_sided} THEN '1' ELSE CAST(1000 + {partner} AS VARCHAR) END",
        date_start=f"strftime({day}, '%Y-%m-%d')",
        date_end=f"strftime({day}, '%Y-%m-%d')",
        date_prec="'1'",
        best=f"CAST({_h(seed + 13, 12)} AS VARCHAR)",
        number_of_sources=f"CAST(1 + {_h(seed + 4, 3)} AS VARCHAR)",
        source_headline=f"'Clashes near the river crossing, ' || strftime({day}, '%-d %B %Y')",
        country=f"['Ruritania', 'Graustark', 'Zenda'][{_h(seed + 12, 3)} + 1]",
    )
    return _copy(values, rows, path, "HEADER true")


def measure(command: list[str]) -> tuple[float, float, float]:
    """Wall time (s), CPU time (s) and peak resident memory (GiB) of a command.

    Both memory and CPU time (user + system) add up the command and all its
    children (Spark's JVM), sampled every 0.1 s with psutil; CPU time tells the
    work done when other programs share the machine.
    """
    start = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    cpu: dict[int, float] = {}
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree))
            for p in tree:
                times = p.cpu_times()
                cpu[p.pid] = times.user + times.system
        except psutil.Error:
            pass
        time.sleep(0.1)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(process.stderr.read().decode()[-2000:])
    return elapsed, sum(cpu.values()), peak / 2**30


def run(kind: str, source: Path, engine: str, memory: str, work: Path) -> float:
    out = work / f"{kind}-{engine}"
    command = [
        str(Path(sys.executable).parent / "alliance-graph"),
        "import", kind, str(source), "-o", str(out), "--engine", engine, "--memory-limit", memory,
    ]  # fmt: skip
    elapsed, cpu, peak = measure(command)
    relations = sum(1 for _ in (out / "relations.csv").open()) - 1
    actors = sum(1 for _ in (out / "actors.csv").open()) - 1
    print(f"  {kind:<6} {engine:<7} {elapsed:7.1f} s wall {cpu:7.1f} s CPU {peak:6.2f} GiB peak "
          f"{actors:>6} actors {relations:>9} relations", flush=True)  # fmt: skip
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gdelt-rows", type=int, default=10_000_000)
    parser.add_argument("--acled-rows", type=int, default=1_000_000)
    parser.add_argument("--ged-rows", type=int, default=1_000_000)
    parser.add_argument("--engines", default="duckdb,spark")
    parser.add_argument("--sources", default="gdelt,acled", help="also: ucdp-ged")
    parser.add_argument("--memory-limit", default="1GB", help="DuckDB memory limit")
    parser.add_argument("--spark-memory", default="4g", help="Spark driver memory")
    parser.add_argument("--keep", type=Path, help="keep the generated files here")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-import-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        start = time.perf_counter()
        files = {
            "gdelt": (work / "events.export.CSV", args.gdelt_rows, write_gdelt),
            "acled": (work / "acled.csv", args.acled_rows, write_acled),
            "ucdp-ged": (work / "ged.csv", args.ged_rows, write_ged),
        }
        kinds = [k for k in files if k in args.sources.split(",")]
        for kind in kinds:  # only the files asked for: 10 M GDELT rows are 1.9 GB
            path, rows, write = files[kind]
            if not path.exists():
                write(path, rows)
            print(f"{kind}: {rows:,} rows ({path.stat().st_size / 2**20:,.0f} MiB)", flush=True)
        print(f"generated in {time.perf_counter() - start:.0f} s", flush=True)
        for engine in args.engines.split(","):
            memory = args.memory_limit if engine == "duckdb" else args.spark_memory
            for kind in kinds:
                path, rows, _ = files[kind]
                elapsed = run(kind, path, engine, memory, work)
                print(f"         {rows / elapsed:,.0f} rows/s", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work)


if __name__ == "__main__":
    main()
