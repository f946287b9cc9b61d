"""Small event files in each source's exact column layout, with made-up actors.

The tests write them at run time: no ACLED, UCDP or GDELT data is shipped.
"""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

from graph.importers.gdelt import NAMES as GDELT_COLUMNS

#: The columns of an ACLED export since March 2023, in order.
ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]

#: The columns of a UCDP GED release (version 23.1 and later), in order.
UCDP_COLUMNS = [
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "gwnoa",
    "gwnob",
]

ARMY = "Military Forces of Ruritania (2010-)"
FRONT = "Blue Front"


def acled_row(event_id: str, date: str, actor1: str = ARMY, actor2: str = FRONT, **cells) -> dict:
    """One ACLED event: a battle between ``actor1`` and ``actor2`` unless told otherwise."""
    row = dict.fromkeys(ACLED_COLUMNS, "")
    row.update(
        event_id_cnty=event_id,
        event_date=date,
        year=date[-4:] if not date[:4].isdigit() else date[:4],
        time_precision="1",
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=actor1,
        inter1="1",
        actor2=actor2,
        inter2="2",
        country="Ruritania",
        location="Zenda",
        source="Radio Zenda",
        notes=f"Event {event_id}: clashes near Zenda.",
        fatalities="1",
    )
    row.update({key: str(value) for key, value in cells.items()})
    return row


def write_rows(path: Path, columns, rows, *, delimiter: str = ",", header: bool = True) -> Path:
    """Write rows (dicts, or lists for files without a header) as CSV or TSV, gzipped if .gz."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
        if header:
            writer.writerow(columns)
        for row in rows:
            writer.writerow([row.get(c, "") for c in columns] if isinstance(row, dict) else row)
    return path


def ucdp_row(event_id: str, side_a: str, side_b: str, start: str, end: str, **cells) -> dict:
    row = dict.fromkeys(UCDP_COLUMNS, "")
    row.update(
        id=event_id,
        type_of_violence="1",
        side_a=side_a,
        side_b=side_b,
        dyad_name=f"{side_a} - {side_b}",
        number_of_sources="2",
        source_article=f"Zenda Times {start}",
        source_headline=f"Fighting between {side_a} and {side_b}",
        country="Ruritania",
        date_prec="1",
        date_start=f"{start} 00:00:00.000",
        date_end=f"{end} 00:00:00.000",
        best="4",
    )
    row.update({key: str(value) for key, value in cells.items()})
    return row


def gdelt_row(event_id: str, date: str, actor1: str, actor2: str, code: str, **cells) -> list:
    """One GDELT 2.0 event as its 61 tab-separated fields."""
    row = dict.fromkeys(GDELT_COLUMNS, "")
    row.update(
        GLOBALEVENTID=event_id,
        SQLDATE=date,
        MonthYear=date[:6],
        Year=date[:4],
        Actor1Code="RURGOV",
        Actor1Name=actor1,
        Actor1CountryCode="RUR",
        Actor1Type1Code="GOV",
        Actor2Code="RURREB",
        Actor2Name=actor2,
        Actor2CountryCode="RUR",
        Actor2Type1Code="REB",
        IsRootEvent="1",
        EventCode=code,
        EventBaseCode=code[:3],
        EventRootCode=code[:2],
        QuadClass=cells.pop("quad", "4"),
        GoldsteinScale="-10.0",
        NumMentions="4",
        NumSources="2",
        NumArticles="4",
        AvgTone="-5.2",
        ActionGeo_CountryCode="RR",
        DATEADDED=date + "120000",
        SOURCEURL=f"https://news.example/{event_id}",
    )
    row.update({key: str(value) for key, value in cells.items()})
    return [row[c] for c in GDELT_COLUMNS]
