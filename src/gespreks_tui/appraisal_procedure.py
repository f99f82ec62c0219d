"""The appraisal (beoordeling) procedure as states with dates (issue 18).

    concept ─▶ besproken ─▶ voorlopig vastgesteld ─▶ (bezwaar ingediend) ─▶ definitief
              (concluded)   (handed over: the         (the employee's     (with the second
                             objection term runs)      text, maybe late)   assessor's word)

Two of the states are facts the record already holds, so they are derived and
never stored twice: *besproken* is "the conversation was concluded", *voorlopig*
is "its newest revision was handed over" (``store.hand_over``; the hand-over's
``until`` is the last day of the objection term). Only the objection, the final
decision and the second assessor's word are rows of their own
(``appraisal_steps``, migration 12), each with who and when.

The terms (invitation ahead, provisional result after the meeting, objection
after the provisional result, final decision after that, and whether a second
assessor must agree) come from the configuration, per kind
(``config.toml`` ``[kinds.beoordeling]``): ``ProcedureTerms`` holds their
defaults, the only place they are written down (in ``procedure_terms``, imported
here: the store reads the terms without the rest of the procedure).

Everything here is a pure function of a ``ConversationRecord`` and the stored
steps: no store, no clock, no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from gespreks_tui.model import Kind
from gespreks_tui.procedure_terms import MOST_TERM_DAYS as MOST_TERM_DAYS
from gespreks_tui.procedure_terms import TERM_NAMES as TERM_NAMES
from gespreks_tui.procedure_terms import ProcedureTerms as ProcedureTerms
from gespreks_tui.procedure_terms import worded as worded

if TYPE_CHECKING:
    from gespreks_tui.record import ConversationRecord


class AppraisalState(StrEnum):
    CONCEPT = "concept"
    DISCUSSED = "besproken"
    PROVISIONAL = "voorlopig"
    OBJECTION = "bezwaar"
    FINAL = "definitief"


# The states a row of ``appraisal_steps`` may hold; the others are derived.
STORED_STATES = (AppraisalState.OBJECTION, AppraisalState.FINAL)
DERIVED = 0  # the id of a step read from the record (concluded, handed over), not a row


@dataclass(frozen=True)
class AppraisalStep:
    """One recorded transition, or (``state`` None) the second assessor's word."""

    id: int
    conversation_id: int
    state: AppraisalState | None
    at: str  # stored ISO moment (UTC)
    by: str  # whose act: the manager, the employee (objection), the second assessor
    text: str = ""  # the objection's text, a remark with the final decision or the word
    agrees: bool | None = None  # second assessor: agrees / not


def applies_to(kind: Kind | str) -> bool:
    """Only a beoordeling has this procedure."""
    return str(kind) == Kind.BEOORDELING


def _day(stamp: str | None) -> date | None:
    """The day of a stored moment or date (its first ten characters), None if unreadable."""
    try:
        return date.fromisoformat(stamp[:10]) if stamp else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Procedure:
    """Where one beoordeling's procedure stands, with every date it has or will have."""

    conversation_id: int
    state: AppraisalState
    steps: tuple[AppraisalStep, ...]  # derived and stored, in the order they happened
    terms: ProcedureTerms
    meeting_day: date | None = None  # the day the conversation was concluded
    handed_day: date | None = None  # the provisional result was handed over
    objection_until: date | None = None  # the last day an objection is on time
    objection: AppraisalStep | None = None
    final: AppraisalStep | None = None
    second: AppraisalStep | None = None  # the newest word of the second assessor
    # Concluded before this database had the procedure (see ``procedure_of``): its
    # state is shown, but no term runs, so an upgrade never makes old appraisals due.
    before_procedure: bool = False

    @property
    def provisional_due(self) -> date | None:
        """The last day for the provisional result (from the meeting)."""
        if self.meeting_day is None:
            return None
        return self.meeting_day + timedelta(days=self.terms.provisional_days)

    @property
    def objection_late(self) -> bool:
        """Whether the objection came after its term (allowed, but recorded as late)."""
        day = _day(self.objection.at) if self.objection else None
        return bool(day and self.objection_until and day > self.objection_until)

    @property
    def final_due(self) -> date | None:
        """The last day for the final result: N days after the objection, or after the
        objection term when there was none."""
        start = _day(self.objection.at) if self.objection else self.objection_until
        return start + timedelta(days=self.terms.final_days) if start else None

    @property
    def second_agrees(self) -> bool:
        return self.second is not None and self.second.agrees is True

    def running_terms(self) -> list[tuple[str, date]]:
        """The terms running now, as (what, last day): "provisional", "objection", "final"."""
        if self.before_procedure:
            return []
        if self.state == AppraisalState.DISCUSSED and self.provisional_due:
            return [("provisional", self.provisional_due)]
        found: list[tuple[str, date]] = []
        if self.state == AppraisalState.PROVISIONAL and self.objection_until:
            found.append(("objection", self.objection_until))
        if self.state in (AppraisalState.PROVISIONAL, AppraisalState.OBJECTION) \
                and self.final_due:
            found.append(("final", self.final_due))
        return found


def procedure_of(record: ConversationRecord, stored: tuple[AppraisalStep, ...],
                 terms: ProcedureTerms, manager: str = "", since: str = "") -> Procedure:
    """The procedure of one beoordeling from its record and its stored steps.

    ``manager`` names who concluded and handed over when the conversation has no
    manager's name of its own. ``since`` is the moment the procedure came to this
    database (migration 12): a beoordeling concluded before it, never handed over
    after it and without a stored step runs no terms (``before_procedure``).
    """
    c = record.conversation
    by = c.manager_name or manager
    steps: list[AppraisalStep] = []
    meeting_day = handed_day = until = None
    if record.concluded and c.ended_at:
        meeting_day = _day(c.ended_at)
        steps.append(AppraisalStep(DERIVED, c.id, AppraisalState.DISCUSSED, c.ended_at, by))
    for h in record.handovers:  # each revision handed over: a provisional result
        steps.append(AppraisalStep(DERIVED, c.id, AppraisalState.PROVISIONAL, h.handed_at, by))
    handover = record.handovers[-1] if record.handovers else None  # the newest
    if handover is not None:
        handed_day, until = _day(handover.handed_at), _day(handover.until)
    latest = record.latest
    current = (handover is not None and latest is not None and record.concluded
               and handover.revision == latest.revision)
    steps += stored
    steps.sort(key=lambda s: s.at)
    objection = next((s for s in stored if s.state == AppraisalState.OBJECTION), None)
    final = next((s for s in stored if s.state == AppraisalState.FINAL), None)
    second = next((s for s in reversed(stored) if s.state is None), None)
    if final is not None:
        state = AppraisalState.FINAL
    elif objection is not None:
        state = AppraisalState.OBJECTION
    elif current:
        state = AppraisalState.PROVISIONAL
    elif record.concluded:
        state = AppraisalState.DISCUSSED
    else:
        state = AppraisalState.CONCEPT
    before = bool(since and c.ended_at and c.ended_at < since and not stored
                  and (handover is None or handover.handed_at < since))
    return Procedure(c.id, state, tuple(steps), terms, meeting_day, handed_day, until,
                     objection, final, second, before)


def refusal(procedure: Procedure, step: AppraisalState | None) -> str | None:
    """Why ``step`` (None: the second assessor's word) cannot be recorded now: a
    catalogue key under ``procedure.refused.*``, or None when it can."""
    state = procedure.state
    if state == AppraisalState.FINAL:
        return "procedure.refused.final_already"
    if state == AppraisalState.CONCEPT:
        return "procedure.refused.not_discussed"
    if step is None:
        return None
    if step == AppraisalState.OBJECTION:
        if state == AppraisalState.OBJECTION:
            return "procedure.refused.objection_already"
        if state != AppraisalState.PROVISIONAL:
            return "procedure.refused.not_provisional"
        return None
    if step == AppraisalState.FINAL:
        if state == AppraisalState.DISCUSSED:
            return "procedure.refused.not_provisional"
        if procedure.terms.second_assessor and procedure.second is None:
            return "procedure.refused.second_assessor_missing"
        if procedure.terms.second_assessor and not procedure.second_agrees:
            return "procedure.refused.second_assessor_disagrees"
        return None
    return "procedure.refused.derived"  # besproken and voorlopig are not recorded here
