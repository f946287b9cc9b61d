"""Networks of real size in headless Chromium: the compressed scene (issue 21).

Small synthetic data stand in for the large ones (a few hundred actors at
most, so the tests stay fast); the bounds that decide when the page packs its
scene are lowered, so the rule is tested, not the numbers.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from chromium import Visit

import graph
import graph.outputs.explorer.render as render_module
from graph.outputs.explorer.payload import page_payload


def embedded(page: Path) -> tuple[str, str]:
    """The page's data-encoding ("" when plain) and the scene's text as carried."""
    match = re.search(
        r'<script type="application/(?:json|octet-stream)" id="graph-data"'
        r'(?: data-encoding="([^"]*)")?>(.*?)</script>',
        page.read_text(encoding="utf-8"),
        re.S,
    )
    assert match
    return match[1] or "", match[2]


def test_a_large_scene_is_compressed_and_the_page_unpacks_it(
    open_page: Callable[..., Visit],
    G: nx.MultiDiGraph,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plain = graph.write_html(G, tmp_path / "plain.html")
    assert embedded(plain)[0] == ""  # the bundled data stay readable JSON
    monkeypatch.setattr(render_module, "PACKED_FROM", 1000)
    packed = graph.write_html(G, tmp_path / "packed.html")
    encoding, text = embedded(packed)
    assert encoding == "gzip base64"
    scene = json.loads(gzip.decompress(base64.b64decode(text)))
    assert scene == json.loads(json.dumps(page_payload(G)))
    assert packed.stat().st_size < plain.stat().st_size
    again = graph.write_html(G, tmp_path / "again.html")
    assert again.read_bytes() == packed.read_bytes()  # deterministic: fixed level and mtime
    visit = open_page(packed)
    assert visit.js("() => explorer.data") == scene
    same = open_page(plain)
    assert visit.js("() => explorer.litActors().sort()") == same.js(
        "() => explorer.litActors().sort()"
    )
    visit.page.fill("#search", "Russia")
    visit.page.press("#search", "Enter")
    visit.wait_until("() => !document.getElementById('panel').hidden")
    assert visit.text("#panel-name") == "Russia"
