"""Alliance and war data: COW dyadic wars and MIDs and ATOP alliances, into one dataset reconciled
by COW country codes, read for a period, and the UCDP External Support Dataset (issue 18). The
files are written here in the sources' column layouts (COW directed dyadic war v4.01, dyadic MID
4.x, ATOP 5.1 dyad-year, the COW state list, UCDP ESD 18.1 supporter-actor dyad-year)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import graph
from graph.cli import main

#: The COW state list (states2016.csv), the states of 1914 used here.
STATES = [
    ("UKG", 200, "United Kingdom"),
    ("BEL", 211, "Belgium"),
    ("FRN", 220, "France"),
    ("GMY", 255, "Germany"),
    ("AUH", 300, "Austria-Hungary"),
    ("SRB", 345, "Serbia"),
    ("RUS", 365, "Russia"),
    ("TUR", 640, "Turkey"),
]
#: Directed dyadic war file columns (COW Dyadic Inter-State War Dataset v4.01).
WAR_COLUMNS = [
    "warnum",
    "disno",
    "dyindex",
    "statea",
    "stateb",
    "warstrtmnth",
    "warstrtday",
    "warstrtyr",
    "warendmnth",
    "warenday",
    "warendyr",
    "year",
    "warolea",
    "waroleb",
    "wardyadrolea",
    "wardyadroleb",
    "outcomea",
    "batdtha",
    "batdthb",
    "changes_1",
    "changes_2",
    "batdths",
    "durindx",
]
#: World War I (war 106) dyads of 1914, by the day each entered the war against the other.
WW1 = [
    (300, 345, 7, 28),
    (255, 365, 8, 1),
    (255, 220, 8, 3),
    (255, 211, 8, 4),
    (255, 200, 8, 4),
    (300, 365, 8, 6),
    (300, 220, 8, 12),
    (300, 200, 8, 12),
    (640, 365, 11, 2),
    (640, 200, 11, 5),
    (640, 220, 11, 5),
]
#: ATOP 5.1 dyad-year columns (the obligations the tests read, and some others).
ATOP_COLUMNS = "dyad,stateA,stateB,year,atopally,defense,offense,neutral,nonagg,consul,shareob"
#: Alliances in force in 1914: the Triple Alliance's Germany-Austria core, the Ottoman
#: alliance, the Franco-Russian alliance and the Entente's consultation pacts.
ALLIANCES = [
    (255, 300, "1,0,1,0,1"),
    (255, 640, "1,1,0,0,1"),
    (300, 640, "1,1,0,0,0"),
    (220, 365, "1,0,0,0,1"),
    (200, 220, "0,0,0,0,1"),
    (200, 365, "0,0,0,0,1"),
]


def write_csv(path: Path, header: list[str], rows: list[list]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def states_file(folder: Path) -> Path:
    header = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version"
    rows = [[abb, code, name, 1816, 1, 1, 2016, 12, 31, 2016] for abb, code, name in STATES]
    return write_csv(folder / "states2016.csv", header.split(","), rows)


def war_rows(dyads=WW1, **changes) -> list[list]:
    rows = []
    for a, b, month, day in dyads:
        for x, y in ((a, b), (b, a)):  # the directed file lists each dyad both ways
            for year in (1914, 1915, 1916, 1917, 1918):
                row = dict.fromkeys(WAR_COLUMNS, -8)
                row.update(warnum=106, statea=x, stateb=y, year=year, warstrtyr=1914)
                row.update(warstrtmnth=month, warstrtday=day)
                row.update(warendyr=1918, warendmnth=11, warenday=11)
                row.update(changes)
                rows.append([row[c] for c in WAR_COLUMNS])
    return rows


def atop_rows() -> list[list]:
    rows = []
    for a, b, obligations in ALLIANCES:
        for year in (1912, 1913, 1914):
            rows.append([f"{a}{b}", a, b, year, 1, *obligations.split(","), 0])
    return rows


def run(*args: str | Path):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def ww1(tmp_path: Path) -> Path:
    """COW wars + ATOP alliances of 1914 in one dataset."""
    states = states_file(tmp_path)
    wars = write_csv(tmp_path / "directed_dyadic_war.csv", WAR_COLUMNS, war_rows())
    atop = write_csv(tmp_path / "atop5_1dy.csv", ATOP_COLUMNS.split(","), atop_rows())
    out = tmp_path / "ww1"
    result = run("import", "cow-wars", wars, "-o", out, "--states", states)
    assert result.exit_code == 0, result.output
    result = run("import", "atop", atop, "-o", out, "--states", states, "--add")
    assert result.exit_code == 0, result.output
    return out


def test_cow_wars_and_atop_reconciled_by_code(ww1: Path) -> None:
    assert run("validate", ww1).exit_code == 0
    actors = pd.read_csv(ww1 / "actors.csv", dtype=str, keep_default_na=False)
    assert sorted(actors["name"]) == sorted(name for _, _, name in STATES)  # 8, not 16
    relations = pd.read_csv(ww1 / "relations.csv", dtype=str, keep_default_na=False)
    germany_france = relations[
        (relations["source"] == "france") & (relations["target"] == "germany")
    ]
    assert germany_france[["type", "start", "end"]].values.tolist() == [
        ["fights", "1914-08-03", "1918-11-11"]  # one relation for the two directions and 5 years
    ]
    pacts = relations[(relations["source"] == "france") & (relations["target"] == "russia")]
    assert pacts[["type", "start", "end"]].values.tolist() == [
        ["consultation_pact", "1912", "1914"],
        ["defence_pact", "1912", "1914"],
    ]
    assert run("build", ww1, "-o", ww1.parent / "ww1.html").exit_code == 0


def assert_entente_against_central_powers(folder: Path) -> None:
    """Balance's two sides for August-December 1914 are the Entente and the Central Powers."""
    result = run("balance", folder, "--from", "1914-08", "--to", "1914-12", "--all")
    assert result.exit_code == 0, result.output
    groups = [line for line in result.output.splitlines() if line.startswith("group of")]
    sides = sorted(sorted(part.strip() for part in g.split(":", 1)[1].split(",")) for g in groups)
    assert sides == [
        ["Austria-Hungary", "Germany", "Turkey"],
        ["Belgium", "France", "Russia", "Serbia", "United Kingdom"],
    ]
    assert "frustration index L = 0" in result.output


def test_entente_against_the_central_powers_in_1914(ww1: Path) -> None:
    assert_entente_against_central_powers(ww1)
    # Before the war, only the alliances: the same two camps, no tie between them.
    S = graph.signed_graph(graph.between(graph.load(ww1), "1914-01", "1914-06"))
    assert all(sign == 1 for _, _, sign in S.edges(data="sign"))


@pytest.mark.parametrize("command", ["metrics", "quiz", "figure", "build"])
def test_every_analysis_takes_the_period(command: str, ww1: Path, tmp_path: Path) -> None:
    output = {
        "quiz": ["-o", tmp_path / "q.csv", "-n", "2"],
        "figure": ["-o", tmp_path / "f.svg"],
        "build": ["-o", tmp_path / "p.html"],
    }.get(command, [])
    result = run(command, ww1, "--from", "1914-08", "--to", "1914-12", *output)
    if command == "quiz":  # the period's camps are perfectly balanced: nothing to ask
        assert result.exit_code == 1 and "every triangle agrees" in result.output
    else:
        assert result.exit_code == 0, result.output
    if command == "metrics":  # Turkey entered in November: in the period; Italy never was
        assert "turkey" in result.output
    result = run(command, ww1, "--from", "1915", "--to", "1914", *output)
    assert result.exit_code == 2 and "ends (1914) before it starts (1915)" in result.output


def test_the_cow_files_own_errors_are_located(tmp_path: Path) -> None:
    # The real file has a start month 24 and an end year 19118 (war 106); validate finds them.
    rows = (
        war_rows(WW1[:1]) + war_rows(WW1[1:2], warstrtmnth=24) + war_rows(WW1[2:3], warendyr=19118)
    )
    wars = write_csv(tmp_path / "wars.csv", WAR_COLUMNS, rows)
    result = run("import", "cow-wars", wars, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = result.output.splitlines()
    assert f"{wars}:12:6: warstrtmnth: not a month: 1 to 12, or -9 when unknown: '24'" in lines
    assert f"{wars}:22:11: warendyr: not a year, or -7 for a war going on: '19118'" in lines
    assert not (tmp_path / "out").exists()


#: Dyadic MID 4.02 columns (Maoz et al.'s dyadic MID data, COW), the ones read and some others.
MID_COLUMNS = [
    "disno", "dyindex", "statea", "namea", "stateb", "nameb", "strtday", "strtmnth", "strtyr",
    "endday", "endmnth", "endyear", "outcome", "settlmnt", "fatlev", "highact", "hihost", "recip",
    "year",
]  # fmt: skip


def mid_rows(disno, a, b, start, end, hihost, years, **changes) -> list[list]:
    """One row per year of a dyadic dispute, its dates and its highest hostility level."""
    rows = []
    for year in years:
        row = dict.fromkeys(MID_COLUMNS, -9)
        row.update(disno=disno, dyindex=f"{disno}{a}{b}", statea=a, stateb=b, year=year)
        row.update(namea="", nameb="", hihost=hihost)
        row.update(strtyr=start[0], strtmnth=start[1], strtday=start[2])
        row.update(endyear=end[0], endmnth=end[1], endday=end[2])
        row.update(changes)
        rows.append([row[c] for c in MID_COLUMNS])
    return rows


def test_mid_hostility_levels_become_opposition(tmp_path: Path) -> None:
    rows = (
        # The Agadir crisis (a display of force): Germany against France, July-November 1911.
        mid_rows(306, 255, 220, (1911, 7, 1), (1911, 11, 4), 3, [1911])
        # A use of force over two years, the end known to the month only: one relation.
        + mid_rows(300, 365, 640, (1912, 10, -9), (1913, 5, -9), 4, [1912, 1913])
        # No militarized action: the pair is in the dispute but has no relation.
        + mid_rows(306, 200, 255, (1911, 7, 21), (1911, 11, 4), 1, [1911])
    )
    mids = write_csv(tmp_path / "dyadic_mid_4.02.csv", MID_COLUMNS, rows)
    out = tmp_path / "mids"
    result = run("import", "mid", mids, "-o", out, "--states", states_file(tmp_path))
    assert result.exit_code == 0, result.output
    assert run("validate", out).exit_code == 0
    relations = pd.read_csv(out / "relations.csv", dtype=str, keep_default_na=False)
    assert relations[["source", "target", "type", "start", "end"]].values.tolist() == [
        ["france", "germany", "opposes", "1911-07-01", "1911-11-04"],
        ["russia", "turkey", "fights", "1912-10", "1913-05"],
    ]
    assert run("build", out, "-o", tmp_path / "mids.html").exit_code == 0


def test_mid_joins_the_wars_and_alliances_by_code(ww1: Path, tmp_path: Path) -> None:
    mids = write_csv(
        tmp_path / "mids.csv",
        MID_COLUMNS,
        mid_rows(306, 255, 220, (1911, 7, 1), (1911, 11, 4), 3, [1911]),
    )
    result = run("import", "mid", mids, "-o", ww1, "--states", states_file(tmp_path), "--add")
    assert result.exit_code == 0, result.output
    actors = pd.read_csv(ww1 / "actors.csv", dtype=str, keep_default_na=False)
    assert len(actors) == len(STATES)  # France and Germany once each
    relations = pd.read_csv(ww1 / "relations.csv", dtype=str, keep_default_na=False)
    pair = relations[(relations["source"] == "france") & (relations["target"] == "germany")]
    assert sorted(pair["type"]) == ["fights", "opposes"]


def test_the_mid_files_errors_are_located(tmp_path: Path) -> None:
    rows = (
        mid_rows(306, 255, 220, (1911, 7, 1), (1911, 11, 4), 3, [1911])
        + mid_rows(307, 255, 220, (1911, 13, 1), (1911, 11, 4), 3, [1911])
        + mid_rows(308, 255, 220, (1911, 1, 1), (1911, 2, 30), 3, [1911])
        + mid_rows(309, 255, 220, (1911, 1, 1), (1911, 2, 3), 7, [1911])
    )
    mids = write_csv(tmp_path / "mids.csv", MID_COLUMNS, rows)
    result = run("import", "mid", mids, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = result.output.splitlines()
    assert f"{mids}:3:8: strtmnth: not a month: 1 to 12, or -9 when unknown: '13'" in lines
    day = "not a day of that month: 1 to 31, or -9 when unknown"
    assert f"{mids}:4:10: endday: {day}: '30'" in lines
    assert f"{mids}:5:17: hihost: not a hostility level: 1 to 5: '7'" in lines
    assert not (tmp_path / "out").exists()


def test_each_source_has_its_own_help() -> None:
    for source, words in (
        ("acled", "assoc_actor_1"),
        ("cow-wars", "warstrtmnth"),
        ("atop", "nonagg"),
        ("mid", "hihost"),
        ("ucdp-esd", "ext_alleged"),
        ("ucdp-ged", "type_of_violence"),
        ("gdelt", "GoldsteinScale"),
        ("mgar", "competitor"),
        ("cow-alliances", "nonaggression"),
        ("edgelist", "KONECT"),
    ):
        result = run("import", source, "--help")
        assert result.exit_code == 0 and words in result.output, result.output
        assert "--states" in result.output and "--add" in result.output
        # README: each source's help gives its licence and how to cite it.
        assert "Licence and citation:" in result.output, source


#: UCDP ESD 18.1 supporter-actor dyad-year columns (those read and some others).
ESD_COLUMNS = [
    "year", "dyad_id", "conflict_id", "civil", "actor_id", "actor_name", "actor_nonstate",
    "ext_id", "ext_name", "ext_nonstate", "ext_coalition", "ext_bothsides", "ext_sup", "ext_x",
    "ext_p", "ext_y", "ext_w", "ext_m", "ext_t", "ext_f", "ext_i", "ext_l", "ext_o", "ext_u",
    "ext_alleged",
]  # fmt: skip


def esd_row(
    year, actor, actor_nonstate, supporter, ext_nonstate, alleged=0, ids=("", ""), **forms
) -> list:
    """One ESD row; ``ids``: its ``actor_id`` and ``ext_id`` ("": none, keyed by name)."""
    row = dict.fromkeys(ESD_COLUMNS, 0)
    row.update(actor_id=ids[0], ext_id=ids[1])
    row.update(year=year, actor_name=actor, actor_nonstate=actor_nonstate)
    row.update(ext_name=supporter, ext_nonstate=ext_nonstate, ext_alleged=alleged)
    row.update(ext_sup=1 if forms else 0, **forms)
    return [row[c] for c in ESD_COLUMNS]


def test_esd_forms_of_support_become_typed_support(tmp_path: Path) -> None:
    rows = [
        # Two years of weapons and training, a third of weapons only: one weapons relation.
        esd_row(2014, "Government of Iraq", 0, "Government of Iran", 0, ext_w=1, ext_t=1),
        esd_row(2015, "Government of Iraq", 0, "Government of Iran", 0, ext_w=1, ext_t=1),
        esd_row(2016, "Government of Iraq", 0, "Government of Iran", 0, ext_w=1),
        # Troops of a state on a rebel group's side, and support only alleged: none.
        esd_row(2015, "SDF", 1, "Government of United States of America", 0, ext_x=1),
        esd_row(2015, "SDF", 1, "Government of France", 0, alleged=1, ext_f=1),
    ]
    esd = write_csv(tmp_path / "esd.csv", ESD_COLUMNS, rows)
    out = tmp_path / "esd"
    result = run("import", "ucdp-esd", esd, "-o", out)
    assert result.exit_code == 0, result.output
    assert run("validate", out).exit_code == 0
    relations = pd.read_csv(out / "relations.csv", dtype=str, keep_default_na=False)
    assert sorted(relations[["source", "target", "type", "start", "end"]].values.tolist()) == [
        ["government_of_iran", "government_of_iraq", "training", "2014", "2015"],
        ["government_of_iran", "government_of_iraq", "weapons", "2014", "2016"],
        ["government_of_united_states_of_america", "sdf", "troops", "2015", "2015"],
    ]
    actors = pd.read_csv(out / "actors.csv", dtype=str, keep_default_na=False)
    assert dict(zip(actors["name"], actors["kind"], strict=True))["SDF"] == "armed group"
    assert run("build", out, "-o", tmp_path / "esd.html").exit_code == 0


def test_the_esd_files_errors_are_located(tmp_path: Path) -> None:
    rows = [
        esd_row(2014, "Government of Iraq", 0, "Government of Iran", 0, ext_w=2),
        esd_row(2014, "", 0, "Government of Iran", 0, ext_w=1),
    ]
    esd = write_csv(tmp_path / "esd.csv", ESD_COLUMNS, rows)
    result = run("import", "ucdp-esd", esd, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = result.output.splitlines()
    assert f"{esd}:2:17: ext_w: not 0 or 1: '2'" in lines
    assert f"{esd}:3:6: actor_name: no warring party named: ''" in lines
    assert not (tmp_path / "out").exists()


#: MGAR dyad-year rows as this importer names the columns (the codebook's own names are
#: unconfirmed: tests below also read them from other headers with --column).
MGAR_COLUMNS = ["group1", "group2", "year", "relationship", "operational", "financial"]


def mgar_file(path: Path, rows: list[tuple], header: list[str] = MGAR_COLUMNS) -> Path:
    return write_csv(path, header, [[*row, 0, 0] for row in rows])


def test_mgar_categories_become_signed_relations(tmp_path: Path) -> None:
    rows = [
        ("al-Qaida", "al-Shabaab", 2012, "ally"),
        ("al-Qaida", "al-Shabaab", 2013, "Allies"),  # plural, capitalised: the same category
        ("Hamas", "Palestinian Islamic Jihad", 2010, "associate"),
        ("Government of Iran", "Hizballah", 2010, "supporter"),
        ("Taliban", "al-Qaida", 2001, "host"),
        ("ISIS", "Jabhat al-Nusra", 2014, "competitor"),
        ("Fatah", "Hamas", 2007, "rival"),
        ("Ansar Dine", "AQIM", 2012, "fan"),
    ]
    out = tmp_path / "mgar"
    result = run("import", "mgar", mgar_file(tmp_path / "mgar.csv", rows), "-o", out)
    assert result.exit_code == 0, result.output
    assert run("validate", out).exit_code == 0
    relations = pd.read_csv(out / "relations.csv", dtype=str, keep_default_na=False)
    assert sorted(relations[["source", "target", "type", "start", "end"]].values.tolist()) == [
        ["al_qaida", "al_shabaab", "militant_ally", "2012", "2013"],
        ["ansar_dine", "aqim", "political_support", "2012", "2012"],
        ["fatah", "hamas", "militant_rival", "2007", "2007"],
        ["government_of_iran", "hizballah", "backs", "2010", "2010"],
        ["hamas", "palestinian_islamic_jihad", "militant_associate", "2010", "2010"],
        ["isis", "jabhat_al_nusra", "militant_competitor", "2014", "2014"],
        ["taliban", "al_qaida", "territory", "2001", "2001"],
    ]
    S = graph.signed_graph(graph.load(out))
    assert S["isis"]["jabhat_al_nusra"]["sign"] == -1 and S["fatah"]["hamas"]["sign"] == -1
    assert S["al_qaida"]["al_shabaab"]["sign"] == 1
    assert run("build", out, "-o", tmp_path / "mgar.html").exit_code == 0


def test_mgar_other_headers_and_unknown_categories(tmp_path: Path) -> None:
    header = ["Group A", "Group B", "year", "reltype", "operational", "financial"]
    rows = [("Hamas", "Fatah", 2007, "rival"), ("Hamas", "PIJ", 2008, "friend")]
    mgar = mgar_file(tmp_path / "mgar.csv", rows, header)
    out = tmp_path / "out"
    result = run("import", "mgar", mgar, "-o", out)  # without --column: the missing names
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "group1: missing required column (--column group1=HEADER names another)" in (
        result.output
    )
    renamed = ["--column", "group1=Group A", "--column", "group2=group b"]
    renamed += ["--column", "relationship=reltype"]
    result = run("import", "mgar", mgar, "-o", out, *renamed)
    # A category the mapping lacks is refused where it sits, named by the file's header.
    assert result.exit_code == 1 and "Traceback" not in result.output
    message = "reltype: not a category of mappings/mgar_relationships.csv: 'friend'"
    assert f"{mgar}:3:4: {message}" in result.output.splitlines()
    assert not out.exists()
    mgar = mgar_file(tmp_path / "mgar.csv", rows[:1], header)
    result = run("import", "mgar", mgar, "-o", out, *renamed)
    assert result.exit_code == 0, result.output
    relations = pd.read_csv(out / "relations.csv", dtype=str, keep_default_na=False)
    assert relations[["source", "target", "type"]].values.tolist() == [
        ["hamas", "fatah", "militant_rival"]
    ]
    result = run("import", "edgelist", mgar, "-o", out, "--column", "source=Group A")
    assert result.exit_code == 2 and "edge list files are read by their own columns" in (
        result.output
    )
    result = run("import", "mgar", mgar, "-o", out, "--column", "side=Group A")
    assert result.exit_code == 2 and "--column side: mgar files have no such column" in (
        result.output
    )


#: COW Formal Alliances v4.1 columns (alliance_v4.1_by_directed.csv, Gibler 2009).
COW_ALLIANCE_COLUMNS = [
    "version4id", "ccode1", "state_name1", "ccode2", "state_name2", "dyad_st_day",
    "dyad_st_month", "dyad_st_year", "dyad_end_day", "dyad_end_month", "dyad_end_year",
    "left_censor", "right_censor", "defense", "neutrality", "nonaggression", "entente", "version",
]  # fmt: skip
#: The alliances of 1914 among these states: (id, codes, start, end (None: in force), pacts
#: as defense, neutrality, nonaggression, entente).
COW_ALLIANCES = [
    (87, 255, 300, (1879, 10, 7), (1918, 11, 3), (1, 1, 1, 1)),  # Dual Alliance
    (120, 255, 640, (1914, 8, 2), (1918, 10, 30), (1, 0, 0, 0)),  # German-Ottoman
    (106, 220, 365, (1894, 1, 4), (1917, 12, 3), (1, 0, 0, 1)),  # Franco-Russian
    (112, 200, 220, (1904, 4, 8), None, (0, 0, 0, 1)),  # Entente cordiale
    (117, 200, 365, (1907, 8, 31), (1917, 12, 3), (0, 0, 0, 1)),  # Anglo-Russian
]


def cow_alliance_rows(alliances=COW_ALLIANCES, **changes) -> list[list]:
    names = {code: name for _, code, name in STATES}
    rows = []
    for number, a, b, start, end, pacts in alliances:
        end = end or ("", "", "")  # none: in force when the data end
        for x, y in ((a, b), (b, a)):  # the directed file lists both ways
            row = dict(version4id=number, ccode1=x, state_name1=names[x], ccode2=y)
            row.update(state_name2=names[y], left_censor=0, right_censor=int(end is None))
            row.update(dyad_st_year=start[0], dyad_st_month=start[1], dyad_st_day=start[2])
            row.update(dyad_end_year=end[0], dyad_end_month=end[1], dyad_end_day=end[2])
            row.update(
                zip(("defense", "neutrality", "nonaggression", "entente"), pacts, strict=True)
            )
            row.update(version=4.1, **changes)
            rows.append([row[c] for c in COW_ALLIANCE_COLUMNS])
    return rows


def test_cow_wars_and_cow_alliances_entente_against_central_powers(tmp_path: Path) -> None:
    states = states_file(tmp_path)
    wars = write_csv(tmp_path / "directed_dyadic_war.csv", WAR_COLUMNS, war_rows())
    alliances = write_csv(
        tmp_path / "alliance_v4.1_by_directed.csv", COW_ALLIANCE_COLUMNS, cow_alliance_rows()
    )
    out = tmp_path / "ww1"
    assert run("import", "cow-wars", wars, "-o", out, "--states", states).exit_code == 0
    result = run("import", "cow-alliances", alliances, "-o", out, "--states", states, "--add")
    assert result.exit_code == 0, result.output
    assert run("validate", out).exit_code == 0
    actors = pd.read_csv(out / "actors.csv", dtype=str, keep_default_na=False)
    assert len(actors) == len(STATES)  # reconciled by COW code
    relations = pd.read_csv(out / "relations.csv", dtype=str, keep_default_na=False)
    pacts = relations[relations["type"].str.endswith("_pact")]
    pair = pacts[(pacts["source"] == "france") & (pacts["target"] == "russia")]
    assert pair[["type", "start", "end"]].values.tolist() == [
        ["consultation_pact", "1894-01-04", "1917-12-03"],
        ["defence_pact", "1894-01-04", "1917-12-03"],
    ]
    entente = pacts[(pacts["source"] == "united_kingdom") & (pacts["target"] == "france")]
    assert entente[["type", "start", "end"]].values.tolist() == [
        ["consultation_pact", "1904-04-08", ""]  # right-censored: still in force, open end
    ]
    assert_entente_against_central_powers(out)
    assert run("build", out, "-o", tmp_path / "ww1.html").exit_code == 0


def test_cow_alliances_yearly_files_and_located_errors(tmp_path: Path) -> None:
    header = ["ccode1", "ccode2", "state_name1", "state_name2", "year", "left_censor"]
    header += ["right_censor", "defense", "neutrality", "nonaggression", "entente", "version4id"]
    rows = [[220, 365, "France", "Russia", y, 0, 0, 1, 0, 0, 1, 106] for y in (1912, 1913)]
    yearly = write_csv(tmp_path / "alliance_v4.1_by_dyad_yearly.csv", header, rows)
    out = tmp_path / "yearly"
    result = run("import", "cow-alliances", yearly, "-o", out)
    assert result.exit_code == 0, result.output
    relations = pd.read_csv(out / "relations.csv", dtype=str, keep_default_na=False)
    assert relations[["source", "target", "type", "start", "end"]].values.tolist() == [
        ["cow_state_220", "cow_state_365", "consultation_pact", "1912", "1913"],
        ["cow_state_220", "cow_state_365", "defence_pact", "1912", "1913"],
    ]
    # A day left out ('.', as a Stata export writes it): the start known to the month.
    dotted = write_csv(
        tmp_path / "dotted.csv",
        COW_ALLIANCE_COLUMNS,
        cow_alliance_rows(COW_ALLIANCES[:1], dyad_st_day="."),
    )
    result = run("import", "cow-alliances", dotted, "-o", tmp_path / "dotted")
    assert result.exit_code == 0, result.output
    relations = pd.read_csv(tmp_path / "dotted" / "relations.csv", dtype=str, keep_default_na=False)
    assert set(relations["start"]) == {"1879-10"}
    bad = cow_alliance_rows(COW_ALLIANCES[:1], dyad_st_month=13) + cow_alliance_rows(
        COW_ALLIANCES[2:3], dyad_end_day=31, dyad_end_month=2
    )
    bad += cow_alliance_rows(COW_ALLIANCES[3:4], entente=2)
    path = write_csv(tmp_path / "alliances.csv", COW_ALLIANCE_COLUMNS, bad)
    result = run("import", "cow-alliances", path, "-o", tmp_path / "bad")
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = result.output.splitlines()
    assert f"{path}:2:7: dyad_st_month: not a month: 1 to 12, or -9 when unknown: '13'" in lines
    day = "not a day of that month: 1 to 31, or -9 when unknown"
    assert f"{path}:4:9: dyad_end_day: {day}: '31'" in lines
    assert f"{path}:6:17: entente: not 0 or 1: '2'" in lines
    assert not (tmp_path / "bad").exists()


def test_esd_coalition_cells_and_the_p_and_y_forms(tmp_path: Path) -> None:
    coalition = "Government of France, Government of United Kingdom"
    rows = [
        # A cell naming two governments, as UCDP writes a coalition: each gets the relation.
        esd_row(2015, "Government of Iraq", 0, coalition, 0, ext_i=1),
        esd_row(2015, "SDF", 1, "Government of Turkey, Government of Qatar", 0, alleged=1, ext_w=1),
        # ext_p and ext_y: support of a form the mapping leaves unnamed (backs).
        esd_row(2016, "Government of Syria", 0, "Hezbollah", 1, ext_p=1),
        esd_row(2016, "Government of Syria", 0, "Government of Iran", 0, ext_y=1),
    ]
    esd = write_csv(tmp_path / "esd.csv", ESD_COLUMNS, rows)
    out = tmp_path / "esd"
    result = run("import", "ucdp-esd", esd, "-o", out)
    assert result.exit_code == 0, result.output
    relations = pd.read_csv(out / "relations.csv", dtype=str, keep_default_na=False)
    assert sorted(relations[["source", "target", "type"]].values.tolist()) == [
        ["government_of_france", "government_of_iraq", "intelligence"],
        ["government_of_iran", "government_of_syria", "backs"],
        ["government_of_united_kingdom", "government_of_iraq", "intelligence"],
        ["hezbollah", "government_of_syria", "backs"],
    ]  # the alleged coalition support: none
    actors = pd.read_csv(out / "actors.csv", dtype=str, keep_default_na=False)
    assert coalition not in set(actors["name"])
    bad = write_csv(tmp_path / "bad.csv", ESD_COLUMNS, [esd_row(2016, "A", 1, "B", 0, ext_y=3)])
    result = run("import", "ucdp-esd", bad, "-o", tmp_path / "bad")
    assert result.exit_code == 1 and f"{bad}:2:16: ext_y: not 0 or 1: '3'" in result.output
