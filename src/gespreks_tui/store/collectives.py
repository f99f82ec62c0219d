"""Collective agreements: defined once, brought into each new conversation they apply to.

A collective is for everyone or for a group of employees. When a
conversation is created (``create_conversation`` calls
``bring_in_collectives``), every active collective that applies to the
employee and has never been brought to this employee before becomes an
ordinary agreement of that conversation (with ``collective_id`` set); from
then on it is followed up per employee like any other agreement, and is
never brought in twice. Ending a collective stops it reaching new
conversations; what was brought in stays.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from gespreks_tui.db import StoreError
from gespreks_tui.model import Agreement, AgreementStatus, Owner, Person
from gespreks_tui.store.agreements import AgreementsMixin
from gespreks_tui.store.base import locked
from gespreks_tui.store.days import iso_day

if TYPE_CHECKING:  # imported where collectives are read (issue 19: start-up)
    from gespreks_tui.model_cycle import Collective

_APPLIES_SQL = """
(k.for_everyone = 1 or exists (select 1 from collective_members m
                               where m.collective_id = k.id and m.person_id = :employee))
"""


class CollectivesMixin(AgreementsMixin):
    def _collectives(self, where: str, params: dict) -> list[Collective]:
        from gespreks_tui.model_cycle import Collective

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
        due = iso_day(due_date)
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
