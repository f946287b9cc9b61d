"""Write an import as an ordinary dataset folder.

``actors.csv``, ``relations.csv`` and ``relation_types.csv`` (the types the
relations use, bundled ones and the importers' additions, with every column of
the bundled vocabulary) in the format of ``data/README.md``, and a
``datapackage.json`` recording the source, the files, the filters and the tool
version. Nothing depends on the engine, the time or the folder the files came
from, so the same input gives the same folder, byte for byte. The files are
written to temporary files and renamed over the old ones only when all are
complete.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import pandas as pd

from graph.core.files import atomic_write
from graph.tables.read import DATA_DIR

from .actor_list import distinct_names
from .sources import MAPPINGS

__all__ = ["FILES", "write_folder"]

#: The files an import writes into its folder.
FILES = ("relations.csv", "actors.csv", "relation_types.csv", "datapackage.json")

_NUMERIC = {
    "events": ("integer", "How many events the relation aggregates (one activity spell)."),
    "sources": (
        "integer",
        "The most independent sources reporting any one of its events; confidence is "
        "confirmed from the import's min_sources on.",
    ),
    "fatalities": ("number", "Reported fatalities, added up over its events."),
    "weight": ("number", "Intensity added up over its events (|Goldstein| or |rating|)."),
}


def _write_csv(out: IO[str], columns: list[str], rows: Iterable[tuple]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)


def _vocabulary_rows(used: set[str], symmetric: set[str]) -> tuple[list[str], list[tuple]]:
    """The used types' rows as written in the bundled vocabulary and the importers'
    additions, in the bundled columns: readers with or without per-folder
    vocabularies get the same definitions. The ``symmetric`` types are marked
    so (an undirected import's ties have no direction)."""
    rows: dict[str, dict[str, str]] = {}
    header: list[str] = []
    for path in (DATA_DIR / "relation_types.csv", MAPPINGS / "relation_types.csv"):
        with open(path, encoding="utf-8-sig", newline="") as text:
            reader = csv.DictReader(text)
            header = header or list(reader.fieldnames or [])
            for row in reader:
                rows.setdefault(row["type"], row)
    for kind in symmetric & rows.keys():
        rows[kind] = {**rows[kind], "symmetric": "yes"}
    return header, [tuple(rows[t].get(c) or "" for c in header) for t in rows if t in used]


def _frame_rows(frame: pd.DataFrame) -> list[tuple]:
    return [tuple(str(v) for v in row) for row in frame.itertuples(index=False)]


def _package(relation_columns: list[str], record: dict) -> dict:
    bundled = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    resources = []
    for resource in bundled["resources"]:
        if resource["name"] not in ("actors", "relations", "relation_types"):
            continue
        resource = copy.deepcopy(resource)
        if resource["name"] == "relations":
            known = {f["name"]: f for f in resource["schema"]["fields"]}
            fields = []
            for column in relation_columns:
                if column in known:
                    fields.append(known[column])
                else:
                    kind, text = _NUMERIC[column]
                    fields.append({"name": column, "type": kind, "description": text})
            resource["schema"]["fields"] = fields
        resources.append(resource)
    files = ", ".join(record["files"])
    return {
        "profile": "tabular-data-package",
        "name": f"{record['source'].replace('_', '-')}-import",
        "title": f"{record['title']} import: {files}",
        "description": (
            f"Actors and relations aggregated from {record['title']} events by "
            "alliance-graph import: one relation per pair, type and activity spell."
        ),
        "sources": [{"title": f"{record['title']}: {name}"} for name in record["files"]],
        "alliance_graph_import": record,
        "resources": resources,
    }


def _added(
    folder: Path,
    actors: pd.DataFrame,
    relation_columns: list[str],
    relation_rows: Iterable[tuple],
    record: dict,
) -> tuple[pd.DataFrame, list[str], list[tuple], dict]:
    """The folder's dataset with the new actors and relations added."""
    read = {"dtype": str, "keep_default_na": False}
    old_actors = pd.read_csv(folder / "actors.csv", **read)
    old_relations = pd.read_csv(folder / "relations.csv", **read)
    new_relations = pd.DataFrame(list(relation_rows), columns=relation_columns, dtype=object)
    relations = pd.concat([old_relations, new_relations], ignore_index=True).fillna("")
    both = pd.concat([old_actors, actors.astype(str)], ignore_index=True).fillna("")
    both = both.drop_duplicates("id", keep="first").sort_values("id", kind="stable")
    both = distinct_names(both)  # a GED actor and an ESD one may share a name, not an id
    package = folder / "datapackage.json"
    if package.exists():
        before = json.loads(package.read_text(encoding="utf-8")).get("alliance_graph_import")
        if before:
            record = {
                **record,
                "title": f"{before['title']} + {record['title']}",
                "files": [*before["files"], *record["files"]],
                "added_to": before,
            }
    return both[list(old_actors.columns)], list(relations.columns), _frame_rows(relations), record


def write_folder(
    folder: str | Path,
    actors: pd.DataFrame,
    relation_columns: list[str],
    relation_rows: Iterable[tuple],
    record: dict,
    *,
    add: bool = False,
    symmetric: Iterable[str] = (),
) -> Path:
    """Write the dataset folder; returns its path.

    Parameters
    ----------
    folder : str or Path
        Created if need be; other files in it (such as a ``story.csv``) are kept.
    actors : pandas.DataFrame
        In the columns of ``actors.csv``.
    relation_columns, relation_rows : list, iterable
        The header and rows of ``relations.csv`` (text cells, type third),
        written as they come.
    record : dict
        The import's provenance: ``source``, ``title``, ``files``, ``filters``,
        ``gap_days``, ``min_sources``, ``tool``...; ``relations`` (their
        number) is added.
    add : bool
        Keep the dataset already in the folder: its actors (which win for an id
        both have), its relations (first, in their columns, the new ones' added)
        and its import record (under ``added_to``).
    symmetric : iterable of str
        Relation types to mark ``symmetric`` in the folder's
        ``relation_types.csv``: the ties of an undirected network go both
        ways, so they are drawn without arrowheads and exported undirected.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if add and (folder / "relations.csv").exists():
        actors, relation_columns, relation_rows, record = _added(
            folder, actors, relation_columns, relation_rows, record
        )
    used: set[str] = set()
    count = 0
    # Every file goes to a temporary file first; all four are renamed into place only
    # once the last is complete, so a failure midway leaves the folder as it was.
    with contextlib.ExitStack() as stack:
        files = {name: stack.enter_context(atomic_write(folder / name)) for name in FILES}
        writer = csv.writer(files["relations.csv"], lineterminator="\n")
        writer.writerow(relation_columns)
        for row in relation_rows:
            used.add(row[2])
            count += 1
            writer.writerow(row)
        _write_csv(files["actors.csv"], list(actors.columns), _frame_rows(actors))
        header, rows = _vocabulary_rows(used, set(symmetric))
        _write_csv(files["relation_types.csv"], header, rows)
        package = _package(relation_columns, {**record, "relations": count})
        files["datapackage.json"].write(json.dumps(package, indent=2, ensure_ascii=False) + "\n")
    return folder
