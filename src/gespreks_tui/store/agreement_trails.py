"""The trail of an agreement across the cycle, and marking it done in between.

An agreement is one row for its whole life. Carried on in a later
conversation, it stays that same row (still open) and gains a follow-up row
there; the trail of an agreement is therefore: made in its conversation, then
each follow-up in date order, then — if it was closed without a follow-up —
"done in between" (``gespreks done``, ``mark_done_between``) or "done" in its
own meeting. Making, editing and following up agreements is in
``store.agreements``.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from gespreks_tui.db import StoreError
from gespreks_tui.model import Agreement, AgreementStatus, Kind, Outcome, StepKind
from gespreks_tui.store.agreements import AgreementsMixin, _agreement
from gespreks_tui.store.base import locked

if TYPE_CHECKING:  # imported where a trail is read (issue 19: start-up)
    from gespreks_tui.model_cycle import AgreementHistory, TrailStep

_HISTORY_SQL = """
select a.*, c.kind as c_kind, coalesce(c.started_at, c.created_at) as c_date,
       c.ended_at as c_ended
from agreements a join conversations c on c.id = a.conversation_id
"""

_FOLLOW_UPS_SQL = """
select f.id, f.agreement_id, f.conversation_id, f.outcome, f.comment, c.kind,
       coalesce(c.started_at, c.created_at) as date
from follow_ups f join conversations c on c.id = f.conversation_id
where f.agreement_id in (select a.id from agreements a
                         join conversations c on c.id = a.conversation_id {where})
order by date, f.id
"""


def _done_between(row: dict) -> bool:
    """Closed without a follow-up, after its own conversation had ended (or with a note).

    ``mark_done_between`` records the outcome 'achieved', so it stays "done in
    between" even after its own conversation was reopened and concluded again.
    """
    if row["done_note"].strip() or row["outcome"] is not None:
        return True
    return bool(row["c_ended"] and row["done_at"] and row["done_at"] > row["c_ended"])


def _steps(row: dict, follow_ups: list[dict]) -> tuple[TrailStep, ...]:
    from gespreks_tui.model_cycle import TrailStep

    steps = [TrailStep(StepKind.MADE, row["c_date"], row["conversation_id"], Kind(row["c_kind"]),
                       collective_id=row["collective_id"])]
    steps += [TrailStep(StepKind.FOLLOWED_UP, f["date"], f["conversation_id"], Kind(f["kind"]),
                        Outcome(f["outcome"]), f["comment"]) for f in follow_ups]
    closed_by_follow_up = bool(follow_ups) and follow_ups[-1]["outcome"] != Outcome.CARRIED_ON
    if row["status"] == AgreementStatus.DONE and not closed_by_follow_up:
        when = row["done_at"] or row["updated_at"]
        if _done_between(row):
            steps.append(TrailStep(StepKind.DONE_BETWEEN, when, comment=row["done_note"]))
        else:
            steps.append(TrailStep(StepKind.DONE, when, row["conversation_id"],
                                   Kind(row["c_kind"])))
    elif row["status"] == AgreementStatus.DROPPED:
        steps.append(TrailStep(StepKind.DROPPED, row["updated_at"]))
    return tuple(steps)


class AgreementTrailsMixin(AgreementsMixin):
    # -- agreements done between conversations --------------------------------------------
    @locked
    def mark_done_between(self, agreement_id: int, note: str = "") -> Agreement:
        """Mark an open agreement of a concluded conversation done, with an optional note.

        Its outcome becomes 'achieved'; the minutes of its own conversation keep
        showing it open, as it was concluded there.

        Refused (``StoreError``) when the agreement does not exist, is not open,
        or belongs to a conversation that is still running (tick it there).
        """
        rows = self._rows(_HISTORY_SQL + " where a.id = ?", [agreement_id])
        if not rows:
            raise StoreError("agreement.not_found", self.path, id=agreement_id)
        row = rows[0]
        if row["status"] == AgreementStatus.DONE:
            raise StoreError("agreement.already_done", self.path, id=agreement_id,
                             date=(row["done_at"] or row["updated_at"])[:10])
        if row["status"] != AgreementStatus.OPEN:
            raise StoreError("agreement.not_open", self.path, id=agreement_id)
        if row["c_ended"] is None:
            raise StoreError("agreement.conversation_running", self.path, id=agreement_id,
                             conversation=row["conversation_id"])
        now = self.now()
        done_at = now
        if now <= row["c_ended"]:
            # Same second as the conclusion (only with a stopped clock): keep "after it ended".
            ended = datetime.fromisoformat(row["c_ended"]) + timedelta(seconds=1)
            done_at = ended.isoformat(timespec="seconds")
        self.db.execute(
            "update agreements set status = ?, done_at = ?, done_note = ?, outcome = ?, "
            "updated_at = ? where id = ? and status = ?",
            [str(AgreementStatus.DONE), done_at, note.strip(), str(Outcome.ACHIEVED), now,
             agreement_id, str(AgreementStatus.OPEN)])
        return self.get_agreement(agreement_id)

    # -- trails ------------------------------------------------------------------------
    def _histories(self, where: str, params: dict) -> list[AgreementHistory]:
        from gespreks_tui.model_cycle import AgreementHistory

        rows = self._rows(_HISTORY_SQL + where + " order by c_date, c.id, a.position, a.id",
                          params)
        if not rows:
            return []
        follow_ups: dict[int, list[dict]] = defaultdict(list)
        for f in self._rows(_FOLLOW_UPS_SQL.format(where=where), params):
            follow_ups[f["agreement_id"]].append(f)
        return [AgreementHistory(agreement=_agreement(r), conversation_kind=Kind(r["c_kind"]),
                                 conversation_date=r["c_date"],
                                 steps=_steps(r, follow_ups[r["id"]]))
                for r in rows]

    @locked
    def agreement_trail(self, agreement_id: int) -> list[TrailStep]:
        """Made in…, followed up in… (outcome, comment) each time, done in between…"""
        found = self._histories(" where a.id = :id", {"id": agreement_id})
        if not found:
            raise StoreError("agreement.not_found", self.path, id=agreement_id)
        return list(found[0].steps)

    @locked
    def conversation_trails(self, conversation_id: int) -> dict[int, list[TrailStep]]:
        """The trail of every agreement made in one conversation, by agreement id."""
        return {h.agreement.id: list(h.steps) for h in self._histories(
            " where a.conversation_id = :conversation", {"conversation": conversation_id})}

    @locked
    def agreement_history(self, employee_id: int) -> list[AgreementHistory]:
        """Every agreement made with one employee, oldest conversation first, with trails."""
        return self._histories(" where c.employee_id = :employee", {"employee": employee_id})

    def _done_between_where(self, employee_id: int, conversation_id: int) -> tuple[str, dict]:
        """The agreements done since the employee's conversation before this one (all of
        them when there is none): ``_histories``' where clause and its parameters."""
        previous = self.db.execute(
            "select created_at from conversations where employee_id = ? and id != ? and "
            "created_at <= (select created_at from conversations where id = ?) "
            "order by created_at desc, id desc limit 1",
            [employee_id, conversation_id, conversation_id]).fetchone()
        since = previous[0] if previous else ""
        return (" where c.employee_id = :employee and a.conversation_id != :conversation "
                "and a.status = 'done' and a.done_at >= :since",
                {"employee": employee_id, "conversation": conversation_id, "since": since})

    @locked
    def done_between_of(self, employee_id: int, conversation_id: int) -> list[AgreementHistory]:
        """Agreements marked done in between since the conversation before this one.

        For the meeting: "achieved in between" since the employee's previous
        conversation (all of them when there is none).
        """
        found = self._histories(*self._done_between_where(employee_id, conversation_id))
        return [h for h in found if h.done_between]

    @locked
    def agreements_done_between(self, employee_id: int, conversation_id: int) -> list[Agreement]:
        """The agreements of ``done_between_of``, without their trails: what a meeting
        needs at its start, so the trails' types load when a trail is shown (issue 19:
        start-up). A trail ends "done in between" when the agreement is done, no
        follow-up closed it (the last one, if any, carried it on) and ``_done_between``."""
        where, params = self._done_between_where(employee_id, conversation_id)
        rows = self._rows(_HISTORY_SQL + where + " order by c_date, c.id, a.position, a.id",
                          params)
        if not rows:
            return []
        last: dict[int, str] = {}  # each agreement's last follow-up's outcome, in trail order
        for f in self._rows(_FOLLOW_UPS_SQL.format(where=where), params):
            last[f["agreement_id"]] = f["outcome"]
        return [_agreement(r) for r in rows
                if r["status"] == AgreementStatus.DONE and _done_between(r)
                and last.get(r["id"], Outcome.CARRIED_ON) == Outcome.CARRIED_ON]
