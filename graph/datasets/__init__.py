"""Classic published signed networks shipped with the package, and seeded generators.

Each loader and generator returns a fresh, undirected :class:`networkx.Graph`
whose edges carry a ``sign`` attribute in {+1, -1}, the convention used by
:mod:`graph.balance`: :func:`random_signed_graph` (a null model to compare a
network with), :func:`senate_like`, :func:`trust_like` and :func:`voting_like` (the shapes of
published benchmark networks, for tests and benchmarks at realistic size).
:func:`shifting_alliances` is the exception: dated actors and relations
tables (the dataset format of ``graph.load``) whose camps realign over time.
Provenance of every file is documented in ``graph/datasets/README.md``.
"""

from __future__ import annotations

import csv
from importlib import resources

import networkx as nx
import numpy as np
import pandas as pd

__all__ = [
    "HIGHLAND_TRIBES",
    "OPPOSITION_TYPES",
    "SUPPORT_TYPES",
    "highland_tribes",
    "planted_groups",
    "random_signed_graph",
    "senate_like",
    "shifting_alliances",
    "trust_like",
    "voting_like",
]

#: The 16 Gahuku-Gama subtribes, in the row order of UCINET's ``GAMA`` data set
#: (the node numbering 1..16 used by KONECT's ``ucidata-gama``).
HIGHLAND_TRIBES: tuple[str, ...] = (
    "GAVEV",
    "KOTUN",
    "OVE",
    "ALIKA",
    "NAGAM",
    "GAHUK",
    "MASIL",
    "UKUDZ",
    "NOTOH",
    "KOHIK",
    "GEHAM",
    "ASARO",
    "UHETO",
    "SEUVE",
    "NAGAD",
    "GAMA",
)


def _read_signed_csv(filename: str) -> list[tuple[str, str, int]]:
    text = resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    reader = csv.DictReader(text.splitlines())
    return [(row["source"], row["target"], int(row["sign"])) for row in reader]


def highland_tribes() -> nx.Graph:
    """Read's (1954) signed network of the 16 Gahuku-Gama subtribes.

    Alliances between subtribes of the Eastern Central Highlands of New Guinea
    ("rova", sign +1) and antagonisms ("hina", sign -1), as coded by Hage &
    Harary (1983) and distributed with UCINET (``GAMAPOS`` - ``GAMANEG``) and
    KONECT (``ucidata-gama``): 16 nodes, 58 ties, 29 positive and 29 negative.

    Returns
    -------
    networkx.Graph
        A new undirected graph (safe to modify).  Nodes are the tribe names of
        :data:`HIGHLAND_TRIBES` (added in that order); every edge has ``sign``.
        ``G.graph`` holds ``name`` and ``source``.

    Examples
    --------
    >>> from graph.datasets import highland_tribes
    >>> G = highland_tribes()
    >>> G.number_of_nodes(), G.number_of_edges()
    (16, 58)
    >>> sum(s == 1 for _, _, s in G.edges(data="sign"))
    29
    >>> G["GAVEV"]["KOTUN"]["sign"], G["GAVEV"]["OVE"]["sign"]
    (1, -1)

    References
    ----------
    .. [1] K. E. Read, "Cultures of the Central Highlands, New Guinea",
       Southwestern Journal of Anthropology 10(1):1-43, 1954.
    .. [2] P. Hage and F. Harary, *Structural Models in Anthropology*,
       Cambridge University Press, 1983, pp. 56-60.
    """
    G = nx.Graph(
        name="Highland tribes (Gahuku-Gama)",
        source="Read (1954); Hage & Harary (1983); UCINET GAMA / KONECT ucidata-gama",
    )
    G.add_nodes_from(HIGHLAND_TRIBES)
    for source, target, sign in _read_signed_csv("highland_tribes.csv"):
        G.add_edge(source, target, sign=sign)
    return G


def random_signed_graph(n: int, m: int, *, seed: int = 0, negative: float = 0.5) -> nx.Graph:
    """A seeded random signed graph: G(n, m) with independent random signs.

    Parameters
    ----------
    n, m : int
        Numbers of nodes (``0 .. n-1``) and ties.
    seed : int
        Seed of both the ties and the signs: the same arguments give the same graph.
    negative : float
        Probability that a tie is negative.

    Returns
    -------
    networkx.Graph
        Undirected; every edge has ``sign`` in {+1, -1}.

    Examples
    --------
    >>> G = random_signed_graph(60, 300, seed=0)
    >>> G.number_of_nodes(), G.number_of_edges()
    (60, 300)
    >>> sorted({s for _, _, s in G.edges(data="sign")})
    [-1, 1]

    References
    ----------
    .. [1] P. Erdős and A. Rényi, "On random graphs I", Publicationes
       Mathematicae 6:290-297, 1959.
    """
    G = nx.gnm_random_graph(n, m, seed=seed)
    rng = np.random.default_rng(seed)
    for a, b in G.edges:
        G[a][b]["sign"] = 1 if rng.random() >= negative else -1
    return G


def planted_groups(n: int, m: int, groups: int, *, noise: float = 0.05, seed: int = 0) -> nx.Graph:
    """A seeded G(n, m) whose signs follow hidden groups: generalised balance plus noise.

    Every actor is put in one of ``groups`` groups uniformly at random; a tie
    is positive inside a group and negative between groups, and each sign is
    flipped with probability ``noise``.  Partitioning it into ``groups``
    groups (:func:`graph.balance.partition`) should recover the groups.

    Parameters
    ----------
    n, m : int
        Numbers of actors (``0 .. n-1``) and ties.
    groups : int
        Number of hidden groups (>= 1).
    noise : float, default 0.05
        Probability that a tie's sign goes against the groups.
    seed : int, default 0
        Seed of the ties, the groups and the noise.

    Returns
    -------
    networkx.Graph
        Undirected; every edge has ``sign`` in {+1, -1}; every node its
        hidden ``group`` (an int).

    Examples
    --------
    >>> G = planted_groups(30, 80, 3, noise=0.0, seed=1)
    >>> all((s > 0) == (G.nodes[a]["group"] == G.nodes[b]["group"])
    ...     for a, b, s in G.edges(data="sign"))
    True
    """
    rng = np.random.default_rng(seed)
    G = nx.gnm_random_graph(n, m, seed=seed)
    group = rng.integers(groups, size=n)
    nx.set_node_attributes(G, {i: int(group[i]) for i in range(n)}, "group")
    flip = rng.random(G.number_of_edges()) < noise
    for (a, b), flipped in zip(G.edges, flip.tolist(), strict=True):
        sign = 1 if group[a] == group[b] else -1
        G.edges[a, b]["sign"] = -sign if flipped else sign
    return G


def senate_like(n: int = 101, m: int = 2275, *, seed: int = 0) -> nx.Graph:
    """A seeded network shaped like a US Senate co-sponsorship signed network.

    Imitates the Senate instances on which Aref, Mason & Wilson (2020) report
    exact frustration indices (the 101-actor, 2,275-tie network with
    ``L = 541``, about 24 % of its ties): two parties of equal size, dense
    (45 % of pairs tied), with a strong two-party structure and about a fifth
    to a quarter of the ties frustrated, concentrated on moderates.  Each
    actor has an ideal point (``-1`` or ``+1`` by party, plus Gaussian noise
    of standard deviation 0.7); ``m`` pairs drawn at random are tied, positive
    when their ideal points are less than 1 apart and negative otherwise, and
    2 % of the signs are then flipped at random.

    Parameters
    ----------
    n, m : int
        Actors (``0 .. n-1``; the first half is one party) and ties.
    seed : int
        Seed of everything random.

    Returns
    -------
    networkx.Graph
        Every edge has ``sign``; every node ``party`` (``"D"`` or ``"R"``).

    Examples
    --------
    >>> S = senate_like()
    >>> S.number_of_nodes(), S.number_of_edges()
    (101, 2275)

    References
    ----------
    .. [1] S. Aref, A. J. Mason and M. C. Wilson, "A modeling and computational
       study of the frustration index in signed networks", Networks
       75(1):95-110, 2020.
    .. [2] Z. P. Neal, "The backbone of bipartite projections: Inferring
       relationships from co-authorship, co-sponsorship, co-attendance and
       other co-behaviors", Social Networks 39:84-97, 2014.
    """
    rng = np.random.default_rng(seed)
    party = np.where(np.arange(n) < (n + 1) // 2, -1.0, 1.0)
    ideal = party + rng.normal(0.0, 0.7, n)
    first, second = np.triu_indices(n, k=1)
    chosen = np.sort(rng.choice(len(first), size=m, replace=False))
    a, b = first[chosen], second[chosen]
    sign = np.where(np.abs(ideal[a] - ideal[b]) < 1.0, 1, -1)
    sign = np.where(rng.random(m) < 0.02, -sign, sign)
    G = nx.Graph(name=f"Senate-like signed network (seed {seed})")
    G.add_nodes_from((i, {"party": "D" if party[i] < 0 else "R"}) for i in range(n))
    G.add_edges_from((int(i), int(j), {"sign": int(s)}) for i, j, s in zip(a, b, sign, strict=True))
    return G


def _factional_graph(name: str, faction: np.ndarray, ties: list) -> nx.Graph:
    """The signed graph of :func:`_factional_ties`: actors with factions, ties with signs."""
    G = nx.Graph(name=name)
    G.add_nodes_from((i, {"faction": int(group)}) for i, group in enumerate(faction))
    G.add_edges_from((i, j, {"sign": sign}) for i, j, sign in ties)
    return G


def _factional_ties(
    rng: np.random.Generator,
    n: int,
    m: int,
    *,
    exponent: float,
    minority: float,
    keep_across: float,
    flip_inside: float,
    flip_across: float,
) -> tuple[np.ndarray, list[tuple[int, int, int]]]:
    """Factions and ``m`` distinct signed Chung-Lu ties: the shared core of the generators.

    Actors get a Pareto activity (tail ``exponent``) and a faction (1 with
    probability ``minority``); a pair drawn in proportion to activity is kept
    inside a faction, across with probability ``keep_across``; its sign is
    +1 inside and -1 across, flipped with ``flip_inside`` / ``flip_across``.
    """
    activity = (1.0 - rng.random(n)) ** (-1.0 / (exponent - 1.0))
    faction = (rng.random(n) < minority).astype(np.int64)
    p = activity / activity.sum()
    seen: set[tuple[int, int]] = set()
    ties: list[tuple[int, int, int]] = []
    while len(ties) < m:
        k = 3 * (m - len(ties))
        a, b = rng.choice(n, size=k, p=p), rng.choice(n, size=k, p=p)
        keep, flip = rng.random(k), rng.random(k)
        for i, j, r_keep, r_flip in zip(a.tolist(), b.tolist(), keep, flip, strict=True):
            pair = (min(i, j), max(i, j))
            same = faction[i] == faction[j]
            if i == j or pair in seen or (not same and r_keep > keep_across):
                continue
            sign = 1 if same else -1
            if r_flip < (flip_inside if same else flip_across):
                sign = -sign
            seen.add(pair)
            ties.append((*pair, sign))
            if len(ties) == m:
                break
    return faction, ties


def trust_like(n: int = 6000, m: int = 35000, *, seed: int = 0, weighted: bool = False) -> nx.Graph:
    """A seeded sparse, mostly positive signed network shaped like a trust network.

    Imitates the shape of the SNAP trust networks (Epinions, Slashdot, Bitcoin
    OTC): sparse (about 6 ties per actor on average), heavy-tailed activity (a
    few actors with hundreds of ties), about 85 % positive ties, distrust
    mostly between two factions.  Actors get an activity drawn from a Pareto
    law (exponent 2.6) and a faction (20 % in the minority); ties join actors
    drawn in proportion to their activity (Chung-Lu), keeping only 30 % of
    the pairs across factions; a tie is positive inside a faction and negative
    across, then 4 % of the signs inside and 8 % across are flipped at random.

    With ``weighted=True`` every tie also gets an integer ``weight`` from 1 to
    10, the size of a rating as on Bitcoin OTC (ratings -10 .. +10): mostly
    small (``P(k)`` proportional to ``k ** -2``), except that 40 % of the
    negative ties weigh 10 (distrust is often rated at the extreme).  The
    weights come from their own random stream, so the ties and signs are those
    of ``weighted=False``.

    Parameters
    ----------
    n, m : int
        Actors (``0 .. n-1``) and ties.
    seed : int
        Seed of everything random.
    weighted : bool, default False
        Add the ``weight`` (rating size) of every tie.

    Returns
    -------
    networkx.Graph
        Every edge has ``sign`` (and ``weight`` if asked); every node
        ``faction`` (0 or 1). A few actors drawn no tie stay as isolates, as
        in real data.

    Examples
    --------
    >>> S = trust_like(600, 3500)
    >>> S.number_of_nodes(), S.number_of_edges()
    (600, 3500)
    >>> sorted({w for *_, w in trust_like(600, 3500, weighted=True).edges(data="weight")})
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

    References
    ----------
    .. [1] J. Leskovec, D. Huttenlocher and J. Kleinberg, "Signed networks in
       social media", Proceedings of CHI 2010, pp. 1361-1370.
    .. [2] F. Chung and L. Lu, "Connected components in random graphs with
       given expected degree sequences", Annals of Combinatorics 6:125-145,
       2002.
    .. [3] S. Kumar, F. Spezzano, V. S. Subrahmanian and C. Faloutsos, "Edge
       weight prediction in weighted signed networks", ICDM 2016, pp. 221-230.
    """
    rng = np.random.default_rng(seed)
    faction, ties = _factional_ties(
        rng, n, m, exponent=2.6, minority=0.2, keep_across=0.3, flip_inside=0.04, flip_across=0.08
    )
    G = _factional_graph(f"Trust-like signed network (seed {seed})", faction, ties)
    if weighted:
        wrng = np.random.default_rng([seed, 1])
        sizes = np.arange(1, 11)
        weight = wrng.choice(sizes, size=len(ties), p=sizes**-2.0 / (sizes**-2.0).sum())
        extreme = wrng.random(len(ties)) < 0.4
        for (i, j, sign), w, top in zip(ties, weight.tolist(), extreme.tolist(), strict=True):
            G[i][j]["weight"] = 10 if sign < 0 and top else w
    return G


def voting_like(n: int = 7115, m: int = 100_693, *, seed: int = 0) -> nx.Graph:
    """A seeded signed network shaped like an election (votes for and against).

    Imitates the shape of the Wikipedia adminship election network
    (``wiki-Elec``: 7,115 voters and candidates, 100,693 votes, 78 % in
    favour, frustration index about 15 % of the ties): heavier activity than
    a trust network (Pareto exponent 2.2, about 28 ties per actor), two camps
    (20 % in the minority) with 40 % of the pairs across camps kept, votes in
    favour inside a camp and against across, then 12 % of the votes inside
    and 25 % across flipped at random -- about 76 % positive, and a
    frustration index near 14.5 % of the ties: a much harder instance than
    :func:`trust_like`.

    Parameters
    ----------
    n, m : int
        Actors (``0 .. n-1``) and ties.
    seed : int
        Seed of everything random.

    Returns
    -------
    networkx.Graph
        Every edge has ``sign``; every node ``faction`` (0 or 1).

    Examples
    --------
    >>> S = voting_like(700, 10_000)
    >>> S.number_of_nodes(), S.number_of_edges()
    (700, 10000)

    References
    ----------
    .. [1] J. Leskovec, D. Huttenlocher and J. Kleinberg, "Signed networks in
       social media", Proceedings of CHI 2010, pp. 1361-1370.
    .. [2] S. Aref, A. J. Mason and M. C. Wilson, "A modeling and computational
       study of the frustration index in signed networks", Networks
       75(1):95-110, 2020.
    """
    rng = np.random.default_rng(seed)
    faction, ties = _factional_ties(
        rng, n, m, exponent=2.2, minority=0.2, keep_across=0.4, flip_inside=0.12, flip_across=0.25
    )
    return _factional_graph(f"Voting-like signed network (seed {seed})", faction, ties)


#: Relation types (of the bundled vocabulary) the synthetic generators draw
#: for support and for opposition.
SUPPORT_TYPES = ("weapons", "funding", "troops", "training", "political_support", "backs")
OPPOSITION_TYPES = ("fights", "air_strikes", "siege", "accuses", "opposes")


def shifting_alliances(
    actors: int = 120,
    relations: int = 5429,
    *,
    years: tuple[int, int] = (1816, 2012),
    seed: int = 0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Dated actors and relations tables whose two camps realign over time.

    The shape of the Correlates of War wars plus ATOP alliances: every actor
    is in one of two camps and changes camp with probability 3 % a year
    (realignments, as alliances shift between wars).  Each relation joins two
    actors drawn in proportion to a Pareto activity (shape 1.5), starts in a
    uniform year of ``years`` and lasts 1 + a geometric number of years
    (mean 4); it is support (a type of :data:`SUPPORT_TYPES`) when the two are
    in the same camp in its first year and opposition
    (:data:`OPPOSITION_TYPES`) otherwise, with 10 % of the signs the other
    way.  With the defaults: 5,429 relations over 197 years, about 10 to 200
    active a year.

    Parameters
    ----------
    actors : int, default 120
        Number of actors (states), at least 2.
    relations : int, default 5429
        Number of relations.
    years : (int, int), default (1816, 2012)
        First and last year (inclusive).
    seed : int, default 0
        Seed of :func:`numpy.random.default_rng`: same arguments, same tables.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        The rows of ``actors.csv`` (``camp`` is each actor's first camp) and
        of ``relations.csv``, all values text, ready to be written with
        ``to_csv(path, index=False)`` into a folder for ``graph.load``.

    Raises
    ------
    ValueError
        If ``actors < 2`` or the years are reversed.

    Examples
    --------
    >>> actors, relations = shifting_alliances(10, 50, years=(1990, 1999), seed=1)
    >>> len(actors), len(relations), list(relations.columns[:5])
    (10, 50, ['source', 'target', 'type', 'start', 'end'])
    >>> relations["start"].min() >= "1990" and relations["end"].max() <= "1999"
    True
    """
    if actors < 2:
        raise ValueError(f"need at least 2 actors, got {actors}")
    if years[1] < years[0]:
        raise ValueError(f"years must be (first, last), got {years}")
    rng = np.random.default_rng(seed)
    span = years[1] - years[0] + 1
    flips = rng.random((span, actors)) < 0.03
    camp = np.cumsum(flips, axis=0) % 2 ^ (rng.random(actors) < 0.5)
    activity = (1.0 - rng.random(actors)) ** (-1.0 / 1.5)
    p = activity / activity.sum()
    a = rng.choice(actors, size=relations, p=p)
    b = (a + 1 + rng.choice(actors - 1, size=relations)) % actors  # never a itself
    start = rng.integers(0, span, size=relations)
    end = np.minimum(start + rng.geometric(0.25, size=relations) - 1, span - 1)
    same = camp[start, a] == camp[start, b]
    sign = np.where(same ^ (rng.random(relations) < 0.1), 1, -1)
    support = np.array(SUPPORT_TYPES)[rng.integers(len(SUPPORT_TYPES), size=relations)]
    opposition = np.array(OPPOSITION_TYPES)[rng.integers(len(OPPOSITION_TYPES), size=relations)]
    ids = [f"state_{i:03d}" for i in range(actors)]
    actor_table = pd.DataFrame(
        {
            "id": ids,
            "name": [f"State {i}" for i in range(actors)],
            "kind": "state",
            "camp": [f"camp {int(c)}" for c in camp[0]],
            "aliases": "",
            "description": [f"Synthetic state {i}." for i in range(actors)],
        }
    )
    relation_table = pd.DataFrame(
        {
            "source": [ids[i] for i in a],
            "target": [ids[i] for i in b],
            "type": np.where(sign > 0, support, opposition),
            "start": (years[0] + start).astype(str),
            "end": (years[0] + end).astype(str),
            "confidence": "confirmed",
            "evidence": [f"Synthetic relation {i}." for i in range(relations)],
            "citation": f"synthetic: graph.datasets.shifting_alliances, seed {seed}",
        }
    )
    return actor_table, relation_table
