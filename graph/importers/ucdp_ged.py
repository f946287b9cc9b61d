"""UCDP GED: the Uppsala Conflict Data Program's Georeferenced Event Dataset.

One row per event between ``side_a`` and ``side_b`` (relations run from side A
to side B) of a ``type_of_violence`` (1 state-based, 2 non-state, 3 one-sided),
from ``date_start`` to ``date_end`` with a ``date_prec`` (1-3: known to the day
or week, 4: to the month, 5: to the year), ``best`` (the best estimate of
deaths), ``number_of_sources``, ``source_headline`` and ``source_article``.
Mappings: ``mappings/ucdp_ged_types.csv`` and ``mappings/ucdp_side_names.csv``.

Actors are keyed by their UCDP actor ids, ``side_a_new_id`` and ``side_b_new_id``
(one per name of the side, comma-separated for a coalition), when the file has
them: the same id is always the same actor, ``ucdp_130``, whatever its spelling,
so an ESD import joins it (``--add``); in a row without ids a name stands for
the actor it names with an id in other rows (if one), else for itself, as the
import's summary says. The civilians of one-sided violence are the
civilians of the event's country (``Civilians (Syria)``), not UCDP's one id for
all civilians. ``--actor-list`` (the UCDP Actor Dataset: ``ActorId``,
``NameData``) names actors by id.

Licence and citation: free to use with citation of the release's codebook and
of Sundberg, Ralph and Erik Melander (2013). Introducing the UCDP Georeferenced
Event Dataset. *Journal of Peace Research* 50(4): 523-532.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import pandas as pd

from graph.core.errors import DataError, FileFormatError

from .sources import Source, code_names, mapping, positions

COLUMNS = {
    "id": True,
    "type_of_violence": True,
    "side_a": True,
    "side_b": True,
    "side_a_new_id": False,
    "side_b_new_id": False,
    "date_start": True,
    "date_end": True,
    "date_prec": False,
    "best": False,
    "number_of_sources": False,
    "source_headline": False,
    "source_article": False,
    "country": False,
}


#: What is wrong with a UCDP id cell, for GED and ESD.
IDS = "not UCDP actor ids, one per actor the side names (comma-separated)"


def _tables(types: pd.DataFrame) -> dict[str, pd.DataFrame]:
    kinds = mapping(
        "ucdp_ged_types.csv",
        {
            "type_of_violence": True,
            "label": True,
            "type": True,
            "side_a_kind": True,
            "side_a_camp": True,
            "side_b_kind": True,
            "side_b_camp": True,
        },
        types,
    )
    names = mapping("ucdp_side_names.csv", {"prefix": True, "kind": True, "camp": True}, types)
    return {"ucdp_types": kinds, "ucdp_names": names, "positions": positions()}


def read_ucdp_actors(path: str) -> dict[str, str]:
    """The UCDP Actor Dataset (``ucdp-actor-261.csv``: ``ActorId``, ``NameData``) as
    UCDP actor id -> the name it gives, to name the actors of GED and ESD imports.

    UCDP writes the file in Windows-1252: a file that is not UTF-8 is read as that.

    Raises
    ------
    DataError
        Naming the file, line and column of a missing column or a bad id.
    """
    what = "not a UCDP actor id"
    try:
        return code_names(path, "ActorId", "NameData", what)
    except FileFormatError as error:
        if not any("not UTF-8" in problem.message for problem in error.problems):
            raise
    # The same lines as UTF-8 in a file of the same name, its problems named by the original.
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / Path(path).name
        copy.write_text(Path(path).read_bytes().decode("cp1252", errors="replace"), "utf-8")
        try:
            return code_names(str(copy), "ActorId", "NameData", what)
        except DataError as error:
            problems = [replace(p, path=str(path)) for p in error.problems]
            raise type(error)(problems) from None


SOURCE = Source(
    name="ucdp_ged",
    title="UCDP GED",
    columns=COLUMNS,
    tables=_tables,
    measure="fatalities",
    messages={
        "date_start": "not a date: use YYYY-MM-DD",
        "date_end": "not a date on or after date_start: use YYYY-MM-DD",
        "date_prec": "unknown date precision: use 1 to 5",
        "best": "not a count: give a whole number, 0 or more (empty or NaN: unknown)",
        "number_of_sources": "not a whole number",
        "side_a_new_id": IDS,
        "side_b_new_id": IDS,
    },
    actor_code="UCDP",
    shared="ucdp_ids",
)
