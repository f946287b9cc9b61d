"""Read and validate the files of a dataset.

A dataset is a folder with ``actors.csv`` and ``relations.csv`` and, optionally,
``relation_types.csv`` (rows that extend the bundled vocabulary), ``story.csv``
and ``datapackage.json``. The readers return pandas DataFrames and raise
:class:`graph.DataError` listing *every* problem of a file, each with its file,
line and column.

Cells are read as text, with surrounding spaces stripped; an empty cell is an
empty string, except dates (``start``/``end``) and ``weight``, which are None
when empty. Optional columns a file lacks are filled with their defaults
(:data:`ACTOR_DEFAULTS`, :data:`RELATION_DEFAULTS`). Columns beyond the
documented ones are kept as text, so users can add their own attributes.

The readers' parts, each a module of :mod:`graph.tables`: the files and
columns (:mod:`~graph.tables.columns`), safe byte and text input
(:mod:`~graph.tables.source`), the CSV tokenizer and its diagnostics
(:mod:`~graph.tables.csvtext`), each file's checks
(:mod:`~graph.tables.checks`) and ``datapackage.json``
(:mod:`~graph.tables.datapackage`). This module re-exports the names it
defined before they moved there, so ``graph.tables.read.DATA_DIR`` and the
like keep working.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from graph.core.errors import raise_problems
from graph.tables.checks import check_actors, check_relation_types, check_relations, check_story
from graph.tables.columns import (
    ACTOR_COLUMNS,
    ACTOR_DEFAULTS,
    CONFIDENCE_LEVELS,
    DATA_DIR,
    GENERIC_TYPES,
    RELATION_COLUMNS,
    RELATION_DEFAULTS,
    RELATION_NUMBER_COLUMNS,
    RELATION_TYPE_COLUMNS,
    STORY_COLUMNS,
    id_problem,
)
from graph.tables.csvtext import Table, read_table
from graph.tables.datapackage import MAX_JSON_DEPTH, read_datapackage
from graph.tables.source import MAX_FILE_BYTES, read_bytes, read_text

__all__ = [
    "ACTOR_COLUMNS",
    "ACTOR_DEFAULTS",
    "CONFIDENCE_LEVELS",
    "DATA_DIR",
    "GENERIC_TYPES",
    "MAX_FILE_BYTES",
    "MAX_JSON_DEPTH",
    "RELATION_COLUMNS",
    "RELATION_DEFAULTS",
    "RELATION_NUMBER_COLUMNS",
    "RELATION_TYPE_COLUMNS",
    "STORY_COLUMNS",
    "Table",
    "id_problem",
    "read_actors",
    "read_bytes",
    "read_datapackage",
    "read_relation_types",
    "read_relations",
    "read_story",
    "read_table",
    "read_text",
    "story_path",
]


def read_relation_types(path: str | Path | None = None) -> pd.DataFrame:
    """Read and validate the relation-type vocabulary.

    Parameters
    ----------
    path : str or Path, optional
        A ``relation_types.csv`` whose rows extend the bundled vocabulary: a
        row with a new ``type`` adds it, a row with a bundled ``type``
        replaces that type. None: the bundled vocabulary.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``type``; columns ``sign`` (int: +1 support, -1 opposition,
        0 neutral), ``label``, ``definition``, ``ucdp_esd``, ``cameo``,
        ``symmetric`` (bool: the relation goes both ways, as "negotiates
        with") and any extra columns.

    Examples
    --------
    >>> types = read_relation_types()
    >>> int(types.loc["air_strikes", "sign"]), types.loc["air_strikes", "label"]
    (-1, 'carries out air strikes on')
    >>> sorted(types.index[types["sign"] == 0])
    ['documents', 'formerly_known_as', 'member_of', 'negotiates_with', 'neutral_tie']
    >>> list(types.index[types["symmetric"]])
    ['negotiates_with']
    """
    types, problems, unreadable = check_relation_types(path)
    raise_problems(problems, unreadable=unreadable)
    return types


def read_actors(path: str | Path) -> pd.DataFrame:
    """Read and validate an actors file.

    Parameters
    ----------
    path : str or Path
        A CSV file with at least the column ``id``; ``name`` (the id when
        empty), ``kind`` and ``camp`` (``"unspecified"`` when empty, see
        :data:`ACTOR_DEFAULTS`), ``aliases`` (separated by ``|``),
        ``description``, ``source``, ``start`` and ``end`` (when the actor
        exists, partial ISO dates) are optional, and extra columns are kept.

    Returns
    -------
    pandas.DataFrame
        One row per actor, indexed by ``id``; ``aliases`` holds lists,
        ``start`` and ``end`` are None when open.

    Raises
    ------
    DataError
        Listing every problem: missing columns, empty, malformed or duplicate
        ids, bad dates, duplicate rows.

    Examples
    --------
    >>> actors = read_actors(DATA_DIR / "actors.csv")
    >>> actors.loc["jabhat_fateh_al_sham", "camp"]
    'jihadist'
    >>> actors.loc["free_syrian_army", "aliases"][:2]
    ['FSA', 'Syrian rebels']
    """
    actors, problems = check_actors(path)
    raise_problems(problems, unreadable=actors is None)
    return actors


def read_relations(
    path: str | Path,
    actors: pd.DataFrame | Iterable[str],
    relation_types: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Read and validate a relations file against its actors and vocabulary.

    Parameters
    ----------
    path : str or Path
        A CSV file with at least ``source``, ``target`` and ``type`` (or
        ``sign``); ``start``, ``end`` (partial ISO dates), ``confidence``
        (``confirmed`` when empty), ``evidence``, ``citation``, ``sign`` and
        ``weight`` (a number) are optional, and extra columns are kept.
    actors : pandas.DataFrame or iterable of str
        The actors, as returned by :func:`read_actors`, or their ids.
    relation_types : pandas.DataFrame, optional
        The vocabulary, as returned by :func:`read_relation_types`; the bundled
        one by default.

    Returns
    -------
    pandas.DataFrame
        One row per relation, indexed by its line in the file. ``sign`` is the
        type's sign in the vocabulary; for a type the vocabulary lacks, the
        ``sign`` cell; a relation with a sign but no type gets the generic type
        of its sign (:data:`GENERIC_TYPES`). ``start``/``end`` are None when
        open, ``weight`` a number or None.

    Raises
    ------
    DataError
        Listing every problem: unknown actors or types, signs that disagree
        with their type, bad or impossible dates, an end before its start,
        self-relations, unknown confidence levels, weights that are not
        numbers, exact duplicate rows.

    Examples
    --------
    >>> actors = read_actors(DATA_DIR / "actors.csv")
    >>> relations = read_relations(DATA_DIR / "relations.csv", actors)
    >>> russia = relations[relations["source"] == "russia"]
    >>> russia.loc[russia["type"] == "air_support", ["target", "start", "sign"]]
                  target       start  sign
    line
    7     assad_government  2015-09-30     1
    """
    types = read_relation_types() if relation_types is None else relation_types
    ids = actors.index if isinstance(actors, pd.DataFrame) else list(actors)
    relations, problems = check_relations(path, ids, types)
    raise_problems(problems, unreadable=relations is None)
    return relations


def story_path(path: str | Path | None) -> Path:
    """The story file ``path`` means: a file, a folder's ``story.csv``, or the bundled one."""
    if path is None:
        return DATA_DIR / "story.csv"
    path = Path(path)
    return path / "story.csv" if path.is_dir() else path


def read_story(
    path: str | Path | None = None, actors: pd.DataFrame | Iterable[str] | None = None
) -> pd.DataFrame:
    """Read and validate a story: the ordered steps a teacher walks a class through.

    Parameters
    ----------
    path : str or Path, optional
        A CSV file with the columns ``date`` (a partial ISO date), ``title``
        and ``caption``; ``actors`` (ids separated by ``|``, the actors the
        step highlights) and ``citation`` are optional, and extra columns are
        kept. A dataset folder means its ``story.csv``, as :func:`graph.load`
        takes a folder; None, the bundled story.
    actors : pandas.DataFrame or iterable of str, optional
        The actors, as returned by :func:`read_actors`, or their ids (such as
        ``G.nodes``); by default those of the ``actors.csv`` beside the story.

    Returns
    -------
    pandas.DataFrame
        One row per step in file order, indexed by its line in the file;
        ``actors`` holds lists of ids.

    Raises
    ------
    DataError
        Listing every problem: missing columns, empty or impossible dates,
        empty titles or captions, unknown actors, exact duplicate rows.

    Examples
    --------
    >>> story = read_story()
    >>> story.loc[story.index[0], ["date", "title"]].tolist()
    ['2012-07', '2012: the rebels take the east']
    >>> story.loc[story.index[0], "actors"]
    ['free_syrian_army', 'assad_government']
    """
    path = story_path(path)
    if actors is None:
        actors = read_actors(path.parent / "actors.csv")
    ids = actors.index if isinstance(actors, pd.DataFrame) else list(actors)
    story, problems = check_story(path, ids)
    raise_problems(problems, unreadable=story is None)
    return story
