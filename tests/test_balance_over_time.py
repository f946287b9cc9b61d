"""Balance per period (graph.analysis.over_time), its figure, and the backtest, with the CLI."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import graph
from graph.analysis.over_time import backtest, balance_by_period, periods
from graph.balance import changed_sides, frustration
from graph.cli import main
from graph.datasets import shifting_alliances
from graph.outputs.over_time_figures import plot_backtest, plot_balance_by_period

# Five states; in 2001 b leaves a's camp for c's (b backs c, fights a), in
# 2002 d and e, in opposite camps since 2000, start fighting.
SWITCH_RELATIONS = """source,target,type,start,end
a,b,backs,2000,2000
c,d,backs,2000,2002
a,c,fights,2000,2002
b,d,fights,2000,2000
a,e,backs,2000,2002
c,e,fights,2000,2002
b,c,backs,2001,2002
b,a,fights,2001,2002
d,e,fights,2002,2002
"""


@pytest.fixture
def switching(tmp_path: Path) -> Path:
    folder = tmp_path / "switch"
    folder.mkdir()
    rows = ["id,name,kind", *(f"{a},{a.upper()},state" for a in "abcde")]
    (folder / "actors.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "relations.csv").write_text(SWITCH_RELATIONS, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def shifting(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("shifting")
    actors, relations = shifting_alliances(actors=40, relations=600, years=(1950, 1979))
    actors.to_csv(folder / "actors.csv", index=False)
    relations.to_csv(folder / "relations.csv", index=False)
    return folder


def run(*args: object) -> object:
    return CliRunner().invoke(main, [str(a) for a in args])


def test_periods_cover_the_data_year_by_year_and_month_by_month(switching: Path) -> None:
    G = graph.load(switching)
    assert periods(G) == ["2000", "2001", "2002"]
    assert periods(G, by="month")[:2] == ["2000-01", "2000-02"]
    assert len(periods(G, by="month")) == 36
    with pytest.raises(ValueError, match="by must be"):
        periods(G, by="week")


def test_balance_by_period_names_camps_and_who_changed_sides(switching: Path) -> None:
    table = balance_by_period(graph.load(switching))
    assert table.index.tolist() == ["2000", "2001", "2002"]
    assert table["L"].tolist() == [0, 0, 0] and table["proven"].all()
    assert table.loc["2001", "changed_sides"] == ("b",)
    assert table.loc["2000", "changed_sides"] == () == table.loc["2002", "changed_sides"]
    assert sorted(table.loc["2000", "sizes"]) == [2, 3]


def test_balance_by_period_agrees_with_each_periods_own_index(shifting: Path) -> None:
    G = graph.load(shifting)
    table = balance_by_period(G)
    assert len(table) == 30
    previous = None
    for period, row in table.iterrows():
        S = graph.signed_graph(G, at=period)
        result = frustration(S, start=previous)
        assert row["ties"] == S.number_of_edges() and row["L"] == result.L
        if previous is not None:
            moved = changed_sides(previous, result.partition)
            assert row["changed_sides"] == tuple(moved.index[moved])
        assert sum(row["sizes"]) == result.partition.notna().sum()
        previous = result.partition


def test_backtest_scores_the_next_periods_new_and_changed_ties(switching: Path) -> None:
    table = backtest(graph.load(switching))
    camp = table.xs("same camp", level="predictor")
    # 2001: b's switch (b-c support, a-b now opposition) goes against 2000's camps.
    assert camp.loc["2001", ["ties", "opposed", "precision", "recall", "auc"]].tolist() == [
        2,
        1,
        0.0,
        0.0,
        0.0,
    ]
    # 2002: d and e were in opposite camps in 2001; their fight is predicted.
    assert camp.loc["2002", ["ties", "opposed", "recall"]].tolist() == [1, 1, 1.0]
    assert np.isnan(camp.loc["2002", "auc"])  # no support to tell it from
    assert camp.loc["all", "ties"] == 3


def test_backtest_auc_is_the_share_of_correctly_ordered_pairs(shifting: Path) -> None:
    from graph.analysis.over_time import _auc  # the definition under test

    rng = np.random.default_rng(0)
    score = rng.integers(0, 4, size=60).astype(float)
    positive = rng.random(60) < 0.4
    pairs = [(p, q) for p in score[positive] for q in score[~positive]]
    expected = np.mean([1.0 if p > q else 0.5 if p == q else 0.0 for p, q in pairs])
    assert _auc(score, positive) == pytest.approx(expected)
    table = backtest(graph.load(shifting))
    assert set(table.index.get_level_values("predictor")) == {
        "same camp",
        "balance triads",
        "common neighbours",
        "degree",
    }
    pooled = table.loc["all"]
    assert (pooled["ties"] == table.drop(index="all")["ties"].sum() / 4).all()


def test_figures_of_balance_over_time_and_backtest(shifting: Path) -> None:
    G = graph.load(shifting)
    fig = plot_balance_by_period(balance_by_period(G))
    assert len(fig.axes) == 2 and len(fig.axes[0].collections) == 2
    fig = plot_backtest(backtest(G))
    assert len(fig.axes[1].get_lines()) == 4 + 1  # a line per predictor, and chance


def test_cli_balance_by_year(switching: Path, tmp_path: Path) -> None:
    result = run("balance", switching, "--by", "year", "--csv", tmp_path / "t.csv")
    assert result.exit_code == 0, result.output
    assert "a (3) vs c (2)" in result.output and "2001" in result.output
    # the partition's groups, not the data's camps: one word, one meaning (README "Words")
    header = result.output.splitlines()[0].split()
    assert "groups" in header and "camps" not in header
    table = pd.read_csv(tmp_path / "t.csv", dtype=str).set_index("period")
    assert table.loc["2001", "changed_sides"] == "b"
    figure = tmp_path / "by.png"
    assert run("balance", switching, "--by", "year", "--figure", figure).exit_code == 0
    assert figure.read_bytes()[:4] == b"\x89PNG"


def test_cli_balance_by_year_of_undated_data_says_so(dataset: Path) -> None:
    relations = pd.read_csv(dataset / "relations.csv", dtype=str, keep_default_na=False)
    relations.assign(start="", end="").to_csv(dataset / "relations.csv", index=False)
    result = run("balance", dataset, "--by", "year")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "--by year: no relation is dated" in result.output


def test_cli_tables_say_n_a_not_nan(tmp_path: Path) -> None:
    # Common neighbours predicts no opposition month by month: its precision is undefined.
    result = run("backtest", "--by", "month")
    assert result.exit_code == 0, result.output
    assert "NaN" not in result.output
    assert "common neighbours       5        n/a" in result.output
    assert "n/a: undefined (precision: the predictor predicted no opposition" in result.output
    # Reciprocity of no relation at all.
    (tmp_path / "actors.csv").write_text("id,name,kind,camp\na,A,state,x\nb,B,state,y\n")
    (tmp_path / "relations.csv").write_text(
        "source,target,type,start,end,confidence,evidence\na,b,fights,2015,2015,confirmed,x\n"
    )
    empty = run("metrics", tmp_path, "--from", "2011", "--to", "2011")
    assert empty.exit_code == 0, empty.output
    assert "NaN" not in empty.output and "reciprocity                 n/a" in empty.output


def test_cli_balance_by_and_at_conflict_and_pooled_note(shifting: Path) -> None:
    result = run("balance", shifting, "--by", "year", "--at", "1960")
    assert result.exit_code == 2 and "give one" in result.output
    assert run("balance", "--figure", "x.png").exit_code == 2
    pooled = run("balance", shifting, "--heuristic")
    assert "1950-1979 are pooled" in pooled.stderr and "--by year" in pooled.stderr
    assert "pooled" not in run("balance", "--heuristic").stderr  # Aleppo: five years


def test_cli_backtest(switching: Path, tmp_path: Path) -> None:
    result = run("backtest", switching, "--csv", tmp_path / "b.csv", "--figure", tmp_path / "b.svg")
    assert result.exit_code == 0, result.output
    assert "3 ties new or changed from 2001 on (2 opposition)" in result.output
    assert "same camp" in result.output and "auc" in result.output
    assert pd.read_csv(tmp_path / "b.csv")["period"].tolist()[-1] == "all"
    assert (tmp_path / "b.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    bad = run("backtest", switching, "--figure", tmp_path / "b.txt")
    assert bad.exit_code == 2 and ".png, .svg or .pdf" in bad.output
