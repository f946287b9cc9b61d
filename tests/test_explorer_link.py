"""A view of the explorer in a link: the URL's fragment holds date, actor, story step, filters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import networkx as nx
from chromium import Visit

import graph


def fragment(visit: Visit) -> dict[str, list[str]]:
    return parse_qs(urlsplit(visit.page.url).fragment)


def test_a_link_restores_the_date_actor_and_filters(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    visit = open_page(pages["default"], 1366, 768)
    page = visit.page
    assert urlsplit(page.url).fragment == ""  # the view the page opens with needs nothing
    page.locator('input[data-group="sign"][value="0"]').uncheck()
    page.locator('input[data-group="camp"][value="jihadist"]').uncheck()
    page.locator("#all-dates").uncheck()
    page.locator("#slider").focus()
    for _ in range(40):
        page.keyboard.press("ArrowRight")
    page.fill("#search", "moscow")
    page.press("#search", "Enter")
    month = visit.state()["period"]
    assert month["date"] == "2015-11"
    assert fragment(visit) == {
        "date": ["2015-11"],
        "actor": ["russia"],
        "hide-sign": ["0"],
        "hide-camp": ["jihadist"],
    }
    shown = visit.shown()
    camp = dict(G.nodes(data="camp"))
    expected = sorted(
        (u, v, k)
        for u, v, k, d in graph.snapshot(G, "2015-11").edges(keys=True, data=True)
        if d["sign"] != 0 and "jihadist" not in (camp[u], camp[v])
    )
    assert shown == expected
    link = page.url
    # Opened elsewhere, from file://, the link shows exactly that view.
    again = open_page(link, 1024, 768)
    assert again.state() == visit.state()
    assert again.shown() == shown and again.lit() == visit.lit()
    assert again.text("#panel-name") == "Russia" and again.text("#slider-label") == "November 2015"
    assert not again.page.locator('input[data-group="sign"][value="0"]').is_checked()
    assert not again.page.locator('input[data-group="camp"][value="jihadist"]').is_checked()
    assert again.page.locator('input[data-group="sign"][value="1"]').is_checked()


def test_a_link_to_a_story_step_and_to_the_table(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    visit = open_page(pages["classroom"].as_uri() + "#step=3", 1024, 768)
    step = visit.js("explorer.data.story[2]")
    assert visit.state()["step"] == 2 and visit.page.locator("#story").is_visible()
    assert visit.text("#story-title") == step["title"]
    assert visit.text("#slider-label") == step["label"]
    visit.page.keyboard.press("PageDown")
    assert fragment(visit) == {"step": ["4"]}
    # Values the data does not have are ignored; the table view is kept.
    odd = open_page(pages["default"].as_uri() + "#actor=nobody&date=1999-01&view=table", 1024, 768)
    assert odd.state()["selected"] is None and odd.state()["period"] is None
    assert odd.page.locator("#table-view").is_visible()
    # Editing the fragment of an open page shows that view.
    odd.js("location.hash = 'actor=iran&date=all'")
    odd.wait_until("() => explorer.state().selected === 'iran'")
    assert not odd.page.locator("#table-view").is_visible()


def test_copy_link_gives_the_link_to_the_view(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    visit = open_page(pages["at"], 1366, 768)
    page = visit.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.fill("#search", "iran")
    page.press("#search", "Enter")
    page.click("#copy-link")
    visit.wait_until(
        "() => document.getElementById('copy-status').textContent.toLowerCase().includes('link')"
    )
    # Said where the reader looks, beside the button, not only to a screen reader.
    assert page.locator("#copy-status").is_visible()
    status = visit.text("#copy-status")
    if status == "Link copied.":
        copied = visit.js("navigator.clipboard.readText()")
    else:
        assert status == "Copy the link from the box."
        copied = page.locator("#link").input_value()
    assert copied == page.url and urlsplit(copied).fragment == "actor=iran"
