"""Actor ids and attributes from the names a source uses.

An id is a stable slug of the name: the same name always gives the same id,
whatever else is in the input, so re-importing a larger export keeps every id.
Names that give the same slug (``Al-Shabaab``, ``al Shabaab``, ``AL SHABAAB``) are
one actor, shown by its most frequent name, the others kept as aliases.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import pandas as pd

__all__ = ["actor_table", "slug"]


def slug(name: str) -> str:
    """A lowercase a-z, 0-9 and _ identifier for a name, Unicode-aware.

    Accents are dropped (NFKD), case is folded (``ß`` -> ``ss``); a name with
    letters outside a-z (Arabic, Cyrillic...) gets a short hash of the whole
    name appended, so two such names never share an id.

    Examples
    --------
    >>> slug("Forces Armées de la République Démocratique du Congo")
    'forces_armees_de_la_republique_democratique_du_congo'
    >>> slug("Militia (Straße 5)")
    'militia_strasse_5'
    >>> slug("Al-Shabaab") == slug("al Shabaab") == slug("AL SHABAAB")
    True
    >>> slug("Харків Militia")
    'militia_...'
    """
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name).casefold())
    kept = "".join(c for c in folded if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9]+", "_", kept).strip("_")
    dropped = any(
        unicodedata.category(c)[0] in "LN" and not re.fullmatch(r"[a-z0-9]", c) for c in kept
    )
    if dropped or not text:
        digest = hashlib.sha1(name.strip().encode("utf-8")).hexdigest()[:8]
        text = f"{text}_{digest}" if text else f"actor_{digest}"
    return text


def _most_frequent(frame: pd.DataFrame, column: str, default: str) -> str:
    counts = frame.dropna(subset=[column]).groupby(column)["events"].sum()
    counts = counts[counts.index != ""]
    if counts.empty:
        return default
    top = counts.max()
    return sorted(counts.index[counts == top])[0]


def actor_table(
    names: pd.DataFrame, *, default_kind: str, default_camp: str, source: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The actors, and each name's id.

    Parameters
    ----------
    names : pandas.DataFrame
        Columns ``name``, ``kind``, ``camp`` (None when the source gives none)
        and ``events`` (how many events name it with that kind and camp).
    default_kind, default_camp : str
        For actors the source never types.
    source : str
        Written in each actor's ``source`` column.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        Actors sorted by id, with the columns of ``actors.csv``; and the
        columns ``name`` and ``id``.
    """
    names = names.copy()
    names["id"] = [slug(n) for n in names["name"]]
    rows = []
    for actor, group in names.groupby("id", sort=True):
        per_name = group.groupby("name")["events"].sum()
        top = per_name.max()
        shown = sorted(per_name.index[per_name == top])[0]
        aliases = sorted(n for n in per_name.index if n != shown)
        rows.append(
            {
                "id": actor,
                "name": shown,
                "kind": _most_frequent(group, "kind", default_kind),
                "camp": _most_frequent(group, "camp", default_camp),
                "aliases": "|".join(a.replace("|", "/") for a in aliases),
                "description": "",
                "source": source,
            }
        )
    columns = ["id", "name", "kind", "camp", "aliases", "description", "source"]
    ids = names[["name", "id"]].drop_duplicates().sort_values("name").reset_index(drop=True)
    return pd.DataFrame(rows, columns=columns), ids
