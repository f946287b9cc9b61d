"""COW Militarized Interstate Disputes, dyadic (``dyadic_mid_4.02.csv``).

One row per pair of states in a dispute and year: ``disno`` (the dispute),
``statea`` and ``stateb`` (COW country codes), the dyadic dispute's
``strtyr``/``strtmnth``/``strtday`` and ``endyear``/``endmnth``/``endday``
(-9 unknown: the date is written to the month or year) and ``hihost``, the
pair's highest hostility level. Each pair becomes one relation per dispute, from
the lower code to the higher, of the type its hostility level maps to
(``mappings/mid_hostility.csv``): 2 threat to use force and 3 display of force
``opposes``, 4 use of force and 5 war ``fights``, 1 no militarized action no
relation. The file's errors (a month 13, a 30 February, a hostility level 7)
are refused at their line and column, with the dates read as ``cow-wars``
reads them.

Actors are states named by the COW state list given with ``--states``
(``states2016.csv``: ``ccode``, ``statenme``), ``COW state 255`` otherwise,
as in ``cow-wars`` and ``atop``: imports of the same states join by code
(``--add``).

Licence and citation: the COW data are free to use with citation: Maoz, Zeev,
Paul L. Johnson, Jasper Kaplan, Fiona Ogunkoya and Aaron P. Shreve (2019). The
Dyadic Militarized Interstate Disputes (MIDs) Dataset Version 3.0: Logic,
Characteristics, and Comparison to Alternative Datasets. *Journal of Conflict
Resolution* 63(3): 811-835. Hostility levels: Jones, Daniel M., Stuart A.
Bremer and J. David Singer (1996). Militarized Interstate Disputes, 1816-1992.
*Conflict Management and Peace Science* 15(2): 163-213.
"""

from __future__ import annotations

from .cow_wars import CODE, DAY, MONTH
from .sources import Source, code_types

COLUMNS = {
    "disno": True,
    "statea": True,
    "stateb": True,
    "year": False,
    "strtyr": True,
    "strtmnth": True,
    "strtday": True,
    "endyear": True,
    "endmnth": True,
    "endday": True,
    "hihost": True,
}


SOURCE = Source(
    name="mid",
    title="COW dyadic MIDs",
    columns=COLUMNS,
    tables=code_types("mid_hostility", "hihost"),
    measure="",
    messages={
        "statea": CODE,
        "stateb": CODE,
        "strtyr": "not a year",
        "strtmnth": MONTH,
        "strtday": DAY,
        "endyear": "not a year",
        "endmnth": MONTH,
        "endday": DAY,
        "hihost": "not a hostility level: 1 to 5",
    },
    default_kind="state",
    default_camp="states",
    shared="cow_dyads",
)
