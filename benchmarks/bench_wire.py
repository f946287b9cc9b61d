"""The scene's wire form (issue 21): bytes carried and the browser's decode and parse time.

Run from the repository root (a few minutes: the large scenes take a while to build)::

    python benchmarks/bench_wire.py                       # aleppo,trust,election,200k
    python benchmarks/bench_wire.py --sizes trust --runs 9

For each network of :mod:`bench_scale` the scene is built once
(:func:`graph.outputs.explorer.payload.page_payload`) and carried both ways a
large page could carry it: as before, one JSON object per actor and relation,
gzip-compressed and base64-encoded ("objects"), and as columns
(:mod:`graph.outputs.explorer.wire`, "columns-v1 gzip base64"). It prints the
plain JSON's size, each form's size as carried, and, in headless Chromium,
the median milliseconds (of ``--runs``, taken in turn) from the carried text
to the scene's objects: for "objects", base64, DecompressionStream and
``JSON.parse`` as the page did before; for "columns", the page's own
``decode.js`` (``embeddedScene``), which also rebuilds the objects. Nothing
is asserted.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import os
import statistics
import sys
import tempfile
from importlib import resources
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_scale import CHROMIUM, CHROMIUM_ARGS, dataset  # benchmarks/, the script's own folder

import graph
from graph.outputs.explorer.payload import page_payload
from graph.outputs.explorer.wire import ENCODING, columnar_scene

#: The page before columns: the scene's text unpacked, then parsed whole.
HARNESS = """
function objectsScene(element) {
  const binary = atob(element.textContent);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text().then((text) => JSON.parse(text));
}
window.timeBoth = async (runs) => {
  const times = { objects: [], columns: [] };
  const decoders = { objects: objectsScene, columns: embeddedScene };
  let edges = null;
  for (let run = 0; run < runs; run += 1) {
    for (const form of ["objects", "columns"]) {
      const start = performance.now();
      const scene = await decoders[form](document.getElementById(form));
      times[form].push(performance.now() - start);
      edges = scene.edges.length;
    }
  }
  return { times, edges };
};
"""


def carried(scene: object) -> str:
    """gzip (level 9, zero timestamp, as the page) then base64 of a scene's JSON."""
    text = json.dumps(scene, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return base64.b64encode(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)).decode()


def measure(name: str, folder: Path, runs: int, browser: object) -> None:
    data, _ = dataset(name, folder)
    payload = page_payload(graph.load() if data is None else graph.load(data))
    plain = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    objects, columns = carried(payload), carried(columnar_scene(payload))
    decode = (resources.files("graph.outputs.explorer") / "assets" / "decode.js").read_text()
    page_file = folder / f"wire-{name}.html"
    page_file.write_text(
        "<!doctype html><meta charset=utf-8><body>"
        f'<script type="application/octet-stream" id="objects">{objects}</script>'
        f'<script type="application/octet-stream" id="columns" data-encoding="{ENCODING}">'
        f"{columns}</script><script>{decode}\n{HARNESS}</script>",
        encoding="utf-8",
    )
    page = browser.new_page()
    page.goto(page_file.as_uri())
    result = page.evaluate("(runs) => window.timeBoth(runs)", runs)
    page.close()
    assert result["edges"] == len(payload["edges"])
    ms = {form: statistics.median(times) for form, times in result["times"].items()}
    print(
        f"{name}: {len(payload['nodes']):,} actors / {len(payload['edges']):,} relations; "
        f"plain JSON {len(plain.encode()) / 1e6:.2f} MB; carried: objects "
        f"{len(objects) / 1e6:.2f} MB, columns {len(columns) / 1e6:.2f} MB; decode and parse "
        f"(median of {runs}): objects {ms['objects']:.0f} ms, columns {ms['columns']:.0f} ms "
        f"(load average {os.getloadavg()[0]:.1f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="aleppo,trust,election,200k")
    parser.add_argument("--runs", type=int, default=5, help="timings of each form, in turn")
    parser.add_argument("--keep", type=Path, help="keep the data and pages in this folder")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        folder = options.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name in options.sizes.split(","):
            measure(name, folder, options.runs, browser)
        browser.close()


if __name__ == "__main__":
    main()
