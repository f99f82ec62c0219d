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
