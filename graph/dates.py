"""Partial ISO dates: ``2015``, ``2015-09`` or ``2015-09-30``.

A partial date stands for the whole period it names: ``2015`` is every day from
1 January to 31 December 2015, ``2015-09`` every day of September 2015. A
relation's ``start`` counts from the *first* day of its period and its ``end``
through the *last* day, so a relation is active on a day that falls anywhere
between them (inclusive). An empty start means "since before the data begins",
an empty end "still going on".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_PARTIAL_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """Return the first and last day of the period a partial ISO date names.

    Parameters
    ----------
    text : str
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Returns
    -------
    (datetime.date, datetime.date)
        First and last day, inclusive.

    Raises
    ------
    ValueError
        If the text is not of that form or names an impossible date.

    Examples
    --------
    >>> parse_period("2016")
    (datetime.date(2016, 1, 1), datetime.date(2016, 12, 31))
    >>> parse_period("2016-02")
    (datetime.date(2016, 2, 1), datetime.date(2016, 2, 29))
    >>> parse_period("2015-02-30")
    Traceback (most recent call last):
    ...
    ValueError: impossible date '2015-02-30': day is out of range for month
    """
    match = _PARTIAL_DATE.fullmatch(text.strip())
    if not match:
        raise ValueError(f"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match["year"])
    try:
        if match["day"]:
            day = dt.date(year, int(match["month"]), int(match["day"]))
            return day, day
        if match["month"]:
            month = int(match["month"])
            last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
            return dt.date(year, month, 1), dt.date(year, month, last)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError as error:
        raise ValueError(f"impossible date '{text}': {error}") from None


def as_period(at: str | dt.date | dt.datetime) -> tuple[dt.date, dt.date]:
    """Return the period meant by ``at``: a partial ISO date string or a date.

    Examples
    --------
    >>> as_period("2015-09")
    (datetime.date(2015, 9, 1), datetime.date(2015, 9, 30))
    >>> import datetime
    >>> as_period(datetime.date(2016, 12, 22))
    (datetime.date(2016, 12, 22), datetime.date(2016, 12, 22))
    """
    if isinstance(at, dt.datetime):
        return at.date(), at.date()
    if isinstance(at, dt.date):
        return at, at
    return parse_period(str(at))


def is_active(start: str | None, end: str | None, at: str | dt.date | dt.datetime) -> bool:
    """Whether a relation from ``start`` to ``end`` is active at ``at``.

    A partial ``at`` is a period too: the relation is active if its span
    overlaps that period at all (``at="2016"`` keeps everything active at some
    time in 2016).

    Examples
    --------
    >>> is_active("2015-09-30", None, "2015-09")
    True
    >>> is_active("2015-09-30", None, "2015-09-29")
    False
    >>> is_active(None, "2016-12", "2016-12-31")
    True
    """
    at_first, at_last = as_period(at)
    if start and parse_period(start)[0] > at_last:
        return False
    return not (end and parse_period(end)[1] < at_first)
