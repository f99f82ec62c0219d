"""What is due: open agreements and next evaluations, past or within a window.

``due(today, within_days)`` is the list behind ``gespreks due`` and the
start screen: agreements with a due date, and the next evaluation of each
employee's latest conversation, sorted by date, then employee. People who
have left are skipped. Open reaction terms are due too: minutes handed over
without a reaction yet (``store.hand_over``), until the term's last day.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from gespreks_tui.model import DueItem, DueKind, Kind, Owner
from gespreks_tui.store.base import StoreBase, locked
from gespreks_tui.store.days import as_date


class DueMixin(StoreBase):
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
        day = as_date(today)
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
        for r in self._rows(
                "select h.until as date, r.conversation_id, r.revision, c.kind, "
                "p.id as employee_id, p.name from handovers h "
                "join minutes_revisions r on r.id = h.revision_id "
                "join conversations c on c.id = r.conversation_id "
                "join people p on p.id = c.employee_id "
                "where h.until >= :today and h.until <= :limit "
                "and r.revision = (select max(revision) from minutes_revisions x "
                "where x.conversation_id = r.conversation_id) "
                "and not exists (select 1 from confirmations k where k.revision_id = r.id "
                "and k.party = 'employee')" + only + here, params):
            items += [replace(item, revision=r["revision"])
                      for item in self._due_item(DueKind.REACTION, r, day)]
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
