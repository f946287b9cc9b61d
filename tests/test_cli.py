"""The command line, through click's runner and as a real process."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph
from graph.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and graph.__version__ in result.output


def test_help_shows_examples() -> None:
    for command in ((), ("validate",), ("info",), ("build",)):
        result = run(*command, "--help")
        assert result.exit_code == 0 and "Example:" in result.output


def test_validate_bundled() -> None:
    result = run("validate")
    assert result.exit_code == 0
    assert "OK: 20 actors, 34 relations" in result.output


@pytest.mark.parametrize(
    ("actors", "relations", "said"),
    [
        ("a,Alpha\nb,Beta\n", "a,b,weapons\n", "OK: 2 actors, 1 relation"),
        ("a,Alpha\n", "", "OK: 1 actor, 0 relations"),
    ],
)
def test_validate_counts_in_words(tmp_path: Path, actors: str, relations: str, said: str) -> None:
    """One relation is "1 relation": each count and its noun agree."""
    (tmp_path / "actors.csv").write_text("id,name\n" + actors, encoding="utf-8")
    (tmp_path / "relations.csv").write_text("source,target,type\n" + relations, encoding="utf-8")
    result = run("validate", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == said


def test_validate_lists_every_problem(dataset: Path) -> None:
    lines = (dataset / "relations.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace("free_syrian_army,assad_government,fights", "fsa,assad,fights")
    lines[3] = lines[3].replace(",political_support,", ",moral_support,")
    (dataset / "relations.csv").write_text("".join(lines), encoding="utf-8")
    result = run("validate", str(dataset))
    assert result.exit_code == 1
    path = dataset / "relations.csv"
    assert f"{path}:2:1: source: unknown actor 'fsa'" in result.output
    assert f"{path}:2:2: target: unknown actor 'assad'" in result.output
    assert f"{path}:4:3: type: unknown relation type 'moral_support'" in result.output
    assert "Traceback" not in result.output


def test_info_counts() -> None:
    result = run("info")
    assert result.exit_code == 0
    assert "actors: 20" in result.output and "relations: 34" in result.output
    # 10 relations have a start and no end: still active, which the range alone hides.
    assert "dates: 2012-07 to 2016-12-22, and 10 relations with no end (ongoing)\n" in result.output
    assert "by sign: support 13, neutral 6, opposition 15" in result.output
    assert "air_strikes" in result.output


def test_info_counts_a_symmetric_relation_written_both_ways_once(tmp_path: Path) -> None:
    # As relation_counts, summary and the signed graph do: the by-sign total agrees.
    ties = tmp_path / "ties.csv"
    ties.write_text("source,target,sign\na,b,1\nb,a,1\nb,c,-1\n")
    folder = graph.import_events("edgelist", ties, tmp_path / "out", undirected=True)
    lines = run("info", str(folder)).output.splitlines()
    assert "relations: 2 (3 rows: a symmetric relation written both ways is one)" in lines
    assert "by sign: support 1, opposition 1" in lines
    # validate, which build and import agree with, counts them the same way.
    said = run("validate", str(folder)).output
    assert (
        said
        == "OK: 3 actors, 2 relations (3 rows: a symmetric relation written both ways is one)\n"
    )


def test_info_says_when_data_are_undated_or_of_one_period(dataset: Path) -> None:
    path = dataset / "relations.csv"
    rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))

    def dated(start: str) -> str:
        with open(path, "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, rows[0].keys(), lineterminator="\n")
            writer.writeheader()
            writer.writerows({**row, "start": start, "end": ""} for row in rows)
        return run("info", str(dataset)).output

    assert f"dates: 2015, and {len(rows)} relations with no end (ongoing)\n" in dated("2015")
    assert "dates: none (no relation is dated)\n" in dated("")


def test_build_writes_html(tmp_path: Path) -> None:
    out = tmp_path / "aleppo.html"
    result = run("build", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert str(out.resolve()) in result.output
    page = out.read_text(encoding="utf-8")
    for node in graph.load().nodes:
        assert f'"id":"{node}"' in page


def test_failed_build_keeps_the_old_file(dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "aleppo.html"
    out.write_text("good old page", encoding="utf-8")
    (dataset / "actors.csv").write_text("id;name\n", encoding="utf-8")
    result = run("build", str(dataset), "-o", str(out))
    assert result.exit_code == 1
    assert "not comma-separated" in result.output
    assert out.read_text(encoding="utf-8") == "good old page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aleppo.html", "data"]


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "graph", "validate", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "actors.csv:1: cannot read file" in done.stderr
    assert "Traceback" not in done.stderr
