"""Timings of the exact generalised-balance partition (k >= 3 groups), ties against time.

Run from the repository root::

    python benchmarks/bench_partition.py               # every size, a few minutes
    python benchmarks/bench_partition.py --budget 300
    python benchmarks/bench_partition.py --degree 16    # denser: 16 ties per actor
    python benchmarks/bench_partition.py --k none       # k chosen by the data

Cases: :func:`graph.datasets.planted_groups` (3 hidden groups, 5 % of the
signs against them, ``--degree`` ties per actor on average, 8 by default)
at 300, 1,000, 2,000 and 4,000 ties, partitioned by :func:`graph.balance.partition` with ``k=3`` and
``method="exact"`` (target: proven within the budget, 120 s by default), or
with ``k=None`` (``--k none``: the best partition into any number of groups,
with the fewest groups that attain it), and one random-sign G(40, 150) (no
hidden groups: the hard case).  Each line gives the criterion, the lower
bound, whether it is proven, the groups used, and wall and CPU time.  This
is a script, not a test: timings depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.balance import partition, verify_partition
from graph.datasets import planted_groups, random_signed_graph


def bench(label: str, G: nx.Graph, k: int | None, budget: float) -> None:
    start, start_cpu = time.perf_counter(), time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # printed below: proven or not
        result = partition(G, k, method="exact", time_limit=budget)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    verify_partition(G, result)
    print(
        f"{label:<34} {G.number_of_edges():>6} ties  P = {result.criterion:<7g} "
        f"bound {result.lower_bound:<9.6g} proven {result.proven!s:<5} groups {result.groups:<2} "
        f"{elapsed:7.2f} s wall {cpu:7.2f} s CPU",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=120.0, help="seconds per case")
    parser.add_argument("--degree", type=int, default=8, help="mean ties per actor")
    parser.add_argument("--k", default="3", help="most groups, or 'none' to let the data choose")
    args = parser.parse_args()
    k = None if args.k == "none" else int(args.k)
    print(f"load average {os.getloadavg()[0]:.1f}")
    for ties in (300, 1000, 2000, 4000):
        actors = 2 * ties // args.degree
        G = planted_groups(actors, ties, 3, noise=0.05, seed=0)
        bench(f"planted_groups({actors}, {ties}, 3)", G, k, args.budget)
    bench("random_signed_graph(40, 150)", random_signed_graph(40, 150, seed=1), k, args.budget)
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
