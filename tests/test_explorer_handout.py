"""The printed handout: the classroom page at a story step, on A4 and Letter.

A teacher prints the Aleppo page (picture, panel and the table of its 34
relations): it must fit on a few pages, every page of the table under a full
header (From, Relation, To, Sign, Dates, Confidence, Evidence, Citation), and
no word broken inside ("conseque/nces"). The PDFs go to test-artifacts/, with
a screenshot of the page laid out for print (no PDF rasteriser here).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from chromium import ARTIFACTS, Visit

pytestmark = pytest.mark.browser

HEADERS = ("From", "Relation", "To", "Sign", "Dates", "Confidence", "Evidence", "Citation")
MOST_A4_PAGES = 5


def printed(visit: Visit, name: str, paper: str) -> list[str]:
    """Print to test-artifacts/NAME.pdf on this paper: each page's text."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.pdf"
    visit.page.pdf(path=path, format=paper, print_background=True)
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def words_of(text: str) -> list[str]:
    """The words of a text, letters only, NFKC (ligatures as letters)."""
    return re.findall(r"[^\W\d_]{4,}", unicodedata.normalize("NFKC", text))


def broken_words(pages: list[str], texts: list[str]) -> list[str]:
    """Words of the texts that the printed pages do not hold whole."""
    printed_words = set()
    for page in pages:
        printed_words.update(words_of(page))
    return sorted({word for text in texts for word in words_of(text)} - printed_words)


def header_gaps(pages: list[str]) -> list[tuple[int, str]]:
    """(page, header) for each header cell missing from a page that holds table rows."""
    gaps = []
    for number, text in enumerate(pages, start=1):
        if not re.search(r"\b(support|opposition)\b", text) or "Citation" not in text:
            continue  # no table on this page (the picture, the panel)
        line = " ".join(unicodedata.normalize("NFKC", text).split())
        start = line.find("From")
        head = line[start : line.find("Citation", start) + len("Citation")] if start >= 0 else ""
        # PDF text may run two cells together ("ConfidenceEvidence"): each cell's word, in order.
        at = 0
        for cell in HEADERS:
            found = head.find(cell, at)
            if found < 0:
                gaps.append((number, cell))
            else:
                at = found + len(cell)
    return gaps


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_classroom_story_page_prints_as_a_short_handout_with_whole_words_and_headers(
    open_page: Callable[..., Visit], pages: dict[str, Path], paper: str
) -> None:
    visit = open_page(pages["classroom"], 1024, 768)
    visit.page.click("#story-toggle")
    visit.page.keyboard.press("PageDown")
    visit.page.fill("#search", "russia")
    visit.page.press("#search", "Enter")
    visit.page.emulate_media(media="print")
    visit.page.screenshot(path=ARTIFACTS / f"handout-{paper}.png", full_page=True)
    visit.page.emulate_media(media="null")  # printing lays the page out for paper itself
    text = printed(visit, f"handout-classroom-step-{paper}", paper)
    if paper == "A4":
        assert len(text) <= MOST_A4_PAGES
    assert header_gaps(text) == []
    # The quotes and sources of the table's rows (the relations at the step's date).
    quoted = visit.js(
        "[...document.querySelectorAll('#relations tbody .prose')].map((cell) => cell.textContent)"
    )
    assert len(quoted) >= 2 * 10
    assert broken_words(text, quoted) == []


def test_the_checks_catch_a_broken_word_and_a_blank_header() -> None:
    header = "From Relation To Sign Dates Confidence Evidence Citation"
    pages = [f"{header}\nRussia support conseque\nnces"]
    assert broken_words(pages, ["the consequences"]) == ["consequences"]
    page = "From Evidence Citation\nRussia support x"
    assert header_gaps([page]) == [(1, cell) for cell in HEADERS[1:6]]
