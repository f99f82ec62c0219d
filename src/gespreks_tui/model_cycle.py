"""Plain data across the cycle: collective agreements and an agreement's trail.

Split from ``model`` (see ``model_records`` for why): the first frame of the
app reads neither.
"""

from __future__ import annotations

from dataclasses import dataclass

from gespreks_tui.model import Agreement, Kind, Outcome, Person, StepKind


@dataclass(frozen=True)
class Collective:
    """An agreement that is the same for everyone, or for a named group."""

    id: int
    text: str
    due_date: str | None = None
    for_everyone: bool = True
    created_at: str = ""
    ended_at: str | None = None
    members: tuple[Person, ...] = ()

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


@dataclass(frozen=True)
class TrailStep:
    """One step in an agreement's life; ``date`` is a stored ISO moment (UTC)."""

    kind: StepKind
    date: str
    conversation_id: int | None = None
    conversation_kind: Kind | None = None
    outcome: Outcome | None = None
    comment: str = ""
    collective_id: int | None = None


@dataclass(frozen=True)
class AgreementHistory:
    """An agreement with the conversation it was made in and its whole trail."""

    agreement: Agreement
    conversation_kind: Kind
    conversation_date: str
    steps: tuple[TrailStep, ...] = ()

    @property
    def last_outcome(self) -> Outcome | None:
        outcomes = [s.outcome for s in self.steps if s.outcome is not None]
        return outcomes[-1] if outcomes else None

    @property
    def done_between(self) -> bool:
        return any(s.kind == StepKind.DONE_BETWEEN for s in self.steps)
