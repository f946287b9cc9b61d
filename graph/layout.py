"""Positions for drawing an actor graph: fixed, seeded, allies close, opponents apart.

Both the HTML explorer and the print figures use :func:`layout`, so the
picture is the same everywhere and never changes between runs.

The layout is a signed force-directed drawing that takes seconds for ten
thousand actors:

1. Each connected component gets a starting drawing from pivot MDS (Brandes &
   Pich 2007): shortest-path distances from at most :data:`PIVOTS` actors,
   with support and neutral ties one unit long and opposition ties
   :data:`OPPOSITION_LENGTH` units, turned into coordinates by one small
   eigenproblem. It costs O(m) per pivot and gets the large shape right, which
   forces alone find slowly.
2. Fruchterman & Reingold's (1991) forces refine it: ties pull their ends
   together with d²/k, every actor pushes every other one of its component
   away with k²/d. Opponents push each other once more and pull only weakly,
   so they settle about :data:`OPPOSITION_LENGTH` ties apart: negative ties
   place actors apart as positive ones place them close, as in signed
   spectral drawing (Kunegis et al. 2010). Small components compute the
   repulsion pair by pair; large ones on a mesh (Hockney & Eastwood 1988), so
   an iteration costs O(n log n + m), not O(n²).
3. The components, isolated actors included, are packed in rows, largest
   first, so none lies on top of another.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
from scipy import fft, sparse
from scipy.sparse import csgraph
from scipy.spatial import cKDTree

from .build import signed_graph

__all__ = ["OPPOSITION_LENGTH", "layout"]

#: Rest length of an opposition tie, in ideal support-tie lengths.
OPPOSITION_LENGTH = 3.0
#: Components up to this size repel pair by pair, larger ones through a mesh.
EXACT_UP_TO = 100
#: Most neighbours in touching mesh cells that push an actor one by one; where
#: more crowd together, the others are left out until the crowd spreads.
NEAR_LIMIT = 16
#: Largest side of the repulsion mesh, in cells.
MESH_CELLS = 512
#: Weight of the pull of a neutral tie (talks, documenting, identity), against 1 for support.
NEUTRAL_PULL = 0.3
#: Number of pivots of the starting drawing; Brandes & Pich find 50 enough.
PIVOTS = 50
#: Space left between packed components, in distances between nearest actors.
COMPONENT_GAP = 1.5


def layout(
    G: nx.MultiDiGraph, *, seed: int = 7, scale: float = 600.0, iterations: int = 50
) -> dict[str, tuple[float, float]]:
    """Fixed positions that put allies together and opponents apart.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph. Its signed graph (:func:`graph.signed_graph`) gives
        the support ties, which pull actors together, and the opposition
        ties, which push them apart. Relations of sign 0 (talks, documenting,
        identity ties) pull weakly, so an actor with only neutral ties sits
        next to the actors it deals with.
    seed : int
        Seed of the layout, so the same graph always gets the same picture.
    scale : float
        Half the width of the drawing, in vis-network pixels: every
        coordinate lies in ``[-scale, scale]``.
    iterations : int
        Force-directed refinement steps; the pivot MDS start leaves little to
        do, and more steps barely change the picture.

    Returns
    -------
    dict
        Actor id -> (x, y), rounded to 0.1 px, no two actors at the same
        point (for a ``scale`` too small to hold them all 0.1 px apart, a few
        actors may lie just outside ``[-scale, scale]``).

    References
    ----------
    .. [1] Fruchterman, T. M. J. and Reingold, E. M. (1991). Graph drawing by
       force-directed placement. Software: Practice and Experience 21(11),
       1129-1164. https://doi.org/10.1002/spe.4380211102
    .. [2] Brandes, U. and Pich, C. (2007). Eigensolver methods for
       progressive multidimensional scaling of large data. Graph Drawing
       2006, LNCS 4372, 42-53. https://doi.org/10.1007/978-3-540-70904-6_6
    .. [3] Hockney, R. W. and Eastwood, J. W. (1988). Computer Simulation
       Using Particles. Bristol: Adam Hilger.
    .. [4] Kunegis, J., Schmidt, S., Lommatzsch, A., Lerner, J., De Luca,
       E. W. and Albayrak, S. (2010). Spectral analysis of signed graphs for
       clustering, prediction and visualization. SIAM International
       Conference on Data Mining, 559-570.
       https://doi.org/10.1137/1.9781611972801.49

    Examples
    --------
    >>> import graph
    >>> G = graph.load()
    >>> positions = layout(G)
    >>> positions == layout(graph.load())
    True
    >>> len(set(positions.values())) == G.number_of_nodes()
    True
    >>> max(abs(c) for xy in positions.values() for c in xy)
    600.0
    """
    nodes = sorted(G, key=str)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    ties = _ties(G, index)
    rng = np.random.default_rng(seed)
    component = csgraph.connected_components(_adjacency(ties, len(nodes)), directed=False)[1]
    members = _components(component)
    start = _pivot_mds(ties, members, len(nodes), rng)
    refined = _refine(start, ties, members, iterations)
    return _to_pixels(
        _pack(refined, members, COMPONENT_GAP * _spacing(refined, members)), nodes, scale
    )


def _ties(G: nx.MultiDiGraph, index: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The actor pairs to draw close or apart: sorted index pairs and their sign."""
    S = signed_graph(G)
    signs = {tuple(sorted((index[u], index[v]))): sign for u, v, sign in S.edges(data="sign")}
    for u, v, sign in G.edges(data="sign"):
        pair = tuple(sorted((index[u], index[v])))
        if not sign and u != v:
            signs.setdefault(pair, 0)
    ordered = sorted(signs.items())
    pairs = np.array([pair for pair, _ in ordered], dtype=np.intp).reshape(-1, 2)
    return pairs[:, 0], pairs[:, 1], np.array([sign for _, sign in ordered], dtype=int)


def _adjacency(ties: tuple[np.ndarray, np.ndarray, np.ndarray], n: int) -> sparse.csr_array:
    """The tie lengths as a symmetric sparse matrix, for shortest paths."""
    source, target, sign = ties
    length = np.where(sign < 0, OPPOSITION_LENGTH, 1.0)
    matrix = sparse.coo_array((length, (source, target)), shape=(n, n)).tocsr()
    return matrix + matrix.T


def _components(component: np.ndarray) -> list[np.ndarray]:
    """Indices of each component, largest first, then by their first actor."""
    order = np.argsort(component, kind="stable")
    members = np.split(order, np.flatnonzero(np.diff(component[order])) + 1)
    return sorted(members, key=lambda m: (-len(m), m[0]))


def _pivot_mds(
    ties: tuple[np.ndarray, np.ndarray, np.ndarray],
    members: list[np.ndarray],
    n: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """A starting drawing of each component by pivot MDS, in tie lengths."""
    adjacency = _adjacency(ties, n)
    positions = np.zeros((n, 2))
    for nodes in members:
        if len(nodes) == 1:
            continue
        distances = _pivot_distances(adjacency[nodes][:, nodes], rng)
        squared = distances**2
        centred = (
            squared - squared.mean(axis=0) - squared.mean(axis=1)[:, None] + squared.mean()
        ) / -2
        _, vectors = np.linalg.eigh(centred.T @ centred)
        axes = vectors[:, ::-1][:, :2]
        # An eigenvector's sign is arbitrary; fix it so the drawing does not mirror.
        axes = axes * np.where(axes[np.abs(axes).argmax(axis=0), [0, 1]] < 0, -1.0, 1.0)
        drawing = centred @ axes
        # Graph distances in a large, dense graph are all short, and so would
        # the drawing be: it is enlarged to at least about one unit of area per actor.
        spread = np.sqrt((drawing**2).sum(axis=1).mean())
        positions[nodes] = drawing * max(1.0, np.sqrt(len(nodes)) / 2 / max(spread, 1e-9))
    # Actors with the same distances to every pivot start at one point; the
    # jitter lets the repulsion tell them apart.
    return positions + rng.uniform(-0.05, 0.05, size=positions.shape)


def _pivot_distances(adjacency: sparse.csr_array, rng: np.random.Generator) -> np.ndarray:
    """Distances to pivots picked far from each other, the first one at random."""
    n = adjacency.shape[0]
    count = min(PIVOTS, n)
    distances = np.empty((n, count))
    pivot = int(rng.integers(n))
    nearest = np.full(n, np.inf)
    for column in range(count):
        distances[:, column] = csgraph.dijkstra(adjacency, indices=pivot)
        nearest = np.minimum(nearest, distances[:, column])
        pivot = int(nearest.argmax())
    return distances


def _refine(
    positions: np.ndarray,
    ties: tuple[np.ndarray, np.ndarray, np.ndarray],
    members: list[np.ndarray],
    iterations: int,
) -> np.ndarray:
    """Fruchterman-Reingold steps with signed ties, each component on its own."""
    source, target, sign = ties
    positions = positions.copy()
    n = len(positions)
    # Weak pull on opposition ties: with their extra repulsion they rest at OPPOSITION_LENGTH.
    pull = np.select([sign > 0, sign < 0], [1.0, OPPOSITION_LENGTH**-3], NEUTRAL_PULL)
    opposed = sign < 0
    small = [nodes for nodes in members if 1 < len(nodes) <= EXACT_UP_TO]
    meshes = [_Mesh(nodes) for nodes in members if len(nodes) > EXACT_UP_TO]
    first, second = _all_pairs(small)
    first = np.concatenate([first, source[opposed]])
    second = np.concatenate([second, target[opposed]])
    # Fruchterman & Reingold's first step: a tenth of the width of the drawing,
    # here of the component's starting drawing, so that even an actor pivot
    # MDS put far out can come back.
    start_temperature = np.ones(n)
    for nodes in members:
        start_temperature[nodes] = max(1.0, np.ptp(positions[nodes], axis=0).max() / 10)
    for step in range(iterations):
        # Repulsion k^2/d: all pairs of small components, opponents once more.
        offset = positions[first] - positions[second]
        force = _spread(n, first, second, offset / _squared_length(offset)[:, None])
        for mesh in meshes:
            force[mesh.nodes] += mesh.repulsion(positions[mesh.nodes])
        # Attraction d^2/k along the ties.
        offset = positions[source] - positions[target]
        tug = offset * (pull * np.sqrt(_squared_length(offset)))[:, None]
        force -= _spread(n, source, target, tug)
        size = np.sqrt(_squared_length(force))
        temperature = start_temperature * (1 - step / iterations)
        positions += force * (np.minimum(size, temperature) / np.maximum(size, 1e-12))[:, None]
    return positions


def _squared_length(vectors: np.ndarray) -> np.ndarray:
    """Squared length of each row, never zero, so that it can divide."""
    return np.maximum((vectors**2).sum(axis=1), 1e-18)


def _spread(n: int, first: np.ndarray, second: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """Per actor, the ``vectors`` of the pairs it is first in minus those it is second in."""
    sums = [
        np.bincount(first, vectors[:, axis], n) - np.bincount(second, vectors[:, axis], n)
        for axis in (0, 1)
    ]
    return np.column_stack(sums).astype(float)  # bincount of no pairs is integer


def _all_pairs(members: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of actors inside each component."""
    first, second = [np.empty(0, np.intp)], [np.empty(0, np.intp)]
    for nodes in members:
        i, j = np.triu_indices(len(nodes), 1)
        first.append(nodes[i])
        second.append(nodes[j])
    return np.concatenate(first), np.concatenate(second)


class _Mesh:
    """Repulsion among the actors of one large component in O(n log n).

    Particle-particle/particle-mesh (Hockney & Eastwood 1988): the actors are
    counted on a grid of about nine cells per actor; actors in the same or
    touching cells repel pair by pair (see :func:`_near_pairs`), every farther
    pair through the counts, convolved by FFT with the force between cells.
    """

    def __init__(self, nodes: np.ndarray):
        self.nodes = nodes
        self.cells = min(MESH_CELLS, int(np.ceil(3 * np.sqrt(len(nodes)))))
        # Circular convolution of this size never wraps a cell onto another.
        size = fft.next_fast_len(2 * self.cells - 1)
        offsets = np.fft.fftfreq(size, 1 / size)
        across, down = np.meshgrid(offsets, offsets, indexing="ij")
        far = np.maximum(np.abs(across), np.abs(down)) > 1
        kernel = np.where(far, (across + 1j * down) / np.maximum(across**2 + down**2, 1), 0)
        self.kernel = fft.fft2(kernel)

    def repulsion(self, points: np.ndarray) -> np.ndarray:
        """The push k^2/d of all the others on each of ``points``, one row per actor."""
        low = points.min(axis=0)
        width = max(np.ptp(points, axis=0).max(), 1e-9) / self.cells
        cell = np.minimum(((points - low) / width).astype(np.intp), self.cells - 1)
        flat = cell[:, 0] * self.cells + cell[:, 1]
        counts = np.bincount(flat, minlength=self.cells**2).reshape(self.cells, self.cells)
        field = fft.ifft2(fft.fft2(counts, self.kernel.shape) * self.kernel)
        force = field[cell[:, 0], cell[:, 1]] / width
        first, second = _near_pairs(points, cell, width)
        offset = points[first] - points[second]
        return np.column_stack([force.real, force.imag]) + _spread(
            len(points), first, second, offset / _squared_length(offset)[:, None]
        )


def _near_pairs(
    points: np.ndarray, cell: np.ndarray, width: float
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of actors in the same or touching cells, each actor with its nearest ones only.

    At most :data:`NEAR_LIMIT` neighbours per actor bound the cost where many
    actors crowd into a few cells, as leaves of one hub do at the start.
    """
    n = len(points)
    # Actors in touching cells are less than two cell diagonals apart.
    reach = 2 * np.sqrt(2) * width * (1 + 1e-9)
    _, nearest = cKDTree(points).query(
        points,
        k=min(NEAR_LIMIT + 1, n),
        distance_upper_bound=reach,  # + 1: the actor itself
    )
    first = np.repeat(np.arange(n), nearest.shape[1])
    second = nearest.ravel()
    found = (second < n) & (first != second)
    low, high = np.minimum(first, second)[found], np.maximum(first, second)[found]
    pairs = np.unique(low * n + high)
    first, second = pairs // n, pairs % n
    touching = np.abs(cell[first] - cell[second]).max(axis=1) <= 1
    return first[touching], second[touching]


def _spacing(positions: np.ndarray, members: list[np.ndarray]) -> float:
    """The median distance between nearest actors in the largest component."""
    points = positions[members[0]]
    if len(points) < 2:
        return 1.0
    return float(np.median(cKDTree(points).query(points, k=2)[0][:, 1]))


def _pack(positions: np.ndarray, members: list[np.ndarray], gap: float) -> np.ndarray:
    """Place the components side by side in rows, largest first, ``gap`` apart."""
    low = np.array([positions[nodes].min(axis=0) for nodes in members])
    extent = np.array([positions[nodes].max(axis=0) for nodes in members]) - low + gap
    width = max(extent[:, 0].max(), np.sqrt((extent[:, 0] * extent[:, 1]).sum()))
    packed = np.empty_like(positions)
    x = y = row_height = 0.0
    for nodes, corner, (box_width, box_height) in zip(members, low, extent, strict=True):
        if x > 0 and x + box_width > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        packed[nodes] = positions[nodes] - corner + (x, y)
        x += box_width
        row_height = max(row_height, box_height)
    return packed


def _to_pixels(positions: np.ndarray, nodes: list, scale: float) -> dict[str, tuple[float, float]]:
    """Centre, scale to [-scale, scale] and round to tenths of a pixel, all distinct."""
    low, high = positions.min(axis=0), positions.max(axis=0)
    half = (high - low).max() / 2
    centred = (positions - (low + high) / 2) / (half if half > 0 else 1.0) * scale
    tenths = np.rint(centred * 10).astype(np.int64)
    taken: set[tuple[int, int]] = set()
    placed = {}
    for node, (x, y) in zip(nodes, tenths.tolist(), strict=True):
        # Two actors closer than the rounding step: move the later one aside.
        while (x, y) in taken:
            x += 1
        taken.add((x, y))
        placed[node] = (x / 10, y / 10)
    return placed
