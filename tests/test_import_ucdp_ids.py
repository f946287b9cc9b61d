"""UCDP GED and ESD into one dataset, actors reconciled by their UCDP actor ids (issue 18), not
by spelling. The files are written here in the sources' layouts: GED's ``side_a_new_id`` and
``side_b_new_id`` beside ``side_a`` and ``side_b``, ESD's ``actor_id`` and ``ext_id`` beside
``actor_name`` and ``ext_name``; the same ids (UCDP's actor ids) in both."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from click.testing import CliRunner
from import_files import UCDP_COLUMNS, ucdp_row, write_rows
from test_import_alliances import ESD_COLUMNS, esd_row

from graph.cli import main

#: UCDP actor ids used below (made up for Ruritania and its neighbours).
RURITANIA, BORDURIA, BLUE, OTHER_BLUE, CIVILIANS = "99", "98", "12", "40", "1"


def run(*args) -> object:
    return CliRunner().invoke(main, [str(a) for a in args])


def read(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(folder / name, dtype=str, keep_default_na=False)


def ged(tmp_path: Path, rows: list[dict]) -> Path:
    return write_rows(tmp_path / "ged.csv", UCDP_COLUMNS, rows)


def esd(tmp_path: Path, rows: list[list]) -> Path:
    return write_rows(tmp_path / "esd.csv", ESD_COLUMNS, rows)


def event(event_id: str, side_a: str, ids_a: str, side_b: str, ids_b: str, **cells) -> dict:
    """A GED event of 2019-03-01 (``day``: another day) between two sides and their ids."""
    day = cells.pop("day", "2019-03-01")
    return ucdp_row(
        event_id, side_a, side_b, day, day, side_a_new_id=ids_a, side_b_new_id=ids_b, **cells
    )


def ged_rows() -> list[dict]:
    ruritania, blue = "Government of Ruritania", "Blue Front"
    return [
        # The same id spelled two ways is one actor, shown by its more frequent spelling.
        event("1", ruritania, RURITANIA, blue, BLUE),
        event("2", "Govt. of Ruritania", RURITANIA, blue, BLUE, day="2019-03-05"),
        event("3", ruritania, RURITANIA, blue, BLUE, day="2019-03-07"),
        # Another group of the same name, another id: another actor.
        event("4", "Government of Borduria", BORDURIA, blue, OTHER_BLUE, country="Borduria"),
        # One-sided violence: UCDP's one id for all civilians, the civilians of each country.
        event("5", blue, BLUE, "Civilians", CIVILIANS, type_of_violence=3),
        event(
            "6", blue, OTHER_BLUE, "Civilians", CIVILIANS, type_of_violence=3, country="Borduria"
        ),
    ]


def test_ged_actors_are_their_ucdp_ids_whatever_the_spelling(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("import", "ucdp-ged", ged(tmp_path, ged_rows()), "-o", out)
    assert result.exit_code == 0, result.output
    assert "without a UCDP id" not in result.output  # every row gives its ids
    relations = read(out, "relations.csv")
    assert sorted(relations[["source", "target", "type", "events"]].values.tolist()) == [
        ["ucdp_12", "civilians_ruritania", "attacks", "1"],
        ["ucdp_40", "civilians_borduria", "attacks", "1"],
        ["ucdp_98", "ucdp_40", "fights", "1"],
        ["ucdp_99", "ucdp_12", "fights", "3"],
    ]
    actors = read(out, "actors.csv").set_index("id")
    assert actors.loc["ucdp_99", "name"] == "Government of Ruritania"
    assert actors.loc["ucdp_99", "aliases"] == "Govt. of Ruritania"
    assert actors.loc["ucdp_99", "kind"] == "state"
    # Two actors of one name are told apart by their ids, in the data and so on the page.
    assert actors.loc["ucdp_12", "name"] == "Blue Front (ucdp_12)"
    assert actors.loc["ucdp_40", "name"] == "Blue Front (ucdp_40)"
    assert actors.loc["civilians_borduria", "kind"] == "population"
    assert run("validate", out).exit_code == 0


def test_ged_then_esd_join_by_ucdp_id(tmp_path: Path) -> None:
    out = tmp_path / "joined"
    assert run("import", "ucdp-ged", ged(tmp_path, ged_rows()), "-o", out).exit_code == 0
    syldavia = "Government of Syldavia"
    # ESD spells the government its own way: the id joins it to GED's.
    rows = [
        esd_row(
            2019, "Ruritania", 0, "Government of Borduria", 0, ids=(RURITANIA, BORDURIA), ext_w=1
        ),
        esd_row(2019, "Blue Front", 1, syldavia, 0, ids=(OTHER_BLUE, "77"), ext_f=1),
    ]
    support = esd(tmp_path, rows)
    result = run("import", "ucdp-esd", support, "-o", out, "--add")
    assert result.exit_code == 0, result.output
    relations = read(out, "relations.csv")
    given = relations[relations["type"].isin(["weapons", "funding"])]
    assert sorted(given[["source", "target", "type"]].values.tolist()) == [
        ["ucdp_77", "ucdp_40", "funding"],
        ["ucdp_98", "ucdp_99", "weapons"],
    ]
    actors = read(out, "actors.csv").set_index("id")
    assert len(actors) == len(set(actors["name"]))  # no two actors look alike
    assert actors.loc["ucdp_99", "name"] == "Government of Ruritania"  # the first import's
    assert actors.loc["ucdp_77", "name"] == "Government of Syldavia"
    assert run("validate", out).exit_code == 0
    assert run("build", out, "-o", tmp_path / "joined.html").exit_code == 0


def test_a_shared_name_across_imports_is_told_apart(tmp_path: Path) -> None:
    out = tmp_path / "joined"
    assert run("import", "ucdp-ged", ged(tmp_path, ged_rows()[:3]), "-o", out).exit_code == 0
    row = esd_row(2019, "Blue Front", 1, "Government of Syldavia", 0, ids=("41", "77"), ext_f=1)
    support = esd(tmp_path, [row])
    assert run("import", "ucdp-esd", support, "-o", out, "--add").exit_code == 0
    names = read(out, "actors.csv").set_index("id")["name"]
    assert names["ucdp_12"] == "Blue Front (ucdp_12)"
    assert names["ucdp_41"] == "Blue Front (ucdp_41)"


def test_coalition_ids_split_in_step_with_the_names(tmp_path: Path) -> None:
    coalition = "Government of Ruritania, Government of Borduria"
    # "12.0": the id as a spreadsheet may have saved it.
    rows = [event("1", coalition, f"{RURITANIA}, {BORDURIA}", "Blue Front", "12.0")]
    out = tmp_path / "out"
    result = run("import", "ucdp-ged", ged(tmp_path, rows), "-o", out)
    assert result.exit_code == 0, result.output
    relations = read(out, "relations.csv")
    coalition = "government_of_ruritania_government_of_borduria"
    assert sorted(relations[["source", "target", "type"]].values.tolist()) == [
        ["ucdp_98", coalition, "member_of"],
        ["ucdp_98", "ucdp_12", "fights"],
        ["ucdp_99", coalition, "member_of"],
        ["ucdp_99", "ucdp_12", "fights"],
    ]
    assert run("validate", out).exit_code == 0


def test_ids_out_of_step_with_the_names_are_refused_where_they_are(tmp_path: Path) -> None:
    coalition = "Government of Ruritania, Government of Borduria"
    rows = [
        event("1", "Government of Ruritania", RURITANIA, "Blue Front", BLUE),
        event("2", coalition, RURITANIA, "Blue Front", BLUE),
        event("3", "Government of Ruritania", RURITANIA, "Blue Front", "Blue"),
    ]
    source = ged(tmp_path, rows)
    result = run("import", "ucdp-ged", source, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "Traceback" not in result.output
    a = UCDP_COLUMNS.index("side_a_new_id") + 1
    b = UCDP_COLUMNS.index("side_b_new_id") + 1
    assert f"{source}:3:{a}: side_a_new_id: not UCDP actor ids, one per actor" in result.output
    assert f"{source}:4:{b}: side_b_new_id: not UCDP actor ids" in result.output
    assert not (tmp_path / "out").exists()

    pair = "Government of A, Government of B"
    support = esd(tmp_path, [esd_row(2019, "Ruritania", 0, pair, 0, ids=(RURITANIA, "5"), ext_w=1)])
    result = run("import", "ucdp-esd", support, "-o", tmp_path / "esd")
    column = ESD_COLUMNS.index("ext_id") + 1
    assert result.exit_code == 1
    assert f"{support}:2:{column}: ext_id: not UCDP actor ids" in result.output


def test_rows_without_ids_are_keyed_by_name_and_the_summary_says_so(tmp_path: Path) -> None:
    rows = [
        *ged_rows()[:1],
        event("9", "Government of Ruritania", RURITANIA, "Green Army", ""),
        # The name alone is the actor it names with its id in other rows.
        event("10", "Government of Ruritania", "", "Blue Front", "", day="2019-08-01"),
    ]
    out = tmp_path / "out"
    result = run("import", "ucdp-ged", ged(tmp_path, rows), "-o", out)
    assert result.exit_code == 0, result.output
    assert "3 actor names without a UCDP id in some rows (e.g. Blue Front)" in result.output
    relations = read(out, "relations.csv")
    assert sorted(relations[["source", "target", "events"]].values.tolist()) == [
        ["ucdp_99", "green_army", "1"],
        ["ucdp_99", "ucdp_12", "1"],
        ["ucdp_99", "ucdp_12", "1"],  # months apart: two spells of one pair of actors
    ]
    assert set(read(out, "actors.csv")["id"]) == {"ucdp_99", "ucdp_12", "green_army"}


def test_an_actor_list_names_actors_by_id(tmp_path: Path) -> None:
    listed = tmp_path / "ucdp-actor.csv"
    listed.write_text(
        "ActorId,NameData,NameFull\n"
        f"{RURITANIA},Government of Ruritania (Zenda),The Kingdom's government\n"
        f"{BLUE},Blue Front,Blue Liberation Front\n"
    )
    out = tmp_path / "out"
    result = run("import", "ucdp-ged", ged(tmp_path, ged_rows()), "-o", out, "--actor-list", listed)
    assert result.exit_code == 0, result.output
    actors = read(out, "actors.csv").set_index("id")
    assert actors.loc["ucdp_99", "name"] == "Government of Ruritania (Zenda)"
    assert actors.loc["ucdp_99", "aliases"] == "Government of Ruritania|Govt. of Ruritania"
    assert actors.loc["ucdp_98", "name"] == "Government of Borduria"  # not listed

    # UCDP writes the file in Windows-1252.
    listed.write_bytes(
        'ActorId,NameData\n99,"Gouvernement de Ruritanie (Zenda, café)"\n'.encode("cp1252")
    )
    result = run("import", "ucdp-ged", ged(tmp_path, ged_rows()), "-o", out, "--actor-list", listed)
    assert result.exit_code == 0, result.output
    names = read(out, "actors.csv").set_index("id")["name"]
    assert names["ucdp_99"] == "Gouvernement de Ruritanie (Zenda, café)"

    listed.write_bytes("ActorId,NameData\n99,Ruritanie café\nx1,Blue Front\n".encode("cp1252"))
    result = run("import", "ucdp-ged", ged(tmp_path, ged_rows()), "-o", out, "--actor-list", listed)
    assert result.exit_code == 1 and f"{listed}:3:1: ActorId: not a UCDP actor id" in result.output
    listed.write_text("ActorId,NameData\n99,Ruritania\n")
    wars = tmp_path / "wars.csv"
    wars.write_text("warnum\n1\n")
    result = run("import", "cow-wars", wars, "-o", tmp_path / "w", "--actor-list", listed)
    assert result.exit_code == 2 and "no UCDP actor ids" in result.output


def test_an_actor_filter_keeps_every_spelling_of_its_id(tmp_path: Path) -> None:
    out = tmp_path / "out"
    rows = ged(tmp_path, ged_rows())
    result = run("import", "ucdp-ged", rows, "-o", out, "--actor", "government of ruritania")
    assert result.exit_code == 0, result.output
    relations = read(out, "relations.csv")
    # Events 1 and 3 name it so, event 2 "Govt. of Ruritania": the same id, kept.
    assert relations[["source", "target", "events"]].values.tolist() == [
        ["ucdp_99", "ucdp_12", "3"]
    ]
