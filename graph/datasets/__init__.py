"""Classic published signed networks shipped with the package.

Each loader returns a fresh, undirected :class:`networkx.Graph` whose edges
carry a ``sign`` attribute in {+1, -1}, the convention used by
:mod:`graph.balance`.  Provenance of every file is documented in
``graph/datasets/README.md``.
"""

from __future__ import annotations

import csv
from importlib import resources

import networkx as nx

__all__ = ["HIGHLAND_TRIBES", "highland_tribes"]

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
