"""Write an import as an ordinary dataset folder.

``actors.csv``, ``relations.csv`` and ``relation_types.csv`` (the types the
relations use, bundled ones and the importers' additions, with every column of
the bundled vocabulary) in the format of ``data/README.md``, and a
``datapackage.json`` recording the source, the files, the filters and the tool
version. Nothing depends on the engine, the time or the folder the files came
from, so the same input gives the same folder, byte for byte. Each file is
written to a temporary file and renamed over the old one only when complete.
"""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path

import pandas as pd

from ..files import atomic_write
from ..read import DATA_DIR, RELATION_TYPE_COLUMNS

__all__ = ["write_folder"]

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


def _csv(frame: pd.DataFrame) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(frame.columns)
    writer.writerows(frame.astype(str).itertuples(index=False))
    return out.getvalue()


def _package(relations: pd.DataFrame, record: dict) -> dict:
    bundled = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    resources = []
    for resource in bundled["resources"]:
        if resource["name"] not in ("actors", "relations", "relation_types"):
            continue
        resource = copy.deepcopy(resource)
        if resource["name"] == "relations":
            known = {f["name"]: f for f in resource["schema"]["fields"]}
            fields = []
            for column in relations.columns:
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


def write_folder(
    folder: str | Path,
    actors: pd.DataFrame,
    relations: pd.DataFrame,
    relation_types: pd.DataFrame,
    record: dict,
) -> Path:
    """Write the dataset folder; returns its path.

    Parameters
    ----------
    folder : str or Path
        Created if need be; other files in it (such as a ``story.csv``) are kept.
    actors, relations : pandas.DataFrame
        In the columns of ``actors.csv`` and ``relations.csv``.
    relation_types : pandas.DataFrame
        The types used, indexed by type.
    record : dict
        The import's provenance: ``source``, ``title``, ``files``, ``filters``,
        ``gap_days``, ``min_sources``, ``version``.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    types = relation_types.reset_index().rename(columns={"index": "type"})
    types = types[list(RELATION_TYPE_COLUMNS)]
    contents = {
        "actors.csv": _csv(actors),
        "relations.csv": _csv(relations),
        "relation_types.csv": _csv(types),
        "datapackage.json": json.dumps(_package(relations, record), indent=2, ensure_ascii=False)
        + "\n",
    }
    for name, text in contents.items():
        with atomic_write(folder / name) as out:
            out.write(text)
    return folder
