"""Classroom quiz and glossary: answers from the data and from balance theory, sheet, CSV, CLI.

The printed sheet is checked by extracting its text with pypdf (a pure-Python
test dependency): poppler's pdftotext is not on the CI machine, and matplotlib's
own PDF streams are compressed and hold glyph ids, not text.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import networkx as nx
import pandas as pd
import pypdf
import pytest
from click.testing import CliRunner

import graph
from graph.analysis.quiz import ANSWERS, LEVELS, QuizError
from graph.cli import main
from graph.drawing.style import SIGN_NAMES
from graph.outputs.explorer.payload import QUIZ_VERSION
from graph.tables.read import CONFIDENCE_LEVELS, DATA_DIR


@pytest.fixture(scope="module")
def aleppo():
    return graph.load()


@pytest.fixture(scope="module")
def quiz(aleppo) -> pd.DataFrame:
    return graph.quiz_questions(aleppo, n=10, seed=0)


@pytest.fixture(scope="module")
def sheet(quiz, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sheet")
    return graph.write_quiz(quiz, folder / "quiz.pdf", title="Battle of Aleppo")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces as single spaces (PDF lines are wrapped)."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_pages(path: Path) -> list[str]:
    """Each page's text, without its page number."""
    pages = [flat(page.extract_text()) for page in pypdf.PdfReader(path).pages]
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert text.endswith(f" {number} / {total}")
    return [text.removesuffix(f" {number} / {total}") for number, text in enumerate(pages, 1)]


def keep_relations(dataset: Path, pairs: set[tuple[str, str]]) -> None:
    """Keep only the bundled relations between these (source, target) pairs in a dataset copy."""
    path = dataset / "relations.csv"
    with (DATA_DIR / "relations.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    kept = [rows[0]] + [row for row in rows[1:] if (row[0], row[1]) in pairs]
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows(kept)


def doubt(row: pd.Series) -> float:
    return row["agreement"] if row["agree"] is False else 1 - row["agreement"]


# --------------------------------------------------------------- the questions


def test_answers_match_balance_predictions_and_the_data(aleppo, quiz) -> None:
    S = graph.signed_graph(aleppo)
    predictions = graph.balance_predictions(S, observed=True)
    assert list(quiz.index) == list(range(1, 11))
    for _, row in quiz.iterrows():
        u, v = row["actor"], row["other"]
        expected = predictions.loc[(u, v)]
        for column in ("prediction", "triads", "supporting", "opposing"):
            assert row[column] == expected[column], (u, v, column)
        assert row["agreement"] == pytest.approx(expected["agreement"])
        assert row["predicted"] == ANSWERS[expected["prediction"]]
        assert (row["actor_name"], row["other_name"]) == (
            aleppo.nodes[u]["name"],
            aleppo.nodes[v]["name"],
        )
        assert len(row["clues"]) == 2 * row["triads"]
        if row["kind"] == "hidden":
            tie = S[u][v]
            assert not tie["mixed"]  # none in the Aleppo data
            assert row["recorded"] == ANSWERS[tie["sign"]] == row["answer"]
            assert row["observed"] == tie["sign"]
            assert row["agree"] == (row["recorded"] == row["predicted"])
            assert len(row["records"]) == len(tie["relations"])
            # The clues are the other ties: the hidden one is never among them.
            for clue in row["clues"]:
                assert not (row["actor_name"] in clue and row["other_name"] in clue), clue
        else:
            assert not aleppo.has_edge(u, v) and not aleppo.has_edge(v, u)
            assert row["recorded"] is pd.NA and row["records"] == ()
            assert row["answer"] == row["predicted"]
            assert row["agree"] is pd.NA and row["observed"] is pd.NA


def test_every_quote_shown_is_a_data_row(aleppo, quiz) -> None:
    # Data quotes are checked against the article in test_data.py.
    with (DATA_DIR / "relations.csv").open(encoding="utf-8", newline="") as file:
        rows = {
            (r["source"], r["target"], r["type"]): (r["evidence"], r["citation"])
            for r in csv.DictReader(file)
        }
    shown = 0
    for _, row in quiz.iterrows():
        for record in row["records"]:
            key = (record["source"], record["target"], record["type"])
            assert (record["evidence"], record["citation"]) == rows[key]
            assert {record["source"], record["target"]} == {row["actor"], row["other"]}
            shown += 1
    assert shown >= 10


def test_ordered_from_clear_cut_to_contested(quiz) -> None:
    levels = [LEVELS.index(level) for level in quiz["level"]]
    assert levels == sorted(levels)
    doubts = [doubt(row) for _, row in quiz.iterrows()]
    assert doubts == sorted(doubts)
    assert quiz["level"].value_counts().to_dict() == {"clear-cut": 4, "contested": 4, "leaning": 2}
    first = quiz.loc[1]
    assert (first["actor"], first["other"], first["answer"]) == (
        "assad_government",
        "russia",
        "allies",
    )
    assert first["agree"] and first["triads"] == 4


def test_contested_questions_carry_the_lesson(quiz) -> None:
    contested = quiz[quiz["level"] == "contested"].set_index(["actor", "other"])
    # Amnesty accuses both sides; civilians are harmed by both: the theory says allies.
    for pair in [
        ("amnesty_international", "assad_government"),
        ("amnesty_international", "free_syrian_army"),
        ("eastern_aleppo_civilians", "free_syrian_army"),
    ]:
        row = contested.loc[pair]
        assert (row["recorded"], row["predicted"], row["agree"]) == ("enemies", "allies", False)
        assert "point of the lesson" in row["explanation"]
        assert (
            "at odds with one another" in row["explanation"]
            or "odds with both" in (row["explanation"])
        )
    for _, row in quiz[quiz["level"] != "contested"].iterrows():
        assert "point of the lesson" not in row["explanation"]


def test_explanations_say_record_prediction_and_verdict(aleppo, quiz) -> None:
    for _, row in quiz.iterrows():
        text = row["explanation"]
        if row["kind"] == "hidden":
            assert text.startswith(f"The data record {row['recorded']}: ")
        else:
            assert text.startswith("The data record no relation")
            assert "Nothing in the data can check this guess." in text
        if row["agree"] is True:
            assert "The data and the theory agree." in text
        for w in (*row["supporting"], *row["opposing"]):
            assert f"through {aleppo.nodes[w]['name']}, the " in text


def test_same_seed_same_quiz_and_seeds_draw_among_equals(aleppo, quiz) -> None:
    pd.testing.assert_frame_equal(graph.quiz_questions(aleppo, n=10, seed=0), quiz)
    pairs = {
        tuple(graph.quiz_questions(aleppo, n=20, seed=seed)[["actor", "other"]].itertuples())
        for seed in range(6)
    }
    assert len(pairs) > 1


def test_at_a_date_uses_only_active_relations(aleppo) -> None:
    quiz = graph.quiz_questions(aleppo, n=4, at="2016-10")
    S = graph.signed_graph(aleppo, at="2016-10")
    for _, row in quiz.iterrows():
        for w in (*row["supporting"], *row["opposing"]):
            assert S.has_edge(row["actor"], w) and S.has_edge(w, row["other"])


def test_too_small_and_too_balanced(dataset: Path) -> None:
    keep_relations(dataset, {("free_syrian_army", "assad_government")})
    with pytest.raises(QuizError, match="no question can be asked for a quiz of 10 questions"):
        graph.quiz_questions(graph.load(dataset))
    # Two camps, friends inside and enemies across: no question is in doubt.
    keep_relations(
        dataset,
        {
            ("free_syrian_army", "assad_government"),
            ("russia", "assad_government"),
            ("iran", "assad_government"),
            ("united_states", "free_syrian_army"),
            ("turkey", "free_syrian_army"),
        },
    )
    G = graph.load(dataset)
    with pytest.raises(QuizError, match="every triangle agrees with balance theory"):
        graph.quiz_questions(G, n=3)
    too_few = r"only 6 questions can be asked for a quiz of 7 questions.*\(-n 6\)"
    with pytest.raises(graph.DataError, match=too_few):
        graph.quiz_questions(G, n=7)
    with pytest.raises(ValueError, match="at least 1"):
        graph.quiz_questions(graph.load(), n=0)


# --------------------------------------------------------------- payload, CSV, PDF


def test_payload_is_json_and_follows_the_table(quiz) -> None:
    payload = graph.quiz_payload(quiz)
    assert json.loads(json.dumps(payload, allow_nan=False)) == payload
    assert payload["version"] == QUIZ_VERSION
    assert payload["answers"] == ["allies", "enemies", "neither / it's complicated"]
    assert payload["levels"] == list(LEVELS)
    assert [q["number"] for q in payload["questions"]] == list(quiz.index)
    for question, (_, row) in zip(payload["questions"], quiz.iterrows(), strict=True):
        assert set(question) == {"number", *quiz.columns}
        assert question["supporting"] == list(row["supporting"])
        assert question["agree"] == (None if row["agree"] is pd.NA else bool(row["agree"]))
        assert question["records"] == [dict(r) for r in row["records"]]


def test_csv_round_trips(quiz, tmp_path: Path) -> None:
    out = graph.write_quiz(quiz, tmp_path / "quiz.csv")
    back = pd.read_csv(out, index_col="number", dtype=str, keep_default_na=False)
    assert list(back.index) == [str(number) for number in quiz.index]
    assert len(back) == len(quiz)
    for (_, row), (_, read) in zip(quiz.iterrows(), back.iterrows(), strict=True):
        for column in ("kind", "actor", "other", "actor_name", "question", "answer", "level"):
            assert read[column] == row[column]
        assert read["explanation"] == row["explanation"]
        assert read["recorded"] == ("" if row["recorded"] is pd.NA else row["recorded"])
        assert read["agree"] == ("" if row["agree"] is pd.NA else str(bool(row["agree"])))
        assert float(read["agreement"]) == row["agreement"]
        for column in ("clues", "supporting", "opposing"):
            assert tuple(filter(None, read[column].split("\n"))) == row[column]
        for column in ("evidence", "when", "citation"):
            assert tuple(filter(None, read[column].split("\n"))) == tuple(
                r[column] for r in row["records"]
            )


def test_csv_for_spreadsheets_neutralises_formulas(dataset: Path, tmp_path: Path) -> None:
    actors = (dataset / "actors.csv").read_text(encoding="utf-8")
    (dataset / "actors.csv").write_text(actors.replace(",Russia,", ",=Russia,"), encoding="utf-8")
    quiz = graph.quiz_questions(graph.load(dataset), n=4)
    plain = graph.write_quiz(quiz, tmp_path / "plain.csv").read_text(encoding="utf-8")
    safe = graph.write_quiz(quiz, tmp_path / "safe.csv", for_spreadsheet=True)
    text = safe.read_text(encoding="utf-8")
    assert text.startswith("\ufeff") and ",'=Russia," in text
    assert ",=Russia," in plain
    with pytest.raises(ValueError, match="CSV only"):
        graph.write_quiz(quiz, tmp_path / "quiz.pdf", for_spreadsheet=True)


def test_pdf_sheet_has_every_question_then_the_key(quiz, sheet: Path, tmp_path: Path) -> None:
    out = sheet
    reader = pypdf.PdfReader(out)
    for page in reader.pages:  # A4 portrait
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    pages = pdf_pages(out)
    key_start = next(i for i, text in enumerate(pages) if "Answer key" in text)
    assert pages[key_start].startswith("Answer key: Allies or enemies? Battle of Aleppo")
    assert key_start > 0  # the key starts on a page of its own
    sheet, key = " ".join(pages[:key_start]), " ".join(pages[key_start:])
    assert sheet.startswith("Allies or enemies? Battle of Aleppo")
    letters = {ANSWERS[1]: "A", ANSWERS[-1]: "B", ANSWERS[0]: "C"}
    for number, row in quiz.iterrows():
        assert f"{number}. {flat(row['question'])}" in sheet
        for clue in row["clues"][:6]:
            assert flat(clue) in sheet
        assert f"{number}. {letters[row['answer']]} {row['answer']} (" in key
        assert flat(row["explanation"]) in key
        for record in row["records"]:
            assert flat(record["evidence"]) in key
        # Nothing of the key on the question pages.
        assert flat(row["explanation"]) not in sheet
    assert sheet.count("A allies B enemies C neither / it's complicated") == len(quiz)
    # Deterministic: the same quiz gives the same bytes.
    again = graph.write_quiz(quiz, tmp_path / "again.pdf", title="Battle of Aleppo")
    assert again.read_bytes() == out.read_bytes()


def test_pdf_type_is_large_enough(sheet: Path) -> None:
    sizes = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            sizes.append(font_size * tm[0])

    for page in pypdf.PdfReader(sheet).pages:
        page.extract_text(visitor_text=visit)
    body = [size for size in sizes if size > 10]  # the page numbers are 10 pt
    assert min(body) >= 11.5 and len(body) > 0.95 * len(sizes)


# --------------------------------------------------------------- command line


def test_cli_writes_pdf_and_csv(tmp_path: Path) -> None:
    for name in ("quiz.pdf", "quiz.csv"):
        out = tmp_path / name
        result = run("quiz", "-n", "6", "--seed", "3", "-o", str(out))
        assert result.exit_code == 0, result.output
        assert str(out.resolve()) in result.output
    back = pd.read_csv(tmp_path / "quiz.csv", dtype=str, keep_default_na=False)
    expected = graph.quiz_questions(graph.load(), n=6, seed=3)
    assert back["actor"].tolist() == expected["actor"].tolist()
    assert "1. " in pdf_pages(tmp_path / "quiz.pdf")[0]


def test_cli_refusals_leave_old_files(dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "quiz.csv"
    out.write_text("good old quiz\n", encoding="utf-8")
    keep_relations(dataset, {("free_syrian_army", "assad_government")})
    result = run("quiz", str(dataset), "-o", str(out))
    assert result.exit_code == 1
    assert "no question can be asked" in result.output and "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "good old quiz\n"
    result = run("quiz", "-o", str(tmp_path / "quiz.txt"))
    assert result.exit_code == 2 and "end it with .pdf or .csv" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "quiz.csv"]
    assert run("quiz", "-n", "0", "-o", str(out)).exit_code == 2


# --------------------------------------------------------------- glossary


def test_glossary_covers_the_legend_and_the_lesson() -> None:
    words = graph.glossary()
    assert words.index.is_unique and list(words.columns) == ["definition"]
    legend = [*SIGN_NAMES.values(), *CONFIDENCE_LEVELS, "camp"]
    lesson = [
        "balanced triangle",
        "frustration",
        "undated relation",
        "formerly known as",
        "partition",
        "enemy of my enemy",
    ]
    missing = [term for term in legend + lesson if term not in words.index]
    assert not missing
    for term, definition in words["definition"].items():
        assert 20 <= len(definition) <= 300, term  # short, and not empty


# --------------------------------------------------------------- other data


def test_any_signed_data_mixed_ties_and_neutral_pairs() -> None:
    # Highland tribes (Read 1954) as relations: frustrated, so some questions are contested.
    G = nx.MultiDiGraph()
    for u, v, sign in graph.datasets.highland_tribes().edges(data="sign"):
        G.add_edge(u, v, type="rova" if sign > 0 else "hina", sign=sign)
    quiz = graph.quiz_questions(G, n=10, seed=1)
    assert len(quiz) == 10 and "contested" in set(quiz["level"])
    assert quiz.loc[1, "actor_name"] == quiz.loc[1, "actor"]  # no names: the ids
    # a and b both help and harm each other; c and d only negotiate.
    H = nx.MultiDiGraph()
    H.add_edge("a", "b", type="weapons", sign=1, evidence="a arms b", citation="x")
    H.add_edge("b", "a", type="fights", sign=-1, evidence="b fights a", citation="x")
    H.add_edge("c", "d", type="negotiates_with", sign=0)
    for hub, sign in [("a", 1), ("b", -1), ("c", -1), ("d", -1), ("e", 1)]:
        H.add_edge(hub, "z", type="t", sign=sign)
    quiz = graph.quiz_questions(H, n=9)
    pairs = set(zip(quiz["actor"], quiz["other"], strict=True))
    assert ("c", "d") not in pairs and len(pairs) == 9  # 10 pairs share z; c-d only talk
    row = quiz.set_index(["actor", "other"]).loc[("a", "b")]
    assert (row["kind"], row["recorded"], row["predicted"]) == (
        "hidden",
        "neither / it's complicated",
        "enemies",
    )
    assert [r["evidence"] for r in row["records"]] == ["a arms b", "b fights a"]
    assert row["explanation"].startswith(
        "The data record neither / it's complicated: a weapons b; b fights a. "
    )


def test_large_data_draw_questions_from_a_seeded_sample_of_triads() -> None:
    # trust_like's hubs centre about 300,000 open triads: more than the quiz
    # takes every pair of (ALL_PAIRS_MAX_TRIADS), so it draws SAMPLED_TRIADS.
    from graph.analysis.quiz import ALL_PAIRS_MAX_TRIADS, SAMPLED_TRIADS, _sampled_pairs

    S = graph.datasets.trust_like(1500, 9000, seed=3)
    triads = sum(d * (d - 1) // 2 for _, d in S.degree())
    assert triads > ALL_PAIRS_MAX_TRIADS
    pairs = _sampled_pairs(S, 0)
    assert 0 < len(pairs) <= SAMPLED_TRIADS
    assert all(set(S[u]) & set(S[v]) for u, v in pairs)  # each closes a triad
    assert pairs == _sampled_pairs(S, 0) and pairs != _sampled_pairs(S, 1)
    G = nx.MultiDiGraph()
    for u, v, sign in S.edges(data="sign"):
        G.add_edge(u, v, type="backs" if sign > 0 else "fights", sign=sign)
    quiz = graph.quiz_questions(G, n=10, seed=0)
    assert len(quiz) == 10 and "contested" in set(quiz["level"])
    sampled = set(_sampled_pairs(graph.signed_graph(G), 0))
    assert sampled == set(pairs)  # the same whatever order the graph was built in
    assert all(
        (min(u, v, key=str), max(u, v, key=str)) in sampled
        for u, v in zip(quiz["actor"], quiz["other"], strict=True)
    )
    pd.testing.assert_frame_equal(quiz, graph.quiz_questions(G, n=10, seed=0))
    # A small graph still asks about every pair.
    assert _sampled_pairs(graph.signed_graph(graph.load()), 0) is None


# ------------------------------------------------------- the sheet's layout


LONG_NAME = "RUSSIANFEDERATIONAEROSPACEFORCESEXPEDITIONARYGROUPINSYRIAHMEIM"  # 62 capitals


def drawn_lines(path: Path) -> list[tuple[int, float, float, str]]:
    """Each text run of a PDF: its page, where it starts and ends (points), and its text."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    measure = TextToPath()
    runs = []
    for number, page in enumerate(pypdf.PdfReader(path).pages, start=1):

        def visit(text, cm, tm, font, size, number=number):
            if not text.strip() or not font:
                return
            name = str(font.get("/BaseFont", ""))
            style = FontProperties(
                size=size * tm[0],
                weight="bold" if "Bold" in name else "normal",
                style="italic" if "Oblique" in name or "Italic" in name else "normal",
            )
            width = measure.get_text_width_height_descent(text.strip(), style, ismath=False)[0]
            runs.append((number, tm[4], tm[4] + width, text.strip()))

        page.extract_text(visitor_text=visit)
    return runs


def test_pdf_sheet_wraps_a_long_name_within_the_page(aleppo, tmp_path: Path) -> None:
    G = aleppo.copy()
    G.nodes["russia"]["name"] = LONG_NAME
    quiz = graph.quiz_questions(G, n=10, seed=0)
    assert quiz["question"].str.contains(LONG_NAME).any()
    out = graph.write_quiz(quiz, tmp_path / "quiz.pdf", title="Battle of Aleppo")
    runs = drawn_lines(out)
    page_width = 595.3
    assert max(right for _, _, right, _ in runs) <= page_width - 40  # within the margin
    # The name is there whole, cut between letters only where a line is full.
    assert LONG_NAME in "".join(text for *_, text in runs)


def test_pdf_sheet_never_ends_a_page_with_a_heading_alone(quiz, tmp_path: Path) -> None:
    """An answer's first line ("4. A allies (...)") stays with what follows it."""
    out = graph.write_quiz(quiz, tmp_path / "quiz.pdf", title="Battle of Aleppo")
    runs = drawn_lines(out)
    pages = sorted({page for page, *_ in runs})
    heading = re.compile(r"^\d+\. [ABC] ")
    for page in pages[:-1]:
        body = [text for number, _, _, text in runs if number == page and " / " not in text]
        assert not heading.match(body[-1]), (page, body[-3:])


def test_pdf_sheet_draws_cjk_names_with_the_figures_fonts(tmp_path: Path) -> None:
    from graph.outputs.figure import font_families

    families = {"Noto Sans CJK JP", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei"}
    if not families & set(font_families()):
        pytest.skip("no CJK font installed (Debian: apt-get install fonts-wqy-microhei)")
    G = graph.load(Path(__file__).parent / "cases" / "cjk-names-in-figure" / "data")
    try:
        quiz = graph.quiz_questions(G, n=1, seed=0)
    except QuizError:
        pytest.skip("the CJK case offers no question")
    out = graph.write_quiz(quiz, tmp_path / "quiz.pdf")
    fonts = {
        str(font["/BaseFont"])
        for page in pypdf.PdfReader(out).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("CJK" in font or "WenQuanYi" in font for font in fonts), fonts
