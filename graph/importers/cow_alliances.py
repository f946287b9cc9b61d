"""Correlates of War Formal Alliances (v4.1), dyadic or directed-dyadic.

The four files of the release read alike: by dyad
(``alliance_v4.1_by_dyad.csv``, ``alliance_v4.1_by_directed.csv``: one row
per pair in an alliance, dated by ``dyad_st_day``/``dyad_st_month``/
``dyad_st_year`` and ``dyad_end_day``/``dyad_end_month``/``dyad_end_year``)
or by year (``..._by_dyad_yearly.csv``, ``..._by_directed_yearly.csv``: one
row per pair and ``year``). ``ccode1`` and ``ccode2`` are COW country codes,
``version4id`` the alliance; each obligation, 0 or 1, is a support relation of
its type (``mappings/cow_alliance_types.csv``): ``defense`` a
``defence_pact``, ``neutrality`` a ``neutrality_pact``, ``nonaggression`` a
``non_aggression_pact`` and ``entente`` (to consult in a crisis) a
``consultation_pact``, one per pair and alliance from the lower code to the
higher (the pacts are symmetric; the directed files list both ways). An
alliance still in force when the data end (``right_censor`` 1, or no end
year) has an open end; consecutive years of the yearly files join into one
relation written to the year. The dates are read and their errors (a month
13, a 30 February) refused at their line and column as ``cow-wars`` does,
-9 an unknown month or day.

Actors are states named by the COW state list given with ``--states``
(``states2016.csv``: ``ccode``, ``statenme``), ``COW state 255`` otherwise:
the same code is the same actor in ``cow-wars``, ``mid`` and ``atop``
imports (``--add``).

Licence and citation: the COW data are free to use with citation: Gibler,
Douglas M. (2009). *International Military Alliances, 1648-2008*. CQ Press.
"""

from __future__ import annotations

from .cow_wars import CODE, DAY, MONTH
from .sources import Source, code_types

#: The 0/1 obligation columns, each a kind of pact.
OBLIGATIONS = ("defense", "neutrality", "nonaggression", "entente")

COLUMNS = {
    "version4id": False,
    "ccode1": True,
    "ccode2": True,
    "year": False,
    "dyad_st_day": False,
    "dyad_st_month": False,
    "dyad_st_year": False,
    "dyad_end_day": False,
    "dyad_end_month": False,
    "dyad_end_year": False,
    "right_censor": False,
    **dict.fromkeys(OBLIGATIONS, True),
}


SOURCE = Source(
    name="cow_alliances",
    title="COW formal alliances",
    columns=COLUMNS,
    tables=code_types("cow_alliance_types", "obligation"),
    measure="",
    messages={
        "ccode1": CODE,
        "ccode2": CODE,
        "year": "not a year",
        "dyad_st_year": "not a year",
        "dyad_st_month": MONTH,
        "dyad_st_day": DAY,
        "dyad_end_year": "not a year, or empty for an alliance in force",
        "dyad_end_month": MONTH,
        "dyad_end_day": DAY,
        **dict.fromkeys(OBLIGATIONS, "not 0 or 1"),
    },
    default_kind="state",
    default_camp="states",
    shared="cow_dyads",
)
