"""Personnel data rights in the database: everything about one person, erasure, retention.

Erasing a person is one transaction (``erase_person``):

1. conversations they led as manager are kept: ``manager_id`` becomes null and
   ``manager_label`` a neutral label ("(verwijderde leidinggevende)", in the
   conversation's language); in those conversations' stored minutes revisions
   and manager confirmations the name is replaced by that label too. The
   revision's fingerprint (``sha256``) is kept as issued: it is what both
   parties confirmed and what the copies they hold still verify against;
   the stored text is from then on a redacted copy of the issued minutes;
2. every conversation in which they were the employee is deleted (with its
   phases, notes, agreements, follow-ups, scores, preparations, revisions and
   confirmations, by cascade), then the person (and their group memberships);
3. settings whose value is their name (``manager.name``) are removed;
4. any other stored text that still names them (whole words, also as escaped
   in Markdown) gets "(verwijderde persoon)" instead;

with ``secure_delete`` on, after which ``compact`` VACUUMs and checkpoints the
WAL with TRUNCATE, so the removed bytes are gone from the database file and the
-wal file, not merely unlinked. An exception (or Ctrl-C) anywhere in steps 1–4
rolls everything back.

A purge (``purge``) removes, in one transaction, the conversations past the
maximum age and erases the people past the retention period after leaving,
then compacts once. With ``dry_run=True`` both run the same transaction and
roll it back, so the counts they show are exactly what the real run removes.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from gespreks_tui.catalogue import language
from gespreks_tui.model import Kind, Person
from gespreks_tui.privacy.retention import (
    LEFT_YEARS_SETTING,
    MAX_AGE_SETTING,
    Erasure,
    LeftPerson,
    OldConversation,
    PurgePlan,
    RetentionPolicy,
    keep_until,
)
from gespreks_tui.store.base import locked

if TYPE_CHECKING:
    from gespreks_tui.privacy.names import NameMatcher

MENTIONS = "gespreks_mentions"          # SQL function registered during an erasure
MARKDOWN_COLUMNS = {("minutes_revisions", "markdown")}
NOT_SCRUBBED = {"people", "migrations"}  # other people's names; migration names


class _DryRun(Exception):
    """Rolls back a dry run, carrying what it would have done (never seen by a user)."""

    def __init__(self, effect: object) -> None:
        super().__init__("dry run")
        self.effect = effect


# --- the database as tables ------------------------------------------------------------

def _user_tables(db) -> list[str]:
    return [r[0] for r in db.execute(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' "
        "and name != 'migrations' order by name")]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(db, table: str) -> list[tuple[str, str]]:
    """(name, declared type) of each column."""
    return [(r[1], (r[2] or "").upper()) for r in db.execute(f"pragma table_info({_quote(table)})")]


def _counts(db) -> dict[str, int]:
    return {t: db.execute(f"select count(*) from {_quote(t)}").fetchone()[0]
            for t in _user_tables(db)}


def _removed(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {t: n - after.get(t, 0) for t, n in before.items() if n - after.get(t, 0) > 0}


def _language_sql(table: str, columns: set[str]) -> str:
    """SQL for the language of the conversation a row belongs to (null: none)."""
    if table == "conversations":
        return "t.language"
    if "conversation_id" in columns:
        return "(select c.language from conversations c where c.id = t.conversation_id)"
    if "phase_id" in columns:
        return ("(select c.language from phases p join conversations c "
                "on c.id = p.conversation_id where p.id = t.phase_id)")
    if "revision_id" in columns:
        return ("(select c.language from minutes_revisions r join conversations c "
                "on c.id = r.conversation_id where r.id = t.revision_id)")
    return "null"


def _day(stamp: str | None) -> str | None:
    """The date part (YYYY-MM-DD) of a stored moment or date, None when unreadable."""
    if not stamp:
        return None
    try:
        return date.fromisoformat(str(stamp)[:10]).isoformat()
    except ValueError:
        return None


# --- the steps of an erasure (module functions: a test can interrupt one) ---------------

def _neutralise_manager(db, person: Person, matcher: NameMatcher) -> int:
    """Keep the conversations they led, with a neutral label instead of their name."""
    from gespreks_tui.minutes.escape import inline
    from gespreks_tui.privacy.names import removed_label

    rows = db.execute(
        f"select id, language from conversations where manager_id = ? "
        f"or {MENTIONS}(manager_label)", [person.id]).fetchall()
    for conversation_id, lang in rows:
        label = removed_label("manager", lang)
        db.execute("update conversations set manager_id = null, manager_label = ? where id = ?",
                   [label, conversation_id])
        for revision_id, markdown in db.execute(
                "select id, markdown from minutes_revisions where conversation_id = ?",
                [conversation_id]).fetchall():
            text, found = matcher.replace(markdown, inline(label))
            if found:
                db.execute("update minutes_revisions set markdown = ? where id = ?",
                           [text, revision_id])
        db.execute(
            f"update confirmations set name = ? where party = 'manager' and {MENTIONS}(name) "
            "and revision_id in (select id from minutes_revisions where conversation_id = ?)",
            [label, conversation_id])
    return len(rows)


def _delete_person(db, person: Person) -> None:
    """Every conversation in which they were the employee (cascading), then the person."""
    db.execute("delete from conversations where employee_id = ?", [person.id])
    db.execute("delete from people where id = ?", [person.id])


def _drop_settings(db, person: Person) -> tuple[str, ...]:
    """Settings that hold exactly their name (e.g. ``manager.name``)."""
    wanted = person.name.casefold()
    keys = tuple(key for key, value in db.execute("select key, value from settings").fetchall()
                 if isinstance(value, str) and " ".join(value.split()).casefold() == wanted)
    for key in keys:
        db.execute("delete from settings where key = ?", [key])
    return keys


def _scrub_texts(db, matcher: NameMatcher, fallback_lang: str) -> int:
    """Replace the name in every other stored text; return how many values changed."""
    from gespreks_tui.minutes.escape import inline
    from gespreks_tui.privacy.names import removed_label

    changed = 0
    for table in _user_tables(db):
        if table in NOT_SCRUBBED:
            continue
        columns = _columns(db, table)
        lang_sql = _language_sql(table, {name for name, _ in columns})
        for column, kind in columns:
            if kind not in ("TEXT", ""):
                continue
            rows = db.execute(
                f"select t.rowid, t.{_quote(column)}, {lang_sql} from {_quote(table)} t "
                f"where {MENTIONS}(t.{_quote(column)})").fetchall()
            for rowid, value, lang in rows:
                label = removed_label("person", lang or fallback_lang)
                if (table, column) in MARKDOWN_COLUMNS:
                    label = inline(label)
                text, _ = matcher.replace(value, label)
                db.execute(f"update {_quote(table)} set {_quote(column)} = ? where rowid = ?",
                           [text, rowid])
                changed += 1
    return changed


def _forget_statistics(db) -> None:
    """sqlite_stat4 (when compiled in) keeps sample index keys: names, possibly."""
    if db.execute("select 1 from sqlite_master where name = 'sqlite_stat4'").fetchone():
        db.execute("delete from sqlite_stat4")


class PrivacyMixin:
    # -- everything about one person (AVG art. 15) -------------------------------------
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
                     db.execute(f"pragma foreign_key_list({_quote(t)})")]
                 for t in _user_tables(db)}
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
                            f"select rowid as _rowid, * from {_quote(table)} where "
                            f"{_quote(column)} in (select value from json_each(?))",
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

    # -- erasure (AVG art. 17) ---------------------------------------------------------
    def _erase_steps(self, person: Person, fallback_lang: str) -> tuple[int, int, tuple]:
        from gespreks_tui.privacy.names import NameMatcher

        db = self.db
        others = [r[0] for r in db.execute("select name from people where id != ?",
                                           [person.id]).fetchall()]
        matcher = NameMatcher(person.name, others)
        db.conn.create_function(MENTIONS, 1, matcher.found, deterministic=True)
        as_manager = _neutralise_manager(db, person, matcher)
        _delete_person(db, person)
        settings = _drop_settings(db, person)
        texts = _scrub_texts(db, matcher, fallback_lang)
        _forget_statistics(db)
        return as_manager, texts, settings

    def _in_transaction(self, work, dry_run: bool):
        """Run ``work()`` in one IMMEDIATE transaction; roll it back for a dry run."""
        self.db.conn.execute("pragma secure_delete = on")
        try:
            with self.db.atomic():
                result = work()
                if dry_run:
                    raise _DryRun(result)
        except _DryRun as done:
            return done.effect
        return result

    def _erasure(self, people: list[Person], conversations: list[int],
                 fallback_lang: str) -> Erasure:
        before = _counts(self.db)
        if conversations:
            self.db.execute("delete from conversations where id in "
                            "(select value from json_each(?))", [json.dumps(conversations)])
        as_manager = texts = 0
        settings: tuple[str, ...] = ()
        for person in people:
            managed, changed, keys = self._erase_steps(person, fallback_lang)
            as_manager, texts, settings = as_manager + managed, texts + changed, settings + keys
        return Erasure(people=tuple(people), removed=_removed(before, _counts(self.db)),
                       as_manager=as_manager, texts=texts, settings=settings)

    @locked
    def erase_person(self, person_id: int, dry_run: bool = False,
                     lang: str | None = None) -> Erasure:
        """Remove a person and every conversation in which they were the employee.

        With ``dry_run`` nothing changes and the result says what would be
        removed. Otherwise the removal is committed as one transaction, then
        ``compact`` makes sure the bytes are gone (``wal_cleared``).
        """
        person = self.get_person(person_id)
        effect = self._in_transaction(
            lambda: self._erasure([person], [], lang or language()), dry_run)
        if dry_run:
            return effect
        return replace(effect, wal_cleared=self.compact())

    @locked
    def compact(self) -> bool:
        """Checkpoint the WAL, VACUUM, and truncate the WAL to nothing.

        Returns whether that worked all the way: False when another connection
        holds a read transaction (the removed data may then still be in the
        -wal file until it is closed and this runs again).
        """
        conn = self.db.conn
        if conn.in_transaction:
            raise RuntimeError("compact() inside a transaction")
        conn.execute("pragma temp_store = memory")
        conn.execute("vacuum")
        busy, frames, done = conn.execute("pragma wal_checkpoint(TRUNCATE)").fetchone()
        wal = f"{self.path}-wal"
        empty = not os.path.exists(wal) or os.path.getsize(wal) == 0
        return busy == 0 and frames == done and empty

    # -- retention ---------------------------------------------------------------------
    @locked
    def mark_left(self, person_id: int, day: date | str | None) -> Person:
        """Record the day a person left (None: they have not left after all)."""
        person = self.get_person(person_id)
        value = None if day is None else (day if isinstance(day, str) else day.isoformat())
        self.db.execute("update people set left_on = ? where id = ?", [value, person.id])
        return self.get_person(person_id)

    @locked
    def retention_policy(self) -> RetentionPolicy:
        return RetentionPolicy.from_settings(self.get_setting(LEFT_YEARS_SETTING),
                                             self.get_setting(MAX_AGE_SETTING))

    @locked
    def set_retention_policy(self, policy: RetentionPolicy) -> RetentionPolicy:
        with self.db.atomic():
            for key, value in policy.settings().items():
                self.set_setting(key, value)
        return self.retention_policy()

    def _left_people(self, today: date, policy: RetentionPolicy) -> list[LeftPerson]:
        found = []
        for r in self._rows(
                "select p.*, (select max(substr(coalesce(c.ended_at, c.started_at, "
                "c.created_at), 1, 10)) from conversations c where c.employee_id = p.id) "
                "as last, (select count(*) from conversations c where c.employee_id = p.id) "
                "as n from people p where p.left_on is not null order by p.name collate nocase"):
            left = _day(r["left_on"])
            if left is None:
                continue  # not a date we can count from: never remove on a guess
            last = _day(r["last"])
            until = keep_until(max(left, last or left), policy.left_years)
            if until <= today:
                found.append(LeftPerson(Person(r["id"], r["name"], r["left_on"]), left, last,
                                        r["n"], until))
        return found

    def _old_conversations(self, today: date, policy: RetentionPolicy,
                           skip_people: set[int]) -> list[OldConversation]:
        if policy.max_age_years is None:
            return []
        found = []
        for r in self._rows(
                "select c.id, c.kind, c.employee_id, coalesce(c.ended_at, c.started_at, "
                "c.created_at) as moment, e.name, (select count(*) from agreements a "
                "where a.conversation_id = c.id and a.status = 'open') as open "
                "from conversations c join people e on e.id = c.employee_id "
                "order by moment, c.id"):
            day = _day(r["moment"])
            if day is None or r["employee_id"] in skip_people:
                continue
            until = keep_until(day, policy.max_age_years)
            if until <= today:
                found.append(OldConversation(r["id"], Kind(r["kind"]), day, r["name"], until,
                                             r["open"]))
        return found

    def _purge(self, today: date, policy: RetentionPolicy, lang: str) -> PurgePlan:
        people = self._left_people(today, policy)
        old = self._old_conversations(today, policy, {p.person.id for p in people})
        remove = [c for c in old if not c.open_agreements]
        kept = [c for c in old if c.open_agreements]
        effect = self._erasure([p.person for p in people], [c.id for c in remove], lang)
        return PurgePlan(today=today, policy=policy, people=tuple(people),
                         conversations=tuple(remove), kept=tuple(kept), effect=effect)

    @locked
    def purge(self, today: date | str, policy: RetentionPolicy | None = None,
              dry_run: bool = False, lang: str | None = None) -> PurgePlan:
        """Remove what is past retention on ``today`` (one transaction), then compact.

        With ``dry_run`` nothing changes: the plan lists what would go and
        counts exactly what would be removed.
        """
        day = today if isinstance(today, date) else date.fromisoformat(today)
        policy = policy or self.retention_policy()
        plan = self._in_transaction(lambda: self._purge(day, policy, lang or language()),
                                    dry_run)
        if dry_run or plan.empty:
            return plan
        return replace(plan, effect=replace(plan.effect, wal_cleared=self.compact()))
