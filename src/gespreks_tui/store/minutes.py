"""Confirming the minutes: the one place that decides, and records, a confirmation.

Each party confirms one revision once; when both have confirmed the newest
revision the conversation becomes 'confirmed' (locked). ``confirm`` (on
screen) and ``confirm_returned`` (a returned file) both check the
conversation's record inside the write transaction that records the
confirmation (``check_confirmable``). A returned file's content is checked by
``check_copy``, which ``verify`` uses too, so the two cannot disagree about a
file. Revisions, and the record, are ``store.revisions``'; hand-overs,
reopenings and answers to a correction request are ``store.sign_off``'s.

Sign-off as Dutch organisations do it: the employee gives akkoord, gezien
(niet akkoord) or correctie (gevraagd), each with an optional reaction that
is kept for good; the manager signs as the author (vastgesteld). Each
confirmation keeps its channel (on screen, in person; a returned file, with
that file's own sha256) and who entered it (always the manager's copy: the
app is the manager's).

``check_file`` is the whole verdict on a file: it is exactly the revision it
names (``check_copy``) and that revision is the newest (``check_current``);
``verify`` and ``confirm`` both ask it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from gespreks_tui.db import StoreError
from gespreks_tui.errors import MinutesError, Moment, Term
from gespreks_tui.model import VERDICTS_OF, Channel, Party, Status, Verdict
from gespreks_tui.store.base import locked
from gespreks_tui.store.sign_off import SignOffMixin

if TYPE_CHECKING:  # and ``fingerprint``: imported where a returned copy is checked
    from gespreks_tui.model_records import Confirmation, Revision
    from gespreks_tui.record import ConversationRecord, Returned

_VIA = (Channel.SCREEN, Channel.FILE)
REACTION_MOST_CHARS = 200_000  # an employee's reaction (a supplementary statement);
# more is refused with one line (a returned file is at most 1 MB anyway)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def check_copy(record: ConversationRecord | None, returned: Returned, source: str = "",
               database: Path | str = "") -> Revision:
    """The stored revision a returned file names, when its content is exactly that one's.

    Refused with ``StoreError`` "minutes.revision_not_found" (no such revision;
    ``record`` None: no such conversation), ``MinutesError`` "confirm.changed"
    (the content above the fingerprint differs; ``details`` is the diff from
    the stored revision to the file ``source``), or "confirm.fingerprint_changed"
    (the content is the revision's, but the fingerprint line was altered).
    """
    from gespreks_tui.fingerprint import changed_lines, content_diff, issued_content

    named = returned.conversation_id, returned.revision
    stored = (record.revision(returned.revision)
              if record is not None and record.id == returned.conversation_id else None)
    if stored is None:
        same = (record.revision_with(returned.sha256)
                if record is not None and record.id == returned.conversation_id else None)
        if same is not None:  # the content of a stored revision under a number changed by hand
            raise MinutesError("confirm.number_changed", id=named[0], revision=named[1],
                               claimed_id=named[0], actual=same.revision,
                               **({"path": source} if source else {}))
        raise StoreError("minutes.revision_not_found", database, id=named[0], revision=named[1])
    where = {"path": source} if source else {}
    if returned.sha256 != stored.sha256 and _nfc(returned.content) == _nfc(
            issued_content(stored.markdown) or ""):
        returned = replace(returned, sha256=stored.sha256)  # the same text, composed otherwise
    if returned.sha256 != stored.sha256:
        same = record.revision_with(returned.sha256) if record is not None else None
        if same is not None:  # the content of another revision: the number was changed
            raise MinutesError("confirm.number_changed", id=named[0], revision=named[1],
                               claimed_id=named[0], actual=same.revision, **where)
        if returned.fingerprint == returned.sha256:
            # a whole, untouched copy of other minutes under this number: another database
            raise MinutesError("confirm.other_database", id=named[0], revision=named[1],
                               **where)
        diff = content_diff(stored, returned.content, source)
        raise MinutesError("confirm.changed", details=diff, count=changed_lines(diff), **where)
    if returned.fingerprint != stored.sha256:
        raise MinutesError("confirm.fingerprint_changed", **where)
    return stored


def check_current(record: ConversationRecord, revision: int,
                  database: Path | str = "") -> Revision:
    """The stored revision ``revision`` when it is the newest; ``StoreError``
    "minutes.revision_not_found" or "confirm.superseded" (a newer one was issued)."""
    target = record.revision(revision)
    if target is None:
        raise StoreError("minutes.revision_not_found", database, id=record.id, revision=revision)
    latest = record.latest
    if latest is not None and latest.revision != revision:
        raise StoreError("confirm.superseded", database, revision=revision,
                         latest=latest.revision)
    return target


def check_file(record: ConversationRecord | None, returned: Returned, source: str = "",
               database: Path | str = "") -> Revision:
    """The one verdict on a file: exactly the revision it names, and that is the newest."""
    stored = check_copy(record, returned, source, database)
    assert record is not None  # check_copy refuses a missing conversation
    return check_current(record, stored.revision, database)


def check_verdict(party: Party, verdict: Verdict | str, comment: str) -> Verdict:
    """A verdict ``party`` may give (the manager signs as the author: vastgesteld), with a
    reaction of a sensible size (``MinutesError`` otherwise)."""
    try:
        verdict = Verdict(verdict)
    except ValueError:
        raise MinutesError("confirm.unknown_box", party=Term(f"owner.{party}"),
                           label=str(verdict)) from None
    if party == Party.MANAGER and verdict == Verdict.AKKOORD:
        verdict = Verdict.VASTGESTELD  # the author's "akkoord" (an older form) settles them
    if verdict not in VERDICTS_OF[party]:
        raise MinutesError("confirm.wrong_verdict", party=Term(f"owner.{party}"),
                           verdict=Term(f"verdict.{verdict}"))
    if len(comment) > REACTION_MOST_CHARS:
        raise MinutesError("confirm.reaction_too_long", most=REACTION_MOST_CHARS,
                           size=len(comment))
    return verdict


def check_confirmable(record: ConversationRecord, revision: int, party: Party,
                      database: Path | str = "") -> Revision:
    """The revision ``party`` may confirm now: it exists, it is the newest, the
    conversation is concluded, and ``party`` has not confirmed it yet (else ``StoreError``)."""
    target = check_current(record, revision, database)
    if not record.concluded:
        raise StoreError("confirm.not_concluded", database, id=record.id)
    for earlier in record.confirmations_of(revision):
        if earlier.party == party:
            raise StoreError("confirm.already", database, name=earlier.name, revision=revision,
                             at=Moment(earlier.confirmed_at, record.conversation.time_zone))
    return target


class MinutesMixin(SignOffMixin):
    @locked
    def confirm(
        self, conversation_id: int, revision: int, party: Party | str, name: str,
        verdict: Verdict | str, comment: str = "", via: str = "screen",
    ) -> Confirmation:
        """Record one party's verdict on the newest revision of a concluded conversation,
        given in person on the manager's screen.

        Refused (``StoreError``, see ``check_confirmable``) for an older or unknown
        revision, a conversation that is being edited, a party that already
        confirmed this revision, or an empty name; (``MinutesError``,
        ``check_verdict``) for a verdict that is not this party's or a reaction
        that is too long. When both parties have confirmed it, the conversation
        becomes 'confirmed'.
        """
        party = Party(party)
        if via not in _VIA:
            raise ValueError(f"via must be one of {_VIA}")
        verdict = check_verdict(party, verdict, comment)
        with self.db.atomic():  # the write lock first: checked and recorded as one step
            record = self.conversation_record(conversation_id)
            check_confirmable(record, revision, party, self.path)
            return self._record_confirmation(record, revision, party, name, verdict,
                                             comment, via)

    @locked
    def confirm_returned(self, returned: Returned, party: Party | str = Party.EMPLOYEE,
                         name: str | None = None, source: str = "",
                         file_sha256: str | None = None) -> Confirmation:
        """Record ``party``'s verdict (and, for the employee, the comments) from a returned file.

        Refused when the file is not exactly the revision it names (``check_copy``),
        that revision may not be confirmed (``check_confirmable``), no box or
        several boxes are ticked for ``party`` (or a box under the other party's
        heading that is not theirs), the "Naam:" line was changed, the reaction
        is too long, or there is no name (``MinutesError`` "confirm.no_name").
        Nothing is recorded then. ``file_sha256`` is the returned file's own
        sha256 (of its bytes), kept with the confirmation.
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
            check_file(record, returned, source, self.path)
            assert record is not None  # check_copy refuses a missing conversation
            check_confirmable(record, returned.revision, party, self.path)
            verdict = returned.verdict(party)
            written = returned.names.get(party)
            printed = " ".join(record.default_name(party).split())
            if written is not None and written != printed and name is None:
                raise MinutesError("confirm.name_changed", party=Term(f"owner.{party}"),
                                   written=written, printed=printed or "–")
            who = " ".join((name or printed).split())
            if not who:
                raise MinutesError("confirm.no_name", party=Term(f"owner.{party}"))
            comment = returned.comments if party == Party.EMPLOYEE else ""
            verdict = check_verdict(party, verdict, comment)
            return self._record_confirmation(record, returned.revision, party, who, verdict,
                                             comment, Channel.FILE, file_sha256)

    def _record_confirmation(self, record: ConversationRecord, revision: int, party: Party,
                             name: str, verdict: Verdict, comment: str,
                             via: str, file_sha256: str | None = None) -> Confirmation:
        """Insert a checked confirmation; lock the conversation when both have confirmed."""
        from gespreks_tui.model_records import Confirmation

        clean = " ".join(name.split())
        if not clean:
            raise StoreError("confirm.empty_name", self.path)
        target = record.revision(revision)
        assert target is not None  # checked by check_confirmable
        now = self.now()
        cursor = self.db.execute(
            "insert into confirmations (revision_id, party, name, verdict, comment, "
            "confirmed_at, via, file_sha256, entered_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [target.id, str(party), clean, str(verdict), comment, now, str(via), file_sha256,
             str(Party.MANAGER)])
        assert cursor.lastrowid is not None  # an insert into a rowid table
        if len(record.confirmations_of(revision)) + 1 == len(Party):
            self.db.execute("update conversations set status = ?, updated_at = ? where id = ?",
                            [str(Status.CONFIRMED), now, record.id])
        return Confirmation(id=cursor.lastrowid, conversation_id=record.id, revision=revision,
                            party=party, name=clean, verdict=verdict, comment=comment,
                            confirmed_at=now, via=str(via), file_sha256=file_sha256)
