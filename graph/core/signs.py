"""The one sign validator of the analyses.

:func:`tie_sign` is what every analysis that reads the ``sign`` of a tie uses
(structural balance in :mod:`graph.balance`, :func:`graph.pn_centrality`,
:func:`graph.balance_predictions`), so a sign means the same thing and is
refused with the same message everywhere. It needs neither SciPy nor pandas.
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx
import numpy as np

__all__ = ["HINT", "check_signed_graph", "relation_weight", "tie_sign", "tie_weight"]

#: How to get a signed graph from an actor graph, said by every refusal.
HINT = "build one from an actor graph with graph.signed_graph(G)"


def tie_sign(value: object, u: Hashable, v: Hashable, *, neutral: bool = False) -> int:
    """The sign of the tie ``(u, v)`` as an int, or a ValueError naming the tie.

    Parameters
    ----------
    value : object
        The ``sign`` attribute: +1 or -1 as a Python or numpy integer or float
        (and 0 when ``neutral``); booleans, NaN, strings and other numbers are
        refused.
    u, v : hashable
        The tie's ends, for the message.
    neutral : bool, default False
        Accept 0 (a neutral relation) too.

    Returns
    -------
    int
        +1, -1 (or 0).

    Raises
    ------
    ValueError
        If ``value`` is not an accepted sign.

    Examples
    --------
    >>> tie_sign(-1.0, "a", "b")
    -1
    >>> tie_sign(0, "a", "b")
    Traceback (most recent call last):
    ...
    ValueError: tie ('a', 'b') has sign 0; expected +1 or -1
    """
    allowed = (1, 0, -1) if neutral else (1, -1)
    if (
        not isinstance(value, bool | np.bool_)
        and isinstance(value, int | float | np.integer | np.floating)
        and value in allowed
    ):
        return int(value)
    what = "no 'sign' attribute" if value is None else f"sign {value!r}"
    expected = "+1, 0 or -1" if neutral else "+1 or -1"
    raise ValueError(f"tie ({u!r}, {v!r}) has {what}; expected {expected}")


def tie_weight(value: object, u: Hashable, v: Hashable) -> float:
    """A tie's weight: a finite positive number (1 when the tie has none).

    Raises
    ------
    ValueError
        If ``value`` is not a finite number > 0.

    Examples
    --------
    >>> tie_weight(None, "a", "b"), tie_weight(2, "a", "b")
    (1.0, 2.0)
    """
    if value is None:
        return 1.0
    if (
        isinstance(value, bool | np.bool_)
        or not isinstance(value, int | float | np.integer | np.floating)
        or not math.isfinite(value)
        or value <= 0
    ):
        raise ValueError(f"tie ({u!r}, {v!r}) has weight {value!r}; expected a number > 0")
    return float(value)


def relation_weight(value: object) -> float | None:
    """The strength of a relation's ``weight``: its magnitude, None when it is no number.

    The data's ``weight`` column says how strong a relation is (a rating, a
    count, fatalities); its sign, if any, is not read: the relation's sign
    comes from its type or ``sign`` column. NaN, None, booleans and other
    values are no weight (the analyses then count the relation as 1).

    Examples
    --------
    >>> [relation_weight(value) for value in (2, -3.5, None, float("nan"), True)]
    [2.0, 3.5, None, None, None]
    """
    if isinstance(value, bool | np.bool_) or not isinstance(value, int | float | np.number):
        return None
    return abs(float(value)) if math.isfinite(value) else None


def relation_strength(value: object) -> float:
    """How much a relation counts in its pair's tie: its weight's magnitude, 1 without one.

    A weight of 0 counts 0: the relation adds nothing to the tie (and, by
    the tie rule of :func:`graph.signed_graph`, never reverses it).

    Examples
    --------
    >>> [relation_strength(value) for value in (2, -3.5, 0, None, float("nan"))]
    [2.0, 3.5, 0.0, 1.0, 1.0]
    """
    strength = relation_weight(value)
    return 1.0 if strength is None else strength


def check_signed_graph(S: object, function: str) -> None:
    """Refuse what is not an undirected simple :class:`networkx.Graph`.

    Raises
    ------
    TypeError
        If ``S`` is not a NetworkX graph.
    ValueError
        If ``S`` is directed or a multigraph; the message names ``function``
        and :func:`graph.signed_graph`.
    """
    if not isinstance(S, nx.Graph):
        raise TypeError(f"{function} expected a networkx.Graph, got {type(S).__name__}")
    if S.is_directed() or S.is_multigraph():
        kind = "a directed graph" if S.is_directed() else "a multigraph"
        raise ValueError(
            f"{function} needs an undirected simple graph (nx.Graph) with one signed tie per "
            f"pair of actors, not {kind}: {HINT}"
        )
