"""What the minutes are made of: one conversation as read in one transaction.

``ConversationRecord`` is the read model the store hands out
(``store.conversation_record(id)``): the conversation, its shared notes (never
the private ones: they cannot reach the minutes by mistake), agreements,
follow-ups, scores, and every revision of the minutes with its confirmations,
all from one snapshot of the database. Rendering and verifying the minutes
are functions of a record, so they are deterministic and need no store.

``Returned`` is what a minutes file that comes back says (built by
``gespreks_tui.minutes.parse``); the store checks it against a record before
it records a confirmation, and ``verify`` uses that same check.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from gespreks_tui.errors import MinutesError, Term
from gespreks_tui.model import (
    Agreement,
    AgreementStatus,
    Conversation,
    FollowUp,
    Party,
    SignOff,
    Status,
    Verdict,
)
from gespreks_tui.model_records import (
    Confirmation,
    Handover,
    Reopening,
    Resolution,
    Revision,
    Score,
)

if TYPE_CHECKING:
    from gespreks_tui.appraisal_procedure import Procedure
    from gespreks_tui.goals import Goal


def as_concluded(a: Agreement) -> Agreement:
    """An agreement as its own conversation concluded it, without what came later.

    An outcome is only recorded after the agreement's own conversation (a
    follow-up in a later one, or ``gespreks done``), and only for an agreement
    that was open then: so it was open when that conversation concluded.
    """
    if a.outcome is None:
        return a
    return replace(a, status=AgreementStatus.OPEN, outcome=None, done_at=None)


def default_name(c: Conversation, party: Party) -> str:
    """The name printed for (and recorded from) a party that gave none."""
    return c.employee_name if party == Party.EMPLOYEE else (c.manager_name or "")


@dataclass(frozen=True)
class ConversationRecord:
    """One conversation and everything its minutes show, from one read transaction."""

    conversation: Conversation
    shared_notes: Mapping[int, str] = field(default_factory=dict)  # phase position → text
    agreements: tuple[Agreement, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    scores: tuple[Score, ...] = ()
    overall: tuple[int | None, str] = (None, "")
    revisions: tuple[Revision, ...] = ()  # oldest first
    confirmations: tuple[Confirmation, ...] = ()  # of every revision, employee first
    handovers: tuple[Handover, ...] = ()  # at most one per revision
    reopenings: tuple[Reopening, ...] = ()  # oldest first
    resolutions: tuple[Resolution, ...] = ()  # answers to correction requests
    today: str = ""  # YYYY-MM-DD when read: whether a reaction term has passed
    # Goals set, and goals reviewed or judged, in this conversation, as of it (issue 20)
    goals_set: tuple[Goal, ...] = ()
    goals_reviewed: tuple[Goal, ...] = ()
    goal_scale: tuple[str, ...] = ()  # the labels goals are judged by (empty: not known)
    served_goals: Mapping[int, str] = field(default_factory=dict)  # goal id → title (agreements)
    # A beoordeling's procedure (issue 18: ``appraisal_procedure``); None for other kinds
    procedure: Procedure | None = None

    @property
    def id(self) -> int:
        return self.conversation.id

    @property
    def concluded(self) -> bool:
        """Concluded or confirmed: the minutes can be issued and confirmed."""
        return self.conversation.status in (Status.CONCLUDED, Status.CONFIRMED)

    @property
    def latest(self) -> Revision | None:
        return self.revisions[-1] if self.revisions else None

    @property
    def issued(self) -> Revision | None:
        """The minutes issued for the conversation's current conclusion, if any.

        Later events (a follow-up in the next conversation, ``gespreks done``)
        never change them; only concluding again after a reopen does.
        """
        number = self.conversation.issued_revision
        if number is None or not self.concluded:
            return None
        return self.revision(number)

    @property
    def agreements_as_concluded(self) -> tuple[Agreement, ...]:
        """The agreements as this conversation concluded them (see ``as_concluded``)."""
        return tuple(as_concluded(a) for a in self.agreements)

    def revision(self, number: int) -> Revision | None:
        return next((r for r in self.revisions if r.revision == number), None)

    def revision_with(self, sha256: str) -> Revision | None:
        """The newest revision whose content has this fingerprint."""
        return next((r for r in reversed(self.revisions) if r.sha256 == sha256), None)

    def confirmations_of(self, number: int) -> tuple[Confirmation, ...]:
        return tuple(k for k in self.confirmations if k.revision == number)

    def default_name(self, party: Party) -> str:
        return default_name(self.conversation, party)

    # -- sign-off (issue 13) ---------------------------------------------------
    def handover_of(self, number: int) -> Handover | None:
        return next((h for h in self.handovers if h.revision == number), None)

    def reopening_before(self, number: int) -> Reopening | None:
        """The reopening (with its reason) that led to revision ``number``: the newest
        one made while revision ``number - 1`` was the newest."""
        return next((r for r in reversed(self.reopenings)
                     if r.from_revision == number - 1 and number > 1), None)

    def resolution_of(self, confirmation_id: int) -> Resolution | None:
        return next((r for r in self.resolutions if r.confirmation_id == confirmation_id), None)

    def correction_request(self, number: int) -> Confirmation | None:
        """The employee's "correctie gevraagd" on revision ``number``, if given."""
        return next((k for k in self.confirmations_of(number)
                     if k.party == Party.EMPLOYEE and k.verdict == Verdict.CORRECTIE), None)

    def pending_correction(self) -> Confirmation | None:
        """A correction request on the newest revision that has no answer yet."""
        latest = self.latest
        request = self.correction_request(latest.revision) if latest is not None else None
        if request is None or self.resolution_of(request.id) is not None:
            return None
        return request

    def sign_off(self, today: str) -> SignOff:
        """Where the newest revision's sign-off stands on ``today`` (YYYY-MM-DD)."""
        latest = self.latest
        if latest is None:
            return SignOff.NONE
        given = {k.party: k for k in self.confirmations_of(latest.revision)}
        employee = given.get(Party.EMPLOYEE)
        answer = self.resolution_of(employee.id) if employee is not None else None
        handover = self.handover_of(latest.revision)
        return sign_off_state(employee.verdict if employee else None,
                              answer.outcome if answer else None,
                              handover.until if handover else None, today)


def sign_off_state(employee_verdict: str | None, answer: str | None, until: str | None,
                   today: str) -> SignOff:
    """The sign-off state from the employee's verdict on the newest revision, the
    manager's answer to a correction request ('revised', 'kept'), the end of a
    hand-over's reaction term and today (both YYYY-MM-DD). Shared by the record
    and the store's list, so both say the same."""
    if employee_verdict == Verdict.CORRECTIE:
        if answer is None:
            return SignOff.CORRECTION_REQUESTED
        return SignOff.CORRECTION_KEPT if answer == "kept" else SignOff.NONE
    if employee_verdict is not None or until is None:
        return SignOff.NONE
    return SignOff.NO_REACTION if today > until else SignOff.HANDED_OVER


@dataclass(frozen=True)
class Returned:
    """What a returned minutes file says.

    ``sha256`` is recomputed over the content; ``fingerprint`` is what the
    fingerprint line claims. ``ticked`` holds, per party, the verdict of every
    ticked box (the box's own text when it is not a known verdict).
    """

    conversation_id: int
    revision: int
    fingerprint: str
    sha256: str
    content: str
    ticked: dict[Party, tuple[Verdict | str, ...]]
    comments: str
    names: Mapping[Party, str] = field(default_factory=dict)  # each "Naam:" line as written
    # (line number, text) of every non-empty line between the fingerprint line and
    # the comments heading: the confirmation block, as the file has it
    block: tuple[tuple[int, str], ...] = ()

    def verdict(self, party: Party) -> Verdict:
        """The one verdict ticked for ``party``; ``MinutesError`` for none or several,
        or a box ticked only under the other party's heading."""
        ticks = self.ticked.get(party, ())
        who = Term(f"owner.{party}")
        if not ticks:
            other = next(p for p in Party if p != party)
            if self.ticked.get(other):
                raise MinutesError("confirm.box_of_other", party=who,
                                   other=Term(f"owner.{other}"))
            raise MinutesError("confirm.no_box", party=who)
        if len(ticks) > 1:
            raise MinutesError("confirm.two_boxes", party=who)
        if not isinstance(ticks[0], Verdict):
            raise MinutesError("confirm.unknown_box", party=who, label=ticks[0])
        return ticks[0]
