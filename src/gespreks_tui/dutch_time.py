"""Moments in the minutes are shown in Dutch time (CET, CEST in summer).

The rule is computed here (EU summer time: from the last Sunday of March,
01:00 UTC, to the last Sunday of October, 01:00 UTC) rather than taken from
the machine's time zone or tz database, so the same conversation gives
byte-identical minutes on every machine.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def _last_sunday(year: int, month: int) -> datetime:
    day = datetime(year, month + 1, 1, 1, tzinfo=UTC) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() + 1) % 7)


def dutch(stamp: str) -> datetime:
    """A stored ISO moment as naive Dutch wall-clock time."""
    moment = datetime.fromisoformat(stamp)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(UTC)
    summer = _last_sunday(moment.year, 3) <= moment < _last_sunday(moment.year, 10)
    return (moment + timedelta(hours=2 if summer else 1)).replace(tzinfo=None)


def date_text(stamp: str) -> str:
    return dutch(stamp).strftime("%Y-%m-%d")


def time_text(stamp: str) -> str:
    return dutch(stamp).strftime("%H:%M")
