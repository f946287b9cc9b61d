"""The explorer's quiz and glossary, in real Chromium.

A whole quiz round is played with keys only, as from a clicker, at 1024x768
in the classroom preset; every answer, prediction, triangle and quote the page
reveals is checked against :func:`graph.quiz_questions`,
:func:`graph.balance_predictions` and the data.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from chromium import ARTIFACTS, Visit, overlapping, screen_boxes
from test_explorer_accessibility import serious, violations
from test_explorer_matrix import names_drawn_twice

import graph
from graph.analysis.quiz import ANSWERS, QuizError
from graph.outputs.explorer.payload import QUIZ_QUESTIONS

# Drives headless Chromium: left out of `make test-fast`.
pytestmark = pytest.mark.browser

# Letters and digits, both cases; question 7's "c" (neither) is where balance predicts neither.
KEYS = ["a", "2", "C", "1", "b", "3", "c", "B", "c", "1"]


def texts(visit: Visit, selector: str) -> list[str]:
    return visit.js(
        "(s) => Array.from(document.querySelectorAll(s), (node) => node.textContent)", selector
    )


def box_width(visit: Visit, selector: str) -> float:
    return visit.js("(s) => document.querySelector(s).getBoundingClientRect().width", selector)


def within_reach(visit: Visit, selector: str) -> bool:
    """The element lies wholly in the window above the time bar, and a tap on it hits it."""
    return visit.js(
        """(s) => {
          const target = document.querySelector(s), box = target.getBoundingClientRect();
          const bar = document.getElementById("timebar").getBoundingClientRect();
          const hit = document.elementFromPoint(
            (box.left + box.right) / 2, (box.top + box.bottom) / 2);
          return box.top >= 0 && box.bottom <= Math.min(bar.top, innerHeight)
            && target.contains(hit);
        }""",
        selector,
    )


def focus_with_tab(visit: Visit, target: str) -> None:
    """Press Tab until the element with this id has the focus."""
    for _ in range(60):
        visit.page.keyboard.press("Tab")
        if visit.js("() => document.activeElement && document.activeElement.id") == target:
            return
    raise AssertionError(f"Tab never reached #{target}")


def test_a_whole_quiz_round_with_keys_only(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    quiz = graph.quiz_questions(G, n=QUIZ_QUESTIONS)
    predictions = graph.balance_predictions(graph.signed_graph(G), observed=True)
    answers = list(ANSWERS[sign] for sign in (1, -1, 0))
    visit = open_page(pages["classroom"], 1024, 768)
    focus_with_tab(visit, "quiz-toggle")
    visit.page.keyboard.press("Enter")
    assert visit.js("() => explorer.modes().mode") == "quiz"
    right = 0
    for (number, row), key in zip(quiz.iterrows(), KEYS, strict=True):
        assert visit.text("#quiz-question") == row["question"]
        clues = texts(visit, "#quiz-panel .clues li")
        assert clues == list(row["clues"])
        if row["kind"] == "hidden":  # the pair's relations are hidden until the answer
            drawn = {tuple(sorted(edge[:2])) for edge in visit.shown()}
            assert (row["actor"], row["other"]) not in drawn
        # Every name legible and none doubled, the pair asked about among them.
        labels = [b for b in screen_boxes(visit) if b.part == "label"]
        assert len(labels) == G.number_of_nodes() and overlapping(labels) == []
        assert names_drawn_twice(visit) == []
        # The level is part of the answer: not said before it.
        assert row["level"] not in visit.text("#quiz-panel .where")
        visit.page.keyboard.press(key)
        chosen = "abc".index(key.lower()) if key.isalpha() else int(key) - 1
        assert visit.js(
            "() => document.querySelector('#quiz-panel button[aria-pressed=true]').dataset.answer"
        ) == str(chosen)
        visit.page.keyboard.press("Enter")
        correct = answers.index(row["answer"])
        # "neither" is right too where balance itself predicts neither.
        also = chosen == 2 and row["predicted"] == answers[2] != row["answer"]
        right += chosen == correct or also
        verdict = visit.text("#quiz-verdict")
        opening = "Right:" if chosen == correct else "Right too:" if also else "The answer"
        assert verdict.startswith(opening) and row["answer"] in verdict, verdict
        assert row["level"] in visit.text("#quiz-panel .where")
        assert visit.text("#quiz-score") == f"Score: {right} of {number}"
        # What balance predicts: graph.balance_predictions, from the other ties only.
        expected = predictions.loc[(row["actor"], row["other"])]
        agreeing = round(expected["agreement"] * expected["triads"])
        assert visit.text("#quiz-predicted") == (
            f"{ANSWERS[int(expected['prediction'])]} ({agreeing} of {expected['triads']} triangles)"
        )
        triads = texts(visit, "#quiz-triads li")
        predicted = ANSWERS[int(expected["prediction"])]
        assert triads == [
            f"The triangle through {G.nodes[a]['name']} points to {predicted}."
            for a in expected["supporting"]
        ] + [
            f"The triangle through {G.nodes[a]['name']} points the other way."
            for a in expected["opposing"]
        ]
        # What the data record: every relation of the pair, with its quote.
        records = visit.text("#quiz-records")
        between = [
            data for u, v, data in G.edges(data=True) if {u, v} == {row["actor"], row["other"]}
        ]
        assert visit.page.locator("#quiz-records li").count() == max(len(between), 1)
        for data in between:
            assert data["evidence"] in records
        if row["kind"] == "hidden":
            observed = int(expected["observed"])
            assert pd_answer(observed, between) == row["recorded"]
            drawn = {tuple(sorted(edge[:2])) for edge in visit.shown()}
            assert (row["actor"], row["other"]) in drawn  # shown again once answered
        agree = visit.text("#quiz-agree")
        if row["kind"] == "open":
            assert agree.startswith("The data cannot check")
        elif row["recorded"] == row["predicted"]:
            assert agree == "The data and balance theory agree."
        else:
            assert agree.startswith("The data and balance theory disagree. This is a contested one")
        assert visit.text("#quiz-explanation") == row["explanation"]
        if number in (1, QUIZ_QUESTIONS):
            visit.page.screenshot(
                path=str(ARTIFACTS / f"quiz-classroom-1024-question-{number}.png")
            )
        visit.page.keyboard.press("PageDown")
    assert any(
        key.lower() == "c" and r["predicted"] == answers[2] != r["answer"]
        for key, (_, r) in zip(KEYS, quiz.iterrows(), strict=True)
    ), "neither, tried"
    assert visit.text("#quiz-end").startswith(f"End of the quiz: {right} right of {QUIZ_QUESTIONS}")
    # The score can be hidden, from the keyboard too.
    focus_with_tab(visit, "quiz-score-toggle")
    visit.page.keyboard.press("Enter")
    assert not visit.page.locator("#quiz-score").is_visible()
    assert visit.state()["step"] == -1  # PageDown went to the quiz, not to the story


def pd_answer(observed: int, between: list[dict]) -> str:
    """What the data record for a pair, as the quiz words it."""
    signs = {data["sign"] for data in between if data["sign"] != 0}
    return ANSWERS[0] if signs == {1, -1} else ANSWERS[observed]


def test_glossary_from_the_legend_and_the_quiz(
    open_page: Callable[..., Visit], pages: dict[str, Path]
) -> None:
    words = graph.glossary()
    visit = open_page(pages["default"], 1366, 768)
    assert not visit.page.locator("#glossary-panel").is_visible()
    linked = texts(visit, "#legend button.term")
    assert {"support", "opposition", "neutral", "confirmed", "claimed", "alleged", "camp"} <= set(
        linked
    )
    visit.page.click("#legend button.term >> text=alleged")
    assert visit.page.locator("#glossary-panel").is_visible()
    assert visit.js("() => document.activeElement.id") == "term-alleged"
    terms = texts(visit, "#glossary-panel dt")
    assert terms == list(words.index)
    definitions = texts(visit, "#glossary-panel dd")
    assert definitions == list(words["definition"])
    visit.page.screenshot(path=str(ARTIFACTS / "glossary-from-legend.png"))
    visit.page.click("#glossary-panel .close-mode")
    assert not visit.page.locator("#glossary-panel").is_visible()
    visit.page.click("#quiz-toggle")
    visit.page.click("#quiz-panel button >> text=Glossary")
    assert visit.page.locator("#glossary-panel").is_visible()
    assert visit.js("() => document.activeElement.id") == "term-enemy-of-my-enemy"


def test_a_dataset_too_small_for_a_quiz_has_no_quiz_button(
    open_page: Callable[..., Visit], tmp_path: Path, G: nx.MultiDiGraph
) -> None:
    small = G.subgraph(["russia", "assad_government", "free_syrian_army"]).copy()
    with pytest.raises(QuizError) as reason:
        graph.quiz_questions(small, n=QUIZ_QUESTIONS)
    page = graph.write_html(small, tmp_path / "small.html")
    visit = open_page(page, 1024, 768)
    assert visit.page.locator("#quiz-toggle").count() == 0
    assert visit.page.locator("#balance-toggle").count() == 1
    visit.page.click("#legend-glossary")
    assert visit.text("#quiz-unavailable") == f"No quiz for these data: {reason.value}"


@pytest.mark.parametrize("preset", ["default", "classroom"])
def test_no_serious_violations_in_the_quiz_and_glossary(
    open_page: Callable[..., Visit], pages: dict[str, Path], preset: str
) -> None:
    visit = open_page(pages[preset], 1024, 768)
    found = {}
    visit.page.click("#quiz-toggle")
    found["question"] = serious(violations(visit))
    visit.page.keyboard.press("b")
    visit.page.keyboard.press("Enter")
    found["answer"] = serious(violations(visit))
    if preset == "classroom":  # a 1024 x 768 projector starts with the legend folded
        visit.page.click("#legend-toggle")
    visit.page.click("#legend-glossary")
    found["glossary"] = serious(violations(visit))
    assert found == {key: [] for key in found}


@pytest.mark.parametrize(("width", "height"), [(390, 844), (768, 1024), (1920, 1080)])
def test_every_mode_fits_phones_tablets_and_projectors(
    open_page: Callable[..., Visit], pages: dict[str, Path], width: int, height: int
) -> None:
    touch = width < 1000
    for preset in ("default", "classroom"):
        visit = open_page(pages[preset], width, height, touch=touch)
        for mode, panel in (
            ("balance", "balance-panel"),
            ("compare", "compare-panel"),
            ("quiz", "quiz-panel"),
        ):
            visit.page.click(f"#{mode}-toggle")
            assert visit.page.locator(f"#{panel}").is_visible()
            if width < 800:  # under the network, the page's whole width
                assert box_width(visit, f"#{panel}") == width
            assert visit.js("() => explorer.modes().mode") == mode
            assert visit.js("document.documentElement.scrollWidth") <= width
            if mode == "quiz":
                # Reveal and Next in the first screen, above the time bar, not under it.
                reach = {b: within_reach(visit, b) for b in ("#quiz-reveal-button", "#quiz-next")}
                assert reach == {"#quiz-reveal-button": True, "#quiz-next": True}, preset
                visit.page.keyboard.press("1")
                visit.page.keyboard.press("Enter")
                assert visit.page.locator("#quiz-verdict").is_visible()
                # The verdict scrolled to, clear of Next, which is still in sight.
                assert within_reach(visit, "#quiz-verdict"), preset
                assert within_reach(visit, "#quiz-next"), preset
            visit.page.screenshot(
                path=str(ARTIFACTS / f"mode-{mode}-{preset}-{width}x{height}.png")
            )
        visit.page.click("#quiz-toggle")  # off again: no mode, the camps' colours back
        assert visit.js("() => explorer.modes().mode") == ""
        colours = visit.js("() => explorer.modes().colours")
        assert colours == {
            actor["id"]: actor["colour"] for actor in visit.js("() => explorer.data.nodes")
        }


@pytest.mark.parametrize("preset", ["default", "classroom"])
def test_on_a_phone_with_the_panels_shown_the_question_stays_in_sight(
    open_page: Callable[..., Visit], pages: dict[str, Path], preset: str
) -> None:
    # A reader who tapped an actor and closed its panel still has the panels shown: the
    # filters under the quiz sheet squeezed it until Reveal and Next covered the question.
    visit = open_page(pages[preset], 390, 844, touch=True)
    visit.page.click("#panels-toggle")
    assert visit.page.locator("#sidebar").is_visible()
    visit.page.click("#quiz-toggle")
    reach = {
        selector: within_reach(visit, selector)
        for selector in ("#quiz-question", "#quiz-panel .answers", "#quiz-reveal-button")
    }
    visit.page.screenshot(path=str(ARTIFACTS / f"quiz-phone-panels-{preset}.png"))
    assert reach == dict.fromkeys(reach, True)
