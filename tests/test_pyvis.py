"""graph.to_pyvis: a pyvis Network drawn like the explorer, safe with hostile text."""

from __future__ import annotations

import copy
from pathlib import Path

import networkx as nx
import pytest
from pyvis.network import Network
from test_render import EVIL, PAYLOADS, text_graph

import graph
from graph.drawing.picture import scene
from graph.drawing.placement import label_lines

# `browser`: the suite's headless Chromium (tests/chromium.py, through conftest.py).


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return graph.load()


def test_actors_keep_the_explorers_positions_and_styles(G: nx.MultiDiGraph) -> None:
    net = graph.to_pyvis(G)
    payload = scene(G)
    assert isinstance(net, Network)
    assert net.options.physics.enabled is False, "the layout stays as computed"
    assert [node["id"] for node in net.nodes] == [actor["id"] for actor in payload["nodes"]]
    for node, actor in zip(net.nodes, payload["nodes"], strict=True):
        assert (node["x"], node["y"], node["size"]) == (actor["x"], actor["y"], actor["size"])
        assert (node["label"], node["shape"]) == (actor["label"], actor["shape"])
        assert node["color"]["background"] == actor["colour"]
        assert node["font"]["size"] == payload["label_size"]


def test_relations_keep_their_line_styles_and_are_bent_apart_per_pair(
    G: nx.MultiDiGraph,
) -> None:
    net = graph.to_pyvis(G)
    payload = scene(G)
    assert len(net.edges) == G.number_of_edges() == len(payload["edges"])
    for edge, relation in zip(net.edges, payload["edges"], strict=True):
        assert (edge["from"], edge["to"]) == (relation["from"], relation["to"])
        assert edge["dashes"] == (relation["dashes"] or False)
        assert edge["width"] == relation["width"]
        assert edge["color"]["opacity"] == relation["opacity"]
        assert edge["arrows"] == ("" if relation["symmetric"] else "to")
    assert any(edge["arrows"] == "" for edge in net.edges)  # the symmetric talks
    pairs = [tuple(sorted((e["from"], e["to"]))) for e in net.edges]
    shared = [e for e, pair in zip(net.edges, pairs, strict=True) if pairs.count(pair) > 1]
    assert shared, "the Aleppo data has actors with several relations"
    assert all(e["smooth"]["enabled"] and e["smooth"]["roundness"] > 0 for e in shared)
    roundness = {}
    for edge, pair in zip(net.edges, pairs, strict=True):
        if edge in shared:
            roundness.setdefault(pair, []).append(edge["smooth"]["roundness"])
    assert all(len(set(values)) == len(values) for values in roundness.values())
    alone = [e for e in net.edges if e not in shared]
    assert all(e["smooth"] == {"enabled": False} for e in alone)


def test_titles_are_the_explorers_words_as_plain_text(G: nx.MultiDiGraph) -> None:
    net = graph.to_pyvis(G)
    russia = next(node for node in net.nodes if node["id"] == "russia")
    assert russia["title"].splitlines()[:2] == ["Russia", "state · pro-government · 9 relations"]
    air = next(e for e in net.edges if e["from"] == "russia" and "type: air_support" in e["title"])
    first, kind, when = air["title"].splitlines()[:3]
    label = G.graph["relation_types"]["air_support"]["label"]
    assert first == f"Russia {label} {G.nodes[air['to']]['name']}"
    assert (kind, when) == ("type: air_support", "since 30 September 2015 · support · confirmed")


def test_the_callers_graph_is_left_unchanged(G: nx.MultiDiGraph) -> None:
    before = copy.deepcopy(G)
    graph.to_pyvis(G, size_by={actor: 1 + len(actor) for actor in G})
    assert dict(G.nodes(data=True)) == dict(before.nodes(data=True))
    assert list(G.edges(keys=True, data=True)) == list(before.edges(keys=True, data=True))
    assert G.graph == before.graph


def test_options_reach_pyvis_over_offline_defaults(G: nx.MultiDiGraph) -> None:
    net = graph.to_pyvis(G)
    assert (net.directed, net.cdn_resources) == (True, "in_line")
    net = graph.to_pyvis(G, height="400px", bgcolor="#eeeeee", cdn_resources="remote")
    assert (net.height, net.bgcolor, net.cdn_resources) == ("400px", "#eeeeee", "remote")


def test_hostile_text_stays_in_titles_and_never_switches_pyvis_to_html() -> None:
    net = graph.to_pyvis(text_graph(EVIL))
    node = net.nodes[0]
    label = "\n".join(label_lines(f"name-a {EVIL}"))
    assert node["label"] == label, "labels are drawn on the canvas, as text"
    assert node["title"].splitlines()[0] == f"name-a {EVIL}".replace("href", "hre\u2060f")
    assert not any("href" in n["title"] for n in net.nodes)
    page = net.generate_html()
    assert "popup.innerHTML" not in page, "pyvis's HTML tooltip template stays off"
    for payload in PAYLOADS:
        assert "<" not in payload or payload not in page


@pytest.mark.browser
def test_the_pyvis_page_runs_no_payload_from_the_data(browser: object, tmp_path: Path) -> None:
    from playwright.sync_api import expect  # waits for a condition, never a fixed time

    net = graph.to_pyvis(text_graph(EVIL))
    net.show_buttons(filter_=["physics"])  # pyvis's API still applies
    page_file = tmp_path / "pyvis.html"
    net.write_html(str(page_file))
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    blocked, dialogs, errors = [], [], []

    def route(request: object) -> None:
        if request.request.url.startswith("file:"):
            request.continue_()
        else:
            blocked.append(request.request.url)
            request.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("dialog", lambda box: (dialogs.append(box.message), box.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_file.as_uri())
    page.wait_for_function("() => typeof network !== 'undefined' && network.body !== undefined")
    for actor in ("a", "b"):
        x, y = page.evaluate(
            """(id) => {
              const p = network.canvasToDOM(network.getPositions([id])[id]);
              const box = document.querySelector('#mynetwork canvas').getBoundingClientRect();
              return [box.left + p.x, box.top + p.y];
            }""",
            actor,
        )
        page.mouse.move(x, y)
        tooltip = page.locator("div.vis-tooltip")
        # vis-network shows titles after 300 ms, and keeps the last one till the next.
        expect(tooltip).to_contain_text(f"name-{actor} ")
        injected = page.evaluate("() => document.querySelectorAll('img, a[href]').length")
        assert (dialogs, injected) == ([], 0), f"hovering {actor}: a payload from the data ran"
        shown = tooltip.inner_text()
        assert shown.splitlines()[0] == f"name-{actor} {EVIL}".replace("href", "hre\u2060f")
        tags = tooltip.evaluate("(box) => [...box.querySelectorAll('*')].map((e) => e.tagName)")
        assert set(tags) <= {"BR"}, "the title is text: line breaks, no elements"
        page.mouse.move(0, 0)
    positions = page.evaluate("() => network.getPositions()")
    context.close()
    payload = scene(text_graph(EVIL))
    # vis-network rounds positions to whole units; physics off, actors stay put.
    assert positions == {
        n["id"]: {"x": round(n["x"]), "y": round(n["y"])} for n in payload["nodes"]
    }
    assert errors == []
    # Offline: vis-network inline, and pyvis's Bootstrap (always from a CDN) left out.
    assert blocked == []
    assert "bootstrap" not in page_file.read_text(encoding="utf-8")
