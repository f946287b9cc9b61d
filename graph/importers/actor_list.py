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
from collections import Counter, defaultdict

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


def _top(counts: dict[str, int], default: str) -> str:
    """The most counted key (ties: the first in sorted order), or ``default``."""
    counts = {key: n for key, n in counts.items() if key}
    if not counts:
        return default
    return min(counts, key=lambda key: (-counts[key], key))


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
    ids: dict[str, str] = {}
    spellings: dict[str, Counter] = defaultdict(Counter)
    kinds: dict[str, Counter] = defaultdict(Counter)
    camps: dict[str, Counter] = defaultdict(Counter)
    for name, kind, camp, events in names[["name", "kind", "camp", "events"]].itertuples(
        index=False
    ):
        actor = ids.setdefault(name, slug(name))
        spellings[actor][name] += events
        if isinstance(kind, str):
            kinds[actor][kind] += events
        if isinstance(camp, str):
            camps[actor][camp] += events
    rows = []
    for actor in sorted(spellings):
        shown = _top(spellings[actor], "")
        aliases = sorted(n.replace("|", "/") for n in spellings[actor] if n != shown)
        rows.append(
            (
                actor,
                shown,
                _top(kinds[actor], default_kind),
                _top(camps[actor], default_camp),
                "|".join(aliases),
                "",
                source,
            )
        )
    columns = ["id", "name", "kind", "camp", "aliases", "description", "source"]
    table = pd.DataFrame(rows, columns=columns, dtype=object)
    pairs = pd.DataFrame(sorted(ids.items()), columns=["name", "id"], dtype=object)
    return table, pairs
