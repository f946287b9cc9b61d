"""Timings of the analysts' functions: centrality, predictions, what-if, time.

Run from the repository root::

    python benchmarks/bench_analysis.py            # both parts below
    python benchmarks/bench_analysis.py --large    # only the 6,000-actor part

For the bundled Battle of Aleppo data and for synthetic actor graphs of
growing size (:mod:`synthetic`: uneven camps, support inside and opposition
between them, relations starting from 2010 to 2016), prints how long each of
:func:`graph.centrality`, :func:`graph.summary`,
:func:`graph.balance_predictions`, :func:`graph.compare` (without the most
active actor), :func:`graph.timeline` (yearly) and :func:`graph.diff` takes.
Proofs of the frustration index that do not finish in time fall back on the
best partition found (with a warning, silenced here).

Then, on :func:`graph.datasets.trust_like` (6,000 actors, 35,000 ties, written
as a dataset folder with relations starting from 2010 to 2016), the whole
``alliance-graph balance`` and ``alliance-graph metrics`` commands, each in
its own process under ``/usr/bin/time -v`` (wall time and peak resident
memory; targets 60 s and 500 MB each), the balance view precomputed for the
page (:func:`graph.analysis.balance_view`) on the Aleppo data, and a yearly
:func:`graph.timeline` of the large network (target 120 s).

This is a script, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_signed_dataset, write_synthetic

import graph
from graph.balance import balance_view
from graph.datasets import trust_like

SIZES = ((200, 1_000), (1_000, 5_000), (2_000, 10_000))


def timed(label: str, run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    elapsed = time.perf_counter() - start
    print(f"  {label:<22} {elapsed:8.3f} s")
    return elapsed


def bench(title: str, G) -> None:
    S = graph.signed_graph(G)
    busiest = max(G, key=G.degree)
    print(f"{title}: {G.number_of_nodes()} actors, {G.number_of_edges()} relations, "
          f"{S.number_of_edges()} signed ties")  # fmt: skip
    timed("centrality", lambda: graph.centrality(G))
    timed("summary", lambda: graph.summary(G))
    timed("balance_predictions", lambda: graph.balance_predictions(S))
    timed("compare without 1", lambda: graph.compare(G, graph.without(G, busiest)))
    timed("timeline (yearly)", lambda: graph.timeline(G))
    timed("diff", lambda: graph.diff(G, "2013", "2016"))


def command(label: str, *args: str, target: float) -> None:
    """Run ``alliance-graph ARGS`` under ``/usr/bin/time -v``: wall time and peak memory."""
    cli = Path(sys.executable).with_name("alliance-graph")
    done = subprocess.run(
        ["/usr/bin/time", "-v", str(cli), *args], capture_output=True, text=True, check=False
    )
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", done.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    minutes, _, seconds = wall.group(1).rpartition(":") if wall else ("", "", "nan")
    elapsed = 60 * float(minutes or 0) + float(seconds)
    megabytes = int(rss.group(1)) / 1024 if rss else float("nan")
    verdict = "ok" if elapsed <= target and megabytes <= 500 else "MISSED"
    print(f"  {label:<30} {elapsed:8.1f} s  {megabytes:7.0f} MB peak  exit {done.returncode}  "
          f"(target {target:g} s, 500 MB) {verdict}")  # fmt: skip
    for line in done.stdout.splitlines():
        if line.startswith("frustration index"):
            print(f"    {line}")


def large() -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = write_signed_dataset(Path(folder) / "trust", trust_like(seed=0), seed=0)
        print("trust-like (seed 0): 6,000 actors, 35,000 relations")
        command("alliance-graph balance", "balance", str(data), target=60)
        command("alliance-graph metrics", "metrics", str(data), target=60)
        G = graph.load(data)
        elapsed = timed("timeline (yearly)", lambda: graph.timeline(G))
        print(f"  {'':<22} target 120 s {'ok' if elapsed <= 120 else 'MISSED'}")
    aleppo = graph.load()
    print("Battle of Aleppo: balance view of the page (every month, 10 what-ifs)")
    timed("balance_view", lambda: balance_view(aleppo))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="only the 6,000-actor part")
    only_large = parser.parse_args().large
    warnings.simplefilter("ignore", UserWarning)  # "not proven: upper bound" on big graphs
    if not only_large:
        bench("Battle of Aleppo", graph.load())
        with tempfile.TemporaryDirectory() as folder:
            for actors, relations in SIZES:
                data = write_synthetic(Path(folder) / f"{actors}", actors, relations, seed=0)
                bench("synthetic (seed 0)", graph.load(data))
    large()


if __name__ == "__main__":
    main()
