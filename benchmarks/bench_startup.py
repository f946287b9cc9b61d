"""Start-up cost of the command line: whole process, from exec to exit.

Run from the repository root with the project's Python::

    .venv/bin/python benchmarks/bench_startup.py
    .venv/bin/python benchmarks/bench_startup.py --runs 9 --importtime

Each command is run ``--runs`` times (5 by default) as a separate process
through the ``alliance-graph`` script installed next to this Python; the
table gives the median wall-clock and CPU (user + system) seconds and the
target. On a busy machine wall-clock time stretches and CPU time does not, so
the load average and the share of a core a busy loop gets are printed too.
The commands use the bundled Battle of Aleppo data and write into a
temporary folder. ``--importtime`` also prints the third-party packages
slowest to import for each command (``python -X importtime``), which is where
start-up time goes.

Compiled bytecode is cached as for an installed package (its ``.pyc``
files): the commands run with ``PYTHONPYCACHEPREFIX`` set to a temporary
folder, after one run that fills it, even where ``PYTHONDONTWRITEBYTECODE``
is set. ``--no-bytecode-cache`` compiles every module of the project on every
run instead (about 0.05 s more), as a shell with ``PYTHONDONTWRITEBYTECODE``
does for an editable install.

This is a script, not a test: timings depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: name -> (arguments, target in seconds)
COMMANDS = {
    "--help": (["--help"], 0.2),
    "validate": (["validate"], 0.6),
    "build -o x.html": (["build", "-o", "x.html"], 1.0),
}


#: Packages worth watching: what the project depends on and what they pull in.
THIRD_PARTY = {
    "click",
    "jinja2",
    "markupsafe",
    "matplotlib",
    "networkx",
    "numpy",
    "pandas",
    "pyvis",
    "scipy",
    "IPython",
    "PIL",
    "dateutil",
    "pytz",
    "jsonschema",
}


def run(command: list[str], cwd: str, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def slowest_imports(arguments: list[str], cwd: str, count: int = 8) -> list[tuple[int, str]]:
    """The ``count`` third-party packages slowest to import (cumulative µs) for a command."""
    code = "import sys; from graph.cli import main; main(sys.argv[1:], prog_name='alliance-graph')"
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code, *arguments],
        cwd=cwd,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    rows = []
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|\s*(\S+)", line)
        if match and "." not in match.group(2) and match.group(2) in THIRD_PARTY:
            rows.append((int(match.group(1)), match.group(2)))
    return sorted(rows, reverse=True)[:count]


def cpu_share(seconds: float = 0.5) -> float:
    """The share of one core this process gets: CPU time over wall time of a busy loop."""
    start, cpu = time.perf_counter(), time.process_time()
    while time.process_time() - cpu < seconds:
        pass
    return (time.process_time() - cpu) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per command (default 5)")
    parser.add_argument("--importtime", action="store_true", help="show the slowest imports")
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="compile the project's modules on every run (PYTHONDONTWRITEBYTECODE)",
    )
    options = parser.parse_args()
    script = Path(sys.executable).parent / "alliance-graph"
    if not script.exists():
        sys.exit(f"{script} not found: install the project first (make install)")
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{options.runs} runs each, {script}, {os.cpu_count()} CPUs, load average {load}")
    print(f"a busy loop gets {cpu_share():.0%} of a core (100 % on an idle machine)")
    with tempfile.TemporaryDirectory() as scratch, tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        if not options.no_bytecode_cache:
            env = dict(os.environ, PYTHONPYCACHEPREFIX=cache)
            env.pop("PYTHONDONTWRITEBYTECODE", None)
        print("bytecode:", "compiled every run" if options.no_bytecode_cache else "cached")
        print(f"| {'command':<34} | median wall s | median CPU s | target s |")
        print(f"|{'-' * 36}|-------------:|-------------:|---------:|")
        for name, (arguments, target) in COMMANDS.items():
            if not options.no_bytecode_cache:
                run([str(script), *arguments], scratch, env)  # fills the bytecode cache
            runs = [run([str(script), *arguments], scratch, env) for _ in range(options.runs)]
            wall = statistics.median(w for w, _ in runs)
            cpu = statistics.median(c for _, c in runs)
            verdict = "" if wall <= target else "  (missed)"
            label = f"`alliance-graph {name}`"
            print(f"| {label:<34} | {wall:>12.2f} | {cpu:>12.2f} | {target:>8.1f} |{verdict}")
        if options.importtime:
            for name, (arguments, _) in COMMANDS.items():
                print(f"\nslowest imports of `alliance-graph {name}` (cumulative ms):")
                for micros, module in slowest_imports(arguments, scratch):
                    print(f"  {micros / 1000:8.1f}  {module}")


if __name__ == "__main__":
    main()
