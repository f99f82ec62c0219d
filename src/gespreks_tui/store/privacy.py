"""Erasing a person from the database (AVG art. 17), in one transaction.

Erasing a person (``erase_person``):

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

all in one transaction with SQLite's ``secure_delete`` on, after which
``compact`` VACUUMs and truncates the WAL (both in ``store.secure_delete``).
An exception (or Ctrl-C) anywhere in steps 1–4 rolls everything back.

The purge (``store.retention``) erases the people past retention through the
same ``_erasure``; what is stored about a person is collected in
``store.person_export``. (The steps are module functions so that a test can
interrupt one; the module keeps its name ``privacy`` for the same reason.)
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING

from gespreks_tui.catalogue import language
from gespreks_tui.model import Person
from gespreks_tui.privacy.retention import Erasure
from gespreks_tui.store.base import locked
from gespreks_tui.store.people import PeopleMixin
from gespreks_tui.store.secure_delete import SecureDeleteMixin
from gespreks_tui.store.tables import columns, quote, removed, row_counts, user_tables

if TYPE_CHECKING:
    from gespreks_tui.privacy.names import NameMatcher

MENTIONS = "gespreks_mentions"          # SQL function registered during an erasure
MARKDOWN_COLUMNS = {("minutes_revisions", "markdown")}
NOT_SCRUBBED = {"people", "migrations"}  # other people's names; migration names


def _language_sql(table: str, column_names: set[str]) -> str:
    """SQL for the language of the conversation a row belongs to (null: none)."""
    if table == "conversations":
        return "t.language"
    if "conversation_id" in column_names:
        return "(select c.language from conversations c where c.id = t.conversation_id)"
    if "phase_id" in column_names:
        return ("(select c.language from phases p join conversations c "
                "on c.id = p.conversation_id where p.id = t.phase_id)")
    if "revision_id" in column_names:
        return ("(select c.language from minutes_revisions r join conversations c "
                "on c.id = r.conversation_id where r.id = t.revision_id)")
    return "null"


# --- the steps of an erasure (module functions: a test can interrupt one) ---------------

def _neutralise_manager(db, person: Person, matcher: NameMatcher) -> int:
    """Keep the conversations they led, with a neutral label instead of their name."""
    from gespreks_tui.markdown_escape import inline
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
    from gespreks_tui.markdown_escape import inline
    from gespreks_tui.privacy.names import removed_label

    changed = 0
    for table in user_tables(db):
        if table in NOT_SCRUBBED:
            continue
        table_columns = columns(db, table)
        lang_sql = _language_sql(table, {name for name, _ in table_columns})
        for column, kind in table_columns:
            if kind not in ("TEXT", ""):
                continue
            rows = db.execute(
                f"select t.rowid, t.{quote(column)}, {lang_sql} from {quote(table)} t "
                f"where {MENTIONS}(t.{quote(column)})").fetchall()
            for rowid, value, lang in rows:
                label = removed_label("person", lang or fallback_lang)
                if (table, column) in MARKDOWN_COLUMNS:
                    label = inline(label)
                text, _ = matcher.replace(value, label)
                db.execute(f"update {quote(table)} set {quote(column)} = ? where rowid = ?",
                           [text, rowid])
                changed += 1
    return changed


def _forget_statistics(db) -> None:
    """sqlite_stat4 (when compiled in) keeps sample index keys: names, possibly."""
    if db.execute("select 1 from sqlite_master where name = 'sqlite_stat4'").fetchone():
        db.execute("delete from sqlite_stat4")


class ErasureMixin(PeopleMixin, SecureDeleteMixin):
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

    def _erasure(self, people: list[Person], conversations: list[int],
                 fallback_lang: str) -> Erasure:
        """Delete ``conversations`` and erase ``people``; run inside ``_in_transaction``."""
        before = row_counts(self.db)
        if conversations:
            self.db.execute("delete from conversations where id in "
                            "(select value from json_each(?))", [json.dumps(conversations)])
        as_manager = texts = 0
        settings: tuple[str, ...] = ()
        for person in people:
            managed, changed, keys = self._erase_steps(person, fallback_lang)
            as_manager, texts, settings = as_manager + managed, texts + changed, settings + keys
        return Erasure(people=tuple(people), removed=removed(before, row_counts(self.db)),
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
