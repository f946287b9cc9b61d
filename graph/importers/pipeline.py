"""Run one import: files -> normalised events -> actors and relations, on an engine.

The steps, each a query of ``sql/`` run by the chosen engine:

1. ``raw``: the files, every column as text (engine-specific reading);
2. ``events``: the source's query (``sql/<source>.sql``) maps each row to
   normalised events, flagging rows it cannot read;
3. ``problems``: any flagged rows stop the import, located by file, line and
   column;
4. ``filtered``, ``actor_names``: the dates, countries and actors asked for, and
   every name the events use (ids are made from these in Python);
5. ``relations``: one relation per pair, type and activity spell
   (``sql/aggregate.sql``).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import unicodedata
from collections import namedtuple
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import pandas as pd

from graph.core.errors import FileFormatError, Problem, ValidationError
from graph.core.words import counted

# Each source module by name, not through the package: a module of graph.importers never
# imports the package's __init__ (an import cycle for the layer test).
from .acled import SOURCE as ACLED
from .actor_list import actor_table
from .atop import SOURCE as ATOP
from .cow_alliances import SOURCE as COW_ALLIANCES
from .cow_wars import SOURCE as COW_WARS
from .edgelist import SOURCE as EDGELIST
from .engine import Engine
from .gdelt import SOURCE as GDELT
from .mgar import SOURCE as MGAR
from .mid import SOURCE as MID
from .sourcefiles import InputFile, find_values, first_lines, structure_problem
from .sources import Source, named_queries
from .ucdp_esd import SOURCE as UCDP_ESD
from .ucdp_ged import SOURCE as UCDP_GED

#: The sources ``import_events`` reads, by name.
SOURCES: dict[str, Source] = {
    s.name: s
    for s in (ACLED, UCDP_GED, GDELT, EDGELIST, COW_WARS, ATOP, MID, UCDP_ESD, MGAR, COW_ALLIANCES)
}
_EPOCH = dt.date(1970, 1, 1).toordinal()
_EVIDENCE_LENGTH = 300


@dataclass
class Options:
    """What to import: filters, spell gap and confidence threshold."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    countries: Sequence[str] = ()
    actors: Sequence[str] = ()
    gap_days: int = 90
    min_sources: int = 2
    #: Event types or sub-event types to keep (ACLED), as the files spell them, any case.
    event_types: Sequence[str] = ()
    #: COW country code -> state name (``ccode``, ``name``): COW wars, MIDs, alliances and ATOP.
    states: pd.DataFrame | None = None
    #: A column the source reads -> the header that holds it in these files (``--column``).
    columns: dict[str, str] = field(default_factory=dict)
    #: An actor code -> its name, from an actor list (UCDP actor id -> name, ``--actor-list``).
    listed: dict[str, str] = field(default_factory=dict)


@dataclass
class Result:
    """An import's tables, ready to write."""

    actors: pd.DataFrame
    relation_columns: list[str]
    relation_rows: Iterator[tuple]  # streamed from the engine: write them before closing it
    events: int


def _raw_view(
    source: Source, available: list[str], files: Sequence[InputFile], options: Options
) -> str:
    """``raw``: the columns the query reads; optional ones missing from the files are NULL."""
    lowered = {c.lower() for c in available}
    missing = [c for c, required in source.columns.items() if required and c.lower() not in lowered]
    if missing:
        problems = [
            Problem(
                files[0].path,
                1,
                None,
                options.columns.get(c, c),
                "missing required column"
                + ("" if c in options.columns else f" (--column {c}=HEADER names another)"),
            )
            for c in missing
        ]
        raise ValidationError(problems)
    select = ["_file"] + [
        c if c.lower() in lowered else f"CAST(NULL AS STRING) AS {c}" for c in source.columns
    ]
    return f"SELECT {', '.join(select)} FROM raw_input"


def _groups(
    source: Source, files: Sequence[InputFile], delimiter: str, columns: dict[str, str]
) -> list[tuple[list[InputFile], Sequence[str] | None]]:
    """Files grouped by their columns: the source's fixed names, or each file's header
    with the headers ``columns`` names (``--column field=HEADER``) renamed to their fields.

    Headers are read here rather than guessed by an engine, so a malformed line
    can never be mistaken for the header.
    """
    if source.names is not None:
        return [(list(files), source.names)]
    renamed = {header.lower(): name for name, header in columns.items()}
    groups: dict[tuple[str, ...] | None, list[InputFile]] = {}
    for file in files:
        names = None
        if file.local and file.format != "parquet":
            try:
                line = first_lines(file.path, 1)
            except (UnicodeDecodeError, OSError, EOFError) as error:
                problem = Problem(file.path, 1, None, "", f"cannot read: {error}")
                raise FileFormatError([problem]) from None
            if not line:
                raise FileFormatError([Problem(file.path, 1, None, "", "file is empty")])
            names = tuple(next(csv.reader([line[0]], delimiter=delimiter)))
            names = tuple(n.strip().lstrip("\ufeff") for n in names)
            names = tuple(renamed.get(n.lower(), n) for n in names)
            twice = sorted({n for n in names if names.count(n) > 1 and n in columns})
            if twice:  # the file has the field's own column too: which one is meant?
                raise ValueError(f"--column {twice[0]}: {file.path} has a column {twice[0]!r} too")
        elif columns:
            raise ValueError(f"--column: {file.path} has no header line to rename (Parquet)")
        groups.setdefault(names, []).append(file)
    return [(group, names) for names, group in groups.items()]


def _settings(options: Options) -> dict[str, pd.DataFrame]:
    def day(value: dt.date | None) -> float | None:
        return None if value is None else value.toordinal() - _EPOCH

    settings = pd.DataFrame(
        {
            "gap_days": [int(options.gap_days)],
            "from_day": pd.array([day(options.date_from)], dtype="Int64"),
            "to_day": pd.array([day(options.date_to)], dtype="Int64"),
            "any_country": [0 if options.countries else 1],
            "any_actor": [0 if options.actors else 1],
            "any_event_type": [0 if options.event_types else 1],
        }
    )
    states = options.states
    if states is None:
        states = pd.DataFrame({"ccode": [""], "name": [""]}, dtype=object)
    return {"settings": settings, "cow_states": states}


def _event_type_filter(engine: Engine, source: Source, options: Options, where: str) -> None:
    """Register ``filter_event_types``: the files' spellings of the --event-types asked for."""
    kept: list[str] = []
    if options.event_types:
        if "event_types" not in source.queries:
            raise ValueError(f"--event-types: {source.title} files have no event types")
        values = engine.fetch(source.queries["event_types"])["value"]
        kept, unmatched = _spellings(values, options.event_types)
        if unmatched:
            raise ValidationError(
                [
                    Problem(where, 1, None, "", f"--event-types {w!r} matches no event")
                    for w in unmatched
                ]
            )
    engine.register("filter_event_types", pd.DataFrame({"value": kept or [""]}, dtype=object))


def _notes(engine: Engine, source: Source) -> Iterator[str]:
    """What the user should know about the events read: duplicates dropped, actors
    listed on both sides of an event."""
    duplicates = int(engine.fetch(named_queries("aggregate")["duplicates"])["events"].iloc[0])
    if duplicates:
        yield f"{counted(duplicates, 'duplicate event')} (an id in more than one file) counted once"
    if source.actor_code:
        found = engine.fetch(named_queries("aggregate")["unkeyed"])
        count = int(found["names"].iloc[0])
        if count:
            yield (
                f"{counted(count, 'actor name')} without a {source.actor_code} id in some rows "
                f"(e.g. {found['example'].iloc[0]}): there the name stands for the actor, "
                f"the one its {source.actor_code} id gives elsewhere if it has one"
            )
    if "both_sides" in source.queries:
        found = engine.fetch(source.queries["both_sides"])
        count = int(found["events"].iloc[0])
        if count:
            yield (
                f"{counted(count, 'event')} with an actor on both sides "
                f"(e.g. {found['example'].iloc[0]}): no alliance made from them"
            )


def _filtering(options: Options) -> bool:
    return bool(
        options.countries
        or options.actors
        or options.event_types
        or options.date_from
        or options.date_to
    )


def folded(text: str) -> str:
    """Text as a filter compares it: Unicode caseless matching (NFKC, then
    :meth:`str.casefold`), Turkish dotted capital I read as i.

    Examples
    --------
    >>> folded("TÜRKİYE") == folded("Türkiye"), folded("ΑΣΤΥΝΟΜΊΑΣ") == folded("αστυνομίας")
    (True, True)
    """
    text = unicodedata.normalize("NFKC", text.strip()).casefold()
    return unicodedata.normalize("NFKC", text.replace("i\u0307", "i"))


def _spellings(values: Iterable, wanted: Sequence[str]) -> tuple[list[str], list[str]]:
    """The values of the data a filter matches, folded the same way (:func:`folded`)
    on both sides; and the filter words that match none."""
    keys = {folded(w): w for w in wanted}
    kept = sorted(v for v in values if isinstance(v, str) and folded(v) in keys)
    found = {folded(v) for v in kept}
    return kept, [word for key, word in keys.items() if key not in found]


def _filters(engine: Engine, options: Options, where: str) -> None:
    """Register the filter tables; refuse a filter word that matches nothing."""
    aggregate = named_queries("aggregate")
    problems = []
    for table, query, wanted, flag in (
        ("filter_countries", "countries", options.countries, "--country"),
        ("filter_actors", "names", options.actors, "--actor"),
    ):
        kept, unmatched = _spellings(engine.fetch(aggregate[query])["value"], wanted)
        if wanted:
            problems += [
                Problem(where, 1, None, "", f"{flag} {word!r} matches no event")
                for word in unmatched
            ]
        engine.register(table, pd.DataFrame({"value": kept or [""]}, dtype=object))
    if problems:
        raise ValidationError(problems)
    # An actor with a code is its code: --actor keeps its events however they spell it.
    keys = engine.fetch(aggregate["actor_keys"])["value"].tolist() if options.actors else []
    engine.register("filter_actor_keys", pd.DataFrame({"value": keys or [""]}, dtype=object))


def _unreadable(
    error: Exception, source: Source, files: Sequence[InputFile]
) -> FileFormatError | None:
    """Where the files cannot be read as tables, if that is why the engine failed."""
    problems = []
    for file in files:
        if not file.local or file.format == "parquet":
            continue
        problem = structure_problem(
            file.path,
            delimiter=source.delimiter or ("\t" if file.format == "tsv" else ","),
            header=source.header,
            width=len(source.names) if source.names and not source.header else None,
            quote=source.quote,
            comment=source.comment,
        )
        if problem is not None:
            problems.append(problem)
    return FileFormatError(problems) if problems else None


def _located(
    found: pd.DataFrame, source: Source, files: Sequence[InputFile], columns: dict[str, str]
) -> ValidationError:
    """Problems flagged by the query, with the lines and columns where they sit, named by
    the files' own headers (``columns``: a field -> the header renamed to it)."""
    by_uri = {f.uri: f for f in files} | {f.path: f for f in files}
    problems: list[Problem] = []
    for shown, rows in found.groupby("_file", sort=True):
        file = by_uri.get(shown) or by_uri.get(re.sub(r"^file:(//)?", "file://", shown))
        path = file.path if file else str(shown)
        wanted: dict[str, set[str]] = {}
        for name, value in rows[["bad_field", "bad_value"]].itertuples(index=False):
            wanted.setdefault(columns.get(name, name), set()).add(value or "")
        fields = {header: name for name, header in columns.items()}
        places = []
        if file is not None and file.local and file.format != "parquet":
            places = find_values(
                file.path,
                wanted,
                delimiter=source.delimiter or ("\t" if file.format == "tsv" else ","),
                header=source.header,
                names=source.names,
                quote=source.quote,
                comment=source.comment,
            )
        if places:
            for line, column, header, value in places:
                message = source.messages.get(fields.get(header, header), "bad value")
                problems.append(Problem(path, line, column, header, f"{message}: '{value}'"))
        else:  # Parquet or remote files have no lines: name the value instead
            for name, value in rows[["bad_field", "bad_value"]].itertuples(index=False):
                message = source.messages.get(name, "bad value")
                shown = columns.get(name, name)
                problems.append(Problem(path, 1, None, shown, f"{message}: '{value}'"))
    return ValidationError(problems)


@functools.lru_cache(maxsize=65536)
def _day(day: float | None, precision: float | None) -> str:
    """A day number as YYYY-MM-DD, or YYYY-MM (precision 2) or YYYY (3); "" for none."""
    if day is None or day != day:  # None or NaN
        return ""
    text = dt.date.fromordinal(int(day) + _EPOCH).isoformat()
    return {2: text[:7], 3: text[:4]}.get(int(precision or 1), text)


def _number(value: float) -> str:
    rounded = round(float(value), 3)
    if rounded == 0 and value != 0:  # a rating of 1e-05 is not a rating of 0
        return f"{float(value):.3g}"
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:g}"


def _evidence(notes: str) -> str:
    text = " ".join(str(notes or "").split())
    if len(text) <= _EVIDENCE_LENGTH:
        return text
    cut = text[: _EVIDENCE_LENGTH - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _citation(row, source: Source) -> str:
    """Source name, event ids and dates: first, last and the one quoted."""

    def event(event_id: str, day: str) -> str:
        if source.event_ids and event_id:
            return f"{event_id} ({day})" if day else event_id
        return day

    first = event(row.first_event, _day(row.start_day, row.start_precision))
    last = event(row.last_event, _day(row.end_day, row.end_precision))
    shown = event(row.shown_event, _day(row.shown_day, 1))
    noun = "event" if source.event_ids else "row"
    if row.events == 1:
        text = f"{source.title} {noun} {first}".rstrip()
    else:
        text = f"{source.title}, {row.events} {noun}s: first {first or '?'}, last {last or '?'}"
        if row.notes or row.link:
            text += f"; quoted {shown}"
    if row.link:
        text += f"; {row.link}"
    return text


def _relations(
    columns: list[str], rows: Iterable[tuple], source: Source, options: Options
) -> Iterator[tuple]:
    """The rows of relations.csv as text, in the query's order, one at a time."""
    Row = namedtuple("Row", columns)  # the fields are the query's columns
    for row in map(Row._make, rows):
        known = row.sources is not None and row.sources == row.sources
        cells = (
            row.source,
            row.target,
            row.type,
            _day(row.start_day, row.start_precision),
            _day(row.end_day, row.end_precision),
            "confirmed" if not known or row.sources >= options.min_sources else "reported",
            _evidence(row.notes),
            _citation(row, source),
            str(int(row.events)),
            str(int(row.sources)) if known else "",
        )
        yield (*cells, _number(row.weight)) if source.measure else cells


def relation_columns(source: Source) -> list[str]:
    """The columns of the relations.csv an import of ``source`` writes."""
    return [
        "source",
        "target",
        "type",
        "start",
        "end",
        "confidence",
        "evidence",
        "citation",
        "events",
        "sources",
        *([source.measure] if source.measure else []),
    ]


def run(
    engine: Engine,
    source: Source,
    files: Sequence[InputFile],
    types: pd.DataFrame,
    options: Options,
    *,
    graph_rows: pd.DataFrame | None = None,
    progress=None,
    report: Callable[[str], None] = lambda text: None,
) -> Result:
    """Import ``files`` of ``source`` on ``engine``; see the module docstring for the steps."""

    counts: dict[str, int] = {}

    def step(text: str, **more: int) -> None:
        """Mark a step done and show the counts so far: events read, actors, relations."""
        counts.update(more)
        if progress is not None:
            progress.update(1)
            progress.set_description(text)
            progress.set_postfix(counts)

    aggregate = named_queries("aggregate")
    try:
        if graph_rows is not None:
            engine.register("raw_input", graph_rows)
        else:
            delimiter = source.delimiter or ("\t" if files[0].format == "tsv" else ",")
            engine.load(
                _groups(source, files, delimiter, options.columns),
                header=source.header,
                delimiter=delimiter,
                quote=source.quote,
                comment=source.comment,
            )
        engine.view("raw", _raw_view(source, engine.columns("raw_input"), files, options))
        for name, frame in {**source.tables(types), **_settings(options)}.items():
            engine.register(name, frame)
        _event_type_filter(engine, source, options, ", ".join(f.path for f in files))
        for name in ("dyads", "sides"):  # the source's rows under a shared query's names
            if name in source.queries:
                engine.view(name, source.queries[name])
        if "coded" in source.queries:  # the shared query's view of them
            engine.view("coded", source.queries["coded"])
        if "prepare" in source.queries:  # a step the source wants stored first
            engine.table("prepared", source.queries["prepare"])
        if source.actor_code:
            engine.view("read_events", source.queries["events"])
        else:  # actors are their names: no codes to join on
            engine.view("source_events", source.queries["events"])
            engine.view(
                "read_events",
                "SELECT *, CAST(NULL AS STRING) AS source_key, CAST(NULL AS STRING) AS target_key"
                " FROM source_events",
            )
        events = engine.table("events", aggregate["unique_events"])
    except (ValidationError, FileFormatError):
        raise
    except engine.errors as error:
        if isinstance(error, engine.interrupted):
            raise KeyboardInterrupt from None
        unreadable = _unreadable(error, source, files)
        if unreadable is None:
            # Not found by Python's reading: the engine's own words, first line, no traceback.
            reason = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
            where = files[0].path if len(files) == 1 else ", ".join(f.path for f in files)
            raise FileFormatError([Problem(where, 1, None, "", f"cannot read: {reason}")]) from None
        raise unreadable from None
    step("checking rows", events=events)
    found = engine.fetch(aggregate["problems"])
    if not found.empty:
        raise _located(found, source, files, options.columns)
    where = ", ".join(f.path for f in files)
    for note in _notes(engine, source):
        report(note)
    _filters(engine, options, where)
    engine.view("filtered", aggregate["filtered"])
    step("naming actors")
    names = engine.fetch(aggregate["actor_names"])
    if names.empty:  # an empty dataset would look like a successful import
        what = "the filters leave" if _filtering(options) else "the files hold"
        raise ValidationError(
            [Problem(where, 1, None, "", f"no relation to import: {what} no event with two actors")]
        )
    titles = ", ".join(sorted({f.path.rsplit("/", 1)[-1] for f in files}))
    actors, ids = actor_table(
        names,
        default_kind=source.default_kind,
        default_camp=source.default_camp,
        source=f"{source.title}: {titles}",
        code=source.actor_code or "",
        listed=options.listed,
    )
    engine.register("actor_ids", ids)
    step("forming relations", actors=len(actors))
    rows = _relations(*engine.rows(aggregate["relations"]), source, options)
    step("writing")
    return Result(actors, relation_columns(source), rows, events=events)
