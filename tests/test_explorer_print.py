"""Printing the explorer: the view the reader has, on paper, with its words and its source.

Printed for real with Playwright's ``page.pdf()``, which goes the way of a
print dialog (beforeprint, the page laid out for paper, afterprint); the PDF's
text is read with pypdf. Chromium prints a canvas drawn while the page is laid
out for paper as vector drawing, so the actors' names drawn in the network
are text of the PDF, cut where the picture ends: which names a printed picture
holds tells which part of the network it shows. PDFs go to test-artifacts/.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pypdf
import pytest
from chromium import ARTIFACTS, Visit

import graph

LAPTOP = (1024, 768)
PRINTED_HEIGHT_PX = 15 / 2.54 * 96  # print CSS: the network is 15 cm high
NAMED_IN_VIEW = 8  # state.js: a printed zoomed view names this many actors, then "and N more"
VIEW = "() => ({scale: explorer.network.getScale(), position: explorer.network.getViewPosition()})"
# Each drawn actor's name, the lines of its label, its point and its box
# (shape and label), in canvas units.
DRAWN = """() => {
  const net = explorer.network;
  net.redraw(); // names are measured when drawn
  const names = new Map(explorer.data.nodes.map((actor) => [actor.id, actor.name]));
  // The scene's label: a name left out on screen (cut by a zoomed view) may print.
  const scene = new Map(explorer.data.nodes.map((actor) => [actor.id, actor]));
  return explorer.nodes.get({filter: (node) => !node.hidden}).map((item) => {
    const node = net.body.nodes[item.id];
    const r = explorer.data.shape_reach * node.options.size; // triangles reach past the radius
    const label = node.labelModule.size;
    const top = label.top + (node.labelModule.fontOptions.vadjust || 0);
    // A name left out on screen (cut by a zoomed view) may print: its box is the scene's.
    const box = node.options.label
      ? {left: label.left, right: label.left + label.width, top: top, bottom: top + label.height}
      : scene.get(item.id).box;
    const at = node.options.label ? {x: 0, y: 0} : node;
    return {
      id: item.id, name: names.get(item.id), lines: scene.get(item.id).label.split("\\n"),
      x: node.x, y: node.y,
      left: Math.min(node.x - r, at.x + box.left),
      right: Math.max(node.x + r, at.x + box.right),
      top: Math.min(node.y - r, at.y + box.top),
      bottom: Math.max(node.y + r, at.y + box.bottom),
    };
  });
}"""


def flat(text: str) -> str:
    """PDF text as one line, ligatures ("ﬁ") as letters."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def print_pdf(visit: Visit, name: str) -> tuple[str, str]:
    """Print the page to test-artifacts/NAME.pdf: the first page's words, and its picture's text."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.pdf"
    visit.page.pdf(path=path)
    first = flat(pypdf.PdfReader(path).pages[0].extract_text())
    # The words come first; the network, drawn after them, holds the names it shows.
    match = re.search(r"Printed on \d{1,2} [A-Z][a-z]+ \d{4}\.", first)
    assert match, first
    return first[: match.end()], first[match.end() :]


def settled(visit: Visit) -> None:
    """A few frames and vis-network's size check: whatever resize printing left comes to pass."""
    visit.js(
        "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )
    visit.page.wait_for_timeout(300)


def names_in_words(names: list[str]) -> str:
    if len(names) > NAMED_IN_VIEW:
        shown = names[:NAMED_IN_VIEW]
        return ", ".join(shown) + f" and {len(names) - NAMED_IN_VIEW} more"
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def same_view(after: dict, before: dict) -> None:
    assert after["scale"] == pytest.approx(before["scale"], rel=1e-9)
    for axis in "xy":
        assert after["position"][axis] == pytest.approx(before["position"][axis], abs=1e-6)


def label_lines(drawn: list[dict]) -> dict[str, list[str]]:
    """Each actor's label lines that are no part of another actor's: finding one in a text
    means that actor's label is there."""
    return {
        a["id"]: [
            line
            for line in a["lines"]
            if not any(line in other for b in drawn if b is not a for other in b["lines"])
        ]
        for a in drawn
    }


def printed_part(visit: Visit, before: dict, canvas: dict) -> tuple[float, float, float, float]:
    """The part of the drawing the last print showed (left, right, top, bottom), in canvas units,
    checked to be the screen's centre at the scale at which all the screen showed fits paper."""
    printed = visit.js("explorer.printed()")
    assert printed is not None
    assert printed["height"] == pytest.approx(PRINTED_HEIGHT_PX, abs=1)
    fits = min(printed["width"] / canvas["width"], printed["height"] / canvas["height"])
    assert printed["scale"] == pytest.approx(before["scale"] * fits, rel=1e-9)
    centre = before["position"]
    for axis in "xy":
        assert printed["position"][axis] == pytest.approx(centre[axis], abs=1e-6)
    reach_x = printed["width"] / 2 / printed["scale"]
    reach_y = printed["height"] / 2 / printed["scale"]
    return (
        centre["x"] - reach_x,
        centre["x"] + reach_x,
        centre["y"] - reach_y,
        centre["y"] + reach_y,
    )


def named_in(part: tuple[float, float, float, float], drawn: list[dict]) -> str:
    """The printed words for a part: the actors whose points it holds, nearest its centre first."""
    left, right, top, bottom = part
    centre = ((left + right) / 2, (top + bottom) / 2)
    inside = [a for a in drawn if left <= a["x"] <= right and top <= a["y"] <= bottom]
    assert 0 < len(inside) < len(drawn)
    inside.sort(key=lambda a: (math.hypot(a["x"] - centre[0], a["y"] - centre[1]), a["id"]))
    return f"zoomed in on the part around {names_in_words([a['name'] for a in inside])}."


def test_a_zoomed_view_prints_that_part_names_its_actors_and_comes_back(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    visit = open_page(pages["default"], *LAPTOP)
    page = visit.page
    settled(visit)
    whole = visit.js(VIEW)
    page.locator("#network-view").focus()
    for key in ["+", "+", "+", "ArrowRight"]:
        page.keyboard.press(key)
    before = visit.js(VIEW)
    assert before["scale"] > 1.9 * whole["scale"]
    canvas = page.locator("#network canvas").bounding_box()
    drawn = visit.js(DRAWN)

    words, picture = print_pdf(visit, "print-zoomed-1024x768")
    left, right, top, bottom = part = printed_part(visit, before, canvas)
    # All the screen showed, and on paper narrower than the screen, taller.
    assert right - left == pytest.approx(canvas["width"] / before["scale"])
    assert bottom - top > 1.1 * canvas["height"] / before["scale"]

    # (a, b) The words name exactly the actors whose points the printed part holds.
    assert "34 of 34 relations shown, at all dates; " + named_in(part, drawn) in words

    # The picture is that part: names wholly inside it are printed, names of
    # actors wholly outside are not, even in part of it.
    lines = label_lines(drawn)
    within = [
        line
        for a in drawn
        if left <= a["left"] and a["right"] <= right and top <= a["top"] and a["bottom"] <= bottom
        for line in lines[a["id"]]
    ]
    beyond = [
        line
        for a in drawn
        if a["right"] < left or a["left"] > right or a["bottom"] < top or a["top"] > bottom
        for line in lines[a["id"]]
    ]
    assert within and beyond
    assert [line for line in within if line not in picture] == [], picture
    assert [line for line in beyond if line in picture] == [], picture

    # (c) Back on screen, the reader's view exactly as it was.
    settled(visit)
    same_view(visit.js(VIEW), before)

    # Print media emulated (DevTools, tests), on the screen's width: that part
    # too, and the view back after.
    page.emulate_media(media="print")
    settled(visit)
    assert named_in(printed_part(visit, before, canvas), drawn) in visit.text("#print-view")
    page.emulate_media(media="screen")
    settled(visit)
    same_view(visit.js(VIEW), before)


def test_the_whole_network_prints_whole_and_the_view_comes_back(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    visit = open_page(pages["default"], *LAPTOP)
    settled(visit)
    before = visit.js(VIEW)
    drawn = visit.js(DRAWN)
    words, picture = print_pdf(visit, "print-whole-1024x768")
    assert "34 of 34 relations shown, at all dates; the whole network." in words
    assert visit.js("explorer.printed()") is None
    assert [
        line for found in label_lines(drawn).values() for line in found if line not in picture
    ] == []
    settled(visit)
    same_view(visit.js(VIEW), before)


def test_the_printed_page_names_its_source(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    (citation,) = {d["citation"] for *_, d in G.edges(data=True)}
    line = (
        f"Source: {G.graph['title']} — {G.number_of_edges()} relations, all citing {citation}. "
        "The table gives each relation's quote and citation."
    )
    visit = open_page(pages["default"], *LAPTOP)
    # The day printed is the reader's, filled in when printing, never in the page's file.
    assert visit.text("#print-source") == line
    words, _ = print_pdf(visit, "print-source-1024x768")
    assert re.search(re.escape(line) + r" Printed on \d{1,2} [A-Z][a-z]+ \d{4}\.$", words), words


def test_the_source_line_counts_sources_and_relations_without_one(
    open_page: Callable[..., Visit], tmp_path: Path
) -> None:
    """Six of seven relations cite five sources: the most cited named first, then how many more."""
    folder = tmp_path / "five-sources"
    folder.mkdir()
    citations = ["Report B", "Report A", "Report A", "Report C", "Report D", "Report E", ""]
    ids = "abcdefg"
    tables = {
        "actors.csv": [["id", "camp"], *([actor, "one"] for actor in ids)],
        "relations.csv": [
            ["source", "target", "type", "evidence", "citation"],
            *(
                [u, v, "fights", "Quote." if citation else "", citation]
                for u, v, citation in zip(ids, ids[1:] + ids[0], citations, strict=True)
            ),
        ],
    }
    for name, rows in tables.items():
        with open(folder / name, "w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows(rows)
    visit = open_page(graph.write_html(graph.load(folder), tmp_path / "sources.html"), *LAPTOP)
    assert visit.text("#print-source") == (
        "Source: five-sources — 7 relations, 6 citing 5 sources: Report A; Report B; "
        "Report C; and 2 more. The table gives each relation's quote and citation."
    )
