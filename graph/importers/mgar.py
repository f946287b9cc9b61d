"""MGAR: Militant Group Alliances and Rivalries, dyad-year data.

One row per pair of groups and year in which MGAR records a relationship
between them: ``group1`` and ``group2`` (the two groups' names), ``year`` and
``relationship``, one of MGAR's categories, which "range from allies (the
strongest form of cooperation) to associates, supporters, fans (verbal but
not material support), hosts (primarily states), rivals, and competitors (the
strongest form of conflict)". Each category is a relation of its type
(``mappings/mgar_relationships.csv``, singular or plural, any case): ally
``militant_ally``, associate ``militant_associate`` (support, symmetric),
supporter ``backs``, fan ``political_support``, host ``territory`` (support,
from ``group1`` to ``group2``), rival ``militant_rival`` and competitor
``militant_competitor`` (opposition, symmetric); consecutive years join into
one relation written to the year. A category the mapping does not list is
refused at its line and column, never guessed.

The column names above are this importer's, not confirmed from MGAR's
codebook (not found in any public source we could read): when the file's
headers differ, name them with ``--column``, e.g. ``--column group1="Group A"
--column relationship=reltype``; for relationship codes (numbers) instead of
words, list them in ``mappings/mgar_relationships.csv``. Check the direction
of supporter and host rows against the codebook: the relation runs from the
first group column to the second.

Actors are kind ``armed group`` (camp ``militant groups``); hosts, "primarily
states" in MGAR's words, keep that kind too: edit them in ``actors.csv``.

Licence and citation: the project's pages state no licence; they ask users of
the data to cite Blair, Christopher W.,
Erica Chenoweth, Michael C. Horowitz, Evan Perkoski and Philip B. K. Potter
(2022). Honor Among Thieves: Understanding Rhetorical and Material Cooperation
Among Violent Nonstate Actors. *International Organization* 76(1): 164-203.
"""

from __future__ import annotations

import pandas as pd

from .sources import Source, mapping

COLUMNS = {"group1": True, "group2": True, "year": True, "relationship": True}


def _tables(types: pd.DataFrame) -> dict[str, pd.DataFrame]:
    categories = mapping(
        "mgar_relationships.csv", {"relationship": True, "type": True, "label": False}, types
    )
    # Matched case-folded: "Ally", "ALLIES" and "ally" are one category.
    keys = categories["relationship"].str.strip().str.lower()
    return {"mgar_relationships": pd.DataFrame({"relationship": keys, "type": categories["type"]})}


SOURCE = Source(
    name="mgar",
    title="MGAR",
    columns=COLUMNS,
    tables=_tables,
    measure="",
    messages={
        "group1": "no group named",
        "group2": "no group named",
        "year": "not a year",
        "relationship": "not a category of mappings/mgar_relationships.csv",
    },
    default_kind="armed group",
    default_camp="militant groups",
)
