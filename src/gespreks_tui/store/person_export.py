"""Everything stored about one person (AVG art. 15): the rows behind ``person export``.

``person_rows`` collects the rows; the mentions in other people's records
come from ``store.mentions`` (the search an erasure uses too);
``gespreks_tui.access_export`` turns both into readable Markdown and JSON. The access requests themselves (when
asked, when answered: one month, extendable by two) are kept here too.
Erasing the same person is in ``privacy``.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from gespreks_tui.store.base import locked
from gespreks_tui.store.days import as_date
from gespreks_tui.store.people import PeopleMixin
from gespreks_tui.store.tables import quote, user_tables

if TYPE_CHECKING:  # made where a request is read (store.records)
    from gespreks_tui.store.records import AccessRequest


class PersonExportMixin(PeopleMixin):
    # -- the access requests ---------------------------------------------------------
    @locked
    def record_access_request(self, person_id: int, day: date | str) -> AccessRequest:
        """Record that ``person_id`` asked for access on ``day``."""
        from gespreks_tui.store.records import AccessRequest

        person = self.get_person(person_id)
        cursor = self.db.execute(
            "insert into access_requests (person_id, requested_on) values (?, ?)",
            [person.id, as_date(day).isoformat()])
        return AccessRequest(int(cursor.lastrowid or 0), person.id, person.name,
                             as_date(day).isoformat())

    @locked
    def access_requests(self, person_id: int | None = None,
                        open_only: bool = True) -> list[AccessRequest]:
        """Access requests (not yet answered ones only by default), oldest first."""
        from gespreks_tui.store.records import AccessRequest

        rows = self._rows(
            "select r.*, p.name from access_requests r join people p on p.id = r.person_id "
            "where (:person is null or r.person_id = :person) "
            "and (:all or r.answered_on is null) order by r.requested_on, r.id",
            {"person": person_id, "all": 0 if open_only else 1})
        return [AccessRequest(r["id"], r["person_id"], r["name"], r["requested_on"],
                              r["answered_on"]) for r in rows]

    @locked
    def answer_access_requests(self, person_id: int, day: date | str) -> int:
        """Mark the open requests of ``person_id`` answered on ``day``; how many there were."""
        cursor = self.db.execute(
            "update access_requests set answered_on = ? where person_id = ? "
            "and answered_on is null", [as_date(day).isoformat(), person_id])
        return cursor.rowcount

    @locked
    def person_rows(self, person_id: int) -> dict:
        """Every stored row about one person, per table, plus what they did as manager.

        Rows are found by following the foreign keys from the person: the
        conversations in which they are the employee and everything that hangs
        off those (phases, notes — private ones too —, agreements, follow-ups,
        scores, preparations, revisions, confirmations), and their group
        memberships. Added: the collectives of those groups, settings holding
        their name, and — under ``as_manager`` — the conversations they led
        (date, kind, status only: the content is the employee's) with their own
        confirmations as manager.
        """
        person = self.get_person(person_id)
        db = self.db
        links = {t: [(r[3], r[2], r[4] or "id") for r in
                     db.execute(f"pragma foreign_key_list({quote(t)})")]
                 for t in user_tables(db)}
        found: dict[str, dict[int, dict]] = {"people": {}}
        for row in self._rows("select rowid as _rowid, * from people where id = ?", [person.id]):
            found["people"][row.pop("_rowid")] = row
        grew = True
        while grew:
            grew = False
            for table, fks in links.items():
                for column, parent, key in fks:
                    if (table, column) == ("conversations", "manager_id"):
                        continue
                    keys = sorted({r[key] for r in found.get(parent, {}).values()
                                   if r.get(key) is not None})
                    if not keys:
                        continue
                    for row in self._rows(
                            f"select rowid as _rowid, * from {quote(table)} where "
                            f"{quote(column)} in (select value from json_each(?))",
                            [json.dumps(keys)]):
                        rowid = row.pop("_rowid")
                        if rowid not in found.setdefault(table, {}):
                            found[table][rowid] = row
                            grew = True
        groups = sorted({r["collective_id"] for r in found.get("collective_members", {}).values()})
        if groups:
            found["collectives"] = {r["id"]: r for r in self._rows(
                "select * from collectives where id in (select value from json_each(?))",
                [json.dumps(groups)])}
        wanted = person.name.casefold()
        settings = [r for r in self._rows("select * from settings")
                    if isinstance(r["value"], str)
                    and " ".join(r["value"].split()).casefold() == wanted]
        if settings:
            found["settings"] = dict(enumerate(settings))
        tables = {t: [rows[k] for k in sorted(rows)] for t, rows in sorted(found.items()) if rows}
        led = self._rows(
            "select id, kind, status, language, created_at, started_at, ended_at "
            "from conversations where manager_id = ? order by created_at, id", [person.id])
        confirmations = self._rows(
            "select k.*, r.conversation_id, r.revision from confirmations k "
            "join minutes_revisions r on r.id = k.revision_id "
            "join conversations c on c.id = r.conversation_id "
            "where c.manager_id = ? and k.party = 'manager' order by k.id", [person.id])
        return {"tables": tables,
                "as_manager": {"conversations": led, "confirmations": confirmations}}
