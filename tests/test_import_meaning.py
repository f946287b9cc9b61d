"""Every imported relation means what its source says: ACLED associated actors, actors on both
sides, riots and excessive force, external forces, duplicated events (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from import_files import ACLED_COLUMNS, acled_row, write_rows

from graph.cli import main


def imported(tmp_path: Path, rows, *files: str) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """Import ACLED rows (or the files named) on the command line: relations, actors, notes."""
    paths = files or [str(write_rows(tmp_path / "acled.csv", ACLED_COLUMNS, rows))]
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["import", "acled", *paths, "-o", str(out)])
    assert result.exit_code == 0, result.output
    read = {"dtype": str, "keep_default_na": False}
    return (
        pd.read_csv(out / "relations.csv", **read),
        pd.read_csv(out / "actors.csv", **read).set_index("id"),
        result.output,
    )


def test_victims_listed_with_civilians_are_not_allies(tmp_path: Path) -> None:
    event = acled_row(
        "BRA1",
        "2020-01-01",
        actor1="Police Forces of Brazil (2019-)",
        actor2="Civilians (Brazil)",
        inter2="7",
        assoc_actor_2="Women (Brazil); Health Workers (Brazil)",
        event_type="Violence against civilians",
        sub_event_type="Attack",
    )
    table, _, _ = imported(tmp_path, [event])
    assert table["type"].tolist() == ["attacks"]  # no "Women fight alongside Civilians"


def test_an_actor_on_both_sides_is_reported_not_an_ally(tmp_path: Path) -> None:
    event = acled_row(
        "AFG1",
        "2020-01-01",
        actor1="Taliban",
        actor2="Military Forces of Afghanistan (2004-2021)",
        inter1="2",
        inter2="1",
        assoc_actor_2="Taliban; Militia (Pro-Government)",
    )
    table, _, output = imported(tmp_path, [event])
    assert sorted(table[["source", "type"]].values.tolist()) == [
        ["militia_pro_government", "fights_alongside"],
        ["taliban", "fights"],
    ]
    assert "1 event with an actor on both sides (e.g. Taliban): no alliance made" in output


def test_riots_and_excessive_force_are_opposition_protests_none(tmp_path: Path) -> None:
    rows = [
        acled_row(
            "R1",
            "2020-01-01",
            actor1="Rioters (Ruritania)",
            inter1="5",
            actor2="Police Forces of Ruritania (2010-)",
            inter2="1",
            event_type="Riots",
            sub_event_type="Mob violence",
            assoc_actor_1="Students (Ruritania)",
        ),
        acled_row(
            "R2",
            "2020-01-02",
            actor1="Police Forces of Ruritania (2010-)",
            actor2="Protesters (Ruritania)",
            inter2="6",
            event_type="Protests",
            sub_event_type="Excessive force against protesters",
        ),
        acled_row(
            "R3",
            "2020-01-03",
            actor1="Protesters (Ruritania)",
            inter1="6",
            actor2="",
            inter2="",
            event_type="Protests",
            sub_event_type="Peaceful protest",
            assoc_actor_1="Labour Group (Ruritania)",
        ),
    ]
    table, _, _ = imported(tmp_path, rows)
    assert sorted(table[["source", "target", "type"]].values.tolist()) == [
        ["police_forces_of_ruritania_2010", "protesters_ruritania", "attacks"],
        ["rioters_ruritania", "police_forces_of_ruritania_2010", "attacks"],
    ]


def test_external_forces_are_a_foreign_state_force(tmp_path: Path) -> None:
    event = acled_row(
        "YEM1",
        "2020-01-01",
        actor1="Military Forces of Saudi Arabia (2015-)",
        inter1="8",
        actor2="Ansar Allah",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
    )
    _, actors, _ = imported(tmp_path, [event])
    saudi = actors.loc["military_forces_of_saudi_arabia_2015", ["kind", "camp"]].tolist()
    assert saudi == ["state", "external forces"]


def test_an_event_in_two_overlapping_exports_counts_once(tmp_path: Path) -> None:
    first = write_rows(
        tmp_path / "january.csv",
        ACLED_COLUMNS,
        [acled_row("RUR1", "2020-01-01"), acled_row("RUR2", "2020-01-20")],
    )
    second = write_rows(
        tmp_path / "february.csv",
        ACLED_COLUMNS,
        [acled_row("RUR2", "2020-01-20"), acled_row("RUR3", "2020-02-03")],
    )
    table, _, output = imported(tmp_path, [], str(first), str(second))
    assert table[["events", "fatalities"]].values.tolist() == [["3", "3"]]
    assert "1 duplicate event (an id in more than one file) counted once" in output


def test_ucdp_coalition_sides_and_the_civilians_of_each_country(tmp_path: Path) -> None:
    from import_files import UCDP_COLUMNS, ucdp_row

    rows = [
        ucdp_row(
            "1",
            "Government of Ruritania, Government of Borduria",
            "Blue Front",
            "2019-03-01",
            "2019-03-02",
        ),
        ucdp_row("2", "Blue Front", "Civilians", "2019-04-01", "2019-04-01", type_of_violence=3),
        ucdp_row(
            "3",
            "Green Army",
            "Civilians",
            "2019-04-01",
            "2019-04-01",
            type_of_violence=3,
            country="Syldavia",
        ),
    ]
    source = write_rows(tmp_path / "ged.csv", UCDP_COLUMNS, rows)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["import", "ucdp-ged", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out / "relations.csv", dtype=str, keep_default_na=False)
    assert sorted(table[["source", "target", "type"]].values.tolist()) == [
        ["blue_front", "civilians_ruritania", "attacks"],
        ["government_of_borduria", "blue_front", "fights"],
        ["government_of_borduria", "government_of_ruritania_government_of_borduria", "member_of"],
        ["government_of_ruritania", "blue_front", "fights"],
        ["government_of_ruritania", "government_of_ruritania_government_of_borduria", "member_of"],
        ["green_army", "civilians_syldavia", "attacks"],
    ]
    actors = pd.read_csv(out / "actors.csv", dtype=str, keep_default_na=False).set_index("id")
    assert actors.loc["government_of_ruritania_government_of_borduria", "kind"] == "coalition"
    assert CliRunner().invoke(main, ["validate", str(out)]).exit_code == 0


def gdelt_imported(tmp_path: Path, rows: list[list]) -> Path:
    """The folder ``import gdelt`` writes from these rows (a day's tab-separated file)."""
    source = tmp_path / "day.export.CSV"
    source.write_text("".join("\t".join(row) + "\n" for row in rows))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["import", "gdelt", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_gdelt_generic_roles_are_one_actor_per_country(tmp_path: Path) -> None:
    from import_files import gdelt_row

    rows = [
        gdelt_row(
            "1",
            "20240105",
            "POLICE",
            "PROTESTER",
            "190",
            Actor1CountryCode="RUS",
            Actor2CountryCode="RUS",
        ),
        gdelt_row(
            "2", "20240105", "POLICE", "REBEL", "190", Actor1CountryCode="UKR", Actor2CountryCode=""
        ),
    ]
    out = gdelt_imported(tmp_path, rows)
    actors = pd.read_csv(out / "actors.csv", dtype=str, keep_default_na=False)
    assert sorted(actors["name"]) == ["POLICE (RUS)", "POLICE (UKR)", "PROTESTER (RUS)", "REBEL"]


def test_event_types_choose_the_events(tmp_path: Path) -> None:
    rows = [
        acled_row("R1", "2020-01-01"),
        acled_row(
            "R2",
            "2020-01-02",
            actor1="Rioters (Ruritania)",
            inter1="5",
            event_type="Riots",
            sub_event_type="Mob violence",
        ),
    ]
    source = write_rows(tmp_path / "acled.csv", ACLED_COLUMNS, rows)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["import", "acled", str(source), "-o", str(out), "--event-types", "MOB VIOLENCE"]
    )
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out / "relations.csv", dtype=str, keep_default_na=False)
    assert table[["source", "type"]].values.tolist() == [["rioters_ruritania", "attacks"]]
    result = CliRunner().invoke(
        main, ["import", "acled", str(source), "-o", str(out), "--event-types", "Protests"]
    )
    assert result.exit_code == 1
    assert f"{source}:1: --event-types 'Protests' matches no event" in result.output


def test_gdelt_cities_are_not_states(tmp_path: Path) -> None:
    from import_files import gdelt_row

    def actor(n: int, code: str, name: str, country: str, type1: str = "", city: str = ""):
        """The Actor<n> fields of a GDELT row: codes, name and (for a city) its geocoding."""
        cells = {
            f"Actor{n}Code": code,
            f"Actor{n}Name": name,
            f"Actor{n}CountryCode": country,
            f"Actor{n}Type1Code": type1,
        }
        if city:  # GDELT geocodes an actor named as a city at that city (Geo_Type 4)
            cells |= {f"Actor{n}Geo_Type": "4", f"Actor{n}Geo_FullName": city}
        return cells

    rows = [
        # "Paris" and "France", both coded FRA: one actor, France, a state.
        gdelt_row(
            "1",
            "20240105",
            "",
            "",
            "190",
            **actor(1, "FRA", "PARIS", "FRA", city="Paris, Paris, France"),
            **actor(2, "RUS", "MOSCOW", "RUS", city="Moscow, Moskva, Russia"),
        ),
        gdelt_row(
            "2",
            "20240106",
            "",
            "",
            "190",
            **actor(1, "FRA", "FRANCE", "FRA"),
            **actor(2, "RUS", "RUSSIA", "RUS"),
        ),
        # Moscow for the Russian government: the role, named by the country.
        gdelt_row(
            "3",
            "20240107",
            "",
            "",
            "190",
            **actor(1, "RUSGOV", "MOSCOW", "RUS", "GOV", city="Moscow, Moskva, Russia"),
            **actor(2, "UKRGOV", "UKRAINE", "UKR", "GOV"),
        ),
        # A city whose codes name no country of the table: never a state.
        gdelt_row(
            "4",
            "20240108",
            "",
            "",
            "190",
            **actor(1, "XYZ", "ZENDA", "XYZ", city="Zenda, Zenda, Ruritania"),
            **actor(2, "FRA", "PARIS", "FRA", city="Paris, Paris, France"),
        ),
        # A person coded as a country's government keeps their name.
        gdelt_row(
            "5",
            "20240109",
            "",
            "",
            "190",
            **actor(1, "USAGOV", "JOE BIDEN", "USA", "GOV"),
            **actor(2, "RUS", "RUSSIA", "RUS"),
        ),
    ]
    out = gdelt_imported(tmp_path, rows)
    actors = pd.read_csv(out / "actors.csv", dtype=str, keep_default_na=False)
    assert sorted(zip(actors["name"], actors["kind"], strict=True)) == [
        ("France", "state"),
        ("JOE BIDEN", "state"),
        ("Russia", "state"),
        ("Russia (Government)", "state"),
        ("Ukraine (Government)", "state"),
        ("ZENDA (XYZ)", "other"),
    ]
    relations = pd.read_csv(out / "relations.csv", dtype=str, keep_default_na=False)
    pairs = relations[["source", "target", "events"]].values.tolist()
    assert ["france", "russia", "2"] in pairs  # Paris-Moscow and France-Russia: one pair
    assert CliRunner().invoke(main, ["validate", str(out)]).exit_code == 0


@pytest.mark.parametrize("width", [58, 57])
def test_gdelt_1_daily_and_historical_files(width: int, tmp_path: Path) -> None:
    from import_files import gdelt_row

    from graph.importers.gdelt import NAMES, NAMES_V1

    def v1(row: list) -> list:  # GDELT 1.0: no ADM2Code; the backfile has no SOURCEURL either
        return [v for name, v in zip(NAMES, row, strict=True) if name in NAMES_V1][:width]

    rows = [
        v1(gdelt_row("1", "20130401", "RURITANIA", "BLUE FRONT", "190")),
        v1(gdelt_row("2", "20130402", "RURITANIA", "BLUE FRONT", "190", GoldsteinScale="-9.0")),
    ]
    source = tmp_path / "20130401.export.CSV"
    source.write_text("".join("\t".join(row) + "\n" for row in rows))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["import", "gdelt", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    relations = pd.read_csv(out / "relations.csv", dtype=str, keep_default_na=False)
    assert relations[["source", "target", "type", "weight", "events"]].values.tolist() == [
        ["ruritania", "blue_front", "fights", "19", "2"]
    ]
    link = "; https://news.example/1" if width == 58 else ""
    citation = "GDELT 1.0, 2 events: first 1 (2013-04-01), last 2 (2013-04-02)"
    assert (
        relations.loc[0, "citation"]
        == citation + ("; quoted 1 (2013-04-01)" if link else "") + link
    )
    bad = tmp_path / "bad.export.CSV"  # a line with one field too many: located
    bad.write_text("\t".join(rows[0]) + "\n" + "\t".join([*rows[1], "x"]) + "\n")
    result = CliRunner().invoke(main, ["import", "gdelt", str(bad), "-o", str(tmp_path / "b")])
    assert result.exit_code == 1
    assert f"{bad}:2: expected {width} fields as in this format, found {width + 1}" in result.output
