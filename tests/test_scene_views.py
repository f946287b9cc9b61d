"""The explorer's payload beside the scene (``page_payload``): balance, quiz, glossary."""

from __future__ import annotations

import networkx as nx
import pytest

import graph
import graph.outputs.explorer.payload as payload_module
from graph.analysis.balance_states import balance_view
from graph.drawing.picture import scene
from graph.outputs.explorer.payload import GROUP_COLOURS, UNPLACED_COLOUR, page_payload


def test_pictures_leave_the_modes_out_and_the_explorer_has_them(G: nx.MultiDiGraph) -> None:
    assert not {"balance", "quiz", "quiz_unavailable", "glossary"} & set(scene(G))
    payload = page_payload(G)
    assert payload["quiz"]["questions"] == graph.quiz_payload(graph.quiz_questions(G))["questions"]
    assert payload["quiz_unavailable"] is None
    assert [e["term"] for e in payload["glossary"]] == list(graph.glossary().index)
    assert payload["balance"]["unplaced_colour"] == UNPLACED_COLOUR


def test_a_side_keeps_its_colour_from_month_to_month(G: nx.MultiDiGraph) -> None:
    balance = page_payload(G)["balance"]
    view = balance_view(G)
    whole = {g["id"]: g["colour"] for g in balance["all"]["groups"]}
    assert list(whole.values()) == list(GROUP_COLOURS[: len(whole)])
    for month, expected in zip(balance["months"], view["months"], strict=True):
        assert [g["members"] for g in month["groups"]] == [g["members"] for g in expected["groups"]]
        for group in month["groups"]:
            # Assad's side is always the pro-government colour, the rebels' the other.
            if "assad_government" in group["members"]:
                assert group["colour"] == whole["assad_government"], month["month"]
            elif "free_syrian_army" in group["members"]:
                assert group["colour"] == whole["free_syrian_army"], month["month"]
        colours = [g["colour"] for g in month["groups"]]
        assert len(set(colours)) == len(colours)


def test_too_small_for_a_quiz_says_why_and_still_builds(G: nx.MultiDiGraph) -> None:
    small = G.subgraph(["russia", "assad_government", "free_syrian_army"]).copy()
    payload = page_payload(small)
    assert payload["quiz"] is None
    assert "question" in payload["quiz_unavailable"]
    assert payload["balance"]["all"]["L"] == 0


def test_too_many_ties_leave_balance_out_and_keep_the_sampled_quiz(
    G: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The bound is lowered so that Aleppo is "too large": the rule, not the number, is tested.
    monkeypatch.setattr(payload_module, "VIEWS_MAX_TIES", 5)
    payload = page_payload(G)
    assert "balance" not in payload  # no month has 5 ties or fewer
    assert payload["quiz"] is not None  # drawn from a sample of triads at any size
    assert payload["glossary"]


def test_balance_for_every_month_within_the_limit(
    G: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(payload_module, "VIEWS_MAX_TIES", 15)
    S = graph.signed_graph(G)
    assert S.number_of_edges() > 15
    balance = page_payload(G)["balance"]
    assert balance["all"] is None and balance["without"] == [] and balance["predictions"] == []
    assert balance["max_ties"] == 15
    within = [m["month"] for m in balance["months"]]
    assert within and balance["months_over"]
    full = [m["month"] for m in balance_view(G)["months"]]
    assert sorted(within + balance["months_over"]) == full  # each month in one list
    for month in balance["months"]:
        ties = graph.signed_graph(G, at=month["month"]).number_of_edges()
        assert ties <= 15, month["month"]
        assert sum(len(g["members"]) for g in month["groups"]) > 0
    for month in balance["months_over"]:
        assert graph.signed_graph(G, at=month).number_of_edges() > 15


def test_yearly_dates_have_balance_for_every_month_of_their_years() -> None:
    # Two centuries of alliances and wars dated by year, few ties at a time:
    # the last year runs to December, like the slider's months.
    G = nx.MultiDiGraph()
    for year in range(1816, 1826):
        a, b, c = (f"s{(year + k) % 7}" for k in range(3))
        G.add_edge(a, b, type="ally", sign=1, start=str(year), end=str(year + 1))
        G.add_edge(b, c, type="war", sign=-1, start=str(year), end=str(year))
    payload = page_payload(G)
    months = [m["month"] for m in payload["balance"]["months"]]
    assert months == [p["date"] for p in payload["months"]]
    assert months[0] == "1816-01" and months[-1] == "1826-12"


def test_slider_and_balance_months_are_the_period_asked_for(G: nx.MultiDiGraph) -> None:
    # build --from 2016-06 --to 2016-07: the relations active then run from 2012 on.
    payload = page_payload(graph.between(G, "2016-06", "2016-07"))
    assert [m["date"] for m in payload["months"]] == ["2016-06", "2016-07"]
    assert [m["month"] for m in payload["balance"]["months"]] == ["2016-06", "2016-07"]
    whole = page_payload(G)
    assert [m["date"] for m in whole["months"]] == [m["month"] for m in whole["balance"]["months"]]
