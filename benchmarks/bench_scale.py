"""Networks of real size (issue 21): build, page size, and a reader's first seconds.

Run from the repository root (several minutes; the large pages are slow)::

    python benchmarks/bench_scale.py                      # every size
    python benchmarks/bench_scale.py --sizes trust,dated --cap 60 --keep /tmp/scale
    python benchmarks/bench_scale.py --sizes trust --screenshots test-artifacts

For each dataset, written by :mod:`synthetic` into a folder:

- ``aleppo``: the bundled 20-actor data;
- ``dated``: 200 states, 5,000 relations over two centuries, 10 to 200
  active a year (:func:`synthetic.write_dated_dataset`), no camps;
- ``trust``: :func:`graph.datasets.trust_like` at 5,881 actors / 35,592
  ties, no camps;
- ``election``: :func:`synthetic.voting_like` at 7,115 / 100,693, no camps;
- ``200k``: :func:`synthetic.write_synthetic` at 5,881 / 200,000;

it times ``alliance-graph build`` and ``alliance-graph quiz`` in a fresh
process (``/usr/bin/time``: wall and CPU seconds, peak memory), the page's
size, how many months of the page have a Balance view, and in headless
Chromium at 1366 x 768: seconds to a still picture (``settle.js``), a search
(name typed, Enter) until the actor panel shows it, and a slider step,
each until two animation frames later, with Chrome's own count of the main
thread's busy time (TaskDuration). Past ``--cap`` seconds a page counts as
never opened. ``--screenshots`` saves the group view, the searched actor,
the largest group asked to open and the largest group that opens. Targets
are those of issue 21; nothing is asserted.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from synthetic import (  # benchmarks/, the script's own folder
    voting_like,
    write_dated_dataset,
    write_signed_dataset,
    write_synthetic,
)

from graph.datasets import trust_like

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]
SETTLE_SCRIPT = Path(__file__).with_name("settle.js")
COMMAND = str(Path(sys.executable).parent / "alliance-graph")
SIZES = ("aleppo", "dated", "trust", "election", "200k")

#: A search typed and chosen with Enter, until the actor panel names the actor.
SEARCH = """async (name) => {
  const input = document.querySelector("#search");
  const start = performance.now();
  input.value = name;
  input.dispatchEvent(new Event("input"));
  input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
  while (document.querySelector("#panel").hidden ||
         document.querySelector("#panel-name").textContent !== name) {
    await new Promise((done) => setTimeout(done, 5));
    if (performance.now() - start > 30000) return -1;
  }
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return performance.now() - start;
}"""
#: One step of the time slider (from the first month), until drawn.
#: Leave "all dates" for the slider's first month (not timed).
ONE_MONTH = """async () => {
  const all = document.querySelector("#all-dates");
  if (all.checked) all.click();
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""
SLIDER_STEP = """async () => {
  const slider = document.querySelector("#slider");
  const start = performance.now();
  slider.value = String(Math.min(Number(slider.value) + 1, Number(slider.max)));
  slider.dispatchEvent(new Event("input"));
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return performance.now() - start;
}"""


def dataset(name: str, folder: Path) -> tuple[Path | None, str]:
    """The data folder for ``name`` (None: the bundled data) and a name to search for."""
    target = folder / f"data-{name}"
    if name == "aleppo":
        return None, "Free Syrian Army"
    if name == "dated":
        return write_dated_dataset(target, 5000), "State 7"
    if name == "trust":
        return write_signed_dataset(target, trust_like(5881, 35592), camps=False), "Actor 17"
    if name == "election":
        return write_signed_dataset(target, voting_like(7115, 100693), camps=False), "Actor 17"
    if name == "200k":
        return write_synthetic(target, 5881, 200_000), "Actor 17"
    raise ValueError(f"unknown size {name!r}: use {', '.join(SIZES)}")


def timed(arguments: list[str], timeout: float) -> dict:
    """Wall, CPU seconds and peak memory (MB) of one command, or its failure."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        command = ["/usr/bin/time", "-o", out.name, "-f", "%e %U %S %M", COMMAND, *arguments]
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"failed": f">{timeout:.0f} s"}
        if run.returncode:
            return {"failed": run.stderr.strip().splitlines()[-1][:120]}
        wall, user, system, peak = out.read().split()[-4:]
    return {
        "wall": float(wall),
        "cpu": float(user) + float(system),
        "mb": int(peak) / 1024,
        "stderr": run.stderr.strip(),
    }


def page_data(page: Path) -> dict:
    """The payload a page embeds, unpacked if compressed (its nodes and edges then as columns)."""
    text = page.read_text(encoding="utf-8")
    packed = re.search(r'id="graph-data" data-encoding="[^"]*gzip base64">([^<]*)<', text)
    if packed:
        return json.loads(gzip.decompress(base64.b64decode(packed.group(1))))
    plain = re.search(r'id="graph-data">(.*?)</script>', text, re.S)
    return json.loads(plain.group(1)) if plain else {}


#: Open the group view's largest group (past the draw budget the page says
#: what it would draw instead: the note is returned), or, with ``fits``, the
#: largest one it opens (its button's text is returned).
OPEN_GROUP = """async (fits) => {
  const all = document.querySelector("#all-dates");
  if (!all.checked) all.click();
  const frames = () =>
    new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const count = (b) => Number(b.textContent.match(/\\((\\d+)\\)$/)[1]);
  const openers = () => [...document.querySelectorAll("#group-open button")]
    .filter((b) => b.textContent.startsWith("Open ") && !b.disabled)
    .sort((a, b) => count(b) - count(a));
  for (const opener of openers()) {
    const text = opener.textContent;
    opener.click();
    await frames();
    const note = document.querySelector("#group-budget");
    if (!fits) return note ? note.textContent : text;
    if (!note) return text;
  }
  return "";
}"""


def in_browser(
    browser: Browser, page_file: Path, search: str, cap: float, shots: Path | None = None
) -> dict:
    """Seconds to a still picture, then a search and a slider step (ms), in one page.

    With ``shots``, screenshots of the group view, the searched actor and an
    opened group are written there (``scale-<page>-groups.png`` and so on).
    """

    def shoot(what: str) -> None:
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shots / f"scale-{page_file.stem}-{what}.png"))

    context = browser.new_context(viewport={"width": 1366, "height": 768})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.add_init_script(path=str(SETTLE_SCRIPT))
    page = context.new_page()
    # Chrome's own count of the main thread's busy seconds: steadier than
    # wall time on a loaded machine (it leaves out waiting for a core).
    devtools = context.new_cdp_session(page)
    devtools.send("Performance.enable")

    def busy() -> float:
        metrics = devtools.send("Performance.getMetrics")["metrics"]
        return next(m["value"] for m in metrics if m["name"] == "TaskDuration")

    figures: dict = {"still": None, "search": None, "slider": None}
    try:
        page.goto(page_file.resolve().as_uri(), wait_until="commit", timeout=cap * 1000)
        page.wait_for_function(
            "() => window.__settle.settledAt !== null", timeout=cap * 1000, polling=250
        )
        figures["still"] = page.evaluate("() => window.__settle.settledAt") / 1000
        figures["still busy"] = busy()
        shoot("groups")
        figures["search"] = page.evaluate(SEARCH, search)
        figures["search busy"] = busy() - figures["still busy"]
        page.wait_for_timeout(300)  # names chosen again once the zoom is still
        shoot("searched")
        page.evaluate(ONE_MONTH)
        before = busy()
        figures["slider"] = page.evaluate(SLIDER_STEP)
        figures["slider busy"] = busy() - before
        if shots is not None:
            page.keyboard.press("Escape")
            figures["largest group"] = page.evaluate(OPEN_GROUP, False)
            shoot("open-largest")
            figures["group opened"] = page.evaluate(OPEN_GROUP, True)
            page.wait_for_timeout(300)
            shoot("opened")
    except PlaywrightTimeout:
        pass
    figures["requests"] = [url for url in requests if not url.startswith(("file:", "data:"))]
    context.close()
    return figures


def measure(
    browser: Browser, name: str, folder: Path, cap: float, shots: Path | None = None
) -> dict:
    data, search = dataset(name, folder)
    where = [] if data is None else [str(data)]
    page = folder / f"{name}.html"
    figures = {"name": name, "build": timed(["build", *where, "-o", str(page)], 10 * cap)}
    figures["quiz"] = timed(["quiz", *where, "-o", str(folder / f"{name}-quiz.csv")], 10 * cap)
    if not page.exists():
        return figures
    figures["mb"] = page.stat().st_size / 1e6
    payload = page_data(page)
    months = (payload.get("balance") or {}).get("months", [])
    figures["balance months"] = (
        f"{sum(1 for m in months if m.get('groups') is not None)} of {len(payload['months'])}"
    )
    figures.update(in_browser(browser, page, search, cap, shots))
    return figures


def busy(row: dict, action: str) -> str:
    """The main thread's busy time for an action (TaskDuration), if measured."""
    seconds = row.get(action + " busy")
    return "" if seconds is None else f" ({seconds * 1000:.0f} ms main-thread tasks)"


def show(row: dict) -> None:
    def run(figures: dict) -> str:
        if "failed" in figures:
            return f"failed: {figures['failed']}"
        return f"{figures['wall']:.1f} s wall, {figures['cpu']:.1f} s CPU, {figures['mb']:.0f} MB"

    print(f"{row['name']}:")
    print(f"  build: {run(row['build'])}")
    if row["build"].get("stderr"):
        print("    says: " + row["build"]["stderr"].replace("\n", "\n    says: "))
    print(f"  quiz: {run(row['quiz'])}")
    if "mb" not in row:
        return
    print(f"  page: {row['mb']:.1f} MB, balance for {row['balance months']} months")
    still = "never (cap)" if row["still"] is None else f"{row['still']:.2f} s"
    print(f"  still picture: {still}" + busy(row, "still"))
    for action in ("search", "slider"):
        if row[action] is not None:
            print(f"  {action}: {row[action]:.0f} ms" + busy(row, action))
    print(f"  requests: {len(row['requests'])} {row['requests'][:3]}")
    if row.get("largest group"):
        print(f"  opening the largest group: {row['largest group']}")
        print(f"  the largest group that opens: {row['group opened']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(SIZES), help="of " + ",".join(SIZES))
    parser.add_argument("--cap", type=float, default=120.0, help="seconds to wait for a page")
    parser.add_argument("--keep", type=Path, help="keep the data and pages in this folder")
    parser.add_argument("--screenshots", type=Path, help="write screenshots to this folder")
    options = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} at start")
    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        folder = options.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name in options.sizes.split(","):
            start = time.perf_counter()
            show(measure(browser, name, folder, options.cap, options.screenshots))
            print(f"  ({time.perf_counter() - start:.0f} s, load average {os.getloadavg()[0]:.1f})")
        browser.close()


if __name__ == "__main__":
    main()
