"""'Did you mean' suggestions for misspelt ids and column names."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from rapidfuzz import fuzz, process

__all__ = ["Hints", "closest"]


class Hints:
    """ "Did you mean" suggestions for misspelt ids, fast for thousands of unknown ones.

    rapidfuzz compares one id with thousands in C, about a hundred times faster
    than :mod:`difflib`, and the suggestion for each distinct id is computed once.
    """

    def __init__(self, choices: Iterable[str]):
        self.choices = list(dict.fromkeys(choices))
        self.found: dict[str, str | None] = {}

    def __call__(self, value: str) -> str:
        if value not in self.found:
            self.found[value] = closest(value, self.choices)
        close = self.found[value]
        return f" (did you mean '{close}'?)" if close else ""


def closest(value: str, choices: Collection[str], cutoff: int = 60) -> str | None:
    """The choice most like ``value``: similarity ratio ``cutoff``% or more (difflib's is 60).

    A column name needs 70%, so that a user's ``index`` is not taken for ``kind``.
    """
    best = process.extractOne(value, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
    return best[0] if best else None
