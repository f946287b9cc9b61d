"""UCDP External Support Dataset (ESD), supporter-actor dyad-year level.

One row per external supporter, warring party it supports and year
(``UCDP_ExternalSupport_SupporterActorDyadYear``, v18.1): ``ext_name`` (the
supporter) and ``ext_nonstate``, ``actor_name`` (the warring party supported)
and ``actor_nonstate`` (0 a state's government, 1 a non-state actor),
``year``, and the forms of support given, each 0 or 1: ``ext_x`` (troops as a
secondary warring party), ``ext_w`` (weapons), ``ext_m`` (materiel and
logistics), ``ext_t`` (training and expertise), ``ext_f`` (funding), ``ext_i``
(intelligence), ``ext_l`` (access to territory), ``ext_o`` (other) and
``ext_u`` (unknown). Each form given is a support relation from the supporter
to the party of its type (``mappings/ucdp_esd_types.csv``: ``troops``,
``weapons``, ``materiel``, ``training``, ``funding``, ``intelligence``,
``territory``; other and unknown ``backs``); consecutive years join into one
relation. Support the file marks as only alleged (``ext_alleged`` 1, when the
column is there) is no relation. ``ext_p`` and ``ext_y`` are not read.

Licence and citation: free to use with citation: Meier, Vanessa, Niklas
Karlén, Therése Pettersson and Mihai Croicu (2023). External support in armed
conflicts: Introducing the UCDP external support dataset (ESD), 1975-2017.
*Journal of Peace Research* 60(3): 545-554.
"""

from __future__ import annotations

import pandas as pd

from .sources import Source, mapping

#: The 0/1 support columns read, each one form of support.
SUPPORT = ("ext_x", "ext_w", "ext_m", "ext_t", "ext_f", "ext_i", "ext_l", "ext_o", "ext_u")

COLUMNS = {
    "actor_name": True,
    "actor_nonstate": True,
    "ext_name": True,
    "ext_nonstate": True,
    "year": True,
    **dict.fromkeys(SUPPORT, True),
    "ext_alleged": False,
}


def _tables(types: pd.DataFrame) -> dict[str, pd.DataFrame]:
    forms = mapping("ucdp_esd_types.csv", {"support": True, "type": True, "label": False}, types)
    return {"ucdp_esd_types": forms[["support", "type"]]}


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
        **dict.fromkeys((*SUPPORT, "ext_alleged"), "not 0 or 1"),
    },
)
