"""Plain data of what a conversation's record holds besides the meeting itself.

The issued revisions of the minutes, the parties' confirmations, hand-overs,
reopenings and the answers to correction requests, and the appraisal's
scores. Split from ``model`` because a frozen dataclass costs Python about
a millisecond to build at import, and the first frame of the app (the
start screen or a running meeting) uses none of these (issue 19: start-up;
``tests/test_import_hygiene.py`` keeps them off that path).
"""

from __future__ import annotations

from dataclasses import dataclass

from gespreks_tui.model import HandoverMedium, Party, Verdict


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
    file_sha256: str | None = None  # via 'file': the sha256 of the returned file's bytes
    entered_by: Party = Party.MANAGER  # whose screen or command recorded it


@dataclass(frozen=True)
class Handover:
    """The minutes (one revision) handed over to the employee, with a reaction term."""

    id: int
    conversation_id: int
    revision: int
    medium: HandoverMedium
    handed_at: str  # stored ISO moment (UTC)
    term_days: int
    until: str  # YYYY-MM-DD: the last day a reaction counts
    entered_by: Party = Party.MANAGER


@dataclass(frozen=True)
class Reopening:
    """A concluded conversation reopened for a correction, with the reason given."""

    id: int
    conversation_id: int
    from_revision: int | None  # the newest revision when it was reopened
    reason: str
    reopened_at: str
    entered_by: Party = Party.MANAGER


@dataclass(frozen=True)
class Resolution:
    """The manager's answer to a correction request: a corrected revision or kept as is."""

    id: int
    confirmation_id: int  # the employee's "correctie gevraagd"
    conversation_id: int
    revision: int
    outcome: str  # 'revised' (reopened, see reopening_id) or 'kept'
    reason: str
    resolved_at: str
    reopening_id: int | None = None


@dataclass(frozen=True)
class Score:
    """One appraisal criterion's score (1..the scale's points, or None when not given yet)."""

    position: int
    criterion: str
    score: int | None
    comment: str = ""
