"""Figures of balance over time and of the backtest, for notebooks and print.

Both take the tables of :mod:`graph.analysis.over_time` and return a
:class:`matplotlib.figure.Figure` (no pyplot state: safe in scripts and
notebooks alike; ``fig.savefig(path)`` writes it).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

__all__ = ["plot_backtest", "plot_balance_by_period"]


def plot_balance_by_period(table: pd.DataFrame) -> Figure:
    """L and the two largest camps' sizes per period, side changes marked.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`graph.analysis.over_time.balance_by_period`.

    Returns
    -------
    matplotlib.figure.Figure
        Top: the frustration index (filled dots proven, hollow an upper
        bound). Bottom: the sizes of the largest and second camp, with a
        tick at the foot for every period in which actors changed sides
        (taller for more actors).

    Examples
    --------
    >>> import graph
    >>> from graph.analysis.over_time import balance_by_period
    >>> fig = plot_balance_by_period(balance_by_period(graph.load()))
    >>> [ax.get_ylabel() for ax in fig.axes]
    ['frustration index L', 'actors in camp']
    """
    fig = Figure(figsize=(9, 5), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=(1, 1.4))
    x = np.arange(len(table))
    L = table["L"].astype(float).to_numpy()
    proven = table["proven"].astype(bool).to_numpy()
    top.plot(x, L, color="0.4", linewidth=1)
    top.scatter(x[proven], L[proven], s=12, color="black", label="proven", zorder=3)
    top.scatter(
        x[~proven], L[~proven], s=12, facecolors="white", edgecolors="black", label="upper bound"
    )
    top.set_ylabel("frustration index L")
    if (~proven).any():
        top.legend(frameon=False, loc="upper left")
    sizes = table["sizes"].map(lambda s: [*s, 0, 0][:2])
    first = np.array([s[0] for s in sizes])
    second = np.array([s[1] for s in sizes])
    bottom.plot(x, first, color="#1f77b4", label="largest camp")
    bottom.plot(x, second, color="#d62728", label="second camp")
    moved = table["changed_sides"].map(len).to_numpy()
    if moved.any():
        height = 0.15 * max(first.max(), 1) * moved / moved.max()
        bottom.vlines(x[moved > 0], 0, height[moved > 0], color="0.3", linewidth=1)
        bottom.plot([], [], color="0.3", label="actors changed sides")
    bottom.set_ylabel("actors in camp")
    bottom.legend(frameon=False, loc="upper left", ncols=3)
    step = max(1, len(table) // 12)
    bottom.set_xticks(x[::step], table.index[::step], rotation=0)
    return fig


def plot_backtest(table: pd.DataFrame) -> Figure:
    """AUC of every predictor, pooled and period by period.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`graph.analysis.over_time.backtest`.

    Returns
    -------
    matplotlib.figure.Figure
        Left: the pooled AUC of each predictor (0.5, chance, dashed). Right:
        each predictor's AUC per period (periods with both kinds of tie).

    Examples
    --------
    >>> import graph
    >>> from graph.analysis.over_time import backtest
    >>> fig = plot_backtest(backtest(graph.load()))
    >>> fig.axes[0].get_xlabel()
    'AUC (opposition vs support), all periods'
    """
    fig = Figure(figsize=(9, 3.6), layout="constrained")
    pooled_ax, over_ax = fig.subplots(1, 2, width_ratios=(1, 2))
    periods = [p for p in table.index.get_level_values("period").unique() if p != "all"]
    if "all" in table.index.get_level_values("period"):
        pooled = table.loc["all", "auc"]
        pooled_ax.barh(pooled.index[::-1], pooled.to_numpy()[::-1], color="0.6")
    pooled_ax.axvline(0.5, color="black", linestyle="--", linewidth=1)
    pooled_ax.set_xlim(0, 1)
    pooled_ax.set_xlabel("AUC (opposition vs support), all periods")
    for name in table.index.get_level_values("predictor").unique():
        series = table.xs(name, level="predictor")["auc"].reindex(periods)
        over_ax.plot(np.arange(len(periods)), series.to_numpy(), marker=".", label=name)
    over_ax.axhline(0.5, color="black", linestyle="--", linewidth=1)
    over_ax.set_ylim(0, 1)
    over_ax.set_ylabel("AUC of the next period's new ties")
    step = max(1, len(periods) // 8)
    over_ax.set_xticks(np.arange(len(periods))[::step], periods[::step])
    over_ax.legend(frameon=False, fontsize="small", ncols=2)
    return fig
