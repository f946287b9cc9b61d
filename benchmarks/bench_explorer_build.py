"""Seconds to build the Aleppo explorer page, and what the explorer's modes add.

Issue 12 asks for the Aleppo page build to stay within 1 s. Printed: the
median of 5 runs of ``alliance-graph build`` in a fresh process (wall and
CPU, imports included), and, in this process once warm, the page
(:func:`graph.outputs.explorer.render.render_html`), the scene without the modes, and the
modes' part of it (balance month by month and the what-ifs, predictions,
quiz, glossary: ``graph.outputs.explorer.payload``).

    python benchmarks/bench_explorer_build.py
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import graph
from graph.drawing.scene import scene
from graph.outputs.explorer.payload import page_payload
from graph.outputs.explorer.render import render_html

RUNS = 5


def best(run: Callable[[], object]) -> str:
    """Best wall and CPU seconds of a few runs (a busy machine stretches the wall time)."""
    walls, cpus = [], []
    for _ in range(RUNS):
        start, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return f"{min(walls):.3f} s wall, {min(cpus):.3f} s CPU"


def command(out: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one `alliance-graph build` (children's CPU)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [str(Path(sys.executable).parent / "alliance-graph"), "build", "-o", str(out)],
        check=True,
        capture_output=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    print(f"load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as folder:
        runs = [command(Path(folder) / "aleppo.html") for _ in range(RUNS)]
    wall = statistics.median(w for w, _ in runs)
    cpu = statistics.median(c for _, c in runs)
    print(f"alliance-graph build (fresh process): {wall:.2f} s wall, {cpu:.2f} s CPU")
    G = graph.load()
    render_html(G)  # warm: imports, caches
    print(f"render_html (warm, best of {RUNS}): {best(lambda: render_html(G))}")
    print(f"  scene without the modes: {best(lambda: scene(G))}")
    print(
        "  scene with the modes (balance, predictions, quiz, glossary): "
        f"{best(lambda: page_payload(G))}"
    )


if __name__ == "__main__":
    main()
