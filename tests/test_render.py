"""The explorer page without a browser: escaping, determinism, offline, presets, its script."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import jinja2.meta
import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

import graph
import graph.outputs.explorer.render as render_module
from graph.cli import main
from graph.outputs.explorer.payload import page_payload
from graph.outputs.explorer.render import app_script, render_html, write_html
from graph.tables.read import DATA_DIR

PACKAGE = Path(graph.__file__).parent
PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    '"><script>alert(1)</script>',
    "</script><script>alert(1)</script>",
    "javascript:alert(1)",
    "<a href=x>href</a>",
)
EVIL = " ".join(PAYLOADS)


def embedded_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)
    assert match
    return json.loads(match[1])


def text_graph(text: str) -> nx.MultiDiGraph:
    """A graph with ``text`` in every text attribute."""
    G = nx.MultiDiGraph(title=f"Title {text}")
    G.graph["relation_types"] = {"hits": {"label": f"label {text}", "sign": -1}}
    for node in ("a", "b"):
        G.add_node(
            node,
            name=f"name-{node} {text}",
            kind=f"kind {text}",
            camp=f"camp-{node} {text}",
            aliases=[f"alias {text}"],
            description=f"description {text}",
        )
    G.add_edge(
        "a",
        "b",
        key=2,
        type="hits",
        sign=-1,
        start="2016",
        end=None,
        confidence="alleged",
        evidence=f"evidence {text}",
        citation=f"citation {text}",
        date_source=f"date source {text}",
    )
    return G


def test_bad_start_date_and_preset_write_nothing(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    out.write_text("good old page", encoding="utf-8")
    with pytest.raises(ValueError, match="impossible date '2016-13'"):
        write_html(G, out, at="2016-13")
    with pytest.raises(
        ValueError, match="unknown preset 'projector': use one of default, classroom"
    ):
        write_html(G, out, preset="projector")
    assert out.read_text(encoding="utf-8") == "good old page"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_cli_build_options(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    result = CliRunner().invoke(
        main, ["build", "-o", str(out), "--preset", "classroom", "--at", "2016-07"]
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '<body class="preset-classroom">' in page
    assert embedded_data(page)["at"]["label"] == "July 2016"
    assert len(embedded_data(page)["story"]) == 6
    bad = CliRunner().invoke(main, ["build", "-o", str(out), "--preset", "projector"])
    assert bad.exit_code == 2 and "'projector' is not one of 'default', 'classroom'" in bad.output
    bad = CliRunner().invoke(main, ["build", "-o", str(out), "--at", "July"])
    assert bad.exit_code == 2 and "is not a date of the form YYYY" in bad.output


def test_page_is_one_offline_file(G: nx.MultiDiGraph, story: pd.DataFrame) -> None:
    page = render_html(G, story=story)
    assert not re.search(r"<(script|img|iframe|link)[^>]*\s(src|href)=", page, re.I)
    assert "@import" not in page and "sourceMappingURL" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert csp and "default-src 'none'" in csp[1] and "http" not in csp[1]
    assert 'url("http' not in page and "url(http" not in page
    app = app_script()
    for call in ("fetch(", "XMLHttpRequest", "import(", "WebSocket", "sendBeacon", ".src ="):
        assert call not in app, call


def test_app_script_never_parses_data_as_html() -> None:
    app = app_script()
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        'setAttribute("on',
    ):
        assert sink not in app, sink
    assert "textContent" in app


def test_template_variables_are_autoescaped() -> None:
    source = (PACKAGE / "outputs" / "explorer" / "templates" / "explorer.html").read_text(
        encoding="utf-8"
    )
    environment = jinja2.Environment(autoescape=True)
    variables = jinja2.meta.find_undeclared_variables(environment.parse(source))
    assert variables == {
        "title",
        "preset",
        "vis_css",
        "vis_js",
        "app_css",
        "app_js",
        "data",
        "encoding",
    }
    assert "|safe" not in source.replace(" ", "") and "autoescape false" not in source


def test_untrusted_text_cannot_escape_its_element() -> None:
    G = text_graph(EVIL)
    page = render_html(G, title=f"Page {EVIL}")
    for payload in PAYLOADS:
        assert "<" not in payload or payload not in page  # javascript:... is plain text here
    harmless = render_html(text_graph("plain"), title="Page plain")
    for tag in ("<script", "</script", "<img", "<a "):
        assert page.count(tag) == harmless.count(tag), tag
    assert "<title>Page &lt;img src=x onerror=alert(1)&gt;" in page
    data = embedded_data(page)
    assert data["nodes"][0]["name"] == f"name-a {EVIL}"
    assert data["edges"][0]["evidence"] == f"evidence {EVIL}"
    assert data["legend"]["camps"][0]["camp"] == f"camp-a {EVIL}"


def test_same_input_same_bytes(G: nx.MultiDiGraph, story: pd.DataFrame, tmp_path: Path) -> None:
    first = write_html(G, tmp_path / "first.html", story=story).read_bytes()
    second = write_html(graph.load(), tmp_path / "second.html", story=story).read_bytes()
    assert first == second


@pytest.mark.slow  # starts two interpreters that build the page: about 2 s each
def test_same_bytes_across_processes(tmp_path: Path) -> None:
    """Set and dict orders differ between interpreters (hash seeds); the page must not."""
    script = (
        "import graph, hashlib; from graph.tables.read import DATA_DIR; G = graph.load(); "
        "s = graph.read_story(DATA_DIR / 'story.csv', G.nodes); "
        "page = graph.outputs.explorer.render.render_html(G, story=s); "
        "print(hashlib.sha256(page.encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            cwd=PACKAGE.parent,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1
    G = graph.load()
    story = graph.read_story(DATA_DIR / "story.csv", G.nodes)
    local = hashlib.sha256(render_html(G, story=story).encode()).hexdigest()
    assert digests == {local + "\n"}


def synthetic_graph(name: str, folder: Path) -> nx.MultiDiGraph:
    """The bundled data, or a network from benchmarks/synthetic.py: many actors, or dated."""
    if name == "aleppo":
        return graph.load()
    sys.path.insert(0, str(PACKAGE.parent / "benchmarks"))
    from synthetic import write_dated_dataset, write_synthetic

    if name == "synthetic":
        return graph.load(write_synthetic(folder, 150, 1500, seed=2))
    return graph.load(write_dated_dataset(folder, 300, actors=30, years=(1990, 2015), seed=3))


@pytest.mark.parametrize("name", ["aleppo", "synthetic", "dated"])
def test_columnar_wire_decodes_to_the_same_scene(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page as written (columns, gzip, base64), decoded by decode.js in Node, is the scene."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is missing")
    G = synthetic_graph(name, tmp_path / "data")
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(page_payload(G), ensure_ascii=False, sort_keys=True))
    monkeypatch.setattr(render_module, "PACKED_FROM", 0)  # every page packed, as a large one
    page = render_html(G)
    assert page == render_html(G)  # the same bytes
    match = re.search(
        r'<script type="application/octet-stream" id="graph-data" '
        r'data-encoding="columns-v1 gzip base64">([^<]*)</script>',
        page,
    )
    assert match
    wire = tmp_path / "wire.json"
    wire.write_bytes(gzip.decompress(base64.b64decode(match[1])))
    assert json.loads(wire.read_text())["edges"]["length"] == G.number_of_edges()
    result = subprocess.run(
        [node, str(PACKAGE.parent / "tests" / "js" / "columns_roundtrip.js"), wire, plain],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.stdout == "same\n", result.stdout + result.stderr
