"""Tables that describe an actor graph: what it holds and who matters in it.

Every function takes the graph first and returns a pandas object, so a
notebook can sort, join and plot the result. :func:`centrality` gives one row
per actor, :func:`summary` one value per measure of the whole graph.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
import pandas as pd

from .build import distinct_relations, signed_graph, snapshot
from .dates import parse_period

if TYPE_CHECKING:
    from scipy import sparse

__all__ = ["centrality", "date_range", "pn_centrality", "relation_counts", "summary"]


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
    # A symmetric relation written both ways is one relation.
    types = pd.Series([d.get("type") for *_, d in distinct_relations(G)], dtype=object)
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


def pn_centrality(G: nx.Graph, *, mode: str = "all") -> pd.Series:
    r"""Everett and Borgatti's PN centrality, for networks with negative ties.

    An actor scores high when it has many positive ties, few negative ones,
    and is tied positively to actors who themselves score high. With ``P``
    and ``N`` the 0/1 matrices of positive and negative ties, ``A = P - 2N``
    (a negative tie weighs twice a positive one) and ``n`` actors, the
    undirected index is

    .. math:: PN = \left(I - \frac{1}{2n-2} A\right)^{-1} \mathbf{1}

    and, for directed ties, the out- and in-versions are

    .. math::
        PN^{out} = \left(I - \frac{1}{4(n-1)^2} A A^T\right)^{-1}
                   \left(I + \frac{1}{2n-2} A\right) \mathbf{1},
        \quad PN^{in} = \text{the same with } A^T \text{ for } A.

    An actor without ties scores 1; positive ties to well-scored actors raise
    the score, negative ties lower it.

    Parameters
    ----------
    G : networkx.Graph
        Any NetworkX graph (directed or not, multigraph or not) whose edges
        carry a numeric ``sign``: positive for support, negative for
        opposition; edges with sign 0 (neutral) and self-loops are left out.
        A pair with both a positive and a negative edge counts as both
        (``A = 1 - 2 = -1``), as in the paper.
    mode : {"all", "out", "in"}, default "all"
        ``"all"`` ignores direction (a directed tie counts both ways);
        ``"out"`` and ``"in"`` follow it and need a directed graph.

    Returns
    -------
    pandas.Series
        Indexed by node in graph order, named ``"pn"``, ``"pn_out"`` or
        ``"pn_in"``.

    Raises
    ------
    ValueError
        If an edge has no numeric ``sign``, ``mode`` is unknown,
        ``"out"``/``"in"`` is asked of an undirected graph, or the index is
        undefined (every ordered pair of actors opposed; for ``"all"``, two
        opposed actors).

    Examples
    --------
    A path ``a +- b -- c`` (``b`` supports ``a`` and opposes ``c``); the
    scores are 14/11, 12/11 and 5/11:

    >>> import networkx as nx
    >>> S = nx.Graph()
    >>> S.add_edge("a", "b", sign=1)
    >>> S.add_edge("b", "c", sign=-1)
    >>> pn_centrality(S).round(4).tolist()
    [1.2727, 1.0909, 0.4545]
    >>> D = nx.DiGraph()
    >>> D.add_edge("a", "b", sign=1)
    >>> pn_centrality(D, mode="out").tolist(), pn_centrality(D, mode="in").tolist()
    ([2.0, 1.0], [1.0, 2.0])

    References
    ----------
    .. [1] M. G. Everett and S. P. Borgatti, "Networks containing negative
       ties", Social Networks 38:111-120, 2014.
    """
    if mode not in ("all", "out", "in"):
        raise ValueError(f"mode must be 'all', 'out' or 'in', not {mode!r}")
    if mode != "all" and not G.is_directed():
        raise ValueError(f"mode={mode!r} needs a directed graph; use mode='all'")
    nodes = list(G)
    n = len(nodes)
    name = "pn" if mode == "all" else f"pn_{mode}"
    index = pd.Index(nodes, dtype=object)
    if n < 2:
        return pd.Series(np.ones(n), index=index, name=name)
    from scipy import sparse  # here, not at the top: `alliance-graph info` needs no SciPy
    from scipy.sparse import linalg as sparse_linalg

    A = _pn_matrix(G, nodes, symmetric=mode == "all")
    if mode == "in":
        A = A.T.tocsr()
    beta = 1.0 / (2 * n - 2)
    identity = sparse.identity(n, format="csr")
    # |A| <= 2 (J - I) entrywise, so beta * A (or beta^2 A A^T) reaches an
    # eigenvalue of 1 only when every entry off the diagonal is -2: for "all"
    # that needs two opposed actors, for "out"/"in" every ordered pair opposed.
    everyone_opposed = A.nnz == n * (n - 1) and bool((A.data == -2).all())
    if mode == "all":
        matrix, right = identity - beta * A, np.ones(n)
        undefined = everyone_opposed and n == 2
    else:
        matrix, right = identity - beta**2 * (A @ A.T), 1.0 + beta * (A @ np.ones(n))
        undefined = everyone_opposed
    if undefined:
        raise ValueError("PN centrality is undefined here: every pair of actors is opposed")
    return pd.Series(sparse_linalg.spsolve(matrix.tocsc(), right), index=index, name=name)


def _pn_matrix(G: nx.Graph, nodes: list, *, symmetric: bool) -> sparse.csr_array:
    """``P - 2N`` as a sparse matrix, rows are sources; ``symmetric`` ignores direction."""
    from scipy import sparse

    position = {node: i for i, node in enumerate(nodes)}
    ties: dict[int, tuple[list[int], list[int]]] = {1: ([], []), -1: ([], [])}
    for u, v, sign in G.edges(data="sign"):
        if isinstance(sign, bool) or not isinstance(sign, int | float | np.number):
            raise ValueError(f"edge ({u!r}, {v!r}) has no numeric 'sign' (got {sign!r})")
        if u == v or sign == 0:
            continue
        rows, cols = ties[1 if sign > 0 else -1]
        rows.append(position[u])
        cols.append(position[v])
        if symmetric or not G.is_directed():
            rows.append(position[v])
            cols.append(position[u])
    positive, negative = (
        sparse.csr_array((np.ones(len(rows)), (rows, cols)), shape=(len(nodes), len(nodes)))
        for rows, cols in ties.values()
    )
    # A pair counts once per sign, however many edges it has of that sign.
    positive.data[:] = 1.0
    negative.data[:] = 1.0
    return (positive - 2.0 * negative).tocsr()


def centrality(G: nx.MultiDiGraph, *, at: str | dt.date | None = None) -> pd.DataFrame:
    """Who matters in the conflict, by several measures, one row per actor.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    at : str or datetime.date, optional
        Only count the relations active at this date or period (see
        :func:`graph.snapshot`); every actor keeps its row.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id (named ``"actor"``) in the order of the data, with
        columns

        ``name``, ``camp``
            From the actors table.
        ``in_degree``, ``out_degree``, ``degree``
            Relations of any type (neutral ones included) the actor is the
            target of, the source of, and both.
        ``support_given``, ``support_received``, ``opposition_given``, ``opposition_received``
            Support (+1) and opposition (-1) relations by direction.
        ``signed_degree``
            Positive minus negative ties in :func:`graph.signed_graph` (one
            tie per pair of actors, whatever the number of relations).
        ``betweenness``
            Share of the shortest paths between other actors that pass
            through the actor, over the undirected graph of all relations
            (neutral ones included: a go-between who only negotiates still
            bridges), normalised to [0, 1] (Brandes 2001).
        ``pagerank``
            PageRank (damping 0.85) of the directed relations, each pair
            weighted by its number of relations: high for actors many
            prominent actors act on, for or against (Page et al. 1999).
        ``pn``
            PN centrality of the signed graph (:func:`pn_centrality`;
            Everett & Borgatti 2014): above 1 for actors with many allies
            who have allies, below 1 for actors many oppose.

    Notes
    -----
    Exact betweenness takes most of the time, O(actors x relations): about
    15 s for 2,000 actors and 10,000 relations (``benchmarks/bench_analysis.py``).

    Examples
    --------
    >>> import graph
    >>> table = centrality(graph.load())
    >>> table.loc["russia", ["support_given", "opposition_given", "signed_degree"]].tolist()
    [3, 3, -4]
    >>> table["betweenness"].idxmax()
    'assad_government'
    >>> table.sort_values("pagerank", ascending=False).index[:2].tolist()
    ['eastern_aleppo_civilians', 'assad_government']

    Before Russia's air campaign (September 2015) it only opposed IS:

    >>> int(centrality(graph.load(), at="2014").loc["russia", "opposition_given"])
    1

    References
    ----------
    .. [1] U. Brandes, "A faster algorithm for betweenness centrality",
       Journal of Mathematical Sociology 25(2):163-177, 2001.
    .. [2] L. Page, S. Brin, R. Motwani and T. Winograd, "The PageRank
       citation ranking: bringing order to the web", Stanford InfoLab
       technical report 1999-66, 1999.
    .. [3] M. G. Everett and S. P. Borgatti, "Networks containing negative
       ties", Social Networks 38:111-120, 2014.
    """
    H = G if at is None else snapshot(G, at)
    S = signed_graph(H)
    nodes = list(H)
    relations = pd.DataFrame(
        [(u, v, int(sign)) for u, v, sign in H.edges(data="sign", default=0)],
        columns=["source", "target", "sign"],
    )

    def count(end: str, sign: int) -> list[int]:
        counts = relations.loc[relations["sign"] == sign, end].value_counts()
        return [int(counts.get(node, 0)) for node in nodes]

    table = pd.DataFrame(
        {
            "name": [H.nodes[node].get("name", node) for node in nodes],
            "camp": [H.nodes[node].get("camp", "") for node in nodes],
            "in_degree": [H.in_degree(node) for node in nodes],
            "out_degree": [H.out_degree(node) for node in nodes],
            "degree": [H.degree(node) for node in nodes],
            "support_given": count("source", 1),
            "support_received": count("target", 1),
            "opposition_given": count("source", -1),
            "opposition_received": count("target", -1),
            "signed_degree": [
                sum(sign for _, _, sign in S.edges(node, data="sign")) for node in nodes
            ],
        },
        index=pd.Index(nodes, name="actor", dtype=object),
    )
    table["betweenness"] = pd.Series(nx.betweenness_centrality(_undirected(H)))
    table["pagerank"] = pd.Series(nx.pagerank(_weighted_directed(H), weight="weight"))
    table["pn"] = pn_centrality(S).to_numpy()
    return table


def _undirected(G: nx.MultiDiGraph) -> nx.Graph:
    """Every actor, and one edge per pair joined by any relation."""
    U = nx.Graph()
    U.add_nodes_from(G)
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return U


def _weighted_directed(G: nx.MultiDiGraph) -> nx.DiGraph:
    """Every actor, and one edge per ordered pair weighted by its relations."""
    D = nx.DiGraph()
    D.add_nodes_from(G)
    for u, v in G.edges():
        weight = D[u][v]["weight"] + 1 if D.has_edge(u, v) else 1
        D.add_edge(u, v, weight=weight)
    return D


def summary(G: nx.MultiDiGraph) -> pd.Series:
    """The size and shape of an actor graph in one column.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph (or a :func:`graph.snapshot` of one).

    Returns
    -------
    pandas.Series
        Named ``"summary"``, with entries

        ``actors``, ``active_actors`` (with at least one relation),
        ``isolates`` (with none);
        ``relations``, ``support_relations``, ``opposition_relations``,
        ``neutral_relations``;
        ``ties``, ``positive_ties``, ``negative_ties``, ``mixed_ties``: pairs
        of actors in :func:`graph.signed_graph`, by sign, and those with
        both support and opposition;
        ``density``: ordered pairs of actors joined by at least one relation,
        over all ``n (n - 1)`` ordered pairs;
        ``reciprocity``: share of those directed links that are returned
        (``nan`` without relations);
        ``components``: weakly connected components, isolated actors
        included;
        ``first_date``, ``last_date``: see :func:`date_range`.

    Examples
    --------
    >>> import graph
    >>> summary(graph.load())
    actors                          20
    active_actors                   19
    isolates                         1
    relations                       34
    support_relations               13
    opposition_relations            15
    neutral_relations                6
    ties                            23
    positive_ties                   11
    negative_ties                   12
    mixed_ties                       0
    density                   0.078947
    reciprocity               0.066667
    components                       2
    first_date                 2012-07
    last_date               2016-12-22
    Name: summary, dtype: object
    """
    S = signed_graph(G)
    D = _weighted_directed(G)
    signs = [sign for _, _, sign in G.edges(data="sign", default=0)]
    ties = [sign for _, _, sign in S.edges(data="sign")]
    first, last = date_range(G)
    n = G.number_of_nodes()
    isolates = nx.number_of_isolates(_undirected(G))
    values = {
        "actors": n,
        "active_actors": n - isolates,
        "isolates": isolates,
        "relations": len(signs),
        "support_relations": sum(s > 0 for s in signs),
        "opposition_relations": sum(s < 0 for s in signs),
        "neutral_relations": sum(s == 0 for s in signs),
        "ties": len(ties),
        "positive_ties": sum(s > 0 for s in ties),
        "negative_ties": sum(s < 0 for s in ties),
        "mixed_ties": sum(bool(mixed) for _, _, mixed in S.edges(data="mixed")),
        "density": nx.density(D),
        "reciprocity": nx.reciprocity(D) if D.number_of_edges() else math.nan,
        "components": nx.number_weakly_connected_components(G) if n else 0,
        "first_date": first,
        "last_date": last,
    }
    return pd.Series(values, name="summary", dtype=object)
