"""Revisions of the minutes and their confirmations as stored, and the record they show.

``conversation_record`` reads one conversation with everything its minutes
show in one read transaction (a ``ConversationRecord``); rendering and
verifying are functions of that record, above the store.

A revision is the Markdown of the minutes as issued, with the sha256 of its
content (see ``gespreks_tui.fingerprint``). Publishing unchanged content
again gives the same revision; a changed content gives the next number. Old
revisions and their confirmations are never changed or removed. Recording a
confirmation is ``store.minutes``' (``MinutesMixin``).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from gespreks_tui.db import StoreError
from gespreks_tui.model import Party, Status, Verdict
from gespreks_tui.store.appraisal import AppraisalMixin
from gespreks_tui.store.base import locked
from gespreks_tui.store.conversations import ConversationsMixin
from gespreks_tui.store.goal_reviews import GoalReviewsMixin

if TYPE_CHECKING:  # the record is imported where one is read (issue 19: start-up)
    from gespreks_tui.model_records import Confirmation, Revision
    from gespreks_tui.record import ConversationRecord

_CONFIRMATION_SQL = """
select k.*, r.conversation_id, r.revision from confirmations k
join minutes_revisions r on r.id = k.revision_id
"""


def _revision(row: dict) -> Revision:
    from gespreks_tui.model_records import Revision

    return Revision(id=row["id"], conversation_id=row["conversation_id"],
                    revision=row["revision"], markdown=row["markdown"], sha256=row["sha256"],
                    created_at=row["created_at"])


def _confirmation(row: dict) -> Confirmation:
    from gespreks_tui.model_records import Confirmation

    return Confirmation(id=row["id"], conversation_id=row["conversation_id"],
                        revision=row["revision"], party=Party(row["party"]), name=row["name"],
                        verdict=Verdict(row["verdict"]), comment=row["comment"],
                        confirmed_at=row["confirmed_at"], via=row["via"])


class RevisionsMixin(ConversationsMixin, AppraisalMixin, GoalReviewsMixin):
    def exclusive(self) -> threading.RLock:
        """Hold this (``with store.exclusive():``) to make several calls one step."""
        return self._lock

    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[None]:
        """One read transaction (or the transaction already open): one consistent view."""
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")  # deferred: the first read fixes the snapshot (WAL)
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")  # nothing was written

    @locked
    def conversation_record(self, conversation_id: int) -> ConversationRecord:
        """Everything the minutes of one conversation show, read in one transaction.

        Only the shared notes are read. ``StoreError`` "conversation.not_found".
        """
        from gespreks_tui.record import ConversationRecord

        with self._snapshot():
            conversation = self.get_conversation(conversation_id)
            notes = self._rows(
                "select p.position, n.body from notes n join phases p on p.id = n.phase_id "
                "where p.conversation_id = ? and n.visibility = 'shared'", [conversation_id])
            return ConversationRecord(
                conversation=conversation,
                shared_notes={r["position"]: r["body"] for r in notes},
                agreements=tuple(self.agreements(conversation_id)),
                follow_ups=tuple(self.follow_ups(conversation_id)),
                scores=tuple(self.scores(conversation_id)),
                overall=self.overall(conversation_id),
                revisions=tuple(self.revisions(conversation_id)),
                confirmations=tuple(self.confirmations(conversation_id)),
                goals_set=tuple(self.goals_set_in(conversation_id)),
                goals_reviewed=tuple(self.goals_reviewed_in(conversation_id)),
                goal_scale=self.goal_scale(conversation_id),
                served_goals=self.goals_served_in(conversation_id))

    @locked
    def revisions(self, conversation_id: int) -> list[Revision]:
        """Every revision of a conversation's minutes, oldest first."""
        return [_revision(r) for r in self._rows(
            "select * from minutes_revisions where conversation_id = ? order by revision",
            [conversation_id])]

    @locked
    def latest_revision(self, conversation_id: int) -> Revision | None:
        rows = self._rows("select * from minutes_revisions where conversation_id = ? "
                          "order by revision desc limit 1", [conversation_id])
        return _revision(rows[0]) if rows else None

    @locked
    def get_revision(self, conversation_id: int, revision: int) -> Revision:
        rows = self._rows("select * from minutes_revisions where conversation_id = ? "
                          "and revision = ?", [conversation_id, revision])
        if not rows:
            raise StoreError("minutes.revision_not_found", self.path, id=conversation_id,
                             revision=revision)
        return _revision(rows[0])

    @locked
    def revision_by_sha(self, sha256: str) -> Revision | None:
        """The newest revision with this fingerprint, of any conversation."""
        rows = self._rows("select * from minutes_revisions where sha256 = ? "
                          "order by created_at desc, id desc limit 1", [sha256])
        return _revision(rows[0]) if rows else None

    @locked
    def save_revision(self, conversation_id: int, markdown: str, sha256: str) -> int:
        """Store a new revision and return its number; unchanged content keeps the newest.

        Either way it becomes the conversation's issued revision: the minutes of
        this conclusion, which ``publish`` gives again until it is concluded anew.
        A new revision of a confirmed conversation needs new confirmations, so
        the conversation goes back to 'concluded'.
        """
        latest = self.latest_revision(conversation_id)
        issue = "update conversations set issued_revision = ? where id = ?"
        if latest is not None and latest.sha256 == sha256:
            self.db.execute(issue, [latest.revision, conversation_id])
            return latest.revision
        number = latest.revision + 1 if latest else 1
        with self.db.atomic():
            self.db["minutes_revisions"].insert({
                "conversation_id": conversation_id, "revision": number,
                "markdown": markdown, "sha256": sha256, "created_at": self.now()})
            self.db.execute("update conversations set status = ? where id = ? and status = ?",
                            [str(Status.CONCLUDED), conversation_id, str(Status.CONFIRMED)])
            self.db.execute(issue, [number, conversation_id])
        return number

    @locked
    def confirmations(self, conversation_id: int, revision: int | None = None
                      ) -> list[Confirmation]:
        """The confirmations of one revision (or of all), employee before manager."""
        sql, params = _CONFIRMATION_SQL + " where r.conversation_id = ?", [conversation_id]
        if revision is not None:
            sql += " and r.revision = ?"
            params.append(revision)
        sql += " order by r.revision, k.party = 'manager', k.id"
        return [_confirmation(r) for r in self._rows(sql, params)]

    @locked
    def minutes_history(self, conversation_id: int) -> list[tuple[Revision, list[Confirmation]]]:
        """Every revision with its confirmations, oldest first."""
        every = self.confirmations(conversation_id)
        return [(r, [c for c in every if c.revision == r.revision])
                for r in self.revisions(conversation_id)]
