"""Which tie rule gives which frustration index, on ratings given both ways.

A network of ratings (Bitcoin OTC-like: directed, -10..10, many pairs rated
both ways) becomes one signed tie per pair.  The library's rule
(:func:`graph.signed_graph`) signs a pair by the sum of its ratings and
counts a sum of exactly 0 as opposition; a rule that drops such pairs finds
a smaller L, one that lets one direction's rating decide a larger one, and
the weighted L is in rating points.  The README's balance section quotes
these numbers.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from graph.balance import frustration
from graph.datasets import trust_like
from graph.network.build import signed_graph


def directed_ratings(n: int, m: int, seed: int) -> list[tuple[int, int, int]]:
    """Ratings ``(rater, ratee, -10..10)`` on the ties of ``trust_like``, half of them
    returned: mostly with the same sign, 10 % with the opposite one, 5 % exactly
    cancelling the first rating."""
    T = trust_like(n, m, seed=seed, weighted=True)
    rng = np.random.default_rng([seed, 2])
    rows = []
    for a, b, data in T.edges(data=True):
        rating = data["sign"] * data["weight"]
        rater, ratee = (a, b) if rng.random() < 0.5 else (b, a)
        rows.append((rater, ratee, rating))
        if rng.random() < 0.5:
            back = -rating if rng.random() < 0.1 else data["sign"] * int(rng.integers(1, 11))
            if rng.random() < 0.05:
                back = -rating
            rows.append((ratee, rater, back))
    return rows


def library_graph(rows: list[tuple[int, int, int]]) -> nx.Graph:
    """What the edge-list importer and :func:`signed_graph` make of the ratings."""
    M = nx.MultiDiGraph()
    for rater, ratee, rating in rows:
        kind = "positive_tie" if rating > 0 else "negative_tie"
        M.add_edge(rater, ratee, type=kind, sign=1 if rating > 0 else -1, weight=abs(rating))
    return signed_graph(M)


def summed(rows: list[tuple[int, int, int]]) -> dict[frozenset, int]:
    total: dict[frozenset, int] = {}
    for rater, ratee, rating in rows:
        pair = frozenset((rater, ratee))
        total[pair] = total.get(pair, 0) + rating
    return total


def L(S: nx.Graph, weight: str | None = None) -> int:
    result = frustration(S, method="exact", weight=weight)
    assert result.proven
    return result.L


@pytest.fixture(scope="module")
def rows() -> list[tuple[int, int, int]]:
    return directed_ratings(600, 3500, seed=0)


@pytest.fixture(scope="module")
def library(rows) -> tuple[nx.Graph, int]:
    S = library_graph(rows)
    return S, L(S)


def test_the_library_signs_a_pair_by_its_summed_ratings_a_zero_sum_as_opposition(rows, library):
    S, _ = library
    for pair, total in summed(rows).items():
        a, b = tuple(pair)
        assert S[a][b]["sign"] == (1 if total > 0 else -1)
        assert S[a][b]["weight"] == (abs(total) or 1)


def test_dropping_the_pairs_whose_ratings_cancel_out_lowers_L(rows, library):
    S, unweighted = library
    zero = [tuple(pair) for pair, total in summed(rows).items() if total == 0]
    assert len(zero) == 246  # pairs rated +r one way and -r the other
    dropped = S.copy()
    dropped.remove_edges_from(zero)
    # the only difference between the two rules is those pairs, counted as opposition
    assert (unweighted, L(dropped)) == (366, 153)  # quoted in the README


def test_one_direction_deciding_raises_L(rows, library):
    last = nx.Graph()  # nx.Graph over directed rows: the later rating of a pair overwrites
    for rater, ratee, rating in rows:
        last.add_edge(rater, ratee, sign=1 if rating > 0 else -1)
    assert L(last) == 388 > library[1]


def test_the_weighted_index_counts_rating_points_not_ties(library):
    S, unweighted = library
    assert L(S, "weight") == 1283 > unweighted
