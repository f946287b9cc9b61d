"""Timings of the analysts' functions: centrality, predictions, what-if, time.

Run from the repository root::

    python benchmarks/bench_analysis.py

For the bundled Battle of Aleppo data and for synthetic actor graphs of
growing size (:mod:`synthetic`: uneven camps, support inside and opposition
between them, relations starting from 2010 to 2016), prints how long each of
:func:`graph.centrality`, :func:`graph.summary`,
:func:`graph.balance_predictions`, :func:`graph.compare` (without the most
active actor), :func:`graph.timeline` (yearly) and :func:`graph.diff` takes.
Above :data:`graph.balance.FRUSTRATION_EXACT_MAX_TIES` ties, ``compare`` and
``timeline`` use the frustration heuristic (with a warning, silenced here).

This is a script, not a test: timings depend on the machine.
"""

from __future__ import annotations

import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_synthetic

import graph

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


def main() -> None:
    warnings.simplefilter("ignore", UserWarning)  # "heuristic: upper bound" on big graphs
    bench("Battle of Aleppo", graph.load())
    with tempfile.TemporaryDirectory() as folder:
        for actors, relations in SIZES:
            data = write_synthetic(Path(folder) / f"{actors}", actors, relations, seed=0)
            bench("synthetic (seed 0)", graph.load(data))


if __name__ == "__main__":
    main()
