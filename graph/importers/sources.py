"""What every source reader declares, and the mapping tables they share.

A source is its columns, the query that turns its rows into normalised events
(``sql/<name>.sql``) and the mapping tables that query joins, read from the
editable CSV files in ``mappings/`` (see ``mappings/README.md``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from graph.core.errors import Problem, ValidationError
from graph.tables.read import read_relation_types, read_table

MAPPINGS = Path(__file__).resolve().parent / "mappings"
SQL = Path(__file__).resolve().parent / "sql"


@dataclass(frozen=True)
class Source:
    """How to read one kind of event file.

    Attributes
    ----------
    name : str
        The name on the command line, e.g. ``"acled"``.
    title : str
        The name in citations, e.g. ``"ACLED"``.
    columns : dict
        For files with a header: each column the query reads -> required?
    names : tuple of str, optional
        For files without a header: every column, in order.
    delimiter : str, optional
        Fixed field separator; by default from the file name (``.tsv``: tab).
    quote : bool
        Whether fields may be quoted (GDELT's are never).
    header : bool
        Whether files start with a header line (with ``names``, it is skipped).
    comment : str, optional
        Lines starting with it are skipped (SNAP ``#``, KONECT ``%``).
    measure : str
        The numeric column written to relations.csv: ``fatalities`` or
        ``weight``; "" for none (a source that measures no intensity).
    messages : dict
        What is wrong, per column the query may flag.
    tables : callable
        Builds the mapping tables the query joins, from the vocabulary.
    default_kind, default_camp : str
        For actors the source gives no type (e.g. ACLED associated actors).
    shared : str, optional
        The ``sql/<shared>.sql`` whose queries the source's own complete: e.g.
        ``cow_dyads``, the COW dates and dyads of the war and MID files, read
        from the source's ``dyads`` query; ``ucdp_ids``, the UCDP actor ids of
        GED's and ESD's sides, read from its ``sides`` query.
    actor_code : str, optional
        The code system whose ids the ``events`` query gives the actors
        (``source_key``, ``target_key``; NULL where a row has none, and
        ``source_unkeyed``, ``target_unkeyed`` 1 where the file gives none), e.g.
        ``"UCDP"``: an actor is then its code, not its spelling.
    """

    name: str
    title: str
    columns: dict[str, bool]
    tables: Callable[[pd.DataFrame], dict[str, pd.DataFrame]]
    messages: dict[str, str]
    measure: str = "weight"
    names: tuple[str, ...] | None = None
    delimiter: str | None = None
    quote: bool = True
    header: bool = True
    comment: str | None = None
    default_kind: str = "other"
    default_camp: str = "other actors"
    event_ids: bool = True
    shared: str | None = None
    actor_code: str | None = None

    @property
    def queries(self) -> dict[str, str]:
        own = named_queries(self.name)
        return {**named_queries(self.shared), **own} if self.shared else own


@cache
def named_queries(name: str) -> dict[str, str]:
    """The ``-- name: x`` queries of ``sql/<name>.sql``."""
    queries: dict[str, list[str]] = {}
    current = None
    for line in (SQL / f"{name}.sql").read_text(encoding="utf-8").splitlines():
        if line.startswith("-- name:"):
            current = line.removeprefix("-- name:").strip()
            queries[current] = []
        elif current is not None:
            queries[current].append(line)
    return {key: "\n".join(lines).strip() for key, lines in queries.items()}


def vocabulary() -> pd.DataFrame:
    """The bundled relation types extended by the importers' additions.

    Examples
    --------
    >>> types = vocabulary()
    >>> int(types.loc["fights_alongside", "sign"]), types.loc["fights", "cameo"]
    (1, '190')
    """
    return read_relation_types(MAPPINGS / "relation_types.csv")


def mapping(file: str, columns: dict[str, bool], types: pd.DataFrame) -> pd.DataFrame:
    """Read ``mappings/<file>`` as text; every ``type``-like column must name a known type.

    Raises
    ------
    ValidationError
        Naming the mapping file's line and column for each unknown type.
    """
    path = MAPPINGS / file
    table, problems = read_table(path, columns)
    if problems:  # a malformed mapping row: before its fields are read as columns
        raise ValidationError(problems)
    frame = pd.DataFrame(table.rows, columns=table.header, dtype=object)
    for name in [c for c in table.header if c in ("type", "assoc_type")]:
        for line, value in zip(table.lines, frame[name], strict=True):
            if value and value not in types.index:
                problems.append(
                    Problem(str(path), line, table.column(name), name, f"unknown type '{value}'")
                )
    if problems:
        raise ValidationError(problems)
    return frame


def code_types(name: str, code: str) -> Callable[[pd.DataFrame], dict[str, pd.DataFrame]]:
    """The ``tables`` of a source whose one mapping, ``mappings/<name>.csv``, types each
    value of its column ``code`` (a ``label`` column documents it): a table ``name`` of
    ``code`` and ``type``.

    Examples
    --------
    >>> tables = code_types("mid_hostility", "hihost")(vocabulary())
    >>> tables["mid_hostility"].values.tolist()[1]
    ['2', 'opposes']
    """

    def tables(types: pd.DataFrame) -> dict[str, pd.DataFrame]:
        frame = mapping(f"{name}.csv", {code: True, "type": True, "label": False}, types)
        return {name: frame[[code, "type"]]}

    return tables


def code_names(path: str, code: str, name: str, what: str) -> dict[str, str]:
    """A list of actor codes and names (``code`` and ``name`` columns, any case) as
    code -> name, each code's first name (a state listed for several periods).

    Raises
    ------
    DataError
        Naming the file, line and column of a missing column or a code that is
        not a whole number (``what`` says which kind).
    """
    table, problems = read_table(Path(path), {code: True, name: True})
    if problems:
        raise ValidationError(problems)
    frame = pd.DataFrame(table.rows, columns=table.header, dtype=object)
    for line, value in zip(table.lines, frame[code], strict=True):
        if not value.strip().isdigit():
            raise ValidationError([Problem(str(path), line, table.column(code), code, what)])
    names: dict[str, str] = {}
    for value, shown in zip(frame[code], frame[name], strict=True):
        names.setdefault(value.strip(), shown.strip())
    return names


def positions(count: int = 200) -> pd.DataFrame:
    """0..count: to number the items of ;-separated lists without engine-specific arrays."""
    return pd.DataFrame({"i": range(count + 1)})


__all__ = [
    "MAPPINGS",
    "Source",
    "code_names",
    "code_types",
    "mapping",
    "named_queries",
    "positions",
    "vocabulary",
]
