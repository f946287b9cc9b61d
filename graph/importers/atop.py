"""ATOP: the Alliance Treaty Obligations and Provisions project's dyad-year data.

One row per pair of allied states and year (``atop5_1dy.csv``): ``stateA``,
``stateB`` (COW country codes), ``year`` and the obligations the pair shares,
each 0 or 1: ``defense``, ``offense``, ``neutral``, ``nonagg``, ``consul``.
Each obligation is a support relation of its type
(``mappings/atop_obligations.csv``: ``defence_pact``, ``offence_pact``,
``neutrality_pact``, ``non_aggression_pact``, ``consultation_pact``);
consecutive years join into one relation from its first year to its last.

Actors are states named by the COW state list given with ``--states``, ``COW
state 255`` otherwise, as in :mod:`graph.importers.cow_wars`: the two imports
of the same states reconcile by code (``--add``).

Licence and citation: free to use with citation: Leeds, Brett Ashley, Jeffrey
M. Ritter, Sara McLaughlin Mitchell and Andrew G. Long (2002). Alliance Treaty
Obligations and Provisions, 1815-1944. *International Interactions* 28: 237-260.
"""

from __future__ import annotations

from .sources import Source, code_types

COLUMNS = {
    "stateA": True,
    "stateB": True,
    "year": True,
    "defense": True,
    "offense": True,
    "neutral": True,
    "nonagg": True,
    "consul": True,
}


SOURCE = Source(
    name="atop",
    title="ATOP",
    columns=COLUMNS,
    tables=code_types("atop_obligations", "obligation"),
    measure="",
    messages={
        "stateA": "not a COW country code",
        "stateB": "not a COW country code",
        "year": "not a year",
        **dict.fromkeys(("defense", "offense", "neutral", "nonagg", "consul"), "not 0 or 1"),
    },
    default_kind="state",
    default_camp="states",
)
