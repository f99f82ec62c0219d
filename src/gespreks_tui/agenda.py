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
        """Seconds left of this phase's share; negative when it overruns."""
        return self.share - self.used


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
        """Each phase's figures, with the share of the time that is its own now.

        The rule (README, "Time"): time saved or overrun is spread over the phases
        still to come, in proportion to their plan. The phases from the current
        one on share what the meeting has left after the phases before the
        current one (total planned minus the time those used), each in
        proportion to its planned time; the current phase counts down from its
        share. Once the current phase runs past its share, the phases after it
        share what is left after it, again in proportion to their plan (never
        below zero). Earlier phases show their plan.

        So a phase is shown with the same figure just before it is entered and
        just after (its share), and time saved by ending a phase early goes to
        all later phases, not to the last one alone.
        """
        used = [self.used(i) for i in range(len(self.planned))]
        current = self.current
        before = sum(used[:current])
        open_planned = sum(self.planned[current:])
        budget = max(0.0, self.total_planned - before)
        later_planned = open_planned - self.planned[current]
        shares = list(self.planned)
        if open_planned:
            for i in range(current, len(self.planned)):
                shares[i] = budget * self.planned[i] / open_planned
        if used[current] > shares[current] and later_planned:
            after = max(0.0, budget - used[current])
            for i in range(current + 1, len(self.planned)):
                shares[i] = after * self.planned[i] / later_planned
        return [PhaseTime(i, planned, used[i], shares[i], i == current)
                for i, planned in enumerate(self.planned)]

    def state(self) -> tuple[int, bool, dict[int, float]]:
        """(current phase, paused, seconds used per phase) for the store."""
        return self.current, self.paused, {i: self.used(i) for i in range(len(self.planned))}


def clock_text(seconds: float) -> str:
    """``mm:ss`` for a duration; ``+mm:ss`` for an overrun (negative seconds)."""
    sign = "+" if seconds < 0 else ""
    whole = int(abs(seconds))
    minutes, secs = divmod(whole, 60)
    return f"{sign}{minutes:02d}:{secs:02d}"
