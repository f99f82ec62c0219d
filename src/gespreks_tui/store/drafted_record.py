"""A conversation's record with the draft it started from (``store.drafts``).

Apart from ``store.drafts`` because it derives from ``record.ConversationRecord``
and holds a ``draft_form.Draft``: the store imports it when it reads a record,
so a start into a meeting loads neither (issue 19: start-up).
"""

from __future__ import annotations

from dataclasses import dataclass

from gespreks_tui.appraisal_scale import Scale
from gespreks_tui.draft_form import Draft
from gespreks_tui.record import ConversationRecord


@dataclass(frozen=True)
class FrozenDraft:
    """The draft as it was when the meeting started from it."""

    draft: Draft
    frozen_at: str
    scale: Scale


@dataclass(frozen=True)
class DraftedRecord(ConversationRecord):
    """A conversation's record with the draft it started from (``draft`` None: none)."""

    draft: FrozenDraft | None = None
