"""A dataset's ``datapackage.json`` descriptor (Frictionless Data Package): its title."""

from __future__ import annotations

import json
import re
from pathlib import Path

from graph.core.errors import Problem, ValidationError
from graph.tables.source import file_problem, read_text

__all__ = ["MAX_JSON_DEPTH", "read_datapackage"]

_JSON_KINDS = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true or false",
}

#: How deeply ``datapackage.json`` may nest objects and arrays (the standard needs 6).
MAX_JSON_DEPTH = 64


def read_datapackage(path: str | Path) -> dict:
    """Read a ``datapackage.json`` descriptor (only its ``title`` is used).

    Raises
    ------
    FileFormatError
        If the file is not a regular file, not UTF-8, malformed JSON (with its
        line and column), not a JSON object, or nests deeper than
        :data:`MAX_JSON_DEPTH`.
    ValidationError
        If its ``title`` is present but not a text.
    """
    shown = str(path)
    text = read_text(path)
    depth = _json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise file_problem(shown, f"JSON nested {depth:,} levels deep, more than {MAX_JSON_DEPTH}")
    try:
        package = json.loads(text)
    except json.JSONDecodeError as error:
        raise file_problem(
            shown, f"malformed JSON: {error.msg}", error.lineno, error.colno
        ) from None
    if not isinstance(package, dict):
        kind = _JSON_KINDS.get(type(package), "a value")
        raise file_problem(shown, f"not a JSON object ({{...}}) but {kind}")
    title = package.get("title")
    if title is not None and not isinstance(title, str):
        raise ValidationError(
            [Problem(shown, 1, None, "title", "title must be a text (a JSON string)")]
        )
    return package


def _json_depth(text: str) -> int:
    """How deeply brackets nest, outside strings (checked before parsing, which could recurse)."""
    depth = deepest = 0
    for token in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[{]|[\]}]', text):
        char = token.group()[0]
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest
