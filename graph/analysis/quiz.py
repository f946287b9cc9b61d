"""Classroom materials: "allies or enemies?" questions from the data, and a glossary.

A quiz question names two actors and asks the class whether they are allies,
enemies, or neither / it's complicated. The questions come from the data's
own triangles (triads): :func:`graph.balance_predictions` says what
structural balance predicts for a pair from the actors they share, and the
signed graph (:func:`graph.signed_graph`) says what the data record.

- A *hidden* question hides one recorded tie: the class reasons from the
  other ties, and the answer is what the data record, with the quotes.
- An *open* question asks about a pair with no recorded relation at all: the
  answer is balance theory's prediction, a guess the data cannot check.

Questions run from clear-cut (every triangle agrees, and so do the data) to
contested (the triangles split, or the data contradict the theory). The
contested ones are the point of the lesson: actors against both sides -- a
watchdog accusing both, civilians harmed by both -- do not fit a world of two
camps.

:func:`quiz_questions` returns the questions as a table, :func:`quiz_payload`
as JSON-ready data for a page, and :func:`write_quiz` as a printable PDF sheet
with an answer key or as CSV. :func:`glossary` gives the plain-language
glossary shipped with the package (``graph/glossary.csv``).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Hashable, Iterable
from importlib import resources

import networkx as nx
import numpy as np
import pandas as pd

from graph.analysis.predict import balance_predictions
from graph.core.dates import span_label
from graph.core.errors import DataError
from graph.core.words import counted
from graph.network.build import signed_graph, snapshot
from graph.tables.read import CONFIDENCE_LEVELS

__all__ = [
    "ALL_PAIRS_MAX_TRIADS",
    "ANSWERS",
    "COLUMNS",
    "CSV_COLUMNS",
    "LETTERS",
    "LEVELS",
    "SAMPLED_TRIADS",
    "QuizError",
    "glossary",
    "quiz_questions",
]

#: The three answers, by sign: +1 allies, -1 enemies, 0 neither.
ANSWERS = {1: "allies", -1: "enemies", 0: "neither / it's complicated"}
#: The letter of each answer on the sheet, clicker and page (A, B, C).
LETTERS = {"A": ANSWERS[1], "B": ANSWERS[-1], "C": ANSWERS[0]}
#: How clear a question is, from the first asked to the last.
LEVELS = ("clear-cut", "leaning", "contested")
#: Above this many open triads (paths u - w - v in the signed graph) the
#: quiz's candidates are a seeded sample of triads rather than every pair.
ALL_PAIRS_MAX_TRIADS = 200_000
#: Triads drawn for the candidates of a large signed graph.
SAMPLED_TRIADS = 20_000
#: Share of a quiz given to each level (the rest goes to clear-cut questions).
_SHARES = {"contested": 0.4, "leaning": 0.2}

COLUMNS = [
    "kind",
    "actor",
    "other",
    "actor_name",
    "other_name",
    "question",
    "clues",
    "answer",
    "recorded",
    "predicted",
    "agree",
    "level",
    "prediction",
    "observed",
    "triads",
    "agreement",
    "supporting",
    "opposing",
    "records",
    "explanation",
]
#: The CSV's columns: the table's, with lists joined by newlines.
CSV_COLUMNS = [c for c in COLUMNS if c not in ("records",)] + ["evidence", "when", "citation"]


class QuizError(DataError):
    """The data cannot give the quiz asked for: too few triangles, or none in doubt."""

    def __init__(self, message: str):
        self.problems = []
        Exception.__init__(self, message)


def quiz_questions(
    G: nx.MultiDiGraph,
    *,
    n: int = 10,
    seed: int = 0,
    at: str | dt.date | None = None,
) -> pd.DataFrame:
    """Questions "allies, enemies or neither?" about pairs of actors, with answers.

    Candidate questions are the pairs :func:`graph.balance_predictions`
    predicts (pairs with at least one common neighbour in the signed graph),
    predicted from the *other* ties only: a pair with a recorded tie becomes a
    *hidden* question, a pair with no relation at all an *open* one. Pairs
    joined only by neutral relations (talks, documenting, a former name) are
    not asked: they have a record, but not one the three answers fit.

    Each candidate gets a level: ``clear-cut`` (every triangle agrees, and so
    do the data), ``leaning`` (most triangles agree, and so do the data) or
    ``contested`` (the triangles split evenly, or the data record another
    answer). About 40 % of the quiz is contested, 20 % leaning and the rest
    clear-cut, as far as the data allow. Within a level the most telling
    questions are picked first -- the most contradicted contested ones, then
    those backed by more triangles, recorded before open ones -- and ``seed``
    draws among equals. The quiz runs from clear-cut to contested: by doubt
    (0 when every triangle and the data agree, up to 1 when every triangle
    contradicts the data), then by number of triangles.

    In a large signed graph (more than :data:`ALL_PAIRS_MAX_TRIADS` open
    triads, i.e. paths ``u - w - v``) the candidates are the pairs at the
    ends of :data:`SAMPLED_TRIADS` triads drawn at random with ``seed``
    (each triad equally likely), not every pair: a hub with a thousand
    neighbours alone closes half a million pairs, and time and memory stay
    bounded whatever the size.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    n : int, default 10
        Number of questions.
    seed : int, default 0
        Draws among equally good questions; the same data and seed give the
        same quiz.
    at : str or datetime.date, optional
        Only use the relations active at this date (see :func:`graph.snapshot`).

    Returns
    -------
    pandas.DataFrame
        ``n`` rows indexed by ``number`` (1 to ``n``, the order to ask them),
        with columns

        ``kind``
            ``"hidden"`` (a recorded tie, hidden) or ``"open"`` (no relation).
        ``actor``, ``other``, ``actor_name``, ``other_name``
            The pair, ids and names (``actor`` sorts first).
        ``question``
            The question, in words.
        ``clues``
            Tuple of sentences, two per triangle behind the prediction (in
            the order ``supporting`` then ``opposing``): the ties of the
            actor and of the other with their shared neighbour, each as
            recorded ("Russia carries out air strikes on Free Syrian Army").
        ``answer``
            The key: ``recorded`` for a hidden question, ``predicted`` for an
            open one; one of :data:`ANSWERS`' values.
        ``recorded``
            What the data record: ``allies`` (support), ``enemies``
            (opposition), ``neither / it's complicated`` (both support and
            opposition between them); ``<NA>`` for an open question.
        ``predicted``
            What balance theory predicts (``neither`` when the triangles split).
        ``agree``
            Whether ``recorded`` equals ``predicted`` (boolean; ``<NA>`` for open).
        ``level``
            One of :data:`LEVELS`.
        ``prediction``, ``triads``, ``agreement``, ``supporting``, ``opposing``, ``observed``
            As in :func:`graph.balance_predictions` (``observed``: the tie's
            sign, ``<NA>`` for an open question).
        ``records``
            Tuple of dicts, one per recorded relation of the pair (empty for
            an open question): ``source``, ``target``, ``source_name``,
            ``target_name``, ``type``, ``label``, ``sign``, ``start``,
            ``end``, ``when``, ``confidence``, ``evidence`` (the verbatim
            quote), ``citation``, ``date_source``.
        ``explanation``
            What the data record, what balance theory predicts and why, and
            whether they agree, in plain words.

    Raises
    ------
    QuizError
        (a :class:`graph.DataError`) If the data offer fewer than ``n``
        questions, or none that is contested (a perfectly balanced network
        leaves nothing to discuss).
    ValueError
        If ``n`` is smaller than 1.

    Examples
    --------
    >>> import graph
    >>> quiz = graph.quiz_questions(graph.load(), n=10, seed=0)
    >>> quiz.loc[1, ["actor_name", "other_name", "answer", "level"]].tolist()
    ['Assad government', 'Russia', 'allies', 'clear-cut']
    >>> quiz["level"].value_counts().to_dict()
    {'clear-cut': 4, 'contested': 4, 'leaning': 2}

    References
    ----------
    .. [1] D. Cartwright and F. Harary, "Structural balance: a generalization
       of Heider's theory", Psychological Review 63(5):277-293, 1956.
    .. [2] J. A. Davis, "Clustering and structural balance in graphs", Human
       Relations 20(2):181-187, 1967 (a triangle of three enemies is stable
       when there are more than two camps).
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    S = signed_graph(G, at=at)
    candidates = _candidates(S, _neutral_pairs(G, S, at), seed)
    _check_enough(G, candidates, n)
    chosen = _choose(candidates, n)
    chosen = chosen.iloc[
        np.lexsort((chosen["rank"], chosen["open"], -chosen["triads"], chosen["doubt"]))
    ]
    rows = [
        _question(
            G,
            S,
            {
                **row,
                "actor": u,
                "other": v,
                "recorded": None if pd.isna(row["recorded"]) else int(row["recorded"]),
                "agree": None if pd.isna(row["agree"]) else bool(row["agree"]),
                "observed": None if pd.isna(row["observed"]) else int(row["observed"]),
            },
        )
        for (u, v), row in chosen.iterrows()
    ]
    quiz = pd.DataFrame(rows, columns=COLUMNS, index=pd.RangeIndex(1, n + 1, name="number"))
    return quiz.astype(
        {"recorded": "string", "agree": "boolean", "observed": "Int64", "agreement": "float64"}
    )


def glossary() -> pd.DataFrame:
    """Plain-language meanings of the words the explorer, the quiz and the reports use.

    Written for a 15-year-old: sign words (support, opposition, neutral),
    confidence words (confirmed, reported, claimed, alleged), camp, tie, signed graph,
    balanced triangle, "enemy of my enemy", structural balance, partition,
    frustration, undated relation, "formerly known as". The list ships with
    the package as ``graph/glossary.csv`` (columns ``term``, ``definition``);
    ``glossary().reset_index().to_dict("records")`` is its JSON-ready form.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``term`` (lower case unless a name), one column ``definition``.

    Examples
    --------
    >>> words = glossary()
    >>> print(words.loc["alleged", "definition"])
    Someone else accuses an actor of this, and it has not been proven.
    """
    text = resources.files(__package__).joinpath("glossary.csv").read_text(encoding="utf-8")
    table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    return table.set_index("term")


def _neutral_pairs(G: nx.MultiDiGraph, S: nx.Graph, at: str | dt.date | None) -> set[tuple]:
    """Pairs with a relation in the data but no signed tie (only neutral relations), both ways."""
    source = G if at is None else snapshot(G, at)
    pairs = {(u, v) for u, v in source.edges() if u != v and not S.has_edge(u, v)}
    return pairs | {(v, u) for u, v in pairs}


def _candidates(S: nx.Graph, neutral: set[tuple], seed: int) -> pd.DataFrame:
    """Every possible question: :func:`balance_predictions`' pairs with how much doubt each holds.

    Adds ``kind``, ``recorded`` (the answer's sign: the tie's, 0 for a mixed
    tie, <NA> for an open pair), ``agree``, ``doubt`` (0 when every triangle
    and the data agree, up to 1 when every triangle contradicts the data),
    ``level``, ``open`` (for sorting) and ``rank`` (a seeded draw).
    """
    table = balance_predictions(S, observed=True, pairs=_sampled_pairs(S, seed))
    tied = table["observed"].notna().to_numpy()
    asked = tied | np.array([pair not in neutral for pair in table.index], dtype=bool)
    table = table[asked].copy()
    tied = table["observed"].notna()
    mixed = np.zeros(len(table), dtype=bool)
    hidden = np.flatnonzero(tied.to_numpy())
    mixed[hidden] = [bool(S[u][v]["mixed"]) for u, v in table.index[hidden]]
    table["recorded"] = table["observed"].mask(mixed, 0)
    table["agree"] = (table["recorded"] == table["prediction"]).astype("boolean")
    contradicted = table["agree"].eq(False).fillna(False).to_numpy(dtype=bool)
    table["doubt"] = np.where(contradicted, table["agreement"], 1.0 - table["agreement"])
    table["level"] = np.select(
        [table["doubt"] == 0, table["doubt"] < 0.5], ["clear-cut", "leaning"], "contested"
    )
    table["kind"] = np.where(tied, "hidden", "open")
    table["open"] = ~tied
    table["rank"] = np.random.default_rng(seed).permutation(len(table))
    return table


def _sampled_pairs(S: nx.Graph, seed: int) -> list[tuple] | None:
    """The ends of :data:`SAMPLED_TRIADS` seeded random triads, or None (every pair) if few.

    A triad ``u - w - v`` is drawn by its centre ``w``, in proportion to the
    ``d (d - 1) / 2`` triads it centres, then two distinct neighbours of ``w``;
    actors are taken in the order of their ids, so the draw does not depend on
    the order the graph was built in.
    """
    nodes = sorted(S, key=str)
    degree = np.array([S.degree(w) for w in nodes], dtype=np.float64)
    centred = degree * (degree - 1) / 2
    if centred.sum() <= ALL_PAIRS_MAX_TRIADS:
        return None
    rng = np.random.default_rng(seed)
    centres = rng.choice(len(nodes), size=SAMPLED_TRIADS, p=centred / centred.sum())
    first = np.floor(rng.random(SAMPLED_TRIADS) * degree[centres]).astype(np.int64)
    # The second end: any other neighbour, uniformly.
    second = np.floor(rng.random(SAMPLED_TRIADS) * (degree[centres] - 1)).astype(np.int64)
    second = np.where(second >= first, second + 1, second)
    pairs = set()
    neighbours: dict[int, list] = {}
    for centre, i, j in zip(centres.tolist(), first.tolist(), second.tolist(), strict=True):
        if centre not in neighbours:
            neighbours[centre] = sorted(S[nodes[centre]], key=str)
        u, v = neighbours[centre][i], neighbours[centre][j]
        pairs.add((u, v) if str(u) < str(v) else (v, u))
    return sorted(pairs, key=lambda pair: (str(pair[0]), str(pair[1])))


def _check_enough(G: nx.MultiDiGraph, candidates: pd.DataFrame, n: int) -> None:
    """Refuse a quiz the data cannot give, saying why and what to do."""
    title = G.graph.get("title") or "this dataset"
    if len(candidates) < n:
        found = f"only {counted(len(candidates), 'question')}" if len(candidates) else "no question"
        raise QuizError(
            # n is often the default (10), which the reader never asked for.
            f"{title}: {found} can be asked for a quiz of {counted(n, 'question')}. "
            "A question needs two actors who share a neighbour in the signed graph (a "
            "triangle of support or opposition ties), and no relation between them other "
            "than support or opposition. Add relations, or ask for fewer questions"
            + (f" (-n {len(candidates)})." if len(candidates) else ".")
        )
    if not (candidates["level"] == "contested").any():
        raise QuizError(
            f"{title}: every triangle agrees with balance theory, so no question is in "
            "doubt; the quiz is about the ties that do not fit. The data may be "
            "perfectly balanced (two camps, friends inside, enemies across), or too "
            "sparse to show a conflict of loyalties."
        )


def _choose(candidates: pd.DataFrame, n: int) -> pd.DataFrame:
    """``n`` questions, about 40 % contested and 20 % leaning, the best of each level first."""
    by_level = {}
    for level in LEVELS:
        rows = candidates[candidates["level"] == level]
        # The most contradicted contested questions first: they make the lesson.
        first = -rows["doubt"] if level == "contested" else rows["doubt"]
        order = np.lexsort((rows["rank"], rows["open"], -rows["triads"], first))
        by_level[level] = list(rows.index[order])
    wanted = {level: round(share * n) for level, share in _SHARES.items()}
    wanted["contested"] = max(1, wanted["contested"])
    wanted["clear-cut"] = n - wanted["contested"] - wanted["leaning"]
    chosen = {level: by_level[level][: wanted[level]] for level in LEVELS}
    # Levels short of their share give their places to the others, clear-cut first.
    for level in ("clear-cut", "contested", "leaning"):
        missing = n - sum(map(len, chosen.values()))
        chosen[level] += by_level[level][len(chosen[level]) :][:missing]
    return candidates.loc[[pair for level in LEVELS for pair in chosen[level]]]


def _question(G: nx.MultiDiGraph, S: nx.Graph, c: dict) -> dict:
    """A question's row: the candidate with its words, clues, records and explanation."""
    u, v = c["actor"], c["other"]
    words = _Words(G, S)
    predicted = ANSWERS[c["prediction"]]
    recorded = None if c["recorded"] is None else ANSWERS[c["recorded"]]
    triads = [*c["supporting"], *c["opposing"]]
    clues = [words.tie(a, b) for w in triads for a, b in ((u, w), (w, v))]
    if c["kind"] == "hidden":
        question = (
            f"The data record how {words.name(u)} and {words.name(v)} relate, but it is "
            "hidden. Allies, enemies, or neither / it's complicated?"
        )
    else:
        question = (
            f"The data record nothing between {words.name(u)} and {words.name(v)}. From "
            "the clues, would you expect allies, enemies, or neither / it's complicated?"
        )
    return {
        **{key: c[key] for key in ("kind", "actor", "other", "level", "prediction", "triads")},
        **{key: c[key] for key in ("agreement", "supporting", "opposing", "observed")},
        "actor_name": words.name(u),
        "other_name": words.name(v),
        "question": question,
        "clues": tuple(clues),
        "answer": recorded if c["kind"] == "hidden" else predicted,
        "recorded": recorded,
        "predicted": predicted,
        "agree": pd.NA if c["agree"] is None else c["agree"],
        "records": words.records(u, v),
        "explanation": _explain(words, c, recorded, predicted),
    }


class _Words:
    """Actors and ties of one dataset in plain words."""

    def __init__(self, G: nx.MultiDiGraph, S: nx.Graph):
        self.G, self.S = G, S
        self.labels = {
            kind: str(spec.get("label") or kind.replace("_", " "))
            for kind, spec in G.graph.get("relation_types", {}).items()
        }

    def name(self, actor: Hashable) -> str:
        return str(self.G.nodes[actor].get("name") or actor)

    def label(self, kind: str) -> str:
        return self.labels.get(kind, str(kind).replace("_", " "))

    def _relations(self, a: Hashable, b: Hashable) -> list[dict]:
        """The pair's signed relations, most certain first, then in file order."""
        confidence = {level: number for number, level in enumerate(CONFIDENCE_LEVELS)}
        relations = [
            {**r, **self.G.edges[r["source"], r["target"], r["key"]]}
            for r in self.S[a][b]["relations"]
        ]
        return sorted(relations, key=lambda r: (confidence.get(r.get("confidence"), 9), r["key"]))

    def tie(self, a: Hashable, b: Hashable) -> str:
        """The tie between ``a`` and ``b`` as one sentence from its most certain relation."""
        edge = self.S[a][b]
        if edge["mixed"]:
            return f"{self.name(a)} and {self.name(b)} both help and harm each other"
        sign = edge["sign"]
        r = next(r for r in self._relations(a, b) if r["sign"] == sign)
        sentence = f"{self.name(r['source'])} {self.label(r['type'])} {self.name(r['target'])}"
        confidence = r.get("confidence")
        return sentence if confidence in (None, "confirmed") else f"{sentence} ({confidence})"

    def relations(self, a: Hashable, b: Hashable) -> str:
        """Every signed relation of the pair, as recorded, in one sentence."""
        sentences = []
        for r in self._relations(a, b):
            sentence = f"{self.name(r['source'])} {self.label(r['type'])} {self.name(r['target'])}"
            confidence = r.get("confidence")
            sentences.append(
                sentence if confidence in (None, "confirmed") else f"{sentence} ({confidence})"
            )
        return "; ".join(sentences)

    def records(self, a: Hashable, b: Hashable) -> tuple[dict, ...]:
        if not self.S.has_edge(a, b):
            return ()
        return tuple(
            {
                "source": r["source"],
                "target": r["target"],
                "source_name": self.name(r["source"]),
                "target_name": self.name(r["target"]),
                "type": r["type"],
                "label": self.label(r["type"]),
                "sign": int(r["sign"]),
                "start": _text_or_none(r.get("start")),
                "end": _text_or_none(r.get("end")),
                "when": span_label(_text_or_none(r.get("start")), _text_or_none(r.get("end"))),
                "confidence": _text_or_none(r.get("confidence")),
                "evidence": str(r.get("evidence") or ""),
                "citation": str(r.get("citation") or ""),
                "date_source": str(r.get("date_source") or ""),
            }
            for r in sorted(self._relations(a, b), key=lambda r: r["key"])
        )

    def sign(self, a: Hashable, b: Hashable) -> int:
        return int(self.S[a][b]["sign"])


def _text_or_none(value: object) -> str | None:
    return None if value is None or value is pd.NA or value != value or value == "" else str(value)


#: The four triangle rules, by the signs of (actor, shared) and (shared, other).
_RULES = {
    (1, 1): "the friend of a friend is a friend",
    (-1, -1): "the enemy of an enemy is a friend",
    (1, -1): "the enemy of a friend is an enemy",
    (-1, 1): "the friend of an enemy is an enemy",
}


def _explain(words: _Words, c: dict, recorded: str | None, predicted: str) -> str:
    """The answer in plain words: the record, the theory and its triangles, the verdict."""
    u, v = c["actor"], c["other"]
    U, V = words.name(u), words.name(v)
    parts = []
    if recorded is None:
        parts.append(
            f"The data record no relation between {U} and {V}, so the answer is balance "
            f"theory's guess: {predicted}."
        )
    else:
        parts.append(f"The data record {recorded}: {words.relations(u, v)}.")

    def through(ws: Iterable[Hashable]) -> str:
        return "; ".join(
            f"through {words.name(w)}, {_RULES[words.sign(u, w), words.sign(w, v)]}" for w in ws
        )

    supporting, opposing = c["supporting"], c["opposing"]
    triangles = counted(c["triads"], "triangle")
    if c["prediction"] == 0:
        parts.append(
            f"Balance theory cannot decide: of {triangles}, half say allies "
            f"({through(supporting)}) and half say enemies ({through(opposing)})."
        )
    elif not opposing:
        parts.append(
            f"Balance theory predicts {predicted} from {triangles}: {through(supporting)}."
        )
    else:
        parts.append(
            f"Balance theory leans to {predicted}: {len(supporting)} of {triangles} say so "
            f"({through(supporting)}), {len(opposing)} not ({through(opposing)})."
        )
    if c["agree"] is True:
        parts.append("The data and the theory agree.")
    elif c["agree"] is False:
        parts.append(
            "The data settle what the theory cannot."
            if c["prediction"] == 0
            else "The data and the theory disagree."
        )
    else:
        parts.append("Nothing in the data can check this guess.")
    if c["level"] == "contested":
        against_both = [
            words.name(w)
            for w in (*supporting, *opposing)
            if c["observed"] == -1 and words.sign(u, w) == words.sign(w, v) == -1
        ]
        if len(against_both) == 1:
            parts.append(
                f"{U}, {V} and {against_both[0]} are all at odds with one another: with "
                "three sides, the enemy of an enemy need not be a friend."
            )
        elif against_both:
            parts.append(
                f"{U} and {V} are at odds with each other, and {_and(against_both)} are at "
                "odds with both: with more than two sides, the enemy of an enemy need not "
                "be a friend."
            )
        parts.append(
            "This is the point of the lesson: balance theory assumes that every actor "
            "takes one of two sides. Actors against both sides, such as a watchdog that "
            "accuses both or civilians harmed by both, do not fit, and ties like these "
            "are where the theory needs a second look."
        )
    return " ".join(parts)


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
