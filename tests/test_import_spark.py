"""The Spark engine writes the same folders as DuckDB, byte for byte (Spark in local mode).

Spark takes seconds to start and each query runs several jobs, so this module
shares one session and checks every source in few imports.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from import_files import (
    ACLED_COLUMNS,
    UCDP_COLUMNS,
    acled_row,
    gdelt_row,
    ucdp_row,
    write_rows,
)
from test_import_alliances import (
    ATOP_COLUMNS,
    COW_ALLIANCE_COLUMNS,
    ESD_COLUMNS,
    MGAR_COLUMNS,
    MID_COLUMNS,
    WAR_COLUMNS,
    atop_rows,
    cow_alliance_rows,
    esd_row,
    mgar_file,
    mid_rows,
    states_file,
    war_rows,
    write_csv,
)

import graph
from graph.importers import import_events
from graph.importers.gdelt import NAMES as GDELT_COLUMNS

# Runs Apache Spark (the spark extra, Java 17): `make test` runs it, `make test-fast` does not.
pytestmark = pytest.mark.spark

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java", allow_module_level=True)


@pytest.fixture(scope="module")
def spark():
    """One local Spark session for the module, stopped at its end."""
    from graph.importers.spark_engine import session

    # 2 GB: eight imports in one session outgrow the default 1 GB of planner memory.
    started = session("local[2]", memory="2g")
    yield started
    started.stop()


def same_folders(one: Path, two: Path) -> None:
    names = sorted(p.name for p in one.iterdir())
    assert names == sorted(p.name for p in two.iterdir())
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def sources(folder: Path) -> dict[str, tuple[Path, dict]]:
    """One file per source, covering spells, assoc actors, date spellings and precisions."""
    acled = write_rows(
        folder / "acled.csv.gz",
        ACLED_COLUMNS,
        [
            acled_row(
                "RUR1",
                "2020-01-01",
                assoc_actor_1="Zenda Militia; Tribal Guards",
                source="Radio Zenda; Daily Star",
                fatalities=3,
            ),
            acled_row("RUR2", "9 February 2020", fatalities=8, notes="The deadliest."),
            acled_row("RUR3", "1-Sep-20", time_precision=3),
            acled_row(
                "RUR4", "2020-09-20", time_precision=2, actor2="Forces Armées Zendaises", inter2="8"
            ),
            acled_row(
                "RUR5",
                "2020-10-01",
                event_type="Strategic developments",
                sub_event_type="Agreement",
            ),
            acled_row(
                "RUR6",
                "2020-10-02",
                assoc_actor_2="Zenda Militia; Military Forces of Ruritania (2010-)",
            ),
            acled_row(
                "RUR7",
                "2020-10-03",
                actor2="Civilians (Ruritania)",
                inter2="7",
                assoc_actor_2="Women (Ruritania)",
                event_type="Violence against civilians",
            ),
        ],
    )
    ucdp = write_rows(
        folder / "ged.csv",
        UCDP_COLUMNS,
        [
            # UCDP actor ids: one actor spelled two ways, a coalition's ids in step with its
            # names ("12.0" as a spreadsheet saves it), a row without ids (keyed by name).
            ucdp_row(
                "1",
                "Government of Ruritania",
                "Blue Front",
                "2019-03-01",
                "2019-03-31",
                date_prec=4,
                side_a_new_id="99",
                side_b_new_id="12",
            ),
            ucdp_row(
                "2",
                "Blue Front",
                "Civilians",
                "2019-01-01",
                "2019-12-31",
                date_prec=5,
                type_of_violence=3,
                side_a_new_id="12",
                side_b_new_id="1",
            ),
            ucdp_row(
                "3",
                "Govt. of Ruritania",
                "Blue Front",
                "2019-04-02",
                "2019-04-02",
                side_a_new_id="99",
                side_b_new_id="12",
            ),
            ucdp_row(
                "4",
                "Government of Ruritania, Government of Borduria",
                "Blue Front",
                "2019-05-02",
                "2019-05-02",
                side_a_new_id="99, 98",
                side_b_new_id="12.0",
            ),
            ucdp_row("5", "Government of Ruritania", "Green Army", "2019-06-02", "2019-06-02"),
        ],
    )
    gdelt = write_rows(
        folder / "20240105.export.CSV",
        GDELT_COLUMNS,
        [
            gdelt_row("101", "20240105", "RURITANIA", "BLUE FRONT", "190"),
            gdelt_row("102", "20240106", "RURITANIA", "BLUE FRONT", "1951"),
            gdelt_row("103", "20240107", "RURITANIA", "BLUE FRONT", "036", quad="1"),
            # Cities: a country coded alone, a country's role, a city of no listed country.
            gdelt_row(
                "104",
                "20240108",
                "PARIS",
                "MOSCOW",
                "190",
                Actor1Code="FRA",
                Actor1CountryCode="FRA",
                Actor1Type1Code="",
                Actor1Geo_Type="4",
                Actor1Geo_FullName="Paris, Paris, France",
                Actor2Code="RUSGOV",
                Actor2CountryCode="RUS",
                Actor2Type1Code="GOV",
                Actor2Geo_Type="4",
                Actor2Geo_FullName="Moscow, Moskva, Russia",
            ),
            gdelt_row(
                "105",
                "20240109",
                "ZENDA",
                "FRANCE",
                "190",
                Actor1Code="XYZ",
                Actor1CountryCode="XYZ",
                Actor1Type1Code="",
                Actor1Geo_Type="4",
                Actor1Geo_FullName="Zenda, Ruritania",
                Actor2Code="FRA",
                Actor2CountryCode="FRA",
                Actor2Type1Code="",
            ),
        ],
        delimiter="\t",
        header=False,
    )
    edges = folder / "otc.csv"
    edges.write_text("6,2,4,1289241911\n6,2,-2,1289241912\n6,5,2,\n")
    named = folder / "named.csv"  # columns by name, partial dates, an open end, a known type
    named.write_text(
        "note,dst,src,sign,date,end,type\nx,b,a,1,2016-07,..,backs\ny,c,b,-1,2016,2017,\n"
    )
    states = states_file(folder)
    wars = write_csv(folder / "wars.csv", WAR_COLUMNS, war_rows())
    atop = write_csv(folder / "atop.csv", ATOP_COLUMNS.split(","), atop_rows())
    mids = write_csv(
        folder / "mids.csv",
        MID_COLUMNS,
        mid_rows(306, 255, 220, (1911, 7, 1), (1911, 11, 4), 3, [1911])
        + mid_rows(300, 365, 640, (1912, 10, -9), (1913, 5, -9), 4, [1912, 1913])
        + mid_rows(307, 200, 255, (1911, 7, 21), (1911, 11, 4), 1, [1911]),
    )
    esd = write_csv(
        folder / "esd.csv",
        ESD_COLUMNS,
        [
            esd_row(2014, "Iraq", 0, "Government of Iran", 0, ids=("7", "6"), ext_w=1, ext_t=1),
            esd_row(2015, "Government of Iraq", 0, "Iran", 0, ids=("7", "6"), ext_w=1),
            esd_row(
                2015,
                "Government of Iraq",
                0,
                "Government of France, Government of UK",
                0,
                ids=("7", "8,9"),
                ext_i=1,
                ext_p=1,
            ),
            esd_row(2015, "SDF", 1, "Government of Turkey", 0, alleged=1, ext_f=1),
        ],
    )
    alliances = write_csv(folder / "alliances.csv", COW_ALLIANCE_COLUMNS, cow_alliance_rows())
    header = ["Group A", *MGAR_COLUMNS[1:]]
    mgar = mgar_file(
        folder / "mgar [2016].csv",  # a literal name: Spark must not read it as a pattern
        [("ISIS", "Jabhat al-Nusra", 2014, "competitor"), ("Hamas", "PIJ", 2010, "Allies"),
         ("Hamas", "PIJ", 2011, "ally"), ("Iran", "Hizballah", 2010, "supporter")],
        header,
    )  # fmt: skip
    (folder / "mgar 2.csv").write_text("Group A,group2,year,relationship\nX,Y,2000,ally\n")
    return [
        ("acled", acled, {"date_from": "2020"}),
        ("acled", acled, {"event_types": ["ARMED CLASH"]}),
        ("ucdp-ged", ucdp, {}),
        ("gdelt", gdelt, {"countries": ["rr"]}),
        ("edgelist", edges, {}),
        ("edgelist", named, {}),
        ("cow-wars", wars, {"states": states}),
        ("atop", atop, {"states": states}),
        ("mid", mids, {"states": states}),
        ("ucdp-esd", esd, {}),
        ("cow-alliances", alliances, {"states": states}),
        ("mgar", mgar, {"columns": {"group1": "Group A"}}),
        ("ucdp-ged", ucdp, {"actors": ["government of ruritania"]}),  # and its other spellings
    ]


@pytest.mark.parametrize("number", range(13))
def test_both_engines_write_the_same_folders(number, spark, tmp_path):
    source, path, options = sources(tmp_path)[number]
    duck = import_events(source, path, tmp_path / "duckdb", **options)
    sparked = import_events(source, path, tmp_path / "spark", engine="spark", **options)
    same_folders(duck, sparked)
    assert graph.load(sparked).number_of_edges() > 0


def test_both_engines_report_the_same_bad_rows(spark, tmp_path):
    bad = write_rows(
        tmp_path / "acled.csv",
        ACLED_COLUMNS,
        [acled_row("RUR1", "2020-01-01"), acled_row("RUR2", "2020-13-01", fatalities="x")],
    )
    duck, sparked = refusals("acled", bad, tmp_path)
    assert duck == sparked
    assert f"{bad}:3:2: event_date" in duck


def refusals(source: str, path: Path, tmp_path: Path) -> list[str]:
    """What DuckDB and then Spark say is wrong with a file."""
    messages = []
    for engine in ("duckdb", "spark"):
        with pytest.raises(graph.DataError) as caught:
            import_events(source, path, tmp_path / engine, engine=engine)
        messages.append(str(caught.value))
    return messages


def test_both_engines_refuse_the_same_ucdp_ids(spark, tmp_path):
    # An id that is no whole number, and a coalition's ids out of step with its names.
    side = ("Government of Ruritania", "Blue Front", "2019-03-01", "2019-03-01")
    coalition = ("Government of Ruritania, Government of Borduria", *side[1:])
    bad = write_rows(
        tmp_path / "ged.csv",
        UCDP_COLUMNS,
        [
            ucdp_row("1", *side, side_a_new_id="99", side_b_new_id="12"),
            ucdp_row("2", *side, side_a_new_id="99", side_b_new_id="1e3"),
            ucdp_row("3", *coalition, side_a_new_id="99,", side_b_new_id="12"),
        ],
    )
    duck, sparked = refusals("ucdp-ged", bad, tmp_path)
    assert duck == sparked
    column = UCDP_COLUMNS.index("side_b_new_id") + 1
    assert f"{bad}:3:{column}: side_b_new_id: not UCDP actor ids" in duck
    assert f"{bad}:4:{column - 3}: side_a_new_id" in duck
