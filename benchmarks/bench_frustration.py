"""Timings of the frustration index in :mod:`graph.balance`, against published ones.

Run from the repository root::

    python benchmarks/bench_frustration.py            # every case, a few minutes
    python benchmarks/bench_frustration.py --budget 300

Cases, each with its target (wall time on this 2-core machine):

1. Read's Highland tribes (16 actors, 58 ties), exact: well under 1 s;
2. a seeded random signed graph G(60, 300), random signs (the hard case): 30 s;
3. :func:`graph.datasets.senate_like` with the size of the 101-actor,
   2,275-tie US Senate network of Aref, Mason & Wilson (2020): 30 s
   (published: L = 541 proven in 15 s by Gurobi on 4 threads);
4. the same generator at the size of the 97th Senate (100 actors, 2,073
   ties): 30 s (published: L = 435 in 62 s, Gurobi, 4 threads);
5. :func:`graph.datasets.trust_like`, 6,000 actors and 35,000 ties, over
   three seeds: 30 s each;
6. the heuristic alone on a random G(2000, 10000): 10 s.

Exact cases run with ``method="auto"`` and a budget (``--budget``, 120 s by
default); a case whose proof does not finish prints its lower bound and gap.
This is a script, not a test: timings depend on the machine and its load
(wall-clock and CPU time are both printed).
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.balance import frustration
from graph.datasets import highland_tribes, random_signed_graph, senate_like, trust_like


def bench(label: str, G: nx.Graph, method: str, target: float, budget: float) -> bool:
    start, start_cpu = time.perf_counter(), time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # printed below: proven or not
        result = frustration(G, method=method, time_limit=budget)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - start_cpu
    ok = elapsed <= target and (result.proven or method == "heuristic")
    status = "proven" if result.proven else f"bound {result.lower_bound}, gap {result.gap:.2%}"
    print(
        f"{label:<38} n={G.number_of_nodes():>5} m={G.number_of_edges():>6}  "
        f"{method:<9} L={result.L:>5} ({status}; {result.solver})  "
        f"wall {elapsed:7.2f} s  cpu {cpu:7.2f} s  target {target:>4g} s  "
        f"{'ok' if ok else 'MISSED'}",
        flush=True,
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=120.0, help="seconds per proof")
    budget = parser.parse_args().budget
    cases = [
        ("Highland tribes (Read 1954)", highland_tribes(), "auto", 1.0),
        ("random G(60, 300), seed 0", random_signed_graph(60, 300, seed=0), "auto", 30.0),
        ("Senate-like 101/2,275, seed 0", senate_like(101, 2275, seed=0), "auto", 30.0),
        ("Senate-like 100/2,073 (97th), seed 97", senate_like(100, 2073, seed=97), "auto", 30.0),
        *(
            (f"trust-like 6,000/35,000, seed {seed}", trust_like(seed=seed), "auto", 30.0)
            for seed in range(3)
        ),
        ("random G(2000, 10000), seed 0", random_signed_graph(2000, 10_000), "heuristic", 10.0),
    ]
    results = [bench(label, G, method, target, budget) for label, G, method, target in cases]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
