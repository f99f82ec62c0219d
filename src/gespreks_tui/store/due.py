"""What is due: open agreements and next evaluations, past or within a window.

``due(today, within_days)`` is the list behind ``gespreks due`` and the
start screen: agreements with a due date, the next evaluation of each
employee's latest conversation, and the dated steps of open goals not ticked
done (``goal_steps``), sorted by date, then employee. People who
have left are skipped. Open reaction terms are due too: minutes handed over
without a reaction yet (``store.hand_over``), until the term's last day; for a
beoordeling that term is the objection term, listed with the procedure's other
terms by ``store.appraisal_procedure`` instead.

The start screen shows a handful of items out of thousands on a team with
years of history (issue 19), so SQLite does the ordering: ``due(..., limit=6)``
reads each kind's rows in date order, merged, and stops once it has ``limit``
items and every row of the last item's date; ``due_count`` counts without
building items, and keeps the head of each kind it counted for the
``due(limit)`` that follows; an answer is given again while the data has not
changed (``store.due_recall``).
The final order (names by Python's case folding, which SQLite's NOCASE does
not know) is made in Python over those few rows, so a limited list is always
the head of the full one.
"""

from __future__ import annotations

import heapq
from collections.abc import Generator, Iterator
from datetime import date, timedelta

from gespreks_tui.model import DueItem, DueKind, Kind, Owner
from gespreks_tui.store.base import locked
from gespreks_tui.store.days import as_date
from gespreks_tui.store.due_recall import NeedMore, RecallMixin, kept_rows

# One row shape for the three kinds: kind, date, employee, conversation and the
# agreement's fields (null for the others). Each is read in date order, so a
# limited list stops early: the agreements through the partial index
# ``agreements_open_due`` (its terms written as it has them), without a sort.
_AGREEMENTS = """
select 'agreement' as due_kind, a.due_date as date, a.id, a.text, a.owner,
       a.conversation_id, a.collective_id, null as revision, c.kind,
       p.id as employee_id, p.name
from agreements a
join conversations c on c.id = a.conversation_id
join people p on p.id = c.employee_id
where a.status = 'open' and a.due_date is not null and a.due_date <= :limit {only} {here}
"""
_EVALUATIONS = """
select 'evaluation' as due_kind, c.next_evaluation as date, null as id, null as text,
       null as owner, c.id as conversation_id, null as collective_id, null as revision,
       c.kind, p.id as employee_id, p.name
from people p
join conversations c on c.id = (select c2.id from conversations c2
    where c2.employee_id = p.id order by c2.created_at desc, c2.id desc limit 1)
where c.next_evaluation is not null and c.next_evaluation <= :limit {only} {here}
"""
_REACTIONS = """
select 'reaction' as due_kind, h.until as date, null as id, null as text, null as owner,
       r.conversation_id, null as collective_id, r.revision, c.kind,
       p.id as employee_id, p.name
from handovers h
join minutes_revisions r on r.id = h.revision_id
join conversations c on c.id = r.conversation_id
join people p on p.id = c.employee_id
where h.until >= :today and h.until <= :limit
  and r.revision = (select max(revision) from minutes_revisions x
                    where x.conversation_id = r.conversation_id)
  and not exists (select 1 from confirmations k where k.revision_id = r.id
                  and k.party = 'employee') {only} {here}
  and c.kind != 'beoordeling'
"""
# A goal's small steps with a date, not ticked done, of a goal still open: not achieved
# or dropped in a concluded conversation (``goals.Goal.closed``). ``owner`` is the
# goal's; ``id`` the step, ``goal_id`` its goal.
_GOAL_STEPS = """
select 'goal_step' as due_kind, s.due_date as date, s.id, s.text, g.owner,
       g.conversation_id, null as collective_id, null as revision, c.kind,
       p.id as employee_id, p.name, g.id as goal_id
from goal_steps s
join goals g on g.id = s.goal_id
join conversations c on c.id = g.conversation_id
join people p on p.id = g.employee_id
where s.done_in is null and s.due_date is not null and s.due_date <= :limit
  and not exists (select 1 from goal_reviews r join conversations rc on rc.id = r.conversation_id
                  where r.goal_id = g.id and r.progress in ('behaald', 'vervallen')
                    and rc.status not in ('draft', 'running')) {only} {here}
"""
_HERE = "and (p.left_on is null or p.left_on > :today)"
_GONE = "and p.left_on is not null and p.left_on <= :today"
# Counting every open agreement's people is most of the work of counting; so
# count them all through the index alone, then take off those of people who
# left (a few, found through their conversations: ``cross join`` keeps SQLite to
# that order, people first, whatever it guesses without statistics). Agreements always have a
# conversation and conversations an employee (foreign keys, not null).
_COUNT_AGREEMENTS = """
select (select count(*) from agreements a
        where a.status = 'open' and a.due_date is not null and a.due_date <= :limit)
     - (select count(*) from people p
        cross join conversations c on c.employee_id = p.id
        cross join agreements a on a.conversation_id = c.id
        where a.status = 'open' and a.due_date is not null and a.due_date <= :limit
        {gone})
"""


KEPT = 64  # rows of each kind ``due_count`` keeps for the ``due(limit)`` that follows


# The appraisal procedure's terms (``store.appraisal_procedure``) of one day and
# employee: per conversation, in the order the procedure runs.
_STEPS = {DueKind.PROVISIONAL: 1, DueKind.OBJECTION: 2, DueKind.FINAL: 3}


def due_order(item: DueItem) -> tuple:
    """The order of ``due``'s list: date, employee, then what it is (a sort key)."""
    step = _STEPS.get(item.kind, 0)
    return (item.date, item.employee.casefold(), item.kind != "evaluation",
            item.agreement_id or 0, step > 0, item.conversation_id if step else 0, step,
            item.step_id or 0)


class DueMixin(RecallMixin):
    def _due_params(self, today: date | str, within_days: int,
                    employee_id: int | None) -> tuple[dict, str, date]:
        if within_days < 0:
            raise ValueError("within_days must not be negative")
        day = as_date(today)
        params = {"limit": (day + timedelta(days=within_days)).isoformat(),
                  "today": day.isoformat(), "employee": employee_id}
        only = "and p.id = :employee" if employee_id is not None else ""
        return params, only, day

    def _due_kinds(self, params: dict) -> list[str]:
        """The query of each kind, with ``{only}`` and ``{here}`` to fill in: each reads
        rows of one shape in date order (``order by date`` is added). A mixin adds its
        own kinds, and the parameters they need to ``params``."""
        return [_AGREEMENTS, _EVALUATIONS, _REACTIONS, _GOAL_STEPS]

    def _due_rows(self, sql: str, params: dict) -> Generator[dict, None, None]:
        """The rows of one kind, in date order, read as they are needed."""
        cursor = self.db.execute(sql + " order by date", params)
        names = [d[0] for d in cursor.description]
        try:
            for values in cursor:
                yield dict(zip(names, values, strict=True))
        finally:
            cursor.close()

    @locked
    def due(
        self, today: date | str, within_days: int = 14, employee_id: int | None = None,
        limit: int | None = None,
    ) -> list[DueItem]:
        """Open agreements and next evaluations that are past or within ``within_days``.

        Only the latest conversation of each employee counts for the next
        evaluation. People who have left (``left_on`` on or before today) are
        skipped. Sorted by date, then employee; only the first ``limit`` when
        given (see the module: the rest is never read into Python).
        """
        params, only, day = self._due_params(today, within_days, employee_id)
        queries = self._due_kinds(params)
        stamp, known = self._recall("due", params)
        if known is not None and (known[0] is None or (limit is not None and limit <= known[0])):
            return list(known[1] if limit is None else known[1][:limit])
        _, kept = self._recall("kept", params)  # the heads ``due_count`` read just now
        try:
            items = self._merged([kept_rows(*kept[sql]) if kept and sql in kept else
                                  self._due_rows(sql.format(only=only, here=_HERE), params)
                                  for sql in queries], day, limit)
        except NeedMore:
            items = self._merged([self._due_rows(sql.format(only=only, here=_HERE), params)
                                  for sql in queries], day, limit)
        self._remember("due", stamp, params, (limit, items))
        return list(items)

    def _merged(self, kinds: list[Iterator[dict]], day: date,
                limit: int | None) -> list[DueItem]:
        """The items of every kind's rows (each in date order), sorted; the first ``limit``."""
        items: list[DueItem] = []
        last = None  # the stored date of the last item taken
        try:
            for r in heapq.merge(*kinds, key=lambda r: r["date"]):
                if limit is not None and len(items) >= limit and r["date"] != last:
                    break  # every row of the last item's date is in: the head is complete
                found = self._due_item(r, day)
                if found:
                    items += found
                    last = r["date"]
        finally:
            for rows in kinds:
                if isinstance(rows, Generator):
                    rows.close()
        items.sort(key=due_order)
        return items if limit is None else items[:limit]

    @locked
    def due_count(self, today: date | str, within_days: int = 14,
                  employee_id: int | None = None) -> int:
        """How many items ``due`` would list (rows with an unreadable date included)."""
        params, only, _ = self._due_params(today, within_days, employee_id)
        queries = self._due_kinds(params)
        stamp, known = self._recall("count", params)
        if known is not None:
            return int(known)
        total, kept = 0, {}
        for sql in queries:
            if sql is _AGREEMENTS and not only:
                continue  # counted below, through the index alone
            # Counted with the head ``due(limit)`` asks for next: one pass, not two.
            rows = self._rows(f"select *, count(*) over () as due_total from "
                              f"({sql.format(only=only, here=_HERE)}) order by date "
                              f"limit {KEPT}", params)
            found = rows[0]["due_total"] if rows else 0
            total += found
            kept[sql] = (rows, len(rows) == found)
        if not only:
            total += self.db.execute(_COUNT_AGREEMENTS.format(gone=_GONE), params).fetchone()[0]
        self._remember("count", stamp, params, int(total))
        self._remember("kept", stamp, params, kept)
        return int(total)

    @staticmethod
    def _due_item(r: dict, today: date) -> list[DueItem]:
        try:
            when = date.fromisoformat(r["date"])
        except (TypeError, ValueError):
            return []  # not a date we can compare; never hide the rest because of it
        step = r["due_kind"] == DueKind.GOAL_STEP  # ``id`` is the step's, not an agreement's
        return [DueItem(
            kind=DueKind(r["due_kind"]), date=when.isoformat(), employee_id=r["employee_id"],
            employee=r["name"], conversation_id=r["conversation_id"],
            conversation_kind=Kind(r["kind"]), overdue=when < today, days=(when - today).days,
            text=r["text"] or "", agreement_id=None if step else r["id"],
            owner=Owner(r["owner"]) if r["owner"] else None,
            collective_id=r["collective_id"], revision=r["revision"],
            goal_id=r.get("goal_id"), step_id=r["id"] if step else None)]
