"""Measures per period, and what changed between two dates."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

import graph
from graph.analysis.changes import TIMELINE_BALANCE, diff, timeline
from graph.analysis.over_time import periods
from graph.balance import balance_report
from graph.cli import main
from graph.network.build import period_range


@pytest.fixture(scope="module")
def aleppo() -> nx.MultiDiGraph:
    return nx.freeze(graph.load())


def relations(*rows: tuple[str, str, str, int, str | None, str | None]) -> nx.MultiDiGraph:
    """An actor graph from (source, target, type, sign, start, end) rows."""
    G = nx.MultiDiGraph()
    for key, (source, target, kind, sign, start, end) in enumerate(rows, start=2):
        G.add_node(source, name=source)
        G.add_node(target, name=target)
        G.add_edge(source, target, key=key, type=kind, sign=sign, start=start, end=end)
    return nx.freeze(G)


def test_yearly_rows(aleppo: nx.MultiDiGraph) -> None:
    years = timeline(aleppo)
    assert isinstance(years.index, pd.PeriodIndex) and years.index.name == "period"
    assert years.index.astype(str).tolist() == ["2012", "2013", "2014", "2015", "2016"]
    summary_columns = graph.summary(aleppo).drop(["first_date", "last_date"]).index.tolist()
    assert list(years.columns) == summary_columns + list(TIMELINE_BALANCE) + ["changed_sides"]
    # Before Russia's campaign the data hold no unbalanced cycle; in 2016 the
    # two ties that break balance are Amnesty's and the civilians'.
    assert years["frustration"].tolist() == [0, 0, 0, 1, 2]
    assert years["frustration_proven"].all()
    assert (years["changed_sides"] == 0).all()
    assert years.loc["2016", "relations"] == 34  # every relation is active in 2016
    assert (years["actors"] == 20).all()


def test_each_row_measures_its_snapshot(aleppo: nx.MultiDiGraph) -> None:
    months = timeline(aleppo, freq="M")
    assert len(months) == 54  # July 2012 to December 2016
    assert str(months.index[0]) == "2012-07" and str(months.index[-1]) == "2016-12"
    active = graph.snapshot(aleppo, "2015-10")
    row = months.loc["2015-10"]
    expected = graph.summary(active)
    for column in ["relations", "ties", "negative_ties", "density", "components"]:
        assert row[column] == pytest.approx(expected[column])
    report = balance_report(graph.signed_graph(active)).measures
    for column in TIMELINE_BALANCE:
        assert row[column] == pytest.approx(report[column], nan_ok=True)
    # September 2015: Russia's strikes on the rebels and on the civilians
    # begin, and the Western powers accuse it.
    assert months.loc["2015-08", "opposition_relations"] + 3 == row["opposition_relations"]


def test_timeline_rejects_bad_input(aleppo: nx.MultiDiGraph) -> None:
    for bad in ("D", "fortnight", 12):
        with pytest.raises(ValueError, match="freq must be"):
            timeline(aleppo, freq=bad)
    undated = relations(("a", "b", "weapons", 1, None, None))
    with pytest.raises(ValueError, match="no relation is dated"):
        timeline(undated)


@pytest.mark.parametrize(
    ("freq", "same_as", "rows"),
    [("YE", "Y", 5), ("A", "Y", 5), ("QE", "Q", 18), ("ME", "M", 54)],
)
def test_timeline_accepts_pandas_frequency_aliases(aleppo, freq, same_as, rows) -> None:
    table = timeline(aleppo, freq=freq)
    assert len(table) == rows
    pd.testing.assert_frame_equal(table, timeline(aleppo, freq=same_as))


def test_weekly_and_quarterly_rows_count_what_is_active(aleppo: nx.MultiDiGraph) -> None:
    weeks = timeline(aleppo, freq="W")
    # From the week of 1 July 2012 to that of 31 December 2016, the last day an end of
    # "2016" covers (period_range), not only to that of the last full date, 22 December.
    assert len(weeks) == 236
    assert str(weeks.index[-1]) == "2016-12-26/2017-01-01"
    # The week of Monday 28 September 2015 holds the first Russian air strikes.
    week = weeks.index[weeks.index.start_time.strftime("%Y-%m-%d") == "2015-09-28"][0]
    assert weeks.loc[week, "relations"] == len(
        [
            1
            for *_, d in aleppo.edges(data=True)
            if graph.core.dates.is_active(d.get("start"), d.get("end"), "2015-09-28")
            or graph.core.dates.is_active(d.get("start"), d.get("end"), "2015-10-04")
        ]
    )
    quarters = timeline(aleppo, freq="Q")
    assert str(quarters.index[0]) == "2012Q3"


def test_timeline_warm_start_counts_real_moves() -> None:
    # b is a's ally in 2013 and its enemy in 2014, when c backs a: b changes sides.
    G = relations(
        ("a", "b", "weapons", 1, "2013", "2013"),
        ("a", "b", "fights", -1, "2014", None),
        ("c", "a", "funding", 1, "2013", None),
    )
    years = timeline(G)
    assert years["changed_sides"].tolist() == [0, 1]
    assert years["groups"].tolist() == [1, 2]


def test_diff_by_hand() -> None:
    G = relations(
        ("a", "b", "weapons", 1, "2012", "2013"),
        ("a", "b", "fights", -1, "2014", None),
        ("b", "c", "funding", 1, "2012", "2012"),
        ("c", "d", "fights", -1, "2014-06", None),
        ("a", "d", "accuses", -1, None, None),
        ("c", "a", "negotiates_with", 0, "2014", None),
    )
    changes = diff(G, "2013", "2014")
    assert changes.index.names == ["actor", "other"]
    assert changes.to_dict("index") == {
        ("c", "d"): {
            "change": "appeared",
            "sign_before": None,
            "sign_after": -1,
            "types_before": "",
            "types_after": "fights",
            "relations_before": "",
            "relations_after": "c fights d",
        },
        ("a", "b"): {
            "change": "flipped",
            "sign_before": 1,
            "sign_after": -1,
            "types_before": "weapons",
            "types_after": "fights",
            "relations_before": "a weapons b",
            "relations_after": "a fights b",
        },
    }
    ended = diff(G, "2012", "2013")
    assert ended["change"].to_dict() == {("b", "c"): "ended"}
    assert str(ended["sign_after"].dtype) == "Int64"
    assert diff(G, "2014", "2015").empty  # same ties, same signs


def test_diff_orders_pairs_and_changes(aleppo: nx.MultiDiGraph) -> None:
    changes = diff(aleppo, "2015", "2016-12-22")
    assert all(u < v for u, v in changes.index)
    order = {"appeared": 0, "ended": 1, "flipped": 2}
    assert changes["change"].map(order).is_monotonic_increasing
    # The Nusra Front renamed itself Jabhat Fateh al-Sham on 28 July 2016.
    assert changes.loc[("free_syrian_army", "jabhat_fateh_al_sham"), "change"] == "appeared"
    assert changes.loc[("free_syrian_army", "nusra_front"), "change"] == "ended"
    assert changes.loc[("assad_government", "eastern_aleppo_civilians"), "types_after"] == (
        "attacks, siege"
    )
    with pytest.raises(ValueError, match="not a date"):
        diff(aleppo, "2015", "later")


def test_diff_keeps_who_acted_on_whom_with_the_vocabulary_labels(aleppo) -> None:
    changes = diff(aleppo, "2015-09-29", "2015-10")
    # the pair is sorted, but the sentence keeps Russia as the one who strikes
    assert changes.loc[("free_syrian_army", "russia"), "relations_after"] == (
        "Russia carries out air strikes on Free Syrian Army"
    )


def test_timeline_and_periods_cut_the_same_periods() -> None:
    # The latest date to start is "2016-06"; the end "2016" runs on to December.
    G = relations(
        ("a", "b", "weapons", 1, "2015-11-20", "2016"),
        ("a", "c", "fights", -1, "2016-06", None),
    )
    months = [f"2015-{m}" for m in (11, 12)] + [f"2016-{m:02}" for m in range(1, 13)]
    assert timeline(G, "M").index.astype(str).tolist() == months
    assert periods(G, by="month") == months
    assert periods(G) == timeline(G).index.astype(str).tolist() == ["2015", "2016"]
    assert period_range(G, "Q").astype(str).tolist()[-1] == "2016Q4"
    assert period_range(relations(("a", "b", "fights", -1, None, None)), "M").empty


def test_periods_of_a_period_asked_for(aleppo: nx.MultiDiGraph) -> None:
    # The relations active in 2015 run from 2012 to 2016; only 2015 is asked for.
    H = graph.between(aleppo, "2015", "2015")
    assert timeline(H).index.astype(str).tolist() == periods(H) == ["2015"]
    assert periods(graph.between(aleppo, "2016-11"), by="month") == ["2016-11", "2016-12"]
    # A relation open at its end, dated only before the period, is active in it.
    G = relations(("a", "b", "fights", -1, "2010", None))
    assert periods(graph.between(G, "2015")) == ["2015"]
    assert periods(graph.between(G, "2014", "2016")) == ["2014", "2015", "2016"]
    result = CliRunner().invoke(main, ["balance", "--by", "year", "--from", "2015", "--to", "2015"])
    assert result.exit_code == 0, result.output
    assert [line.split()[0] for line in result.output.splitlines()[2:]] == ["2015"]
