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
    folder: str | Path, S: nx.Graph, *, seed: int = 0, years: tuple[int, int] = (2010, 2016)
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


if __name__ == "__main__":
    folder, actor_count, relation_count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    print(write_synthetic(folder, actor_count, relation_count))
