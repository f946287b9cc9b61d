"""The explorer page's payload: the scene (the drawing) and what its modes show.

Like ipysigma, which keeps a graph's data apart from its visual variables, the
scene (:func:`graph.drawing.scene`) says only what to draw; this module adds
what the page's Balance, Quiz, Compare and glossary modes show, computed here
so the page works offline: the balance of the whole data, of every month and
without each of the most central actors (:func:`graph.analysis.balance_view`),
balance's predictions for pairs with no tie
(:func:`graph.balance_predictions`), a quiz (:func:`quiz_payload`) or the
reason the data give none, and the glossary (:func:`graph.glossary`). The
whole payload is described by ``graph/drawing/schema/scene.schema.json``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping

import networkx as nx
import numpy as np
import pandas as pd

from graph.analysis.balance_states import balance_view
from graph.analysis.predict import balance_predictions
from graph.analysis.quiz import COLUMNS, LETTERS, LEVELS, QuizError, glossary, quiz_questions
from graph.drawing.picture import scene
from graph.drawing.style import GROUP_COLOURS
from graph.network.build import signed_graph

__all__ = [
    "DRAWN_RELATIONS_UP_TO",
    "GROUP_COLOURS",
    "QUIZ_QUESTIONS",
    "QUIZ_VERSION",
    "SCREENS",
    "UNPLACED_COLOUR",
    "VIEWS_MAX_TIES",
    "page_payload",
    "quiz_payload",
]

#: Version of :func:`quiz_payload`'s layout; a page reads only what it declares.
QUIZ_VERSION = 1
#: Colour of actors in no group (no support or opposition tie at that date).
UNPLACED_COLOUR = "#FFFFFF"
#: The page's screen widths in CSS pixels, read by its script from the payload
#: and by its style sheet's media queries (filled in by render.py): below
#: ``narrow_px`` the panels start closed and stack under the network; up to
#: ``phone_px`` the page is laid out for a phone.
SCREENS = {"narrow_px": 1100, "phone_px": 600}
#: The most relations the page's network draws at once from its group view
#: (opening a group, unfolding all): above it, a picture took seconds to draw
#: on a 2-core laptop (benchmarks/README.md, bench_scale.py), so the page says
#: what it would draw and offers a searched actor's neighbours or a month.
DRAWN_RELATIONS_UP_TO = 10_000
#: Questions in the explorer's quiz.
QUIZ_QUESTIONS = 10
#: The most signed ties for which the page precomputes balance, for the whole
#: data (with its what-ifs and predictions) and for each month: above it,
#: proving the frustration index would take minutes per build, so the page
#: leaves those out and says which command computes them.
VIEWS_MAX_TIES = 1_000


def _views(G: nx.MultiDiGraph) -> dict:
    """What the explorer's balance, quiz, glossary and comparison modes show.

    Balance for the whole data (with its what-ifs and predictions) only up to
    :data:`VIEWS_MAX_TIES` signed ties, and for every month whose active
    signed ties are within it, so a long dataset with few ties at a time
    (two centuries of wars and alliances) has its Balance mode month by
    month. The quiz draws from a sample of triads at any size
    (:func:`graph.quiz_questions`).
    """
    S = signed_graph(G)
    whole_fits = S.number_of_edges() <= VIEWS_MAX_TIES
    view = balance_view(G, max_ties=VIEWS_MAX_TIES)
    whole = None if view["all"] is None else _balance_state(view["all"], None)
    try:
        quiz, unavailable = quiz_payload(quiz_questions(G, n=QUIZ_QUESTIONS)), None
    except QuizError as error:
        quiz, unavailable = None, str(error)
    views: dict = {"quiz": quiz, "quiz_unavailable": unavailable, "glossary": _glossary()}
    if whole is None and not view["months"]:
        return views
    predictions = balance_predictions(S) if whole_fits else pd.DataFrame()
    views["balance"] = {
        "all": whole,
        "max_ties": VIEWS_MAX_TIES,
        "months": [
            {"month": m["month"], "changed_sides": m["changed_sides"], **_balance_state(m, whole)}
            for m in view["months"]
        ],
        "months_over": view["months_over"],
        "without": [
            {"actor": w["actor"], "changed_sides": w["changed_sides"], **_balance_state(w, whole)}
            for w in view["without"]
        ],
        "predictions": [
            {
                "actor": actor,
                "other": other,
                "prediction": int(row["prediction"]),
                "triads": int(row["triads"]),
                "agreeing": float(row["agreeing"]),
                "supporting": list(row["supporting"]),
                "opposing": list(row["opposing"]),
            }
            for (actor, other), row in predictions.iterrows()
        ],
        "unplaced_colour": UNPLACED_COLOUR,
    }
    return views


def _glossary() -> list[dict]:
    """The glossary's entries as records."""
    return glossary().reset_index().to_dict("records")


def _balance_state(state: dict, whole: dict | None) -> dict:
    """A partition of :func:`graph.analysis.balance_view`, each group with its colour.

    A group takes the colour of the whole data's group it shares most members
    with, so a side keeps its colour from month to month.
    """
    colours = {}
    if whole is not None:
        for group in whole["groups"]:
            for member in group["members"]:
                colours[member] = group["colour"]
    groups = []
    for number, group in enumerate(state["groups"]):
        votes = Counter(colours[m] for m in group["members"] if m in colours)
        taken = {g["colour"] for g in groups}
        choices = [c for c, _ in votes.most_common() if c not in taken]
        free = [c for c in GROUP_COLOURS if c not in taken]
        colour = choices[0] if choices else free[0] if free else GROUP_COLOURS[-1]
        if whole is None:
            colour = GROUP_COLOURS[min(number, len(GROUP_COLOURS) - 1)]
        groups.append({"id": group["id"], "members": group["members"], "colour": colour})
    return {
        "L": state["L"],
        "proven": state["proven"],
        "lower_bound": state["lower_bound"],
        "groups": groups,
        "unplaced": state["unplaced"],
        "frustrated": [{"from": u, "to": v, "sign": sign} for u, v, sign in state["frustrated"]],
    }


def page_payload(
    G: nx.MultiDiGraph,
    *,
    at: str | dt.date | None = None,
    story: pd.DataFrame | None = None,
    size_by: Mapping | pd.Series | None = None,
) -> dict:
    """Everything the explorer page reads: the scene of ``G`` and its modes' data.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`; it is not changed.
    at, story, size_by
        As for :func:`graph.drawing.scene`.

    Returns
    -------
    dict
        The scene's fields plus ``screens`` (:data:`SCREENS`),
        ``drawn_relations_up_to`` (:data:`DRAWN_RELATIONS_UP_TO`), ``balance`` (absent above
        :data:`VIEWS_MAX_TIES` signed ties), ``quiz``, ``quiz_unavailable``
        and ``glossary``; valid against :func:`graph.drawing.schema`.

    Raises
    ------
    ValueError
        As :func:`graph.drawing.scene`.

    Examples
    --------
    >>> import graph
    >>> payload = page_payload(graph.load())
    >>> len(payload["nodes"]), len(payload["quiz"]["questions"]), payload["balance"]["all"]["L"]
    (20, 10, 2)
    """
    return {
        **scene(G, at=at, story=story, size_by=size_by),
        "screens": SCREENS,
        "drawn_relations_up_to": DRAWN_RELATIONS_UP_TO,
        **_views(G),
    }


def quiz_payload(quiz: pd.DataFrame) -> dict:
    """The questions as JSON-ready data, for a page to show (schema version 1).

    Parameters
    ----------
    quiz : pandas.DataFrame
        As returned by :func:`graph.quiz_questions`.

    Returns
    -------
    dict
        ``version`` (:data:`QUIZ_VERSION`), ``answers`` (the three
        answers, in the order A, B, C), ``levels`` (:data:`LEVELS`) and
        ``questions``: one dict per question, in order, with ``number`` and
        every column of :func:`graph.quiz_questions`; tuples become lists,
        ``<NA>`` becomes ``None``, ``agreement`` is rounded to 4 decimals.
        Only str, int, float, bool, None, lists and dicts: ``json.dumps``
        takes it as it is.

    Examples
    --------
    >>> import graph, json
    >>> payload = quiz_payload(graph.quiz_questions(graph.load(), n=3))
    >>> payload["version"], payload["answers"]
    (1, ['allies', 'enemies', "neither / it's complicated"])
    >>> first = payload["questions"][0]
    >>> first["number"], first["answer"], first["records"][0]["type"]
    (1, 'allies', 'political_support')
    >>> len(json.dumps(payload)) > 1000
    True
    """
    questions = []
    for number, row in quiz.iterrows():
        question = {"number": int(number)}
        for column in COLUMNS:
            question[column] = _json_ready(row[column])
        question["agreement"] = round(float(row["agreement"]), 4)
        questions.append(question)
    return {
        "version": QUIZ_VERSION,
        "answers": list(LETTERS.values()),
        "levels": list(LEVELS),
        "questions": questions,
    }


def _json_ready(value: object) -> object:
    if isinstance(value, tuple | list):
        return [_json_ready(item) for item in value]
    if isinstance(value, dict):
        return {key: _json_ready(item) for key, item in value.items()}
    if pd.isna(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value
