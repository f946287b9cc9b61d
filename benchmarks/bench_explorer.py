"""The explorer against pyvis, side by side: export time and time to a settled picture.

Run from the repository root (it takes a few minutes; pyvis is the slow part)::

    python benchmarks/bench_explorer.py

For seeded synthetic signed graphs (:mod:`synthetic`) of 100, 1,000 and
10,000 actors with three times as many relations, written as CSV files, it
measures, in one run:

- export, graph to HTML file: :func:`graph.write_html` (of which
  :func:`graph.drawing.layout.layout`) against pyvis's default path,
  ``Network(cdn_resources="in_line")`` + ``from_nx`` + ``write_html``, and
  NetworkX's ``spring_layout`` (only up to 1,000 actors unless
  ``--spring-10k``: it is quadratic per iteration);
- CSV to settled picture: reading the CSV files, exporting, and loading the
  page in headless Chromium until its node positions stay still (no node
  moves more than 0.1 px over 30 consecutive frames, see ``settle.js``),
  capped at ``--cap`` seconds.

The explorer page is self-contained. pyvis's ``in_line`` page still links
Bootstrap from cdn.jsdelivr.net, which cannot be reached offline: those two
requests are answered with empty files, and any other request is aborted
(and counted). Times are best of three up to 1,000 actors, single runs
above. This is a script, not a test: timings depend on the machine.

With ``--interactions 5881:35592`` it times instead, in the explorer of a
synthetic graph of that size, what a reader does: a filter switched off and
on, the date set from all dates to the first month, slider steps, the table
opened and closed (each until two animation frames later, when the picture
is drawn): the wall time, and how long the page's main thread was busy.
"""

from __future__ import annotations

import argparse
import copy
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx
from playwright.sync_api import Browser, Route, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from pyvis.network import Network

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from synthetic import write_synthetic  # benchmarks/, the script's own folder

import graph
from graph.drawing.layout import layout

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]
SETTLE_SCRIPT = Path(__file__).with_name("settle.js")
#: pyvis's page loads these from a CDN; they are answered with empty files.
EMPTY_CDN = "https://cdn.jsdelivr.net/npm/bootstrap@"


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The shortest wall time of ``repeat`` calls, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def export_pyvis(G: nx.MultiDiGraph, path: Path) -> float:
    """Seconds for pyvis's default export of ``G`` (on a copy: ``from_nx`` changes it)."""
    own = copy.deepcopy(G)
    start = time.perf_counter()
    net = Network(cdn_resources="in_line")
    net.from_nx(own)
    net.write_html(str(path))
    return time.perf_counter() - start


def spring_layout(G: nx.MultiDiGraph) -> None:
    """NetworkX's spring layout of the signed graph, for comparison."""
    nx.spring_layout(graph.signed_graph(G), seed=7)


def settle(browser: Browser, page_file: Path, cap: float) -> dict:
    """Load ``page_file`` in a fresh context and wait for its positions to stay still.

    Returns
    -------
    dict
        ``settled``: seconds from navigation start to the first frame of the
        still run, or None past ``cap``; ``created``: seconds until the page's
        network existed; ``moved``: seconds until the last frame in which a
        node moved, ``moving``: how far it moved then (px); ``frames``: frames
        seen; ``requests``: URLs answered empty and URLs aborted.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    requests: dict[str, list[str]] = {"empty": [], "aborted": []}

    def answer(route: Route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        elif url.startswith(EMPTY_CDN):
            requests["empty"].append(url)
            route.fulfill(status=200, body="")
        else:
            requests["aborted"].append(url)
            route.abort()

    context.route("**/*", answer)
    context.add_init_script(path=str(SETTLE_SCRIPT))
    page = context.new_page()
    try:
        page.goto(page_file.resolve().as_uri(), wait_until="commit", timeout=cap * 1000)
        page.wait_for_function(
            "() => window.__settle.settledAt !== null", timeout=cap * 1000, polling=250
        )
        settled = True
    except PlaywrightTimeout:
        settled = False
    record = page.evaluate("() => window.__settle")
    context.close()
    return {
        "settled": record["settledAt"] / 1000 if settled else None,
        "created": None if record["createdAt"] is None else record["createdAt"] / 1000,
        "moving": record["lastMove"],
        "moved": None if record["movedAt"] is None else record["movedAt"] / 1000,
        "frames": record["frames"],
        "requests": requests,
    }


#: One reader's action on the page, then two animation frames: the picture
#: drawn after it. Milliseconds, measured inside the page.
TIMED_ACTION = """async (action) => {
  const act = {
    filter: () => document.querySelector("#filter-groups input[data-group=sign]").click(),
    refilter: () => document.querySelector("#filter-groups input[data-group=sign]").click(),
    date: () => document.querySelector("#all-dates").click(),
    slider: () => {
      const slider = document.querySelector("#slider");
      slider.value = String(Math.min(Number(slider.value) + 1, Number(slider.max)));
      slider.dispatchEvent(new Event("input"));
    },
    table: () => document.querySelector("#view-toggle").click(),
    network: () => document.querySelector("#view-toggle").click(),
  }[action];
  const start = performance.now();
  act();
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return performance.now() - start;
}"""
#: The actions timed, in order: a filter off and on, the date from all dates
#: to the first month, three slider steps, the table opened and closed.
ACTIONS = ("filter", "refilter", "date", "slider", "slider", "slider", "table", "network")


def interactions(browser: Browser, page_file: Path, cap: float) -> dict:
    """Seconds to a still picture, then milliseconds each of ACTIONS takes, in one page."""
    figures = settle(browser, page_file, cap)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(page_file.resolve().as_uri(), timeout=cap * 1000)
    page.wait_for_function("() => window.explorer !== undefined", timeout=cap * 1000)
    page.wait_for_timeout(2000)  # the table is built when the page is idle
    # The main thread's busy time too (Chromium's TaskDuration): on a shared
    # machine the wall time also counts waiting for a core.
    devtools = context.new_cdp_session(page)
    devtools.send("Performance.enable")

    def busy() -> float:
        metrics = devtools.send("Performance.getMetrics")["metrics"]
        return next(m["value"] for m in metrics if m["name"] == "TaskDuration") * 1000

    figures["actions"] = []
    for action in ACTIONS:
        before = busy()
        wall = page.evaluate(TIMED_ACTION, action)
        figures["actions"].append((action, wall, busy() - before))
    context.close()
    return figures


def report_interactions(name: str, figures: dict) -> None:
    still = figures["settled"]
    print(f"{name}: still picture at {'>cap' if still is None else f'{still:.2f} s'}")
    print(f"  {'action':>9} {'wall ms':>8} {'busy ms':>8}")
    for action, wall, busy in figures["actions"]:
        print(f"  {action:>9} {wall:8.0f} {busy:8.0f}")


def measure(browser: Browser, actors: int, folder: Path, *, cap: float, spring: bool) -> dict:
    """Every figure for one synthetic graph of ``actors`` actors."""
    data = write_synthetic(folder / f"data-{actors}", actors, 3 * actors, seed=0)
    repeat = 3 if actors <= 1000 else 1
    ours_page, pyvis_page = folder / f"explorer-{actors}.html", folder / f"pyvis-{actors}.html"
    G = graph.load(data)
    figures = {
        "actors": actors,
        "relations": G.number_of_edges(),
        "load": best_of(repeat, lambda: graph.load(data)),
        "layout": best_of(repeat, lambda: layout(G)),
        "ours": best_of(repeat, lambda: graph.write_html(G, ours_page)),
        "pyvis": min(export_pyvis(G, pyvis_page) for _ in range(repeat)),
        "spring": best_of(1, lambda: spring_layout(G)) if spring else None,
    }
    figures["ours page"] = settle(browser, ours_page, cap)
    figures["pyvis page"] = settle(browser, pyvis_page, cap)
    return figures


def report(rows: list[dict], cap: float) -> None:
    print("\nExport, graph to HTML file (seconds)")
    print(
        f"{'actors':>7} {'relations':>9} {'layout':>7} {'ours':>7} {'pyvis':>8} "
        f"{'pyvis/ours':>10} {'nx spring_layout':>17}"
    )
    for row in rows:
        spring = "skipped" if row["spring"] is None else f"{row['spring']:.2f}"
        print(
            f"{row['actors']:>7} {row['relations']:>9} {row['layout']:>7.2f} "
            f"{row['ours']:>7.2f} {row['pyvis']:>8.2f} {row['pyvis'] / row['ours']:>9.1f}x "
            f"{spring:>17}"
        )
    print(
        "\nCSV to settled picture in headless Chromium (seconds): "
        "read CSV + export + page load until still; '>' marks a page still moving at the cap"
    )
    print(
        f"{'actors':>7} {'ours page':>9} {'ours total':>10} {'pyvis page':>10} "
        f"{'pyvis total':>11} {'pyvis/ours':>10}"
    )
    for row in rows:
        ours = _until_still(row["ours page"], row["load"] + row["ours"], cap)
        pyvis = _until_still(row["pyvis page"], row["load"] + row["pyvis"], cap)
        bound = {("", ""): "", (">", ""): "<", ("", ">"): ">"}.get((ours["still"], pyvis["still"]))
        ratio = "n/a" if bound is None else f"{bound}{pyvis['seconds'] / ours['seconds']:.1f}x"
        print(
            f"{row['actors']:>7} {ours['page']:>9} {ours['total']:>10} {pyvis['page']:>10} "
            f"{pyvis['total']:>11} {ratio:>10}"
        )
    print()
    for row in rows:
        for name in ("ours page", "pyvis page"):
            page = row[name]
            if page["settled"] is None:
                print(
                    f"{row['actors']} actors, {name}: still moving at {page['moved']:.1f} s, "
                    f"up to {page['moving']:.0f} px in that frame ({page['frames']} frames)"
                )
            for kind in ("empty", "aborted"):
                if page["requests"][kind]:
                    print(
                        f"{row['actors']} actors, {name}: {len(page['requests'][kind])} "
                        f"request(s) {'answered empty' if kind == 'empty' else 'aborted'}: "
                        + ", ".join(sorted(set(page["requests"][kind])))
                    )


def _until_still(page: dict, export: float, cap: float) -> dict:
    """Page and total (export + page) seconds as text; past the cap, a lower bound."""
    still = "" if page["settled"] is not None else ">"
    page_seconds = cap if still else page["settled"]
    return {
        "still": still,
        "seconds": export + page_seconds,
        "page": f"{still}{page_seconds:.2f}",
        "total": f"{still}{export + page_seconds:.2f}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="actor counts, comma-separated")
    parser.add_argument("--cap", type=float, default=120.0, help="seconds to wait for a page")
    parser.add_argument("--spring-10k", action="store_true", help="also time spring_layout >1k")
    parser.add_argument("--keep", type=Path, help="keep the CSV and HTML files in this folder")
    parser.add_argument(
        "--interactions",
        metavar="ACTORS:RELATIONS,...",
        help="instead: for synthetic graphs of these sizes, time a filter click, slider "
        "steps and the table opening in the explorer (pyvis is not run)",
    )
    options = parser.parse_args()
    if options.interactions:
        main_interactions(options)
        return
    sizes = [int(size) for size in options.sizes.split(",")]
    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        folder = options.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        rows = []
        for actors in sizes:
            print(f"{actors} actors ...", flush=True)
            spring = actors <= 1000 or options.spring_10k
            rows.append(measure(browser, actors, folder, cap=options.cap, spring=spring))
        browser.close()
    print(
        "pyvis baseline: Network(cdn_resources='in_line') + from_nx + write_html; "
        f"requests to {EMPTY_CDN}* (Bootstrap) answered empty, any other aborted."
    )
    report(rows, options.cap)


def main_interactions(options: argparse.Namespace) -> None:
    """Time a reader's actions on explorers of the sizes asked for."""
    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        folder = options.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size in options.interactions.split(","):
            actors, relations = (int(part) for part in size.split(":"))
            data = write_synthetic(folder / f"data-{actors}-{relations}", actors, relations, seed=0)
            page_file = folder / f"explorer-{actors}-{relations}.html"
            start = time.perf_counter()
            graph.write_html(graph.load(data), page_file)
            export = time.perf_counter() - start
            name = f"{actors} actors, {relations} relations (CSV to page {export:.1f} s)"
            report_interactions(name, interactions(browser, page_file, options.cap))
        browser.close()


if __name__ == "__main__":
    main()
