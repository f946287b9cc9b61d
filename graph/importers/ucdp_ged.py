"""UCDP GED: the Uppsala Conflict Data Program's Georeferenced Event Dataset.

One row per event between ``side_a`` and ``side_b`` (relations run from side A
to side B) of a ``type_of_violence`` (1 state-based, 2 non-state, 3 one-sided),
from ``date_start`` to ``date_end`` with a ``date_prec`` (1-3: known to the day
or week, 4: to the month, 5: to the year), ``best`` (the best estimate of
deaths), ``number_of_sources``, ``source_headline`` and ``source_article``.
Mappings: ``mappings/ucdp_ged_types.csv`` and ``mappings/ucdp_side_names.csv``.

Licence and citation: free to use with citation of the release's codebook and
of Sundberg, Ralph and Erik Melander (2013). Introducing the UCDP Georeferenced
Event Dataset. *Journal of Peace Research* 50(4): 523-532.
"""

from __future__ import annotations

import pandas as pd

from .sources import Source, mapping, positions

COLUMNS = {
    "id": True,
    "type_of_violence": True,
    "side_a": True,
    "side_b": True,
    "date_start": True,
    "date_end": True,
    "date_prec": False,
    "best": False,
    "number_of_sources": False,
    "source_headline": False,
    "source_article": False,
    "country": False,
}


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
    },
)
