"""Actor ids and attributes from the names and codes a source uses.

An id is a stable slug of the name: the same name always gives the same id,
whatever else is in the input, so re-importing a larger export keeps every id.
Names that give the same slug (``Al-Shabaab``, ``al Shabaab``, ``AL SHABAAB``) are
one actor, shown by its most frequent name, the others kept as aliases.

Where the source gives an actor a code of its own (a UCDP actor id), the code is
the actor, whatever the spelling: ``ucdp_130`` for UCDP id 130, so GED and ESD
imports of the same actor join (``--add``), and two actors that share a name but
not a code stay two, shown as ``name (id)``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict

import pandas as pd

__all__ = ["actor_table", "distinct_names", "slug"]


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


def distinct_names(actors: pd.DataFrame) -> pd.DataFrame:
    """The actors, each name that several ids share followed by the id: ``Blue Front
    (ucdp_12)`` and ``Blue Front (ucdp_40)``, so that no two actors look alike.

    Examples
    --------
    >>> table = pd.DataFrame({"id": ["ucdp_12", "ucdp_40", "red"], "name": ["Blue", "Blue", "Red"]})
    >>> distinct_names(table)["name"].tolist()
    ['Blue (ucdp_12)', 'Blue (ucdp_40)', 'Red']
    """
    shared = actors["name"].duplicated(keep=False)
    if not shared.any():
        return actors
    named = actors.copy()
    named.loc[shared, "name"] = named.loc[shared, "name"] + " (" + named.loc[shared, "id"] + ")"
    return named


def actor_table(
    names: pd.DataFrame,
    *,
    default_kind: str,
    default_camp: str,
    source: str,
    code: str = "",
    listed: dict[str, str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The actors, and each name's id.

    Parameters
    ----------
    names : pandas.DataFrame
        Columns ``name``, ``kind``, ``camp`` (None when the source gives none),
        ``events`` (how many events name it with that kind and camp) and,
        optionally, ``key``: the source's code for the actor ("" for none).
    default_kind, default_camp : str
        For actors the source never types.
    source : str
        Written in each actor's ``source`` column.
    code : str
        The code system of the keys, e.g. ``"UCDP"``: a key ``130`` is the actor
        ``ucdp_130`` whatever its name.
    listed : dict, optional
        A key -> the name an actor list gives it (the UCDP Actor Dataset), shown
        instead of the source's spellings (kept as aliases).

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        Actors sorted by id, with the columns of ``actors.csv`` (a name several
        ids share followed by the id, :func:`distinct_names`); and the columns
        ``name``, ``key`` and ``id``.

    Examples
    --------
    One id spelled two ways, one name for two ids, a row without its id:

    >>> names = pd.DataFrame({
    ...     "name": ["Govt of Syria", "Government of Syria", "Blue Front", "Blue Front",
    ...              "Government of Syria"],
    ...     "key": ["99", "99", "12", "40", ""], "kind": ["state", "state", None, None, None],
    ...     "camp": [None] * 5, "events": [1, 3, 1, 1, 1]})
    >>> actors, ids = actor_table(names, default_kind="other", default_camp="others",
    ...                           source="UCDP", code="UCDP")
    >>> actors[["id", "name", "aliases"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['ucdp_12', 'Blue Front (ucdp_12)', ''], ['ucdp_40', 'Blue Front (ucdp_40)', ''],
     ['ucdp_99', 'Government of Syria', 'Govt of Syria']]
    >>> ids.query("name == 'Government of Syria' and key == ''")["id"].item()
    'ucdp_99'
    """
    if "key" not in names:
        names = names.assign(key="")
    prefix = slug(code) if code else ""
    listed = listed or {}
    ids: dict[tuple[str, str], str] = {}
    keys: dict[str, str] = {}
    spellings: dict[str, Counter] = defaultdict(Counter)
    kinds: dict[str, Counter] = defaultdict(Counter)
    camps: dict[str, Counter] = defaultdict(Counter)
    rows = names[["name", "key", "kind", "camp", "events"]].itertuples(index=False)
    rows = [(name, key if isinstance(key, str) else "", *rest) for name, key, *rest in rows]
    # A name without a code in some rows is the actor it names in the others, when that
    # is one actor; otherwise (never coded, or two codes) it stands for itself.
    coded: dict[str, set[str]] = defaultdict(set)
    for name, key, *_ in rows:
        if key:
            coded[name].add(key)
    for name, key, kind, camp, events in rows:
        key = key or (next(iter(coded[name])) if len(coded[name]) == 1 else "")
        actor = ids.setdefault((name, key), f"{prefix}_{key}" if key else slug(name))
        keys[actor] = key
        spellings[actor][name] += events
        if isinstance(kind, str):
            kinds[actor][kind] += events
        if isinstance(camp, str):
            camps[actor][camp] += events
    rows = []
    for actor in sorted(spellings):
        shown = listed.get(keys[actor]) or _top(spellings[actor], "")
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
    table = distinct_names(pd.DataFrame(rows, columns=columns, dtype=object))
    # The name alone finds the actor its coded rows found.
    uncoded = {(name, "", ids[(name, *keys)]) for name, keys in coded.items() if len(keys) == 1}
    pairs = pd.DataFrame(
        sorted({(name, key, actor) for (name, key), actor in ids.items()} | uncoded),
        columns=["name", "key", "id"],
        dtype=object,
    )
    return table, pairs
