"""Timings of reading and validating a dataset folder (:func:`graph.validate`).

Run from the repository root::

    python benchmarks/bench_validate.py

For a synthetic dataset written by ``benchmarks/synthetic.py`` (10,000 actors
and 100,000 relations), the same folder with 10,000 relations naming unknown
actors (each needs a "did you mean" hint against 10,000 ids), one with 100,000
dates written day-month-year, and an actors file with a 30,000-column header,
it prints the seconds :func:`graph.validate` takes, best of three, wall clock
and CPU time of the process (which a machine busy with other work changes
less), and how many lines the report has.

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


def unknown_actors(folder: Path) -> None:
    """10,000 relations whose actors are misspelt (``actr_N`` for ``actor_N``-like ids)."""
    relations = (folder / "relations.csv").read_text(encoding="utf-8").splitlines()
    ids = list(graph.read_actors(folder / "actors.csv").index)
    rows = [
        f"{ids[n][:-1]}x,{ids[(n + 1) % len(ids)]},fights,2015,,confirmed" for n in range(10_000)
    ]
    text = "\n".join([relations[0].split(",evidence")[0], *rows]) + "\n"
    (folder / "relations.csv").write_text(text, encoding="utf-8")


def day_first_dates(folder: Path) -> None:
    """Every start date written DD-MM-YYYY."""
    lines = (folder / "relations.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    start = header.index("start")
    fixed = [lines[0]]
    for number, line in enumerate(lines[1:]):
        cells = line.split(",")
        cells[start] = f"{number % 16 + 13}-03-2015"
        fixed.append(",".join(cells))
    (folder / "relations.csv").write_text("\n".join(fixed) + "\n", encoding="utf-8")


def wide_header(folder: Path) -> None:
    """An actors file with 30,000 extra columns."""
    ids = list(graph.read_actors(folder / "actors.csv").index)[:100]
    header = "id," + ",".join(f"c{n}" for n in range(30_000))
    rows = [f"{actor}" + ",v" * 30_000 for actor in ids]
    (folder / "actors.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    (folder / "relations.csv").write_text(
        f"source,target,type\n{ids[0]},{ids[1]},fights\n", encoding="utf-8"
    )


CASES = {
    "valid, 10,000 actors, 100,000 relations": None,
    "10,000 unknown actors": unknown_actors,
    "100,000 day-month-year dates": day_first_dates,
    "30,000-column header": wide_header,
}


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        for name, change in CASES.items():
            folder = Path(temporary) / name.split(",")[0].replace(" ", "-")
            write_synthetic(folder, 10_000, 100_000, seed=0)
            if change is not None:
                change(folder)
            wall = cpu = float("inf")
            lines = 0
            for _ in range(3):
                start, start_cpu = time.perf_counter(), time.process_time()
                try:
                    graph.validate(folder)
                    lines = 1
                except graph.DataError as error:
                    lines = len(str(error).splitlines())
                wall = min(wall, time.perf_counter() - start)
                cpu = min(cpu, time.process_time() - start_cpu)
            print(f"{name:42} {wall:6.2f} s wall {cpu:6.2f} s CPU {lines:3} report lines")


if __name__ == "__main__":
    main()
