"""Synthetic signed actor graphs for the benchmarks, written as a dataset folder.

Actors belong to camps of uneven sizes. A relation is support inside a camp
and opposition between camps, with a few exceptions (noise) and a few neutral
talks, so the graph has the structure a layout must show; a few actors are
far more active than the rest, as in real conflict data. Same arguments, same
files, byte for byte.

Run ``python benchmarks/synthetic.py FOLDER ACTORS RELATIONS`` to write one.

:func:`write_signed_dataset` writes any signed graph -- e.g. the seeded
:func:`graph.datasets.senate_like` and :func:`graph.datasets.trust_like`
networks -- as such a folder, with dated relations, so that the command line
and :func:`graph.timeline` can be timed on it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.core.files import atomic_write
from graph.datasets import OPPOSITION_TYPES, SUPPORT_TYPES, shifting_alliances

KINDS = ("state", "armed group", "militia", "NGO", "population")
CONFIDENCE = ("confirmed", "claimed", "alleged")
#: Share of relations inside a camp; the rest are between camps.
INSIDE_CAMP = 0.55
#: Share of relations whose sign goes against the camps (support across, fights within).
NOISE = 0.05
#: Share of neutral relations (talks).
NEUTRAL = 0.03


def synthetic_tables(
    actors: int, relations: int, *, seed: int = 0
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """An actors table and a relations table in the dataset format.

    Parameters
    ----------
    actors : int
        Number of actors, at least 4.
    relations : int
        Number of relations.
    seed : int
        Seed of the random generator.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        The rows of ``actors.csv`` and ``relations.csv``; ids are sorted by
        camp, so the actors of camp ``c`` are a contiguous block.
    """
    if actors < 4:
        raise ValueError(f"need at least 4 actors, got {actors}")
    rng = np.random.default_rng(seed)
    camps = max(2, round(np.sqrt(actors) / 4))
    # Camp sizes fall off like 1/rank, each camp with at least two actors.
    share = 1 / np.arange(1, camps + 1)
    sizes = 2 + np.floor(share / share.sum() * (actors - 2 * camps)).astype(int)
    sizes[0] += actors - sizes.sum()
    first = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    camp = np.repeat(np.arange(camps), sizes)
    activity = rng.pareto(1.5, actors) + 1

    source = rng.choice(actors, size=relations, p=activity / activity.sum())
    own = camp[source]
    inside = rng.random(relations) < INSIDE_CAMP
    # Inside: another actor of the same camp; across: any actor of another camp.
    offset = 1 + np.floor(rng.random(relations) * (sizes[own] - 1)).astype(int)
    inside_target = first[own] + (source - first[own] + offset) % sizes[own]
    across = np.floor(rng.random(relations) * (actors - sizes[own])).astype(int)
    across_target = np.where(across >= first[own], across + sizes[own], across)
    target = np.where(inside, inside_target, across_target)
    support = inside != (rng.random(relations) < NOISE)
    kind = np.where(
        rng.random(relations) < NEUTRAL,
        "negotiates_with",
        np.where(
            support,
            np.array(SUPPORT_TYPES)[rng.integers(len(SUPPORT_TYPES), size=relations)],
            np.array(OPPOSITION_TYPES)[rng.integers(len(OPPOSITION_TYPES), size=relations)],
        ),
    )
    start = rng.integers(2010, 2017, size=relations)
    ids = np.array([f"actor_{i:05d}" for i in range(actors)])

    actor_table = pd.DataFrame(
        {
            "id": ids,
            "name": [f"Actor {i}" for i in range(actors)],
            "kind": np.array(KINDS)[rng.integers(len(KINDS), size=actors)],
            "camp": [f"camp {c:02d}" for c in camp],
            "aliases": "",
            "description": [f"Synthetic actor {i} of camp {c}." for i, c in enumerate(camp)],
        }
    )
    relation_table = pd.DataFrame(
        {
            "source": ids[source],
            "target": ids[target],
            "type": kind,
            "start": start.astype(str),
            "end": "",
            "confidence": np.array(CONFIDENCE)[rng.integers(len(CONFIDENCE), size=relations)],
            "evidence": [f"Synthetic relation {i}." for i in range(relations)],
            "citation": f"synthetic: benchmarks/synthetic.py, seed {seed}",
        }
    )
    return actor_table, relation_table


def write_synthetic(folder: str | Path, actors: int, relations: int, *, seed: int = 0) -> Path:
    """Write ``actors.csv``, ``relations.csv`` and ``datapackage.json`` to ``folder``.

    Parameters
    ----------
    folder : str or Path
        Created if missing.
    actors, relations, seed
        See :func:`synthetic_tables`.

    Returns
    -------
    Path
        The folder, ready for :func:`graph.load`.
    """
    actor_table, relation_table = synthetic_tables(actors, relations, seed=seed)
    title = f"Synthetic signed graph: {actors} actors, {relations} relations (seed {seed})"
    return _write_folder(folder, actor_table, relation_table, "synthetic", title)


def write_signed_dataset(
    folder: str | Path,
    S: nx.Graph,
    *,
    seed: int = 0,
    years: tuple[int, int] = (2010, 2016),
    camps: bool = True,
) -> Path:
    """Write a signed graph as a dataset folder, one dated relation per tie.

    Each tie becomes one relation from its first to its second end, of a
    support type for +1 and an opposition type for -1; it starts in a year
    drawn uniformly from ``years`` and lasts for good (half of them) or 0 to
    2 more years, so that yearly snapshots differ.

    Parameters
    ----------
    folder : str or Path
        Created if missing.
    S : networkx.Graph
        Undirected, every edge with ``sign`` +1 or -1.
    seed : int
        Seed of the types and dates.
    years : (int, int)
        First and last start year.
    camps : bool, default True
        Write the generator's own grouping (party, faction) as the ``camp``
        column; without it every ``camp`` is empty, as in an analyst's data
        that name no sides.

    Returns
    -------
    Path
        The folder, ready for :func:`graph.load`.
    """
    rng = np.random.default_rng(seed)
    nodes = list(S)
    ids = {node: f"actor_{i:05d}" for i, node in enumerate(nodes)}
    edges = list(S.edges(data="sign"))
    m = len(edges)
    start = rng.integers(years[0], years[1] + 1, size=m)
    lasting = rng.random(m) < 0.5
    end = np.where(lasting, 0, start + rng.integers(0, 3, size=m))
    support = np.array(SUPPORT_TYPES)[rng.integers(len(SUPPORT_TYPES), size=m)]
    opposition = np.array(OPPOSITION_TYPES)[rng.integers(len(OPPOSITION_TYPES), size=m)]
    actor_table = pd.DataFrame(
        {
            "id": [ids[node] for node in nodes],
            "name": [f"Actor {i}" for i in range(len(nodes))],
            "kind": "armed group",
            # the generators' own grouping (party, faction), as an analyst's camp column
            "camp": [
                f"group {S.nodes[node].get('party', S.nodes[node].get('faction', 0))}"
                if camps
                else ""
                for node in nodes
            ],
            "aliases": "",
            "description": [f"Synthetic actor {i}." for i in range(len(nodes))],
        }
    )
    relation_table = pd.DataFrame(
        {
            "source": [ids[u] for u, _, _ in edges],
            "target": [ids[v] for _, v, _ in edges],
            "type": [
                support[e] if sign > 0 else opposition[e] for e, (*_, sign) in enumerate(edges)
            ],
            "start": start.astype(str),
            "end": np.where(end == 0, "", end.astype(str)),
            "confidence": "confirmed",
            "evidence": [f"Synthetic relation {i}." for i in range(m)],
            "citation": f"synthetic: benchmarks/synthetic.py, seed {seed}",
        }
    )
    title = f"{S.graph.get('name', 'Signed graph')}: {len(nodes)} actors, {m} relations"
    return _write_folder(folder, actor_table, relation_table, "synthetic", title)


def write_shifting_alliances(
    folder: str | Path,
    actors: int = 120,
    relations: int = 5429,
    *,
    years: tuple[int, int] = (1816, 2012),
    seed: int = 0,
) -> Path:
    """Write :func:`graph.datasets.shifting_alliances` as a dataset folder.

    Returns
    -------
    Path
        The folder, ready for :func:`graph.load` (actors' ``camp`` is their
        first camp).
    """
    actor_table, relation_table = shifting_alliances(actors, relations, years=years, seed=seed)
    title = f"Shifting alliances (synthetic): {actors} states, {relations} relations"
    return _write_folder(folder, actor_table, relation_table, "shifting-alliances", title)


def _write_folder(
    folder: str | Path, actors: pd.DataFrame, relations: pd.DataFrame, name: str, title: str
) -> Path:
    """Write the two tables and a datapackage.json as a dataset folder (created if missing)."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for filename, table in (("actors.csv", actors), ("relations.csv", relations)):
        with atomic_write(target / filename) as out:
            table.to_csv(out, index=False, lineterminator="\n")
    with atomic_write(target / "datapackage.json") as out:
        json.dump({"name": name, "title": title}, out, indent=2)
    return target


def voting_like(n: int = 7115, m: int = 100693, *, seed: int = 0) -> nx.Graph:
    """A seeded signed network shaped like a network of votes in elections.

    Imitates the shape of the Wikipedia adminship election network (SNAP
    wiki-Elec: about 7,100 voters and candidates, 100,000 votes, 78 %
    in favour): a third of the actors stand for election, voters are drawn
    in proportion to a heavy-tailed activity (a few cast thousands of votes),
    candidates in proportion to a lighter-tailed visibility; each actor
    leans to one of three factions, a vote is for (+1) a candidate of the
    voter's faction and, 60 % of the time, of another, and 5 % of the signs
    are flipped. A pair votes at most once (the first vote is kept).

    Parameters
    ----------
    n, m : int
        Actors (``0 .. n-1``) and ties (votes).
    seed : int
        Seed of everything random.

    Returns
    -------
    networkx.Graph
        Every edge has ``sign``; every node ``faction`` (0, 1 or 2).

    References
    ----------
    .. [1] J. Leskovec, D. Huttenlocher and J. Kleinberg, "Signed networks in
       social media", Proceedings of CHI 2010, pp. 1361-1370.
    """
    rng = np.random.default_rng(seed)
    faction = rng.choice(3, size=n, p=[0.5, 0.3, 0.2])
    activity = (1.0 - rng.random(n)) ** (-1.0 / 1.2)
    candidates = np.sort(rng.choice(n, size=n // 3, replace=False))
    visibility = (1.0 - rng.random(len(candidates))) ** (-1.0 / 2.5)
    seen: set[tuple[int, int]] = set()
    ties: list[tuple[int, int, int]] = []
    while len(ties) < m:
        k = 2 * (m - len(ties))
        voter = rng.choice(n, size=k, p=activity / activity.sum())
        candidate = candidates[rng.choice(len(candidates), size=k, p=visibility / visibility.sum())]
        same = faction[voter] == faction[candidate]
        sign = np.where(same | (rng.random(k) < 0.6), 1, -1)
        sign = np.where(rng.random(k) < 0.05, -sign, sign)
        for a, b, s in zip(voter.tolist(), candidate.tolist(), sign.tolist(), strict=True):
            pair = (min(a, b), max(a, b))
            if a == b or pair in seen:
                continue
            seen.add(pair)
            ties.append((*pair, s))
            if len(ties) == m:
                break
    G = nx.Graph(name=f"Voting-like signed network (seed {seed})")
    G.add_nodes_from((i, {"faction": int(faction[i])}) for i in range(n))
    G.add_edges_from((i, j, {"sign": s}) for i, j, s in ties)
    return G


def write_dated_dataset(
    folder: str | Path,
    relations: int = 5000,
    *,
    actors: int = 200,
    years: tuple[int, int] = (1816, 2015),
    seed: int = 0,
) -> Path:
    """Write a long, sparse dated dataset: few ties active in any one year.

    Shaped like the Correlates of War wars plus alliances over two centuries
    (about 5,400 relations, 10 to 200 active a year): ``actors`` states in
    four blocs; each relation starts in a year drawn uniformly from
    ``years`` and lasts 1 to 8 years; an alliance (``political_support``)
    inside a bloc or a war (``fights``) between blocs, 10 % the other way.

    Parameters
    ----------
    folder : str or Path
        Created if missing.
    relations, actors : int
        Relations and actors.
    years : (int, int)
        First and last start year.
    seed : int
        Seed of everything random.

    Returns
    -------
    Path
        The folder, ready for :func:`graph.load`; ``camp`` is left empty.
    """
    rng = np.random.default_rng(seed)
    bloc = rng.integers(4, size=actors)
    source = rng.integers(actors, size=relations)
    target = (source + rng.integers(1, actors, size=relations)) % actors
    allied = (bloc[source] == bloc[target]) != (rng.random(relations) < 0.1)
    start = rng.integers(years[0], years[1] + 1, size=relations)
    end = start + rng.integers(0, 8, size=relations)
    ids = np.array([f"state_{i:03d}" for i in range(actors)])
    actor_table = pd.DataFrame(
        {
            "id": ids,
            "name": [f"State {i}" for i in range(actors)],
            "kind": "state",
            "camp": "",
            "aliases": "",
            "description": [f"Synthetic state {i}." for i in range(actors)],
        }
    )
    relation_table = pd.DataFrame(
        {
            "source": ids[source],
            "target": ids[target],
            "type": np.where(allied, "political_support", "fights"),
            "start": start.astype(str),
            "end": end.astype(str),
            "confidence": "confirmed",
            "evidence": [f"Synthetic relation {i}." for i in range(relations)],
            "citation": f"synthetic: benchmarks/synthetic.py, seed {seed}",
        }
    )
    target_folder = Path(folder)
    target_folder.mkdir(parents=True, exist_ok=True)
    for name, table in (("actors.csv", actor_table), ("relations.csv", relation_table)):
        with atomic_write(target_folder / name) as out:
            table.to_csv(out, index=False, lineterminator="\n")
    title = f"Synthetic two centuries: {actors} states, {relations} dated relations (seed {seed})"
    with atomic_write(target_folder / "datapackage.json") as out:
        json.dump({"name": "synthetic-dated", "title": title}, out, indent=2)
    return target_folder


if __name__ == "__main__":
    folder, actor_count, relation_count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    print(write_synthetic(folder, actor_count, relation_count))
