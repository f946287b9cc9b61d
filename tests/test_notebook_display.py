"""graph.show: the explorer inline in a notebook, through the object's HTML representation."""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

import pytest

import graph
from graph.outputs.explorer.render import render_html
from graph.outputs.notebook import InlineExplorer, show

CHROMIUM = Path("/usr/bin/chromium")


class Elements(HTMLParser):
    """Every start tag of a fragment, with its attributes unescaped."""

    def __init__(self, fragment: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))


def iframe_of(view: InlineExplorer) -> dict:
    tags = Elements(view._repr_html_()).tags
    assert [tag for tag, _ in tags] == ["iframe"], "the repr is one iframe and nothing else"
    return tags[0][1]


def test_repr_is_a_sandboxed_iframe_holding_the_page() -> None:
    G = graph.load()
    view = show(G, height=520)
    attributes = iframe_of(view)
    # Attribute-escaped correctly: unescaping gives back the page, byte for byte.
    assert attributes["srcdoc"] == render_html(G) == view.page
    assert attributes["sandbox"] == "allow-scripts"
    assert "height: 520px" in attributes["style"]
    assert attributes["title"] == "Battle of Aleppo (2012–2016)"
    assert "Assad government" in attributes["srcdoc"]


def test_no_external_resources() -> None:
    markup = show(graph.load())._repr_html_()
    assert "src=" not in markup.split("srcdoc=", 1)[0] and "src=http" not in markup
    page_tags = Elements(iframe_of(show(graph.load()))["srcdoc"]).tags
    links = [
        (tag, name, value)
        for tag, attributes in page_tags
        for name, value in attributes.items()
        if name in ("src", "href", "data", "action", "poster") and value
    ]
    assert links == []
    assert "script" in [tag for tag, _ in page_tags]


def test_quotes_and_ampersands_cannot_leave_the_attribute(dataset: Path) -> None:
    actors = (dataset / "actors.csv").read_text(encoding="utf-8")
    name = "\"><script>alert(1)</script> &amp; & 'x'"
    quoted = '"' + name.replace('"', '""') + '"'
    (dataset / "actors.csv").write_text(
        actors.replace("\nrussia,Russia,", f"\nrussia,{quoted},", 1), encoding="utf-8"
    )
    G = graph.load(dataset)
    view = show(G, title=name)
    markup = view._repr_html_()
    assert markup.count('"') == 2 * len(iframe_of(view))  # only the attributes' own quotes
    assert "&amp;amp;" in markup and "&quot;&gt;&lt;script&gt;" in markup
    attributes = iframe_of(view)
    assert attributes["title"] == name
    assert attributes["srcdoc"] == render_html(G, title=name)


def test_options_reach_the_page() -> None:
    G = graph.load()
    assert show(G, at="2016-07").page == render_html(G, at="2016-07")
    assert "<title>Aleppo for class</title>" in show(G, title="Aleppo for class").page


def test_bad_height() -> None:
    for height in (0, -5, 12.5, "600px", True):
        with pytest.raises(ValueError, match="height must be a positive number of pixels"):
            show(graph.load(), height=height)


def test_the_iframe_draws_the_network_in_chromium(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but there is no browser at {CHROMIUM}")
        pytest.skip(f"no browser at {CHROMIUM}: install chromium to run this test")
    from playwright.sync_api import sync_playwright

    notebook_cell = tmp_path / "cell.html"
    notebook_cell.write_text(
        "<!DOCTYPE html><meta charset='utf-8'><body>"
        + show(graph.load(), height=600)._repr_html_(),
        encoding="utf-8",
    )
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            page.on("request", lambda request: requests.append(request.url))
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(notebook_cell.as_uri())
            frame = page.frame_locator("iframe")
            canvas = frame.locator("canvas").first
            canvas.wait_for(state="visible", timeout=15000)
            inner = page.frames[1]
            inner.wait_for_function("() => window.explorer !== undefined", timeout=15000)
            drawn = inner.evaluate(
                """() => {
                    const canvas = document.querySelector("canvas");
                    const data = canvas.getContext("2d")
                        .getImageData(0, 0, canvas.width, canvas.height).data;
                    let ink = 0;
                    for (let i = 0; i < data.length; i += 4) {
                        if (data[i + 3] > 0 && (data[i] < 200 || data[i + 1] < 200)) ink++;
                    }
                    return ink;
                }"""
            )
            assert drawn > 1000, "the network canvas is blank"
            assert errors == []
        finally:
            browser.close()
    assert [url for url in requests if not url.startswith(("file:", "about:", "data:"))] == []
