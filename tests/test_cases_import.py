"""The failing inputs of issue 18 (copied from ../shared/cases into tests/cases/NAME/data) that
import event data and edge lists, each with the behaviour its README asks for: every row read or
refused at its file, line and column, never a traceback, never another file or an input replaced."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from test_cases import case, run
from test_cases import refused as refused_cleanly

import graph
from graph.core.dates import as_period
from graph.core.resources import data_dir


def refused(result, *expected: str) -> list[str]:
    """As test_cases.refused, the notes an import prints before its problems kept: every
    line but the report's count."""
    refused_cleanly(result, *expected)
    return [line for line in result.output.splitlines() if not line.endswith(" in the data:")]


def relations(folder: Path) -> pd.DataFrame:
    return pd.read_csv(folder / "relations.csv", dtype=str, keep_default_na=False)


def test_a_file_name_with_brackets_is_that_file(tmp_path: Path) -> None:
    folder = case("import-brackets-in-file-name", tmp_path)
    result = run("import", "acled", folder / "ACLED [2024].csv", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    actors = pd.read_csv(tmp_path / "out" / "actors.csv")
    assert sorted(actors["name"]) == ["Ansar Allah", "Military Forces of Yemen (2016-)"]
    # A name that is no file is a pattern, as --help says, and names what it matched.
    result = run("import", "acled", folder / "ACLED*.csv", "-o", tmp_path / "both")
    assert result.exit_code == 0, result.output
    assert "Decoy Army" in set(pd.read_csv(tmp_path / "both" / "actors.csv")["name"])


@pytest.mark.parametrize("spelling", ["TÜRKİYE", "türkiye", "TÜRKIYE"])
def test_a_country_filter_matches_however_it_is_cased(spelling: str, tmp_path: Path) -> None:
    folder = case("import-filter-case-folding", tmp_path)
    result = run(
        "import", "acled", folder / "export.csv", "--country", spelling, "-o", tmp_path / "a"
    )
    assert result.exit_code == 0, result.output
    assert relations(tmp_path / "a")["source"].tolist() == ["military_forces_of_turkiye_2016"]


def test_an_actor_filter_folds_final_sigma(tmp_path: Path) -> None:
    folder = case("import-filter-case-folding", tmp_path)
    result = run(
        "import", "acled", folder / "export.csv", "--actor", "αστυνομία", "-o", tmp_path / "a"
    )
    assert result.exit_code == 0, result.output
    assert relations(tmp_path / "a")["target"].tolist() == ["protesters_greece"]


def test_a_filter_matching_nothing_is_refused(tmp_path: Path) -> None:
    folder = case("import-filter-case-folding", tmp_path)
    out = tmp_path / "a"
    result = run("import", "acled", folder / "export.csv", "--country", "Oman", "-o", out)
    assert refused(result) == [f"{folder / 'export.csv'}:1: --country 'Oman' matches no event"]
    assert not out.exists()
    result = run("import", "acled", folder / "export.csv", "--from", "2021", "-o", out)
    refused(result, "no relation to import: the filters leave no event with two actors")
    assert not out.exists()


@pytest.mark.parametrize(("name", "edges"), [("konect.tsv", 3), ("ratings.csv", 2)])
def test_a_first_row_of_numbers_is_an_edge(name: str, edges: int, tmp_path: Path) -> None:
    folder = case("import-first-row-looks-like-a-header", tmp_path)
    result = run("import", "edgelist", folder / name, "-o", tmp_path / "a")
    assert result.exit_code == 0, result.output
    assert "no header line: every line is an edge" in result.output
    table = relations(tmp_path / "a")
    assert len(table) == edges
    assert table.loc[0, ["source", "target", "type"]].tolist() == ["alice", "bob", "positive_tie"]
    assert table.loc[0, "weight"] in ("1e-05", "0.5")  # not rounded to a weight of 0


def test_columns_are_found_by_their_header_names(tmp_path: Path) -> None:
    folder = case("import-more-columns-than-expected", tmp_path)
    result = run("import", "edgelist", folder / "edges.csv", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "a header line: columns source, target, value, time found by name" in result.output
    table = relations(tmp_path / "out")
    assert table[["source", "target", "type", "start"]].values.tolist() == [
        ["1", "2", "positive_tie", "2020-01-01"],
        ["2", "3", "negative_tie", "2020-02-01"],
    ]
    reordered = tmp_path / "reordered.csv"
    reordered.write_text("Weight,note,To,From\n-3,x,b,a\n")
    result = run("import", "edgelist", reordered, "-o", tmp_path / "r")
    assert result.exit_code == 0, result.output
    assert relations(tmp_path / "r").loc[0, ["source", "target", "type", "weight"]].tolist() == [
        "a",
        "b",
        "negative_tie",
        "3",
    ]
    unnamed = tmp_path / "unnamed.csv"
    unnamed.write_text("a,b,c\nx,y,1\n")
    lines = refused(run("import", "edgelist", unnamed, "-o", tmp_path / "u"))
    assert lines[0].startswith(f"{unnamed}:1: the header names no column for source: one of")


@pytest.mark.parametrize(
    ("kind", "name", "problem"),
    [
        (
            "acled",
            "acled-infinity.csv",
            ":3:27: fatalities: not a count: give a whole number, 0 or more (empty or NaN: "
            "unknown): 'Infinity'",
        ),
        ("acled", "acled-negative.csv", ":3:27: fatalities: not a count"),
        ("gdelt", "gdelt-inf.export.CSV", ":2:31: GoldsteinScale: not a Goldstein score"),
    ],
)
def test_non_finite_and_negative_numbers_are_located(
    kind: str, name: str, problem: str, tmp_path: Path
) -> None:
    folder = case("import-non-finite-numbers", tmp_path)
    lines = refused(run("import", kind, folder / name, "-o", tmp_path / "out"))
    assert lines[0].startswith(f"{folder / name}{problem}"), lines
    assert not (tmp_path / "out").exists()


def test_a_nan_count_is_unknown(tmp_path: Path) -> None:
    folder = case("import-non-finite-numbers", tmp_path)
    result = run("import", "acled", folder / "acled-nan.csv", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    table = relations(tmp_path / "out")
    assert table[["events", "fatalities"]].values.tolist() == [["3", "6"]]


def test_non_finite_ratings_in_an_edge_list(tmp_path: Path) -> None:
    ratings = tmp_path / "ratings.csv"
    ratings.write_text("a,b,inf\nb,c,NaN\nc,d,1\n")
    lines = refused(run("import", "edgelist", ratings, "-o", tmp_path / "out"))
    assert lines[-2:] == [
        f"{ratings}:1:3: value: not a number: give a sign (1, -1) or a finite rating: 'inf'",
        f"{ratings}:2:3: value: not a number: give a sign (1, -1) or a finite rating: 'NaN'",
    ]


@pytest.mark.parametrize("name", ["relations.csv", "actors.csv", "datapackage.json"])
def test_an_import_never_replaces_its_source(name: str, tmp_path: Path) -> None:
    folder = case("import-overwrites-its-source", tmp_path) / "mydata"
    source = folder / name
    if name != "relations.csv":
        shutil.copy(folder / "relations.csv", source)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = run("import", "edgelist", source, "-o", folder)
    assert refused(result) == [f"cannot write {source}: it is an input of this command"]
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_zero_weight_never_flips_a_tie(tmp_path: Path) -> None:
    folder = case("zero-weight-flips-a-tie", tmp_path)
    S = graph.signed_graph(graph.load(folder))
    assert S["a"]["b"]["sign"] == 1  # its one relation, backs, is support
    # Every tie has a sign one of its relations has, so every command works.
    for u, v, sign in S.edges(data="sign"):
        assert sign in {r["sign"] for r in S[u][v]["relations"]}, (u, v)
    result = run("balance", folder)
    assert result.exit_code == 0, result.output
    # The page's quiz looked for a relation of the tie's sign (StopIteration).
    result = run("build", folder, "-o", tmp_path / "x.html")
    assert result.exit_code == 0, result.output
    # Balanced now that a-b is support: no question is in doubt, and the quiz says so.
    refused(run("quiz", folder, "-n", "6", "-o", tmp_path / "q.csv"), "every triangle agrees")
    # The rule's other steps: the stronger side wins; as strong support as opposition
    # is decided by the count; an even count is opposition.
    (folder / "relations.csv").write_text(
        "source,target,type,weight\na,b,backs,0\na,b,fights,0\nb,c,backs,1\nb,c,backs,0\n"
        "b,c,fights,1\nc,d,backs,3\nc,d,fights,1\n"
    )
    S = graph.signed_graph(graph.load(folder))
    assert [S[u][v]["sign"] for u, v in (("a", "b"), ("b", "c"), ("c", "d"))] == [-1, 1, 1]


def cli(*args: str | Path, **env: str) -> subprocess.CompletedProcess:
    """The command run as a user runs it: its own process, terminal streams and warnings."""
    environment = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "-m", "graph", *map(str, args)],
        capture_output=True,
        env=environment,
        check=False,
    )


@pytest.mark.parametrize("command", ["info", "balance", "--help"])
@pytest.mark.parametrize("encoding", ["latin-1", "iso8859-9", "cp437"])
def test_any_terminal_encoding(command: str, encoding: str) -> None:
    # As LC_ALL=en_US.ISO-8859-1 sets it (the locale need not be installed here).
    done = cli(command, PYTHONIOENCODING=encoding)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    if command == "info":  # "Battle of Aleppo (2012–2016)": the en dash escaped
        assert done.stdout.decode(encoding).splitlines()[0] == "Battle of Aleppo (2012\\u20132016)"


def test_library_warnings_and_paths_are_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "actors.csv").write_text('id,name\na,"Bad\x1b[31mName\x07"\nb,B\nc,C\n')
    (folder / "relations.csv").write_text("source,target,type\na,b,fights\nb,c,fights\na,c,backs\n")
    out = tmp_path / "new\nline.png"
    done = cli("figure", folder, "-o", out)
    assert done.returncode == 0, done.stderr
    assert b"Glyph 27 (\\x1b) missing" in done.stderr  # matplotlib's words, escaped
    assert not any(byte in done.stderr + done.stdout for byte in (b"\x1b", b"\x07"))
    assert done.stdout.decode().strip().endswith("new\\nline.png")


def test_graphml_problems_at_their_own_lines(tmp_path: Path) -> None:
    folder = case("graphml-error-location", tmp_path)
    bad = folder / "bad.graphml"
    lines = refused(run("import", "graphml", bad, "-o", tmp_path / "out"))
    assert lines == [
        f"{bad}:9:33: weight: 'strong' is not a number",
        f"{bad}:11:3: malformed XML: not well-formed (invalid token)",
    ]
    gexf = tmp_path / "bad.gexf"
    gexf.write_text(
        '<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n'
        '<graph defaultedgetype="directed">\n<attributes class="edge">\n'
        '<attribute id="0" title="sign" type="long"/>\n</attributes>\n<nodes>\n'
        '<node id="a"/><node id="b"/>\n</nodes>\n<edges>\n'
        '<edge id="0" source="a" target="b" weight="inf"><attvalues>\n'
        '<attvalue for="0" value="-1.5"/></attvalues></edge>\n</edges>\n</graph>\n</gexf>\n'
    )
    lines = refused(run("import", "gexf", gexf, "-o", tmp_path / "out"))
    assert lines == [
        f"{gexf}:11:1: weight: 'inf' is not a finite number",
        f"{gexf}:12:1: sign: '-1.5' is not a whole number",
    ]


def names(folder: Path) -> list[tuple[str, ...]]:
    """A dataset's relations by actor name (an import makes ids from names), type and span."""
    table = relations(folder)
    actors = pd.read_csv(folder / "actors.csv", dtype=str, keep_default_na=False)
    name = dict(zip(actors["id"], actors["name"], strict=True))
    return sorted(
        (name[s], name[t], kind, start, end)
        for s, t, kind, start, end in table[["source", "target", "type", "start", "end"]].values
    )


@pytest.mark.parametrize("format_", ["graphml", "gexf"])
def test_our_graph_exports_import_back(format_: str, tmp_path: Path) -> None:
    exported = tmp_path / f"aleppo.{format_}"
    assert run("export", "--format", format_, "-o", exported).exit_code == 0
    result = run("import", format_, exported, "-o", tmp_path / "back", "--gap-days", "0")
    assert result.exit_code == 0, result.output
    assert run("validate", tmp_path / "back").exit_code == 0
    original = names(data_dir())
    back = names(tmp_path / "back")
    if format_ == "gexf":  # GEXF dates are days: 2015 is written 2015-01-01
        original = [
            (*r[:3], as_period(r[3])[0].isoformat() if r[3] else "", r[4]) for r in original
        ]
    assert back == original


def test_a_single_source_event_is_reported_not_alleged(tmp_path: Path) -> None:
    from graph.analysis.quiz import glossary
    from graph.drawing.picture import scene

    folder = case("import-brackets-in-file-name", tmp_path)
    export = folder / "ACLED [2024].csv"
    export.write_text(export.read_text().replace("Xinhua;Al Masirah", "Xinhua"))
    result = run("import", "acled", export, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    table = relations(tmp_path / "out")
    assert table[["confidence", "sources"]].values.tolist() == [["reported", "1"]]
    assert run("validate", tmp_path / "out").exit_code == 0
    legend = scene(graph.load(tmp_path / "out"))["legend"]["confidence"]
    assert [(entry["level"], entry["meaning"]) for entry in legend] == [
        ("reported", "one source's report")
    ]
    assert "not an accusation" in glossary().loc["reported", "definition"]


def test_ctrl_c_prints_one_line_and_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    edges = tmp_path / "edges.tsv"
    with open(edges, "w") as out:  # big enough to be still reading when Ctrl-C comes
        out.writelines(
            f"{i % 5000}\t{i * 7 % 5003}\t{1 if i % 3 else -1}\n" for i in range(300_000)
        )
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "relations.csv").write_text("source,target,type\na,b,backs\n")
    before = (folder / "relations.csv").read_bytes()
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", "import", "edgelist", str(edges), "-o", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # As in a terminal: Python's own Ctrl-C handler (a background job would ignore it).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert b"no header line" in process.stderr.readline()  # the import has begun reading
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert err.decode().splitlines() == ["interrupted: no output was written or changed"]
    assert sorted(p.name for p in folder.iterdir()) == ["relations.csv"]
    assert (folder / "relations.csv").read_bytes() == before


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("export.zip", b"PK\x03\x04rest", "a zip archive: unzip it first"),
        ("export.xlsx", b"PK\x03\x04rest", "an Excel workbook: save it as CSV UTF-8"),
        (
            "events.parquet",
            b"PAR1" + b"\0" * 40,
            "a truncated Parquet file (its footer is missing)",
        ),
    ],
)
def test_archives_and_truncated_parquet_are_named(
    name: str, content: bytes, problem: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    lines = refused(run("import", "acled", path, "-o", tmp_path / "out"))
    assert lines == [f"{path}:1: {problem}" + lines[0].split(problem, 1)[1]]


def test_a_cut_off_last_row_and_a_long_cell(tmp_path: Path) -> None:
    folder = case("import-brackets-in-file-name", tmp_path)
    text = (folder / "ACLED [2024].csv").read_text()
    cut = tmp_path / "download.csv"
    cut.write_text(text[: text.rindex("Ansar Allah")])  # ACLED downloads end mid-row
    lines = refused(run("import", "acled", cut, "-o", tmp_path / "out"))
    assert lines == [
        f"{cut}:4: the last line is cut off (11 of 29 fields): the download or copy ended "
        "early; download the file again"
    ]
    long = tmp_path / "long.csv"  # a 3 MB notes cell (DuckDB's default limit is 2 MB a line)
    long.write_text(text.replace("Clashes near the city.", "x" * 3_000_000, 1))
    result = run("import", "acled", long, "-o", tmp_path / "long")
    assert result.exit_code == 0, result.output[:500]
    assert len(relations(tmp_path / "long").loc[0, "evidence"]) <= 300
