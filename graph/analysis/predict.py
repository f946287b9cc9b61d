"""What structural balance predicts for pairs of actors with no tie.

Heider's balance theory reads a signed triad as a small argument: the friend
of my friend is my friend, the enemy of my enemy is my friend, the friend of
my enemy (and the enemy of my friend) is my enemy. In sign terms, two actors
``u`` and ``v`` that share a neighbour ``w`` are predicted to relate with the
sign ``sign(u, w) * sign(w, v)``. :func:`balance_predictions` collects these
votes for every pair and ranks the pairs by how clearly their common
neighbours agree.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx
import numpy as np
import pandas as pd

from graph.core.signs import check_signed_graph, tie_sign

__all__ = ["balance_predictions"]

_COLUMNS = ["prediction", "triads", "agreeing", "agreement", "supporting", "opposing", "observed"]


def balance_predictions(
    S: nx.Graph,
    *,
    observed: bool = False,
    pairs: Iterable[tuple[Hashable, Hashable]] | None = None,
) -> pd.DataFrame:
    """The sign balance theory predicts for pairs of actors, with its reasons.

    For each pair of actors with at least one common neighbour, every common
    neighbour ``w`` votes ``sign(u, w) * sign(w, v)`` (strict balance, as in
    Cartwright & Harary). The prediction is the sign most votes give; the
    triads behind it are listed, and the pairs are ranked by the share of
    votes that agree, then by the number of triads.

    Parameters
    ----------
    S : networkx.Graph
        Undirected simple graph whose edges have ``sign`` in {+1, -1}, such
        as :func:`graph.signed_graph`.
    observed : bool, default False
        Also predict the pairs that already have a tie, each from the other
        ties only, and show the tie's actual sign: a check of how well
        balance theory fits the data (Leskovec et al. 2010 do this at scale).
    pairs : iterable of (actor, other), optional
        Only these pairs (a pair with no common neighbour gives no row); every
        pair with a common neighbour by default, which at thousands of actors
        with hubs is millions of pairs: pass a sample then.

    Returns
    -------
    pandas.DataFrame
        Indexed by the pair (``actor``, ``other``; ``actor`` sorts first),
        with columns

        ``prediction``
            +1 (allies), -1 (opponents) or 0 (as many votes each way).
        ``triads``
            Common neighbours, i.e. votes.
        ``agreeing``
            Votes for the predicted sign (half the votes when undecided).
        ``agreement``
            ``agreeing / triads``, from 0.5 (split) to 1 (unanimous).
        ``supporting``, ``opposing``
            The common neighbours voting for and against the prediction, as
            sorted tuples (for an undecided pair: those voting +1 and -1).
        ``observed``
            The pair's actual sign, or ``<NA>`` when it has no tie
            (always ``<NA>`` unless ``observed=True``).

    Raises
    ------
    TypeError
        If ``S`` is not a NetworkX graph.
    ValueError
        If ``S`` is directed or a multigraph (the message points at
        :func:`graph.signed_graph`), or a tie has no sign of +1 or -1.

    Examples
    --------
    Two actors who both fight a third are predicted allies:

    >>> import networkx as nx
    >>> S = nx.Graph()
    >>> S.add_edge("a", "c", sign=-1)
    >>> S.add_edge("b", "c", sign=-1)
    >>> balance_predictions(S)[["prediction", "triads", "supporting"]]
                 prediction  triads supporting
    actor other
    a     b               1       1       (c,)

    In the Battle of Aleppo, the United States funds the rebels Russia bombs:
    the friend of my enemy is my enemy.

    >>> import graph
    >>> table = balance_predictions(graph.signed_graph(graph.load()))
    >>> pair = table.loc[("russia", "united_states")]
    >>> int(pair["prediction"]), pair["supporting"]
    (-1, ('free_syrian_army',))

    Only some pairs:

    >>> few = [("russia", "united_states"), ("iran", "united_states")]
    >>> balance_predictions(graph.signed_graph(graph.load()), pairs=few)["triads"]
    actor   other
    russia  united_states    1
    Name: triads, dtype: int64

    References
    ----------
    .. [1] F. Heider, "Attitudes and cognitive organization", Journal of
       Psychology 21:107-112, 1946.
    .. [2] D. Cartwright and F. Harary, "Structural balance: a generalization
       of Heider's theory", Psychological Review 63(5):277-293, 1956.
    .. [3] J. Leskovec, D. Huttenlocher and J. Kleinberg, "Predicting positive
       and negative links in online social networks", Proceedings of the 19th
       International Conference on World Wide Web (WWW 2010), pp. 641-650.
    """
    signs = _signs(S)
    rows = {}
    for u, v in _pairs_with_common_neighbours(S) if pairs is None else pairs:
        tied = S.has_edge(u, v)
        if (tied and not observed) or u == v:
            continue
        votes = {w: signs[u, w] * signs[w, v] for w in sorted(nx.common_neighbors(S, u, v))}
        if not votes:
            continue
        total = sum(votes.values())
        prediction = int(np.sign(total))
        if prediction == 0:
            supporting = tuple(w for w, vote in votes.items() if vote > 0)
        else:
            supporting = tuple(w for w, vote in votes.items() if vote == prediction)
        opposing = tuple(w for w in votes if w not in supporting)
        rows[u, v] = (
            prediction,
            len(votes),
            len(supporting),
            len(supporting) / len(votes),
            supporting,
            opposing,
            signs[u, v] if tied else pd.NA,
        )
    pairs = list(rows)
    index = pd.MultiIndex.from_arrays(
        [[u for u, _ in pairs], [v for _, v in pairs]], names=["actor", "other"]
    )
    table = pd.DataFrame(list(rows.values()), index=index, columns=_COLUMNS)
    table = table.astype(
        {
            "prediction": "int64",
            "triads": "int64",
            "agreeing": "int64",
            "agreement": "float64",
            "supporting": object,
            "opposing": object,
            "observed": "Int64",
        }
    )
    return table.sort_values(["agreement", "triads"], ascending=[False, False], kind="stable")


def _signs(S: nx.Graph) -> dict[tuple[Hashable, Hashable], int]:
    """Each tie's sign, under both orientations of the pair."""
    check_signed_graph(S, "balance_predictions")
    signs = {}
    for u, v, value in S.edges(data="sign"):
        signs[u, v] = signs[v, u] = tie_sign(value, u, v)
    return signs


def _pairs_with_common_neighbours(S: nx.Graph) -> list[tuple[Hashable, Hashable]]:
    """Pairs two steps apart or closer, each once, in sorted order."""
    pairs = set()
    for w in S:
        neighbours = sorted(n for n in S[w] if n != w)
        pairs.update((a, b) for i, a in enumerate(neighbours) for b in neighbours[i + 1 :])
    return sorted(pairs)
