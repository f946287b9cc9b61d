"""Tables that describe an actor graph: what it holds and who matters in it.

Every function takes the graph first and returns a pandas object, so a
notebook can sort, join and plot the result. :func:`centrality` gives one row
per actor, :func:`summary` one value per measure of the whole graph.

Over 600 lines with reason: one job, the network's measures; a third of it
is docstrings whose examples run.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
import pandas as pd

from graph.core.dates import parse_period
from graph.core.signs import relation_strength, tie_sign
from graph.network.build import distinct_relations, signed_graph, snapshot

if TYPE_CHECKING:
    from scipy import sparse

__all__ = [
    "BETWEENNESS_EXACT_MAX_ACTORS",
    "BETWEENNESS_PIVOTS",
    "centrality",
    "date_range",
    "pn_centrality",
    "relation_counts",
    "summary",
]

#: Above this many actors, :func:`centrality` estimates betweenness from
#: :data:`BETWEENNESS_PIVOTS` sampled source actors unless ``exact=True``.
BETWEENNESS_EXACT_MAX_ACTORS = 10_000

#: Source actors ("pivots") of the sampled betweenness estimate.
BETWEENNESS_PIVOTS = 1024

#: Breadth-first searches run together, as the columns of one dense block
#: (memory: a few blocks of actors x this many floats).
_BFS_BATCH = 128


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

    The inverse does not exist in one case: every pair of actors opposed
    (for ``"all"``: two actors and one negative tie; for ``"out"``/``"in"``:
    every ordered pair). The equations are then still consistent, with
    many solutions; the index is the limit of the scores as the negative
    ties' weight rises to 2 (``A = P - cN``, ``c -> 2``), which is 1/2 for
    every actor: both are equally disliked, half the score of an actor
    without ties.

    Parameters
    ----------
    G : networkx.Graph
        Any NetworkX graph (directed or not, multigraph or not) whose edges
        carry a ``sign`` of +1 (support), -1 (opposition) or 0 (neutral, left
        out, as are self-loops); see :func:`graph.balance.tie_sign`.
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
        If an edge has no valid ``sign``, ``mode`` is unknown, or
        ``"out"``/``"in"`` is asked of an undirected graph.

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

    Two opposed actors, where the inverse does not exist, score the limit:

    >>> T = nx.Graph()
    >>> T.add_edge("a", "b", sign=-1)
    >>> pn_centrality(T).tolist()
    [0.5, 0.5]

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
    if undefined:  # singular: the limit as the negative weight rises to 2 (docstring)
        return pd.Series(np.full(n, 0.5), index=index, name=name)
    # The matrix is symmetric positive definite (eigenvalues in (0, 2], see
    # above): conjugate gradients need no factorisation, whose fill-in is slow
    # and large on graphs with hubs.
    solution, _ = sparse_linalg.cg(matrix, right, rtol=1e-12, atol=0.0, maxiter=10 * n)
    return pd.Series(solution, index=index, name=name)


def _pn_matrix(G: nx.Graph, nodes: list, *, symmetric: bool) -> sparse.csr_array:
    """``P - 2N`` as a sparse matrix, rows are sources; ``symmetric`` ignores direction."""
    from scipy import sparse

    position = {node: i for i, node in enumerate(nodes)}
    ties: dict[int, tuple[list[int], list[int]]] = {1: ([], []), -1: ([], [])}
    for u, v, value in G.edges(data="sign"):
        sign = tie_sign(value, u, v, neutral=True)
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


def centrality(
    G: nx.Graph,
    *,
    at: str | dt.date | None = None,
    exact: bool = False,
    seed: int = 0,
    weight: str | None = None,
) -> pd.DataFrame:
    """Who matters in the conflict, by several measures, one row per actor.

    Parameters
    ----------
    G : networkx.Graph
        An actor graph, as returned by :func:`graph.load`, or any NetworkX
        graph (``Graph``, ``DiGraph``, multigraphs) whose edges may carry a
        ``sign`` of +1, -1 or 0 (missing: 0, neutral). In an undirected
        graph each tie is given and received by both ends, and ``degree``
        counts ties.
    at : str or datetime.date, optional
        Only count the relations active at this date or period (see
        :func:`graph.snapshot`); every actor keeps its row. Needs dated
        relations (``start``/``end`` attributes).
    exact : bool, default False
        Compute betweenness exactly however large the graph; otherwise above
        :data:`BETWEENNESS_EXACT_MAX_ACTORS` actors it is estimated.
    seed : int, default 0
        Seed of the sampled betweenness.
    weight : str, optional
        The relation attribute holding each relation's strength, e.g.
        ``"weight"`` (the data's ``weight`` column: a rating, a count,
        fatalities; its magnitude is read, a relation without one counts 1).
        When given, ``signed_degree`` sums the pairs' signed weights,
        PageRank weights each ordered pair by its relations' total strength,
        and betweenness follows the shortest paths with a tie's *length*
        ``1 / strength`` (its relations' total strength, either direction:
        a strong tie is a short one, as in Opsahl, Agneessens & Skvoretz
        2010; a pair of strength 0 is no path), computed by NetworkX's
        Dijkstra-based Brandes algorithm (slower than the unweighted one).
        PN centrality is defined on tie signs only and stays unweighted.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id (named ``"actor"``) in the order of the data, with
        columns

        ``name``, ``camp``
            From the actors table.
        ``in_degree``, ``out_degree``, ``degree``
            Relations of any type (neutral ones included) the actor is the
            target of, the source of, and an end of. A relation of a
            symmetric type (``symmetric`` in the vocabulary, e.g. talks, and
            every tie of an undirected import) has no direction: both ends
            are its source and its target, and it counts once in ``degree``
            (as once in :func:`summary`, even when written both ways).
        ``support_given``, ``support_received``, ``opposition_given``, ``opposition_received``
            Support (+1) and opposition (-1) relations by direction (a
            symmetric one is given and received by both ends).
        ``signed_degree``
            Positive minus negative ties in :func:`graph.signed_graph` (one
            tie per pair of actors, whatever the number of relations); with
            ``weight``, their weights' sum (each tie's sign times its weight).
        ``betweenness``
            Share of the shortest paths between other actors that pass
            through the actor, over the undirected graph of all relations
            (neutral ones included: a go-between who only negotiates still
            bridges), normalised to [0, 1] (Brandes 2001), as
            :func:`networkx.betweenness_centrality` computes it. Above
            :data:`BETWEENNESS_EXACT_MAX_ACTORS` actors (and without
            ``exact``) it is estimated from :data:`BETWEENNESS_PIVOTS` source
            actors drawn with ``seed`` (Brandes & Pich 2007): the estimate is
            unbiased and its error shrinks as ``1/sqrt(pivots)`` (see
            ``benchmarks/README.md`` for the error measured).
        ``pagerank``
            PageRank (damping 0.85) of the directed relations, each ordered
            pair weighted by its number of relations going that way (a
            symmetric relation goes both ways): high for actors many
            prominent actors act on, for or against (Page et al. 1999).
        ``pn``
            PN centrality of the signed graph (:func:`pn_centrality`;
            Everett & Borgatti 2014): above 1 for actors with many allies
            who have allies, below 1 for actors many oppose.

    Notes
    -----
    Exact betweenness takes most of the time, O(actors x relations): the
    breadth-first searches run as sparse-matrix products, 128 sources at a
    time (``benchmarks/bench_analysis.py``).

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
    .. [2] U. Brandes and C. Pich, "Centrality estimation in large
       networks", International Journal of Bifurcation and Chaos
       17(7):2303-2318, 2007.
    .. [3] L. Page, S. Brin, R. Motwani and T. Winograd, "The PageRank
       citation ranking: bringing order to the web", Stanford InfoLab
       technical report 1999-66, 1999.
    .. [4] M. G. Everett and S. P. Borgatti, "Networks containing negative
       ties", Social Networks 38:111-120, 2014.
    .. [5] T. Opsahl, F. Agneessens and J. Skvoretz, "Node centrality in
       weighted networks: Generalizing degree and shortest paths", Social
       Networks 32(3):245-251, 2010.
    """
    if not isinstance(G, nx.Graph):
        raise TypeError(f"centrality expected a networkx graph, got {type(G).__name__}")
    H = _actor_graph(G)
    if at is not None:
        H = snapshot(H, at)
    S = signed_graph(H, weight=weight or "weight")
    nodes = list(H)
    arcs = _directions(H, weight)
    ends = pd.Series([end for u, v, _, _ in distinct_relations(H) for end in (u, v)], dtype=object)

    def count(end: str, sign: int | None = None) -> list[int]:
        chosen = arcs if sign is None else arcs.loc[arcs["sign"] == sign]
        counts = chosen[end].value_counts()
        return [int(counts.get(node, 0)) for node in nodes]

    degree = ends.value_counts()
    table = pd.DataFrame(
        {
            "name": [H.nodes[node].get("name", node) for node in nodes],
            "camp": [H.nodes[node].get("camp", "") for node in nodes],
            "in_degree": count("target"),
            "out_degree": count("source"),
            "degree": [int(degree.get(node, 0)) for node in nodes],
            "support_given": count("source", 1),
            "support_received": count("target", 1),
            "opposition_given": count("source", -1),
            "opposition_received": count("target", -1),
            "signed_degree": [
                sum(
                    data["sign"] * (data.get(weight, 1) if weight else 1)
                    for _, _, data in S.edges(node, data=True)
                )
                for node in nodes
            ],
        },
        index=pd.Index(nodes, name="actor", dtype=object),
    )
    if weight is None:
        table["betweenness"] = _betweenness(_undirected(H), exact=exact, seed=seed)
    else:
        table["betweenness"] = _weighted_betweenness(H, weight, exact=exact, seed=seed)
    directed = _weighted_directed(H, weight, arcs=arcs)
    table["pagerank"] = pd.Series(nx.pagerank(directed, weight="weight"))
    table["pn"] = pn_centrality(S).to_numpy()
    if not G.is_directed():
        table["degree"] = table["in_degree"]
    return table


def _actor_graph(G: nx.Graph) -> nx.MultiDiGraph:
    """``G`` itself if it is a MultiDiGraph; else a MultiDiGraph with its actors and ties.

    An undirected tie becomes two relations, one each way, so that each end
    gives and receives it; edges without a ``sign`` are neutral.
    """
    if G.is_directed() and G.is_multigraph():
        return G
    D = nx.MultiDiGraph()
    D.graph.update(G.graph)
    D.add_nodes_from(G.nodes(data=True))
    key = 0
    for u, v, data in G.edges(data=True):
        attributes = dict(data)
        attributes.setdefault("sign", 0)
        ends = [(u, v)] if G.is_directed() else [(u, v), (v, u)] if u != v else [(u, v)]
        for a, b in ends:
            D.add_edge(a, b, key=key, **attributes)
            key += 1
    return D


def _betweenness(U: nx.Graph, *, exact: bool, seed: int) -> np.ndarray:
    """Normalised betweenness of an undirected, unweighted graph, as NetworkX defines it.

    Brandes' algorithm with the breadth-first searches of :data:`_BFS_BATCH`
    sources run at once as sparse-matrix products (one product per level,
    forward to count shortest paths, backward to accumulate dependencies), so
    the work is done by scipy rather than by Python loops. Above
    :data:`BETWEENNESS_EXACT_MAX_ACTORS` actors (unless ``exact``), only
    :data:`BETWEENNESS_PIVOTS` sources drawn with ``seed`` are searched and the
    sums scaled by ``actors / pivots`` (Brandes & Pich 2007).
    """
    n = len(U)
    if n < 3:
        return np.zeros(n)
    A = nx.to_scipy_sparse_array(U, nodelist=list(U), weight=None, format="csr", dtype=float)
    sources = np.arange(n)
    scale = 1.0 / ((n - 1) * (n - 2))
    if not exact and n > BETWEENNESS_EXACT_MAX_ACTORS:
        k = min(BETWEENNESS_PIVOTS, n)
        sources = np.sort(np.random.default_rng(seed).choice(n, size=k, replace=False))
        scale *= n / k
    total = np.zeros(n)
    for lo in range(0, len(sources), _BFS_BATCH):
        batch = sources[lo : lo + _BFS_BATCH]
        cols = np.arange(len(batch))
        sigma = np.zeros((n, len(batch)))
        sigma[batch, cols] = 1.0
        depth = np.full((n, len(batch)), -1, dtype=np.int32)
        depth[batch, cols] = 0
        frontier, levels = sigma.copy(), [depth >= 0]
        while True:
            reached = A @ frontier
            new = (reached > 0) & (depth < 0)
            if not new.any():
                break
            depth[new] = len(levels)
            levels.append(new)
            frontier = np.where(new, reached, 0.0)
            sigma += frontier
        inverse = 1.0 / np.where(sigma > 0, sigma, 1.0)
        delta = np.zeros_like(sigma)
        for d in range(len(levels) - 1, 0, -1):
            child = np.where(levels[d], (1.0 + delta) * inverse, 0.0)
            delta += np.where(levels[d - 1], sigma * (A @ child), 0.0)
        delta[batch, cols] = 0.0  # a source is not between itself and others
        total += delta.sum(axis=1)
    return total * scale


def _undirected(G: nx.MultiDiGraph) -> nx.Graph:
    """Every actor, and one edge per pair joined by any relation."""
    U = nx.Graph()
    U.add_nodes_from(G)
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return U


def _directions(G: nx.MultiDiGraph, weight: str | None = None) -> pd.DataFrame:
    """One row per way each relation goes: ``source``, ``target``, ``sign``, ``strength``.

    A relation of a directed type goes from its source to its target; one of
    a symmetric type (``symmetric``, e.g. talks, or every tie of an
    undirected import) has no direction and goes both ways, whether the data
    write it once or both ways (:func:`graph.network.build.distinct_relations`:
    one relation). ``strength`` is 1, or with ``weight`` the relation's
    strength (:func:`graph.core.signs.relation_strength`).
    """
    rows = []
    for u, v, _, data in distinct_relations(G):
        sign = tie_sign(data.get("sign", 0), u, v, neutral=True)
        strength = relation_strength(data.get(weight)) if weight else 1
        rows.append((u, v, sign, strength))
        if data.get("symmetric") and u != v:
            rows.append((v, u, sign, strength))
    return pd.DataFrame(rows, columns=["source", "target", "sign", "strength"])


def _weighted_directed(
    G: nx.MultiDiGraph, weight: str | None = None, *, arcs: pd.DataFrame | None = None
) -> nx.DiGraph:
    """Every actor, and one edge per ordered pair weighted by its relations.

    The weight is the number of relations going that way (a symmetric one
    goes both ways, :func:`_directions`), or with ``weight`` their total
    strength (:func:`graph.core.signs.relation_strength`). ``arcs``:
    :func:`_directions` of ``G`` with ``weight``, if already computed.
    """
    arcs = _directions(G, weight) if arcs is None else arcs
    D = nx.DiGraph()
    D.add_nodes_from(G)
    totals = arcs.groupby(["source", "target"], sort=False)["strength"].sum()
    D.add_weighted_edges_from((u, v, float(w)) for (u, v), w in totals.items())
    return D


def _weighted_betweenness(G: nx.MultiDiGraph, weight: str, *, exact: bool, seed: int) -> list:
    """Normalised betweenness where a pair's length is 1 / its relations' total strength."""
    strength: dict[tuple, float] = {}
    for u, v, _, data in distinct_relations(G):  # a symmetric relation written twice: once
        value = data.get(weight)
        if u != v:
            pair = (u, v) if (str(u), repr(u)) <= (str(v), repr(v)) else (v, u)
            strength[pair] = strength.get(pair, 0.0) + relation_strength(value)
    U = nx.Graph()
    U.add_nodes_from(G)
    U.add_edges_from(
        (*pair, {"length": 1.0 / total}) for pair, total in strength.items() if total > 0
    )
    n = len(U)
    sampled = not exact and n > BETWEENNESS_EXACT_MAX_ACTORS
    k = min(BETWEENNESS_PIVOTS, n) if sampled else None
    scores = nx.betweenness_centrality(U, k=k, seed=seed, weight="length", normalized=True)
    return [scores[node] for node in G]


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
        ``neutral_relations`` (a symmetric relation written both ways, with
        the same type and dates, is one relation, as in
        :func:`relation_counts` and :func:`graph.signed_graph`);
        ``ties``, ``positive_ties``, ``negative_ties``, ``mixed_ties``: pairs
        of actors in :func:`graph.signed_graph`, by sign, and those with
        both support and opposition;
        ``density``: ordered pairs of actors joined by at least one relation
        going that way (a symmetric relation goes both ways), over all
        ``n (n - 1)`` ordered pairs;
        ``reciprocity``: share of the ordered pairs linked by a relation of a
        directed type whose reverse pair is linked by one too. A relation of
        a symmetric type (``symmetric`` in the vocabulary, e.g. talks, and
        every tie of an undirected import) has no direction to return, so it
        is left out: ``nan`` when no relation is directed (an undirected
        network), as without relations;
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
    density                   0.081579
    reciprocity               0.068966
    components                       2
    first_date                 2012-07
    last_date               2016-12-22
    Name: summary, dtype: object
    """
    S = signed_graph(G)
    D = _weighted_directed(G)
    # One rule with relation_counts: a symmetric relation written both ways is one.
    relations = list(distinct_relations(G))
    signs = [data.get("sign", 0) for *_, data in relations]
    one_way = [(u, v, key) for u, v, key, data in relations if not data.get("symmetric")]
    directed = _weighted_directed(G.edge_subgraph(one_way))
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
        "reciprocity": nx.reciprocity(directed) if directed.number_of_edges() else math.nan,
        "components": nx.number_weakly_connected_components(G) if n else 0,
        "first_date": first,
        "last_date": last,
    }
    return pd.Series(values, name="summary", dtype=object)
