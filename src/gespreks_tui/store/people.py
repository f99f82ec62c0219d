"""People: employees and managers, known by their name.

The name rules are in ``gespreks_tui.person_names`` and the store is their
authority: ``add_person`` stores a name in NFC with single spaces, refuses
one with a control or an invisible (bidi, zero-width) character, and treats
two names that are equal after case folding (``name_key``) as one person.
SQLite's NOCASE folds ASCII only ("ÉMILE" and "émile" are two to it), so the
comparison is made in Python; a team is a few hundred names at most.

An older version may have stored names this one refuses, or two names that
are one person now. Those keep working: a name with a control character is
found only exactly (NUL ends a NOCASE comparison, so "Jan\\x00A" and
"Jan\\x00B" were one name to SQLite), the exact name wins over a folded
match, and ``duplicate_people`` lists the pairs so that the command line can
say so.
"""

from __future__ import annotations

from gespreks_tui.controls import has_control
from gespreks_tui.db import StoreError
from gespreks_tui.errors import UserError
from gespreks_tui.model import Person
from gespreks_tui.person_names import clean_name, collapse, duplicate_pairs, name_key
from gespreks_tui.store.base import StoreBase, locked


def _person(row: dict) -> Person:
    return Person(id=row["id"], name=row["name"], left_on=row["left_on"])


class PeopleMixin(StoreBase):
    @locked
    def list_people(self) -> list[Person]:
        """Everyone, alphabetically."""
        # Tuples, not a dict per row: the start screen reads everyone on every return
        # to it, a few hundred people on a large team (issue 19, benchmark row 5d).
        return [Person(id=i, name=name, left_on=left_on) for i, name, left_on in self.db.execute(
            "select id, name, left_on from people order by name collate nocase")]

    @locked
    def find_person(self, name: str) -> Person | None:
        """The person called ``name``: exactly, else the first (oldest) one by ``name_key``."""
        clean = collapse(name)
        if not clean:
            return None
        for exact in dict.fromkeys((clean, " ".join(name.split()))):
            rows = self._rows("select * from people where name = ? collate binary", [exact])
            if rows:
                return _person(rows[0])
        if has_control(clean):  # stored before the rule: only found exactly
            return None
        key = name_key(clean)
        for row in self._rows("select * from people order by id"):
            if name_key(row["name"]) == key:
                return _person(row)
        return None

    @locked
    def get_person(self, person_id: int) -> Person:
        rows = self._rows("select * from people where id = ?", [person_id])
        if not rows:
            raise StoreError("person.not_found", self.path, name=person_id)
        return _person(rows[0])

    @locked
    def add_person(self, name: str) -> Person:
        """Add ``name``, or return the person who already has it (see the module).

        Raises StoreError ``person.control_character`` or
        ``person.invisible_character`` for a name the rules refuse, unless that
        name (or one equal to it) was stored before the rule.
        """
        clean = collapse(name)
        if not clean:
            raise ValueError("empty name")
        with self.db.atomic():  # one write transaction: two copies never both add one name
            existing = self.find_person(clean)
            if existing:
                return existing
            try:
                clean = clean_name(clean)
            except UserError as refused:
                raise StoreError(refused.key, self.path, **refused.values) from None
            table = self.db["people"]
            table.insert({"name": clean, "left_on": None, "created_at": self.now()})
            return _person(table.get(table.last_pk))

    @locked
    def duplicate_people(self) -> list[tuple[Person, Person]]:
        """Pairs of stored people who are one person by today's rule (an older
        version stored both): each later one with the first, oldest first."""
        rows = {r["id"]: _person(r) for r in self._rows("select * from people order by id")}
        pairs = duplicate_pairs([(p.id, p.name) for p in rows.values()])
        return [(rows[first[0]], rows[second[0]]) for first, second in pairs]

    @locked
    def conversations_involving(self, person_id: int | None = None) -> list[int]:
        """Ids of the conversations with ``person_id`` as employee or manager (None: all).

        What an erasure, a purge or marking someone as left would touch; the
        command line checks that no copy of the app has one of them open.
        """
        if person_id is None:
            return [r["id"] for r in self._rows("select id from conversations order by id")]
        # Two lookups (one index each), not "employee_id = ? or manager_id = ?": once
        # analyze has seen one manager in every row, the planner scans for that.
        return [r["id"] for r in self._rows(
            "select id from conversations where employee_id = ? union "
            "select id from conversations where manager_id = ? order by id",
            [person_id, person_id])]
