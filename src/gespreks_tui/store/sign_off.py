"""The sign-off around the confirmations: hand-overs, reopenings with a reason, and
the manager's answer to a correction request; and the record that shows them.

Everything here is kept with the record for good (AVG art. 16: the employee's
reaction is a supplementary statement, and the manager's answer to it belongs
with it). Nothing is changed or removed once written; a later step is a new row.

- ``hand_over`` records that the newest revision was handed over (e-mail,
  paper, screen) with a reaction term; after the term without a reaction the
  record says so as a fact (``SignOff.NO_REACTION``), never as "akkoord".
- ``reopen_with_reason`` reopens a concluded or confirmed conversation for a
  correction and keeps the reason; a pending correction request is answered
  by it ('revised'). The confirmations stay on the old revision.
- ``keep_minutes`` answers a correction request with "the minutes stay as they
  are", with the reason.

The state (``record.sign_off``) is derived, never stored: the list and the
record use the same rule (``record.sign_off_state``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from gespreks_tui.db import StoreError
from gespreks_tui.model import (
    Conversation,
    ConversationSummary,
    HandoverMedium,
    Party,
    SignOff,
    Status,
    Verdict,
)
from gespreks_tui.store.base import locked
from gespreks_tui.store.revisions import RevisionsMixin

if TYPE_CHECKING:  # the record is imported where one is read (issue 19: start-up)
    from gespreks_tui.model_records import Confirmation, Handover, Resolution
    from gespreks_tui.record import ConversationRecord

DEFAULT_TERM_DAYS = 14  # the reaction term of a hand-over (configuration comes later)
REASON_MOST_CHARS = 10_000

_CONFIRMATIONS_SQL = """
select k.*, r.conversation_id, r.revision from confirmations k
join minutes_revisions r on r.id = k.revision_id where r.conversation_id = ?
"""


def _confirmation(row: dict) -> Confirmation:
    from gespreks_tui.model_records import Confirmation

    return Confirmation(
        id=row["id"], conversation_id=row["conversation_id"], revision=row["revision"],
        party=Party(row["party"]), name=row["name"], verdict=Verdict(row["verdict"]),
        comment=row["comment"], confirmed_at=row["confirmed_at"], via=row["via"],
        file_sha256=row.get("file_sha256"), entered_by=Party(row.get("entered_by") or "manager"))


def clean_reason(reason: str, path: object) -> str:
    """A reason as stored: without surrounding blank space; refused when empty or huge."""
    text = "\n".join(line.rstrip() for line in reason.strip().splitlines())
    if not text:
        raise StoreError("sign_off.no_reason", str(path))
    if len(text) > REASON_MOST_CHARS:
        raise StoreError("sign_off.reason_too_long", str(path), most=REASON_MOST_CHARS)
    return text


class SignOffMixin(RevisionsMixin):
    # -- reading -------------------------------------------------------------------
    @locked
    def confirmations(self, conversation_id: int, revision: int | None = None
                      ) -> list[Confirmation]:
        """The confirmations of one revision (or of all), employee before manager,
        with their channel, the returned file's sha256 and who entered them."""
        sql, params = _CONFIRMATIONS_SQL, [conversation_id]
        if revision is not None:
            sql += " and r.revision = ?"
            params.append(revision)
        sql += " order by r.revision, k.party = 'manager', k.id"
        return [_confirmation(r) for r in self._rows(sql, params)]

    @locked
    def conversation_record(self, conversation_id: int) -> ConversationRecord:
        """The record (``RevisionsMixin``'s) with hand-overs, reopenings and answers."""
        from gespreks_tui.model_records import Handover, Reopening, Resolution

        with self._snapshot():
            record = super().conversation_record(conversation_id)
            handovers = tuple(Handover(
                id=r["id"], conversation_id=conversation_id, revision=r["revision"],
                medium=HandoverMedium(r["medium"]), handed_at=r["handed_at"],
                term_days=r["term_days"], until=r["until"], entered_by=Party(r["entered_by"]))
                for r in self._rows(
                    "select h.*, r.revision from handovers h join minutes_revisions r "
                    "on r.id = h.revision_id where r.conversation_id = ? order by r.revision",
                    [conversation_id]))
            reopenings = tuple(Reopening(
                id=r["id"], conversation_id=conversation_id, from_revision=r["from_revision"],
                reason=r["reason"], reopened_at=r["reopened_at"],
                entered_by=Party(r["entered_by"]))
                for r in self._rows("select * from reopenings where conversation_id = ? "
                                    "order by id", [conversation_id]))
            resolutions = tuple(Resolution(
                id=r["id"], confirmation_id=r["confirmation_id"],
                conversation_id=conversation_id, revision=r["revision"], outcome=r["outcome"],
                reason=r["reason"], resolved_at=r["resolved_at"],
                reopening_id=r["reopening_id"])
                for r in self._rows(
                    "select s.*, r.revision from correction_resolutions s "
                    "join confirmations k on k.id = s.confirmation_id "
                    "join minutes_revisions r on r.id = k.revision_id "
                    "where r.conversation_id = ? order by s.id", [conversation_id]))
        return replace(record, handovers=handovers, reopenings=reopenings,
                       resolutions=resolutions, today=self.clock.today().isoformat())

    @locked
    def list_conversations(self, employee_id: int | None = None, limit: int | None = None
                           ) -> list[ConversationSummary]:
        """The list (``ConversationsMixin``'s), each row with its sign-off state."""
        rows = super().list_conversations(employee_id, limit)
        states = self.sign_off_states()
        return [replace(r, sign_off=states[r.id]) if r.id in states else r for r in rows]

    @locked
    def sign_off_states(self) -> dict[int, SignOff]:
        """Conversation id → sign-off state, for those whose newest revision has one."""
        from gespreks_tui.record import sign_off_state

        today = self.clock.today().isoformat()
        found: dict[int, SignOff] = {}
        for r in self._rows(
                "select r.conversation_id, k.verdict, s.outcome, h.until "
                "from minutes_revisions r "
                "left join confirmations k on k.revision_id = r.id and k.party = 'employee' "
                "left join correction_resolutions s on s.confirmation_id = k.id "
                "left join handovers h on h.revision_id = r.id "
                "where (k.verdict = 'correctie' or h.id is not null) and r.revision = "
                "(select max(revision) from minutes_revisions x "
                "where x.conversation_id = r.conversation_id)"):
            state = sign_off_state(r["verdict"], r["outcome"], r["until"], today)
            if state != SignOff.NONE:
                found[r["conversation_id"]] = state
        return found

    # -- writing -------------------------------------------------------------------
    @locked
    def hand_over(self, conversation_id: int, medium: HandoverMedium | str,
                  term_days: int = DEFAULT_TERM_DAYS) -> Handover:
        """Record that the newest revision was handed over, with a reaction term in days.

        Refused (``StoreError``) when no minutes were issued, the conversation is
        being edited, the employee already reacted, or it was handed over already.
        """
        from gespreks_tui.model_records import Handover

        medium = HandoverMedium(medium)
        if not 0 <= term_days <= 366:
            raise StoreError("handover.bad_term", self.path, days=term_days)
        with self.db.atomic():
            record = self.conversation_record(conversation_id)
            latest = record.latest
            if latest is None or not record.concluded:
                raise StoreError("handover.no_minutes", self.path, id=conversation_id)
            if any(k.party == Party.EMPLOYEE for k in record.confirmations_of(latest.revision)):
                raise StoreError("handover.already_reacted", self.path, id=conversation_id,
                                 revision=latest.revision)
            if record.handover_of(latest.revision) is not None:
                raise StoreError("handover.already", self.path, id=conversation_id,
                                 revision=latest.revision)
            now, today = self.now(), self.clock.today()
            until = (today + timedelta(days=term_days)).isoformat()
            cursor = self.db.execute(
                "insert into handovers (revision_id, medium, handed_at, term_days, until, "
                "entered_by) values (?, ?, ?, ?, ?, 'manager')",
                [latest.id, str(medium), now, term_days, until])
            assert cursor.lastrowid is not None
            return Handover(id=cursor.lastrowid, conversation_id=conversation_id,
                            revision=latest.revision, medium=medium, handed_at=now,
                            term_days=term_days, until=until)

    @locked
    def keep_minutes(self, conversation_id: int, reason: str) -> Resolution:
        """Answer the employee's correction request: the minutes stay as they are, because
        ``reason``. Refused when there is no unanswered request on the newest revision."""
        from gespreks_tui.model_records import Resolution

        text = clean_reason(reason, self.path)
        with self.db.atomic():
            record = self.conversation_record(conversation_id)
            request = record.pending_correction()
            if request is None:
                raise StoreError("sign_off.no_correction", self.path, id=conversation_id)
            now = self.now()
            cursor = self.db.execute(
                "insert into correction_resolutions (confirmation_id, outcome, reason, "
                "resolved_at) values (?, 'kept', ?, ?)", [request.id, text, now])
            assert cursor.lastrowid is not None
            return Resolution(id=cursor.lastrowid, confirmation_id=request.id,
                              conversation_id=conversation_id, revision=request.revision,
                              outcome="kept", reason=text, resolved_at=now)

    @locked
    def needs_reopen_reason(self, conversation_id: int) -> bool:
        """Whether reopening asks for a reason: the newest revision was confirmed (by
        anyone), handed over, or has a correction request."""
        record = self.conversation_record(conversation_id)
        latest = record.latest
        return latest is not None and (bool(record.confirmations_of(latest.revision))
                                       or record.handover_of(latest.revision) is not None)

    @locked
    def reopen_with_reason(self, conversation_id: int, reason: str) -> Conversation:
        """Reopen a concluded or confirmed conversation for a correction, keeping why.

        The confirmations stay with the revision they were given on; concluding
        again issues a new revision, which needs new ones and shows the reason.
        An unanswered correction request is answered by it ('revised').
        """
        text = clean_reason(reason, self.path)
        with self.db.atomic():
            record = self.conversation_record(conversation_id)
            if record.conversation.status not in (Status.CONCLUDED, Status.CONFIRMED):
                raise StoreError("sign_off.not_reopenable", self.path, id=conversation_id)
            latest = record.latest
            now = self.now()
            cursor = self.db.execute(
                "insert into reopenings (conversation_id, from_revision, reason, reopened_at, "
                "entered_by) values (?, ?, ?, ?, 'manager')",
                [conversation_id, latest.revision if latest else None, text, now])
            request = record.pending_correction()
            if request is not None:
                self.db.execute(
                    "insert into correction_resolutions (confirmation_id, outcome, reason, "
                    "resolved_at, reopening_id) values (?, 'revised', ?, ?, ?)",
                    [request.id, text, now, cursor.lastrowid])
            return self.reopen(conversation_id, correction=True)
