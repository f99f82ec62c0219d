"""Migration 14: A prepared assessment, kept beside what the meeting made of it (issue 18).

A prepared assessment (a draft) is a beoordeling in status ``draft`` whose
scores are stored as usual in ``scores`` and ``conversations.overall_*`` while
the manager writes them. When the meeting starts from it, the store copies
those values into the ``draft_*`` columns (``store.drafts.start_draft``): from
then on the ordinary columns are what the meeting makes of them, and the
``draft_*`` columns are the draft as it was, frozen, so the minutes can say
what was "aangepast in het gesprek".

- ``scores.draft_score``, ``scores.draft_comment``: a criterion's draft value
  (NULL: the conversation had no draft, or this row was added in the meeting);
- ``conversations.draft_overall_score``, ``draft_overall_comment``: the
  draft's overall judgment;
- ``conversations.draft_frozen_at``: when the meeting started from the draft
  (NULL: not started from a draft). Only this says a conversation had one.

Only nullable columns are added, without checks on the value: the scale a
score is on is the conversation's (migration 11), not a fixed range. These
statements are part of an applied migration once released: never edit them,
add a new migration instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gespreks_tui.connection import Connection

MIGRATION_14 = [
    "alter table scores add column draft_score integer",
    "alter table scores add column draft_comment text",
    "alter table conversations add column draft_overall_score integer",
    "alter table conversations add column draft_overall_comment text",
    "alter table conversations add column draft_frozen_at text",
]


def migrate(db: Connection) -> None:
    """Migration 14 (prepared assessments): the draft's values beside the meeting's."""
    for statement in MIGRATION_14:
        db.execute(statement)
