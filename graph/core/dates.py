"""Partial ISO dates: ``2015``, ``2015-09`` or ``2015-09-30``.

A partial date stands for the whole period it names: ``2015`` is every day from
1 January to 31 December 2015, ``2015-09`` every day of September 2015. A
relation's ``start`` counts from the *first* day of its period and its ``end``
through the *last* day, so a relation is active on a day that falls anywhere
between them (inclusive). An empty start means "since before the data begins",
an empty end "still going on".

Dates use ASCII digits and years from :data:`FIRST_YEAR` to :data:`LAST_YEAR`.
The one function :func:`parse_period` enforces this for every date the package
reads: the data files, the story, ``--at`` on the command line and the ``at``
of the library functions, so ``validate`` and every command agree.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata

__all__ = ["FIRST_YEAR", "LAST_YEAR", "DateFormatError", "as_period", "is_active", "parse_period"]

#: The earliest and latest years a date may name. Placeholders such as ``9999`` for "no end"
#: are outside on purpose: an open start or end is an empty cell.
FIRST_YEAR, LAST_YEAR = 1000, 2999

_PARTIAL_DATE = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?")
_DAY_FIRST = re.compile(r"(?P<a>[0-9]{1,2})[-/.](?P<b>[0-9]{1,2})[-/.](?P<year>[0-9]{4})")
_DATE_TIME = re.compile(r"(?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})[T ][0-9:.]+(Z|[+-][0-9:]+)?")


class DateFormatError(ValueError):
    """A text that is not a usable date; ``kind`` names the cause and the fix in a few words."""

    def __init__(self, message: str, kind: str):
        super().__init__(message)
        self.kind = kind


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """Return the first and last day of the period a partial ISO date names.

    Parameters
    ----------
    text : str
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, in ASCII digits, a year from
        :data:`FIRST_YEAR` to :data:`LAST_YEAR`.

    Returns
    -------
    (datetime.date, datetime.date)
        First and last day, inclusive.

    Raises
    ------
    DateFormatError
        (a ValueError) If the text is not of that form, names an impossible
        date or a year out of range; the message says how to write it.

    Examples
    --------
    >>> parse_period("2016")
    (datetime.date(2016, 1, 1), datetime.date(2016, 12, 31))
    >>> parse_period("2016-02")
    (datetime.date(2016, 2, 1), datetime.date(2016, 2, 29))
    >>> parse_period("2015-02-30")
    Traceback (most recent call last):
    ...
    graph.core.dates.DateFormatError: impossible date '2015-02-30': day is out of range for month
    >>> parse_period("30-09-2015")
    Traceback (most recent call last):
    ...
    graph.core.dates.DateFormatError: '30-09-2015' is day-month-year: write 2015-09-30 (YYYY-MM-DD)
    >>> parse_period("9999-12-31")
    Traceback (most recent call last):
    ...
    graph.core.dates.DateFormatError: year 9999 is outside 1000–2999: an open end is an empty cell
    """
    text = text.strip()
    match = _PARTIAL_DATE.fullmatch(text)
    if not match:
        raise _not_a_date(text)
    year = int(match["year"])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateFormatError(
            f"year {year} is outside {FIRST_YEAR}–{LAST_YEAR}: "
            f"an open {_open(year)} is an empty cell",
            f"years outside {FIRST_YEAR}–{LAST_YEAR}: leave an open start or end empty",
        )
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
        raise DateFormatError(
            f"impossible date '{text}': {error}", "impossible dates: check month and day"
        ) from None


def _open(year: int) -> str:
    """Which open bound a placeholder year probably stands for."""
    return "end" if year > LAST_YEAR else "start"


def _not_a_date(text: str) -> DateFormatError:
    """The error for a text that is not of the ISO form, saying how to write it if it can."""
    if any(char.isdigit() and not char.isascii() for char in text):
        ascii_digits = "".join(
            str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text
        )
        return DateFormatError(
            f"'{text}' has digits that are not ASCII 0-9: write {ascii_digits}",
            "dates with digits that are not ASCII 0-9: write them with 0-9",
        )
    form = "YYYY, YYYY-MM or YYYY-MM-DD"
    day_first = _DAY_FIRST.fullmatch(text)
    if day_first:
        a, b, year = int(day_first["a"]), int(day_first["b"]), day_first["year"]
        kind = "dates in day-month-year order: write them YYYY-MM-DD"
        if a > 12 >= b:
            return DateFormatError(
                f"'{text}' is day-month-year: write {year}-{b:02d}-{a:02d} (YYYY-MM-DD)", kind
            )
        if b > 12 >= a:
            return DateFormatError(
                f"'{text}' is month-day-year: write {year}-{a:02d}-{b:02d} (YYYY-MM-DD)",
                "dates in month-day-year order: write them YYYY-MM-DD",
            )
        return DateFormatError(
            f"'{text}' is not a date of the form {form}: write {year}-{b:02d}-{a:02d} "
            f"if it is day-month-year, {year}-{a:02d}-{b:02d} if month-day-year",
            kind,
        )
    with_time = _DATE_TIME.fullmatch(text)
    if with_time:
        return DateFormatError(
            f"'{text}' has a time of day: write the day only, {with_time['day']}",
            "dates with a time of day: write the day only, YYYY-MM-DD",
        )
    return DateFormatError(
        f"'{text}' is not a date of the form {form}", f"not dates of the form {form}"
    )


def as_period(at: str | dt.date | dt.datetime) -> tuple[dt.date, dt.date]:
    """Return the period meant by ``at``: a partial ISO date string or a date.

    Raises
    ------
    DateFormatError
        (a ValueError) As :func:`parse_period`; a date object must also fall
        in the years :data:`FIRST_YEAR` to :data:`LAST_YEAR`.

    Examples
    --------
    >>> as_period("2015-09")
    (datetime.date(2015, 9, 1), datetime.date(2015, 9, 30))
    >>> import datetime
    >>> as_period(datetime.date(2016, 12, 22))
    (datetime.date(2016, 12, 22), datetime.date(2016, 12, 22))
    """
    if isinstance(at, dt.datetime):
        at = at.date()
    if isinstance(at, dt.date):
        return parse_period(at.isoformat())
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


#: English month names, for dates in words.
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@functools.cache
def date_label(text: str) -> str:
    """A partial ISO date in words: ``2016``, ``July 2016``, ``28 July 2016``."""
    parts = [int(part) for part in text[:10].split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = f"{MONTH_NAMES[parts[1] - 1]} {parts[0]}"
    return month if len(parts) == 2 else f"{parts[2]} {month}"


def span_label(start: str | None, end: str | None) -> str:
    """When a relation holds, in words.

    Examples
    --------
    >>> span_label("2012-07", "2016-12-22"), span_label(None, "2016-07-28")
    ('July 2012 – 22 December 2016', 'until 28 July 2016')
    >>> span_label(None, None), span_label("2016-07-28", "2016-07-28")
    ('undated (shown at every date)', 'on 28 July 2016')
    """
    if start and end and start == end:
        return f"on {date_label(start)}"
    if start and end:
        return f"{date_label(start)} – {date_label(end)}"
    if start:
        return f"since {date_label(start)}"
    if end:
        return f"until {date_label(end)}"
    return "undated (shown at every date)"
