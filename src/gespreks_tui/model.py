"""Plain data of the domain: enums and dataclasses shared by every layer.

Identifiers are English; what a user reads comes from the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """The four conversation kinds of the cycle, by their stable identifier."""

    DOELSTELLING = "doelstelling"
    VOORTGANG = "voortgang"
    FUNCTIONERING = "functionering"
    BEOORDELING = "beoordeling"


class Status(StrEnum):
    DRAFT = "draft"
    RUNNING = "running"
    CONCLUDED = "concluded"
    CONFIRMED = "confirmed"


class Owner(StrEnum):
    EMPLOYEE = "employee"
    MANAGER = "manager"
    BOTH = "both"


class AgreementStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class Outcome(StrEnum):
    ACHIEVED = "achieved"
    PARTLY = "partly"
    NOT_ACHIEVED = "not_achieved"
    CARRIED_ON = "carried_on"


class Visibility(StrEnum):
    SHARED = "shared"
    PRIVATE = "private"


class Party(StrEnum):
    EMPLOYEE = "employee"
    MANAGER = "manager"


class Verdict(StrEnum):
    AKKOORD = "akkoord"
    GEZIEN = "gezien"


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    left_on: str | None = None


@dataclass(frozen=True)
class Phase:
    id: int
    conversation_id: int
    position: int
    name: str
    planned_seconds: int
    used_seconds: float = 0.0
    questions: tuple[str, ...] = ()
    criteria: tuple[str, ...] = ()  # appraisal criteria scored in this phase
    help: str = ""


@dataclass(frozen=True)
class Conversation:
    id: int
    kind: Kind
    employee_id: int
    employee_name: str
    manager_id: int | None
    manager_name: str | None
    language: str
    status: Status
    planned_seconds: int
    created_at: str
    started_at: str | None = None
    ended_at: str | None = None
    next_evaluation: str | None = None
    current_phase: int = 0
    paused: bool = False
    phases: tuple[Phase, ...] = field(default=())

    @property
    def is_open(self) -> bool:
        """Draft or running: may still be edited."""
        return self.status in (Status.DRAFT, Status.RUNNING)


@dataclass(frozen=True)
class Agreement:
    id: int
    conversation_id: int
    text: str
    owner: Owner | None = None
    due_date: str | None = None
    status: AgreementStatus = AgreementStatus.OPEN
    position: int = 0
    collective_id: int | None = None
    created_at: str = ""
    done_at: str | None = None


@dataclass(frozen=True)
class FollowUp:
    id: int
    agreement_id: int
    conversation_id: int
    outcome: Outcome
    comment: str = ""
    agreement_text: str = ""


@dataclass(frozen=True)
class ConversationSummary:
    """One row of a history list."""

    id: int
    date: str
    kind: Kind
    employee: str
    manager: str | None
    status: Status
    open_agreements: int


@dataclass(frozen=True)
class Revision:
    """One issued version of a conversation's minutes (``sha256`` is its fingerprint)."""

    id: int
    conversation_id: int
    revision: int
    markdown: str
    sha256: str
    created_at: str


@dataclass(frozen=True)
class Confirmation:
    """One party's verdict on one revision of the minutes."""

    id: int
    conversation_id: int
    revision: int
    party: Party
    name: str
    verdict: Verdict
    comment: str
    confirmed_at: str
    via: str


# --- across the cycle: collective agreements, trails, what is due ----------------------

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


class StepKind(StrEnum):
    MADE = "made"                   # made in a conversation (or brought in from a collective)
    FOLLOWED_UP = "followed_up"     # followed up in a later conversation, with an outcome
    DONE_BETWEEN = "done_between"   # marked done between conversations (gespreks done)
    DONE = "done"                   # ticked done in the conversation it was made in
    DROPPED = "dropped"


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


class DueKind(StrEnum):
    AGREEMENT = "agreement"
    EVALUATION = "evaluation"


@dataclass(frozen=True)
class DueItem:
    """Something due: an open agreement's due date or an employee's next evaluation.

    ``date`` is YYYY-MM-DD; ``days`` counts from today (negative: overdue).
    For an evaluation, ``conversation_id``/``conversation_kind`` name the
    employee's latest conversation and ``text`` is empty.
    """

    kind: DueKind
    date: str
    employee_id: int
    employee: str
    conversation_id: int
    conversation_kind: Kind
    overdue: bool
    days: int
    text: str = ""
    agreement_id: int | None = None
    owner: Owner | None = None
    collective_id: int | None = None


SCORE_KEYS = {1: "onvoldoende", 2: "voldoende", 3: "goed", 4: "uitstekend"}


@dataclass(frozen=True)
class Score:
    """One appraisal criterion's score (1–4, or None when not given yet) and comment."""

    position: int
    criterion: str
    score: int | None
    comment: str = ""
