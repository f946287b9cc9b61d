"""The quiz as a printable sheet (PDF, with its answer key) or as CSV.

The sheet is drawn with the figures' style and font fallback
(:func:`graph.outputs.figure.drawing_style`: Chinese, Japanese or Korean names
in a CJK font), its lines wrapped at the font's own widths between grapheme
clusters, so that no line runs past the page's edge, and a question's or an
answer's first line never ends a page alone.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from graph.analysis.quiz import CSV_COLUMNS, LETTERS
from graph.core.files import atomic_write
from graph.core.words import counted
from graph.drawing.layout import label_lines
from graph.outputs.export import spreadsheet_safe
from graph.outputs.figure import drawing_style

__all__ = ["write_quiz"]

#: Triangles shown as clues for one question on the printed sheet.
_SHEET_CLUE_TRIADS = 3


def write_quiz(
    quiz: pd.DataFrame,
    path: str | Path,
    *,
    title: str | None = None,
    for_spreadsheet: bool = False,
) -> Path:
    """Write the questions as a printable PDF sheet with its answer key, or as CSV.

    Parameters
    ----------
    quiz : pandas.DataFrame
        As returned by :func:`graph.quiz_questions`.
    path : str or Path
        The file to write, ending in ``.pdf`` or ``.csv``; it is replaced
        only once complete.
    title : str, optional
        Printed at the top of the sheet, e.g. the dataset's title.
    for_spreadsheet : bool, default False
        CSV only: neutralise cells a spreadsheet would run as formulas (see
        :func:`graph.outputs.export.spreadsheet_safe`); the file then no longer reads
        back unchanged.

    Returns
    -------
    Path
        The file written.

    Notes
    -----
    The PDF is A4 portrait: the questions with their clues (up to three
    triangles each) and the answers A/B/C to circle, in 15-point type; then,
    from a new page, the answer key: each answer, whether it is recorded or
    predicted, the explanation and the quotes with their dates and sources.
    Text is embedded as TrueType (Type 42) so it can be searched and copied.
    The same quiz gives the same bytes.

    The CSV has one row per question and the columns of
    :func:`quiz_questions` except ``records``, which becomes ``evidence``,
    ``when`` and ``citation``; list cells (clues, supporting, opposing and
    those three) hold one item per line.

    Raises
    ------
    ValueError
        If the file name ends otherwise, or ``for_spreadsheet`` is asked of a PDF.

    Examples
    --------
    >>> import graph, pathlib, tempfile
    >>> quiz = graph.quiz_questions(graph.load(), n=4)
    >>> out = write_quiz(quiz, pathlib.Path(tempfile.mkdtemp()) / "quiz.pdf")
    >>> out.read_bytes()[:5]
    b'%PDF-'
    """
    target = Path(path)
    format = target.suffix.lower().lstrip(".")
    if format not in ("pdf", "csv"):
        raise ValueError(f"cannot tell the format of {target.name!r}: end it with .pdf or .csv")
    if format == "pdf":
        if for_spreadsheet:
            raise ValueError("for_spreadsheet applies to CSV only")
        content = _sheet_pdf(quiz, title)
        with atomic_write(target, "wb") as out:
            out.write(content)
        return target
    with atomic_write(target) as out:
        if for_spreadsheet:
            out.write("\ufeff")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["number", *CSV_COLUMNS])
        for number, row in quiz.iterrows():
            cells = [str(number), *(_csv_cell(row, column) for column in CSV_COLUMNS)]
            writer.writerow([spreadsheet_safe(c) for c in cells] if for_spreadsheet else cells)
    return target


def _csv_cell(row: pd.Series, column: str) -> str:
    if column in ("evidence", "when", "citation"):
        return "\n".join(record[column] for record in row["records"])
    value = row[column]
    if isinstance(value, tuple):
        return "\n".join(map(str, value))
    return "" if pd.isna(value) else str(value)


# The printed sheet: A4 portrait, in points, with type a back row can read.
_PAGE = (595.3, 841.9)
_MARGIN = 56.0
_SIZES = {"title": 22.0, "question": 15.0, "clue": 13.0, "key": 13.0, "quote": 11.5}


def _sheet_pdf(quiz: pd.DataFrame, title: str | None) -> bytes:
    """The question pages, then the answer key from a new page, as PDF bytes."""
    from matplotlib.backends.backend_pdf import PdfPages

    heading = f"Allies or enemies? {title}" if title else "Allies or enemies?"
    options = "   ".join(f"{letter}  {answer}" for letter, answer in LETTERS.items())
    sheet = [
        [("title", heading, "bold")],
        [
            (
                "clue",
                "For each pair of actors, circle A, B or C. The clues are ties recorded in "
                "the data: use them the way balance theory would (the enemy of an enemy ...).",
                "normal",
            )
        ],
    ]
    for number, row in quiz.iterrows():
        # Clues come two per triangle: the sheet shows the first triangles'.
        clues = list(row["clues"][: 2 * _SHEET_CLUE_TRIADS])
        if row["triads"] > _SHEET_CLUE_TRIADS:
            more = row["triads"] - _SHEET_CLUE_TRIADS
            clues.append(f"... and {counted(more, 'more triangle')} in the data")
        sheet.append(
            [
                ("question", f"{number}. {row['question']}", "bold"),
                *(("clue", f"\u2022 {clue}", "normal") for clue in clues),
                ("question", options, "normal"),
            ]
        )
    key = [[("title", f"Answer key: {heading}", "bold")]]
    letter = {answer: letter for letter, answer in LETTERS.items()}
    for number, row in quiz.iterrows():
        source = "recorded in the data" if row["kind"] == "hidden" else "balance theory's guess"
        key.append(
            [
                (
                    "key",
                    f"{number}. {letter[row['answer']]} {row['answer']} ({source}; {row['level']})",
                    "bold",
                ),
                ("key", row["explanation"], "normal"),
                *(
                    (
                        "quote",
                        f"\u201c{r['evidence']}\u201d ({r['when']}; {r['citation']})",
                        "italic",
                    )
                    for r in row["records"]
                ),
            ]
        )
    content = io.BytesIO()
    metadata = {"Creator": "alliance-graph", "Producer": "alliance-graph", "CreationDate": None}
    with drawing_style():
        pages = _paginate(sheet, keep_together=True) + _paginate(key, keep_together=False)
        figures = [
            _page_figure(lines, f"{number} / {len(pages)}") for number, lines in enumerate(pages, 1)
        ]
        with PdfPages(content, metadata=metadata) as pdf:
            for figure in figures:
                pdf.savefig(figure)
    return content.getvalue()


def _page_figure(lines: list[tuple], footer: str):
    """One page of the sheet as a matplotlib Figure: placed lines and a page number."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(_PAGE[0] / 72, _PAGE[1] / 72))
    for y, kind, text, weight in lines:
        figure.text(
            _MARGIN / _PAGE[0],
            1 - y / _PAGE[1],
            text,
            fontproperties=_font(kind, weight),
            va="top",
            parse_math=False,
        )
    figure.text(0.5, _MARGIN / 2 / _PAGE[1], footer, fontsize=10, ha="center")
    return figure


def _font(kind: str, weight: str):
    """The font of a kind of line, in the style in force (the figures' families)."""
    from matplotlib.font_manager import FontProperties

    return FontProperties(
        size=_SIZES[kind],
        weight="bold" if weight == "bold" else "normal",
        style="italic" if weight == "italic" else "normal",
    )


def _wrap(text: str, kind: str, weight: str, width: float) -> list[str]:
    """Text in lines no wider than width points, as the font draws them."""
    from matplotlib.textpath import TextToPath

    font = _font(kind, weight)
    measure = TextToPath()

    def points(line: str) -> float:
        return measure.get_text_width_height_descent(line, font, ismath=False)[0]

    return label_lines(text, width=width, measure=points) if text else [""]


def _paginate(
    blocks: list[list[tuple[str, str, str]]], *, keep_together: bool
) -> list[list[tuple]]:
    """Wrapped lines placed top-down on pages; blocks kept together start a new page
    rather than split (unless one fills a page), and any block's first two
    lines stay together: a heading never ends a page alone."""
    pages: list[list[tuple]] = [[]]
    y = _MARGIN
    width = _PAGE[0] - 2 * _MARGIN
    for block in blocks:
        lines = [
            (kind, line, weight, 1.3 * _SIZES[kind])
            for kind, text, weight in block
            for line in _wrap(text, kind, weight, width)
        ]
        together = lines if keep_together else lines[:2]
        height = sum(step for *_, step in together) + (
            0.8 * _SIZES["question"] if keep_together else 0
        )
        if pages[-1] and y + height > _PAGE[1] - _MARGIN:
            pages.append([])
            y = _MARGIN
        for kind, line, weight, step in lines:
            if y + step > _PAGE[1] - _MARGIN:
                pages.append([])
                y = _MARGIN
            pages[-1].append((y, kind, line, weight))
            y += step
        y += 0.8 * _SIZES["question"]
    return pages
