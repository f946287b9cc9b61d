"""The explorer's balance mode and its comparison of two dates, in real Chromium.

The page's numbers are read from its DOM (data attributes the panels carry)
and checked against the Python side: every month's L, sides and frustrated
ties against :func:`graph.analysis.balance_view` and, independently, against
:func:`graph.balance.frustration` and :func:`graph.balance.frustrated_ties` of
that month's signed graph; the what-ifs against the graph without the actor;
the comparison against :func:`graph.diff`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from chromium import ARTIFACTS, Visit
from test_explorer_accessibility import serious, violations

import graph
from graph.analysis.balance_states import balance_view
from graph.balance import frustrated_ties, frustration
from graph.drawing.picture import scene

# Drives headless Chromium: left out of `make test-fast`.
pytestmark = pytest.mark.browser

READ_BALANCE = """() => {
  const l = document.getElementById('balance-l');
  const groups = Array.from(document.querySelectorAll('#balance-groups li'));
  const ties = Array.from(document.querySelectorAll('#balance-frustrated li[data-pair]'));
  const changed = document.getElementById('balance-changed');
  return {
    L: Number(l.dataset.l), proven: l.dataset.proven === 'true',
    groups: groups.map((g) => [g.dataset.group, g.dataset.members.split(' ')]),
    frustrated: ties.map((t) => t.dataset.pair).sort(),
    changed: changed ? changed.textContent : null,
    colours: explorer.modes().colours,
  };
}"""


@pytest.fixture(scope="module")
def view(G: nx.MultiDiGraph) -> dict:
    return balance_view(G)


def go(visit: Visit, fragment: str) -> None:
    """Open a view by its link's fragment, as a reader editing the link would."""
    visit.js(
        """(fragment) => new Promise((done) => {
             if (location.hash === '#' + fragment) return done();
             // After the page's own listener, registered first, has drawn the view.
             window.addEventListener('hashchange', () => done(), {once: true});
             location.hash = fragment;
           })""",
        fragment,
    )


def pair(u: str, v: str) -> str:
    return "|".join(sorted((u, v)))


def partition_of(groups: list) -> pd.Series:
    return pd.Series({member: leader for leader, members in groups for member in members})


def check_state(G: nx.MultiDiGraph, S: nx.Graph, shown: dict, expected: dict) -> None:
    """The page's balance is the view's, and its own numbers hold on ``S``."""
    assert shown["L"] == expected["L"] and shown["proven"] == expected["proven"]
    assert shown["groups"] == [[g["id"], g["members"]] for g in expected["groups"]]
    assert shown["frustrated"] == sorted(pair(u, v) for u, v, _ in expected["frustrated"])
    # Independently of balance_view: the exact L of this signed graph, and the
    # page's partition leaves exactly L ties frustrated.
    assert shown["L"] == frustration(S).L
    ties = frustrated_ties(S, partition_of(shown["groups"]).reindex(list(S)))
    assert sorted(pair(u, v) for u, v, _ in ties.itertuples(index=False)) == shown["frustrated"]
    assert len(shown["frustrated"]) == shown["L"]
    # Each side in one colour of its own; actors in no side (or removed) in another.
    sides = [{shown["colours"][m] for m in members} for _, members in shown["groups"]]
    assert all(len(side) == 1 for side in sides) and len(set.union(*sides)) == len(sides)
    placed = {m for _, members in shown["groups"] for m in members}
    assert placed | set(expected["unplaced"]) == set(S)
    others = {shown["colours"][a] for a in G if a not in placed}
    assert len(others) <= 1 and not others & set.union(*sides)


def test_balance_every_month_matches_graph_balance(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph, view: dict
) -> None:
    visit = open_page(pages["default"], 1366, 768)
    go(visit, "mode=balance&date=all")
    assert visit.js("() => explorer.modes().mode") == "balance"
    check_state(G, graph.signed_graph(G), visit.js(READ_BALANCE), view["all"])
    months = view["months"]
    assert len(months) == 54
    for number, month in enumerate(months):
        go(visit, f"mode=balance&date={month['month']}")
        shown = visit.js(READ_BALANCE)
        check_state(G, graph.signed_graph(G, at=month["month"]), shown, month)
        if number == 0:
            assert shown["changed"] is None
        elif month["changed_sides"]:
            names = [G.nodes[a]["name"] for a in month["changed_sides"]]
            assert shown["changed"].startswith("Changed sides (dashed rings) since") and all(
                name in shown["changed"] for name in names
            )
        else:
            assert shown["changed"].startswith("No one changed sides since")
    go(visit, "mode=balance&date=2015-11")
    visit.page.screenshot(path=str(ARTIFACTS / "balance-2015-11.png"))


def test_balance_predictions_for_open_pairs_list_their_triads(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    visit = open_page(pages["default"], 1366, 768)
    go(visit, "mode=balance&date=all")
    shown = visit.js(
        """() => Array.from(document.querySelectorAll('#balance-predictions li')).map(
             (li) => [li.dataset.pair, Number(li.dataset.prediction), li.textContent])"""
    )
    expected = graph.balance_predictions(graph.signed_graph(G))
    assert [(p, s) for p, s, _ in shown] == [
        (pair(u, v), int(row["prediction"])) for (u, v), row in expected.iterrows()
    ]
    for (_, _, text), (_, row) in zip(shown, expected.iterrows(), strict=True):
        assert f"({row['agreeing']:g} of {row['triads']} triangles)" in text
        for neighbour in (*row["supporting"], *row["opposing"]):
            assert "through " + G.nodes[neighbour]["name"] in text


def test_what_if_without_each_central_actor(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph, view: dict
) -> None:
    visit = open_page(pages["default"], 1366, 768)
    S = graph.signed_graph(G)
    central = [w["actor"] for w in view["without"]]
    assert len(central) == 10
    for entry in view["without"]:
        go(visit, f"mode=balance&date=all&actor={entry['actor']}")
        assert visit.text("#what-if") == "Remove this actor (what-if)"
        visit.page.click("#what-if")
        assert visit.text("#what-if") == "Put this actor back"
        assert "without " + G.nodes[entry["actor"]]["name"] in visit.text("#balance-where")
        S_without = S.copy()
        S_without.remove_node(entry["actor"])
        shown = visit.js(READ_BALANCE)
        check_state(G, S_without, shown, entry)
        changed = visit.text("#balance-changed")
        if entry["changed_sides"]:  # without Assad, Amnesty International changes sides
            assert changed.startswith("Changed sides (dashed rings) without")
            assert all(G.nodes[a]["name"] in changed for a in entry["changed_sides"])
        else:
            assert changed.startswith("No one else changes sides without")
        if entry["actor"] in ("russia", "assad_government"):
            path = ARTIFACTS / f"balance-what-if-without-{entry['actor']}.png"
            visit.page.screenshot(path=str(path))
        visit.page.click("#what-if")
        assert "without" not in visit.text("#balance-where")
    others = [a for a in G if a not in central]
    go(visit, f"mode=balance&date=all&actor={others[0]}")
    assert visit.page.locator("#what-if").count() == 0


READ_COMPARE = """() => Array.from(document.querySelectorAll('#compare-list > li')).map((li) => [
  li.dataset.pair, li.dataset.change, li.dataset.before, li.dataset.after, li.textContent])"""


def expected_changes(G: nx.MultiDiGraph, a: str, b: str) -> list[tuple]:
    def sign(value: object) -> str:
        return "" if pd.isna(value) else str(int(value))

    return [
        (pair(u, v), row["change"], sign(row["sign_before"]), sign(row["sign_after"]), row)
        for (u, v), row in graph.diff(G, a, b).iterrows()
    ]


def test_two_dates_match_graph_diff(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph, view: dict
) -> None:
    months = [m["month"] for m in view["months"]]
    pairs = [(a, b) for a, b in itertools.pairwise(months) if not graph.diff(G, a, b).empty]
    assert len(pairs) >= 5
    pairs.append(("2015-09", "2015-10"))
    visit = open_page(pages["default"], 1366, 768)
    for a, b in pairs:
        go(visit, f"mode=compare&compare={a}~{b}")
        shown = visit.js(READ_COMPARE)
        expected = expected_changes(G, a, b)
        assert [tuple(s[:4]) for s in shown] == [e[:4] for e in expected], (a, b)
        for (*_, text), (*_, row) in zip(shown, expected, strict=True):
            for side in ("relations_before", "relations_after"):
                for sentence in filter(None, row[side].split("; ")):
                    assert sentence in text, (a, b, sentence)
        if not expected:
            assert visit.text("#compare-summary").startswith("No support or opposition tie")
    # The months of the Russian air campaign: it began on 30 September, so both
    # months hold it; from the last day before it, the new ties show.
    go(visit, "mode=compare&compare=2015-09~2015-10")
    visit.page.screenshot(path=str(ARTIFACTS / "compare-2015-09-2015-10.png"))
    go(visit, "mode=compare&compare=2015-08~2015-10")
    assert [tuple(s[:4]) for s in visit.js(READ_COMPARE)] == [
        e[:4] for e in expected_changes(G, "2015-08", "2015-10")
    ]
    assert "Russia carries out air strikes on Free Syrian Army" in visit.text("#compare-list")
    visit.page.screenshot(path=str(ARTIFACTS / "compare-2015-08-2015-10.png"))
    # A day, for a change inside a month: the day before the strikes, then October.
    for a, b in (
        ("2015-09-29", "2015-10"),
        ("2015-09-29", "2015-09-30"),
        ("2016-12-21", "2016-12-23"),
    ):
        go(visit, f"mode=compare&compare={a}~{b}")
        assert [tuple(s[:4]) for s in visit.js(READ_COMPARE)] == [
            e[:4] for e in expected_changes(G, a, b)
        ], (a, b)
    go(visit, "mode=compare&compare=2015-09-29~2015-10")
    assert visit.text("#compare-summary").startswith("2 ties changed from 29 September 2015 to")
    assert visit.shown() == sorted(graph.snapshot(G, "2015-10").edges(keys=True))
    visit.page.screenshot(path=str(ARTIFACTS / "compare-2015-09-29-2015-10.png"))


def test_two_dates_follow_the_tie_rule_with_weights(
    open_page: Callable[..., Visit], tmp_path: Path
) -> None:
    """Weights decide ties where counting relations would not: the page agrees with Python.

    From January to February 2020: a-b keeps its support (one heavy backing
    against two light fights; counting relations would flip it), a-c appears
    as opposition (one heavy fight against two light backings), b-c flips
    (an alliance written both ways counts once against a fight: a draw) and
    b-d flips (a draw of one against one).
    """
    G = graph.load(Path(__file__).parent / "cases" / "weights-decide-a-tie" / "data")
    after = graph.signed_graph(G, at="2020-02")
    assert after["a"]["b"]["sign"] == 1 and after["a"]["c"]["sign"] == -1
    expected = [e[:4] for e in expected_changes(G, "2020-01", "2020-02")]
    assert expected == [
        ("a|c", "appeared", "", "-1"),
        ("b|c", "flipped", "1", "-1"),
        ("b|d", "flipped", "1", "-1"),
    ]
    visit = open_page(graph.write_html(G, tmp_path / "ties.html"), 1366, 768)
    go(visit, "mode=compare&compare=2020-01~2020-02")
    assert [tuple(s[:4]) for s in visit.js(READ_COMPARE)] == expected
    # Where weights decide, each relation says how much it counts.
    assert "Gamma fights Alpha (strength 4)" in visit.text("#compare-list")
    go(visit, "mode=compare&compare=2020-02~2020-01")
    assert [tuple(s[:4]) for s in visit.js(READ_COMPARE)] == [
        e[:4] for e in expected_changes(G, "2020-02", "2020-01")
    ]


def test_the_comparison_is_in_the_link_and_chosen_with_the_selects(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph
) -> None:
    visit = open_page(pages["default"], 1366, 768)
    visit.page.click("#compare-toggle")
    visit.page.select_option("#compare-a", "2015-08")
    visit.page.select_option("#compare-b", "2016-01")
    # Days are written as the data write them, whatever the browser's locale.
    assert visit.page.get_attribute("#compare-a-day", "placeholder") == "YYYY-MM-DD"
    visit.page.fill("#compare-a-day", "29/09/2015")
    visit.page.press("#compare-a-day", "Enter")
    assert visit.page.get_attribute("#compare-a-day", "aria-invalid") == "true"
    assert "2016-01" in visit.js("() => location.href")
    visit.page.fill("#compare-a-day", "2015-09-29")
    visit.page.press("#compare-a-day", "Enter")
    assert visit.js("() => location.href").endswith("compare=2015-09-29%7E2016-01")
    assert visit.page.input_value("#compare-a-day") == "2015-09-29"
    visit.page.select_option("#compare-a", "2015-08")
    url = visit.js("() => location.href")
    assert (
        "mode=compare" in url and "compare=2015-08%7E2016-01" in url
    ) or "compare=2015-08~2016-01" in url
    other = open_page(url, 1366, 768)
    assert other.js("() => document.getElementById('compare-a').value") == "2015-08"
    assert other.js("() => document.getElementById('compare-b').value") == "2016-01"
    assert other.js(READ_COMPARE) == visit.js(READ_COMPARE)
    # The network shows the second month, even when the link names no date.
    bare = open_page(f"{pages['default'].as_uri()}#mode=compare&compare=2015-08~2016-01")
    at_b = graph.snapshot(G, "2016-01")
    assert bare.shown() == sorted(at_b.edges(keys=True))


@pytest.mark.parametrize("preset", ["default", "classroom"])
def test_no_serious_violations_in_balance_and_comparison(
    open_page: Callable[..., Visit], pages: dict[str, Path], preset: str
) -> None:
    visit = open_page(pages[preset], 1024, 768)
    found = {}
    for fragment in (
        "mode=balance&date=2015-11",
        "mode=balance&actor=russia&without=russia",
        "mode=compare&compare=2015-08~2015-10",
    ):
        go(visit, fragment)
        found[fragment] = serious(violations(visit))
    assert found == {key: [] for key in found}


def test_balance_for_the_months_within_the_limit_only(
    open_page: Callable[..., Visit],
    G: nx.MultiDiGraph,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Too many ties for balance over all dates, few enough in some months (the
    # bound lowered to 15 so that Aleppo is "too large": the rule is tested).
    import graph.outputs.explorer.payload as payload_module

    monkeypatch.setattr(payload_module, "VIEWS_MAX_TIES", 15)
    page = graph.write_html(G, tmp_path / "months.html")
    visit = open_page(page, 1366, 768)
    go(visit, "mode=balance&date=all")
    assert visit.js("() => explorer.modes().mode") == "balance"
    assert "more than 15 support and opposition ties" in visit.text("#balance-where")
    camps = {node["id"]: node["colour"] for node in scene(G)["nodes"]}
    assert visit.js("() => explorer.modes().colours") == camps  # no sides to colour by
    months = balance_view(G)["months"]
    checked = 0
    for month in (m for m in months if m["month"] in ("2013-01", "2016-12")):
        go(visit, f"mode=balance&date={month['month']}")
        S = graph.signed_graph(G, at=month["month"])
        if S.number_of_edges() <= 15:
            check_state(G, S, visit.js(READ_BALANCE), month)
            checked += 1
        else:
            assert "too many to compute balance" in visit.text("#balance-where")
    assert checked == 1  # 2013-01 has 13 ties, 2016-12 more than 15


def test_compare_opens_on_the_first_months_in_a_row_that_differ(
    open_page: Callable[..., Visit], pages: dict[str, Path], G: nx.MultiDiGraph, view: dict
) -> None:
    months = [m["month"] for m in view["months"]]
    first = next((a, b) for a, b in itertools.pairwise(months) if not graph.diff(G, a, b).empty)
    visit = open_page(pages["default"], 1366, 768)
    visit.page.click("#compare-toggle")
    assert (visit.page.input_value("#compare-a"), visit.page.input_value("#compare-b")) == first
    assert not visit.text("#compare-summary").startswith("No support or opposition tie")
    assert [tuple(s[:4]) for s in visit.js(READ_COMPARE)] == [
        e[:4] for e in expected_changes(G, *first)
    ]
