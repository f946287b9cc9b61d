"""Every mode on every screen: the explorer's presets x screens x states, checked as drawn.

For each preset (default, classroom), screen (a phone and a tablet held
upright, touch; a laptop or small projector; a projector) and state
(nothing chosen, an actor found by search, a story step, Balance, Compare,
a quiz question, the answer revealed, the table), a page opened cold is
brought to that state the way a reader would, then checked:

- every name drawn at most once (the canvas's own text calls are counted
  while the network is drawn again), no two names overlapping, none cut at
  the canvas's edge;
- the state's main text (a story step's title and quote, the question, the
  Balance sides...) wholly inside the first screen, not under the time bar;
- axe-core finds nothing serious or critical.

Screenshots go to test-artifacts/matrix-PRESET-WxH-STATE.png. One browser for
the module and one page per state; the whole matrix takes about two minutes
on a quiet machine (see the closing note of the branch that added it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from chromium import ARTIFACTS, Visit, overlapping, screen_boxes
from test_explorer_accessibility import go_to as step_to
from test_explorer_accessibility import serious, violations

pytestmark = pytest.mark.browser

SCREENS = {
    "phone": (390, 844, True),
    "tablet": (768, 1024, True),
    "laptop": (1024, 768, False),
    "projector": (1920, 1080, False),
}
# The text each state is opened for: it must be read without scrolling.
MAIN_TEXT = {
    "nothing": ["#title", "#network"],
    "selected": ["#panel-name", "#panel-body h3"],
    "story": ["#story-title", "#story-caption"],
    "balance": ["#balance-l", "#balance-groups"],
    "compare": ["#compare-summary"],
    "quiz": ["#quiz-question", "#quiz-panel .answers"],
    "revealed": ["#quiz-verdict"],
    "table": ["#relations caption", "#relations tbody tr"],  # the first row
}
STATES = tuple(MAIN_TEXT)
TWO_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"

# The text the canvas draws while the network is drawn once more.
DRAWN_TEXT = """() => {
  const proto = CanvasRenderingContext2D.prototype;
  const fill = proto.fillText;
  const drawn = [];
  proto.fillText = function (text, ...rest) {
    drawn.push(String(text));
    return fill.call(this, text, ...rest);
  };
  try {
    explorer.network.redraw();
  } finally {
    proto.fillText = fill;
  }
  return drawn;
}"""


def go_to(visit: Visit, state: str) -> None:
    """Bring a page opened cold to a state, as a reader would."""
    page = visit.page
    if state in ("selected", "table"):  # a search for Russia; the Table button
        step_to(visit, state)
    elif state == "story":
        page.click("#story-toggle")
    elif state in ("balance", "compare", "quiz"):
        page.click(f"#{state}-toggle")
    elif state == "revealed":
        page.click("#quiz-toggle")
        page.keyboard.press("b")
        page.click("#quiz-reveal-button")
    # The canvas follows its box on the next frames, and the actors are placed again.
    visit.js(TWO_FRAMES)
    visit.page.wait_for_timeout(100)
    visit.js(TWO_FRAMES)


def names_drawn_twice(visit: Visit) -> list[str]:
    """Lines of actors' names the canvas draws more often than there are actors with that line."""
    lines = Counter(
        line for node in visit.js("explorer.data.nodes") for line in node["label"].split("\n")
    )
    names = Counter(node["name"] for node in visit.js("explorer.data.nodes"))
    drawn = Counter(visit.js(DRAWN_TEXT))
    return sorted(
        text
        for text, count in drawn.items()
        if (text in lines or text in names) and count > max(lines[text], names[text])
    )


def names_cut(visit: Visit) -> list[str]:
    width, height = visit.js(
        "[explorer.network.canvas.frame.clientWidth, explorer.network.canvas.frame.clientHeight]"
    )
    return [
        b.actor
        for b in screen_boxes(visit)
        if b.part == "label"
        and (b.left < -0.5 or b.top < -0.5 or b.right > width + 0.5 or b.bottom > height + 0.5)
    ]


def outside_first_screen(visit: Visit, selectors: list[str]) -> list[str]:
    """The selectors whose first element is not wholly in the first screen, above the time bar."""
    return visit.js(
        """(selectors) => {
          const bar = document.getElementById('timebar');
          const shown = bar && !bar.hidden && bar.offsetHeight;
          const barBox = shown ? bar.getBoundingClientRect() : null;
          const sticky = barBox && ['sticky', 'fixed'].includes(getComputedStyle(bar).position);
          const floor = sticky ? Math.min(barBox.top, innerHeight) : innerHeight;
          return selectors.filter((selector) => {
            const node = document.querySelector(selector);
            if (!node || !node.offsetParent) return true;
            const box = node.getBoundingClientRect();
            // The network needs only to start in the first screen and show most of itself.
            if (selector === '#network') return box.top > innerHeight / 3 || box.height < 200;
            const across = box.left < 0 || box.right > innerWidth + 0.5;
            return across || box.top < 0 || box.bottom > floor + 0.5;
          });
        }""",
        selectors,
    )


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("preset", ["default", "classroom"])
def test_every_state_on_every_screen(
    open_page: Callable[..., Visit], pages: dict[str, Path], preset: str, screen: str
) -> None:
    width, height, touch = SCREENS[screen]
    ARTIFACTS.mkdir(exist_ok=True)
    problems: dict[str, dict[str, list]] = {}
    for state in STATES:
        visit = open_page(pages[preset], width, height, touch=touch)
        go_to(visit, state)
        visit.page.screenshot(path=ARTIFACTS / f"matrix-{preset}-{width}x{height}-{state}.png")
        found = {
            "main text outside the first screen": outside_first_screen(visit, MAIN_TEXT[state]),
            "axe serious or critical": serious(violations(visit)),
        }
        if state != "table":  # the table hides the network
            labels = [b for b in screen_boxes(visit) if b.part == "label"]
            found["names drawn twice"] = names_drawn_twice(visit)
            found["names overlapping"] = overlapping(labels)
            found["names cut at the edge"] = names_cut(visit)
        found = {what: items for what, items in found.items() if items}
        if found:
            problems[state] = found
        visit.page.close()
    assert problems == {}


def test_the_checks_catch_a_name_drawn_twice_and_text_below_the_fold(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    visit = open_page(pages["default"], 390, 844, touch=True)
    go_to(visit, "story")
    # A mode that drew a name over the network's own copy of it.
    named = next(b.actor for b in screen_boxes(visit) if b.part == "label")
    line = visit.js(f"explorer.data.nodes.find((a) => a.id === '{named}').label.split('\\n')[0]")
    visit.js(
        "(line) => explorer.network.on('afterDrawing', (c) => c.fillText(line, 0, 0))",
        line,
    )
    assert names_drawn_twice(visit) == [line]
    visit.js("() => { document.getElementById('story').style.marginTop = '2000px'; }")
    assert outside_first_screen(visit, MAIN_TEXT["story"]) == MAIN_TEXT["story"]


@pytest.mark.parametrize("preset", ["default", "classroom"])
def test_on_a_phone_every_story_step_and_quiz_question_is_read_without_scrolling(
    open_page: Callable[..., Visit], pages: dict[str, Path], preset: str
) -> None:
    width, height, touch = SCREENS["phone"]
    visit = open_page(pages[preset], width, height, touch=touch)
    go_to(visit, "story")
    steps = len(visit.js("explorer.data.story"))
    unread = {}
    for step in range(steps):
        if step:
            visit.page.locator("#story-next").tap()
            visit.js(TWO_FRAMES)
        unread[f"step {step + 1}"] = outside_first_screen(visit, MAIN_TEXT["story"])
    visit.page.locator("#story-close").tap()
    go_to(visit, "quiz")
    for number in range(1, len(visit.js("explorer.data.quiz.questions")) + 1):
        unread[f"question {number}"] = outside_first_screen(visit, MAIN_TEXT["quiz"])
        visit.page.locator("#quiz-reveal-button").tap()
        visit.js(TWO_FRAMES)
        unread[f"answer {number}"] = outside_first_screen(visit, MAIN_TEXT["revealed"])
        visit.page.locator("#quiz-next").tap()
        visit.js(TWO_FRAMES)
    assert {what: out for what, out in unread.items() if out} == {}
