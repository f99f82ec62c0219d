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
from dataclasses import dataclass, field

from gespreks_tui.errors import MinutesError, Term
from gespreks_tui.model import (
    Agreement,
    Confirmation,
    Conversation,
    FollowUp,
    Party,
    Revision,
    Score,
    Status,
    Verdict,
)


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

    def revision(self, number: int) -> Revision | None:
        return next((r for r in self.revisions if r.revision == number), None)

    def revision_with(self, sha256: str) -> Revision | None:
        """The newest revision whose content has this fingerprint."""
        return next((r for r in reversed(self.revisions) if r.sha256 == sha256), None)

    def confirmations_of(self, number: int) -> tuple[Confirmation, ...]:
        return tuple(k for k in self.confirmations if k.revision == number)

    def default_name(self, party: Party) -> str:
        return default_name(self.conversation, party)


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

    def verdict(self, party: Party) -> Verdict:
        """The one verdict ticked for ``party``; ``MinutesError`` for none or several."""
        ticks = self.ticked.get(party, ())
        who = Term(f"owner.{party}")
        if not ticks:
            raise MinutesError("confirm.no_box", party=who)
        if len(ticks) > 1:
            raise MinutesError("confirm.two_boxes", party=who)
        if not isinstance(ticks[0], Verdict):
            raise MinutesError("confirm.unknown_box", party=who, label=ticks[0])
        return ticks[0]
