"""People: employees and managers, known by their (case-insensitive) name.

A name holds no control character (``gespreks_tui.controls``): NUL ends
SQLite's NOCASE comparison, so "Jan\\x00A" and "Jan\\x00B" would be one
person, and ESC or CR in a name is never meant. ``add_person`` refuses them
with a message; the name dialogs check first and keep what was typed.
"""

from __future__ import annotations

from gespreks_tui.controls import has_control
from gespreks_tui.db import StoreError
from gespreks_tui.model import Person
from gespreks_tui.store.base import StoreBase, locked


def _person(row: dict) -> Person:
    return Person(id=row["id"], name=row["name"], left_on=row["left_on"])


class PeopleMixin(StoreBase):
    @locked
    def list_people(self) -> list[Person]:
        """Everyone, alphabetically."""
        return [
            _person(r)
            for r in self._rows("select * from people order by name collate nocase")
        ]

    @locked
    def find_person(self, name: str) -> Person | None:
        clean = " ".join(name.split())
        # A NUL ends a NOCASE comparison: a name with a control character
        # (stored before add_person refused them) is only found exactly.
        collation = "binary" if has_control(clean) else "nocase"
        rows = self._rows(f"select * from people where name = ? collate {collation}", [clean])
        return _person(rows[0]) if rows else None

    @locked
    def get_person(self, person_id: int) -> Person:
        rows = self._rows("select * from people where id = ?", [person_id])
        if not rows:
            raise StoreError("person.not_found", self.path, name=person_id)
        return _person(rows[0])

    @locked
    def add_person(self, name: str) -> Person:
        """Add ``name``, or return the person who already has it.

        Raises StoreError ``person.control_character`` for a name with a control
        character, unless exactly that name was stored before this rule.
        """
        clean = " ".join(name.split())
        if not clean:
            raise ValueError("empty name")
        if has_control(clean):
            rows = self._rows("select * from people where name = ? collate binary", [clean])
            if rows:
                return _person(rows[0])
            raise StoreError("person.control_character", self.path)
        existing = self.find_person(clean)
        if existing:
            return existing
        table = self.db["people"]
        table.insert({"name": clean, "left_on": None, "created_at": self.now()})
        return _person(table.get(table.last_pk))
