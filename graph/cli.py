"""The ``alliance-graph`` command line: a thin layer over the library.

Each command reads a dataset folder (the bundled Battle of Aleppo data when
none is given) with :func:`graph.load` and calls one public function.
Problems with the data are printed as ``file:line:column: column: message``
lines, without a traceback, and the command exits with status 1.

Each command imports the library modules it uses when it runs: ``--help``
loads neither pandas nor NetworkX, ``validate`` and ``info`` no matplotlib,
SciPy or pyvis (tests/test_imports.py holds the line).

Over 600 lines with reason: one short command per task, each with its help
text and options beside it (click), and no logic of its own.
"""

from __future__ import annotations

import functools
import importlib
import io
import sys
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
from graph.tables.columns import DATASET_FILES

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
                # A dataset's files, which commands read: no output may replace one.
                inputs = [data_dir, *(Path(data_dir) / input for input in DATASET_FILES)]
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


def _report(text: str) -> None:
    """A note on how a command read its input, on standard error."""
    _echo(text, err=True)


def _table_text(table: pd.DataFrame | pd.Series) -> str:
    """A table as text, its labels and text cells escaped (a line break in a cell included).

    A missing or undefined value (NaN) reads "n/a", not "NaN".
    """

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
    return shown.to_string(na_rep="n/a")


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


def csv_option(help: str) -> Callable:
    """The optional ``--csv`` file a command also writes its table to."""
    return output_option(help, flags=("--csv",), name="csv_file", required=False)


def figure_option(help: str) -> Callable:
    """The optional ``--figure`` image a command also draws its table to."""
    return output_option(help, flags=("--figure",), name="figure", required=False)


def period_options(command: Callable) -> Callable:
    """``--from`` and ``--to``: the command works on the relations active in that
    period only (:func:`graph.network.build.between`); they reach the command as
    ``period``, a (from, to) pair for :func:`_load`."""

    @functools.wraps(command)
    def wrapper(*args, date_from: str | None, date_to: str | None, **kwargs):
        return command(*args, period=(date_from, date_to), **kwargs)

    for flag, name, words in (
        ("--to", "date_to", "Only relations active until this date or period, e.g. 1914-12."),
        ("--from", "date_from", "Only relations active from this date or period, e.g. 1914-08."),
    ):
        wrapper = click.option(flag, name, metavar="DATE", callback=_check_date, help=words)(
            wrapper
        )
    return wrapper


def _load(data_dir: Path | None, period: tuple[str | None, str | None]):
    """The dataset, restricted to the period of ``--from``/``--to`` when given."""
    from graph.network.build import between, load

    G = load(data_dir)
    if period == (None, None):
        return G
    try:
        return between(G, *period)
    except ValueError as error:
        raise click.UsageError(str(error)) from None


def _asked_period(G, at: str | None) -> dict[str, str]:
    """The period a command was asked about, by option: ``period`` (--from/--to,
    as :func:`graph.between` names it) and ``at`` (--at), those given."""
    asked = {"period": G.graph.get("period"), "at": at}
    return {name: str(value) for name, value in asked.items() if value is not None}


def reports_data_errors(command: Callable) -> Callable:
    """Turn a :class:`DataError` or an :class:`OutputError` into a readable report and exit 1."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (DataError, OutputError) as error:
            _fail(error)

    return wrapper


class _TerminalGroup(click.Group):
    """The command group, run with output any terminal can take.

    Ctrl-C ends a command with one line, no traceback. Before any option is
    parsed (``--help`` included): characters the
    terminal's encoding lacks (an en dash in a Latin-1 terminal) are printed
    as ``\\u2013`` instead of failing, and warnings from the libraries
    (matplotlib's missing glyph warning quotes actor names) have their control
    characters escaped like every other message.
    """

    def main(self, *args, **kwargs):
        for stream in (sys.stdout, sys.stderr):
            if isinstance(stream, io.TextIOWrapper):
                stream.reconfigure(errors="backslashreplace")
        warnings.formatwarning = _visible_warning
        return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context):
        """Run the command; Ctrl-C prints one line (every output is written whole
        or not at all, so nothing is left half-written) and exits with 130."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            _echo("interrupted: no output was written or changed", err=True)
            raise SystemExit(130) from None


_format_warning = warnings.formatwarning


def _visible_warning(message, category, filename, lineno, line=None) -> str:
    text = _format_warning(message, category, filename, lineno, line)
    return visible_lines(text.rstrip("\n")) + "\n"


@click.group(cls=_TerminalGroup, context_settings={"help_option_names": ["-h", "--help"]})
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


@main.command("validate")
@DATA_DIR_ARGUMENT
@reports_data_errors
def validate_command(data_dir: Path | None) -> None:
    """Check every file of a dataset and list every problem with file:line:column.

    Reads what build reads: relation_types.csv, actors.csv, relations.csv,
    story.csv and datapackage.json, all in one run.

    \b
    Example:
      alliance-graph validate my-conflict/
    """
    from graph.network.build import validate as check_dataset

    G = check_dataset(data_dir)
    relations, note = _relation_count(G)
    _echo(f"OK: {counted(G.number_of_nodes(), 'actor')}, {counted(relations, 'relation')}{note}")


def _relation_count(G) -> tuple[int, str]:
    """How many relations ``G`` holds, by the one rule of relation_counts and
    summary (a symmetric relation written both ways is one), and a note on its
    rows when they are more."""
    from graph.network.build import distinct_relations

    relations, rows = sum(1 for _ in distinct_relations(G)), G.number_of_edges()
    note = f" ({counted(rows, 'row')}: a symmetric relation written both ways is one)"
    return relations, note if rows != relations else ""


@main.command("info")
@DATA_DIR_ARGUMENT
@reports_data_errors
def info_command(data_dir: Path | None) -> None:
    """Count actors and relations by type and sign, and show the date range.

    \b
    Example:
      alliance-graph info
    """
    from graph.analysis.metrics import date_range, relation_counts
    from graph.drawing.style import SIGN_NAMES
    from graph.network.build import load

    G = load(data_dir)
    first, last = date_range(G)
    _echo(visible(str(G.graph.get("title", ""))))
    _echo(f"actors: {G.number_of_nodes()}")
    relations, note = _relation_count(G)
    _echo(f"relations: {relations}{note}")
    if first is None:
        _echo("dates: none (no relation is dated)")
    else:
        span = first if first == last else f"{first} to {last}"
        # The range is of the dates written; relations with no end run past its last date.
        ongoing = sum(1 for *_, data in G.edges(data=True) if data["start"] and not data["end"])
        more = f", and {counted(ongoing, 'relation')} with no end (ongoing)" if ongoing else ""
        _echo(f"dates: {span}{more}")
    counts = relation_counts(G)
    by_sign = counts.groupby("sign")["relations"].sum()
    _echo(
        "by sign: "
        + ", ".join(
            f"{SIGN_NAMES[int(s)]} {int(n)}" for s, n in by_sign.sort_index(ascending=False).items()
        )
    )
    _echo("by type:")
    _echo(_table_text(counts))


@main.command("build")
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
@period_options
@reports_data_errors
def build_command(
    data_dir: Path | None,
    output: Path,
    title: str | None,
    preset: str,
    at: str | None,
    period: tuple[str | None, str | None],
) -> None:
    """Write the interactive explorer as one offline HTML file.

    A story.csv in DATA_DIR becomes the explorer's story mode.

    \b
    Example:
      alliance-graph build -o aleppo.html
      alliance-graph build -o aleppo.html --preset classroom
      alliance-graph build my-conflict/ -o my-conflict.html --at 2016-07
    """
    from graph.outputs.explorer.render import page_warning, write_html
    from graph.tables.read import read_story, story_path

    G = _load(data_dir, period)
    warning = page_warning(G)
    if warning is not None:
        _echo(warning, err=True)
    story_file = story_path(data_dir)
    story = read_story(story_file, G.nodes) if story_file.exists() else None
    written = write_html(G, output, title=title, preset=preset, at=at, story=story)
    _echo(visible(str(written.resolve())))  # a newline in the path printed as \n


@main.command("export")
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
def export_command(
    data_dir: Path | None, format_: str, output: Path, for_spreadsheet: bool
) -> None:
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
    _echo(visible(str(written.resolve())))  # a newline in the path printed as \n


@main.command("figure")
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
@period_options
@reports_data_errors
def figure_command(
    data_dir: Path | None,
    output: Path,
    at: str | None,
    preset: str,
    title: str | None,
    period: tuple[str | None, str | None],
) -> None:
    """Write a print-ready figure of the network: PNG, SVG or PDF, by the file's suffix.

    \b
    Example:
      alliance-graph figure -o aleppo.pdf
      alliance-graph figure --at 2016-07 --preset slide -o july-2016.png
    """
    from graph.outputs.figure import draw

    try:
        written = draw(_load(data_dir, period), output, at=at, preset=preset, title=title)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    _echo(visible(str(written.resolve())))  # a newline in the path printed as \n


#: Centralities ``metrics --by`` ranks actors by (columns of :func:`graph.centrality`).
RANKINGS = ("pagerank", "betweenness", "degree", "signed_degree", "pn")
#: Actors ``metrics`` prints without ``--all``.
TOP = 20


@main.command("metrics")
@DATA_DIR_ARGUMENT
@AT_OPTION
@csv_option("Also write the centrality table to this CSV file.")
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
@period_options
@reports_data_errors
def metrics_command(
    data_dir: Path | None,
    at: str | None,
    csv_file: Path | None,
    exact: bool,
    weighted: bool,
    period: tuple[str | None, str | None],
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
    from graph.network.build import snapshot

    G = _load(data_dir, period)
    table = centrality(G, at=at, exact=exact, weight="weight" if weighted else None)
    shown = G if at is None else snapshot(G, at)
    facts = summary(shown)
    for end in ("first_date", "last_date"):
        facts[end] = "undated" if facts[end] is None else facts[end]
    # The period asked for first: the relations' own first and last dates
    # follow, and a relation overlapping the period may run beyond it.
    asked = _asked_period(G, at)
    facts = facts.reindex([*asked, *facts.index])
    facts[list(asked)] = list(asked.values())
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
        _echo(visible(f"wrote {csv_file}"), err=True)


TIME_LIMIT_OPTION = click.option(
    "--time-limit",
    type=click.FloatRange(min=0),
    default=60.0,
    show_default=True,
    metavar="SECONDS",
    help="Time to prove the frustration index (each period's with --by); then the best "
    "partition found is reported.",
)

BY_OPTION = click.option(
    "--by",
    type=click.Choice(["year", "month"]),
    help="One answer per year or month of the data, from the first date to the last.",
)

#: Beyond this many years of dated data, a pooled answer says it pooled them.
POOLED_YEARS_NOTE = 10


@main.command("balance")
@DATA_DIR_ARGUMENT
@AT_OPTION
@BY_OPTION
@TIME_LIMIT_OPTION
@click.option("--exact", "method", flag_value="exact", help="Prove it, however long it takes.")
@click.option("--heuristic", "method", flag_value="heuristic", help="Local search only (fast).")
@click.option("--all", "all_members", is_flag=True, help="List every group member and tie.")
@csv_option("With --by: also write the table to this CSV file.")
@figure_option("With --by: also draw L and the camps over time to this image (PNG, SVG, PDF).")
@period_options
@reports_data_errors
def balance_command(
    data_dir: Path | None,
    at: str | None,
    by: str | None,
    time_limit: float,
    method: str | None,
    all_members: bool,
    csv_file: Path | None,
    figure: Path | None,
    period: tuple[str | None, str | None],
) -> None:
    """Measure structural balance, find two groups and the ties that break them.

    Without --at or --by, every relation counts whatever its dates; on data
    spanning many years, ask per period.

    \b
    Example:
      alliance-graph balance --at 2015
      alliance-graph balance --by year --figure balance.png
      alliance-graph balance big-network/ --time-limit 300 --all
    """
    from graph.network.build import signed_graph

    from .balance import balance_report

    if by is not None and at is not None:
        raise click.UsageError("--at and --by ask different questions: give one")
    if by is None and (csv_file is not None or figure is not None):
        raise click.UsageError("--csv and --figure draw the table of --by year or --by month")
    G = _load(data_dir, period)
    if by is not None:
        _balance_by(G, by, None if method == "exact" else time_limit, csv_file, figure)
        return
    S = signed_graph(G, at=at)
    with warnings.catch_warnings():  # the report says whether L is proven
        warnings.simplefilter("ignore", UserWarning)
        report = balance_report(S, method=method or "auto", time_limit=time_limit)
    for name, value in _asked_period(G, at).items():  # which relations were weighed
        _echo(visible(f"{name}: {value}"))
    _echo(report.text(all_members=all_members))
    if at is None:
        from graph.analysis.over_time import periods

        years = periods(G)
        if len(years) > POOLED_YEARS_NOTE:
            _echo(
                f"note: the relations of {years[0]}-{years[-1]} are pooled; ask per period "
                "with --by year (or --by month), or at a date with --at",
                err=True,
            )


def _balance_by(
    G: object, by: str, time_limit: float | None, csv_file: Path | None, figure: Path | None
) -> None:
    """The per-period table of ``balance --by``, and its CSV and figure if asked."""
    from graph.analysis.over_time import balance_by_period

    with warnings.catch_warnings():  # the table says which periods are proven
        warnings.simplefilter("ignore", UserWarning)
        table = balance_by_period(G, by=by, time_limit=time_limit)
    if table.empty:
        raise click.UsageError(f"--by {by}: no relation is dated, so there is no {by} to show")
    shown = _periods_text(table)
    _echo(_table_text(shown))
    if csv_file is not None:
        with atomic_write(csv_file) as out:
            table.assign(
                groups=table["groups"].map(" ".join),
                sizes=table["sizes"].map(lambda sizes: " ".join(map(str, sizes))),
                changed_sides=table["changed_sides"].map(" ".join),
            ).to_csv(out, lineterminator="\n")
        _echo(f"wrote {csv_file}", err=True)
    if figure is not None:
        from graph.outputs.over_time_figures import plot_balance_by_period

        _save_figure(plot_balance_by_period(table), figure)


def _periods_text(table: pd.DataFrame) -> pd.DataFrame:
    """The per-period table with its tuples as short text: the two largest groups, who moved.

    The column is ``groups`` as in :func:`graph.balance_by_period`: the partition's groups, not
    the data's ``camp`` column.
    """

    def largest(row: pd.Series) -> str:
        named = [
            f"{leader} ({size})" for leader, size in zip(row["groups"], row["sizes"], strict=True)
        ]
        more = f" +{len(named) - 2} small" if len(named) > 2 else ""
        return " vs ".join(named[:2]) + more

    def moved(actors: tuple) -> str:
        return ", ".join(map(str, actors[:3])) + (f" +{len(actors) - 3}" if len(actors) > 3 else "")

    return table.assign(
        groups=table.apply(largest, axis=1), changed_sides=table["changed_sides"].map(moved)
    )[["ties", "L", "proven", "groups", "changed_sides"]]


def _save_figure(fig: object, path: Path) -> None:
    """Write a matplotlib figure in the format its suffix names (PNG without one)."""
    kind = path.suffix.lstrip(".").lower() or "png"
    if kind not in fig.canvas.get_supported_filetypes():
        raise click.UsageError(f"{path}: a figure is written as .png, .svg or .pdf")
    with atomic_write(path, "wb") as out:
        fig.savefig(out, format=kind, dpi=150)
    _echo(f"wrote {path}", err=True)


@main.command("backtest")
@DATA_DIR_ARGUMENT
@click.option(
    "--by",
    type=click.Choice(["year", "month"]),
    default="year",
    show_default=True,
    help="Train on each period, test on the next.",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0),
    default=10.0,
    show_default=True,
    metavar="SECONDS",
    help="Time to prove each period's frustration index.",
)
@csv_option("Also write the per-period table to this CSV file.")
@figure_option("Also draw the AUC of every predictor to this image (PNG, SVG, PDF).")
@reports_data_errors
def backtest_command(
    data_dir: Path | None, by: str, time_limit: float, csv_file: Path | None, figure: Path | None
) -> None:
    """Did balance predict the ties of the next period? Scores against baselines.

    For each period, the ties that appear or change sign in the next one are
    predicted from this one's camps (same camp), triads (balance triads),
    and two baselines (common neighbours, degree). Prints precision and
    recall of the predicted oppositions and the AUC (0.5 is chance), all
    periods pooled.

    \b
    Example:
      alliance-graph backtest --by year --figure backtest.png
    """
    from graph.analysis.over_time import backtest as run_backtest
    from graph.network.build import load

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        table = run_backtest(load(data_dir), by=by, time_limit=time_limit)
    if "all" not in table.index.get_level_values("period"):
        _echo("no period has a next one with new or changed ties: nothing to test")
        return
    pooled = table.loc["all"]
    first = table.index.get_level_values("period")[0]
    ties, opposed = int(pooled["ties"].iloc[0]), int(pooled["opposed"].iloc[0])
    _echo(
        f"{counted(ties, 'tie')} new or changed from {first} on ({opposed} opposition), "
        f"each predicted from the {by} before:"
    )
    shown = pooled.drop(columns=["ties", "opposed"]).round(3)
    _echo(_table_text(shown))
    if shown.isna().any(axis=None):
        _echo(
            "n/a: undefined (precision: the predictor predicted no opposition; recall, auc: "
            "no opposition, or no support, to tell apart)"
        )
    if csv_file is not None:
        with atomic_write(csv_file) as out:
            table.to_csv(out, lineterminator="\n")
        _echo(f"wrote {csv_file}", err=True)
    if figure is not None:
        from graph.outputs.over_time_figures import plot_backtest

        _save_figure(plot_backtest(table), figure)


#: The module documenting each source of ``import`` (its columns, mappings, licence).
_IMPORT_SOURCES = {
    "acled": "acled",
    "ucdp-ged": "ucdp_ged",
    "gdelt": "gdelt",
    "edgelist": "edgelist",
    "gexf": "edgelist",
    "graphml": "edgelist",
    "cow-wars": "cow_wars",
    "atop": "atop",
    "mid": "mid",
    "ucdp-esd": "ucdp_esd",
    "mgar": "mgar",
    "cow-alliances": "cow_alliances",
}


class _SourceCommand(click.Command):
    """An ``import`` subcommand whose help is its source module's documentation,
    read from the file when asked for (``--help`` imports neither pandas nor DuckDB)."""

    def __init__(self, *args, module: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.module = module

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        import ast
        import importlib.util

        spec = importlib.util.find_spec(f"graph.importers.{self.module}")
        tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
        text = (ast.get_docstring(tree) or "").replace("``", "")
        formatter.write_paragraph()
        with formatter.indentation():
            for paragraph in text.split("\n\n"):
                formatter.write_text(paragraph)
                formatter.write_paragraph()
            formatter.write_text(
                "FILE: CSV (.gz too), TSV or Parquet files; a name that is no file is a "
                "glob pattern (quote it: 'exports/*.csv'). Mappings: alliance-graph's "
                "graph/importers/mappings/README.md."
            )


@main.group("import")
def import_() -> None:
    """Turn event or alliance data into a dataset folder: one subcommand per source.

    Repeated events of a pair become one relation per activity spell (a spell
    ends after --gap-days without events). `alliance-graph import SOURCE --help`
    lists that source's columns, mappings and licence.

    \b
    Example:
      alliance-graph import acled export.csv -o yemen/ --from 2020 --country Yemen
      alliance-graph import gdelt '2024*.export.CSV' -o gdelt/ --engine spark
      alliance-graph import cow-wars directed_dyadic_war.csv -o ww1/ --states states2016.csv
      alliance-graph import atop atop5_1dy.csv -o ww1/ --states states2016.csv --add
      alliance-graph import mid dyadic_mid_4.02.csv -o ww1/ --states states2016.csv --add
      alliance-graph import cow-alliances alliance_v4.1_by_dyad.csv -o ww1/ \\
        --states states2016.csv --add
      alliance-graph import mgar mgar.csv -o militants/ --column group1='Group A'
      alliance-graph import ucdp-ged GEDEvent_v25_1.csv -o syria/ --country Syria
      alliance-graph import ucdp-esd esd.csv -o syria/ --add --actor-list ucdp-actor.csv
    """


def _column_pairs(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict:
    """``--column field=HEADER`` options as a dict."""
    pairs = {}
    for value in values:
        field, sep, header = value.partition("=")
        if not sep or not field.strip() or not header.strip():
            raise click.BadParameter(f"{value!r}: write FIELD=HEADER, e.g. group1='Group A'")
        pairs[field.strip()] = header.strip()
    return pairs


def _import_command(kind: str, module: str) -> None:
    @import_.command(kind, cls=_SourceCommand, module=module, short_help=f"Import {kind} files.")
    @click.argument("sources", nargs=-1, required=True, metavar="FILE...")
    @output_option("The dataset folder to write.", folder=True)
    @click.option(
        "--from", "date_from", metavar="DATE", callback=_check_date, help="Keep events from."
    )
    @click.option(
        "--to", "date_to", metavar="DATE", callback=_check_date, help="Keep events until."
    )
    @click.option(
        "--country", "countries", multiple=True, help="Keep events in this country (repeatable)."
    )
    @click.option(
        "--actor", "actors", multiple=True, help="Keep events involving this actor (repeatable)."
    )
    @click.option(
        "--event-types",
        "event_types",
        multiple=True,
        help="acled: keep events of this event or sub-event type (repeatable), e.g. Riots.",
    )
    @click.option("--gap-days", default=90, show_default=True, type=click.IntRange(min=0))
    @click.option(
        "--states",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="cow-wars, cow-alliances, atop, mid: the COW state list (ccode, statenme).",
    )
    @click.option(
        "--actor-list",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="ucdp-ged, ucdp-esd: the UCDP Actor Dataset (ActorId, NameData) naming actors.",
    )
    @click.option(
        "--add", is_flag=True, help="Add to the dataset in the folder (actors joined by id)."
    )
    @click.option(
        "--column",
        "columns",
        multiple=True,
        callback=_column_pairs,
        metavar="FIELD=HEADER",
        help="Read a column this source reads from another header, e.g. group1='Group A'.",
    )
    @click.option(
        "--undirected",
        is_flag=True,
        help="edgelist, gexf, graphml: the ties have no direction (drawn without arrowheads).",
    )
    @click.option("--engine", type=click.Choice(["duckdb", "spark"]), default="duckdb")
    @click.option("--master", help="Spark master URL (local[*] by default).")
    @click.option("--memory-limit", help="DuckDB memory limit or Spark driver memory, e.g. 2GB.")
    @reports_data_errors
    def command(sources: tuple[str, ...], output: Path, **options) -> None:
        from .importers import import_events

        try:
            # A progress bar only on a terminal: in a log or a pipe it is a line of noise.
            progress = sys.stderr.isatty()
            written = import_events(
                kind, sources, output, progress=progress, report=_report, **options
            )
        except ValueError as error:
            raise click.UsageError(str(error)) from None
        _echo(visible(str(written.resolve())))  # a newline in the path printed as \n


for _kind, _module in _IMPORT_SOURCES.items():
    _import_command(_kind, _module)


@main.command("quiz")
@DATA_DIR_ARGUMENT
@output_option("The file to write: .pdf (question sheet and answer key) or .csv.")
@click.option(
    "-n", "count", default=10, show_default=True, type=click.IntRange(min=1), help="Questions."
)
@click.option("--seed", default=0, show_default=True, help="Draws among equally good questions.")
@AT_OPTION
@click.option("--for-spreadsheet", is_flag=True, help="csv only: neutralise formula-like cells.")
@period_options
@reports_data_errors
def quiz_command(
    data_dir: Path | None,
    output: Path,
    count: int,
    seed: int,
    at: str | None,
    for_spreadsheet: bool,
    period: tuple[str | None, str | None],
) -> None:
    """Write "allies or enemies?" questions from the data's triangles, with answers.

    \b
    Example:
      alliance-graph quiz -o quiz.pdf
      alliance-graph quiz my-conflict/ -n 6 --seed 2 -o quiz.csv
    """
    from graph.analysis.quiz import quiz_questions
    from graph.outputs.quiz_sheet import write_quiz

    G = _load(data_dir, period)
    questions = quiz_questions(G, n=count, seed=seed, at=at)
    try:
        written = write_quiz(
            questions, output, title=G.graph.get("title"), for_spreadsheet=for_spreadsheet
        )
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    _echo(visible(str(written.resolve())))  # a newline in the path printed as \n
