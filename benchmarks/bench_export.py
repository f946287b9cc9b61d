"""Timings of the exports (:mod:`graph.outputs.export`) and figures (:mod:`graph.outputs.figure`).

Run from the repository root::

    python benchmarks/bench_export.py

For the Battle of Aleppo data and two synthetic datasets written by
``benchmarks/synthetic.py`` (200 actors and 1,000 relations; 1,000 actors and
5,000 relations), it prints the seconds each writer takes, best of three.
GEXF and the figures draw the explorer's picture, so they include computing
its payload (the layout above all), timed on its own in the first column.

This is a script, not a test: timings depend on the machine.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_synthetic

import graph
from graph.drawing.scene import scene
from graph.outputs.export import write_csv, write_gexf, write_graphml, write_json
from graph.outputs.figure import draw

WRITERS = {
    "payload": lambda G, folder: scene(G),
    "gexf": lambda G, folder: write_gexf(G, folder / "g.gexf"),
    "graphml": lambda G, folder: write_graphml(G, folder / "g.graphml"),
    "json": lambda G, folder: write_json(G, folder / "g.json"),
    "csv": lambda G, folder: write_csv(G, folder / "csv"),
    "png": lambda G, folder: draw(G, folder / "g.png"),
    "svg": lambda G, folder: draw(G, folder / "g.svg"),
    "pdf": lambda G, folder: draw(G, folder / "g.pdf"),
}


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        datasets = {"Aleppo (20 actors, 32 relations)": graph.load()}
        for actors, relations in ((200, 1_000), (1_000, 5_000)):
            data = write_synthetic(folder / f"synthetic-{actors}", actors, relations)
            datasets[f"synthetic ({actors} actors, {relations} relations)"] = graph.load(data)
        print(f"{'dataset':<42}" + "".join(f"{name:>9}" for name in WRITERS))
        for name, G in datasets.items():
            seconds = [best_of(3, lambda w=w, G=G: w(G, folder)) for w in WRITERS.values()]
            print(f"{name:<42}" + "".join(f"{s:>9.2f}" for s in seconds), flush=True)


if __name__ == "__main__":
    main()
