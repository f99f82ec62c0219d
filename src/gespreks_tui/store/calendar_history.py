"""What a calendar file may have held: every dated thing, with when it last changed.

``gespreks calendar`` writes the running terms as events with stable UIDs
(``calendar_events``). A calendar program keeps an event it imported until a
newer file says otherwise, so an event that no longer applies must be sent
again as cancelled, and every changed event with a higher ``SEQUENCE``. Both
are derived from what the store holds, no record of exported files is kept:

- ``calendar_things`` lists every thing that may have been an event (an
  agreement with a due date, an employee's next evaluation, a conversation's
  reaction term, a beoordeling's terms), each keyed as ``calendar_events.due_uid``
  keys them, with ``changed_at``: the newest stored moment that can change its
  event (an edit, a hand-over, a step of the procedure, a confirmation, leaving).

Which of them are cancelled (not running any more) is decided by
``calendar_events`` against the running list of ``due``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gespreks_tui.store.base import StoreBase, locked

if TYPE_CHECKING:  # made where the things are read (store.records)
    from gespreks_tui.store.records import CalendarThing

# key: the thing as ``due_uid`` names it; changed: the newest moment (ISO text) or
# day (a ``left_on``) that changes its event; max() of ISO texts is the latest.
_AGREEMENTS = """
select 'agreement-' || a.id as key, 'agreement' as kind, a.id as agreement_id,
       a.text, a.due_date as date, c.id as conversation_id, c.kind as conversation_kind,
       null as revision, p.id as employee_id,
       p.name, max(a.updated_at, coalesce(a.done_at, ''),
                   coalesce(case when p.left_on <= :today then p.left_on end, ''))
           as changed
from agreements a
join conversations c on c.id = a.conversation_id
join people p on p.id = c.employee_id
where a.due_date is not null and (a.status = 'open' or a.updated_at >= :since) {only}
"""
_EVALUATIONS = """
select 'evaluation-employee-' || p.id as key, 'evaluation' as kind,
       null as agreement_id, '' as text,
       (select c2.next_evaluation from conversations c2 where c2.employee_id = p.id
        and c2.next_evaluation is not null order by c2.created_at desc, c2.id desc limit 1)
           as date,
       c.id as conversation_id, c.kind as conversation_kind, null as revision,
       p.id as employee_id, p.name,
       max(c.updated_at, coalesce(case when p.left_on <= :today then p.left_on end, ''))
           as changed
from people p
join conversations c on c.id = (select c3.id from conversations c3
    where c3.employee_id = p.id order by c3.created_at desc, c3.id desc limit 1)
where exists (select 1 from conversations c4 where c4.employee_id = p.id
              and c4.next_evaluation is not null) {only}
"""
# The latest hand-over of each conversation that has one, and for a beoordeling
# its concluded meeting; the reaction term of another kind ends on ``until``.
_TERMS = """
select c.id as conversation_id, c.kind, c.ended_at, p.id as employee_id, p.name,
       h.handed_at, h.until, (select r5.revision from minutes_revisions r5
                              where r5.id = h.revision_id) as revision,
       max(coalesce(c.ended_at, ''), coalesce(h.handed_at, ''),
           coalesce((select max(s.at) from appraisal_steps s where s.conversation_id = c.id),
                    ''),
           coalesce((select max(k.confirmed_at) from confirmations k
                     join minutes_revisions r3 on r3.id = k.revision_id
                     where r3.conversation_id = c.id), ''),
           coalesce((select max(r4.created_at) from minutes_revisions r4
                     where r4.conversation_id = c.id), ''),
           coalesce(case when p.left_on <= :today then p.left_on end, '')) as changed
from conversations c
join people p on p.id = c.employee_id
left join handovers h on h.id = (select h2.id from handovers h2 join minutes_revisions r2
    on r2.id = h2.revision_id where r2.conversation_id = c.id order by r2.revision desc limit 1)
where ((c.kind = 'beoordeling' and c.ended_at is not null)
       or (c.kind != 'beoordeling' and h.id is not null)) {only}
"""


class CalendarHistoryMixin(StoreBase):
    @locked
    def calendar_things(self, today: str, since: str, employee_id: int | None = None
                        ) -> list[CalendarThing]:
        """Every thing that may have been in a calendar file (see the module); of the
        agreements closed, those changed on ``since`` or later (thousands are not)."""
        from gespreks_tui.store.records import CalendarThing

        params = {"today": today, "since": since, "employee": employee_id}
        only = "and p.id = :employee" if employee_id is not None else ""
        found: list[CalendarThing] = []
        for sql in (_AGREEMENTS, _EVALUATIONS):
            found += [CalendarThing(
                r["key"], r["kind"], r["date"], r["employee_id"], r["name"],
                r["conversation_id"], r["conversation_kind"], r["changed"],
                r["agreement_id"], r["text"] or "")
                for r in self._rows(sql.format(only=only), params)]
        for r in self._rows(_TERMS.format(only=only), params):
            kinds: dict[str, str | None]
            if r["kind"] != "beoordeling":
                kinds = {"reaction": r["until"]}
            else:  # the objection and final terms start with the hand-over
                kinds = {"provisional": None}
                if r["handed_at"]:
                    kinds |= {"objection": r["until"], "final": None}
            found += [CalendarThing(f"{what}-{r['conversation_id']}", what, day,
                                    r["employee_id"], r["name"], r["conversation_id"],
                                    r["kind"], r["changed"], revision=r["revision"])
                      for what, day in kinds.items()]
        return found
