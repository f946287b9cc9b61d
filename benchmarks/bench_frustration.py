"""Timings of the frustration index solvers in :mod:`graph.balance`.

Run from the repository root::

    python benchmarks/bench_frustration.py

Three cases, with the targets they are meant to meet:

1. exact frustration of Read's Highland tribes network (16 nodes, 58 ties),
   well under 1 s;
2. exact frustration of a seeded random signed graph with 60 nodes and 300
   ties (G(n, m), each sign -1 with probability 1/2), within 30 s;
3. the heuristic on a seeded random signed graph with 2,000 nodes and 10,000
   ties, within 10 s.

This is a script, not a test: timings depend on the machine and on its
load (wall-clock and CPU time are both printed; the targets refer to wall
time on an otherwise idle machine).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.balance import frustration
from graph.datasets import highland_tribes, random_signed_graph


def bench(label: str, G: nx.Graph, method: str, target: float) -> bool:
    start, start_cpu = time.perf_counter(), time.process_time()
    L, split = frustration(G, method=method, time_limit=None)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - start_cpu
    ok = elapsed <= target
    kind = "exact" if split.attrs["exact"] else "upper bound"
    print(
        f"{label:<32} n={G.number_of_nodes():>5} m={G.number_of_edges():>6}  "
        f"{method:<9} L={L:>5} ({kind:<11})  wall {elapsed:7.3f} s  cpu {cpu:7.3f} s  "
        f"target {target:>4g} s  {'ok' if ok else 'SLOW'}"
    )
    return ok


def main() -> int:
    results = [
        bench("Highland tribes (Read 1954)", highland_tribes(), "exact", 1.0),
        bench("random G(60, 300), seed 0", random_signed_graph(60, 300, seed=0), "exact", 30.0),
        bench(
            "random G(2000, 10000), seed 0",
            random_signed_graph(2000, 10_000, seed=0),
            "heuristic",
            10.0,
        ),
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
