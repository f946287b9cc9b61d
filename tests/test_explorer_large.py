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
from chromium import ARTIFACTS, Visit, overlapping, screen_boxes

import graph
import graph.outputs.explorer.render as render_module
from graph.core.words import counted
from graph.outputs.explorer.payload import page_payload
from graph.outputs.explorer.wire import columnar_scene


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


@pytest.mark.browser
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
    assert encoding == "columns-v1 gzip base64"
    scene = json.loads(json.dumps(page_payload(G)))
    assert json.loads(gzip.decompress(base64.b64decode(text))) == columnar_scene(scene)
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


@pytest.mark.browser
def test_a_page_refuses_a_data_encoding_it_does_not_know(
    browser: object, G: nx.MultiDiGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scene in a wire form the script cannot read is said in words, not half-drawn."""
    monkeypatch.setattr(render_module, "PACKED_FROM", 1000)
    page = graph.write_html(G, tmp_path / "packed.html").read_text(encoding="utf-8")
    later = tmp_path / "later.html"
    later.write_text(page.replace('data-encoding="columns-v1 ', 'data-encoding="columns-v2 '))
    visit = browser.new_page()
    try:
        visit.goto(later.as_uri())
        note = visit.wait_for_selector(".start-error", timeout=10_000).text_content()
        assert "columns-v2 gzip base64" in note and "does not know" in note
        assert visit.evaluate("() => window.explorer === undefined")
    finally:
        visit.close()


def signed_dataset(folder: Path, S: nx.Graph) -> Path:
    """A dataset folder of a signed graph: no camps, one dated relation per tie."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = {node: f"a{node:04d}" for node in S}
    (folder / "actors.csv").write_text(
        "id,name,kind\n" + "".join(f"{ids[n]},Actor {n},armed group\n" for n in S),
        encoding="utf-8",
    )
    (folder / "relations.csv").write_text(
        "source,target,type,start\n"
        + "".join(
            f"{ids[u]},{ids[v]},{'backs' if sign > 0 else 'fights'},{2010 + (u + v) % 5}\n"
            for u, v, sign in S.edges(data="sign")
        ),
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def many_actors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A 300-actor page drawn as a large one (the bound lowered from 2,000 to 50)."""
    import graph.drawing.picture as scene_module

    monkeypatch.setattr(scene_module, "LABELLED_UP_TO", 50)
    S = graph.datasets.trust_like(300, 1200, seed=2)
    G = graph.load(signed_dataset(tmp_path / "data", S))
    return graph.write_html(G, tmp_path / "many.html")


LABEL_PX = (
    "() => parseFloat(getComputedStyle(document.getElementById('network'))"
    ".getPropertyValue('--label-px'))"
)


@pytest.mark.browser
def test_names_by_importance_fit_without_overlap_and_follow_a_search(
    open_page: Callable[..., Visit], many_actors: Path
) -> None:
    visit = open_page(many_actors)
    visit.page.click("#groups-toggle")  # the page opens on the groups: the actors, unfolded
    nodes = visit.js("() => explorer.data.nodes.map((a) => [a.id, a.degree])")
    degree = dict(nodes)
    labels = [b for b in screen_boxes(visit) if b.part == "label"]
    named = {b.actor for b in labels}
    assert 0 < len(named) < len(nodes)  # not every name: they would overlap
    assert not overlapping(labels)
    assert max(degree, key=lambda a: (degree[a], a)) in named  # the most central first
    # Every name at the preset's size on screen.
    wanted = visit.js(LABEL_PX)
    assert all(abs(b.text_px - wanted) < 0.25 * wanted for b in labels)
    # A search zooms on an actor of few ties: it and its neighbours are named, readably.
    shy = min((a for a in degree if degree[a] >= 2), key=lambda a: (degree[a], a))
    name = visit.js("(id) => explorer.data.nodes.find((a) => a.id === id).name", shy)
    visit.page.fill("#search", name)
    visit.page.press("#search", "Enter")
    visit.wait_until("() => !document.getElementById('panel').hidden")
    visit.page.wait_for_timeout(300)
    boxes = screen_boxes(visit)
    labels = [b for b in boxes if b.part == "label"]
    assert shy in {b.actor for b in labels} and not overlapping(labels)
    assert all(abs(b.text_px - wanted) < 0.25 * wanted for b in labels)
    visit.page.screenshot(path=str(ARTIFACTS / "large-names-searched.png"))


@pytest.mark.browser
def test_without_camps_actors_are_coloured_by_the_sides_balance_finds(
    open_page: Callable[..., Visit], many_actors: Path
) -> None:
    visit = open_page(many_actors)
    assert visit.text("#legend h2 >> nth=0") == "Colour: side"
    assert "structural balance" in visit.text("#colour-by")
    legend = visit.js("() => explorer.data.legend.camps")
    sides = [c for c in legend if c["camp"].startswith("side of Actor ")]
    # Two sides, the most actors; actors with no tie keep their (empty) camp.
    assert legend[:2] == sides and {c["camp"] for c in legend[2:]} <= {"unspecified"}
    assert len({c["colour"] for c in sides}) == 2 and "#000000" not in {c["colour"] for c in sides}
    painted = visit.js("() => explorer.nodes.get().map((n) => n.color.background || n.color)")
    assert set(painted) <= {c["colour"] for c in legend}
    visit.page.screenshot(path=str(ARTIFACTS / "large-sides.png"))


def test_colour_groups_sides_communities_or_camps(G: nx.MultiDiGraph) -> None:
    from graph.drawing.picture import colour_groups

    assert colour_groups(G)[1] == "camp"
    S = graph.datasets.trust_like(300, 1200, seed=2)
    unsigned = nx.MultiDiGraph()
    for u, v in S.edges():
        unsigned.add_edge(u, v, type="negotiates_with", sign=0)
    groups, by = colour_groups(unsigned)
    assert by == "group" and len(set(groups.values())) >= 2
    assert all(name.startswith("group of ") for name in groups.values())
    assert colour_groups(unsigned) == (groups, by)  # seeded
    signed = nx.MultiDiGraph()
    for u, v, sign in S.edges(data="sign"):
        signed.add_edge(u, v, type="t", sign=sign)
    sides, by = colour_groups(signed)
    assert by == "side" and len(set(sides.values())) == 2
    # The sides recover the generator's two factions, up to a few noisy ties.
    faction = nx.get_node_attributes(S, "faction")
    agree = sum((sides[a] == sides[b]) == (faction[a] == faction[b]) for a, b in S.edges())
    assert agree > 0.85 * S.number_of_edges()


def test_build_warns_before_writing_a_page_too_large_to_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from graph.cli import main

    out = tmp_path / "aleppo.html"
    quiet = CliRunner().invoke(main, ["build", "-o", str(out)])
    assert quiet.exit_code == 0 and "warning" not in quiet.stderr
    monkeypatch.setattr(render_module, "OPENS_UP_TO", 10)  # Aleppo's 34 relations are "too many"
    loud = CliRunner().invoke(main, ["build", "-o", str(out)])
    assert loud.exit_code == 0
    assert "warning: the page will hold 34 relations" in loud.stderr
    assert "--format gexf" in loud.stderr and "Traceback" not in loud.output
    assert out.exists()


#: The group view's nodes, for screen_boxes.
GROUP_NODES = "explorer.network.body.nodeIndices.filter((id) => id.startsWith('group:'))"


@pytest.fixture
def thousands_of_actors(tmp_path: Path) -> Path:
    """A 3,000-actor page, above the real bound (2,000): it opens on the groups."""
    S = graph.datasets.trust_like(3000, 9000, seed=3)
    G = graph.load(signed_dataset(tmp_path / "data", S))
    return graph.write_html(G, tmp_path / "thousands.html")


@pytest.mark.browser
@pytest.mark.parametrize("size", ["many_actors", "thousands_of_actors"])
def test_the_group_view_counts_ties_by_pair_of_groups_and_opens_a_group(
    open_page: Callable[..., Visit], size: str, request: pytest.FixtureRequest
) -> None:
    visit = open_page(request.getfixturevalue(size))
    # Above labelled_up_to actors the page opens on the groups.
    assert visit.js("() => explorer.modes().mode") == "groups"
    assert not visit.js("() => document.getElementById('groups-panel').hidden")
    data = visit.js("() => explorer.data")
    group = {node["id"]: node["camp"] for node in data["nodes"]}
    sums = tie_sums(data)
    expected = expected_blocks(data)
    shown = visit.js(SHOWN_BLOCKS)
    assert {tuple(row[:3]): row[3] for row in shown} == expected
    # "1 support tie", "2 support ties": counted as the command line counts.
    words = visit.js(
        "() => Array.from(document.querySelectorAll('#group-ties li')).map((li) => li.textContent)"
    )
    assert all(
        f": {counted(row[3], row[2] + ' tie')} (" in text
        for row, text in zip(shown, words, strict=True)
    )
    sides = [c["camp"] for c in data["legend"]["camps"] if c["camp"].startswith("side of")]
    # Balance holds mostly: support inside each side, opposition between them.
    inside = sum(expected.get((s, s, "support"), 0) for s in sides)
    assert inside > sum(expected.get((s, s, "opposition"), 0) for s in sides)
    assert visit.js("() => document.querySelectorAll('#groups-panel svg circle').length") == len(
        data["legend"]["camps"]
    )
    # The network itself is folded: one node per group, no actor, no relation;
    # vis-network holds nothing else (it would walk every actor each frame).
    drawn_nodes = "() => explorer.nodes.get({filter: (n) => !n.hidden}).map((n) => n.id)"
    groups = {c["camp"]: c["actors"] for c in data["legend"]["camps"] if c["actors"]}
    assert sorted(visit.js(drawn_nodes)) == sorted(f"group:{g}" for g in groups)
    assert visit.js("() => explorer.visibleRelations()") == []
    held = (
        "() => [explorer.network.body.nodeIndices.length, explorer.network.body.edgeIndices.length]"
    )
    group_ties = sum(1 for k in expected if k[0] != k[1])
    assert visit.js(held) == [len(groups), group_ties]
    assert visit.js("() => [explorer.nodes.length, explorer.edges.length]") == visit.js(held)
    ties = visit.js(
        "() => explorer.edges.get({filter: (e) => String(e.id).startsWith('group-tie:')})"
    )

    def share(key: tuple) -> int:
        pair = sum(expected.get((*key[:2], sign), 0) for sign in ("support", "opposition"))
        return round(100 * expected[key] / pair)

    assert {tuple(t["id"].removeprefix("group-tie:").split("|")): t["label"] for t in ties} == {
        k: f"{v} {k[2]} ({share(k)} %)" for k, v in expected.items() if k[0] != k[1]
    }
    # Every group's disc and name lie on the canvas, clear of each other.
    width, height = visit.js(
        "() => [explorer.network.canvas.frame.clientWidth,"
        " explorer.network.canvas.frame.clientHeight]"
    )
    boxes = screen_boxes(visit, GROUP_NODES)
    assert {b.actor for b in boxes} == {f"group:{g}" for g in groups}
    assert all(
        b.left >= 0 and b.top >= 0 and b.right <= width and b.bottom <= height for b in boxes
    )
    assert not overlapping(boxes)
    visit.page.screenshot(path=str(ARTIFACTS / f"large-group-view-{size}.png"))
    # Clicking a group opens its members in place; the others stay folded.
    smaller = sides[1]
    visit.js(
        """(id) => { const net = explorer.network;
                     const at = net.canvasToDOM(net.getPositions([id])[id]);
                     const box = net.canvas.frame.getBoundingClientRect();
                     window.groupAt = [box.left + at.x, box.top + at.y]; }""",
        f"group:{smaller}",
    )
    x, y = visit.js("() => window.groupAt")
    visit.page.mouse.click(x, y)
    visit.wait_until(f"() => explorer.nodes.get('group:{smaller}') === null")
    drawn = visit.js(drawn_nodes)
    assert len(drawn) == len(groups) + groups[smaller] - 1
    assert {group[a] for a in drawn if not a.startswith("group:")} == {smaller}
    assert visit.js("() => explorer.modes().mode") == "groups"
    assert visit.js("() => explorer.state().selected") is None
    # Its members keep their ties to the folded groups: one edge per actor, group and sign.
    outward = set()
    for (u, v), total in sums.items():
        if (group[u] == smaller) != (group[v] == smaller):
            inner, outer = (u, v) if group[u] == smaller else (v, u)
            outward.add((inner, group[outer], "support" if total > 0 else "opposition"))
    member_ties = visit.js(
        """() => explorer.edges.getIds().filter((id) => String(id).startsWith('group-tie:actor:'))
                 .map((id) => JSON.parse(id.slice('group-tie:actor:'.length)))"""
    )
    assert outward and {tuple(t) for t in member_ties} == outward
    # Its members' names keep off the folded groups' names.
    names = [b for b in screen_boxes(visit) + screen_boxes(visit, GROUP_NODES) if b.part == "label"]
    assert any(b.actor.startswith("group:") for b in names) and not overlapping(names)
    # The open group is kept in the link: the page reloaded from it shows the same.
    assert visit.js("() => new URLSearchParams(location.hash.slice(1)).getAll('open')") == [smaller]
    visit.page.reload()
    visit.wait_until("() => window.explorer !== undefined")
    assert sorted(visit.js(drawn_nodes)) == sorted(drawn)
    visit.page.screenshot(path=str(ARTIFACTS / f"large-group-opened-{size}.png"))
    # Search finds an actor of a folded group and shows it with its neighbours
    # and their ties (its ego network), not its whole group, which stays folded.
    other = next(n for n in data["nodes"] if n["camp"] == sides[0] and n["degree"] >= 2)
    visit.page.fill("#search", other["name"])
    visit.page.press("#search", "Enter")
    visit.wait_until("() => !document.getElementById('panel').hidden")
    assert visit.js("() => explorer.state().selected") == other["id"]
    drawn = set(visit.js(drawn_nodes))
    neighbours = {e["to"] for e in data["edges"] if e["from"] == other["id"]} | {
        e["from"] for e in data["edges"] if e["to"] == other["id"]
    }
    opened = {a for a, g in group.items() if g == smaller}
    assert drawn == {other["id"]} | neighbours | opened | {
        f"group:{g}" for g in groups if g != smaller
    }
    ego = {other["id"]} | neighbours
    assert {tuple(sorted(r[:2])) for r in visit.js("() => explorer.visibleRelations()")} == {
        tuple(sorted((e["from"], e["to"])))
        for e in data["edges"]
        if {e["from"], e["to"]} <= ego | opened
    }
    # At a zoom where it and its neighbours' names are readable.
    visit.page.wait_for_timeout(300)  # names are chosen again once the zoom is still
    labels = [b for b in screen_boxes(visit) if b.part == "label"]
    assert other["id"] in {b.actor for b in labels}
    assert min(b.text_px for b in labels if b.actor in ego) >= 0.75 * visit.js(LABEL_PX)
    visit.page.screenshot(path=str(ARTIFACTS / f"large-group-searched-{size}.png"))
    visit.page.keyboard.press("Escape")
    # Fold all: one node per group again.
    visit.page.click("#group-open button:text-is('Fold all')")
    assert sorted(visit.js(drawn_nodes)) == sorted(f"group:{g}" for g in groups)
    # Leaving the group view restores the whole drawing.
    visit.page.click("#groups-toggle")
    assert visit.js("() => explorer.modes().mode") == ""
    assert sorted(visit.js(drawn_nodes)) == sorted(n["id"] for n in data["nodes"])
    assert visit.js("() => explorer.edges.getIds().filter((id) => typeof id === 'string')") == []
    assert len(visit.js("() => explorer.visibleRelations()")) == len(data["edges"])


def active_at(edge: dict, month: dict | None) -> bool:
    """graph.snapshot's time rule, as the page applies it to a scene's relation."""
    return month is None or (
        (edge["active_from"] is None or edge["active_from"] <= month["last"])
        and (edge["active_to"] is None or edge["active_to"] >= month["first"])
    )


def tie_sums(data: dict, month: dict | None = None) -> dict[tuple, int]:
    """Ties, one per pair of actors: their relations' summed sign."""
    sums: dict[tuple, int] = {}
    for edge in data["edges"]:
        if edge["sign"] and edge["from"] != edge["to"] and active_at(edge, month):
            pair = tuple(sorted((edge["from"], edge["to"])))
            sums[pair] = sums.get(pair, 0) + edge["sign"]
    return sums


def expected_blocks(data: dict, month: dict | None = None) -> dict[tuple, int]:
    """Ties by pair of groups and sign."""
    group = {node["id"]: node["camp"] for node in data["nodes"]}
    expected: dict[tuple, int] = {}
    for (u, v), total in tie_sums(data, month).items():
        key = (*sorted((group[u], group[v])), "support" if total > 0 else "opposition")
        expected[key] = expected.get(key, 0) + 1
    return expected


SHOWN_BLOCKS = """() => Array.from(document.querySelectorAll('#group-ties li')).map(
  (li) => [...li.dataset.pair.split('|'), li.dataset.sign, Number(li.dataset.ties)])"""


@pytest.mark.browser
def test_a_slider_step_recounts_the_groups_ties_and_what_changed(
    open_page: Callable[..., Visit], many_actors: Path
) -> None:
    visit = open_page(many_actors)
    data = visit.js("() => explorer.data")
    month = data["months"][len(data["months"]) // 2]
    before = data["months"][len(data["months"]) // 2 - 1]
    visit.page.click("#all-dates")  # the first month
    visit.js(
        """(at) => { const slider = document.getElementById('slider');
                     slider.value = String(at); slider.dispatchEvent(new Event('input')); }""",
        len(data["months"]) // 2,
    )
    assert visit.text("#slider-label") == month["label"]
    shown = {tuple(row[:3]): row[3] for row in visit.js(SHOWN_BLOCKS)}
    assert shown == expected_blocks(data, month) != expected_blocks(data)
    # What changed since the month before: the relations the filters show,
    # not what the group view folds (it draws none of them).
    started = sum(active_at(e, month) and not active_at(e, before) for e in data["edges"])
    ended = sum(active_at(e, before) and not active_at(e, month) for e in data["edges"])
    assert visit.text("#changes summary") == f"{started} relations started, {ended} ended"


@pytest.mark.browser
def test_past_the_draw_budget_opening_says_what_it_would_draw(
    open_page: Callable[..., Visit], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graph.drawing.picture as scene_module
    import graph.outputs.explorer.payload as payload_module

    monkeypatch.setattr(scene_module, "LABELLED_UP_TO", 50)
    monkeypatch.setattr(payload_module, "DRAWN_RELATIONS_UP_TO", 200)
    S = graph.datasets.trust_like(300, 1200, seed=2)
    G = graph.load(signed_dataset(tmp_path / "data", S))
    visit = open_page(graph.write_html(G, tmp_path / "budget.html"))
    data = visit.js("() => explorer.data")
    assert data["drawn_relations_up_to"] == 200
    largest = data["legend"]["camps"][0]  # the side of the most actors
    camp = largest["camp"]
    members = {node["id"] for node in data["nodes"] if node["camp"] == camp}

    def among(month: dict | None) -> int:
        return sum(
            e["from"] in members and e["to"] in members and active_at(e, month)
            for e in data["edges"]
        )

    assert among(None) > 200
    folded = "(id) => explorer.nodes.get(id) !== null && !location.hash.includes('open=')"
    visit.page.click(f"#group-open button:text-is('Open {camp} ({largest['actors']})')")
    assert visit.text("#group-budget p >> nth=0").startswith(
        f"Opening {camp} would draw {len(members):,} actors and {among(None):,} relations, "
        "more than the 200 this page draws at once"
    )
    assert visit.js(folded, f"group:{camp}")  # nothing opened
    # A month instead: counted again there (these relations have no end: still too many).
    last = data["months"][-1]
    visit.page.click(f"#group-budget button:text-is('Show {last['label']}')")
    assert visit.js("() => explorer.state().period.date") == last["date"]
    assert f"and {among(last):,} relations" in visit.text("#group-budget p >> nth=0")
    assert visit.js(folded, f"group:{camp}")
    visit.page.click("#group-budget button:text-is('Open anyway')")
    assert visit.js("(id) => explorer.nodes.get(id) === null", f"group:{camp}")
    assert len([n for n in visit.js("() => explorer.nodes.getIds()") if n in members]) == len(
        members
    )
    assert visit.js("() => document.getElementById('group-budget')") is None
    # Leaving the group view draws every relation: it too says so first.
    visit.page.click("#groups-toggle")
    assert visit.js("() => explorer.modes().mode") == "groups"
    assert visit.text("#group-budget p >> nth=0").startswith(
        f"Unfolding every group would draw {len(data['nodes'])} actors and "
        f"{len(data['edges']):,} relations"
    )
    visit.page.click("#group-budget button:text-is('Open anyway')")
    visit.page.click("#groups-toggle")  # every group open: nothing more to draw
    assert visit.js("() => explorer.modes().mode") == ""
    assert len(visit.js("() => explorer.visibleRelations()")) == len(data["edges"])


@pytest.fixture
def many_camps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A 1,600-actor page of the data's own 10 camps, drawn as a large one."""
    import sys

    import graph.drawing.picture as scene_module

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from synthetic import write_synthetic

    monkeypatch.setattr(scene_module, "LABELLED_UP_TO", 50)
    G = graph.load(write_synthetic(tmp_path / "camps", 1600, 3200, seed=4))
    return graph.write_html(G, tmp_path / "camps.html")


PICTURE_BOXES = """() => {
  const box = (e) => { const r = e.getBoundingClientRect();
                       return [r.left, r.top, r.right, r.bottom]; };
  const picture = document.querySelector('#groups-panel svg.group-view');
  return [Array.from(picture.querySelectorAll('.group-name')).map(box),
          Array.from(picture.querySelectorAll('circle')).map(box)];
}"""


def crossing(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.browser
def test_many_groups_keep_their_discs_and_names_apart(
    open_page: Callable[..., Visit], many_camps: Path
) -> None:
    visit = open_page(many_camps)
    assert visit.js("() => explorer.modes().mode") == "groups"
    camps = visit.js("() => explorer.data.legend.camps")
    assert len(camps) >= 10
    boxes = screen_boxes(visit, GROUP_NODES)
    assert {b.actor for b in boxes} == {f"group:{c['camp']}" for c in camps if c["actors"]}
    # No disc over a disc, no name over a name or a disc.
    assert not overlapping(boxes)
    # Each name carries the ties counted inside its group.
    group_labels = "() => explorer.nodes.get().map((n) => n.label)"
    assert all("\ninside: " in label for label in visit.js(group_labels))
    # The pairs' counts would lie over other groups: the panel lists them, the canvas does not.
    labels = visit.js(
        "() => explorer.edges.get({filter: (e) => String(e.id).startsWith('group-tie:')})"
        ".map((e) => e.label)"
    )
    assert labels and not any(labels)
    assert visit.js("() => document.querySelectorAll('#group-ties li').length") >= len(labels)
    # The panel draws a matrix, a row and a column per group; no name under a disc.
    assert visit.js("() => document.querySelectorAll('#groups-panel rect.group-cell').length") == (
        len(camps) ** 2
    )
    names, discs = visit.js(PICTURE_BOXES)
    assert len(names) == len(discs) == len(camps)
    assert not [(n, d) for n in names for d in discs if crossing(n, d)]
    assert not [(a, b) for i, a in enumerate(names) for b in names[i + 1 :] if crossing(a, b)]
    visit.page.screenshot(path=str(ARTIFACTS / "large-many-groups-laptop.png"))


@pytest.mark.browser
def test_on_a_phone_a_searched_actor_comes_before_the_groups(
    open_page: Callable[..., Visit], many_camps: Path
) -> None:
    visit = open_page(many_camps, 390, 844, touch=True)
    assert visit.js("() => explorer.modes().mode") == "groups"
    # On the phone's small canvas the groups' names go alone (their counts
    # would be too small to read), clear of each other and of the discs.
    boxes = screen_boxes(visit, GROUP_NODES)
    assert len(boxes) >= 20 and not overlapping(boxes)
    names = visit.js("() => explorer.nodes.get().map((n) => [n.id, n.label])")
    assert all(
        label == f"{i.removeprefix('group:')} (" + label.split(" (")[-1] for i, label in names
    )
    assert not any("inside" in label for _, label in names)
    actor = visit.js("() => explorer.data.nodes.find((a) => a.degree >= 3)")
    visit.page.fill("#search", actor["name"])
    visit.page.press("#search", "Enter")
    visit.wait_until("() => !document.getElementById('panel').hidden")
    visit.page.wait_for_timeout(300)
    assert visit.js("() => explorer.modes().mode") == "groups"
    bar = visit.js("() => document.getElementById('timebar').getBoundingClientRect().top")
    heading = visit.js("() => document.getElementById('panel-name').getBoundingClientRect()")
    first = visit.js("() => document.querySelector('#panel-body li').getBoundingClientRect()")
    assert heading["top"] >= 0 and heading["bottom"] <= bar
    assert first["top"] >= 0 and first["bottom"] <= bar
    visit.page.screenshot(path=str(ARTIFACTS / "large-many-groups-phone-search.png"))
