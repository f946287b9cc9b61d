"""Correlates of War: the dyadic inter-state war data (``directed_dyadic_war.csv``).

One row per pair of states at war and year: ``warnum``, ``statea`` and
``stateb`` (COW country codes), the war's ``warstrtyr``/``warstrtmnth``/
``warstrtday`` and ``warendyr``/``warendmnth``/``warenday`` (-9 unknown: the
date is written to the month or year; ``warendyr`` -7: still going on, an open
end). Each pair becomes one ``fights`` relation from the lower code to the
higher (the directed file lists both ways) over the war's dates. The file's own
errors (a month ``24``, a year ``19118``) are refused at their line and column.

Actors are states named by the COW state list given with ``--states``
(``states2016.csv``: ``ccode``, ``statenme``), ``COW state 255`` otherwise: a
code always gives the same actor, so an ATOP import of the same states joins
it (``--add``).

Licence and citation: the COW data are free to use with citation: Sarkees,
Meredith Reid and Frank Wayman (2010). *Resort to War: 1816-2007*. CQ Press.
"""

from __future__ import annotations

import pandas as pd

from .sources import Source, code_names

COLUMNS = {
    "warnum": True,
    "statea": True,
    "stateb": True,
    "year": False,
    "warstrtyr": True,
    "warstrtmnth": True,
    "warstrtday": True,
    "warendyr": True,
    "warendmnth": True,
    "warenday": True,
}


#: What is wrong with a COW code or date value, for every COW file the shared query reads.
CODE = "not a COW country code"
MONTH = "not a month: 1 to 12, or -9 when unknown"
DAY = "not a day of that month: 1 to 31, or -9 when unknown"


def _tables(types: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {}


def read_states(path: str) -> pd.DataFrame:
    """The COW state list (``states2016.csv``: ``ccode``, ``statenme``, any case) as
    ``ccode`` -> ``name``, each code once (a state listed for several periods).

    Raises
    ------
    DataError
        Naming the file, line and column of a missing column or a bad code.
    """
    names = code_names(path, "ccode", "statenme", "not a COW code")
    return pd.DataFrame({"ccode": list(names), "name": list(names.values())}, dtype=object)


SOURCE = Source(
    name="cow_wars",
    title="COW dyadic inter-state wars",
    columns=COLUMNS,
    tables=_tables,
    measure="",
    messages={
        "statea": CODE,
        "stateb": CODE,
        "warstrtyr": "not a year",
        "warstrtmnth": MONTH,
        "warstrtday": DAY,
        "warendyr": "not a year, or -7 for a war going on",
        "warendmnth": MONTH,
        "warenday": DAY,
    },
    default_kind="state",
    default_camp="states",
    shared="cow_dyads",
)
