"""Names at a reader's size: how many the explorer shows, how large, and what making room costs.

For the Aleppo dataset and synthetic graphs (``synthetic.py``) of ACTORS
actors with three times as many relations, the page is opened in headless
Chromium (``/usr/bin/chromium``) on a phone (390x844, default preset), a
small projector (1024x768, classroom) and a projector (1920x1080,
classroom), and reports the names drawn out of the actors drawn, the
smallest name's size in CSS pixels, and the main thread's busy time
(Chromium's TaskDuration) for A+ -- names 1.25 times larger, so the actors
are moved apart again (``room.js``).

Run ``python benchmarks/bench_names.py [--sizes 100,300]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import CDPSession, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import graph
from benchmarks.synthetic import write_synthetic

SCREENS = (("phone", 390, 844, "default"), ("1024x768", 1024, 768, "classroom"))
SCREENS += (("1920x1080", 1920, 1080, "classroom"),)

NAMES = """() => {
  const net = explorer.network;
  const drawn = explorer.nodes.get({filter: (n) => !n.hidden});
  const named = drawn.filter((n) => !!n.label);
  const px = Math.min(...named.map((n) => net.body.nodes[n.id].labelModule.fontOptions.size));
  return [named.length, drawn.length, px * net.getScale()];
}"""


def busy(devtools: CDPSession) -> float:
    """Milliseconds the page's main thread has been busy (Chromium's TaskDuration)."""
    metrics = devtools.send("Performance.getMetrics")["metrics"]
    return next(m["value"] for m in metrics if m["name"] == "TaskDuration") * 1000


def measure(page_files: dict[str, Path]) -> list[tuple]:
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        for name, width, height, preset in SCREENS:
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            page.goto(page_files[preset].resolve().as_uri())
            page.wait_for_function("() => window.explorer !== undefined")
            page.wait_for_timeout(500)
            named, drawn, px = page.evaluate(NAMES)
            devtools = context.new_cdp_session(page)
            devtools.send("Performance.enable")
            before = busy(devtools)
            page.click("#labels-larger")
            page.evaluate("() => new Promise((done) => requestAnimationFrame(done))")
            larger = busy(devtools) - before
            named_larger, _, px_larger = page.evaluate(NAMES)
            rows.append((name, named, drawn, px, larger, named_larger, px_larger))
            context.close()
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,300", help="synthetic actor counts")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        datasets = {"Aleppo": None}
        for actors in map(int, options.sizes.split(",")):
            datasets[f"{actors} actors"] = write_synthetic(folder / str(actors), actors, 3 * actors)
        print("| data | screen | names / actors | smallest px | A+ busy ms | after A+ |")
        print("|---|---|--:|--:|--:|--:|")
        for label, data in datasets.items():
            G = graph.load(data)
            pages = {
                preset: graph.write_html(G, folder / f"{label}-{preset}.html", preset=preset)
                for preset in ("default", "classroom")
            }
            for name, named, drawn, px, larger, named_larger, px_larger in measure(pages):
                print(
                    f"| {label} | {name} | {named} / {drawn} | {px:.1f} | {larger:.0f} "
                    f"| {named_larger} at {px_larger:.1f} px |"
                )


if __name__ == "__main__":
    main()
