"""The explorer page in a real browser: headless Chromium driven by Playwright.

Pages are opened offline by the ``open_page`` fixture (tests/chromium.py),
which fails a test whose page made a request, logged an error or opened a
dialog. Expected results come from the Python side (:func:`graph.snapshot`,
the graph's attributes).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from pathlib import Path

import chromium
import networkx as nx
import pytest
from chromium import ARTIFACTS, Visit, in_view, overlapping, screen_boxes
from test_render import EVIL

import graph

# Drives headless Chromium: left out of `make test-fast`.
pytestmark = pytest.mark.browser


def test_a_missing_browser_skips_with_a_hint_or_fails_when_required(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(chromium, "CHROMIUM", tmp_path / "chromium")
    monkeypatch.delenv("REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"apt-get install chromium\) or set REQUIRE"):
        chromium.launch_or_skip(object())
    monkeypatch.setenv("REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match=r"REQUIRE_BROWSER=1 but .*chromium not found"):
        chromium.launch_or_skip(object())
    monkeypatch.setattr(chromium, "CHROMIUM", Path(sys.executable))
    with pytest.raises(pytest.fail.Exception, match="Playwright for Python is not installed"):
        chromium.launch_or_skip(None)


def relations(G: nx.MultiDiGraph, keep: Callable[[str, str, dict], bool] = lambda *_: True):
    return sorted((u, v, k) for u, v, k, d in G.edges(keys=True, data=True) if keep(u, v, d))


def test_loads_offline_with_every_actor_and_relation(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    visit = open_page(pages["default"])
    assert visit.js("explorer.nodes.length") == G.number_of_nodes()
    assert visit.js("explorer.edges.length") == G.number_of_edges()
    assert visit.shown() == relations(G)
    # "All dates" once: the checkbox says it, the slider's month label is empty.
    assert visit.text("#slider-label") == ""
    assert visit.page.locator("#timebar").inner_text().count("All dates") == 1
    assert visit.page.get_attribute("#slider", "aria-valuetext") == "All dates"
    assert visit.page.title() == G.graph["title"]
    assert [p.name for p in pages["default"].parent.iterdir()] == ["default.html"]


def test_a_page_built_for_a_period_says_which(
    open_page: Callable[..., Visit], pages: dict[str, Path], tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from graph.cli import main

    page = tmp_path / "period.html"
    arguments = ["build", "--from", "2015-10", "--to", "2016-06", "-o", str(page)]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    visit = open_page(page)
    assert visit.page.locator("#period").is_visible()
    assert visit.text("#period") == "Relations active from 2015-10 to 2016-06"
    # The source line (printed with the page) says it too.
    assert " relations active from 2015-10 to 2016-06, " in visit.text("#print-source")
    visit.page.locator("#top").screenshot(path=ARTIFACTS / "period-heading.png")
    # The whole data: no period to show.
    whole = open_page(pages["default"])
    assert not whole.page.locator("#period").is_visible()
    assert " active " not in whole.text("#print-source")


def test_symmetric_relations_have_no_arrow_head(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    visit = open_page(pages["default"])
    plain = visit.js(
        "explorer.edges.get({filter: (e) => !e.arrows.to.enabled})"
        ".map((e) => [e.from, e.to, e.key])"
    )
    expected = relations(G, lambda u, v, d: d["symmetric"])
    assert sorted(map(tuple, plain)) == expected and expected  # negotiates_with


def test_undirected_import_has_no_arrow_heads(
    open_page: Callable[..., Visit], pages: dict[str, Path], tmp_path: Path
) -> None:
    from graph.importers import import_events

    ties = tmp_path / "ties.csv"
    ties.write_text("source,target,sign\na,b,1\nb,c,-1\nc,a,-1\nc,d,1\n")
    U = graph.load(import_events("edgelist", ties, tmp_path / "u", undirected=True))
    visit = open_page(graph.write_html(U, tmp_path / "u.html"))
    heads = visit.js("explorer.edges.get().map((e) => e.arrows.to.enabled)")
    assert heads == [False] * 4
    # Nor does the legend draw one (the Aleppo page, with directed relations, does).
    legend_heads = "document.querySelectorAll('#legend svg polygon').length"
    assert visit.js("document.querySelectorAll('#legend svg line').length") > 0
    assert visit.js(legend_heads) == 0
    assert open_page(pages["default"]).js(legend_heads) > 0


def test_complete_at_first_paint_and_still(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    visit = open_page(pages["default"])
    inked = visit.js(
        """() => new Promise((done) => requestAnimationFrame(() => {
          const canvas = document.querySelector('#network canvas');
          const context = canvas.getContext('2d');
          const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
          let ink = 0;
          for (let i = 0; i < pixels.length; i += 4) {
            if (pixels[i + 3] > 0 && pixels[i] < 200) ink += 1;
          }
          done(ink / (pixels.length / 4));
        }))"""
    )
    assert inked > 0.01  # the first frame already shows the network
    first = visit.js("explorer.network.getPositions()")
    visit.page.wait_for_timeout(800)
    assert visit.js("explorer.network.getPositions()") == first  # no physics: nothing drifts
    again = open_page(pages["default"])
    assert again.js("explorer.network.getPositions()") == first  # the same picture every load


def test_search_by_alias_focuses_the_actor(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    visit = open_page(pages["default"])
    visit.page.fill("#search", "mosc")
    assert visit.page.locator("#search-results button").all_text_contents() == ["Russia (Moscow)"]
    visit.page.press("#search", "Enter")
    assert visit.state()["selected"] == "russia"
    assert visit.js("explorer.network.getSelectedNodes()") == ["russia"]
    assert visit.text("#panel-name") == "Russia"
    assert visit.js("document.activeElement.id") == "panel-name"
    # Russia with every actor it has relations with, shapes and names whole.
    around = ["russia", *visit.js("explorer.network.getConnectedNodes('russia')")]
    assert len(around) >= 6 and in_view(visit, around) == around
    visit.page.fill("#search", "hizbullah")
    visit.page.press("#search", "Enter")
    assert visit.state()["selected"] == "hezbollah"
    visit.page.fill("#search", "no such actor")
    assert visit.text("#search-results") == "No actor matches."


def test_clicking_an_actor_fills_the_panel_and_dims_the_rest(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    visit = open_page(pages["default"])
    assert visit.js("document.getElementById('panel').hidden")
    visit.page.mouse.click(*visit.screen_point("explorer.network.getPositions(['russia']).russia"))
    assert visit.state()["selected"] == "russia"
    panel = visit.text("#panel")
    node = G.nodes["russia"]
    assert node["description"] in panel and ", ".join(node["aliases"]) in panel
    out_edges = list(G.out_edges("russia", data=True))
    in_edges = list(G.in_edges("russia", data=True))
    expected = [
        f"Support given ({sum(d['sign'] > 0 for *_, d in out_edges)})",
        f"Support received ({sum(d['sign'] > 0 for *_, d in in_edges)})",
        f"Opposition given ({sum(d['sign'] < 0 for *_, d in out_edges)})",
        f"Opposition received ({sum(d['sign'] < 0 for *_, d in in_edges)})",
        f"Other relations ({sum(d['sign'] == 0 for *_, d in out_edges + in_edges)})",
    ]
    assert visit.page.locator("#panel h3").all_text_contents() == expected
    air = G.edges["russia", "assad_government", 7]
    support = visit.page.locator(".relation-group", has_text="Support given").text_content()
    assert "Russia gives air support to Assad government" in support
    assert "since 30 September 2015" in support
    assert air["evidence"] in support and air["citation"] in support
    neighbours = set(nx.all_neighbors(G, "russia")) | {"russia"}
    assert visit.lit() == neighbours
    visit.page.locator("#panel button.link", has_text="Assad government").first.click()
    assert visit.state()["selected"] == "assad_government"
    visit.page.keyboard.press("Escape")
    assert visit.state()["selected"] is None
    assert visit.js("document.getElementById('panel').hidden")
    assert visit.lit() == set(G.nodes)


def test_each_filter_hides_and_shows_the_right_relations(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    visit = open_page(pages["default"])
    camp = dict(G.nodes(data="camp"))
    cases = [
        ("sign", "-1", lambda u, v, d: d["sign"] != -1),
        ("sign", "0", lambda u, v, d: d["sign"] != 0),
        ("confidence", "alleged", lambda u, v, d: d["confidence"] != "alleged"),
        ("camp", "jihadist", lambda u, v, d: "jihadist" not in (camp[u], camp[v])),
        ("type", "air_strikes", lambda u, v, d: d["type"] != "air_strikes"),
    ]
    everything = relations(G)
    for group, value, keep in cases:
        box = visit.page.locator(f'input[data-group="{group}"][value="{value}"]')
        box.uncheck()
        expected = relations(G, keep)
        assert visit.shown() == expected != everything, (group, value)
        box.check()
        assert visit.shown() == everything
    visit.page.locator('input[data-group="camp"][value="opposition"]').uncheck()
    visit.page.locator('input[data-group="sign"][value="1"]').uncheck()
    assert visit.shown() == relations(
        G, lambda u, v, d: d["sign"] != 1 and "opposition" not in (camp[u], camp[v])
    )
    # vis-network holds only what is drawn: the hidden actors are out of its DataSet.
    hidden_actors = visit.js(
        "explorer.data.nodes.map((a) => a.id).filter((id) => explorer.nodes.get(id) === null)"
    )
    assert set(hidden_actors) == {a for a, c in camp.items() if c == "opposition"}
    types = visit.page.locator("fieldset", has_text="Relation type")
    types.get_by_role("button", name="None").click()
    assert visit.shown() == []
    types.get_by_role("button", name="All").click()
    visit.page.locator('input[data-group="camp"][value="opposition"]').check()
    visit.page.locator('input[data-group="sign"][value="1"]').check()
    assert visit.shown() == everything


def test_slider_agrees_with_snapshot_every_month(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    """The page's date rule and graph.snapshot agree on every month of the data."""
    visit = open_page(pages["default"])
    months = visit.js("explorer.data.months")
    slider = visit.page.locator("#slider")
    visit.page.locator("#all-dates").uncheck()  # the slider's first month
    slider.focus()
    counts = set()
    for index, month in enumerate(months):
        if index:
            slider.press("ArrowRight")
        assert visit.text("#slider-label") == month["label"]
        expected = relations(graph.snapshot(G, month["date"]))
        assert visit.shown() == expected, month["date"]
        counts.add(len(expected))
    assert len(counts) > 5  # the months differ: the comparison can fail
    assert not visit.page.locator("#all-dates").is_checked()
    visit.page.locator("#all-dates").check()
    assert visit.shown() == relations(G)


def test_play_steps_through_the_months_and_pauses(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    visit = open_page(pages["default"])
    play = visit.page.locator("#play")
    play.click()
    assert play.text_content() == "Pause" and play.get_attribute("aria-pressed") == "true"
    assert visit.text("#slider-label") == "July 2012"
    visit.wait_until("() => Number(document.getElementById('slider').value) >= 2")
    play.click()
    assert play.text_content() == "Play"
    stopped = visit.js("document.getElementById('slider').value")
    visit.page.wait_for_timeout(1200)
    assert visit.js("document.getElementById('slider').value") == stopped


def test_start_date_sets_the_slider(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    visit = open_page(pages["at"])
    assert visit.text("#slider-label") == "30 September 2015"
    assert visit.shown() == relations(graph.snapshot(G, "2015-09-30"))
    assert visit.shown() != relations(graph.snapshot(G, "2015-09-29"))
    assert not visit.page.locator("#all-dates").is_checked()


def test_hovering_a_relation_shows_its_details(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    visit = open_page(pages["default"])
    # A relation whose midpoint lies away from every actor, so the pointer is on the line.
    relation = visit.js(
        """() => {
          const net = explorer.network;
          const actors = Object.values(net.body.nodes);
          return explorer.data.edges.find((e) => {
            const mid = net.body.edges[e.id].edgeType.getPoint(0.5);
            return actors.every((a) => Math.hypot(a.x - mid.x, a.y - mid.y) > a.shape.width + 25);
          });
        }"""
    )
    assert relation is not None
    point = f"explorer.network.body.edges[{relation['id']}].edgeType.getPoint(0.5)"
    visit.page.mouse.move(*visit.screen_point(point))
    tooltip = visit.page.locator("#hover-card")
    tooltip.wait_for(state="visible")
    text = tooltip.text_content()
    data = G.edges[relation["from"], relation["to"], relation["key"]]
    for expected in (
        G.nodes[relation["from"]]["name"],
        G.graph["relation_types"][data["type"]]["label"],
        relation["when"],
        data["confidence"],
        data["evidence"],
        data["citation"],
    ):
        assert expected in text


def test_story_steps_move_the_slider_and_the_focus(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    visit = open_page(pages["default"])
    steps = visit.js("explorer.data.story")
    visit.page.click("#story-toggle")

    def assert_step(number: int) -> None:
        step = steps[number]
        assert visit.state()["step"] == number
        assert visit.text("#story-title") == step["title"]
        assert step["caption"] in visit.text("#story-caption")
        assert visit.text("#story-position") == f"Story: step {number + 1} of {len(steps)}"
        assert visit.text("#slider-label") == step["label"]
        assert visit.shown() == relations(graph.snapshot(G, step["date"]))
        assert visit.lit() == set(step["actors"])

    assert_step(0)
    assert visit.page.locator("#story-previous").is_disabled()
    visit.page.keyboard.press("ArrowRight")
    assert_step(1)
    visit.page.click("#story-next")
    assert_step(2)
    visit.page.keyboard.press("ArrowLeft")
    assert_step(1)
    for _ in steps:
        visit.page.keyboard.press("PageDown")
    assert_step(len(steps) - 1)
    assert visit.page.locator("#story-next").is_disabled()
    visit.page.keyboard.press("Escape")
    assert visit.state()["step"] == -1 and visit.js("document.getElementById('story').hidden")
    # Nothing dimmed; actors with no relation at the step's date are faded.
    last = graph.snapshot(G, steps[-1]["date"])
    assert visit.lit() == {a for a in G if last.degree(a)} != set(G)


def test_table_lists_every_relation_sortably_and_prints(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    visit = open_page(pages["default"])
    page = visit.page
    assert not page.locator("#table-view").is_visible()
    # Built once the network is drawn, so printing from the network view prints it too.
    visit.wait_until("() => document.querySelectorAll('#relations tbody tr').length > 0")
    page.emulate_media(media="print")
    assert page.locator("#table-view").is_visible()
    assert page.locator("#relations tbody tr:visible").count() == G.number_of_edges()
    assert not page.locator("#timebar").is_visible()
    page.emulate_media(media="screen")
    page.click("#view-toggle")
    assert page.locator("#table-view").is_visible() and not page.locator("#network").is_visible()
    assert page.locator("#relations tbody tr").count() == G.number_of_edges()
    assert page.locator("#relations tbody th[scope=row]").count() == G.number_of_edges()
    headers = page.locator("#relations thead th[scope=col]")
    assert headers.all_text_contents()[:3] == ["From", "Relation", "To"]
    assert f"All {G.number_of_edges()} relations" in visit.text("#relations caption")
    to_header = page.locator("#relations thead th", has_text="To").first
    to_header.get_by_role("button").click()
    assert to_header.get_attribute("aria-sort") == "ascending"
    targets = page.locator("#relations tbody tr td:nth-child(3)").all_text_contents()
    assert targets == sorted(targets, key=str.casefold)
    assert sorted(targets) == sorted(G.nodes[v]["name"] for _, v in G.edges())
    to_header.get_by_role("button").click()
    assert to_header.get_attribute("aria-sort") == "descending"
    targets = page.locator("#relations tbody tr td:nth-child(3)").all_text_contents()
    assert targets == sorted(targets, key=str.casefold, reverse=True)
    page.click("#view-toggle")
    assert page.locator("#network canvas").bounding_box()["width"] > 300


def test_keys_and_collapsing_panels(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    visit = open_page(pages["default"])
    page = visit.page
    page.click("#panels-toggle")
    assert not page.locator("#sidebar").is_visible()
    assert page.locator("#panels-toggle").get_attribute("aria-expanded") == "false"
    assert page.locator("#legend").is_visible()  # the legend stays
    page.click("#panels-toggle")
    assert page.locator("#sidebar").is_visible()
    page.locator("body").press("f")
    entered = visit.js("document.fullscreenElement !== null")
    assert entered or visit.text("#status") == "Fullscreen is not available here."


def evil_dataset(folder: Path) -> Path:
    """A dataset with script payloads in every text field."""
    folder.mkdir()

    def write(name: str, rows: list[list[str]]) -> None:
        with (folder / name).open("w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows(rows)

    actor_columns = ["id", "name", "kind", "camp", "aliases", "description", "source"]
    write(
        "actors.csv",
        [
            actor_columns,
            *(
                [
                    a,
                    f"Name {a} {EVIL}",
                    f"kind {EVIL}",
                    f"camp {a} {EVIL}",
                    f"Alias {a} {EVIL}",
                    f"Description {a} {EVIL}",
                    f"source {EVIL}",
                ]
                for a in ("a", "b")
            ),
        ],
    )
    write(
        "relation_types.csv",
        [["type", "sign", "label", "definition"], ["hits", "-1", f"label {EVIL}", EVIL]],
    )
    write(
        "relations.csv",
        [
            [*graph.tables.read.RELATION_COLUMNS, "date_source"],
            [
                "a",
                "b",
                "hits",
                "2016",
                "",
                "alleged",
                f"Evidence {EVIL}",
                f"Citation {EVIL}",
                f"Date source {EVIL}",
            ],
        ],
    )
    write(
        "story.csv",
        [
            list(graph.tables.read.STORY_COLUMNS),
            ["2016", f"Step {EVIL}", f"Caption {EVIL}", "a|b", f"Story citation {EVIL}"],
        ],
    )
    (folder / "datapackage.json").write_text(
        json.dumps({"title": f"Title {EVIL}"}), encoding="utf-8"
    )
    G = graph.load(folder)
    story = graph.read_story(folder / "story.csv", G.nodes)
    return graph.write_html(G, folder.parent / "evil.html", story=story)


def test_script_payloads_stay_text(open_page: Callable[..., Visit], tmp_path: Path) -> None:
    visit = open_page(evil_dataset(tmp_path / "evil"))
    page = visit.page
    injected = """() => ({
      elements: document.querySelectorAll('img, iframe, object, embed, a, svg script').length,
      scripts: document.scripts.length,
      handlers: Array.from(document.querySelectorAll('*')).filter(
        (e) => Array.from(e.attributes).some((a) => a.name.startsWith('on'))).length,
    })"""
    clean = {"elements": 0, "scripts": 3, "handlers": 0}
    assert visit.js(injected) == clean
    assert page.title() == f"Title {EVIL}" and visit.text("#title") == f"Title {EVIL}"
    legend = visit.text("#legend")
    assert f"camp a {EVIL}" in legend and f"kind {EVIL}" in legend
    page.fill("#search", "alias a")
    page.press("#search", "Enter")
    panel = visit.text("#panel")
    for text in (f"Name a {EVIL}", f"Alias a {EVIL}", f"Description a {EVIL}"):
        assert text in panel
    for text in (f"label {EVIL}", f"Evidence {EVIL}", f"Citation {EVIL}", f"Date source {EVIL}"):
        assert text in panel
    page.keyboard.press("Escape")
    # A point of actor a's shape (an ellipse around its long label) that b's does not cover.
    visit.js("explorer.network.fit()")
    only_a = """(() => {
      const a = explorer.network.body.nodes.a, b = explorer.network.body.nodes.b;
      return {x: a.x + 0.45 * a.shape.width * Math.sign(a.x - b.x), y: a.y};
    })()"""
    visit.page.mouse.move(*visit.screen_point(only_a))
    tooltip = page.locator("#hover-card")
    tooltip.wait_for(state="visible")
    assert f"Description a {EVIL}" in tooltip.text_content()
    page.click("#story-toggle")
    story = visit.text("#story")
    for text in (f"Step {EVIL}", f"Caption {EVIL}", f"Story citation {EVIL}"):
        assert text in story
    page.click("#view-toggle")
    table = visit.text("#relations")
    for text in (f"Name a {EVIL}", f"label {EVIL}", f"Evidence {EVIL}", f"Citation {EVIL}"):
        assert text in table
    assert visit.js(injected) == clean
    assert visit.dialogs == []


def test_classroom_preset_is_legible_on_a_projector(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    # Text and labels in screen pixels: on a 2.5 m wide projection, 1 px is 1.3 mm at
    # 1920 px and 2.4 mm at 1024 px, so these are letters several centimetres tall.
    for width, height, text_px, label_px in ((1920, 1080, 20, 24), (1024, 768, 17, 16)):
        visit = open_page(pages["classroom"], width, height)
        assert min(box.text_px for box in screen_boxes(visit) if box.part == "label") >= label_px
        # Thick lines: a confirmed relation is 3 px wide times the preset's --edge-scale.
        drawn = visit.js(
            """() => explorer.data.edges.filter((e) => e.confidence === 'confirmed').map(
              (e) => explorer.edges.get(e.id).width * explorer.network.getScale())"""
        )
        assert drawn and all(abs(width - 3 * 1.7) < 0.1 * 3 * 1.7 for width in drawn)
        assert visit.js("parseFloat(getComputedStyle(document.body).fontSize)") >= text_px
        assert not visit.page.locator("#sidebar").is_visible()  # the network gets the width
        assert visit.js("document.documentElement.scrollWidth") <= width
        canvas = visit.page.locator("#network canvas").bounding_box()
        assert canvas["width"] >= 0.9 * width and canvas["height"] >= 0.45 * height
        visit.page.screenshot(path=ARTIFACTS / f"explorer-classroom-{width}x{height}.png")
        visit.page.keyboard.press("ArrowRight")
        visit.page.keyboard.press("ArrowRight")
        visit.page.keyboard.press("ArrowRight")
        assert visit.text("#story-date") == "October 2015"
        visit.page.screenshot(path=ARTIFACTS / f"explorer-classroom-story-{width}x{height}.png")
    assert (ARTIFACTS / "explorer-classroom-1920x1080.png").stat().st_size > 10_000


@pytest.mark.parametrize(
    ("preset", "width", "height"),
    [("classroom", 1920, 1080), ("classroom", 1024, 768), ("default", 1024, 600)],
)
def test_no_shape_or_label_covers_another(
    open_page: Callable[..., Visit], pages: dict[str, Path], preset: str, width: int, height: int
) -> None:
    visit = open_page(pages[preset], width, height)
    boxes = screen_boxes(visit)
    actors = visit.js("explorer.data.nodes.length")
    assert len([b for b in boxes if b.part == "shape"]) == actors
    labels = [b for b in boxes if b.part == "label"]
    # Every name, in the classroom at 24 px or more.
    assert len(labels) == actors
    if preset == "classroom":
        assert min(b.text_px for b in labels) >= 23.99
    assert overlapping(boxes) == []
    # The whole network is in view, and fills the canvas one way or the other.
    canvas = visit.js(
        "[explorer.network.canvas.frame.clientWidth, explorer.network.canvas.frame.clientHeight]"
    )
    left, top = min(b.left for b in boxes), min(b.top for b in boxes)
    right, bottom = max(b.right for b in boxes), max(b.bottom for b in boxes)
    assert left >= 0 and top >= 0 and right <= canvas[0] and bottom <= canvas[1]
    assert right - left >= 0.9 * canvas[0] or bottom - top >= 0.9 * canvas[1]
    # Labels zoom with the drawing: still apart closer in, and when a label is hovered.
    visit.js("explorer.network.moveTo({scale: 2.5 * explorer.network.getScale()})")
    assert overlapping(screen_boxes(visit)) == []
    visit.js("explorer.network.fit()")
    visit.page.mouse.move(*visit.screen_point("explorer.network.getPositions(['russia']).russia"))
    visit.page.locator("#hover-card").wait_for(state="visible")
    assert overlapping(screen_boxes(visit)) == []


def test_usable_on_a_small_laptop_screen(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    visit = open_page(pages["default"], 1024, 600)
    assert visit.js("document.documentElement.scrollWidth") <= 1024
    canvas = visit.page.locator("#network canvas").bounding_box()
    assert canvas["width"] >= 1000 and canvas["height"] >= 250  # panels start folded
    visit.page.click("#panels-toggle")
    canvas = visit.page.locator("#network canvas").bounding_box()
    assert canvas["width"] >= 550 and canvas["height"] >= 250
    for control in ("#search", "#view-toggle", "#fullscreen", "#play", "#slider"):
        box = visit.page.locator(control).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1024 and box["y"] + box["height"] <= 600
    ARTIFACTS.mkdir(exist_ok=True)
    visit.page.screenshot(path=ARTIFACTS / "explorer-default-1024x600.png")
