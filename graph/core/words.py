"""Counts in words, as the command line and the printed quiz write them."""

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
        "1 relation", "0 relations", "34 relations".

    Examples
    --------
    >>> counted(1, "relation"), counted(0, "actor"), counted(34, "relation")
    ('1 relation', '0 actors', '34 relations')
    """
    return f"{count} {word}{'' if count == 1 else 's'}"
