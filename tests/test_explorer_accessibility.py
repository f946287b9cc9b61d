"""Accessibility of the explorer: an axe-core audit of every state, and keyboard-only use.

axe-core comes inside the axe-playwright-python package (no download at test
time) and runs in the page with the WCAG 2.1 A and AA rules and axe's best
practices.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from axe_playwright_python.sync_playwright import Axe
from chromium import Visit

# Drives headless Chromium: left out of `make test-fast`.
pytestmark = pytest.mark.browser

RULES = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


def violations(visit: Visit) -> list[tuple[str, str, list]]:
    found = Axe().run(visit.page, options=RULES).response["violations"]
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in found]


def serious(found: list[tuple[str, str, list]]) -> list[tuple[str, str, list]]:
    return [v for v in found if v[1] in ("serious", "critical")]


def go_to(visit: Visit, state: str) -> None:
    """From the state before it in STATES to this one."""
    page = visit.page
    if state == "selected":
        page.fill("#search", "russia")
        page.press("#search", "Enter")
    elif state == "table":
        page.click("#view-toggle")
    elif state == "story":
        page.click("#story-toggle")
        page.keyboard.press("PageDown")


STATES = ("default", "selected", "table", "story")


@pytest.mark.parametrize(
    ("preset", "width", "height"),
    [("default", 1024, 768), ("classroom", 1024, 768), ("default", 390, 844)],
)
def test_no_serious_or_critical_violations_in_any_state(
    open_page: Callable[..., Visit], pages: dict[str, Path], preset: str, width: int, height: int
) -> None:
    visit = open_page(pages[preset], width, height, touch=width < 800)
    found = {}
    for state in STATES:
        go_to(visit, state)
        assert visit.state()["step"] == (1 if state == "story" else -1)
        found[state] = violations(visit)
    assert {state: serious(v) for state, v in found.items()} == {key: [] for key in STATES}
    assert found == {key: [] for key in STATES}  # nor moderate or minor ones, today


def test_the_audit_catches_a_network_without_a_name(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    visit = open_page(pages["default"], 1024, 768)
    visit.js("document.getElementById('network').removeAttribute('aria-label')")
    assert [v[0] for v in serious(violations(visit))] == ["role-img-alt"]


def test_keyboard_only_skip_link_story_and_actor(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    visit = open_page(pages["classroom"], 1024, 768)
    page = visit.page
    page.keyboard.press("Tab")
    assert visit.js("document.activeElement.id") == "skip"
    assert page.locator("#skip").is_visible()
    page.keyboard.press("Enter")
    assert visit.js("document.activeElement.id") == "network-view"
    network = page.locator("#network")
    assert network.get_attribute("role") == "img" and network.get_attribute("aria-label")
    help_text = visit.text("#" + network.get_attribute("aria-describedby"))
    assert "table of relations" in help_text
    # The clicker keys open and step the story; each step says whom it highlights.
    page.keyboard.press("PageDown")
    step = visit.js("explorer.data.story[0]")
    assert page.locator("#story").get_attribute("aria-live") == "polite"
    names = [G.nodes[actor]["name"] for actor in step["actors"]]
    assert visit.text("#story-actors") == "Highlighted: " + ", ".join(names)
    page.keyboard.press("Escape")
    assert visit.state()["step"] == -1
    # Find an actor and read its relations with the keyboard alone.
    page.locator("#search").focus()
    page.keyboard.type("russ")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert visit.state()["selected"] == "russia"
    assert visit.js("document.activeElement.id") == "panel-name"
    assert "Support given" in visit.text("#panel")


def test_the_keyboard_focus_never_falls_to_the_page(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    """A button disabled or hidden under the focus hands it on, never to the page's start.

    Pressing Enter on Next at the last step disables Next; on Close story, or
    Escape in the story, hides the story: the focus then goes to the other step
    button, or back to the Story button, where Tab goes on from.
    """
    visit = open_page(pages["default"], 1024, 768)
    page = visit.page
    steps = len(visit.js("explorer.data.story"))

    def focused() -> str:
        return visit.js(
            "document.activeElement === document.body ? 'body' : document.activeElement.id"
        )

    page.locator("#story-toggle").focus()
    page.keyboard.press("Enter")
    page.locator("#story-next").focus()
    for _ in range(steps - 2):
        page.keyboard.press("Enter")
        assert focused() == "story-next"
    page.keyboard.press("Enter")  # to the last step: Next is disabled
    assert visit.state()["step"] == steps - 1 and page.locator("#story-next").is_disabled()
    assert focused() == "story-previous"
    for _ in range(steps - 1):
        page.keyboard.press("Enter")
    assert visit.state()["step"] == 0 and page.locator("#story-previous").is_disabled()
    assert focused() == "story-next"
    page.locator("#story-close").focus()
    page.keyboard.press("Enter")
    assert not page.locator("#story").is_visible()
    assert focused() == "story-toggle"
    page.keyboard.press("Tab")  # on along the toolbar, not from the page's start
    assert visit.js("document.activeElement.closest('#toolbar') !== null")
    page.locator("#story-toggle").focus()
    page.keyboard.press("Enter")
    page.locator("#story-next").focus()
    page.keyboard.press("Escape")
    assert not page.locator("#story").is_visible()
    assert focused() == "story-toggle"


def test_the_chosen_actor_s_heading_shows_the_keyboard_focus(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    """Chosen with the keys, the actor's panel heading takes the focus and shows its ring."""
    visit = open_page(pages["default"], 1024, 768)
    page = visit.page
    page.locator("#search").focus()
    page.keyboard.type("russ")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert visit.js("document.activeElement.id") == "panel-name"
    style, width = visit.js(
        """() => { const s = getComputedStyle(document.getElementById('panel-name'));
                   return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"""
    )
    assert style != "none" and width > 0
