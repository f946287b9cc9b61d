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
3. Each component is turned so that its long axis lies across, for
   landscape screens and pages, and the drawing is scaled to the actors'
   labels: every actor takes a box (:func:`actor_boxes`: its shape, and its
   label below it, at :data:`LABEL_SIZE`), and nearest actors start closer
   than their boxes allow. Gansner & Hu's (2010) PRISM then pushes
   overlapping boxes apart while keeping each actor's neighbours around it,
   as they were: a compact picture in which no label covers another. It
   starts from a few stretches of the drawing (:data:`START_ASPECTS`) and
   keeps the one that best fills a :data:`TARGET_ASPECT` canvas. Above
   :data:`LABELLED_UP_TO` actors, too many labels to read at once, this
   pass is left out and nearest actors are spaced
   :data:`UNLABELLED_SPACING` box half-diagonals apart.
4. The components, isolated actors included, are packed by their boxes in
   rows, largest first, so none lies on top of another.

The explorer and the print figures draw the actors at these positions with
their radii and labels in the same units (font size :data:`LABEL_SIZE`), and
scale the whole together, so labels never overlap at any zoom.

Over 600 lines with reason: one method in the four steps above, whose helpers
only it uses; the label measurement it needs is :mod:`graph.drawing.labels`.
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx
import numpy as np
import pandas as pd
from scipy import fft, sparse
from scipy.sparse import csgraph
from scipy.sparse.linalg import factorized
from scipy.spatial import cKDTree

# The label measurement moved to graph.drawing.labels; its names stay importable from here.
from graph.drawing.labels import (
    LABEL_GAP,
    LABEL_LINE,
    LABEL_SIZE,
    actor_boxes,
    label_lines,
    label_top,
    text_columns,
)
from graph.network.build import signed_graph

__all__ = [
    "LABELLED_UP_TO",
    "LABEL_GAP",
    "LABEL_LINE",
    "LABEL_SIZE",
    "OPPOSITION_LENGTH",
    "UNLABELLED_SPACING",
    "actor_boxes",
    "label_lines",
    "label_top",
    "layout",
    "text_columns",
]

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
#: Space left between the boxes of packed components, in median box heights.
COMPONENT_GAP = 0.5
#: Width over height of the rows components are packed in: a landscape screen's or page's.
PACKING_ASPECT = 2.0
#: Most actors whose boxes are pushed apart; beyond, labels are too many to read at once.
LABELLED_UP_TO = 2000
#: Distance between nearest actors above LABELLED_UP_TO, in box half-diagonals.
UNLABELLED_SPACING = 2.0
#: Distance between nearest actors before overlaps are removed, in box
#: half-diagonals: closer than the boxes allow, so that the overlap removal,
#: which only pushes apart, decides the spacing and the picture stays compact.
START_SPACING = 0.4
#: Free space kept on each side of an actor's box, in label sizes: across, down.
BOX_MARGIN = (0.25, 0.15)
#: Width over height of the canvas pictures are made for: a projector's or a
#: screen's, below the explorer's bars, or the figures' network.
TARGET_ASPECT = 1.75
#: Stretches of the drawing (width over height) the overlap removal starts from.
START_ASPECTS = (0.8, 0.9, 1.0, 1.12, 1.25)
#: Largest component whose overlap removal starts from each of START_ASPECTS.
SEARCHED_UP_TO = 300
#: Gansner & Hu's s_max: the most a round of overlap removal stretches one distance.
MOST_STRETCH = 1.5
#: Overlapping boxes are pushed this much further than just touching, so rounds end.
OVERSHOOT = 1.03
#: Rounds of overlap removal, after which a last uniform scaling separates what is left.
ROUNDS = 100
#: Stress majorization steps per round.
STRESS_STEPS = 3
#: Neighbours of each actor in the proximity graph whose distances are kept.
PROXIMITY = 8


def layout(
    G: nx.MultiDiGraph,
    *,
    seed: int = 7,
    iterations: int = 50,
    size_by: Mapping | pd.Series | None = None,
    label_size: float = LABEL_SIZE,
    labels: Mapping | None = None,
    boxes: pd.DataFrame | None = None,
) -> dict[str, tuple[float, float]]:
    """Fixed positions that put allies together, opponents apart and labels clear.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph. Its signed graph (:func:`graph.signed_graph`) gives
        the support ties, which pull actors together, and the opposition
        ties, which push them apart. Relations of sign 0 (talks, documenting,
        identity ties) pull weakly, so an actor with only neutral ties sits
        next to the actors it deals with; a ``member_of`` tie pulls a member
        to its coalition as support does.
    seed : int
        Seed of the layout, so the same graph always gets the same picture.
    iterations : int
        Force-directed refinement steps; the pivot MDS start leaves little to
        do, and more steps barely change the picture.
    size_by : pandas.Series or mapping, optional
        A number per actor id that sizes the actors (see
        :func:`graph.drawing.style.actor_radii`); their degree by default.
    label_size : float
        Font size of the labels, in the units of the positions; 0 for
        actors drawn without labels.
    labels : mapping, optional
        Actor id -> its label as drawn, lines separated by ``"\\n"``; by
        default the ``name`` attributes (the ids without).
    boxes : pandas.DataFrame, optional
        The actors' boxes, as :func:`actor_boxes` returns them for
        ``size_by``, ``label_size`` and ``labels``, for a caller that has
        them already (the scene draws them too); computed by default.

    Returns
    -------
    dict
        Actor id -> (x, y), y pointing down as on a screen, rounded to 0.1,
        the drawing centred on (0, 0), no two actors at the same point. Up
        to :data:`LABELLED_UP_TO` actors, no two boxes of
        :func:`actor_boxes` (shape and label) overlap.

    Raises
    ------
    ValueError
        If ``size_by`` lacks an actor or holds a value that is not a finite number.

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
    .. [5] Gansner, E. R. and Hu, Y. (2010). Efficient, proximity-preserving
       node overlap removal. Journal of Graph Algorithms and Applications
       14(1), 53-74. https://doi.org/10.7155/jgaa.00198

    Examples
    --------
    >>> import graph
    >>> G = graph.load()
    >>> positions = layout(G)
    >>> positions == layout(graph.load())
    True
    >>> len(set(positions.values())) == G.number_of_nodes()
    True
    >>> boxes = actor_boxes(G)
    >>> float((boxes.right - boxes.left)["syrian_observatory"] / LABEL_SIZE)  # font sizes
    20.71
    """
    nodes = sorted(G, key=str)
    if not nodes:
        return {}
    if boxes is None:
        boxes = actor_boxes(G, size_by, label_size=label_size, labels=labels)
    boxes = boxes.loc[nodes].to_numpy()
    index = {node: i for i, node in enumerate(nodes)}
    ties = _ties(G, index)
    rng = np.random.default_rng(seed)
    component = csgraph.connected_components(_adjacency(ties, len(nodes)), directed=False)[1]
    members = _components(component)
    start = _pivot_mds(ties, members, len(nodes), rng)
    refined = _refine(start, ties, members, iterations)
    # Half-sizes of the boxes with their margins, and a rounding step: rounding
    # positions to tenths cannot make them overlap.
    half = (boxes[:, 2:] - boxes[:, :2]) / 2 + np.array(BOX_MARGIN) * label_size + 0.1
    offset = (boxes[:, :2] + boxes[:, 2:]) / 2  # from each actor to the middle of its box
    centres = _place_boxes(_spread_out(refined, members, half) + offset, half, members)
    return _rounded(centres - offset, nodes)


def _ties(G: nx.MultiDiGraph, index: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The actor pairs to draw close or apart: sorted index pairs and their sign."""
    S = signed_graph(G)
    signs = {tuple(sorted((index[u], index[v]))): sign for u, v, sign in S.edges(data="sign")}
    for u, v, kind in G.edges(data="type"):
        if kind == "member_of" and u != v:  # a member is drawn with its coalition, as an ally
            signs.setdefault(tuple(sorted((index[u], index[v]))), 1)
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


def _pack(
    positions: np.ndarray, half: np.ndarray, members: list[np.ndarray], gap: float
) -> np.ndarray:
    """Place the components' boxes side by side in rows, largest first, ``gap`` apart."""
    low = np.array([(positions[nodes] - half[nodes]).min(axis=0) for nodes in members])
    high = np.array([(positions[nodes] + half[nodes]).max(axis=0) for nodes in members])
    extent = high - low + gap
    width = max(extent[:, 0].max(), np.sqrt(PACKING_ASPECT * (extent[:, 0] * extent[:, 1]).sum()))
    packed = np.empty_like(positions)
    x = y = row_height = 0.0
    for nodes, corner, (box_width, box_height) in zip(members, low, extent, strict=True):
        if x > 0 and x + box_width > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        packed[nodes] = positions[nodes] - corner + (x, y)
        x += box_width
        row_height = max(row_height, box_height)
    return packed


def _landscape(points: np.ndarray) -> np.ndarray:
    """A drawing turned about its centre so that its long axis lies across."""
    centred = points - points.mean(axis=0)
    _, vectors = np.linalg.eigh(centred.T @ centred)
    across = vectors[:, -1] if vectors[0, -1] >= 0 else -vectors[:, -1]
    # A rotation, never a mirror image: allies and opponents keep their sides.
    return centred @ np.array([[across[0], -across[1]], [across[1], across[0]]])


def _place_boxes(centres: np.ndarray, half: np.ndarray, members: list[np.ndarray]) -> np.ndarray:
    """Boxes of half-sizes ``half`` moved apart in each component, components packed.

    The overlap removal starts from the drawing stretched across or down by
    each of START_ASPECTS (only as it is above SEARCHED_UP_TO actors, and not
    at all above LABELLED_UP_TO); the picture that fills a TARGET_ASPECT
    canvas best wins.
    """
    gap = COMPONENT_GAP * 2 * np.median(half[:, 1])
    if len(centres) > LABELLED_UP_TO:
        return _pack(centres, half, members, gap)
    middle = centres.mean(axis=0)
    best, least = centres, np.inf
    for aspect in START_ASPECTS if len(centres) <= SEARCHED_UP_TO else (1.0,):
        stretched = middle + (centres - middle) * np.sqrt([aspect, 1 / aspect])
        for nodes in members:
            if len(nodes) > 1:
                stretched[nodes] = _remove_overlaps(stretched[nodes], half[nodes])
        packed = _pack(stretched, half, members, gap)
        width, height = np.ptp(np.concatenate([packed - half, packed + half]), axis=0)
        if max(width / TARGET_ASPECT, height) < least:
            best, least = packed, max(width / TARGET_ASPECT, height)
    return best


def _spread_out(points: np.ndarray, members: list[np.ndarray], half: np.ndarray) -> np.ndarray:
    """Each component turned to lie across, all scaled to the actors' boxes of half-sizes ``half``.

    Nearest actors end up START_SPACING box half-diagonals apart, closer
    than their boxes allow, for the overlap removal to spread them; above
    LABELLED_UP_TO actors, UNLABELLED_SPACING apart.
    """
    turned = points.copy()
    for nodes in members:
        if len(nodes) > 1:
            turned[nodes] = _landscape(points[nodes])
    labelled = len(points) <= LABELLED_UP_TO
    spacing = (START_SPACING if labelled else UNLABELLED_SPACING) * np.median(np.hypot(*half.T))
    return turned * (spacing / max(_spacing(turned, members), 1e-12))


def _remove_overlaps(centres: np.ndarray, half: np.ndarray) -> np.ndarray:
    """Box centres moved so that no two boxes of half-sizes ``half`` overlap.

    PRISM (Gansner & Hu 2010): each round, the distances between near actors
    (a proximity graph: each actor's nearest ones, and every overlapping
    pair) are stretched by as much as their boxes overlap, at most
    MOST_STRETCH, and the other near distances kept, by minimising their
    stress. Gansner & Hu find overlaps with a Delaunay triangulation and a
    scan line; here the nearest neighbours and a sweep over the boxes' left
    edges do, which cannot fail on points in a line. Boxes still overlapping
    after ROUNDS are separated by scaling the whole drawing, the method
    PRISM refines.
    """
    n = len(centres)
    for _ in range(ROUNDS):
        first, second = _overlapping(centres, half)
        if not len(first):
            return centres
        near_first, near_second = _nearest_pairs(centres)
        pairs = np.unique(np.concatenate([first * n + second, near_first * n + near_second]))
        first, second = pairs // n, pairs % n
        factor = _overlap_factor(centres, half, first, second)
        stretch = np.clip(np.where(factor > 1, factor * OVERSHOOT, 1.0), 1.0, MOST_STRETCH)
        distance = np.sqrt(_squared_length(centres[first] - centres[second]))
        centres = _majorize(centres, first, second, stretch * distance)
    first, second = _overlapping(centres, half)
    if len(first):
        middle = centres.mean(axis=0)
        factor = _overlap_factor(centres, half, first, second).max() * OVERSHOOT
        centres = middle + (centres - middle) * factor
    return centres


def _overlapping(centres: np.ndarray, half: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of overlapping boxes (first < second), found by a sweep over their left edges."""
    n = len(centres)
    left = centres[:, 0] - half[:, 0]
    order = np.argsort(left, kind="stable")
    # Boxes starting before box i ends, among those starting after it, overlap it across.
    ends = np.searchsorted(left[order], (centres[:, 0] + half[:, 0])[order], side="left")
    counts = np.maximum(ends - np.arange(n) - 1, 0)
    position = np.repeat(np.arange(n), counts)
    later = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts) + position + 1
    first, second = order[position], order[later]
    gap = np.abs(centres[first] - centres[second])
    hit = np.all(gap < half[first] + half[second], axis=1)
    first, second = first[hit], second[hit]
    return np.minimum(first, second), np.maximum(first, second)


def _nearest_pairs(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each point with its PROXIMITY nearest ones, as pairs (first < second)."""
    n = len(points)
    count = min(PROXIMITY + 1, n)  # + 1: the point itself
    nearest = cKDTree(points).query(points, k=count)[1].reshape(n, count)
    first, second = np.repeat(np.arange(n), count), nearest.ravel()
    other = first != second
    pairs = np.unique(np.minimum(first, second)[other] * n + np.maximum(first, second)[other])
    return pairs // n, pairs % n


def _overlap_factor(
    centres: np.ndarray, half: np.ndarray, first: np.ndarray, second: np.ndarray
) -> np.ndarray:
    """How much each pair's distance must grow for its boxes to just touch (< 1: apart)."""
    needed = (half[first] + half[second]) / np.maximum(
        np.abs(centres[first] - centres[second]), 1e-12
    )
    return needed.min(axis=1)


def _majorize(
    points: np.ndarray, first: np.ndarray, second: np.ndarray, target: np.ndarray
) -> np.ndarray:
    """Points moved towards ``target`` distances between pairs, by stress majorization.

    Steps of Gansner, Koren & North's (2004) majorization of the stress
    sum w (|xi - xj| - target)^2 with w = target^-2; a slight pull of each
    point to where it was keeps the system solvable when the pairs do not
    connect every point.
    """
    n = len(points)
    target = np.maximum(target, 1e-9)
    weight = target**-2
    anchor = 1e-3 * np.median(weight)
    degree = np.bincount(first, weight, n) + np.bincount(second, weight, n)
    # The weighted Laplacian plus the pull, assembled at once: adding a
    # diagonal matrix to it cost more than solving, in the hundred calls of
    # an overlap removal. The pairs are distinct and never (i, i), so no two
    # entries add up.
    diagonal = np.arange(n)
    rows = np.concatenate([first, second, diagonal])
    columns = np.concatenate([second, first, diagonal])
    values = np.concatenate([-weight, -weight, degree + anchor])
    solve = factorized(sparse.csc_array((values, (rows, columns)), shape=(n, n)))
    for _ in range(STRESS_STEPS):
        offset = points[first] - points[second]
        push = offset * (weight * target / np.sqrt(_squared_length(offset)))[:, None]
        right = _spread(n, first, second, push) + anchor * points
        points = np.column_stack([solve(right[:, 0]), solve(right[:, 1])])
    return points


def _rounded(points: np.ndarray, nodes: list) -> dict[str, tuple[float, float]]:
    """Centred on (0, 0) and rounded to tenths, no two actors at the same point."""
    low, high = points.min(axis=0), points.max(axis=0)
    tenths = np.rint((points - (low + high) / 2) * 10).astype(np.int64)
    taken: set[tuple[int, int]] = set()
    placed = {}
    for node, (x, y) in zip(nodes, tenths.tolist(), strict=True):
        # Two actors closer than the rounding step: move the later one aside.
        while (x, y) in taken:
            x += 1
        taken.add((x, y))
        placed[node] = (x / 10, y / 10)
    return placed
