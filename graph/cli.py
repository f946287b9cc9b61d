"""The ``alliance-graph`` command line: a thin layer over the library.

Each command reads a dataset folder (the bundled Battle of Aleppo data when
none is given) with :func:`graph.load` and calls one public function.
Problems with the data are printed as ``file:line:column: column: message``
lines, without a traceback, and the command exits with status 1.

Each command imports the library modules it uses when it runs: ``--help``
loads neither pandas nor NetworkX, ``validate`` and ``info`` no matplotlib,
SciPy or pyvis (tests/test_imports.py holds the line).
"""

from __future__ import annotations

import functools
import importlib
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from graph.core.dates import as_period
from graph.core.errors import DataError, visible, visible_lines
from graph.core.files import OutputError, atomic_write, check_output
from graph.core.resources import data_dir as bundled_data_dir
from graph.core.version import __version__
from graph.core.words import counted

if TYPE_CHECKING:
    import pandas as pd


class ChoiceOf(click.Choice):
    """A :class:`click.Choice` among the names of a library constant.

    The module defining the constant is imported when the option is first
    parsed or shown in help, not when this module is.
    """

    def __init__(self, module: str, constant: str) -> None:
        self.source = (module, constant)
        self.case_sensitive = True

    @functools.cached_property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        module, constant = self.source
        return tuple(getattr(importlib.import_module(module), constant))


DATA_DIR_ARGUMENT = click.argument(
    "data_dir",
    required=False,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)


#: Files of a dataset folder that commands read, which no output may replace.
INPUT_FILES = ("actors.csv", "relations.csv", "relation_types.csv", "story.csv", "datapackage.json")


def output_option(
    help: str,
    *,
    flags: tuple[str, ...] = ("-o", "--output"),
    name: str = "output",
    required: bool = True,
    folder: bool | Callable[[dict], bool] = False,
) -> Callable:
    """The option that says where a command writes its result: ``-o/--output`` by default.

    Every command's output goes through it, so all refuse the same paths
    before any work is done (:func:`graph.core.files.check_output`: one of the
    command's input files, a device, a FIFO, a folder where a file is
    expected) and create missing folders the same way (when writing).
    ``folder`` says whether the output is a folder (the CSV export), or
    tells it from the command's options.
    """
    is_folder = folder if callable(folder) else lambda options: folder

    def decorator(command: Callable) -> Callable:
        @functools.wraps(command)
        def checked(**options):
            if options[name] is not None:
                data_dir = options.get("data_dir") or bundled_data_dir()
                inputs = [data_dir, *(Path(data_dir) / input for input in INPUT_FILES)]
                try:
                    check_output(options[name], folder=is_folder(options), inputs=inputs)
                except OutputError as error:
                    _fail(error)
            return command(**options)

        return click.option(
            *flags, name, required=required, type=click.Path(path_type=Path), help=help
        )(checked)

    return decorator


def _fail(error: Exception) -> None:
    """Print the one-line message of an error and exit with status 1."""
    _echo(str(error), err=True)
    raise SystemExit(1)


def _echo(text: str, *, err: bool = False) -> None:
    """Print text that may hold data (names, camps, labels, paths) with its controls escaped.

    Every command prints through here, so no cell can clear the screen, set
    the terminal's title, rewrite a line with a carriage return or fake an
    "OK": see :func:`graph.core.errors.visible`.
    """
    click.echo(visible_lines(text), err=err)


def _table_text(table: pd.DataFrame | pd.Series) -> str:
    """A table as text, its labels and text cells escaped (a line break in a cell included)."""

    def escape(value: object) -> object:
        return visible(value) if isinstance(value, str) else value

    if hasattr(table, "columns"):
        shown = table.map(escape)
    else:
        # One cell at a time, kept as objects: Series.map would make a column of
        # counts and missing dates all floats (3.000000, NaN).
        import pandas as pd

        shown = pd.Series([escape(v) for v in table], index=table.index, dtype=object)
    shown.index = shown.index.map(escape)
    if hasattr(shown, "columns"):
        shown.columns = shown.columns.map(escape)
    return shown.to_string()


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Reject a malformed date before any work is done."""
    if value is not None:
        try:
            as_period(value)
        except ValueError as error:
            raise click.BadParameter(str(error)) from None
    return value


AT_OPTION = click.option(
    "--at",
    metavar="DATE",
    callback=_check_date,
    help="Only count relations active at this date or period, e.g. 2016 or 2016-07.",
)


def reports_data_errors(command: Callable) -> Callable:
    """Turn a :class:`DataError` or an :class:`OutputError` into a readable report and exit 1."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (DataError, OutputError) as error:
            _fail(error)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="alliance-graph")
def main() -> None:
    """Explore actors in a conflict and who supports or opposes whom.

    DATA_DIR is a folder with actors.csv and relations.csv; without it, the
    bundled Battle of Aleppo data is used.

    \b
    Example:
      alliance-graph validate my-conflict/
      alliance-graph build -o aleppo.html
    """


@main.command()
@DATA_DIR_ARGUMENT
@reports_data_errors
def validate(data_dir: Path | None) -> None:
    """Check every file of a dataset and list every problem with file:line:column.

    Reads what build reads: relation_types.csv, actors.csv, relations.csv,
    story.csv and datapackage.json, all in one run.

    \b
    Example:
      alliance-graph validate my-conflict/
    """
    from graph.network.build import validate as check_dataset

    G = check_dataset(data_dir)
    _echo(
        f"OK: {counted(G.number_of_nodes(), 'actor')}, {counted(G.number_of_edges(), 'relation')}"
    )


@main.command()
@DATA_DIR_ARGUMENT
@reports_data_errors
def info(data_dir: Path | None) -> None:
    """Count actors and relations by type and sign, and show the date range.

    \b
    Example:
      alliance-graph info
    """
    from graph.analysis.metrics import date_range, relation_counts
    from graph.network.build import load

    G = load(data_dir)
    first, last = date_range(G)
    _echo(visible(str(G.graph.get("title", ""))))
    _echo(f"actors: {G.number_of_nodes()}")
    _echo(f"relations: {G.number_of_edges()}")
    _echo(f"dates: {first or 'undated'} to {last or 'undated'}")
    counts = relation_counts(G)
    by_sign = counts.groupby("sign")["relations"].sum()
    names = {1: "support", -1: "opposition", 0: "neutral"}
    _echo(
        "by sign: "
        + ", ".join(
            f"{names[int(s)]} {int(n)}" for s, n in by_sign.sort_index(ascending=False).items()
        )
    )
    _echo("by type:")
    _echo(_table_text(counts))


@main.command()
@DATA_DIR_ARGUMENT
@output_option("The HTML file to write.")
@click.option("--title", help="Page title (the dataset's title by default).")
@click.option(
    "--preset",
    type=ChoiceOf("graph.outputs.explorer.render", "PRESETS"),
    default="default",
    show_default=True,
    help="classroom: large labels and high contrast for a projector.",
)
@click.option(
    "--at",
    metavar="DATE",
    callback=_check_date,
    help="Start the time slider at this date or period, e.g. 2016-07 (all dates by default).",
)
@reports_data_errors
def build(
    data_dir: Path | None, output: Path, title: str | None, preset: str, at: str | None
) -> None:
    """Write the interactive explorer as one offline HTML file.

    A story.csv in DATA_DIR becomes the explorer's story mode.

    \b
    Example:
      alliance-graph build -o aleppo.html
      alliance-graph build -o aleppo.html --preset classroom
      alliance-graph build my-conflict/ -o my-conflict.html --at 2016-07
    """
    from graph.network.build import load
    from graph.outputs.explorer.render import page_warning, write_html
    from graph.tables.read import DATA_DIR, read_story

    G = load(data_dir)
    warning = page_warning(G)
    if warning is not None:
        _echo(warning, err=True)
    story_file = (DATA_DIR if data_dir is None else data_dir) / "story.csv"
    story = read_story(story_file, G.nodes) if story_file.exists() else None
    written = write_html(G, output, title=title, preset=preset, at=at, story=story)
    _echo(str(written.resolve()))


@main.command()
@DATA_DIR_ARGUMENT
@click.option(
    "--format",
    "format_",
    required=True,
    type=ChoiceOf("graph.outputs.export", "FORMATS"),
    help="gexf (Gephi, with the timeline), graphml, json (node-link, for D3) or csv.",
)
@output_option(
    "The file to write; for csv, the folder that gets actors.csv, relations.csv "
    "and relation_types.csv.",
    folder=lambda options: options["format_"] == "csv",
)
@click.option(
    "--for-spreadsheet",
    is_flag=True,
    help="csv only: neutralise cells a spreadsheet would run as formulas "
    "(the files then no longer read back unchanged).",
)
@reports_data_errors
def export(data_dir: Path | None, format_: str, output: Path, for_spreadsheet: bool) -> None:
    """Write the dataset for Gephi, other graph tools or a spreadsheet.

    \b
    Example:
      alliance-graph export --format gexf -o aleppo.gexf
      alliance-graph export my-conflict/ --format csv --for-spreadsheet -o sheets/
    """
    from graph.network.build import load
    from graph.outputs.export import export_as

    G = load(data_dir)
    try:
        written = export_as(G, output, format_, for_spreadsheet=for_spreadsheet)
    except ValueError as error:  # --for-spreadsheet with another format than csv
        raise click.UsageError(str(error)) from None
    _echo(str(written.resolve()))


@main.command()
@DATA_DIR_ARGUMENT
@output_option("The file to write, ending in .png, .svg or .pdf.")
@click.option(
    "--at",
    metavar="DATE",
    callback=_check_date,
    help="Only draw relations active at this date or period, e.g. 2016-07.",
)
@click.option(
    "--preset",
    type=ChoiceOf("graph.outputs.figure", "PRESETS"),
    default="handout",
    show_default=True,
    help="handout: A4 landscape for print; slide: 16:9 for a projector.",
)
@click.option("--title", help="Figure title (the dataset's title by default).")
@reports_data_errors
def figure(
    data_dir: Path | None, output: Path, at: str | None, preset: str, title: str | None
) -> None:
    """Write a print-ready figure of the network: PNG, SVG or PDF, by the file's suffix.

    \b
    Example:
      alliance-graph figure -o aleppo.pdf
      alliance-graph figure --at 2016-07 --preset slide -o july-2016.png
    """
    from graph.network.build import load
    from graph.outputs.figure import draw

    try:
        written = draw(load(data_dir), output, at=at, preset=preset, title=title)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    _echo(str(written.resolve()))


#: Centralities ``metrics --by`` ranks actors by (columns of :func:`graph.centrality`).
RANKINGS = ("pagerank", "betweenness", "degree", "signed_degree", "pn")
#: Actors ``metrics`` prints without ``--all``.
TOP = 20


@main.command()
@DATA_DIR_ARGUMENT
@AT_OPTION
@output_option(
    "Also write the centrality table to this CSV file.",
    flags=("--csv",),
    name="csv_file",
    required=False,
)
@click.option(
    "--exact",
    is_flag=True,
    help="Exact betweenness however many actors (above 10,000 it is sampled).",
)
@click.option(
    "--weighted",
    is_flag=True,
    help="Use the relations' weight column: signed degree, PageRank and betweenness "
    "(a strong tie is a short path).",
)
@click.option(
    "--by",
    type=click.Choice(RANKINGS),
    default="pagerank",
    show_default=True,
    help="The centrality that ranks the actors (highest first).",
)
@click.option("--all", "all_actors", is_flag=True, help=f"Print every actor, not the top {TOP}.")
@reports_data_errors
def metrics(
    data_dir: Path | None,
    at: str | None,
    csv_file: Path | None,
    exact: bool,
    weighted: bool,
    by: str,
    all_actors: bool,
) -> None:
    """Summarise the network and rank actors by centrality.

    One row per actor, the most central first (PageRank unless --by):
    relations given and received, support and opposition, signed degree,
    betweenness, PageRank and PN centrality. Prints the top 20 unless
    --all; --csv writes every actor.

    \b
    Example:
      alliance-graph metrics --at 2016 --csv centrality.csv
      alliance-graph metrics my-conflict/ --weighted --by betweenness --all
    """
    from graph.analysis.metrics import centrality, summary
    from graph.network.build import load, snapshot

    G = load(data_dir)
    table = centrality(G, at=at, exact=exact, weight="weight" if weighted else None)
    facts = summary(G if at is None else snapshot(G, at))
    for end in ("first_date", "last_date"):
        facts[end] = "undated" if facts[end] is None else facts[end]
    _echo(_table_text(facts))
    _echo("")
    # Ties keep the table's order (actor ids), so the ranking is deterministic.
    ranked = table.sort_values(by, ascending=False, kind="stable")
    shown = ranked if all_actors else ranked.head(TOP)
    _echo(_table_text(shown.drop(columns="name").round(3)))
    if len(shown) < len(ranked):
        _echo(f"(the top {TOP} of {len(ranked)} actors by {by}; --all prints every one)")
    if csv_file is not None:
        with atomic_write(csv_file) as out:
            table.to_csv(out, lineterminator="\n")
        _echo(f"wrote {csv_file}", err=True)


@main.command()
@DATA_DIR_ARGUMENT
@AT_OPTION
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0),
    default=60.0,
    show_default=True,
    metavar="SECONDS",
    help="Time to prove the frustration index; then the best partition found is reported.",
)
@click.option("--exact", "method", flag_value="exact", help="Prove it, however long it takes.")
@click.option("--heuristic", "method", flag_value="heuristic", help="Local search only (fast).")
@click.option("--all", "all_members", is_flag=True, help="List every group member and tie.")
@reports_data_errors
def balance(
    data_dir: Path | None, at: str | None, time_limit: float, method: str | None, all_members: bool
) -> None:
    """Measure structural balance, find two groups and the ties that break them.

    \b
    Example:
      alliance-graph balance --at 2015
      alliance-graph balance big-network/ --time-limit 300 --all
    """
    from graph.network.build import load, signed_graph

    from .balance import balance_report

    S = signed_graph(load(data_dir), at=at)
    with warnings.catch_warnings():  # the report says whether L is proven
        warnings.simplefilter("ignore", UserWarning)
        report = balance_report(S, method=method or "auto", time_limit=time_limit)
    _echo(report.text(all_members=all_members))


@main.command("import")
@click.argument("kind", metavar="{acled|ucdp-ged|gdelt|edgelist|gexf|graphml}")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@output_option("The dataset folder to write.", folder=True)
@click.option("--from", "date_from", metavar="DATE", callback=_check_date, help="Keep events from.")
@click.option("--to", "date_to", metavar="DATE", callback=_check_date, help="Keep events until.")
@click.option(
    "--country", "countries", multiple=True, help="Keep events in this country (repeatable)."
)
@click.option(
    "--actor", "actors", multiple=True, help="Keep events involving this actor (repeatable)."
)
@click.option("--gap-days", default=90, show_default=True, type=click.IntRange(min=0))
@click.option("--engine", type=click.Choice(["duckdb", "spark"]), default="duckdb")
@click.option("--master", help="Spark master URL (local[*] by default).")
@click.option("--memory-limit", help="DuckDB memory limit or Spark driver memory, e.g. 2GB.")
@reports_data_errors
def import_(kind: str, sources: tuple[str, ...], output: Path, **options) -> None:
    """Turn event data (ACLED, UCDP GED, GDELT 2.0) or a signed edge list into a dataset folder.

    Repeated events of a pair become one relation per activity spell (a spell
    ends after --gap-days without events). SOURCE: CSV (.gz too), TSV or
    Parquet files, or globs of them.

    \b
    Example:
      alliance-graph import acled export.csv -o yemen/ --from 2020 --country Yemen
      alliance-graph import gdelt '2024*.export.CSV' -o gdelt/ --engine spark
    """
    from .importers import import_events

    try:
        written = import_events(kind, sources, output, progress=True, **options)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    _echo(str(written.resolve()))


@main.command()
@DATA_DIR_ARGUMENT
@output_option("The file to write: .pdf (question sheet and answer key) or .csv.")
@click.option(
    "-n", "count", default=10, show_default=True, type=click.IntRange(min=1), help="Questions."
)
@click.option("--seed", default=0, show_default=True, help="Draws among equally good questions.")
@AT_OPTION
@click.option("--for-spreadsheet", is_flag=True, help="csv only: neutralise formula-like cells.")
@reports_data_errors
def quiz(
    data_dir: Path | None,
    output: Path,
    count: int,
    seed: int,
    at: str | None,
    for_spreadsheet: bool,
) -> None:
    """Write "allies or enemies?" questions from the data's triangles, with answers.

    \b
    Example:
      alliance-graph quiz -o quiz.pdf
      alliance-graph quiz my-conflict/ -n 6 --seed 2 -o quiz.csv
    """
    from graph.analysis.quiz import quiz_questions
    from graph.network.build import load
    from graph.outputs.quiz_sheet import write_quiz

    G = load(data_dir)
    questions = quiz_questions(G, n=count, seed=seed, at=at)
    try:
        written = write_quiz(
            questions, output, title=G.graph.get("title"), for_spreadsheet=for_spreadsheet
        )
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    _echo(str(written.resolve()))
