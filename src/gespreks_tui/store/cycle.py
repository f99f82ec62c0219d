"""Across the cycle: agreements done in between, trails, collective agreements, what is due.

An agreement is one row for its whole life. Carried on in a later
conversation, it stays that same row (still open) and gains a follow-up row
there; the trail of an agreement is therefore: made in its conversation, then
each follow-up in date order, then — if it was closed without a follow-up —
"done in between" (``gespreks done``) or "done" in its own meeting.

Collective agreements are defined once. When a conversation is created, every
active collective that applies to the employee and has never been brought to
this employee before becomes an ordinary agreement of that conversation (with
``collective_id`` set); from then on it is followed up per employee like any
other agreement, and is never brought in twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from gespreks_tui.db import StoreError
from gespreks_tui.model import (
    Agreement,
    AgreementHistory,
    AgreementStatus,
    Collective,
    DueItem,
    DueKind,
    Kind,
    Outcome,
    Owner,
    Person,
    StepKind,
    TrailStep,
)
from gespreks_tui.store.agreements import _agreement
from gespreks_tui.store.base import locked

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

_APPLIES_SQL = """
(k.for_everyone = 1 or exists (select 1 from collective_members m
                               where m.collective_id = k.id and m.person_id = :employee))
"""


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def _iso_day(value: date | str | None) -> str | None:
    """A due date as YYYY-MM-DD (a ``date`` or a string that already is one)."""
    if value is None:
        return None
    return _as_date(value).isoformat()


def _done_between(row: dict) -> bool:
    """Closed without a follow-up, after its own conversation had ended (or with a note)."""
    if row["done_note"].strip():
        return True
    return bool(row["c_ended"] and row["done_at"] and row["done_at"] > row["c_ended"])


def _steps(row: dict, follow_ups: list[dict]) -> tuple[TrailStep, ...]:
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


class CycleMixin:
    # -- agreements done between conversations --------------------------------------------
    @locked
    def mark_done_between(self, agreement_id: int, note: str = "") -> Agreement:
        """Mark an open agreement of a concluded conversation done, with an optional note.

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
            "update agreements set status = ?, done_at = ?, done_note = ?, updated_at = ? "
            "where id = ? and status = ?",
            [str(AgreementStatus.DONE), done_at, note.strip(), now, agreement_id,
             str(AgreementStatus.OPEN)])
        return self.get_agreement(agreement_id)

    # -- trails ------------------------------------------------------------------------
    def _histories(self, where: str, params: dict) -> list[AgreementHistory]:
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

    @locked
    def done_between_of(self, employee_id: int, conversation_id: int) -> list[AgreementHistory]:
        """Agreements marked done in between since the conversation before this one.

        For the meeting: "achieved in between" since the employee's previous
        conversation (all of them when there is none).
        """
        previous = self.db.execute(
            "select created_at from conversations where employee_id = ? and id != ? and "
            "created_at <= (select created_at from conversations where id = ?) "
            "order by created_at desc, id desc limit 1",
            [employee_id, conversation_id, conversation_id]).fetchone()
        since = previous[0] if previous else ""
        found = self._histories(
            " where c.employee_id = :employee and a.conversation_id != :conversation "
            "and a.status = 'done' and a.done_at >= :since",
            {"employee": employee_id, "conversation": conversation_id, "since": since})
        return [h for h in found if h.done_between]

    # -- collective agreements ---------------------------------------------------------
    def _collectives(self, where: str, params: dict) -> list[Collective]:
        rows = self._rows("select k.* from collectives k " + where + " order by k.id", params)
        if not rows:
            return []
        members: dict[int, list[Person]] = defaultdict(list)
        ids = [r["id"] for r in rows]
        for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
            for m in self._rows(
                    "select m.collective_id, p.id, p.name, p.left_on from collective_members m "
                    "join people p on p.id = m.person_id where m.collective_id in "
                    f"({','.join('?' * len(chunk))}) order by p.name collate nocase", chunk):
                members[m["collective_id"]].append(
                    Person(id=m["id"], name=m["name"], left_on=m["left_on"]))
        return [Collective(id=r["id"], text=r["text"], due_date=r["due_date"],
                           for_everyone=bool(r["for_everyone"]), created_at=r["created_at"],
                           ended_at=r["ended_at"], members=tuple(members[r["id"]]))
                for r in rows]

    @locked
    def add_collective(
        self, text: str, due_date: date | str | None = None,
        employee_ids: Iterable[int] | None = None,
    ) -> Collective:
        """Define a collective agreement: for everyone (``employee_ids=None``) or a group.

        It reaches every conversation created from now on with someone it applies to.
        """
        clean = text.strip()
        if not clean:
            raise ValueError("empty collective agreement")
        due = _iso_day(due_date)
        members = None if employee_ids is None else list(dict.fromkeys(employee_ids))
        if members is not None and not members:
            raise ValueError("a group needs at least one employee")
        now = self.now()
        table = self.db["collectives"]
        with self.db.atomic():
            for person_id in members or []:
                if not self.db.execute("select 1 from people where id = ?",
                                       [person_id]).fetchone():
                    raise StoreError("person.not_found", self.path, name=person_id)
            table.insert({"text": clean, "due_date": due, "for_everyone": int(members is None),
                          "created_at": now, "ended_at": None})
            collective_id = table.last_pk
            self.db["collective_members"].insert_all(
                {"collective_id": collective_id, "person_id": p} for p in members or [])
        return self.get_collective(collective_id)

    @locked
    def get_collective(self, collective_id: int) -> Collective:
        found = self._collectives("where k.id = :id", {"id": collective_id})
        if not found:
            raise StoreError("collective.not_found", self.path, id=collective_id)
        return found[0]

    @locked
    def list_collectives(self, include_ended: bool = False) -> list[Collective]:
        """Collective agreements, oldest first; ended ones only when asked."""
        return self._collectives("" if include_ended else "where k.ended_at is null", {})

    @locked
    def end_collective(self, collective_id: int) -> Collective:
        """Stop a collective reaching new conversations; what was brought in stays."""
        collective = self.get_collective(collective_id)
        if collective.ended_at:
            raise StoreError("collective.already_ended", self.path, id=collective_id,
                             date=collective.ended_at[:10])
        self.db.execute("update collectives set ended_at = ? where id = ?",
                        [self.now(), collective_id])
        return self.get_collective(collective_id)

    @locked
    def collectives_for(self, employee_id: int) -> list[Collective]:
        """The active collectives that apply to one employee."""
        return self._collectives("where k.ended_at is null and " + _APPLIES_SQL,
                                 {"employee": employee_id})

    @locked
    def bring_in_collectives(self, conversation_id: int, employee_id: int) -> list[Agreement]:
        """Add to a new conversation each collective that applies and never reached this employee.

        Called by ``create_conversation``. A collective already brought in (open,
        carried on, or closed by a follow-up) is not added again.
        """
        rows = self._rows(
            "select k.id, k.text, k.due_date from collectives k where k.ended_at is null and "
            + _APPLIES_SQL + " and not exists (select 1 from agreements a join conversations c "
            "on c.id = a.conversation_id where a.collective_id = k.id "
            "and c.employee_id = :employee) order by k.id", {"employee": employee_id})
        if not rows:
            return []
        now = self.now()
        with self.db.atomic():
            start = self.db.execute(
                "select coalesce(max(position), -1) + 1 from agreements "
                "where conversation_id = ?", [conversation_id]).fetchone()[0]
            for offset, row in enumerate(rows):
                self.db.execute(
                    "insert into agreements (conversation_id, position, text, owner, due_date, "
                    "status, collective_id, created_at, updated_at) "
                    "values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [conversation_id, start + offset, row["text"], str(Owner.EMPLOYEE),
                     row["due_date"], str(AgreementStatus.OPEN), row["id"], now, now])
        brought = {r["id"] for r in rows}
        return [a for a in self.agreements(conversation_id) if a.collective_id in brought]

    # -- what is due -------------------------------------------------------------------
    @locked
    def due(
        self, today: date | str, within_days: int = 14, employee_id: int | None = None
    ) -> list[DueItem]:
        """Open agreements and next evaluations that are past or within ``within_days``.

        Only the latest conversation of each employee counts for the next
        evaluation. People who have left (``left_on`` on or before today) are
        skipped. Sorted by date, then employee.
        """
        if within_days < 0:
            raise ValueError("within_days must not be negative")
        day = _as_date(today)
        params = {"limit": (day + timedelta(days=within_days)).isoformat(),
                  "today": day.isoformat(), "employee": employee_id}
        only = " and p.id = :employee" if employee_id is not None else ""
        here = " and (p.left_on is null or p.left_on > :today)"
        items: list[DueItem] = []
        for r in self._rows(
                "select a.id, a.text, a.owner, a.due_date as date, a.conversation_id, "
                "a.collective_id, c.kind, p.id as employee_id, p.name from agreements a "
                "join conversations c on c.id = a.conversation_id "
                "join people p on p.id = c.employee_id "
                "where a.status = 'open' and a.due_date is not null and a.due_date <= :limit"
                + only + here, params):
            items += self._due_item(DueKind.AGREEMENT, r, day)
        for r in self._rows(
                "select c.id as conversation_id, c.kind, c.next_evaluation as date, "
                "p.id as employee_id, p.name from people p "
                "join conversations c on c.id = (select c2.id from conversations c2 "
                "where c2.employee_id = p.id order by c2.created_at desc, c2.id desc limit 1) "
                "where c.next_evaluation is not null and c.next_evaluation <= :limit"
                + only + here, params):
            items += self._due_item(DueKind.EVALUATION, r, day)
        return sorted(items, key=lambda i: (i.date, i.employee.casefold(), i.kind != "evaluation",
                                            i.agreement_id or 0))

    @staticmethod
    def _due_item(kind: DueKind, r: dict, today: date) -> list[DueItem]:
        try:
            when = date.fromisoformat(r["date"])
        except (TypeError, ValueError):
            return []  # not a date we can compare; never hide the rest because of it
        return [DueItem(
            kind=kind, date=when.isoformat(), employee_id=r["employee_id"], employee=r["name"],
            conversation_id=r["conversation_id"], conversation_kind=Kind(r["kind"]),
            overdue=when < today, days=(when - today).days,
            text=r.get("text") or "", agreement_id=r.get("id"),
            owner=Owner(r["owner"]) if r.get("owner") else None,
            collective_id=r.get("collective_id"))]
