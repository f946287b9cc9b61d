"""Measures per period, and what changed between two dates."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import graph
from graph.balance import balance_report
from graph.timeline import TIMELINE_BALANCE, diff, timeline


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
    assert list(years.columns) == summary_columns + list(TIMELINE_BALANCE)
    # Before Russia's campaign the data hold no unbalanced cycle; in 2016 the
    # two ties that break balance are Amnesty's and the civilians'.
    assert years["frustration"].tolist() == [0, 0, 0, 1, 2]
    assert years["frustration_exact"].all()
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
    report = balance_report(graph.signed_graph(active))
    for column in TIMELINE_BALANCE:
        assert row[column] == pytest.approx(report[column], nan_ok=True)
    # September 2015: Russia's strikes on the rebels and on the civilians
    # begin, and the Western powers accuse it.
    assert months.loc["2015-08", "opposition_relations"] + 3 == row["opposition_relations"]


def test_timeline_rejects_bad_input(aleppo: nx.MultiDiGraph) -> None:
    with pytest.raises(ValueError, match="freq must be"):
        timeline(aleppo, freq="W")
    undated = relations(("a", "b", "weapons", 1, None, None))
    with pytest.raises(ValueError, match="no relation is dated"):
        timeline(undated)


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
        },
        ("a", "b"): {
            "change": "flipped",
            "sign_before": 1,
            "sign_after": -1,
            "types_before": "weapons",
            "types_after": "fights",
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
