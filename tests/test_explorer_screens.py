"""The explorer on the screens students and teachers use: phones, tablets, a clicker.

Sizes: a phone (390x844, touch), a tablet (768x1024, touch), a laptop or small
projector (1024x768) and a projector (1920x1080). Screenshots go to
test-artifacts/.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from chromium import ARTIFACTS, ScreenBox, Visit, in_view, overlapping, screen_boxes

import graph

# Drives headless Chromium: left out of `make test-fast`.
pytestmark = pytest.mark.browser

PHONE = (390, 844)
TABLET = (768, 1024)

INK = """() => new Promise((done) => requestAnimationFrame(() => {
  const canvas = document.querySelector('#network canvas');
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3] > 0 && pixels[i] < 200) ink += 1;
  done(ink / (pixels.length / 4));
}))"""


def box(visit: Visit, selector: str) -> dict | None:
    return visit.page.locator(selector).bounding_box()


def network_sizes(visit: Visit, times: int = 6) -> list[tuple[float, float]]:
    """The network's box, measured every 250 ms (vis-network checks its size every second)."""
    sizes = []
    for _ in range(times):
        frame = box(visit, "#network")
        sizes.append((frame["width"], frame["height"]))
        visit.page.wait_for_timeout(250)
    return sizes


def screenshot(visit: Visit, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    visit.page.screenshot(path=ARTIFACTS / f"{name}.png")


def label_px(visit: Visit) -> float:
    """Height of the smallest actor label drawn, in CSS pixels."""
    return min(b.text_px for b in screen_boxes(visit) if b.part == "label")


def settled(visit: Visit) -> None:
    """Wait for the canvas to follow its box (the page places the actors on the next frame)."""
    visit.js(
        "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )


def tap_actor(visit: Visit, actor: str) -> None:
    settled(visit)
    visit.page.touchscreen.tap(
        *visit.screen_point(f"explorer.network.getPositions(['{actor}'])['{actor}']")
    )


@pytest.mark.parametrize("preset", ["default", "classroom"])
def test_on_a_phone_the_network_comes_first_painted_and_still(
    open_page: Callable[..., Visit], pages: dict[str, Path], preset: str
) -> None:
    visit = open_page(pages[preset], *PHONE, touch=True)
    sizes = network_sizes(visit)
    assert len(set(sizes)) == 1, sizes  # a stable size: it used to grow without end
    width, height = sizes[0]
    assert width == PHONE[0] and 0.5 * PHONE[1] <= height <= 0.8 * PHONE[1]
    assert visit.js(INK) > 0.005  # painted
    network = box(visit, "#network")
    assert network["y"] < 0.25 * PHONE[1]  # first, under the title and the buttons
    assert network["y"] + network["height"] <= PHONE[1]  # and wholly on the first screen
    assert not visit.page.locator("#legend").is_visible()
    assert not visit.page.locator("#sidebar").is_visible()
    assert visit.js("document.documentElement.scrollWidth") <= PHONE[0]
    # Readable names, every one: 14 px (24 in the classroom); the actors move apart for them.
    boxes = screen_boxes(visit)
    assert label_px(visit) >= (23.99 if preset == "classroom" else 13.99)
    assert overlapping(boxes) == []
    if preset == "default":
        assert len([b for b in boxes if b.part == "label"]) == visit.js(
            "explorer.data.nodes.length"
        )
    screenshot(visit, f"phone-{preset}-390x844")
    # Legend and panels are a tap away.
    visit.page.locator("#legend-toggle").tap()
    assert visit.page.locator("#legend").is_visible()
    assert visit.page.locator("#legend-toggle").get_attribute("aria-expanded") == "true"
    assert network_sizes(visit, 2)[0][1] >= 0.5 * PHONE[1]  # the legend pushes, never squeezes
    visit.page.locator("#legend-toggle").tap()
    tap_actor(visit, "russia")
    assert visit.state()["selected"] == "russia"
    assert visit.page.locator("#panel").is_visible() and visit.text("#panel-name") == "Russia"
    assert len(set(network_sizes(visit, 3))) == 1
    visit.page.locator("#panel-name").scroll_into_view_if_needed()
    screenshot(visit, f"phone-{preset}-390x844-russia")


def test_on_a_tablet_the_panel_opens_under_the_network_and_names_stay_legible(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    visit = open_page(pages["default"], *TABLET, touch=True)
    assert len(set(network_sizes(visit))) == 1
    assert visit.js(INK) > 0.005
    before = label_px(visit)
    tap_actor(visit, "russia")
    assert visit.page.locator("#panel").is_visible()
    visit.page.wait_for_timeout(300)
    after = label_px(visit)
    assert after >= 0.95 * before and after >= 13.99  # it was about 7 px once the panel opened
    boxes = screen_boxes(visit)
    assert len([b for b in boxes if b.part == "label"]) == visit.js("explorer.data.nodes.length")
    assert overlapping(boxes) == []
    panel, network = box(visit, "#panel"), box(visit, "#network")
    assert panel["y"] >= network["y"] + network["height"]  # under the network, not beside it
    screenshot(visit, "tablet-default-768x1024-russia")


def test_in_the_story_the_clicker_always_steps_the_story(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    """PageDown, PageUp and the arrows step the story even once the slider has been used."""
    visit = open_page(pages["classroom"], 1024, 768)
    steps = visit.js("explorer.data.story")
    page = visit.page
    page.click("#story-toggle")
    assert visit.state()["step"] == 0
    page.locator("#slider").focus()  # the presenter touched the slider
    page.keyboard.press("PageDown")
    assert visit.state()["step"] == 1
    page.keyboard.press("ArrowRight")
    assert visit.state()["step"] == 2
    page.keyboard.press("PageUp")
    assert visit.state()["step"] == 1
    step = steps[1]
    assert visit.text("#slider-label") == step["label"] == visit.text("#story-date")
    assert visit.shown() == sorted(graph.snapshot(G, step["date"]).edges(keys=True))
    page.click("#story-next")  # a button has the focus now
    page.keyboard.press("PageDown")
    assert visit.state()["step"] == 3
    # The search box keeps its keys.
    page.locator("#search").focus()
    page.keyboard.press("ArrowLeft")
    assert visit.state()["step"] == 3


def test_moving_the_slider_by_hand_leaves_the_story_visibly(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    visit = open_page(pages["default"], 1024, 768)
    page = visit.page
    page.click("#story-toggle")
    page.keyboard.press("PageDown")
    assert visit.state()["step"] == 1
    slider = box(visit, "#slider")
    page.mouse.click(slider["x"] + 0.1 * slider["width"], slider["y"] + slider["height"] / 2)
    months = visit.js("explorer.data.months")
    month = months[int(visit.js("document.getElementById('slider').value"))]
    assert visit.state()["step"] == -1  # no old caption over another month's picture
    assert not page.locator("#story").is_visible()
    assert page.locator("#story-toggle").get_attribute("aria-pressed") == "false"
    assert visit.text("#slider-label") == month["label"]
    assert visit.text("#status") == f"Story closed: {month['label']}"
    assert visit.shown() == sorted(graph.snapshot(G, month["date"]).edges(keys=True))
    # The step's actors are no longer lit: every actor with a relation that month is.
    assert visit.lit() == {a for a in G if graph.snapshot(G, month["date"]).degree(a)}
    # Play leaves it too.
    page.click("#story-toggle")
    page.click("#play")
    assert visit.state()["step"] == -1 and not page.locator("#story").is_visible()
    page.click("#play")


def named(visit: Visit) -> set[str]:
    return set(
        visit.js("explorer.nodes.get({filter: (n) => !!n.label && !n.hidden}).map((n) => n.id)")
    )


def fit_button(visit: Visit) -> ScreenBox:
    """The "Whole network" button over the canvas, in pixels of the canvas."""
    frame, button = box(visit, "#network"), box(visit, "#fit-view")
    left, top = button["x"] - frame["x"], button["y"] - frame["y"]
    return ScreenBox("", "button", left, top, left + button["width"], top + button["height"])


def positions(visit: Visit) -> dict[str, tuple[int, int]]:
    """Where each actor is drawn, in canvas units, to the unit."""
    at = visit.js("explorer.network.getPositions()")
    return {actor: (round(p["x"]), round(p["y"])) for actor, p in at.items()}


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (1920, 1080)])
def test_classroom_names_every_actor_at_24_px_without_overlaps(
    open_page: Callable[..., Visit], pages: dict[str, Path], width: int, height: int
) -> None:
    """For the back row: every name at 24 px or more, story open or not, at every step.

    At 1024 x 768 the layout's own spacing gives 16 px names; the page moves the
    actors apart within the view until the larger names have room, and keeps
    them there while the story is stepped through.
    """
    visit = open_page(pages["classroom"], width, height)
    steps = len(visit.js("explorer.data.story"))
    for step in range(steps + 1):
        if step:
            visit.page.keyboard.press("PageDown")
            settled(visit)
        boxes = screen_boxes(visit)
        shapes = [b for b in boxes if b.part == "shape"]
        labels = [b for b in boxes if b.part == "label"]
        assert {b.actor for b in labels} == {b.actor for b in shapes}, f"step {step}"
        assert min(b.text_px for b in labels) >= 23.99
        assert overlapping([*boxes, fit_button(visit)]) == [], f"step {step}"
        if step == 1:
            first = positions(visit)  # the story panel is open from here on
        elif step > 1:
            assert positions(visit) == first, "actors stay put while the story steps"
        if step in (0, 2):
            screenshot(visit, f"classroom-names-{width}x{height}{'-story' if step else ''}")
    # A+ makes names larger still: the actors move apart again, names left out last.
    visit.page.keyboard.press("Escape")
    visit.page.click("#labels-larger")
    settled(visit)
    boxes = screen_boxes(visit)
    assert min(b.text_px for b in boxes if b.part == "label") >= 29.99
    assert overlapping([*boxes, fit_button(visit)]) == []


def test_a_search_then_the_story_on_a_phone_shows_the_whole_network(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    """A search zooms in on an actor's neighbourhood; the story that follows is about all of it."""
    visit = open_page(pages["default"], *PHONE, touch=True)
    page = visit.page
    page.locator("#search").tap()
    page.keyboard.type("Russia")
    page.locator("#search-results button").first.tap()
    around = ["russia", *visit.js("explorer.network.getConnectedNodes('russia')")]
    assert in_view(visit, around) == around
    page.locator("#story-toggle").tap()
    for step in range(len(visit.js("explorer.data.story"))):
        if step:
            page.locator("#story-next").tap()
        settled(visit)
        drawn = [b.actor for b in screen_boxes(visit) if b.part == "shape"]
        assert in_view(visit, drawn) == drawn, f"step {step + 1}"


def test_names_stay_legible_with_the_panels_and_the_story_beside_the_network(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    """At 1024 x 768 the panels and the story leave the network a third of the width."""
    visit = open_page(pages["default"], 1024, 768)
    page = visit.page
    page.fill("#search", "Russia")
    page.press("#search", "Enter")
    page.keyboard.press("Escape")
    page.click("#story-toggle")
    settled(visit)
    # The story takes the panels' place: the network keeps two thirds of the width.
    assert not page.locator("#sidebar").is_visible()
    assert visit.js("explorer.network.canvas.frame.clientWidth") > 600
    # Opened again beside the story, they leave a third: names stay at 12 px or more.
    page.click("#panels-toggle")
    settled(visit)
    assert visit.js("explorer.network.canvas.frame.clientWidth") < 400
    boxes = screen_boxes(visit)
    labels = [b for b in boxes if b.part == "label"]
    assert min(b.text_px for b in labels) >= 11.99  # it was 6 px
    assert len(labels) >= 15 and overlapping(boxes) == []
    screenshot(visit, "default-1024x768-panels-and-story")


def test_a_small_projector_starts_with_the_legend_folded(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    """At 1024 x 768 the classroom's legend would take a fifth of the height from the names."""
    for (width, height), folded in (((1024, 768), True), ((1920, 1080), False)):
        visit = open_page(pages["classroom"], width, height)
        assert visit.page.locator("#legend").is_visible() is not folded
        toolbar = box(visit, "#toolbar")
        assert toolbar["height"] < 2 * box(visit, "#copy-link")["height"], "one line of buttons"
    visit.page.click("#legend-toggle")
    assert visit.page.locator("#legend").is_visible() is False
    visit = open_page(pages["default"], 1024, 768)
    assert visit.page.locator("#legend").is_visible()


@pytest.mark.parametrize("preset", ["default", "classroom"])
def test_names_can_be_made_larger_smaller_and_hidden(
    open_page: Callable[..., Visit], pages: dict[str, Path], preset: str
) -> None:
    visit = open_page(pages[preset], 1024, 768)
    page = visit.page
    first = visit.js("explorer.labelPx()")
    page.click("#labels-larger")
    settled(visit)
    assert visit.js("explorer.labelPx()") == pytest.approx(1.25 * first)
    assert overlapping(screen_boxes(visit)) == []
    assert visit.text("#status") == f"Names at {round(1.25 * first)} pixels"
    page.click("#labels-smaller")
    page.click("#labels-smaller")
    settled(visit)
    assert visit.js("explorer.labelPx()") == pytest.approx(first / 1.25)
    assert overlapping(screen_boxes(visit)) == []
    toggle = page.locator("#labels-toggle")
    assert toggle.get_attribute("aria-pressed") == "true"
    toggle.click()
    assert named(visit) == set() and toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert len(named(visit)) >= 10
    for _ in range(12):
        if page.locator("#labels-smaller").is_disabled():
            break
        page.click("#labels-smaller")
    assert page.locator("#labels-smaller").is_disabled()
    assert len(named(visit)) == visit.js("explorer.data.nodes.length")  # small: every name
    screenshot(visit, f"names-smallest-{preset}-1024x768")


def test_actors_without_a_relation_at_the_date_are_faded(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    """Jabhat Fateh al-Sham did not stand on the map in July 2012."""
    visit = open_page(pages["default"], 1024, 768)
    opacity = "(id) => explorer.nodes.get(id).opacity"
    assert visit.js(opacity, "jabhat_fateh_al_sham") == 1  # all dates
    visit.page.locator("#all-dates").uncheck()
    assert visit.text("#slider-label") == "July 2012"
    july = graph.snapshot(G, "2012-07")
    assert visit.lit() == {a for a in G if july.degree(a)}
    assert "jabhat_fateh_al_sham" not in visit.lit() and "free_syrian_army" in visit.lit()
    assert 0.12 < visit.js(opacity, "jabhat_fateh_al_sham") < 1  # faded, not dimmed
    screenshot(visit, "faded-july-2012-1024x768")


def test_keyboard_zoom_pan_and_whole_network(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    visit = open_page(pages["default"], 1024, 768)
    page = visit.page
    scale = "explorer.network.getScale()"
    fitted = visit.js(scale)
    page.locator("#network-view").focus()
    page.keyboard.press("+")
    assert visit.js(scale) == pytest.approx(1.25 * fitted)
    before = visit.js("explorer.network.getViewPosition()")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowDown")
    after = visit.js("explorer.network.getViewPosition()")
    assert after["x"] > before["x"] and after["y"] > before["y"]
    page.keyboard.press("-")
    page.keyboard.press("-")
    assert visit.js(scale) == pytest.approx(fitted / 1.25)
    page.keyboard.press("0")
    assert visit.js(scale) == pytest.approx(fitted)
    page.keyboard.press("+")
    page.click("#fit-view")
    assert visit.js(scale) == pytest.approx(fitted)
    # A search zooms in on the actor and the actors it has relations with,
    # names whole; Escape shows the whole network again.
    page.fill("#search", "hezbollah")
    page.press("#search", "Enter")
    settled(visit)  # the panel has opened beside the network: still in view
    zoomed = visit.js(scale)
    assert zoomed > fitted
    around = ["hezbollah", *visit.js("explorer.network.getConnectedNodes('hezbollah')")]
    assert around == ["hezbollah", "assad_government"]
    assert in_view(visit, around) == around
    page.keyboard.press("Escape")
    assert visit.state()["selected"] is None and visit.js(scale) < zoomed
    boxes = screen_boxes(visit)
    frame = page.locator("#network").bounding_box()
    assert min(b.left for b in boxes) >= 0 and max(b.right for b in boxes) <= frame["width"]
    assert min(b.top for b in boxes) >= 0 and max(b.bottom for b in boxes) <= frame["height"]


def test_the_table_follows_the_date_and_filters_and_says_so(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    visit = open_page(pages["at"], 1366, 768)
    page = visit.page
    page.locator('input[data-group="sign"][value="-1"]').uncheck()
    page.click("#view-toggle")
    rows = page.locator("#relations tbody tr:visible")
    september = graph.snapshot(G, "2015-09-30")
    expected = [(u, v, d) for u, v, d in september.edges(data=True) if d["sign"] != -1]
    assert rows.count() == len(expected) == len(visit.shown())
    caption = visit.text("#relations caption")
    total = G.number_of_edges()
    assert caption.startswith(f"{len(expected)} of {total} relations of ")
    assert "(at 30 September 2015; without sign opposition)" in caption
    evidence = page.locator("#relations tbody tr:visible td:nth-child(7)").all_text_contents()
    assert sorted(e.strip("“”") for e in evidence) == sorted(d["evidence"] for *_, d in expected)
    page.fill("#table-filter", "russia")
    matching = [
        d
        for u, v, d in expected
        if "russia" in f"{u} {v} {d['evidence']} {d['citation']}".lower().replace("_", " ")
    ]
    assert 0 < rows.count() == len(matching) < len(expected)
    assert "with “russia”" in visit.text("#relations caption")
    page.fill("#table-filter", "")
    page.check("#table-all")
    assert rows.count() == total
    assert visit.text("#relations caption").startswith(f"All {total} relations")
    screenshot(visit, "table-all-1366x768")


def test_printing_keeps_the_view_the_panel_and_the_camp_colours(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    visit = open_page(pages["at"], 1366, 768)
    page = visit.page
    page.locator('input[data-group="camp"][value="jihadist"]').uncheck()
    page.fill("#search", "russia")
    page.press("#search", "Enter")
    page.click("#panels-toggle")  # folded away on screen
    page.locator("#network-view").focus()
    page.keyboard.press("+")
    page.keyboard.press("+")
    assert not page.locator("#panel").is_visible()
    page.emulate_media(media="print")
    note = page.locator("#print-view")
    assert note.is_visible()
    # Zoomed in: the part seen prints, named by the actors in it.
    words = note.text_content()
    assert "at 30 September 2015; without camp jihadist; zoomed in on the part around " in words
    assert "Russia" in words
    assert page.locator("#panel").is_visible() and visit.text("#panel-name") == "Russia"
    adjust = "getComputedStyle(document.querySelector('#legend .swatch')).printColorAdjust"
    assert visit.js(adjust) == "exact"
    assert not page.locator("#timebar").is_visible() and not page.locator("#skip").is_visible()
    page.emulate_media(media="screen")
    assert not note.is_visible()
    # Printed as from a print dialog: emulated print media would keep the screen's width.
    page.emulate_media(media="null")
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=ARTIFACTS / "print-at-2015-09-30.pdf")


def test_what_changed_since_the_step_or_month_before(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    """The page's counterpart of graph.diff: relations started and ended, with their quotes."""

    evidence = {(u, v, k): d["evidence"] for u, v, k, d in G.edges(keys=True, data=True)}

    def diff(before: str, after: str) -> tuple[set, set]:
        """The relations started and ended, as (source, target, key)."""
        old = set(graph.snapshot(G, before).edges(keys=True))
        new = set(graph.snapshot(G, after).edges(keys=True))
        return new - old, old - new

    def quotes(relations: set) -> set[str]:
        return {evidence[e] for e in relations}

    def listed(box: str, title: str) -> set[str]:
        group = visit.page.locator(f"{box} h4", has_text=title)
        assert group.count() == 1
        quotes = visit.page.locator(f"{box} h4:has-text('{title}') + ul blockquote")
        return {q.strip("“”") for q in quotes.all_text_contents()}

    def opened(box: str, started: set, ended: set) -> None:
        """The counts show, the list is folded; opened, it shows the quotes."""
        counts = f"{len(started)} relation{'' if len(started) == 1 else 's'} started"
        summary = visit.page.locator(f"{box} summary")
        assert summary.text_content() == f"{counts}, {len(ended)} ended"
        assert not visit.page.locator(f"{box} h4").first.is_visible()
        summary.click()
        assert visit.page.locator(f"{box} h4").first.is_visible()

    visit = open_page(pages["default"], 1366, 768)
    steps = visit.js("explorer.data.story")
    visit.page.click("#story-toggle")
    assert not visit.page.locator("#story-changes").is_visible()  # the first step: nothing before
    visit.page.keyboard.press("PageDown")
    visit.page.keyboard.press("PageDown")
    started, ended = diff(steps[1]["date"], steps[2]["date"])
    assert started
    box = "#story-changes"
    assert visit.text(f"{box} h3") == f"What changed since {steps[1]['label']}"
    opened(box, started, ended)
    assert listed(box, "Started") == quotes(started) and listed(box, "Ended") == quotes(ended)
    screenshot(visit, "story-what-changed-1366x768")
    visit.page.click("#labels-larger")  # drawn again for the same dates: it stays open
    assert visit.page.locator(f"{box} details").evaluate("(list) => list.open")
    # Months: in the side panel, against the month before.
    visit.page.keyboard.press("Escape")  # the story closes at its date, October 2015
    visit.page.locator("#slider").focus()
    visit.page.keyboard.press("ArrowLeft")
    assert visit.text("#slider-label") == "September 2015"
    started, ended = diff("2015-08", "2015-09")
    opened("#changes", started, ended)
    assert started and listed("#changes", "Started") == quotes(started)
    assert listed("#changes", "Ended") == quotes(ended)


TABLE_FIT = """() => {
  const view = document.getElementById('table-view');
  const frame = view.getBoundingClientRect();
  const right = frame.left + view.clientLeft + view.clientWidth;  // the visible box, scrollbar out
  const cells = [...document.querySelectorAll('#relations thead th')];
  const caption = document.querySelector('#relations caption').getBoundingClientRect();
  return {
    overflowing: cells.filter((c) => c.getBoundingClientRect().right > right + 0.5)
      .map((c) => c.textContent),
    caption: caption.right <= right + 0.5,
    evidence: cells[6].getBoundingClientRect().width,
    scrolls: view.scrollWidth > view.clientWidth,
    overflowX: getComputedStyle(view).overflowX,
  };
}"""


@pytest.mark.parametrize("preset", ["default", "classroom"])
def test_the_table_fits_beside_the_panels_on_a_laptop(
    open_page: Callable[..., Visit], pages: dict[str, Path], preset: str
) -> None:
    """At 1024 x 768, once an actor's panel has opened, every column of the table shows.

    Quotes and sources wrap; the panels give the table room while it shows. A
    table that is still wider (the classroom's larger text) scrolls sideways
    within its view.
    """
    visit = open_page(pages[preset], 1024, 768)
    page = visit.page
    page.locator("#search").focus()
    page.keyboard.type("russia")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")  # the panels stay open
    page.click("#view-toggle")
    assert page.locator("#sidebar").is_visible() and page.locator("#table-view").is_visible()
    fit = visit.js(TABLE_FIT)
    screenshot(visit, f"table-beside-panels-{preset}-1024x768")
    if preset == "default":
        assert fit["overflowing"] == [] and fit["caption"] and not fit["scrolls"]
        assert fit["evidence"] >= 80  # the quotes have a column to wrap in
    else:
        assert fit["overflowing"] == [] or fit["overflowX"] in ("auto", "scroll")


def test_each_story_step_shows_its_title_quote_and_source_on_a_small_projector(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    """A clicker cannot scroll the story: each step opens at its top, its own text in view.

    "What changed" is a line of counts there, its list folded (it was over
    2,000 px tall at 1024 x 768 in the classroom).
    """
    visit = open_page(pages["classroom"], 1024, 768)
    page = visit.page
    page.click("#story-toggle")
    steps = len(visit.js("explorer.data.story"))
    for step in range(steps):
        assert visit.state()["step"] == step
        assert visit.js("document.getElementById('story').scrollTop") == 0
        story = visit.js(
            """() => { const s = document.getElementById('story');
                       const b = s.getBoundingClientRect();
                       return [b.top + s.clientTop, b.top + s.clientTop + s.clientHeight]; }"""
        )
        for part in ("#story-title", "#story-caption", "#story-citation"):
            where = box(visit, part)
            assert story[0] <= where["y"] and where["y"] + where["height"] <= story[1] + 0.5, (
                f"step {step + 1}: {part} out of sight"
            )
        if page.locator("#story-changes").is_visible():
            assert box(visit, "#story-changes")["height"] < 150  # folded: a heading and counts
        screenshot(visit, f"classroom-story-step-{step + 1}-1024x768")
        # Scrolled down by hand, the next step still opens at its top.
        visit.js("document.getElementById('story').scrollTop = 10000")
        page.keyboard.press("PageDown")
