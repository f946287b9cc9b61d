"""UCDP External Support Dataset (ESD), supporter-actor dyad-year level.

One row per external supporter, warring party it supports and year
(``UCDP_ExternalSupport_SupporterActorDyadYear``, v18.1): ``ext_name`` (the
supporter) and ``ext_nonstate``, ``actor_name`` (the warring party supported)
and ``actor_nonstate`` (0 a state's government, 1 a non-state actor),
``year``, and the forms of support given, each 0 or 1: ``ext_x`` (troops as a
secondary warring party), ``ext_w`` (weapons), ``ext_m`` (materiel and
logistics), ``ext_t`` (training and expertise), ``ext_f`` (funding), ``ext_i``
(intelligence), ``ext_l`` (access to territory), ``ext_o`` (other) and
``ext_u`` (unknown), and, when present, ``ext_p`` and ``ext_y``, two more forms
whose names we could not confirm from the codebook. Each form given is a
support relation from the supporter to the party of its type
(``mappings/ucdp_esd_types.csv``: ``troops``, ``weapons``, ``materiel``,
``training``, ``funding``, ``intelligence``, ``territory``; other, unknown,
``ext_p`` and ``ext_y`` ``backs``: support, no narrower type); consecutive
years join into one relation. Support the file marks as only alleged
(``ext_alleged`` 1, when the column is there) is no relation. A cell naming
several parties as UCDP writes a coalition (``Government of A, Government of
B``), in ``actor_name`` or ``ext_name``, gives each party the relation.

Parties are keyed by their UCDP actor ids, ``ext_id`` and ``actor_id`` (one per
name of the cell, comma-separated for a coalition), the ids GED gives its sides:
``import ucdp-ged ... -o X`` then ``import ucdp-esd ... -o X --add`` joins the
two files' actors by id, however each spells them. In rows without ids a name
stands for the actor it names with an id in other rows (if one), else for
itself, as the import's summary says. ``--actor-list`` (the UCDP Actor
Dataset: ``ActorId``, ``NameData``) names actors by id.

Licence and citation: free to use with citation: Meier, Vanessa, Niklas
Karlén, Therése Pettersson and Mihai Croicu (2023). External support in armed
conflicts: Introducing the UCDP external support dataset (ESD), 1975-2017.
*Journal of Peace Research* 60(3): 545-554. doi:10.1177/00223433221079864.
"""

from __future__ import annotations

import pandas as pd

from .sources import Source, mapping, positions
from .ucdp_ged import IDS

#: The 0/1 support columns read, each one form of support (ext_p and ext_y when present).
SUPPORT = ("ext_x", "ext_w", "ext_m", "ext_t", "ext_f", "ext_i", "ext_l", "ext_o", "ext_u")
OPTIONAL = ("ext_p", "ext_y")

COLUMNS = {
    "actor_name": True,
    "actor_nonstate": True,
    "ext_name": True,
    "ext_nonstate": True,
    "year": True,
    **dict.fromkeys(SUPPORT, True),
    **dict.fromkeys(OPTIONAL, False),
    "ext_alleged": False,
    "ext_id": False,
    "actor_id": False,
}


def _tables(types: pd.DataFrame) -> dict[str, pd.DataFrame]:
    forms = mapping("ucdp_esd_types.csv", {"support": True, "type": True, "label": False}, types)
    return {"ucdp_esd_types": forms[["support", "type"]], "positions": positions()}


SOURCE = Source(
    name="ucdp_esd",
    title="UCDP ESD",
    columns=COLUMNS,
    tables=_tables,
    measure="",
    messages={
        "actor_name": "no warring party named",
        "ext_name": "no supporter named",
        "actor_nonstate": "not 0 or 1",
        "ext_nonstate": "not 0 or 1",
        "year": "not a year",
        **dict.fromkeys((*SUPPORT, *OPTIONAL, "ext_alleged"), "not 0 or 1"),
        "ext_id": IDS,
        "actor_id": IDS,
    },
    actor_code="UCDP",
    shared="ucdp_ids",
)
