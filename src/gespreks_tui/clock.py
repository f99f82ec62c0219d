"""Time, injected: the app asks a clock, tests move a fake one."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime


class SystemClock:
    """The real clock: wall time for records, monotonic time for timers."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return datetime.now().astimezone().date()

    def monotonic(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that only moves when told to (for tests and benchmarks)."""

    def __init__(self, start: datetime | None = None) -> None:
        self._wall = start or datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
        self._mono = 1000.0

    def now(self) -> datetime:
        return self._wall

    def today(self) -> date:
        return self._wall.date()

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        from datetime import timedelta

        self._mono += seconds
        self._wall += timedelta(seconds=seconds)


def iso(moment: datetime) -> str:
    """The stored form of a moment: UTC, ISO 8601, whole seconds."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")
