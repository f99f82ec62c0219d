"""Reading the dates people type: ISO, day-month-year, month names, +2w.

``parse_date("1 maart 2027", today)`` returns a ``date`` or raises
``DateError``. Nothing here knows of the user interface.

Numbers with separators are day-month-year ("1-3-2027", "1/3/2027": 1 March),
the Dutch order; in English (``lang="en"``) a date with slashes is read the
American way, month first ("3/1/2027": 1 March). Where only one order makes a
date ("12/31/2027", "31/12/2027") that order is taken in either language.
The caller shows the date back written out, so an ambiguous one is seen.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "february": 2,
    "maart": 3, "mrt": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "augustus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$")
_NAMED = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")
_NAMED_EN = re.compile(r"^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
_RELATIVE = re.compile(r"^\+\s*(\d{1,3})\s*([dwmy])$")


class DateError(ValueError):
    """The text is not a date we can read, or not a real date."""


def add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def _make(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as error:
        raise DateError(str(error)) from error


def _numeric(first: int, separator: str, second: int, year: int, lang: str) -> date:
    """"a/b/yyyy": day first, or month first in English with slashes; an order that
    cannot be a date (a "month" above 12) gives way to the other."""
    month_first = lang == "en" and separator == "/"
    if month_first and first > 12 >= second:
        month_first = False  # "31/12/2027"
    elif not month_first and second > 12 >= first:
        month_first = True  # "12/31/2027"
    day, month = (second, first) if month_first else (first, second)
    return _make(year, month, day)


def parse_date(text: str, today: date, lang: str | None = None) -> date:
    """Parse ``text``; relative forms (+10d, +2w, +3m, +1y) count from ``today``.
    ``lang``: whose order of day and month a date with slashes follows (default:
    the current language)."""
    if lang is None:
        from gespreks_tui.catalogue import language

        lang = language()
    value = " ".join(text.strip().lower().split())
    if not value:
        raise DateError("empty")
    if match := _RELATIVE.match(value):
        amount, unit = int(match[1]), match[2]
        if unit == "d":
            return today + timedelta(days=amount)
        if unit == "w":
            return today + timedelta(weeks=amount)
        return add_months(today, amount * (12 if unit == "y" else 1))
    if match := _ISO.match(value):
        return _make(int(match[1]), int(match[2]), int(match[3]))
    if match := _DMY.match(value):
        return _numeric(int(match[1]), match[2], int(match[3]), int(match[4]), lang)
    if match := _NAMED.match(value):
        if match[2] not in MONTHS:
            raise DateError(match[2])
        return _make(int(match[3]), MONTHS[match[2]], int(match[1]))
    if match := _NAMED_EN.match(value):
        if match[1] not in MONTHS:
            raise DateError(match[1])
        return _make(int(match[3]), MONTHS[match[1]], int(match[2]))
    raise DateError(value)


def ambiguous(text: str) -> bool:
    """Whether ``text`` is a numeric date whose day and month could be swapped
    ("03/04/2027"): the reader is then shown which date was taken."""
    match = _DMY.match(" ".join(text.strip().split()))
    if match is None:
        return False
    first, second = int(match[1]), int(match[3])
    return first != second and first <= 12 and second <= 12
