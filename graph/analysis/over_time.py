"""Structural balance period by period, and whether it predicted the next period.

:func:`balance_by_period` answers "which two camps, how frustrated, who
changed sides" for each year or month of dated data, instead of pooling every
date (over two centuries, pooled relations put enemies of different eras in
one camp).  :func:`backtest` checks what the balance of each period said about
the next: the ties that appear or change sign there are scored against the
predictions, beside simple baselines.
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx
import numpy as np
import pandas as pd

from graph.analysis.predict import balance_predictions
from graph.balance.frustration_index import changed_sides, frustration
from graph.network.build import period_range, signed_graph

__all__ = ["BY", "PREDICTORS", "backtest", "balance_by_period", "periods"]

#: The period lengths ``by`` accepts, as pandas period frequencies.
BY = {"year": "Y", "month": "M"}

#: The scores :func:`backtest` compares, best known first.
PREDICTORS = ("same camp", "balance triads", "common neighbours", "degree")


def periods(G: nx.MultiDiGraph, *, by: str = "year") -> list[str]:
    """Every year or month the data's dates cover, as :func:`graph.timeline`'s rows.

    The periods of :func:`graph.network.build.period_range`: from the
    first day of the earliest date to the last day any date covers.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    by : {"year", "month"}, default "year"

    Returns
    -------
    list of str
        ``"2016"`` or ``"2016-07"`` labels, in order; empty when no relation
        is dated.

    Raises
    ------
    ValueError
        If ``by`` is not ``"year"`` or ``"month"``.

    Examples
    --------
    >>> import graph
    >>> periods(graph.load())
    ['2012', '2013', '2014', '2015', '2016']
    """
    if by not in BY:
        raise ValueError(f"by must be 'year' or 'month', not {by!r}")
    return period_range(G, BY[by]).astype(str).tolist()


def balance_by_period(
    G: nx.MultiDiGraph, *, by: str = "year", time_limit: float | None = 10.0
) -> pd.DataFrame:
    """The frustration index and the two camps of every year or month.

    Each period's signed graph holds the relations active in it
    (:func:`graph.signed_graph` with ``at=``); its frustration index is
    computed starting from the previous period's partition
    (:func:`graph.balance.frustration` with ``start=``), so camps change only
    when the data demand it, and a period with the same ties as the one
    before reuses its result.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    by : {"year", "month"}, default "year"
    time_limit : float or None, default 10.0
        Seconds for each period's proof.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``period`` (``"2016"`` or ``"2016-07"``), one row per
        period from the first date to the last, with columns ``ties``
        (signed ties active), ``L``, ``lower_bound``, ``proven``, ``groups``
        (tuple of the camps' leaders -- their most central actor --, largest
        camp first), ``sizes`` (tuple of the camps' sizes, same order) and
        ``changed_sides`` (tuple of the actors whose camp differs from the
        previous period's, see :func:`graph.balance.changed_sides`).

    Raises
    ------
    ValueError
        If ``by`` is not ``"year"`` or ``"month"``.

    Examples
    --------
    >>> import graph
    >>> table = balance_by_period(graph.load())
    >>> table[["ties", "L", "proven", "sizes"]]
            ties  L  proven    sizes
    period
    2012      13  0    True   (7, 6)
    2013      13  0    True   (7, 6)
    2014      13  0    True   (7, 6)
    2015      18  1    True   (9, 6)
    2016      23  2    True  (11, 6)
    >>> table.loc["2016", "groups"]
    ('free_syrian_army', 'assad_government')
    """
    rows = []
    previous: pd.Series | None = None
    seen: frozenset | None = None
    row: dict[str, object] = {}
    for period in periods(G, by=by):
        S = signed_graph(G, at=period)
        ties = frozenset((u, v, sign) for u, v, sign in S.edges(data="sign"))
        if ties != seen:
            result = frustration(S, time_limit=time_limit, start=previous)
            camps = result.partition.dropna()
            sizes = camps.value_counts(sort=False)
            order = sorted(sizes.index, key=lambda leader: (-sizes[leader], str(leader)))
            moved: tuple[Hashable, ...] = ()
            if previous is not None:
                changed = changed_sides(previous, result.partition)
                moved = tuple(changed.index[changed])
            row = {
                "ties": S.number_of_edges(),
                "L": result.L,
                "lower_bound": result.lower_bound,
                "proven": result.proven,
                "groups": tuple(order),
                "sizes": tuple(int(sizes[leader]) for leader in order),
                "changed_sides": moved,
            }
            previous, seen = result.partition, ties
        else:
            row = {**row, "changed_sides": ()}
        rows.append({"period": period, **row})
    columns = ["ties", "L", "lower_bound", "proven", "groups", "sizes", "changed_sides"]
    return pd.DataFrame(rows, columns=["period", *columns]).set_index("period")


def backtest(
    G: nx.MultiDiGraph, *, by: str = "year", time_limit: float | None = 10.0
) -> pd.DataFrame:
    """Did the balance of each period predict the ties of the next?

    For each pair of consecutive periods, the ties of the second that are
    new (the pair had no tie) or changed sign are the test set; each is
    scored from the first period's signed graph by every predictor (a
    positive score predicts support, a negative one opposition, 0 no
    prediction):

    ``same camp``
        +1 if both actors are in the same camp of the period's frustration
        partition (:func:`graph.balance.frustration`), -1 if in opposite
        camps, 0 if either has no tie yet or they are in different
        components (two camps are only opposed through a path of ties).
    ``balance triads``
        The triads' vote of :func:`graph.balance_predictions` (the friend of
        my friend...), ``prediction * agreement``; 0 without a common
        neighbour.
    ``common neighbours``
        The number of common neighbours (a baseline: close actors ally).
    ``degree``
        The two actors' share of positive ties, centred: ``p(u) + p(v) - 1``
        (a baseline: friendly actors stay friendly; Leskovec et al. 2010).

    Scores are compared with what happened: precision and recall of the
    predicted oppositions (score < 0), and the AUC of ``-score`` for
    telling oppositions from support (0.5 is chance; ties count half).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    by : {"year", "month"}, default "year"
    time_limit : float or None, default 10.0
        Seconds for each period's frustration index.

    Returns
    -------
    pandas.DataFrame
        Indexed by (``period``, ``predictor``): the period whose ties are
        predicted (from the period before) and the predictor, plus one
        ``"all"`` period pooling every test tie; columns ``ties`` (test
        ties), ``opposed`` (of which oppositions), ``scored`` (ties the
        predictor scored non-zero), ``precision``, ``recall`` and ``auc``
        (NaN where undefined, e.g. no opposition to find).

    Raises
    ------
    ValueError
        If ``by`` is not ``"year"`` or ``"month"``.

    Examples
    --------
    >>> import graph
    >>> table = backtest(graph.load())
    >>> table.loc["all"][["ties", "opposed", "recall", "auc"]].round(2)
                       ties  opposed  recall   auc
    predictor
    same camp            10        9    0.44  0.67
    balance triads       10        9    0.44  0.67
    common neighbours    10        9    0.00  0.22
    degree               10        9    0.44  0.67

    References
    ----------
    .. [1] J. Leskovec, D. Huttenlocher and J. Kleinberg, "Predicting positive
       and negative links in online social networks", WWW 2010, pp. 641-650.
    .. [2] C. Dorff, M. Gallop and S. Minhas, "Networks of violence:
       predicting conflict in Nigeria", Journal of Politics 82(2):476-493,
       2020.
    """
    labels = periods(G, by=by)
    frames = []
    pooled: list[pd.DataFrame] = []
    before = signed_graph(G, at=labels[0]) if labels else None
    partition: pd.Series | None = None
    for period in labels[1:]:
        after = signed_graph(G, at=period)
        partition = frustration(before, time_limit=time_limit, start=partition).partition
        scores = _test_scores(before, after, partition)
        if len(scores):
            frames.append(_scored(scores).assign(period=period))
            pooled.append(scores)
        before = after
    if pooled:
        frames.append(_scored(pd.concat(pooled)).assign(period="all"))
    columns = ["ties", "opposed", "scored", "precision", "recall", "auc"]
    if not frames:
        index = pd.MultiIndex.from_arrays([[], []], names=["period", "predictor"])
        return pd.DataFrame(columns=columns, index=index)
    table = pd.concat(frames).reset_index()
    return table.set_index(["period", "predictor"])[columns]


def _test_scores(before: nx.Graph, after: nx.Graph, partition: pd.Series) -> pd.DataFrame:
    """One row per tie of ``after`` that is new or changed sign: its sign and every score."""
    pairs = [
        (u, v, sign)
        for u, v, sign in after.edges(data="sign")
        if not before.has_edge(u, v) or before[u][v]["sign"] != sign
    ]
    votes = balance_predictions(before, observed=True) if before.number_of_edges() else None
    positive = {
        actor: sum(s > 0 for *_, s in before.edges(actor, data="sign")) / before.degree(actor)
        for actor in before
        if before.degree(actor)
    }
    component = {
        actor: c for c, members in enumerate(nx.connected_components(before)) for actor in members
    }
    rows = []
    for u, v, sign in pairs:
        camp_u, camp_v = partition.get(u), partition.get(v)
        placed = (
            camp_u is not None
            and camp_v is not None
            and pd.notna(camp_u)
            and pd.notna(camp_v)
            and component[u] == component[v]
        )
        key = (u, v) if str(u) <= str(v) else (v, u)
        vote = 0.0
        if votes is not None and key in votes.index:
            vote = float(votes.loc[key, "prediction"] * votes.loc[key, "agreement"])
        common = len(set(before[u]) & set(before[v])) if u in before and v in before else 0
        rows.append(
            {
                "sign": int(sign),
                "same camp": (1.0 if camp_u == camp_v else -1.0) if placed else 0.0,
                "balance triads": vote,
                "common neighbours": float(common),
                "degree": positive.get(u, 0.5) + positive.get(v, 0.5) - 1.0
                if u in positive or v in positive
                else 0.0,
            }
        )
    return pd.DataFrame(rows, columns=["sign", *PREDICTORS])


def _scored(scores: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and AUC of each predictor on one set of test ties."""
    opposed = (scores["sign"] < 0).to_numpy()
    rows = []
    for name in PREDICTORS:
        score = scores[name].to_numpy()
        predicted = score < 0
        hits = int(np.count_nonzero(predicted & opposed))
        rows.append(
            {
                "predictor": name,
                "ties": len(scores),
                "opposed": int(opposed.sum()),
                "scored": int(np.count_nonzero(score)),
                "precision": hits / predicted.sum() if predicted.any() else np.nan,
                "recall": hits / opposed.sum() if opposed.any() else np.nan,
                "auc": _auc(-score, opposed),
            }
        )
    return pd.DataFrame(rows)


def _auc(score: np.ndarray, positive: np.ndarray) -> float:
    """P(a positive outranks a negative), ties counting half; NaN if a class is empty."""
    n_pos, n_neg = int(positive.sum()), int((~positive).sum())
    if n_pos == 0 or n_neg == 0:
        return np.nan
    ranks = pd.Series(score).rank(method="average").to_numpy()
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
