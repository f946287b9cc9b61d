"""The explorer page without a browser: payload, escaping, determinism, offline, presets."""

from __future__ import annotations

import hashlib
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import jinja2
import jinja2.meta
import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner
from test_layout import overlapping_actors

import graph
from graph.cli import main
from graph.dates import parse_period
from graph.layout import LABEL_SIZE, actor_boxes, layout
from graph.metrics import date_range
from graph.read import DATA_DIR
from graph.render import explorer_payload, render_html, write_html

PACKAGE = Path(graph.__file__).parent
PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    '"><script>alert(1)</script>',
    "</script><script>alert(1)</script>",
    "javascript:alert(1)",
    "<a href=x>href</a>",
)
EVIL = " ".join(PAYLOADS)


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return graph.load()


@pytest.fixture(scope="module")
def story(G: nx.MultiDiGraph) -> pd.DataFrame:
    return graph.read_story(DATA_DIR / "story.csv", G.nodes)


@pytest.fixture(scope="module")
def payload(G: nx.MultiDiGraph, story: pd.DataFrame) -> dict:
    return explorer_payload(G, story=story)


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


def test_payload_holds_every_actor_and_relation(G: nx.MultiDiGraph, payload: dict) -> None:
    assert [n["id"] for n in payload["nodes"]] == sorted(G.nodes)
    assert sorted((e["from"], e["to"], e["key"]) for e in payload["edges"]) == sorted(
        G.edges(keys=True)
    )
    assert [e["id"] for e in payload["edges"]] == list(range(G.number_of_edges()))
    for edge in payload["edges"]:
        data = G.edges[edge["from"], edge["to"], edge["key"]]
        assert (edge["type"], edge["sign"], edge["confidence"]) == (
            data["type"],
            data["sign"],
            data["confidence"],
        )
        assert edge["evidence"] == data["evidence"] and edge["citation"] == data["citation"]
        assert edge["label"] == G.graph["relation_types"][data["type"]]["label"]
    russia = next(n for n in payload["nodes"] if n["id"] == "russia")
    assert russia["aliases"] == G.nodes["russia"]["aliases"]
    assert russia["colour"] == graph.style.CAMP_COLOURS["pro-government"]


def test_relation_days_follow_the_partial_date_rule(G: nx.MultiDiGraph, payload: dict) -> None:
    for edge in payload["edges"]:
        start, end = edge["start"], edge["end"]
        assert edge["active_from"] == (parse_period(start)[0].isoformat() if start else None)
        assert edge["active_to"] == (parse_period(end)[1].isoformat() if end else None)
    siege = next(e for e in payload["edges"] if e["type"] == "siege")
    assert (siege["active_from"], siege["active_to"]) == ("2016-07-01", "2016-12-22")
    assert siege["when"] == "July 2016 – 22 December 2016"


def test_visual_encoding_comes_from_the_shared_style(payload: dict) -> None:
    for edge in payload["edges"]:
        style = graph.style.edge_style(edge["sign"], edge["confidence"])
        assert {k: edge[k] for k in style} == style
        assert edge["colour"] == graph.style.edge_colour(edge["sign"])
    for node in payload["nodes"]:
        assert node["shape"] == graph.style.node_shape(node["kind"])
    dashes = {e["sign"]: e["dashes"] for e in payload["edges"]}
    assert dashes[1] == [] and dashes[-1] != [] and dashes[-1] != dashes[0]


def test_sizes_grow_with_degree(G: nx.MultiDiGraph, payload: dict) -> None:
    nodes = sorted(payload["nodes"], key=lambda n: n["degree"])
    assert [n["degree"] for n in nodes] == sorted(d for _, d in G.degree())
    sizes = [n["size"] for n in nodes]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]
    assert payload["size"] == "number of relations"


def test_size_by_a_chosen_metric(G: nx.MultiDiGraph) -> None:
    values = pd.Series({node: 1.0 for node in G}, name="betweenness")
    values["kurdish_forces"] = 5.0
    payload = explorer_payload(G, size_by=values)
    largest = max(payload["nodes"], key=lambda n: n["size"])
    assert largest["id"] == "kurdish_forces" and payload["size"] == "betweenness"
    with pytest.raises(ValueError, match=r"no value for actors: .*russia"):
        explorer_payload(G, size_by=values.drop("russia"))
    values["iran"] = math.nan
    with pytest.raises(ValueError, match="not a finite number for actors: iran"):
        explorer_payload(G, size_by=values)


def test_positions_leave_room_for_each_actor_and_its_label(G: nx.MultiDiGraph) -> None:
    values = pd.Series({node: 1.0 for node in G}, name="betweenness")
    values["kurdish_forces"] = values["iran"] = 5.0
    for size_by in (None, values):
        payload = explorer_payload(G, size_by=size_by)
        assert payload["label_size"] == LABEL_SIZE  # the unit of positions and sizes
        positions = {node["id"]: (node["x"], node["y"]) for node in payload["nodes"]}
        assert positions == layout(G, size_by=size_by)
        boxes = actor_boxes(G, size_by, label_size=payload["label_size"])
        assert overlapping_actors(positions, boxes) == []
        sizes = {node["id"]: node["size"] for node in payload["nodes"]}
        assert sizes == graph.style.actor_radii(G, size_by)


def test_parallel_relations_are_bent_apart(payload: dict) -> None:
    pairs: dict[frozenset, list] = {}
    for edge in payload["edges"]:
        pairs.setdefault(frozenset((edge["from"], edge["to"])), []).append(edge["roundness"])
    for roundness in pairs.values():
        if len(roundness) == 1:
            assert roundness == [None]
        else:
            assert None not in roundness and len(set(roundness)) == len(roundness)
    assert any(len(r) >= 3 for r in pairs.values())  # Russia and the Assad government


def test_legend_is_generated_from_the_data(G: nx.MultiDiGraph, payload: dict) -> None:
    legend = payload["legend"]
    camps = {c["camp"]: c["actors"] for c in legend["camps"]}
    assert camps == dict(pd.Series(dict(G.nodes(data="camp"))).value_counts())
    assert {k["kind"] for k in legend["kinds"]} == {kind for _, kind in G.nodes(data="kind")}
    assert [s["name"] for s in legend["signs"]] == ["support", "opposition", "neutral"]
    assert sum(s["relations"] for s in legend["signs"]) == G.number_of_edges()
    assert [c["level"] for c in legend["confidence"]] == ["confirmed", "claimed", "alleged"]
    types = {t["type"]: t["relations"] for t in payload["types"]}
    assert sum(types.values()) == G.number_of_edges() and types["air_strikes"] == 2
    assert [t["sign"] for t in payload["types"]] == sorted(
        (t["sign"] for t in payload["types"]), reverse=True
    )


def test_months_span_the_data(G: nx.MultiDiGraph, payload: dict) -> None:
    months = payload["months"]
    first, last = date_range(G)
    assert months[0]["date"] == first[:7] and months[-1]["date"] == last[:7]
    assert len(months) == (2016 - 2012) * 12 + (12 - 7) + 1
    for month in months:
        assert (month["first"], month["last"]) == tuple(
            day.isoformat() for day in parse_period(month["date"])
        )
    assert months[0]["label"] == "July 2012"


def test_months_widen_to_the_story_and_start_date(G: nx.MultiDiGraph) -> None:
    months = explorer_payload(G, at="2018-02-03")["months"]
    assert months[0]["date"] == "2012-07" and months[-1]["date"] == "2018-02"


def test_start_date_and_story_periods(G: nx.MultiDiGraph, payload: dict) -> None:
    assert payload["at"] is None
    at = explorer_payload(G, at="2015-09-30")["at"]
    assert at == {
        "date": "2015-09-30",
        "label": "30 September 2015",
        "first": "2015-09-30",
        "last": "2015-09-30",
    }
    steps = payload["story"]
    assert [s["date"] for s in steps][:3] == ["2012-07", "2014", "2015-10"]
    assert steps[1]["label"] == "2014" and steps[1]["last"] == "2014-12-31"
    assert steps[0]["actors"] == ["free_syrian_army", "assad_government"]
    assert steps[0]["caption"].startswith("Syrian rebels attacked Aleppo in July 2012")


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
    app = (PACKAGE / "assets" / "explorer.js").read_text(encoding="utf-8")
    for call in ("fetch(", "XMLHttpRequest", "import(", "WebSocket", "sendBeacon", ".src ="):
        assert call not in app, call


def test_app_script_never_parses_data_as_html() -> None:
    app = (PACKAGE / "assets" / "explorer.js").read_text(encoding="utf-8")
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
    source = (PACKAGE / "templates" / "explorer.html").read_text(encoding="utf-8")
    environment = jinja2.Environment(autoescape=True)
    variables = jinja2.meta.find_undeclared_variables(environment.parse(source))
    assert variables == {"title", "preset", "vis_css", "vis_js", "app_css", "app_js", "data"}
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


def test_same_bytes_across_processes(tmp_path: Path) -> None:
    """Set and dict orders differ between interpreters (hash seeds); the page must not."""
    script = (
        "import graph, hashlib; from graph.read import DATA_DIR; G = graph.load(); "
        "s = graph.read_story(DATA_DIR / 'story.csv', G.nodes); "
        "print(hashlib.sha256(graph.render.render_html(G, story=s).encode()).hexdigest())"
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
