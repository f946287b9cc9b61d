"""What a dataset folder holds: its files, their columns, defaults and vocabularies.

The one place that names the files and columns; the readers
(:mod:`graph.tables.read`), the command line and the exports take them from here.
"""

from __future__ import annotations

import unicodedata

from graph.core.resources import data_dir

__all__ = [
    "ACTOR_COLUMNS",
    "ACTOR_DEFAULTS",
    "CONFIDENCE_LEVELS",
    "DATASET_FILES",
    "DATA_DIR",
    "GENERIC_TYPES",
    "RELATION_COLUMNS",
    "RELATION_DEFAULTS",
    "RELATION_NUMBER_COLUMNS",
    "RELATION_TYPE_COLUMNS",
    "SIGN_CELLS",
    "STORY_COLUMNS",
    "TABLE_FILES",
    "YES_NO",
    "id_problem",
]

#: The bundled Battle of Aleppo dataset (see :mod:`graph.core.resources`).
DATA_DIR = data_dir()

#: The tables of a dataset folder: what :func:`graph.load` reads and
#: :func:`graph.write_csv` writes.
TABLE_FILES = ("actors.csv", "relations.csv", "relation_types.csv")
#: Every file of a dataset folder that a command may read.
DATASET_FILES = (*TABLE_FILES, "story.csv", "datapackage.json")

#: Columns of each file: name -> required?
ACTOR_COLUMNS = {
    "id": True,
    "name": False,
    "kind": False,
    "camp": False,
    "aliases": False,
    "description": False,
    "source": False,
    "start": False,
    "end": False,
}
RELATION_COLUMNS = {
    "source": True,
    "target": True,
    "type": False,  # required unless the file has a sign column
    "start": False,
    "end": False,
    "confidence": False,
    "evidence": False,
    "citation": False,
}
#: Columns of ``relations.csv`` that hold numbers, read when present: the sign the
#: data gives a relation and its weight.
RELATION_NUMBER_COLUMNS = {"sign": False, "weight": False}
RELATION_TYPE_COLUMNS = {
    "type": True,
    "sign": True,
    "label": True,
    "definition": False,
    "ucdp_esd": False,
    "cameo": False,
    "symmetric": False,
}
STORY_COLUMNS = {
    "date": True,
    "title": True,
    "caption": True,
    "actors": False,
    "citation": False,
}

#: How sure the sources are that a relation holds, strongest first: ``reported``
#: is one source's report of an event (event data with two or more independent
#: sources is ``confirmed``).
CONFIDENCE_LEVELS = ("confirmed", "reported", "claimed", "alleged")

#: What an actor gets when its file has no such column or the cell is empty
#: (``name``: the actor's id).
ACTOR_DEFAULTS = {"kind": "unspecified", "camp": "unspecified"}
#: What a relation gets when its file has no such column or the cell is empty.
RELATION_DEFAULTS = {"confidence": "confirmed"}
#: The vocabulary type of a relation that has a sign but no type (a signed edge list).
GENERIC_TYPES = {1: "positive_tie", -1: "negative_tie", 0: "neutral_tie"}

#: The texts a ``sign`` cell may hold, and the sign each means.
SIGN_CELLS = {
    **dict.fromkeys(("1", "+1", "+", "1.0", "+1.0"), 1),
    **dict.fromkeys(("0", "+0", "-0", "0.0"), 0),
    **dict.fromkeys(("-1", "-", "-1.0", "−1", "−"), -1),  # a typographic minus is accepted
}
#: The texts a yes/no cell (``symmetric``) may hold, lower-cased; empty is no.
YES_NO = {"yes": True, "true": True, "1": True, "": False, "no": False, "false": False, "0": False}

_ID_PUNCTUATION = frozenset("_-.")
_CONTROL_NAMES = {
    "\t": "TAB",
    "\n": "LINE FEED",
    "\r": "CARRIAGE RETURN",
    "\x1b": "ESCAPE",
    "\x00": "NUL",
}


def id_problem(value: str, what: str = "id") -> str | None:
    """Why a text cannot be an id, or None if it can.

    An id is made of letters of any script, digits, ``_``, ``-`` and ``.``;
    whitespace, control characters and other punctuation (``|`` separates ids
    in a cell) are named with their position and code point.

    Examples
    --------
    >>> id_problem("حزب_الله") is None and id_problem("\u041e\u041e\u041d") is None
    True
    >>> id_problem("free syrian army")
    "bad id 'free syrian army': SPACE (U+0020) at character 5; use letters, digits, _, - and ."
    """
    for number, char in enumerate(value, 1):
        category = unicodedata.category(char)
        if category[0] not in "LMN" and char not in _ID_PUNCTUATION:
            name = _CONTROL_NAMES.get(char) or unicodedata.name(char, "a control character")
            return (
                f"bad {what} '{value}': {name} (U+{ord(char):04X}) at character {number}; "
                "use letters, digits, _, - and ."
            )
    return None
