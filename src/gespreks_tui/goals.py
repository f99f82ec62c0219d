"""Goals across the cycle (issue 20): plain data and the rules that need no database.

A goal is set in one conversation (a doelstellingengesprek), split into small
steps, reviewed in later ones (progress: on track, behind, achieved, dropped)
and judged in a beoordelingsgesprek. What makes a good personal goal — the
employee's own, small steps, SMART, answering what, why, who, where and how —
is helped by prompts and hints (``goal_hints``), never enforced: only a goal
without a title is refused (``GoalError``, by the checks here). A step dated
after the goal's period is a hint.

Textual-free and store-free: the store (``store.goal_reads``, ``goal_steps``,
``goals``, ``goal_reviews``), the minutes (``minutes.goals``, ``minutes.pop``),
the command line and the app all use these names. Which goals a later
conversation follows up, by their period, is ``goal_period``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import ClassVar

from gespreks_tui.errors import UserError
from gespreks_tui.model import Owner


class GoalKind(StrEnum):
    RESULT = "resultaat"
    DEVELOPMENT = "ontwikkeling"


class GoalProgress(StrEnum):
    ON_TRACK = "op_koers"
    BEHIND = "achter"
    ACHIEVED = "behaald"
    DROPPED = "vervallen"


# Progress after which a goal is no longer reviewed in later conversations.
CLOSED = (GoalProgress.ACHIEVED, GoalProgress.DROPPED)
# The prompts a goal may answer, in the order they are asked (templates choose a subset).
GOAL_PROMPTS = ("what", "why", "who", "where", "how")
TITLE_MOST_CHARS = 500
TEXT_MOST_CHARS = 20_000


class GoalError(UserError):
    """Bad input for a goal, a step or a review: refused, nothing stored (exit code 1)."""

    exit_code: ClassVar[int] = 1


@dataclass(frozen=True)
class GoalStep:
    """A small step of a goal; ``done_in`` is the conversation in which it was ticked."""

    id: int
    goal_id: int
    position: int
    text: str
    due_date: str | None = None
    done_in: int | None = None
    done_at: str | None = None

    @property
    def done(self) -> bool:
        return self.done_in is not None


@dataclass(frozen=True)
class GoalReview:
    """What one conversation said about one goal: progress and/or a judgment (score)."""

    id: int
    goal_id: int
    conversation_id: int
    progress: GoalProgress | None
    comment: str = ""
    score: int | None = None  # the judgment in a beoordeling, on the conversation's scale
    at: str = ""
    score_comment: str = ""  # what explains the judgment (``comment`` explains the progress)


@dataclass(frozen=True)
class Goal:
    """A goal with its steps and reviews, as of some conversation (``store.goal_reads``)."""

    id: int
    employee_id: int
    conversation_id: int  # where it was set
    kind: GoalKind
    title: str
    what: str = ""
    why: str = ""
    who: str = ""
    where: str = ""
    how: str = ""
    owner: Owner = Owner.EMPLOYEE
    period_start: str | None = None
    period_end: str | None = None
    support: str = ""  # agreed support (training, coaching) for the development plan
    position: int = 0
    steps: tuple[GoalStep, ...] = ()
    reviews: tuple[GoalReview, ...] = ()  # oldest conversation first

    @property
    def last_progress(self) -> GoalProgress | None:
        given = [r.progress for r in self.reviews if r.progress is not None]
        return given[-1] if given else None

    @property
    def closed(self) -> bool:
        """Achieved or dropped: later conversations no longer review it."""
        return self.last_progress in CLOSED

    @property
    def steps_done(self) -> int:
        return sum(1 for s in self.steps if s.done)

    def answer(self, prompt: str) -> str:
        """The answer to one of ``GOAL_PROMPTS``."""
        if prompt not in GOAL_PROMPTS:
            raise KeyError(prompt)
        return str(getattr(self, prompt))

    def review_in(self, conversation_id: int) -> GoalReview | None:
        return next((r for r in self.reviews if r.conversation_id == conversation_id), None)


# --- checks: what is refused --------------------------------------------------------------

def clean_title(title: str | None) -> str:
    """The title as stored (trimmed); ``GoalError`` when there is none or it is huge."""
    text = " ".join((title or "").split())
    if not text:
        raise GoalError("goals.error.no_title")
    if len(text) > TITLE_MOST_CHARS or "\x00" in text:
        raise GoalError("goals.error.title_too_long", most=TITLE_MOST_CHARS)
    return text


def clean_text(text: str | None, field: str = "text") -> str:
    """A free text (an answer, support, a comment) as stored; refused when huge."""
    value = (text or "").strip()
    if len(value) > TEXT_MOST_CHARS or "\x00" in value:
        raise GoalError("goals.error.text_too_long", most=TEXT_MOST_CHARS)
    return value


def clean_step_text(text: str | None) -> str:
    value = " ".join((text or "").split())
    if not value:
        raise GoalError("goals.error.no_step_text")
    if len(value) > TITLE_MOST_CHARS or "\x00" in value:
        raise GoalError("goals.error.title_too_long", most=TITLE_MOST_CHARS)
    return value


def clean_date(value: str | date | None) -> str | None:
    """A day as stored (YYYY-MM-DD) or None; ``GoalError`` for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise GoalError("goals.error.bad_date", value=str(value)) from None


def check_period(start: str | None, end: str | None) -> None:
    if start and end and end < start:
        raise GoalError("goals.error.period_order", start=start, end=end)


def goal_kind(value: GoalKind | str) -> GoalKind:
    try:
        return GoalKind(value)
    except ValueError:
        raise GoalError("goals.error.bad_kind", value=str(value)) from None


def goal_progress(value: GoalProgress | str | None) -> GoalProgress | None:
    if value is None or value == "":
        return None
    try:
        return GoalProgress(value)
    except ValueError:
        raise GoalError("goals.error.bad_progress", value=str(value)) from None


def goal_owner(value: Owner | str | None) -> Owner:
    if value is None or value == "":
        return Owner.EMPLOYEE
    try:
        return Owner(value)
    except ValueError:
        raise GoalError("goals.error.bad_owner", value=str(value)) from None
