"""Counts in words, as the command line, the error reports and the printed quiz write them."""

from __future__ import annotations

__all__ = ["counted"]


def counted(count: int, word: str) -> str:
    """The count and the word, plural unless the count is one.

    Parameters
    ----------
    count : int
        How many.
    word : str
        The singular; its plural adds an "s" ("actor", "relation", "more triangle").

    Returns
    -------
    str
        "1 relation", "0 relations", "1,234 relations" (thousands separated
        by commas, as the error reports write counts).

    Examples
    --------
    >>> counted(1, "relation"), counted(0, "actor"), counted(1234, "relation")
    ('1 relation', '0 actors', '1,234 relations')
    """
    return f"{count:,} {word}{'' if count == 1 else 's'}"
