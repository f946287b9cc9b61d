"""Classic published signed networks shipped with the package, and random ones.

Each loader, and :func:`random_signed_graph` (a seeded null model to compare a
network with), returns a fresh, undirected :class:`networkx.Graph` whose edges
carry a ``sign`` attribute in {+1, -1}, the convention used by
:mod:`graph.balance`.  Provenance of every file is documented in
``graph/datasets/README.md``.
"""

from __future__ import annotations

import csv
from importlib import resources

import networkx as nx
import numpy as np

__all__ = ["HIGHLAND_TRIBES", "highland_tribes", "random_signed_graph"]

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
