"""People: employees and managers, known by their (case-insensitive) name."""

from __future__ import annotations

from gespreks_tui.db import StoreError
from gespreks_tui.model import Person
from gespreks_tui.store.base import locked


def _person(row: dict) -> Person:
    return Person(id=row["id"], name=row["name"], left_on=row["left_on"])


class PeopleMixin:
    @locked
    def list_people(self) -> list[Person]:
        """Everyone, alphabetically."""
        return [
            _person(r)
            for r in self._rows("select * from people order by name collate nocase")
        ]

    @locked
    def find_person(self, name: str) -> Person | None:
        rows = self._rows("select * from people where name = ? collate nocase",
                          [" ".join(name.split())])
        return _person(rows[0]) if rows else None

    @locked
    def get_person(self, person_id: int) -> Person:
        rows = self._rows("select * from people where id = ?", [person_id])
        if not rows:
            raise StoreError("person.not_found", self.path, name=person_id)
        return _person(rows[0])

    @locked
    def add_person(self, name: str) -> Person:
        """Add ``name``, or return the person who already has it."""
        clean = " ".join(name.split())
        if not clean:
            raise ValueError("empty name")
        existing = self.find_person(clean)
        if existing:
            return existing
        table = self.db["people"]
        table.insert({"name": clean, "left_on": None, "created_at": self.now()})
        return _person(table.get(table.last_pk))
