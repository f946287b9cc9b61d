"""Balance predictions for pairs of actors, against hand-worked triads."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import graph
from graph.analysis.predict import balance_predictions


def signed(*ties: tuple[str, str, int]) -> nx.Graph:
    S = nx.Graph()
    S.add_edges_from((u, v, {"sign": sign}) for u, v, sign in ties)
    return nx.freeze(S)


def test_the_four_triads() -> None:
    # a and b share one neighbour c; the product of the two signs is predicted.
    for sign_ac, sign_bc, expected in [(1, 1, 1), (-1, -1, 1), (1, -1, -1), (-1, 1, -1)]:
        table = balance_predictions(signed(("a", "c", sign_ac), ("b", "c", sign_bc)))
        assert table.index.tolist() == [("a", "b")]
        row = table.loc[("a", "b")]
        assert (row["prediction"], row["triads"], row["agreeing"]) == (expected, 1, 1)
        assert row["supporting"] == ("c",) and row["opposing"] == ()
        assert row["observed"] is pd.NA


def test_votes_and_ranking() -> None:
    S = signed(
        # x and y: three common enemies of one side => two vote +1, one votes -1.
        ("x", "p", -1), ("y", "p", -1),
        ("x", "q", -1), ("y", "q", -1),
        ("x", "r", 1), ("y", "r", -1),
        # u and v: one vote each way.
        ("u", "s", 1), ("v", "s", 1),
        ("u", "t", 1), ("v", "t", -1),
    )  # fmt: skip
    table = balance_predictions(S)
    xy, uv = table.loc[("x", "y")], table.loc[("u", "v")]
    assert (xy["prediction"], xy["triads"], xy["agreeing"]) == (1, 3, 2)
    assert xy["agreement"] == pytest.approx(2 / 3)
    assert xy["supporting"] == ("p", "q") and xy["opposing"] == ("r",)
    assert (uv["prediction"], uv["agreeing"], uv["agreement"]) == (0, 1, 0.5)
    assert uv["supporting"] == ("s",) and uv["opposing"] == ("t",)
    # Unanimous pairs first (more triads first among them), the split pair last.
    assert table["agreement"].is_monotonic_decreasing
    assert table.index[-1] == ("u", "v")
    unanimous = table[table["agreement"] == 1]
    assert unanimous["triads"].is_monotonic_decreasing


def test_observed_pairs_are_predicted_from_the_other_ties() -> None:
    # a and c are friends of b but enemies: balance predicts +1, the data say -1.
    S = signed(("a", "b", 1), ("b", "c", 1), ("a", "c", -1))
    assert balance_predictions(S).empty
    table = balance_predictions(S, observed=True)
    row = table.loc[("a", "c")]
    assert (row["prediction"], row["supporting"], row["observed"]) == (1, ("b",), -1)
    assert table.loc[("a", "b"), "observed"] == 1
    assert len(table) == 3


def test_balanced_graph_predictions_follow_the_camps() -> None:
    # In a balanced graph every triad agrees with the two-camp split.
    rng = np.random.default_rng(7)
    camp = {node: int(node >= 6) for node in range(12)}
    S = nx.Graph()
    for u, v in itertools.combinations(range(12), 2):
        if rng.random() < 0.35:
            S.add_edge(u, v, sign=1 if camp[u] == camp[v] else -1)
    table = balance_predictions(S, observed=True)
    assert len(table) > 20
    assert (table["agreement"] == 1).all()
    expected = [1 if camp[u] == camp[v] else -1 for u, v in table.index]
    assert table["prediction"].tolist() == expected
    observed = table["observed"].dropna()
    assert (observed == table.loc[observed.index, "prediction"]).all()


def test_columns_and_types() -> None:
    table = balance_predictions(graph.signed_graph(graph.load()))
    assert list(table.columns) == [
        "prediction",
        "triads",
        "agreeing",
        "agreement",
        "supporting",
        "opposing",
        "observed",
    ]
    assert table.index.names == ["actor", "other"]
    assert all(u < v for u, v in table.index)
    assert str(table["observed"].dtype) == "Int64"
    assert table["observed"].isna().all()
    empty = balance_predictions(nx.Graph())
    assert empty.empty and list(empty.columns) == list(table.columns)


def test_aleppo_enemy_of_my_enemy() -> None:
    table = balance_predictions(graph.signed_graph(graph.load()))
    # Both fought by the government and struck by Russia: predicted allies.
    row = table.loc[("free_syrian_army", "islamic_state")]
    assert row["prediction"] == 1
    assert row["supporting"] == ("assad_government", "russia")
    # Iran backs the government that fights the rebels.
    assert table.loc[("free_syrian_army", "iran"), "prediction"] == -1


def test_rejects_what_is_not_a_signed_graph() -> None:
    with pytest.raises(ValueError, match="undirected simple graph"):
        balance_predictions(nx.DiGraph([("a", "b")]))
    S = nx.Graph()
    S.add_edge("a", "b", sign=2)
    with pytest.raises(ValueError, match="expected \\+1 or -1"):
        balance_predictions(S)
