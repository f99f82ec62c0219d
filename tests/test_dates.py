"""Reading the dates people type."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gespreks_tui.dates import DateError, add_months, parse_date

TODAY = date(2026, 11, 2)


@pytest.mark.parametrize("text, expected", [
    ("2027-03-01", date(2027, 3, 1)),
    ("1-3-2027", date(2027, 3, 1)),
    ("01-03-2027", date(2027, 3, 1)),
    ("1/3/2027", date(2027, 3, 1)),
    ("1.3.2027", date(2027, 3, 1)),
    ("1 maart 2027", date(2027, 3, 1)),
    ("1 Maart 2027", date(2027, 3, 1)),
    ("  1   mrt.  2027 ", date(2027, 3, 1)),
    ("1 march 2027", date(2027, 3, 1)),
    ("March 1, 2027", date(2027, 3, 1)),
    ("march 1 2027", date(2027, 3, 1)),
    ("15 mei 2027", date(2027, 5, 15)),
    ("31 oktober 2027", date(2027, 10, 31)),
    ("29-2-2028", date(2028, 2, 29)),
])
def test_absolute_dates(text: str, expected: date):
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text, today, expected", [
    ("+10d", TODAY, date(2026, 11, 12)),
    ("+2w", TODAY, date(2026, 11, 16)),
    ("+ 2w", TODAY, date(2026, 11, 16)),
    ("+3m", TODAY, date(2027, 2, 2)),
    ("+1y", TODAY, date(2027, 11, 2)),
    ("+1m", date(2027, 1, 31), date(2027, 2, 28)),
    ("+1m", date(2028, 1, 31), date(2028, 2, 29)),
    ("+3m", date(2026, 11, 30), date(2027, 2, 28)),
    ("+1m", date(2026, 12, 15), date(2027, 1, 15)),
    ("+1y", date(2028, 2, 29), date(2029, 2, 28)),
    ("+0d", TODAY, TODAY),
])
def test_relative_dates(text: str, today: date, expected: date):
    assert parse_date(text, today) == expected


@pytest.mark.parametrize("text", [
    "31-2-2027", "gisteren?", "", "   ", "1 foo 2027", "2027-13-01", "2027-02-30",
    "32-1-2027", "0-1-2027", "1-3-27", "+2x", "+d", "-2w", "maart 2027", "foo 1, 2027",
])
def test_refused(text: str):
    with pytest.raises(DateError):
        parse_date(text, TODAY)


def test_date_error_is_a_value_error():
    assert issubclass(DateError, ValueError)


def test_add_months_clamps_to_the_end_of_the_month():
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2027, 3, 31), -1) == date(2027, 2, 28)
    assert add_months(date(2027, 12, 31), 2) == date(2028, 2, 29)


DATES = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))


@given(DATES)
def test_iso_and_dutch_forms_round_trip(d: date):
    assert parse_date(d.isoformat(), TODAY) == d
    assert parse_date(f"{d.day}-{d.month}-{d.year}", TODAY) == d
    assert parse_date(f"{d.day}/{d.month}/{d.year}", TODAY) == d


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1)),
       st.integers(min_value=0, max_value=999))
def test_relative_months_never_overshoot(today: date, months: int):
    result = parse_date(f"+{months}m", today)
    assert (result.year - today.year) * 12 + result.month - today.month == months
    assert result.day <= today.day
