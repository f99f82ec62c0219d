"""The meeting's timer: time per phase from a monotonic clock, never from ticks.

``AgendaTimer`` knows the planned seconds of each phase and the seconds used.
Time counts only for the current phase and only while not paused. The state
(current phase, paused, seconds used) is what the store persists, so a
resumed meeting continues exactly where it stopped.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PhaseTime:
    """What the agenda pane shows for one phase."""

    position: int
    planned: float
    used: float
    share: float  # the part of the remaining meeting time that is this phase's
    current: bool

    @property
    def remaining(self) -> float:
        """Seconds left in this phase; negative when it overruns."""
        return self.planned - self.used


class AgendaTimer:
    def __init__(self, planned: list[float], clock, used: list[float] | None = None,
                 current: int = 0, paused: bool = True) -> None:
        if not planned:
            raise ValueError("an agenda needs at least one phase")
        self.planned = list(planned)
        self.clock = clock
        self._used = list(used) if used else [0.0] * len(planned)
        self.current = max(0, min(current, len(planned) - 1))
        self._since: float | None = None if paused else clock.monotonic()

    @property
    def paused(self) -> bool:
        return self._since is None

    def _bank(self) -> None:
        """Add the running segment to the current phase and restart it."""
        if self._since is not None:
            now = self.clock.monotonic()
            self._used[self.current] += max(0.0, now - self._since)
            self._since = now

    def used(self, position: int) -> float:
        extra = 0.0
        if position == self.current and self._since is not None:
            extra = max(0.0, self.clock.monotonic() - self._since)
        return self._used[position] + extra

    def resume(self) -> None:
        if self._since is None:
            self._since = self.clock.monotonic()

    def pause(self) -> None:
        self._bank()
        self._since = None

    def toggle(self) -> bool:
        """Pause or resume; return True when the timer now runs."""
        if self.paused:
            self.resume()
        else:
            self.pause()
        return not self.paused

    def goto(self, position: int) -> bool:
        """Make ``position`` current; return False when it is out of range."""
        if not 0 <= position < len(self.planned) or position == self.current:
            return False
        self._bank()
        self.current = position
        return True

    def next(self) -> bool:
        return self.goto(self.current + 1)

    def previous(self) -> bool:
        return self.goto(self.current - 1)

    @property
    def total_planned(self) -> float:
        return sum(self.planned)

    @property
    def total_used(self) -> float:
        return sum(self.used(i) for i in range(len(self.planned)))

    def phases(self) -> list[PhaseTime]:
        """Each phase's figures; phases still to come get their share of what is left.

        What is left is the meeting's total planned time minus all time used so far
        and minus what the current phase still has of its own plan. The phases
        after the current one divide that in proportion to their planned time.
        """
        used = [self.used(i) for i in range(len(self.planned))]
        later = range(self.current + 1, len(self.planned))
        later_planned = sum(self.planned[i] for i in later)
        current_left = max(0.0, self.planned[self.current] - used[self.current])
        left = max(0.0, self.total_planned - sum(used) - current_left)
        result = []
        for i, planned in enumerate(self.planned):
            share = planned
            if i in later and later_planned:
                share = left * planned / later_planned
            result.append(PhaseTime(i, planned, used[i], share, i == self.current))
        return result

    def state(self) -> tuple[int, bool, dict[int, float]]:
        """(current phase, paused, seconds used per phase) for the store."""
        return self.current, self.paused, {i: self.used(i) for i in range(len(self.planned))}


def clock_text(seconds: float) -> str:
    """``mm:ss`` for a duration; ``+mm:ss`` for an overrun (negative seconds)."""
    sign = "+" if seconds < 0 else ""
    whole = int(abs(seconds))
    minutes, secs = divmod(whole, 60)
    return f"{sign}{minutes:02d}:{secs:02d}"
