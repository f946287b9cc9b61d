"""The failing inputs of issue 9 (copied from ../shared/cases into tests/cases/NAME/data), each with
the behaviour its README asks for: one clear line per problem, never a traceback or a hang."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import graph
from graph.cli import main

CASES = Path(__file__).parent / "cases"


def case(name: str, tmp_path: Path) -> Path:
    """A writable copy of one case's data folder."""
    folder = tmp_path / name
    shutil.copytree(CASES / name / "data", folder)
    return folder


def run(*args: str | Path):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def refused(result, *expected: str) -> list[str]:
    """The problem lines of a command that must fail cleanly with every expected text."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    for text in expected:
        assert text in result.output, result.output
    return result.output.splitlines()[1:]


EVERY_COMMAND = (
    ("validate",),
    ("info",),
    ("build", "-o", "out.html"),
    ("figure", "-o", "out.png"),
    ("export", "--format", "gexf", "-o", "out.gexf"),
    ("metrics",),
    ("balance",),
)


def every_command(folder: Path, tmp_path: Path):
    """Each command on a folder, outputs in tmp_path."""
    for command in EVERY_COMMAND:
        name, *rest = command
        yield command, run(name, folder, *(str(tmp_path / a) if "." in a else a for a in rest))


def test_blank_cells_only(tmp_path: Path) -> None:
    folder = case("blank-cells-only", tmp_path)
    lines = refused(run("validate", folder))
    assert lines == [f"{folder / 'actors.csv'}:1: no header: every line holds only empty cells"]


def test_cr_line_ends_and_a_cp1252_byte(tmp_path: Path) -> None:
    folder = case("cr-line-ends-cp1252", tmp_path)
    assert b"\n" not in (folder / "actors.csv").read_bytes()
    lines = refused(run("validate", folder))
    assert lines == [
        f"{folder / 'actors.csv'}:3: file is not UTF-8: byte 0xe9 ('é' in Windows-1252) at "
        "character 10; save it as UTF-8 (spreadsheets: Save As, CSV UTF-8)"
    ]
    # Saved as UTF-8, the lone CR line ends read fine, lines counted as an editor does.
    text = (folder / "actors.csv").read_bytes().decode("cp1252")
    (folder / "actors.csv").write_text(text, encoding="utf-8", newline="")
    assert graph.load(folder).nodes["beta"]["name"] == "Société"
    (folder / "actors.csv").write_text(text.replace("beta,", "b eta,"), encoding="utf-8")
    assert "actors.csv:3:1: id: bad id 'b eta'" in run("validate", folder).output


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        (
            "datapackage-malformed",
            ":3:1: malformed JSON: Expecting property name enclosed in double quotes",
        ),
        ("datapackage-not-object", ":1: not a JSON object ({...}) but an array"),
    ],
)
def test_bad_datapackage_refused_by_every_command(name: str, problem: str, tmp_path: Path) -> None:
    folder = case(name, tmp_path)
    for command, result in every_command(folder, tmp_path):
        assert refused(result) == [f"{folder / 'datapackage.json'}{problem}"], command
    assert not list(tmp_path.glob("out.*"))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"title": ["a list"]}', ":1: title: title must be a text (a JSON string)"),
        ("[" * 100_000 + "]" * 100_000, ":1: JSON nested 100,000 levels deep, more than 64"),
        (b'{"title": "Caf\xe9"}', ":1: file is not UTF-8: byte 0xe9"),
        ('{"title": "x\\u001b[2J"}', None),  # a title is data: escaped when printed
    ],
)
def test_other_bad_datapackages(dataset: Path, text: str | bytes, problem: str | None) -> None:
    path = dataset / "datapackage.json"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    if problem is None:
        result = run("info", dataset)
        assert result.exit_code == 0 and "x\\x1b[2J" in result.output
        assert "\x1b" not in result.output
        return
    with pytest.raises(graph.DataError) as error:
        graph.load(dataset)
    assert str(error.value.problems[0]).startswith(f"{path}{problem}")


def test_datapackage_directory(dataset: Path) -> None:
    (dataset / "datapackage.json").unlink()
    (dataset / "datapackage.json").mkdir()
    lines = refused(run("validate", dataset))
    assert lines == [f"{dataset / 'datapackage.json'}:1: not a regular file but a directory"]


def test_fifo_device_and_directory_are_not_read(tmp_path: Path) -> None:
    folder = case("fifo-instead-of-csv", tmp_path)
    os.mkfifo(folder / "actors.csv")
    # A real process with a timeout: opening a FIFO would block forever.
    done = subprocess.run(
        [sys.executable, "-m", "graph", "validate", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines()[1:] == [
        f"{folder / 'actors.csv'}:1: not a regular file but a named pipe (FIFO)"
    ]
    (folder / "actors.csv").unlink()
    (folder / "actors.csv").symlink_to(os.devnull)
    assert refused(run("validate", folder)) == [
        f"{folder / 'actors.csv'}:1: not a regular file but a device"
    ]
    (folder / "actors.csv").unlink()
    (folder / "actors.csv").mkdir()
    assert refused(run("validate", folder)) == [
        f"{folder / 'actors.csv'}:1: not a regular file but a directory"
    ]


def test_file_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = case("no-date-columns", tmp_path)
    limit = (graph.tables.read.DATA_DIR / "relation_types.csv").stat().st_size
    with (folder / "relations.csv").open("a", encoding="utf-8") as out:
        out.write("alpha,beta,fights,confirmed,Again.,article: x\n" * (limit // 40))
    monkeypatch.setattr(graph.tables.read, "MAX_FILE_BYTES", limit)
    size = (folder / "relations.csv").stat().st_size / 2**20
    assert refused(run("validate", folder)) == [
        f"{folder / 'relations.csv'}:1: file too large: {size:,.0f} MiB, the limit is 0 MiB; "
        "split the data or keep the columns you need",
    ]


def test_many_unknown_actors_summarised(tmp_path: Path) -> None:
    folder = case("many-unknown-actors", tmp_path)
    with pytest.raises(graph.DataError) as error:
        graph.validate(folder)
    problems = error.value.problems
    unknown = [p for p in problems if "unknown actor" in p.message]
    assert len(unknown) == 10_000  # every one is kept for code...
    assert unknown[0].message == "unknown actor 'actr_0' (did you mean 'actor_0'?)"
    assert all("did you mean 'actor_" in p.message for p in unknown)
    report = str(error.value).splitlines()
    assert len(report) < 40  # ...but the report shows ten of each kind and counts the rest
    path = folder / "relations.csv"
    assert report[0] == "13,000 problems in the data:"
    assert report[-3:] == [
        f"{path}: source: ... and 4,990 more like these (5,000 in all): "
        "unknown actors: ids not in actors.csv",
        f"{path}: target: ... and 4,990 more like these (5,000 in all): "
        "unknown actors: ids not in actors.csv",
        f"{path}: ... and 2,990 more like these (3,000 in all): exact duplicate rows",
    ]


def test_no_date_columns_are_undated_relations_everywhere(tmp_path: Path) -> None:
    folder = case("no-date-columns", tmp_path)
    assert run("validate", folder).output == "OK: 4 actors, 5 relations\n"
    G = graph.load(folder)
    assert all(d["start"] is None and d["end"] is None for _, _, d in G.edges(data=True))
    for at in ("1000", "2016-07", "2999-12-31"):
        assert graph.snapshot(G, at).number_of_edges() == 5
    outputs = {
        "build": ("build", "-o", tmp_path / "page.html"),
        "figure": ("figure", "-o", tmp_path / "figure.svg"),
        "figure at": ("figure", "--at", "2016", "-o", tmp_path / "at.png"),
        "gexf": ("export", "--format", "gexf", "-o", tmp_path / "x.gexf"),
        "graphml": ("export", "--format", "graphml", "-o", tmp_path / "x.graphml"),
        "json": ("export", "--format", "json", "-o", tmp_path / "x.json"),
        "csv": ("export", "--format", "csv", "-o", tmp_path / "csv"),
    }
    for name, (command, *rest) in outputs.items():
        result = run(command, folder, *rest)
        assert result.exit_code == 0, (name, result.output)
    text = (tmp_path / "x.json").read_text(encoding="utf-8")
    assert "NaN" not in text
    assert all(edge["start"] is None for edge in json.loads(text)["edges"])
    assert "nan" not in (tmp_path / "csv" / "relations.csv").read_text(encoding="utf-8")
    back = graph.load(tmp_path / "csv")
    assert nx.utils.edges_equal(back.edges(keys=True, data=True), G.edges(keys=True, data=True))
    payload = graph.drawing.scene.scene(G)
    assert all(edge["start"] is None and edge["when"] for edge in payload["edges"])
    for function in (graph.centrality, graph.relation_counts, graph.summary):
        function(G)
    graph.balance.balance_report(graph.signed_graph(G))


def test_own_sign_column_is_checked_against_the_types(tmp_path: Path) -> None:
    folder = case("own-sign-column", tmp_path)
    path = folder / "relations.csv"
    lines = refused(run("validate", folder))
    disagree = "whose sign is {} in the vocabulary: correct one or leave the sign empty"
    assert lines == [
        f"{path}:2:9: sign: sign + disagrees with type 'fights', {disagree.format('-1')}",
        f"{path}:3:9: sign: sign + disagrees with type 'fights', {disagree.format('-1')}",
        f"{path}:5:9: sign: sign + disagrees with type 'attacks', {disagree.format('-1')}",
        f"{path}:6:9: sign: sign + disagrees with type 'negotiates_with', " + disagree.format("0"),
    ]
    # Signs that agree, or no type: the sign is the data's.
    text = path.read_text(encoding="utf-8").splitlines()
    fixed = [text[0], *(row.rsplit(",", 1)[0] + ",-" for row in text[1:3]), text[3]]
    fixed += ["delta,beta,,2014-03,2015,alleged,Delta attacked Beta.,article: z,-"]
    fixed += ["gamma,beta,border_talks,2016-09,,confirmed,Talks.,article: z,0"]
    path.write_text("\n".join(fixed) + "\n", encoding="utf-8")
    G = graph.load(folder)
    types = {(u, v): (d["type"], d["sign"]) for u, v, d in G.edges(data=True)}
    assert types[("delta", "beta")] == ("negative_tie", -1)
    assert types[("gamma", "beta")] == ("border_talks", 0)
    assert G.graph["relation_types"]["border_talks"] == {
        "sign": 0,
        "label": "border_talks",
        "symmetric": False,
    }


def test_placeholder_far_dates_refused_by_every_command(tmp_path: Path) -> None:
    folder = case("placeholder-far-dates", tmp_path)
    where = f"{folder / 'relations.csv'}:4:5: end: year 9999 is outside 1000–2999: "
    for command, result in every_command(folder, tmp_path):
        assert refused(result) == [where + "an open end is an empty cell"], command
    for command in ("figure", "metrics", "balance"):
        result = run(
            command, "--at", "9999-12-31", *(["-o", tmp_path / "x.png"] * (command == "figure"))
        )
        assert result.exit_code == 2 and "year 9999 is outside 1000–2999" in result.output


def test_unterminated_quote_reported_where_it_opens(tmp_path: Path) -> None:
    folder = case("unterminated-quote", tmp_path)
    assert refused(run("validate", folder)) == [
        f"{folder / 'actors.csv'}:3:2: quote opened here is never closed: "
        'close it, or double it as "" in a cell'
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (None, "file is UTF-16 without a byte-order mark (not UTF-8)"),
        ("utf-16", "file is UTF-16 (not UTF-8)"),
        ("utf-32", "file is UTF-32 (not UTF-8)"),
    ],
)
def test_utf16_is_one_message_without_control_bytes(
    tmp_path: Path, data: str | None, message: str
) -> None:
    folder = case("utf16-no-bom", tmp_path)
    if data:
        text = (folder / "actors.csv").read_bytes().decode("utf-16-le")
        (folder / "actors.csv").write_bytes(text.encode(data))
    lines = refused(run("validate", folder))
    assert lines == [
        f"{folder / 'actors.csv'}:1: {message}: save it as UTF-8 (spreadsheets: Save As, CSV UTF-8)"
    ]
    assert "\x00" not in "".join(lines)


def test_very_wide_header_is_read(tmp_path: Path) -> None:
    folder = case("very-wide-header", tmp_path)
    G = graph.validate(folder)  # what the validate command runs
    assert (G.number_of_nodes(), G.number_of_edges()) == (2, 1)
    assert len(G.nodes["alpha"]) > 30_000 and "c29999" in G.nodes["alpha"]
