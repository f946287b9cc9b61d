"""Tables that describe an actor graph: what it holds and who matters in it.

Every function takes the graph first and returns a pandas object, so a
notebook can sort, join and plot the result.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from .dates import parse_period

__all__ = ["date_range", "relation_counts"]


def relation_counts(G: nx.MultiDiGraph) -> pd.DataFrame:
    """How many relations of each type the graph holds.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.

    Returns
    -------
    pandas.DataFrame
        Indexed by relation type, with columns ``label``, ``sign`` and
        ``relations``, sorted by sign (support first) then by count.

    Examples
    --------
    >>> import graph
    >>> counts = relation_counts(graph.load())
    >>> int(counts.loc["funding", "relations"]), int(counts.loc["funding", "sign"])
    (3, 1)
    """
    vocabulary = G.graph.get("relation_types", {})
    signs = {data["type"]: int(data.get("sign", 0)) for _, _, data in G.edges(data=True)}
    types = pd.Series([t for _, _, t in G.edges(data="type")], dtype=object)
    counts = types.value_counts().rename("relations")
    table = pd.DataFrame(
        {
            "label": [vocabulary.get(t, {}).get("label", t) for t in counts.index],
            "sign": [signs[t] for t in counts.index],
            "relations": counts.to_numpy(),
        },
        index=pd.Index(counts.index, name="type", dtype=object),
    )
    return table.sort_values(["sign", "relations"], ascending=[False, False], kind="stable")


def date_range(G: nx.MultiDiGraph) -> tuple[str | None, str | None]:
    """The earliest start and the latest end or start among the relations.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph.

    Returns
    -------
    (str or None, str or None)
        The dates as written in the data (partial dates kept partial),
        ``(None, None)`` if no relation is dated.

    Examples
    --------
    >>> import graph
    >>> date_range(graph.load())
    ('2012-07', '2016-12-22')
    """
    dates = [
        d for _, _, data in G.edges(data=True) for d in (data.get("start"), data.get("end")) if d
    ]
    if not dates:
        return None, None
    # Order by first day, so that "2016-12" does not outrun "2016-12-22".
    first = min(dates, key=lambda d: parse_period(d)[0])
    last = max(dates, key=lambda d: (parse_period(d)[0], len(d)))
    return first, last
