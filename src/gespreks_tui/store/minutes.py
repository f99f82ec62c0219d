"""Revisions of the minutes and the two parties' confirmations.

A revision is the Markdown of the minutes as issued, with the sha256 of its
content (see ``gespreks_tui.minutes.canonical``). Publishing unchanged content
again gives the same revision; a changed content gives the next number. Each
party confirms one revision once; when both have confirmed the newest revision
the conversation becomes 'confirmed' (locked). Old revisions and their
confirmations are never changed or removed.
"""

from __future__ import annotations

import threading

from gespreks_tui.db import StoreError
from gespreks_tui.model import Confirmation, Party, Revision, Status, Verdict
from gespreks_tui.store.base import locked

_VIA = ("screen", "file")

_CONFIRMATION_SQL = """
select k.*, r.conversation_id, r.revision from confirmations k
join minutes_revisions r on r.id = k.revision_id
"""


def _revision(row: dict) -> Revision:
    return Revision(id=row["id"], conversation_id=row["conversation_id"],
                    revision=row["revision"], markdown=row["markdown"], sha256=row["sha256"],
                    created_at=row["created_at"])


def _confirmation(row: dict) -> Confirmation:
    return Confirmation(id=row["id"], conversation_id=row["conversation_id"],
                        revision=row["revision"], party=Party(row["party"]), name=row["name"],
                        verdict=Verdict(row["verdict"]), comment=row["comment"],
                        confirmed_at=row["confirmed_at"], via=row["via"])


class MinutesMixin:
    def exclusive(self) -> threading.RLock:
        """Hold this (``with store.exclusive():``) to make several calls one step."""
        return self._lock

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

        A new revision of a confirmed conversation needs new confirmations, so
        the conversation goes back to 'concluded'.
        """
        latest = self.latest_revision(conversation_id)
        if latest is not None and latest.sha256 == sha256:
            return latest.revision
        number = latest.revision + 1 if latest else 1
        with self.db.atomic():
            self.db["minutes_revisions"].insert({
                "conversation_id": conversation_id, "revision": number,
                "markdown": markdown, "sha256": sha256, "created_at": self.now()})
            self.db.execute("update conversations set status = ? where id = ? and status = ?",
                            [str(Status.CONCLUDED), conversation_id, str(Status.CONFIRMED)])
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

    @locked
    def confirm(
        self, conversation_id: int, revision: int, party: Party | str, name: str,
        verdict: Verdict | str, comment: str = "", via: str = "screen",
    ) -> Confirmation:
        """Record one party's verdict on the newest revision of a concluded conversation.

        Refused (StoreError) for an empty name, an older revision, a conversation
        that is being edited, or a party that already confirmed this revision.
        When both parties have confirmed it, the conversation becomes 'confirmed'.
        """
        party, verdict = Party(party), Verdict(verdict)
        if via not in _VIA:
            raise ValueError(f"via must be one of {_VIA}")
        clean = " ".join(name.split())
        if not clean:
            raise StoreError("confirm.empty_name", self.path)
        conversation = self.get_conversation(conversation_id)
        target = self.get_revision(conversation_id, revision)
        latest = self.latest_revision(conversation_id)
        if latest is not None and latest.revision != revision:
            raise StoreError("confirm.superseded", self.path, revision=revision,
                             latest=latest.revision)
        if conversation.status not in (Status.CONCLUDED, Status.CONFIRMED):
            raise StoreError("confirm.not_concluded", self.path, id=conversation_id)
        for earlier in self.confirmations(conversation_id, revision):
            if earlier.party == party:
                from gespreks_tui.minutes.dutch_time import dutch

                moment = dutch(earlier.confirmed_at).strftime("%Y-%m-%d %H:%M")
                raise StoreError("confirm.already", self.path, name=earlier.name,
                                 revision=revision, at=moment)
        table = self.db["confirmations"]
        with self.db.atomic():
            table.insert({
                "revision_id": target.id, "party": str(party), "name": clean,
                "verdict": str(verdict), "comment": comment, "confirmed_at": self.now(),
                "via": via})
            new_id = table.last_pk
            if len(self.confirmations(conversation_id, revision)) == len(Party):
                self.db.execute(
                    "update conversations set status = ?, updated_at = ? where id = ?",
                    [str(Status.CONFIRMED), self.now(), conversation_id])
        return next(c for c in self.confirmations(conversation_id, revision) if c.id == new_id)
