"""The explorer with event data and actors' own dates, in headless Chromium.

Event data repeats one relation between the same two actors hundreds of
times (one row per clash); the page draws such relations as one line with
their count and lists them in the actor panel. Actors with their own
``start``/``end`` are drawn only at the dates they exist, as
:func:`graph.snapshot` keeps them.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from chromium import ARTIFACTS, Visit

import graph
from graph.drawing.scene import scene

FIGHTS = 200


def write_dataset(folder: Path, actors: list[dict], relations: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (("actors.csv", actors), ("relations.csv", relations)):
        with open(folder / name, "w", newline="", encoding="utf-8") as file:
            writer = csv.DictWriter(file, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return folder


@pytest.fixture
def clashes(tmp_path: Path) -> Path:
    """200 dated "fights" rows from east to west, one "fights" back, one support tie."""
    actors = [
        {"id": actor, "name": actor.title(), "kind": "armed group", "camp": camp}
        for actor, camp in (("east", "rebels"), ("west", "government"), ("north", "government"))
    ]
    relations = [
        {
            "source": "east",
            "target": "west",
            "type": "fights",
            "start": f"{2014 + day // 365}-{day % 365 // 31 + 1:02d}-{day % 28 + 1:02d}",
            "end": f"{2014 + day // 365}-{day % 365 // 31 + 1:02d}-{day % 28 + 1:02d}",
            "confidence": "confirmed",
            "evidence": f"Clash number {number + 1} between east and west.",
        }
        for number, day in enumerate(range(0, FIGHTS * 3, 3))
    ]
    relations.append(
        {
            "source": "west",
            "target": "east",
            "type": "fights",
            "start": "2014",
            "end": "",
            "confidence": "confirmed",
            "evidence": "West strikes back.",
        }
    )
    relations.append(
        {
            "source": "north",
            "target": "west",
            "type": "funding",
            "start": "2014",
            "end": "",
            "confidence": "confirmed",
            "evidence": "North pays west.",
        }
    )
    return write_dataset(tmp_path / "clashes", actors, relations)


def test_relations_drawn_alike_share_one_line_in_the_scene(clashes: Path) -> None:
    payload = scene(graph.load(clashes))
    edges = payload["edges"]
    assert len(edges) == FIGHTS + 2  # the table still lists every relation
    east_west = [e for e in edges if (e["from"], e["to"]) == ("east", "west")]
    assert {e["line"] for e in east_west} == {east_west[0]["id"]}
    assert len({e["line"] for e in edges}) == 3  # one line each way between the pair, and north
    # The two lines between east and west are bent apart; the lone line is straight.
    bends = {(e["from"], e["to"]): e["roundness"] for e in edges}
    assert bends[("east", "west")] != bends[("west", "east")]
    assert bends[("north", "west")] is None


def test_many_relations_between_a_pair_are_one_line_with_a_count(
    open_page: Callable[..., Visit], clashes: Path, tmp_path: Path
) -> None:
    # Actors of equal size: sized by their 200 relations, they would cover the lines.
    G = graph.load(clashes)
    page = graph.write_html(G, tmp_path / "clashes.html", size_by=dict.fromkeys(G, 1))
    visit = open_page(page, 1024, 768)
    assert visit.js("explorer.edges.length") == 3
    assert len(visit.shown()) == FIGHTS + 2
    line = visit.js("explorer.data.edges.find((e) => e.from === 'east').line")
    assert visit.js(f"explorer.edges.get({line}).label") == str(FIGHTS)
    # At one month, the line counts that month's clashes only.
    visit.page.locator("#all-dates").uncheck()
    visit.page.locator("#slider").focus()
    in_month = [e for e in graph.snapshot(graph.load(clashes), "2014-01").edges(keys=True)]
    assert visit.text("#slider-label") == "January 2014"
    clashes_then = sum(1 for u, v, _ in in_month if (u, v) == ("east", "west"))
    assert 1 < clashes_then < FIGHTS
    assert visit.js(f"explorer.edges.get({line}).label") == str(clashes_then)
    visit.page.locator("#all-dates").check()

    # The hover card names the count and quotes the first clashes.
    away = visit.js(
        """(line) => {
          const net = explorer.network;
          const actors = Object.values(net.body.nodes);
          return [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
            .map((t) => net.body.edges[line].edgeType.getPoint(t))
            .find((p) => actors.every((a) =>
              Math.hypot(a.x - p.x, a.y - p.y) > Math.max(a.shape.width, a.shape.height) / 2 + 8));
        }""",
        line,
    )
    x, y = visit.screen_point(f"({{x: {away['x']}, y: {away['y']}}})")
    visit.page.screenshot(path=str(ARTIFACTS / "event-data-one-line.png"))
    visit.page.mouse.move(x, y)
    card = visit.page.locator("#hover-card")
    assert card.is_visible()
    assert f"{FIGHTS} relations" in card.text_content()
    assert "Clash number 1 between" in card.text_content()
    assert visit.js("explorer.highlighted()") == line

    # The actor panel lists the line once, with its count; opened, every clash and its quote.
    visit.page.mouse.click(*visit.screen_point("explorer.network.getPositions(['east']).east"))
    visit.wait_until("() => explorer.state().selected === 'east'")
    lines = visit.page.locator("#panel .line-members")
    assert lines.count() == 1
    summary = lines.locator("summary")
    assert summary.text_content() == f"{FIGHTS} relations"
    assert lines.locator("li").count() == 0  # filled when opened
    summary.click()
    visit.wait_until("() => document.querySelectorAll('#panel .line-members li').length > 0")
    items = lines.locator("li")
    assert items.count() == FIGHTS
    quotes = {text.split("“")[1].rstrip("”") for text in items.all_text_contents()}
    assert quotes == {f"Clash number {n} between east and west." for n in range(1, FIGHTS + 1)}
    visit.page.screenshot(path=str(ARTIFACTS / "event-data-panel.png"))


@pytest.fixture
def dated_actors(tmp_path: Path) -> Path:
    """An actor that exists from 2015 and one that is gone after 2014."""
    actors = [
        {"id": "old", "name": "Old", "kind": "state", "camp": "a", "start": "", "end": "2014"},
        {"id": "new", "name": "New", "kind": "state", "camp": "b", "start": "2015", "end": ""},
        {"id": "always", "name": "Always", "kind": "state", "camp": "a", "start": "", "end": ""},
    ]
    relations = [
        {"source": s, "target": t, "type": "fights", "start": "2013", "end": "2016"}
        for s, t in (("old", "always"), ("new", "always"), ("old", "new"))
    ]
    return write_dataset(tmp_path / "dated", actors, relations)


def test_actors_outside_their_own_dates_are_not_drawn(
    open_page: Callable[..., Visit], dated_actors: Path, tmp_path: Path
) -> None:
    G = graph.load(dated_actors)
    nodes = {n["id"]: n for n in scene(G)["nodes"]}
    assert (nodes["old"]["active_from"], nodes["old"]["active_to"]) == (None, "2014-12-31")
    assert (nodes["new"]["active_from"], nodes["new"]["active_to"]) == ("2015-01-01", None)
    visit = open_page(graph.write_html(G, tmp_path / "dated.html"), 1024, 768)
    months = visit.js("explorer.data.months")
    visit.page.locator("#all-dates").uncheck()
    slider = visit.page.locator("#slider")
    slider.focus()
    drawn_actors = "explorer.nodes.get({filter: (n) => !n.hidden}).map((n) => n.id).sort()"
    seen = set()
    for index, month in enumerate(months):
        if index:
            slider.press("ArrowRight")
        H = graph.snapshot(G, month["date"])
        assert visit.js(drawn_actors) == sorted(H.nodes), month["date"]
        assert visit.shown() == sorted(H.edges(keys=True)), month["date"]
        seen.add(tuple(sorted(H.nodes)))
    assert len(seen) == 2  # before 2015 and after 2014: the check can fail


@pytest.fixture(scope="module")
def large_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    """3,200 relations among 400 actors: past the line count from which the page draws lines."""
    folder = tmp_path_factory.mktemp("large")
    actors = [
        {"id": f"a{n:03d}", "name": f"Actor {n}", "kind": "state", "camp": f"camp {n % 4}"}
        for n in range(400)
    ]
    ends = [(n % 400, (n % 400 + 1 + n // 400 * 37) % 400) for n in range(3200)]
    relations = [
        {
            "source": f"a{ends[n][0]:03d}",
            "target": f"a{ends[n][1]:03d}",
            "type": "backs" if ends[n][0] % 4 == ends[n][1] % 4 else "fights",
            "start": f"{2012 + n % 5}",
            "end": "",
            "confidence": ("confirmed", "claimed", "alleged")[n % 3],
            "evidence": f"Quote {n}.",
        }
        for n in range(3200)
    ]
    G = graph.load(write_dataset(folder / "data", actors, relations))
    return graph.write_html(G, folder / "large.html"), G


DARK_PIXELS = """() => {
  const canvas = document.querySelector('#network canvas');
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let dark = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] > 128 && pixels[i] + pixels[i + 1] + pixels[i + 2] < 600) dark += 1;
  }
  return dark;
}"""


def test_a_large_network_draws_its_lines_itself_and_filters_them(
    open_page: Callable[..., Visit], large_page: tuple[Path, object]
) -> None:
    page_file, G = large_page
    visit = open_page(page_file, 1024, 768)
    assert visit.js("explorer.edges.get({filter: (e) => !e.hidden}).length") == 0  # not by vis
    assert len(visit.shown()) == G.number_of_edges() == 3200
    visit.js("explorer.network.redraw()")
    with_lines = visit.js(DARK_PIXELS)
    visit.page.screenshot(path=str(ARTIFACTS / "large-3200-lines.png"))
    support = visit.page.locator("#filter-groups input[data-group=sign][value='1']")
    opposition = visit.page.locator("#filter-groups input[data-group=sign][value='-1']")
    if not support.is_visible():
        visit.page.click("#panels-toggle")
    support.uncheck()
    expected = sorted((u, v, k) for u, v, k, d in G.edges(keys=True, data=True) if d["sign"] != 1)
    assert visit.shown() == expected and 0 < len(expected) < 3200
    opposition.uncheck()
    assert visit.shown() == []
    visit.js("explorer.network.redraw()")
    without_lines = visit.js(DARK_PIXELS)
    assert without_lines < with_lines / 2, (without_lines, with_lines)  # the lines were drawn
    # A point along a drawn line picks it.
    support.check()
    opposition.check()
    line = visit.js("explorer.data.edges[0].line")
    point = visit.js(f"explorer.network.body.edges[{line}].edgeType.getPoint(0.5)")
    at = visit.js("(p) => explorer.network.canvasToDOM(p)", point)
    assert visit.js(f"explorer.relationAt({at['x']}, {at['y']})") is not None


def test_a_large_table_holds_the_first_rows_then_more_and_prints_them_all(
    open_page: Callable[..., Visit], large_page: tuple[Path, object]
) -> None:
    page_file, G = large_page
    visit = open_page(page_file, 1024, 768)
    page = visit.page
    page.click("#view-toggle")
    rows = page.locator("#relations tbody tr")
    assert rows.count() == 100
    assert visit.text("#relations caption").startswith("All 3200 relations")
    assert page.locator("#relations").get_attribute("aria-rowcount") == "3201"
    assert rows.nth(99).get_attribute("aria-rowindex") == "101"
    page.locator("#table-view").evaluate("(view) => { view.scrollTop = view.scrollHeight; }")
    visit.wait_until("() => document.querySelectorAll('#relations tbody tr').length >= 200")
    page.locator("#table-view").evaluate("(view) => { view.scrollTop = 0; }")
    # Scroll events are handled on the next frames: count once they are.
    visit.js("() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)))")
    held = rows.count()
    page.click(".more-rows")
    assert rows.count() == held + 100
    page.fill("#table-filter", "Quote 1234.")
    assert rows.count() == 1 and "Quote 1234." in rows.first.text_content()
    page.fill("#table-filter", "")
    assert rows.count() == 100
    # Sorting orders every relation, not only the rows held.
    page.locator("#relations thead th", has_text="To").first.get_by_role("button").click()
    first = rows.first.locator("td:nth-child(3)").text_content()
    assert first == min((G.nodes[v]["name"] for _, v in G.edges()), key=str.casefold)
    visit.js("() => window.dispatchEvent(new Event('beforeprint'))")
    assert rows.count() == 3200
    visit.js("() => window.dispatchEvent(new Event('afterprint'))")
    assert rows.count() == 100


def test_in_grayscale_camps_differ_and_claimed_and_alleged_lines_differ(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    """A grayscale screenshot of the Aleppo page: each camp's actors have their own grey."""
    from PIL import Image

    visit = open_page(pages["default"], 1024, 768)
    visit.js("() => { document.body.style.filter = 'grayscale(1)'; }")
    shot = ARTIFACTS / "grayscale-aleppo-1024x768.png"
    visit.page.screenshot(path=str(shot))
    picture = Image.open(shot).convert("L")
    centres = visit.js(
        """() => {
          const net = explorer.network;
          const box = document.querySelector('#network canvas').getBoundingClientRect();
          return explorer.data.nodes.filter((a) => a.shape !== 'ellipse').map((a) => {
            const p = net.canvasToDOM(net.getPositions([a.id])[a.id]);
            return [a.camp, box.left + p.x, box.top + p.y, a.size * net.getScale()];
          });
        }"""
    )
    greys: dict[str, list[int]] = {}
    for camp, x, y, radius in centres:
        if radius < 4:
            continue  # too small to sample its fill away from its border
        around = [(round(x) + dx, round(y) + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
        patch = sorted(picture.getpixel(point) for point in around)
        greys.setdefault(camp, []).append(patch[4])
    camps = {camp: sorted(values)[len(values) // 2] for camp, values in greys.items()}
    assert len(camps) == len(visit.js("explorer.data.legend.camps")) >= 5, camps
    names = sorted(camps, key=camps.get)
    gaps = [(a, b, camps[b] - camps[a]) for a, b in itertools.pairwise(names)]
    assert all(gap >= 10 for _, _, gap in gaps), gaps  # of 255 grey levels
    # Claimed and alleged relations: distinct dash patterns on the page and in the legend.
    dashes = visit.js(
        """() => Object.fromEntries(['claimed', 'alleged'].map((level) => {
          const e = explorer.data.edges.find((r) => r.confidence === level && r.sign === -1);
          return [level, JSON.stringify(explorer.network.body.edges[e.line].options.dashes)];
        }))"""
    )
    assert dashes["claimed"] != dashes["alleged"], dashes
    legend = visit.page.locator("#legend .legend-group", has_text="Confidence").locator("line")
    patterns = legend.evaluate_all("(all) => all.map((l) => l.getAttribute('stroke-dasharray'))")
    assert len(set(patterns)) == len(patterns) == 3, patterns
