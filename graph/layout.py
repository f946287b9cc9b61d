"""Positions for drawing an actor graph: fixed, seeded, allies close, opponents apart.

Both the HTML explorer and the print figures use :func:`layout`, so the
picture is the same everywhere and never changes between runs.
"""

from __future__ import annotations

import networkx as nx

from .build import signed_graph

__all__ = ["layout"]


def layout(
    G: nx.MultiDiGraph, *, seed: int = 7, scale: float = 600.0
) -> dict[str, tuple[float, float]]:
    """Fixed positions that put allies together and opponents apart.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph.
    seed : int
        Seed of the layout, so the same graph always gets the same picture.
    scale : float
        Half the width of the drawing, in vis-network pixels.

    Returns
    -------
    dict
        Actor id -> (x, y), rounded to 0.1 px.

    Examples
    --------
    >>> import graph
    >>> positions = layout(graph.load())
    >>> positions == layout(graph.load())
    True
    """
    S = signed_graph(G)
    attract = nx.Graph()
    attract.add_nodes_from(sorted(S.nodes))
    # Support pulls actors together; opposition only keeps them in one picture.
    attract.add_edges_from(
        (u, v, {"weight": 1.0 if d["sign"] > 0 else 0.15}) for u, v, d in sorted(S.edges(data=True))
    )
    positions = nx.spring_layout(attract, seed=seed, scale=scale, weight="weight")
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in positions.items()}
