"""Real headless Chromium for the explorer's tests: pages opened offline, and what they did.

``open_page`` opens a page from ``file://`` with every other request aborted
and recorded; after each test, no request may have left the page, and no
console error, page error or dialog may have happened. Without
``/usr/bin/chromium`` the tests are skipped, saying how to enable them; with
``REQUIRE_BROWSER=1`` (CI) they fail instead. Playwright drives Debian's
Chromium; it never downloads a browser.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest

import graph
from graph.tables.read import DATA_DIR

CHROMIUM = Path("/usr/bin/chromium")
HOW_TO_ENABLE = (
    "install Debian's chromium (apt-get install chromium) "
    "or set REQUIRE_BROWSER=1 to make this an error"
)
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
ALLOWED_SCHEMES = ("file:", "data:", "blob:", "about:")


def launch_or_skip(playwright_module: object | None) -> None:
    missing = None
    if not CHROMIUM.exists():
        missing = f"{CHROMIUM} not found"
    elif playwright_module is None:
        missing = "Playwright for Python is not installed (pip install -e '.[test]')"
    if missing is None:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {missing}: install Debian's chromium", pytrace=False)
    pytest.skip(f"browser tests skipped, {missing}: {HOW_TO_ENABLE}")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    launch_or_skip(sync_playwright)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """An open page and what it tried to do."""

    page: object
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, argument: object = None) -> object:
        return self.page.evaluate(expression, argument)

    def shown(self) -> list[tuple]:
        """The relations drawn (not hidden), as (source, target, key)."""
        return sorted(tuple(edge) for edge in self.js("explorer.visibleRelations()"))

    def lit(self) -> set[str]:
        return set(self.js("explorer.litActors()"))

    def wait_until(self, predicate: str, timeout: float = 10.0) -> None:
        """Poll a JS function until it returns true (the page's CSP forbids eval)."""
        deadline = time.monotonic() + timeout
        while not self.js(predicate):
            assert time.monotonic() < deadline, f"timed out waiting for {predicate}"
            self.page.wait_for_timeout(50)

    def state(self) -> dict:
        return self.js("explorer.state()")

    def text(self, selector: str) -> str:
        return self.page.locator(selector).text_content()

    def screen_point(self, canvas_point: str) -> tuple[float, float]:
        """Page coordinates of a point of the drawing, given as a JS expression."""
        return tuple(
            self.js(
                """(point) => {
                  const p = explorer.network.canvasToDOM(eval(point));
                  const box = document.querySelector('#network canvas').getBoundingClientRect();
                  return [box.left + p.x, box.top + p.y];
                }""",
                canvas_point,
            )
        )


@pytest.fixture
def open_page(browser: object) -> Iterator[Callable[..., Visit]]:
    contexts = []
    visits: list[Visit] = []

    def open_(
        path: Path | str, width: int = 1366, height: int = 768, *, touch: bool = False
    ) -> Visit:
        """Open a page (a path, or a file:// URL with its fragment) at a screen size.

        ``touch``: a touch screen, as a phone's or a tablet's (taps, no hover).
        """
        context = browser.new_context(
            viewport={"width": width, "height": height}, has_touch=touch, is_mobile=touch
        )
        contexts.append(context)
        page = context.new_page()
        visit = Visit(page)
        visits.append(visit)

        def route(request_route: object) -> None:
            if request_route.request.url.startswith(ALLOWED_SCHEMES):
                request_route.continue_()
            else:
                visit.blocked.append(request_route.request.url)
                request_route.abort()

        def dialog(box: object) -> None:
            visit.dialogs.append(box.message)
            box.dismiss()

        context.route("**/*", route)
        page.on(
            "request",
            lambda r: None if r.url.startswith(ALLOWED_SCHEMES) else visit.blocked.append(r.url),
        )
        page.on("console", lambda m: visit.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: visit.errors.append(str(error)))
        page.on("dialog", dialog)
        page.goto(path if isinstance(path, str) else path.as_uri())
        visit.wait_until("() => window.explorer !== undefined")
        return visit

    yield open_
    for context in contexts:
        context.close()
    for visit in visits:
        assert visit.blocked == [], "requests left the page"
        assert visit.errors == [], "console or page errors"
        assert visit.dialogs == [], "dialogs fired"


@dataclass(frozen=True)
class ScreenBox:
    """Where an actor's shape or label is drawn, in pixels of the canvas."""

    actor: str
    part: str  # "shape" or "label"
    left: float
    top: float
    right: float
    bottom: float
    lines: int = 1  # of a label's text

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def text_px(self) -> float:
        """Height of one line of a label: its font size in CSS pixels."""
        return self.height / self.lines

    def overlaps(self, other: ScreenBox) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )


#: The actors' ids, for screen_boxes.
ACTORS = "explorer.data.nodes.map((actor) => actor.id)"


def screen_boxes(visit: Visit, ids: str = ACTORS) -> list[ScreenBox]:
    """Every drawn node's shape and label as vis-network drew them, in canvas pixels.

    ``ids`` is a JavaScript expression for the nodes measured: the actors by default.
    """
    boxes = visit.js(
        """(ids) => {
          const net = explorer.network;
          net.redraw(); // labels are measured and placed when drawn
          const screen = (left, top, right, bottom) => {
            const corner = net.canvasToDOM({x: left, y: top});
            const opposite = net.canvasToDOM({x: right, y: bottom});
            return [corner.x, corner.y, opposite.x, opposite.y];
          };
          return eval(ids).flatMap((id) => {
            const node = net.body.nodes[id];  // vis-network holds only what is drawn
            if (node === undefined || node.options.hidden) return [];
            const r = node.options.size, label = node.labelModule.size;
            // vis-network draws the text vadjust lower than the box it measures.
            const top = label.top + (node.labelModule.fontOptions.vadjust || 0);
            const right = label.left + label.width, bottom = top + label.height;
            const shape = [id, "shape", ...screen(node.x - r, node.y - r, node.x + r, node.y + r)];
            if (!node.options.label) return [shape];  // a name left out where it would overlap
            const text = screen(label.left, top, right, bottom);
            return [shape, [id, "label", ...text, node.labelModule.lineCount]];
          });
        }""",
        ids,
    )
    return [ScreenBox(*box) for box in boxes]


def in_view(visit: Visit, actors: list[str]) -> list[str]:
    """Of the actors, those whose shape and name (if drawn) lie wholly on the canvas."""
    width, height = visit.js(
        "[explorer.network.canvas.frame.clientWidth, explorer.network.canvas.frame.clientHeight]"
    )
    boxes = screen_boxes(visit)
    return [
        actor
        for actor in actors
        if any(b.actor == actor for b in boxes)
        and all(
            b.left >= 0 and b.top >= 0 and b.right <= width and b.bottom <= height
            for b in boxes
            if b.actor == actor
        )
    ]


def overlapping(boxes: list[ScreenBox]) -> list[tuple[str, str, str, str]]:
    return [
        (a.actor, a.part, b.actor, b.part)
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a.actor != b.actor and a.overlaps(b)
    ]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, G: nx.MultiDiGraph) -> dict[str, Path]:
    """The Aleppo explorer in each preset and with a start date, each in its own folder."""
    story = graph.read_story(DATA_DIR / "story.csv", G.nodes)
    options = {
        "default": {},
        "classroom": {"preset": "classroom"},
        "at": {"at": "2015-09-30"},
    }
    paths = {}
    for name, extra in options.items():
        folder = tmp_path_factory.mktemp(name)
        paths[name] = graph.write_html(G, folder / f"{name}.html", story=story, **extra)
    return paths
