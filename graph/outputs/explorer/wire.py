"""The scene's columnar wire encoding: how a large page carries its actors and relations.

The scene (``graph/drawing/schema/scene.schema.json``) lists its actors
(``nodes``) and relations (``edges``) as one object per item, each repeating
every key and most strings (types, dates, sources, colours). On the wire, a
large page turns each of these two lists into columns, one per key, of
numbers as they are or of indices into a table of the column's distinct
values, so a relation's repeated strings are written once. The page's
``decode.js`` (``fromColumns``) rebuilds the very same objects (same keys,
values and absent keys) before anything else reads the scene: the payload
and the rest of the page's script do not change. The form is described by
``graph/drawing/schema/columns.schema.json`` and versioned by its
``data-encoding`` name, :data:`ENCODING`.

A column is either

- ``{"values": [v0, v1, ...]}``: when every item has the key and every value
  is a number (a coordinate, a width: few repeat, an index would not save);
- ``{"table": [d0, d1, ...], "index": [i0, i1, ...]}`` otherwise: the
  column's distinct values in order of first appearance (strings, null,
  booleans, numbers, nested lists and objects alike, compared as canonical
  JSON so ``1`` and ``true`` stay apart) and, per item, its value's index in
  the table, or ``-1`` where the item has no such key.

Columns are keyed in sorted order and tables in order of first appearance,
so the same scene gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

__all__ = ["COLUMNED", "ENCODING", "columnar_scene", "to_columns"]

#: The page's ``data-encoding`` for a scene whose :data:`COLUMNED` lists are
#: columns, then gzip-compressed and base64-encoded; ``v1`` is this form's
#: version: a page refuses a name it does not know.
ENCODING = "columns-v1 gzip base64"

#: The scene's lists that travel as columns: the actors and the relations,
#: the only lists that grow with the data.
COLUMNED = ("edges", "nodes")

#: The index that marks an item without the column's key.
ABSENT = -1


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _identity(value: object) -> tuple:
    """What tells a JSON value apart from the others in its column's table.

    Its type beside it, since Python hashes 1, 1.0 and True alike; a nested
    value by its canonical JSON (made only for those: JSON text for every
    string of 200,000 relations took seconds).
    """
    if isinstance(value, list | dict):
        return (type(value), json.dumps(value, sort_keys=True, separators=(",", ":")))
    return (type(value), value)


def to_columns(items: Sequence[Mapping]) -> dict:
    """A list of JSON objects as columns: ``{"columns": {key: column}, "length": n}``.

    Parameters
    ----------
    items : sequence of mappings
        JSON-ready objects (a scene's ``nodes`` or ``edges``); not changed.

    Returns
    -------
    dict
        ``"length"``: the number of items; ``"columns"``: for each key any
        item has, sorted, ``{"values": [...]}`` (every item has it and it is
        a number) or ``{"table": [...], "index": [...]}`` (distinct values in
        order of first appearance, and each item's index in the table, -1
        where the item lacks the key).

    Examples
    --------
    >>> items = [{"type": "arms", "x": 1.5}, {"type": "arms", "x": 2}, {"x": 0, "box": [1]}]
    >>> to_columns(items) == {
    ...     "length": 3,
    ...     "columns": {
    ...         "box": {"table": [[1]], "index": [-1, -1, 0]},
    ...         "type": {"table": ["arms"], "index": [0, 0, -1]},
    ...         "x": {"values": [1.5, 2, 0]},
    ...     },
    ... }
    True
    """
    keys = sorted({key for item in items for key in item})
    columns: dict[str, dict] = {}
    for key in keys:
        if all(key in item and _is_number(item[key]) for item in items):
            columns[key] = {"values": [item[key] for item in items]}
            continue
        table: list = []
        seen: dict[tuple, int] = {}
        index: list[int] = []
        for item in items:
            if key not in item:
                index.append(ABSENT)
                continue
            value = item[key]
            name = _identity(value)
            if name not in seen:
                seen[name] = len(table)
                table.append(value)
            index.append(seen[name])
        columns[key] = {"table": table, "index": index}
    return {"columns": columns, "length": len(items)}


def columnar_scene(scene: Mapping) -> dict:
    """The scene as :data:`ENCODING` carries it: its :data:`COLUMNED` lists as columns.

    Parameters
    ----------
    scene : mapping
        The page's payload (:func:`graph.outputs.explorer.payload.page_payload`); not changed.

    Returns
    -------
    dict
        A shallow copy of ``scene`` whose ``nodes`` and ``edges`` are
        :func:`to_columns` of them.

    Examples
    --------
    >>> wire = columnar_scene({"version": 3, "nodes": [{"id": "a"}], "edges": []})
    >>> wire["nodes"]
    {'columns': {'id': {'table': ['a'], 'index': [0]}}, 'length': 1}
    >>> wire["edges"], wire["version"]
    ({'columns': {}, 'length': 0}, 3)
    """
    wire = dict(scene)
    for name in COLUMNED:
        wire[name] = to_columns(scene[name])
    return wire
