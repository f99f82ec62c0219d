"""Confirming the minutes: the one place that decides, and records, a confirmation.

Each party confirms one revision once; when both have confirmed the newest
revision the conversation becomes 'confirmed' (locked). ``confirm`` (on
screen) and ``confirm_returned`` (a returned file) both check the
conversation's record inside the write transaction that records the
confirmation (``check_confirmable``). A returned file's content is checked by
``check_copy``, which ``verify`` uses too, so the two cannot disagree about a
file. Revisions, and the record, are ``store.revisions``'.
"""

from __future__ import annotations

from pathlib import Path

from gespreks_tui.db import StoreError
from gespreks_tui.errors import MinutesError, Moment, Term
from gespreks_tui.fingerprint import changed_lines, content_diff
from gespreks_tui.model import Confirmation, Party, Revision, Status, Verdict
from gespreks_tui.record import ConversationRecord, Returned
from gespreks_tui.store.base import locked
from gespreks_tui.store.revisions import RevisionsMixin

_VIA = ("screen", "file")


def check_copy(record: ConversationRecord | None, returned: Returned, source: str = "",
               database: Path | str = "") -> Revision:
    """The stored revision a returned file names, when its content is exactly that one's.

    Refused with ``StoreError`` "minutes.revision_not_found" (no such revision;
    ``record`` None: no such conversation), ``MinutesError`` "confirm.changed"
    (the content above the fingerprint differs; ``details`` is the diff from
    the stored revision to the file ``source``), or "confirm.fingerprint_changed"
    (the content is the revision's, but the fingerprint line was altered).
    """
    named = returned.conversation_id, returned.revision
    stored = (record.revision(returned.revision)
              if record is not None and record.id == returned.conversation_id else None)
    if stored is None:
        raise StoreError("minutes.revision_not_found", database, id=named[0], revision=named[1])
    where = {"path": source} if source else {}
    if returned.sha256 != stored.sha256:
        diff = content_diff(stored, returned.content, source)
        raise MinutesError("confirm.changed", details=diff, count=changed_lines(diff), **where)
    if returned.fingerprint != stored.sha256:
        raise MinutesError("confirm.fingerprint_changed", **where)
    return stored


def check_confirmable(record: ConversationRecord, revision: int, party: Party,
                      database: Path | str = "") -> Revision:
    """The revision ``party`` may confirm now: it exists, it is the newest, the
    conversation is concluded, and ``party`` has not confirmed it yet (else ``StoreError``)."""
    target = record.revision(revision)
    if target is None:
        raise StoreError("minutes.revision_not_found", database, id=record.id, revision=revision)
    latest = record.latest
    if latest is not None and latest.revision != revision:
        raise StoreError("confirm.superseded", database, revision=revision,
                         latest=latest.revision)
    if not record.concluded:
        raise StoreError("confirm.not_concluded", database, id=record.id)
    for earlier in record.confirmations_of(revision):
        if earlier.party == party:
            raise StoreError("confirm.already", database, name=earlier.name, revision=revision,
                             at=Moment(earlier.confirmed_at))
    return target


class MinutesMixin(RevisionsMixin):
    @locked
    def confirm(
        self, conversation_id: int, revision: int, party: Party | str, name: str,
        verdict: Verdict | str, comment: str = "", via: str = "screen",
    ) -> Confirmation:
        """Record one party's verdict on the newest revision of a concluded conversation.

        Refused (``StoreError``, see ``check_confirmable``) for an older or unknown
        revision, a conversation that is being edited, a party that already
        confirmed this revision, or an empty name. When both parties have
        confirmed it, the conversation becomes 'confirmed'.
        """
        party, verdict = Party(party), Verdict(verdict)
        if via not in _VIA:
            raise ValueError(f"via must be one of {_VIA}")
        with self.db.atomic():  # the write lock first: checked and recorded as one step
            record = self.conversation_record(conversation_id)
            check_confirmable(record, revision, party, self.path)
            return self._record_confirmation(record, revision, party, name, verdict,
                                             comment, via)

    @locked
    def confirm_returned(self, returned: Returned, party: Party | str = Party.EMPLOYEE,
                         name: str | None = None, source: str = "") -> Confirmation:
        """Record ``party``'s verdict (and, for the employee, the comments) from a returned file.

        Refused when the file is not exactly the revision it names (``check_copy``),
        that revision may not be confirmed (``check_confirmable``), no box or
        several boxes are ticked for ``party``, or there is no name
        (``MinutesError`` "confirm.no_name"). Nothing is recorded then.
        """
        party = Party(party)
        with self.db.atomic():
            try:
                record: ConversationRecord | None = self.conversation_record(
                    returned.conversation_id)
            except StoreError as error:
                if error.key != "conversation.not_found":
                    raise
                record = None
            check_copy(record, returned, source, self.path)
            assert record is not None  # check_copy refuses a missing conversation
            check_confirmable(record, returned.revision, party, self.path)
            verdict = returned.verdict(party)
            who = " ".join((name or record.default_name(party)).split())
            if not who:
                raise MinutesError("confirm.no_name", party=Term(f"owner.{party}"))
            comment = returned.comments if party == Party.EMPLOYEE else ""
            return self._record_confirmation(record, returned.revision, party, who, verdict,
                                             comment, "file")

    def _record_confirmation(self, record: ConversationRecord, revision: int, party: Party,
                             name: str, verdict: Verdict, comment: str,
                             via: str) -> Confirmation:
        """Insert a checked confirmation; lock the conversation when both have confirmed."""
        clean = " ".join(name.split())
        if not clean:
            raise StoreError("confirm.empty_name", self.path)
        target = record.revision(revision)
        assert target is not None  # checked by check_confirmable
        now = self.now()
        cursor = self.db.execute(
            "insert into confirmations (revision_id, party, name, verdict, comment, "
            "confirmed_at, via) values (?, ?, ?, ?, ?, ?, ?)",
            [target.id, str(party), clean, str(verdict), comment, now, via])
        assert cursor.lastrowid is not None  # an insert into a rowid table
        if len(record.confirmations_of(revision)) + 1 == len(Party):
            self.db.execute("update conversations set status = ?, updated_at = ? where id = ?",
                            [str(Status.CONFIRMED), now, record.id])
        return Confirmation(id=cursor.lastrowid, conversation_id=record.id, revision=revision,
                            party=party, name=clean, verdict=verdict, comment=comment,
                            confirmed_at=now, via=via)
