"""The analysis commands, ``metrics`` and ``balance``, through click's runner."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import graph
from graph.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_help_shows_examples() -> None:
    for command in ("metrics", "balance"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Example:" in result.output
        assert "--at DATE" in result.output


def test_metrics_prints_summary_and_table() -> None:
    result = run("metrics")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["actors", "20"]
    assert any(line.split()[:2] == ["relations", "34"] for line in lines)
    header = next(line for line in lines if "betweenness" in line).split()
    assert header[:2] == ["camp", "in_degree"] and header[-1] == "pn"
    russia = next(line for line in lines if line.startswith("russia ")).split()
    # camp, in/out/total degree, support and opposition given/received, signed degree
    assert russia[1:11] == ["pro-government", "3", "6", "9", "3", "0", "3", "2", "-4", "0.115"]


def test_metrics_at_a_date() -> None:
    result = run("metrics", "--at", "2014")
    assert result.exit_code == 0, result.output
    assert any(line.split() == ["relations", "18"] for line in result.output.splitlines())


def test_metrics_writes_the_table_as_csv(tmp_path: Path) -> None:
    out = tmp_path / "centrality.csv"
    result = run("metrics", "--at", "2016", "--csv", str(out))
    assert result.exit_code == 0, result.output
    written = pd.read_csv(out, index_col="actor")
    expected = graph.centrality(graph.load(), at="2016")
    pd.testing.assert_frame_equal(written, expected, check_dtype=False, check_index_type=False)
    first = out.read_bytes()
    assert run("metrics", "--at", "2016", "--csv", str(out)).exit_code == 0
    assert out.read_bytes() == first  # deterministic
    assert sorted(p.name for p in tmp_path.iterdir()) == ["centrality.csv"]


def test_failed_metrics_keeps_the_old_csv(dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "centrality.csv"
    out.write_text("good old table\n", encoding="utf-8")
    (dataset / "relations.csv").write_text("source;target\n", encoding="utf-8")
    result = run("metrics", str(dataset), "--csv", str(out))
    assert result.exit_code == 1
    assert "relations.csv" in result.output and "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "good old table\n"


def test_bad_date_is_a_usage_error() -> None:
    for command in ("metrics", "balance"):
        result = run(command, "--at", "2016-13")
        assert result.exit_code == 2
        assert "Invalid value for '--at'" in result.output
        assert "month must be in 1..12" in result.output


def test_balance_prints_report_groups_and_broken_ties() -> None:
    result = run("balance")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert ["frustration", "2"] in [line.split() for line in lines]
    assert any(line.startswith("frustration index L = 2 (proven optimal") for line in lines)
    groups = [line for line in lines if line.startswith("group of ")]
    assert len(groups) == 2
    government = next(line for line in groups if line.startswith("group of Assad government"))
    rebels = next(line for line in groups if line.startswith("group of Free Syrian Army"))
    assert "Russia" in government and "Russia" not in rebels
    # no support or opposition tie, no group: said so, not put on a side
    unplaced = next(line for line in lines if line.startswith("in no group"))
    assert "Kurdish forces" in unplaced and "United Nations" in unplaced
    assert not any("Kurdish forces" in line for line in groups)
    broken = lines[lines.index("ties that break the balance:") + 1 :]
    assert len(broken) == 2
    assert any("Civilians of eastern Aleppo" in line for line in broken)
    assert any("Amnesty International" in line for line in broken)


def test_balance_at_a_date() -> None:
    result = run("balance", "--at", "2013")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert ["frustration", "0"] in [line.split() for line in lines]
    assert lines[-1] == "ties that break the balance: none"


def test_balance_methods_and_time_limit() -> None:
    heuristic = run("balance", "--heuristic")
    assert heuristic.exit_code == 0, heuristic.output
    assert "local search" in heuristic.output and "method heuristic" in heuristic.output
    exact = run("balance", "--exact", "--time-limit", "0")
    assert exact.exit_code == 0 and "proven optimal" in exact.output
    assert run("balance", "--time-limit", "-1").exit_code == 2


@pytest.mark.slow  # a 2,000-actor graph: about 5 s alone
def test_balance_summarises_large_graphs(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from synthetic import write_synthetic

    folder = write_synthetic(tmp_path / "big", 300, 900, seed=1)
    short = run("balance", str(folder), "--time-limit", "5")
    assert short.exit_code == 0, short.output
    assert "more" in short.output
    group = next(line for line in short.output.splitlines() if line.startswith("group of "))
    assert group.count(",") <= 12
    full = run("balance", str(folder), "--time-limit", "5", "--all")
    assert full.exit_code == 0 and "… and" not in full.output
    assert len(full.output) > len(short.output)


def test_metrics_exact_betweenness_flag() -> None:
    result = run("metrics", "--exact")
    assert result.exit_code == 0, result.output
    assert "--exact" in run("metrics", "--help").output


def test_metrics_ranks_by_centrality_and_prints_the_top(tmp_path: Path) -> None:
    # 30 actors in a star: the hub first, then the rest in id order, 20 rows.
    rows = "".join(f"hub,a{i:02d},backs\n" for i in range(29))
    (tmp_path / "actors.csv").write_text(
        "id,name\nhub,Hub\n" + "".join(f"a{i:02d},A {i}\n" for i in range(29)), encoding="utf-8"
    )
    (tmp_path / "relations.csv").write_text("source,target,type\n" + rows, encoding="utf-8")
    result = run("metrics", str(tmp_path), "--by", "degree")
    assert result.exit_code == 0, result.output
    table = result.output.split("\n\n")[1].splitlines()[2:]
    assert [line.split()[0] for line in table[:3]] == ["hub", "a00", "a01"]
    assert len([line for line in table if line.startswith(("hub ", "a"))]) == 20
    assert "top 20 of 30 actors by degree" in result.output
    everyone = run("metrics", str(tmp_path), "--all").output
    assert "a28 " in everyone and "--all prints" not in everyone


def test_metrics_summary_of_undated_data_has_counts_and_no_nan(tmp_path: Path) -> None:
    (tmp_path / "actors.csv").write_text("id,name\na,A\nb,B\nc,C\n", encoding="utf-8")
    (tmp_path / "relations.csv").write_text(
        "source,target,type\na,b,fights\nb,c,backs\n", encoding="utf-8"
    )
    result = run("metrics", str(tmp_path))
    assert result.exit_code == 0, result.output
    summary = dict(line.split() for line in result.output.split("\n\n")[0].splitlines())
    assert summary["actors"] == "3" and summary["relations"] == "2"
    assert summary["first_date"] == summary["last_date"] == "undated"
    assert "NaN" not in result.output and "nan" not in result.output
