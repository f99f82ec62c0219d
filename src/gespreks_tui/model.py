"""Plain data of the domain: enums and dataclasses shared by every layer.

Identifiers are English; what a user reads comes from the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from gespreks_tui.display_time import DEFAULT_ZONE

if TYPE_CHECKING:
    from gespreks_tui.appraisal_scale import Scale


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
    """A party's sign-off. The employee: akkoord, gezien (niet akkoord) or
    correctie (the minutes do not reflect the conversation: a correction is
    asked for). The manager signs as the author: vastgesteld. Databases from
    before migration 5 may hold a manager's akkoord or gezien; they read as stored."""

    AKKOORD = "akkoord"
    GEZIEN = "gezien"
    CORRECTIE = "correctie"
    VASTGESTELD = "vastgesteld"


VERDICTS_OF: dict[Party, tuple[Verdict, ...]] = {
    Party.EMPLOYEE: (Verdict.AKKOORD, Verdict.GEZIEN, Verdict.CORRECTIE),
    Party.MANAGER: (Verdict.VASTGESTELD,),
}


class Channel(StrEnum):
    """How a confirmation reached the record (``confirmations.via``)."""

    SCREEN = "screen"      # in person, on the manager's screen
    FILE = "file"          # a returned minutes file (its own sha256 is kept)
    HANDOVER = "handover"  # handed over, no reaction (never written as a verdict)


class HandoverMedium(StrEnum):
    EMAIL = "email"
    PAPER = "paper"
    SCREEN = "screen"


class SignOff(StrEnum):
    """Where the sign-off of a conversation's newest revision stands (derived, not stored)."""

    NONE = "none"                                   # nothing issued or nothing given
    HANDED_OVER = "handed_over"                     # handed over, the reaction term runs
    NO_REACTION = "no_reaction"                     # the term passed without a reaction
    CORRECTION_REQUESTED = "correction_requested"   # the employee asked for a correction
    CORRECTION_KEPT = "correction_kept"             # the manager kept the minutes, with reason


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
    # Behavioural indicators per criterion, parallel to ``criteria`` (from the agenda snapshot).
    indicators: tuple[tuple[str, ...], ...] = ()


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
    # The revision of the minutes issued for this conclusion (None: not issued since
    # it was last concluded). The minutes are a snapshot of the conversation as
    # concluded: later events never make a new revision, only a reopen does.
    issued_revision: int | None = None
    # The IANA zone every moment of this conversation is shown in (stored as UTC).
    time_zone: str = DEFAULT_ZONE
    # The appraisal scale stored when it started (None: stored before scales were, so
    # ``appraisal_scale.legacy_scale(language)``; or a conversation without criteria).
    scale: Scale | None = None

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
    # What became of it after its own conversation (a follow-up in a later one, or
    # ``gespreks done``: achieved); None while nothing was recorded after it.
    # ``status`` stays open/done/dropped: done means closed, not achieved.
    outcome: Outcome | None = None
    goal_id: int | None = None  # the goal it serves (migration 13), None: none


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
    sign_off: SignOff = SignOff.NONE  # of the newest revision (correction asked, handed over...)
    time_zone: str = DEFAULT_ZONE  # the conversation's zone, for its date

    @property
    def state(self) -> str:
        """What a list shows as the status: the sign-off when it asks for attention."""
        return str(self.sign_off) if self.sign_off != SignOff.NONE else str(self.status)







# --- across the cycle: collective agreements, trails, what is due ----------------------


class StepKind(StrEnum):
    MADE = "made"                   # made in a conversation (or brought in from a collective)
    FOLLOWED_UP = "followed_up"     # followed up in a later conversation, with an outcome
    DONE_BETWEEN = "done_between"   # marked done between conversations (gespreks done)
    DONE = "done"                   # ticked done in the conversation it was made in
    DROPPED = "dropped"




class DueKind(StrEnum):
    AGREEMENT = "agreement"
    EVALUATION = "evaluation"
    REACTION = "reaction"  # the reaction term of handed-over minutes
    # a beoordeling's procedure (issue 18, ``appraisal_procedure``): the provisional
    # result after the meeting, the objection term, the final decision
    PROVISIONAL = "provisional"
    OBJECTION = "objection"
    FINAL = "final"
    GOAL_STEP = "goal_step"  # a goal's small step with a date, not ticked done (issue 20)


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
    revision: int | None = None  # a reaction term: the revision handed over
    goal_id: int | None = None  # a goal step: its goal (``text`` is the step's text)
    step_id: int | None = None


# The catalogue keys of the old fixed four-point scale. Scores are now shown on the
# conversation's own scale (``appraisal_scale``); kept for code that still imports it.
SCORE_KEYS = {1: "onvoldoende", 2: "voldoende", 3: "goed", 4: "uitstekend"}
