"""GDELT events: the 2.0 ``*.export.CSV`` files (tab-separated, 61 columns, no
header) and the 1.0 daily files (``20130401.export.CSV``, 58 columns; the historical
backfile's 57, without ``SOURCEURL``), told apart by their number of columns.

Relations run from Actor1 to Actor2 (actors named by ``Actor1Name``/``Actor2Name``;
events missing either are skipped). The CAMEO ``EventCode`` picks the type
through the vocabulary's ``cameo`` column and ``mappings/gdelt_cameo.csv``, then
its ``EventBaseCode``, then ``QuadClass`` (``mappings/gdelt_quadclass.csv``: 1-2
cooperation, +1; 3-4 conflict, -1). ``weight`` adds up ``|GoldsteinScale|``.

Actors are named by their CAMEO codes where a name may be a place: GDELT names
"a geographic match" by "the country or capital/major city name (UNITED STATES
/ PARIS)". An actor coded with a country code alone (``Actor1Code`` =
``Actor1CountryCode``: ``FRA``) is that country, named by
``mappings/cameo_countries.csv`` (CAMEO's country codes, regions such as
``WST`` The West included): ``PARIS`` and ``FRANCE`` are both ``France``. A
country's role (``FRAGOV``: the country code and ``Actor1Type1Code``, typed
by ``mappings/gdelt_actor_types.csv``) named by its country or by a city it is
geocoded at is that role, ``France (Government)``. Any other actor named as
the city it is geocoded at (``Actor1Geo_Type`` 3 or 4) is ``NAME (FRA)``, kind
``other``: a city is never made a state. A role every country has
(``mappings/gdelt_generic_names.csv``: POLICE, PRESIDENT...) is one actor per
country, ``POLICE (RUS)``.

Licence and citation: GDELT's data are free for any use, with citation of the
GDELT Project (https://www.gdeltproject.org/about.html#termsofuse).
"""

from __future__ import annotations

import csv
from dataclasses import replace

import pandas as pd

from graph.core.errors import FileFormatError, Problem

from .sourcefiles import InputFile, first_lines
from .sources import Source, mapping

_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)

#: The 61 columns of a GDELT 2.0 event file, in order (GDELT Event Codebook V2.0).
NAMES = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
)
assert len(NAMES) == 61
#: The 58 columns of a GDELT 1.0 daily event file (GDELT Data Format Codebook V1.03): the
#: same fields without each geography's ADM2Code; the historical backfile (to March 2013)
#: has the first 57, without SOURCEURL.
NAMES_V1 = tuple(name for name in NAMES if not name.endswith("Geo_ADM2Code"))
assert len(NAMES_V1) == 58


def cameo_types(types: pd.DataFrame) -> pd.DataFrame:
    """CAMEO code -> relation type: ``mappings/gdelt_cameo.csv`` first, then the
    vocabulary's ``cameo`` column (the first type listed for a code wins).

    Examples
    --------
    >>> from graph.importers.sources import vocabulary
    >>> table = cameo_types(vocabulary()).set_index("cameo")["type"]
    >>> table["190"], table["195"], table["062"], table["193"]
    ('fights', 'air_strikes', 'troops', 'fights')
    """
    extra = mapping("gdelt_cameo.csv", {"cameo": True, "type": True, "note": False}, types)
    listed = types.loc[types["cameo"] != "", "cameo"]
    from_vocabulary = pd.DataFrame({"cameo": listed.to_numpy(), "type": listed.index})
    both = pd.concat([extra[["cameo", "type"]], from_vocabulary])
    return both.drop_duplicates("cameo", keep="first").reset_index(drop=True)


def _tables(types: pd.DataFrame) -> dict[str, pd.DataFrame]:
    quad = mapping("gdelt_quadclass.csv", {"quadclass": True, "label": True, "type": True}, types)
    actors = mapping(
        "gdelt_actor_types.csv",
        {"type_code": True, "label": True, "kind": True, "camp": True},
        types,
    )
    generic = mapping("gdelt_generic_names.csv", {"name": True, "note": False}, types)
    countries = mapping(
        "cameo_countries.csv", {"code": True, "name": True, "kind": True, "camp": True}, types
    )
    return {
        "cameo_countries": countries,
        "cameo_types": cameo_types(types),
        "quadclass_types": quad,
        "actor_types": actors,
        "gdelt_generic_names": generic[["name"]].drop_duplicates(),
    }


SOURCE = Source(
    name="gdelt",
    title="GDELT 2.0",
    columns=dict.fromkeys(NAMES, True),
    names=NAMES,
    delimiter="\t",
    quote=False,
    header=False,
    tables=_tables,
    measure="weight",
    messages={
        "SQLDATE": "not a date of the form YYYYMMDD",
        "QuadClass": "unknown QuadClass: use 1 to 4",
        "GoldsteinScale": "not a Goldstein score from -10 to 10",
        "NumSources": "not a whole number",
    },
)

#: GDELT 1.0 daily files, and the historical backfile (no SOURCEURL: no link).
SOURCE_V1 = replace(
    SOURCE, title="GDELT 1.0", names=NAMES_V1, columns=dict.fromkeys(NAMES_V1, True)
)
SOURCE_V1_HISTORICAL = replace(
    SOURCE_V1,
    names=NAMES_V1[:-1],
    columns={**dict.fromkeys(NAMES_V1[:-1], True), "SOURCEURL": False},
)


def source_of(file: InputFile) -> Source:
    """The GDELT source for this file, by the number of fields of its first line: 61 GDELT
    2.0, 58 GDELT 1.0 daily, 57 the GDELT 1.0 historical backfile (anything else is
    read as 2.0 and refused at its line).

    Raises
    ------
    FileFormatError
        A local file that cannot be read as text.
    """
    if not file.local or file.format == "parquet":
        return SOURCE
    try:
        line = next((text for text in first_lines(file.path, 5) if text.strip()), "")
    except (UnicodeDecodeError, OSError, EOFError) as error:
        raise FileFormatError([Problem(file.path, 1, None, "", f"cannot read: {error}")]) from None
    width = len(next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE), []))
    return {58: SOURCE_V1, 57: SOURCE_V1_HISTORICAL}.get(width, SOURCE)
