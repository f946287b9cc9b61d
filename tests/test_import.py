"""alliance-graph import on DuckDB: event files in each source's layout to dataset folders."""

from __future__ import annotations

from pathlib import Path

import duckdb
import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner
from import_files import (
    ACLED_COLUMNS,
    UCDP_COLUMNS,
    acled_row,
    gdelt_row,
    ucdp_row,
    write_rows,
)

import graph
from graph.cli import main
from graph.importers import import_events, read_edgelist
from graph.importers.actor_list import slug
from graph.importers.gdelt import NAMES as GDELT_COLUMNS
from graph.tables.read import DATA_DIR


def relations(folder: Path) -> pd.DataFrame:
    return pd.read_csv(folder / "relations.csv", dtype=str, keep_default_na=False)


def actors(folder: Path) -> pd.DataFrame:
    return pd.read_csv(folder / "actors.csv", dtype=str, keep_default_na=False).set_index("id")


def acled(tmp_path: Path, rows, name: str = "acled.csv") -> Path:
    return write_rows(tmp_path / name, ACLED_COLUMNS, rows)


ARMY_ID, FRONT_ID = "military_forces_of_ruritania_2010", "blue_front"


# --- aggregation into spells -------------------------------------------------------------


def test_repeated_events_become_one_relation_per_spell(tmp_path):
    source = acled(
        tmp_path,
        [
            acled_row("RUR1", "2020-01-01", fatalities=2, source="Radio Zenda; Daily Star"),
            acled_row("RUR2", "2020-02-01", fatalities=7, notes="The deadliest clash."),
            acled_row("RUR3", "2020-03-15", fatalities=0),
            acled_row("RUR4", "2020-09-01", fatalities=1),  # 170 days later: a new spell
        ],
    )
    table = relations(import_events("acled", source, tmp_path / "out"))
    fights = table[table["type"] == "fights"]
    assert fights[["source", "target", "start", "end", "events", "fatalities"]].values.tolist() == [
        [ARMY_ID, FRONT_ID, "2020-01-01", "2020-03-15", "3", "9"],
        [ARMY_ID, FRONT_ID, "2020-09-01", "2020-09-01", "1", "1"],
    ]
    first = fights.iloc[0]
    assert first["evidence"] == "The deadliest clash."  # the deadliest event is quoted
    assert first["citation"] == (
        "ACLED, 3 events: first RUR1 (2020-01-01), last RUR3 (2020-03-15); quoted RUR2 (2020-02-01)"
    )
    # Two independent sources named for one event: confirmed; a single source: reported.
    assert fights["confidence"].tolist() == ["confirmed", "reported"]
    assert fights["sources"].tolist() == ["2", "1"]

    longer = relations(import_events("acled", source, tmp_path / "long", gap_days=200))
    assert longer.loc[longer["type"] == "fights", "events"].tolist() == ["4"]


def test_a_spell_runs_on_while_an_earlier_long_event_lasts(tmp_path):
    # UCDP events have a start and an end: the gap counts from the latest end so far.
    source = write_rows(
        tmp_path / "ged.csv",
        UCDP_COLUMNS,
        [
            ucdp_row("1", "Government of Ruritania", "Blue Front", "2020-01-01", "2020-06-30"),
            ucdp_row("2", "Government of Ruritania", "Blue Front", "2020-02-01", "2020-02-01"),
            ucdp_row("3", "Government of Ruritania", "Blue Front", "2020-09-01", "2020-09-02"),
        ],
    )
    table = relations(import_events("ucdp-ged", source, tmp_path / "out"))
    assert table[["start", "end", "events"]].values.tolist() == [["2020-01-01", "2020-09-02", "3"]]


def test_evidence_is_trimmed_at_a_word(tmp_path):
    notes = "word " * 200
    source = acled(tmp_path, [acled_row("RUR1", "2020-01-01", notes=notes)])
    evidence = relations(import_events("acled", source, tmp_path / "out"))["evidence"][0]
    assert len(evidence) <= 300 and evidence.endswith("word…")


# --- ACLED mappings, actors and dates ---------------------------------------------------


def test_assoc_actors_fight_alongside_and_are_actors(tmp_path):
    source = acled(
        tmp_path,
        [
            acled_row("RUR1", "2020-01-01", assoc_actor_1="Zenda Militia; Tribal Guards"),
            acled_row("RUR2", "2020-01-02", assoc_actor_2="Blue Youth"),
            acled_row(
                "RUR3",
                "2020-01-03",
                actor1="Protesters (Ruritania)",
                actor2="",
                inter1="6",
                inter2="0",
                event_type="Protests",
                sub_event_type="Peaceful protest",
            ),
        ],
    )
    out = import_events("acled", source, tmp_path / "out")
    table = relations(out)
    support = table[table["type"] == "fights_alongside"]
    assert support[["source", "target"]].values.tolist() == [
        ["blue_youth", FRONT_ID],
        ["tribal_guards", ARMY_ID],
        ["zenda_militia", ARMY_ID],
    ]
    people = actors(out)
    assert people.loc["zenda_militia", "name"] == "Zenda Militia"
    assert people.loc["zenda_militia", ["kind", "camp"]].tolist() == ["other", "associated actors"]
    assert people.loc[ARMY_ID, ["kind", "camp"]].tolist() == ["state", "state forces"]
    assert people.loc[FRONT_ID, "kind"] == "armed group"
    assert "protesters_ruritania" not in people.index  # a protest without actor2 maps to nothing
    G = graph.load(out)
    signed = graph.signed_graph(G)
    assert signed[ARMY_ID]["zenda_militia"]["sign"] == 1
    assert signed[ARMY_ID][FRONT_ID]["sign"] == -1


def test_event_types_map_through_the_table(tmp_path):
    source = acled(
        tmp_path,
        [
            acled_row(
                "RUR1",
                "2020-01-01",
                event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike",
            ),
            acled_row(
                "RUR2",
                "2020-01-01",
                event_type="Explosions/Remote violence",
                sub_event_type="Shelling/artillery/missile attack",
            ),
            acled_row(
                "RUR3",
                "2020-01-01",
                event_type="Violence against civilians",
                sub_event_type="Attack",
                actor2="Civilians (Ruritania)",
                inter2="Civilians",
            ),
            acled_row(
                "RUR4",
                "2020-01-01",
                event_type="Strategic developments",
                sub_event_type="Agreement",
            ),
            acled_row(
                "RUR5", "2020-01-01", event_type="Strategic developments", sub_event_type="Arrests"
            ),
        ],
    )
    out = import_events("acled", source, tmp_path / "out")
    assert sorted(relations(out)["type"]) == [
        "agrees_with",
        "air_strikes",
        "attacks",
        "remote_violence",
    ]
    # inter codes or, as newer exports give them, their names
    assert actors(out).loc["civilians_ruritania", "kind"] == "population"
    types = pd.read_csv(out / "relation_types.csv", dtype=str, keep_default_na=False)
    bundled = (DATA_DIR / "relation_types.csv").read_text(encoding="utf-8").splitlines()[0]
    assert ",".join(types.columns) == bundled  # every column of the bundled vocabulary
    assert types["type"].tolist() == ["air_strikes", "attacks", "remote_violence", "agrees_with"]
    assert types.set_index("type").loc["agrees_with", "sign"] == "0"


def test_date_spellings_and_precision(tmp_path):
    source = acled(
        tmp_path,
        [
            acled_row("RUR1", "2020-05-09"),
            acled_row("RUR2", "9 May 2020"),
            acled_row("RUR3", "09-May-20"),
            acled_row("RUR4", "9 May 2020", actor2="Red Front"),
            acled_row("RUR5", "15 June 2021", actor2="Red Front", time_precision=3),
            acled_row("RUR6", "2022-03-10", actor2="Green Front", time_precision=2),
        ],
    )
    table = relations(import_events("acled", source, tmp_path / "out")).set_index("target")
    assert table.loc[FRONT_ID, ["start", "end", "events"]].tolist() == [
        "2020-05-09",
        "2020-05-09",
        "3",
    ]
    red = table.loc[["red_front"]]
    # Month-precise events are written to the month; a week-precise one spans its week.
    assert red[["start", "end"]].values.tolist() == [
        ["2020-05-09", "2020-05-09"],
        ["2021-06", "2021-06"],
    ]
    assert table.loc["green_front", ["start", "end"]].tolist() == ["2022-03-07", "2022-03-13"]


def test_ucdp_sides_precision_and_kinds(tmp_path):
    source = write_rows(
        tmp_path / "ged.csv.gz",
        UCDP_COLUMNS,
        [
            ucdp_row(
                "1",
                "Government of Ruritania",
                "Blue Front",
                "2019-03-01",
                "2019-03-31",
                date_prec=4,
            ),
            ucdp_row(
                "2",
                "Blue Front",
                "Civilians",
                "2019-01-01",
                "2019-12-31",
                date_prec=5,
                type_of_violence=3,
                number_of_sources=1,
            ),
            ucdp_row(
                "3", "Blue Front", "Red Front", "2019-05-02", "2019-05-02", type_of_violence=2
            ),
        ],
    )
    out = import_events("ucdp-ged", source, tmp_path / "out")
    table = relations(out)
    assert table[["source", "target", "type", "start", "end", "confidence"]].values.tolist() == [
        ["blue_front", "civilians_ruritania", "attacks", "2019", "2019", "reported"],
        ["blue_front", "red_front", "fights", "2019-05-02", "2019-05-02", "confirmed"],
        ["government_of_ruritania", "blue_front", "fights", "2019-03", "2019-03", "confirmed"],
    ]
    assert table["fatalities"].tolist() == ["4", "4", "4"]
    assert table["evidence"][0] == "Fighting between Blue Front and Civilians"
    kinds = actors(out)["kind"].to_dict()
    assert kinds == {
        "blue_front": "armed group",
        "civilians_ruritania": "population",
        "government_of_ruritania": "state",
        "red_front": "armed group",
    }


def test_gdelt_headerless_tsv_cameo_and_quadclass(tmp_path):
    rows = [
        gdelt_row("101", "20240105", "RURITANIA", "BLUE FRONT", "190"),
        gdelt_row("102", "20240106", "RURITANIA", "BLUE FRONT", "1951", GoldsteinScale="-9.5"),
        gdelt_row(
            "103",
            "20240107",
            "RURITANIA",
            "BLUE FRONT",
            "036",
            quad="1",
            GoldsteinScale="4.0",
            Actor1Code="RUR",
            Actor1Type1Code="",
        ),
        gdelt_row("104", "20240108", "", "BLUE FRONT", "190"),  # one-sided: skipped
        gdelt_row(
            "105",
            "20240109",
            "ZENDA NGO",
            "RURITANIA",
            "0871",
            quad="2",
            Actor1Type1Code="NGO",
            Actor2Type1Code="",
            Actor2Code="RUR",
        ),
    ]
    source = write_rows(
        tmp_path / "20240105.export.CSV.gz", GDELT_COLUMNS, rows, delimiter="\t", header=False
    )
    out = import_events("gdelt", str(tmp_path / "*.export.CSV.gz"), tmp_path / "out")
    assert source.exists()
    table = relations(out)
    assert table[["source", "target", "type", "weight"]].values.tolist() == [
        ["ruritania", "blue_front", "air_strikes", "9.5"],
        ["ruritania", "blue_front", "fights", "10"],
        ["ruritania", "blue_front", "verbal_cooperation", "4"],
        ["zenda_ngo", "ruritania", "material_cooperation", "10"],
    ]
    assert table["citation"][0] == ("GDELT 2.0 event 102 (2024-01-06); https://news.example/102")
    kinds = actors(out)[["name", "kind"]].to_dict("index")
    assert kinds["ruritania"] == {"name": "RURITANIA", "kind": "state"}
    assert kinds["zenda_ngo"]["kind"] == "NGO"
    assert kinds["blue_front"]["kind"] == "armed group"


def test_parquet_input(tmp_path):
    csv_file = acled(tmp_path, [acled_row("RUR1", "2020-01-01"), acled_row("RUR2", "2020-01-05")])
    parquet = tmp_path / "acled.parquet"
    duckdb.sql(f"COPY (SELECT * FROM read_csv('{csv_file}', all_varchar = true)) TO '{parquet}'")
    from_csv = import_events("acled", csv_file, tmp_path / "csv")
    from_parquet = import_events("acled", parquet, tmp_path / "parquet")
    csv_relations, parquet_relations = relations(from_csv), relations(from_parquet)
    assert parquet_relations.equals(csv_relations)


# --- filters ---------------------------------------------------------------------------------


def test_filters_by_date_country_and_actor(tmp_path):
    source = acled(
        tmp_path,
        [
            acled_row("RUR1", "2019-12-31"),
            acled_row("RUR2", "2020-01-01"),
            acled_row("RUR3", "2020-12-31", actor2="Red Front"),
            acled_row("RUR4", "2021-01-01"),
            acled_row(
                "GRA1",
                "2020-06-01",
                actor1="Army of Graustark",
                actor2="Graustark Rebels",
                country="Graustark",
            ),
        ],
    )
    dated = relations(
        import_events("acled", source, tmp_path / "a", date_from="2020", date_to="2020-12")
    )
    assert sorted(dated["citation"].str.extract(r"(\w+\d) ")[0]) == ["GRA1", "RUR2", "RUR3"]
    country = relations(import_events("acled", source, tmp_path / "b", countries=["ruritania"]))
    assert "army_of_graustark" not in set(country["source"])
    assert len(country) == 3
    only = import_events("acled", source, tmp_path / "c", actors=["red front"])
    assert relations(only)["target"].tolist() == ["red_front"]
    assert sorted(actors(only).index) == [ARMY_ID, "red_front"]
    record = graph.load(only).graph["title"]
    assert record.startswith("ACLED import: acled.csv")


# --- ids and determinism ------------------------------------------------------------------


def test_slugs_are_stable_and_unicode_aware():
    assert slug("Forces Armées Zendaises") == "forces_armees_zendaises"
    assert slug("Blue Front") == slug("BLUE FRONT") == slug("blue-front") == "blue_front"
    arabic, other = slug("الجبهة الزرقاء"), slug("الجبهة الحمراء")
    assert arabic != other and arabic.startswith("actor_")
    assert slug("Харків Militia").startswith("militia_")


def test_same_input_same_bytes_and_same_ids(tmp_path):
    rows = [
        acled_row("RUR1", "2020-01-01", assoc_actor_1="Zenda Militia"),
        acled_row("RUR2", "2020-02-01", actor2="BLUE FRONT"),  # same actor, other spelling
        acled_row("RUR3", "2020-02-02"),
        acled_row("RUR4", "2020-03-01", actor2="Red Front"),
    ]
    first = import_events("acled", acled(tmp_path, rows), tmp_path / "one")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    second = import_events("acled", acled(elsewhere, rows), tmp_path / "two")
    for name in ("actors.csv", "relations.csv", "relation_types.csv", "datapackage.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert actors(first).loc[FRONT_ID, "aliases"] == "BLUE FRONT"
    # A smaller export keeps the ids of the actors it still names.
    fewer = import_events("acled", acled(tmp_path, rows[3:], "fewer.csv"), tmp_path / "three")
    assert set(actors(fewer).index) <= set(actors(first).index)


# --- the folder works everywhere --------------------------------------------------------------


def test_folder_validates_builds_and_records_provenance(tmp_path):
    source = acled(tmp_path, [acled_row(f"RUR{i}", f"2020-0{i}-01") for i in range(1, 4)])
    out = import_events("acled", source, tmp_path / "out", date_from="2020")
    G = graph.load(out)
    assert G.number_of_edges() == 1
    edge = next(iter(G.edges(data=True)))[2]
    assert edge["events"] == "3" and edge["sign"] == -1
    page = graph.write_html(G, tmp_path / "out.html")
    assert "Blue Front" in page.read_text(encoding="utf-8")
    package = __import__("json").loads((out / "datapackage.json").read_text())
    record = package["alliance_graph_import"]
    assert record["files"] == ["acled.csv"]
    assert record["filters"]["from"] == "2020-01-01"
    assert record["gap_days"] == 90
    assert record["tool"] == f"alliance-graph {graph.__version__}"
    fields = [f["name"] for f in package["resources"][1]["schema"]["fields"]]
    assert fields == relations(out).columns.tolist()


def test_other_files_in_the_folder_are_kept(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "story.csv").write_text("keep me")
    import_events("acled", acled(tmp_path, [acled_row("RUR1", "2020-01-01")]), out)
    assert (out / "story.csv").read_text() == "keep me"


# --- bad input --------------------------------------------------------------------------------


def test_bad_values_are_reported_with_file_line_and_column(tmp_path):
    rows = [
        acled_row("RUR1", "2020-01-01"),
        acled_row("RUR2", "31 Febtember 2020"),
        acled_row("RUR3", "2020-02-30"),
        acled_row("RUR4", "2020-03-01", fatalities="many"),
    ]
    source = acled(tmp_path, rows)
    out = tmp_path / "out"
    with pytest.raises(graph.DataError) as caught:
        import_events("acled", source, out)
    lines = str(caught.value).splitlines()
    assert lines[0] == "3 problems in the data:"
    assert lines[1:] == [
        f"{source}:3:2: event_date: not a date: use 2020-05-09, 9 May 2020 or 9-May-20: "
        "'31 Febtember 2020'",
        f"{source}:4:2: event_date: not a date: use 2020-05-09, 9 May 2020 or 9-May-20: "
        "'2020-02-30'",
        f"{source}:5:29: fatalities: not a count: give a whole number, 0 or more "
        "(empty or NaN: unknown): 'many'",
    ]
    assert not out.exists()  # nothing written

    good = import_events("acled", acled(tmp_path, rows[:1], "good.csv"), tmp_path / "kept")
    before = {p.name: p.read_bytes() for p in good.iterdir()}
    with pytest.raises(graph.DataError):
        import_events("acled", source, good)
    assert {p.name: p.read_bytes() for p in good.iterdir()} == before  # a good folder stays


def test_malformed_files_are_reported_with_their_line(tmp_path):
    source = acled(tmp_path, [acled_row("RUR1", "2020-01-01"), acled_row("RUR2", "2020-01-02")])
    text = source.read_text().splitlines()
    source.write_text("\n".join([*text, text[2] + ",extra field"]) + "\n")
    with pytest.raises(graph.FileFormatError) as caught:
        import_events("acled", source, tmp_path / "out")
    assert f"{source}:4: expected 31 fields as in the header, found 32" in str(caught.value)

    gdelt = tmp_path / "short.export.CSV"
    good = "\t".join(gdelt_row("1", "20240101", "A", "B", "190"))
    gdelt.write_text(good + "\n" + "\t".join(gdelt_row("2", "20240101", "A", "B", "190")[:58]))
    with pytest.raises(graph.FileFormatError) as caught:
        import_events("gdelt", gdelt, tmp_path / "out")
    # The short row is the last: a download cut off, said so.
    assert f"{gdelt}:2: the last line is cut off (58 of 61 fields)" in str(caught.value)


def test_missing_columns_and_files(tmp_path):
    source = tmp_path / "acled.csv"
    source.write_text("event_id_cnty,event_date\nRUR1,2020-01-01\n")
    with pytest.raises(graph.ValidationError) as caught:
        import_events("acled", source, tmp_path / "out")
    assert f"{source}:1: event_type: missing required column" in str(caught.value)
    with pytest.raises(graph.FileFormatError, match="no file matches this pattern"):
        import_events("acled", str(tmp_path / "nothing*.csv"), tmp_path / "out")
    with pytest.raises(ValueError, match="unknown source 'acled2'"):
        import_events("acled2", source, tmp_path / "out")


# --- edge lists -------------------------------------------------------------------------------


def test_signed_edge_lists(tmp_path):
    snap = tmp_path / "soc-sign.txt"
    snap.write_text("# Directed graph\n# FromNodeId\tToNodeId\tSign\n1\t2\t1\n1\t3\t-1\n2\t3\t-1\n")
    G = read_edgelist(snap)
    assert sorted(G.edges(data="sign")) == [("1", "2", 1), ("1", "3", -1), ("2", "3", -1)]

    otc = tmp_path / "otc.csv"  # Bitcoin OTC: source, target, rating -10..10, Unix time
    otc.write_text("6,2,4,1289241911\n6,2,-2,1289241912\n6,5,2,1289243140\n")
    table = relations(import_events("edgelist", otc, tmp_path / "otc"))
    assert table[["source", "target", "type", "start", "weight"]].values.tolist() == [
        ["6", "2", "negative_tie", "2010-11-08", "2"],
        ["6", "2", "positive_tie", "2010-11-08", "4"],
        ["6", "5", "positive_tie", "2010-11-08", "2"],
    ]

    konect = tmp_path / "out.konect"
    konect.write_text("% sym signed\n% 3 3 3\n1 2 1\n2 3 -1\n")
    assert read_edgelist(konect).number_of_edges() == 2

    H = nx.DiGraph()
    H.add_edge("a", "b", sign=-1)
    H.add_edge("b", "c", weight=3.0)
    nx.write_gexf(H, tmp_path / "ties.gexf")
    G = read_edgelist(tmp_path / "ties.gexf")
    assert sorted(G.edges(data="type")) == [("a", "b", "negative_tie"), ("b", "c", "positive_tie")]

    alone = tmp_path / "names.txt"
    alone.write_text("alice\nbob\n")
    with pytest.raises(graph.FileFormatError, match=r"names.txt:1: .*, found 1 field$"):
        read_edgelist(alone)

    bad = tmp_path / "bad.csv"
    bad.write_text("source,target,sign\na,b,1\na,c,plus\n")
    with pytest.raises(graph.DataError, match=r"bad.csv:3:3: value: not a number"):
        read_edgelist(bad)


def test_undirected_edge_list_marks_its_tie_types_symmetric(tmp_path):
    ties = tmp_path / "ties.csv"
    ties.write_text("source,target,sign\na,b,1\nb,a,1\nb,c,-1\n")
    folder = import_events("edgelist", ties, tmp_path / "out", undirected=True)
    types = pd.read_csv(folder / "relation_types.csv", dtype=str, keep_default_na=False)
    assert dict(zip(types["type"], types["symmetric"], strict=True)) == {
        "positive_tie": "yes",
        "negative_tie": "yes",
    }
    G = graph.load(folder)
    assert all(symmetric for *_, symmetric in G.edges(data="symmetric"))
    # a-b listed both ways is one tie of one relation, as any symmetric relation written twice.
    assert graph.signed_graph(G)["a"]["b"]["positive"] == 1
    # Without the option the same file is directed, as before.
    directed = graph.load(import_events("edgelist", ties, tmp_path / "directed"))
    assert not any(symmetric for *_, symmetric in directed.edges(data="symmetric"))
    assert graph.signed_graph(directed)["a"]["b"]["positive"] == 2
    # An undirected GraphML file (this project's export of it) imports back undirected.
    graph.export_as(G, tmp_path / "ties.graphml", "graphml")
    again = graph.load(import_events("graphml", tmp_path / "ties.graphml", tmp_path / "again"))
    assert all(symmetric for *_, symmetric in again.edges(data="symmetric"))
    with pytest.raises(ValueError, match="acled relations have a direction"):
        import_events("acled", ties, tmp_path / "acled", undirected=True)
    command = ["import", "edgelist", str(ties), "-o", str(tmp_path / "cli"), "--undirected"]
    assert CliRunner().invoke(main, command).exit_code == 0
    assert (tmp_path / "cli" / "relation_types.csv").read_bytes() == (
        folder / "relation_types.csv"
    ).read_bytes()
    with pytest.raises(ValueError, match="--undirected with --add"):
        import_events("edgelist", ties, tmp_path / "out", undirected=True, add=True)


@pytest.mark.parametrize(
    ("header", "undirected"),
    [("% sym signed", True), ("% bip unweighted", True), ("% asym signed", False), ("", False)],
)
def test_a_konect_header_says_whether_the_network_is_undirected(tmp_path, header, undirected):
    # KONECT's out.* files: the format on the first line, then "% edges nodes nodes".
    konect = tmp_path / "out.signed"
    konect.write_text((f"{header}\n% 3 3 3\n" if header else "") + "1 2 1\n2 1 1\n2 3 -1\n")
    notes = []
    folder = import_events("edgelist", konect, tmp_path / "out", report=notes.append)
    types = pd.read_csv(folder / "relation_types.csv", dtype=str, keep_default_na=False)
    assert set(types["symmetric"]) == {"yes" if undirected else ""}
    said = f"{konect}: KONECT's header says the network is undirected"
    assert (said in notes) is undirected
    # 1-2 listed both ways: one tie of an undirected network, two of a directed one.
    assert graph.signed_graph(graph.load(folder))["1"]["2"]["positive"] == (1 if undirected else 2)
    if undirected:  # added to a folder, whose tie types keep their direction: said so
        folder = import_events("edgelist", konect, folder, add=True, report=notes.append)
        assert notes[-1] == f"{said}, but --add leaves the folder's relation_types.csv as it is"
    # Asked for, an undirected import of an "asym" file is undirected all the same.
    again = import_events("edgelist", konect, tmp_path / "again", undirected=True)
    assert set(pd.read_csv(again / "relation_types.csv", dtype=str)["symmetric"]) == {"yes"}


# --- the command line -------------------------------------------------------------------------


def test_cli_import_then_validate_and_build(tmp_path):
    source = acled(tmp_path, [acled_row("RUR1", "2020-01-01"), acled_row("RUR2", "2020-01-09")])
    runner = CliRunner()
    out = tmp_path / "yemen"
    result = runner.invoke(
        main, ["import", "acled", str(source), "-o", str(out), "--from", "2020", "--gap-days", "30"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith(str(out.resolve()))
    result = runner.invoke(main, ["validate", str(out)])
    assert result.exit_code == 0 and "OK: 2 actors, 1 relation" in result.output
    result = runner.invoke(main, ["build", str(out), "-o", str(tmp_path / "yemen.html")])
    assert result.exit_code == 0, result.output

    broken = acled(tmp_path, [acled_row("RUR1", "someday")], "broken.csv")
    result = runner.invoke(main, ["import", "acled", str(broken), "-o", str(tmp_path / "x")])
    assert result.exit_code == 1
    assert f"{broken}:2:2: event_date" in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(main, ["import", "acled", str(source), "-o", str(out), "--from", "x"])
    assert result.exit_code == 2


def test_mapping_tables_are_documented():
    folder = Path(graph.__file__).parent / "importers" / "mappings"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for table in sorted(folder.glob("*.csv")):
        assert f"`{table.name}`" in readme, table.name
