"""ACLED: the Armed Conflict Location & Event Data Project's event exports.

One row per event: ``actor1`` and ``actor2`` (ACLED's order implies no
direction; relations run from ``actor1`` to ``actor2``), their types (``inter1``,
``inter2``: codes 1-8 or their names), the actors listed with each
(``assoc_actor_1``/``_2``, separated by ``;``), ``event_type`` and
``sub_event_type``, ``event_date`` (``2020-05-09``, ``9 May 2020`` or
``9-May-20``) with its ``time_precision`` (1 day, 2 week, 3 month), ``source``
(;-separated), ``notes`` and ``fatalities``. Mappings:
``mappings/acled_event_types.csv`` and ``mappings/acled_inter.csv``.

Licence and citation: ACLED's Terms of Use and Attribution Policy
(acleddata.com): any use of the data, direct or transformed, is acknowledged
with a full citation and a link to ACLED's site; the raw data are not to be
passed on to others. Cite Raleigh, Clionadh, Andrew
Linke, Håvard Hegre and Joakim Karlsen (2010). Introducing ACLED: An Armed
Conflict Location and Event Dataset. *Journal of Peace Research* 47(5):
651-660.
"""

from __future__ import annotations

import pandas as pd

from .sources import Source, mapping, positions

COLUMNS = {
    "event_id_cnty": True,
    "event_date": True,
    "time_precision": False,
    "event_type": True,
    "sub_event_type": False,
    "actor1": True,
    "assoc_actor_1": False,
    "inter1": False,
    "actor2": True,
    "assoc_actor_2": False,
    "inter2": False,
    "country": False,
    "source": False,
    "notes": False,
    "fatalities": False,
}


def _tables(types: pd.DataFrame) -> dict[str, pd.DataFrame]:
    events = mapping(
        "acled_event_types.csv",
        {"event_type": True, "sub_event_type": True, "type": True, "assoc_type": True},
        types,
    )
    for column in ("event_type", "sub_event_type"):
        events[column] = events[column].str.lower()
    inter = mapping(
        "acled_inter.csv",
        {"inter": True, "label": True, "kind": True, "camp": True, "fights": True},
        types,
    )
    inter["fights"] = (inter["fights"] == "yes").astype(int)
    keyed = inter[inter["inter"] != ""]
    keys = pd.concat(
        [
            keyed.assign(key=keyed["inter"]),
            keyed.assign(key=keyed["label"].str.lower()),
        ]
    )[["key", "kind", "camp", "fights"]].drop_duplicates("key")  # a code under two names
    return {"acled_types": events, "acled_inter_keys": keys, "positions": positions()}


def _default(column: str) -> str:
    from .sources import MAPPINGS

    inter = pd.read_csv(MAPPINGS / "acled_inter.csv", dtype=str, keep_default_na=False)
    return inter.loc[inter["inter"] == "", column].iloc[0]


SOURCE = Source(
    name="acled",
    title="ACLED",
    columns=COLUMNS,
    tables=_tables,
    measure="fatalities",
    messages={
        "event_date": "not a date: use 2020-05-09, 9 May 2020 or 9-May-20",
        "time_precision": "unknown time precision: use 1 (day), 2 (week) or 3 (month)",
        "fatalities": "not a count: give a whole number, 0 or more (empty or NaN: unknown)",
    },
    default_kind=_default("kind"),
    default_camp=_default("camp"),
)
