"""Retention in the database: who has left, the retention policy, and the purge.

The rules (how long to keep, counted from when) are in
``gespreks_tui.privacy.retention``; this module applies them to the stored
rows. A purge (``purge``) removes, in one transaction, the conversations past
the maximum age (not those with open agreements) and erases the people past
the retention period after leaving (as ``erase_person`` does, see
``privacy``), then compacts once. With ``dry_run=True`` it runs the same
transaction and rolls it back, so the counts it shows are exactly what the
real run removes. ``retention_overview`` shows the other side: what is
kept, why, and until when (or without end).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from gespreks_tui.catalogue import language
from gespreks_tui.model import Kind, Person
from gespreks_tui.store.base import locked
from gespreks_tui.store.days import as_date, stored_day
from gespreks_tui.store.people import PeopleMixin
from gespreks_tui.store.privacy import ErasureMixin
from gespreks_tui.store.secure_delete import SecureDeleteMixin

# The rules (``privacy.retention``) and the search for mentions (``store.mentions``)
# are imported by the methods that use them: a start never does (issue 19).
if TYPE_CHECKING:
    from gespreks_tui.privacy.retention import (
        LeftPerson,
        OldConversation,
        PurgePlan,
        RetentionOverview,
        RetentionPolicy,
    )


class RetentionMixin(ErasureMixin, PeopleMixin, SecureDeleteMixin):
    # -- people who left, and the policy -----------------------------------------------
    @locked
    def mark_left(self, person_id: int, day: date | str | None) -> Person:
        """Record the day a person left (None: they have not left after all)."""
        person = self.get_person(person_id)
        value = None if day is None else (day if isinstance(day, str) else day.isoformat())
        self.db.execute("update people set left_on = ? where id = ?", [value, person.id])
        return self.get_person(person_id)

    @locked
    def retention_policy(self) -> RetentionPolicy:
        from gespreks_tui.privacy.retention import (
            LEFT_YEARS_SETTING,
            MAX_AGE_SETTING,
            RetentionPolicy,
        )

        return RetentionPolicy.from_settings(self.get_setting(LEFT_YEARS_SETTING),
                                             self.get_setting(MAX_AGE_SETTING))

    @locked
    def set_retention_policy(self, policy: RetentionPolicy) -> RetentionPolicy:
        with self.db.atomic():
            for key, value in policy.settings().items():
                self.set_setting(key, value)
        return self.retention_policy()

    # -- what is past retention --------------------------------------------------------
    def _left_people(self, today: date, policy: RetentionPolicy,
                     waiting: list[LeftPerson] | None = None,
                     unreadable: list[Person] | None = None) -> list[LeftPerson]:
        """The people past retention; those still kept go to ``waiting`` (and
        ``unreadable``: a leaving date we cannot count from) when given."""
        from gespreks_tui.privacy.retention import LeftPerson, keep_until

        found = []
        for r in self._rows(
                "select p.*, (select max(substr(coalesce(c.ended_at, c.started_at, "
                "c.created_at), 1, 10)) from conversations c where c.employee_id = p.id) "
                "as last, (select count(*) from conversations c where c.employee_id = p.id) "
                "as n from people p where p.left_on is not null order by p.name collate nocase"):
            left = stored_day(r["left_on"])
            if left is None:  # not a date we can count from: never remove on a guess
                if unreadable is not None:
                    unreadable.append(Person(r["id"], r["name"], r["left_on"]))
                continue
            last = stored_day(r["last"])
            until = keep_until(max(left, last or left), policy.left_years)
            person = LeftPerson(Person(r["id"], r["name"], r["left_on"]), left, last,
                                r["n"], until)
            if until <= today:
                found.append(person)
            elif waiting is not None:
                waiting.append(person)
        return found

    def _old_conversations(self, today: date, policy: RetentionPolicy,
                           skip_people: set[int]) -> list[OldConversation]:
        from gespreks_tui.privacy.retention import OldConversation, keep_until

        if policy.max_age_years is None:
            return []
        found = []
        for r in self._rows(
                "select c.id, c.kind, c.employee_id, coalesce(c.ended_at, c.started_at, "
                "c.created_at) as moment, e.name, (select count(*) from agreements a "
                "where a.conversation_id = c.id and a.status = 'open') as open "
                "from conversations c join people e on e.id = c.employee_id "
                "order by moment, c.id"):
            day = stored_day(r["moment"])
            if day is None or r["employee_id"] in skip_people:
                continue
            until = keep_until(day, policy.max_age_years)
            if until <= today:
                found.append(OldConversation(r["id"], Kind(r["kind"]), day, r["name"], until,
                                             r["open"]))
        return found

    # -- what is kept, and why -----------------------------------------------------------
    @locked
    def retention_overview(self, today: date | str,
                           policy: RetentionPolicy | None = None) -> RetentionOverview:
        """What the policy keeps on ``today``, why, and what it keeps without end."""
        from gespreks_tui.privacy.retention import RetentionOverview, StayingPerson

        day = as_date(today)
        policy = policy or self.retention_policy()
        waiting: list[LeftPerson] = []
        unreadable: list[Person] = []
        gone = self._left_people(day, policy, waiting, unreadable)
        old = self._old_conversations(day, policy, {p.person.id for p in gone})
        staying = [StayingPerson(Person(r["id"], r["name"], r["left_on"]), r["n"], r["open"])
                   for r in self._rows(
                       "select p.*, (select count(*) from conversations c where "
                       "c.employee_id = p.id) as n, (select count(*) from agreements a join "
                       "conversations c on c.id = a.conversation_id where c.employee_id = p.id "
                       "and a.status = 'open') as open from people p where p.left_on is null "
                       "order by p.name collate nocase")]
        return RetentionOverview(today=day, policy=policy, waiting=tuple(waiting),
                                 unreadable=tuple(unreadable),
                                 open_kept=tuple(c for c in old if c.open_agreements),
                                 staying=tuple(staying))

    # -- the purge ---------------------------------------------------------------------
    def _purge(self, today: date, policy: RetentionPolicy, lang: str,
               with_mentions: bool = False) -> PurgePlan:
        from gespreks_tui.privacy.retention import PurgePlan
        from gespreks_tui.store.mentions import find_mentions_of

        people = self._left_people(today, policy)
        old = self._old_conversations(today, policy, {p.person.id for p in people})
        remove = [c for c in old if not c.open_agreements]
        kept = [c for c in old if c.open_agreements]
        mentions = (find_mentions_of(self.db, [p.person for p in people])
                    if with_mentions else {})
        effect = self._erasure([p.person for p in people], [c.id for c in remove], lang)
        return PurgePlan(today=today, policy=policy, people=tuple(people),
                         conversations=tuple(remove), kept=tuple(kept), effect=effect,
                         mentions={k: v for k, v in mentions.items() if v})

    @locked
    def purge(self, today: date | str, policy: RetentionPolicy | None = None,
              dry_run: bool = False, lang: str | None = None) -> PurgePlan:
        """Remove what is past retention on ``today`` (one transaction), then compact.

        With ``dry_run`` nothing changes: the plan lists what would go, counts
        exactly what would be removed, and lists the mentions of the people it
        erases in other people's records (which a purge leaves as they are).
        """
        day = as_date(today)
        policy = policy or self.retention_policy()
        plan = self._in_transaction(
            lambda: self._purge(day, policy, lang or language(), with_mentions=dry_run),
            dry_run)
        if dry_run or plan.empty:
            return plan
        return replace(plan, effect=replace(plan.effect, wal_cleared=self.compact()))
