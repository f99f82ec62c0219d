"""Erasing a person from the database (AVG art. 17), in one transaction.

Erasing a person (``erase_person``):

1. conversations they led as manager are kept: ``manager_id`` becomes null and
   ``manager_label`` a neutral label ("(verwijderde leidinggevende)", in the
   conversation's language); in those conversations' manager confirmations the
   name is replaced by that label too, and minutes that hold the name are
   redacted as a new revision (``store.redaction``: the old text and
   fingerprint removed, the confirmations explained);
2. every conversation in which they were the employee is deleted (with its
   phases, notes, agreements, follow-ups, scores, preparations, revisions,
   confirmations and hand-overs, its goals with their steps and reviews
   (``store.goals``, ``store.goal_reviews``) and its appraisal procedure's steps
   (``store.appraisal_procedure``), by cascade), then the person (and their
   group memberships);
3. settings whose value is their name (``manager.name``) are removed;
4. mentions of them in other people's records are never rewritten blindly:
   ``plan_erasure`` finds them once (``store.mentions.find_mentions``, the
   same search the access export uses: free-text columns only, never the
   agenda or templates; the second assessor's name is one of them), the
   user chooses, and only the chosen ``Mention``s
   get "(verwijderde persoon)" (``_redact_mentions``);

all in one transaction with SQLite's ``secure_delete`` on, after which
``compact`` VACUUMs and truncates the WAL (both in ``store.secure_delete``).
An exception (or Ctrl-C) anywhere in steps 1–4 rolls everything back.

The purge (``store.retention``) erases the people past retention through the
same ``_erasure`` (it redacts no mentions: nobody reviewed them); what is
stored about a person is collected in ``store.person_export``. (The steps are
module functions so that a test can interrupt one; the module keeps its name
``privacy`` for the same reason.)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from gespreks_tui.catalogue import language
from gespreks_tui.db import StoreError
from gespreks_tui.model import Person
from gespreks_tui.store.base import locked
from gespreks_tui.store.people import PeopleMixin
from gespreks_tui.store.secure_delete import SecureDeleteMixin, pause_point
from gespreks_tui.store.tables import quote, removed, row_counts

# The search (``store.mentions``), the matchers, the rules and the redaction of
# minutes are imported by the functions that use them: a start never does (issue 19).
if TYPE_CHECKING:
    from gespreks_tui.privacy.matcher import MentionMatcher
    from gespreks_tui.privacy.mentions import Mention
    from gespreks_tui.privacy.retention import Erasure
    from gespreks_tui.store.records import ErasurePlan  # made where a plan is (issue 19)

MENTIONS = "gespreks_mentions"          # SQL function registered during an erasure


# --- the steps of an erasure (module functions: a test can interrupt one) ---------------

def redact_revision(db, revision_id: int, markdown: str, now: str) -> int | None:
    """``store.redaction.redact_revision``: minutes redacted as a new revision."""
    from gespreks_tui.store import redaction

    return redaction.redact_revision(db, revision_id, markdown, now)


def _neutralise_manager(db, person: Person, matcher: MentionMatcher, now: str) -> int:
    """Keep the conversations they led, with a neutral label instead of their name.

    Set-based: one update for the conversations, one for the confirmations
    they gave as manager; only the minutes that contain (a part of) the name
    are read into Python. Their name in the employee's minutes is redacted as
    any other mention: the newest revision is issued again (own fingerprint,
    the confirmations named), and the old text and fingerprint are removed,
    so the name cannot be found back by hashing candidates.
    """
    from gespreks_tui.markdown_escape import inline
    from gespreks_tui.privacy.names import removed_label
    from gespreks_tui.store.mentions import name_like

    labels = {lang: removed_label("manager", lang) for lang in ("nl", "en")}
    ids = [r[0] for r in db.execute(
        f"select id from conversations where manager_id = ? "
        f"or (manager_label is not null and {MENTIONS}(manager_label))", [person.id])]
    if not ids:
        return 0
    chosen = json.dumps(ids)
    db.execute("update conversations set manager_id = null, manager_label = "
               "case language when 'en' then ? else ? end "
               "where id in (select value from json_each(?))",
               [labels["en"], labels["nl"], chosen])
    db.execute(  # first: the redacted revision names the confirmations
        f"update confirmations set name = (select case c.language when 'en' then ? else ? end "
        f"from minutes_revisions r join conversations c on c.id = r.conversation_id "
        f"where r.id = confirmations.revision_id) where party = 'manager' and {MENTIONS}(name) "
        f"and revision_id in (select r.id from minutes_revisions r where r.conversation_id "
        f"in (select value from json_each(?)))", [labels["en"], labels["nl"], chosen])
    like, params = name_like("r.markdown", person.name)
    for revision_id, markdown, lang in db.execute(
            f"select r.id, r.markdown, c.language from minutes_revisions r join conversations c "
            f"on c.id = r.conversation_id where r.conversation_id in "
            f"(select value from json_each(?)) and r.markdown != '' and {like} "
            f"order by r.conversation_id, r.revision", [chosen, *params]).fetchall():
        text, found = matcher.replace_name(markdown, inline(labels.get(lang, labels["nl"])))
        if found:
            redact_revision(db, revision_id, text, now)
    return len(ids)


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


def _conversation_language(db, conversation_id: int | None, fallback_lang: str) -> str:
    if conversation_id is None:
        return fallback_lang
    row = db.execute("select language from conversations where id = ?",
                     [conversation_id]).fetchone()
    return row[0] if row else fallback_lang


def _redact_mentions(db, mentions: Iterable[Mention], fallback_lang: str, now: str) -> int:
    """Replace exactly the chosen mentions (a plan's), nothing else; return how many.

    Each value is read again and every span must still hold the text the plan
    found: a text changed since the plan is refused (``StoreError``), never
    guessed at. Minutes are redacted as a new revision (``store.redaction``).
    """
    from gespreks_tui.markdown_escape import inline
    from gespreks_tui.privacy.names import removed_label
    from gespreks_tui.store.mentions import MARKDOWN_COLUMNS, SOURCES

    by_value: dict[tuple[str, str, int], list[Mention]] = {}
    for mention in mentions:
        by_value.setdefault((mention.table, mention.column, mention.rowid), []).append(mention)
    count = 0
    for (table, column, rowid), chosen in by_value.items():
        if (table, column) not in SOURCES:
            raise ValueError(f"not a mention column: {table}.{column}")
        row = db.execute(f"select {quote(column)} from {quote(table)} where rowid = ?",
                         [rowid]).fetchone()
        if row is None:
            continue  # removed with the person's own records
        text = row[0]
        label = removed_label("person", _conversation_language(
            db, chosen[0].conversation_id, fallback_lang))
        if (table, column) in MARKDOWN_COLUMNS:
            label = inline(label)
        for mention in sorted(chosen, key=lambda m: m.start, reverse=True):
            if text[mention.start:mention.end] != mention.found:
                raise StoreError("privacy.erase.changed_since_plan", "", number=mention.number)
            text = text[:mention.start] + label + text[mention.end:]
            count += 1
        if table == "minutes_revisions":
            redact_revision(db, rowid, text, now)  # a new revision; the old text gone
        else:
            db.execute(f"update {quote(table)} set {quote(column)} = ? where rowid = ?",
                       [text, rowid])
        pause_point("erase.redacting")  # test-only (kill -9 half-way): see secure_delete
    return count


def _forget_statistics(db) -> None:
    """sqlite_stat4 (when compiled in) keeps sample index keys: names, possibly."""
    if db.execute("select 1 from sqlite_master where name = 'sqlite_stat4'").fetchone():
        db.execute("delete from sqlite_stat4")


class ErasureMixin(PeopleMixin, SecureDeleteMixin):
    def _erase_steps(self, person: Person, fallback_lang: str,
                     redact: Iterable[Mention] = ()) -> tuple[int, int, tuple]:
        from gespreks_tui.store.mentions import matcher_for

        db = self.db
        texts = _redact_mentions(db, redact, fallback_lang, self.now())  # as the plan read
        matcher = matcher_for(db, person)  # the one matcher, as the plan and the export use
        db.conn.create_function(MENTIONS, 1, matcher.found, deterministic=True)
        as_manager = _neutralise_manager(db, person, matcher, self.now())
        _delete_person(db, person)
        settings = _drop_settings(db, person)
        _forget_statistics(db)
        return as_manager, texts, settings

    def _erasure(self, people: list[Person], conversations: list[int],
                 fallback_lang: str, redact: Iterable[Mention] = ()) -> Erasure:
        """Delete ``conversations`` and erase ``people``; run inside ``_in_transaction``.

        Only the mentions in ``redact`` (of a plan, for the first of ``people``)
        are replaced in other people's records; nothing else is rewritten.
        """
        from gespreks_tui.privacy.retention import Erasure

        before = row_counts(self.db)
        if conversations:
            self.db.execute("delete from conversations where id in "
                            "(select value from json_each(?))", [json.dumps(conversations)])
        as_manager = texts = 0
        settings: tuple[str, ...] = ()
        chosen = tuple(redact)
        for person in people:
            managed, changed, keys = self._erase_steps(person, fallback_lang, chosen)
            chosen = ()
            as_manager, texts, settings = as_manager + managed, texts + changed, settings + keys
        return Erasure(people=tuple(people), removed=removed(before, row_counts(self.db)),
                       as_manager=as_manager, texts=texts, settings=settings)

    @locked
    def revision_redaction(self, conversation_id: int, revision: int
                           ) -> tuple[str, int | None] | None:
        """(redacted_at, by_revision) when that revision was anonymised after an erasure."""
        from gespreks_tui.store.redaction import redaction_of

        return redaction_of(self.db, conversation_id, revision)

    @locked
    def mentions_of(self, person_id: int) -> tuple[Mention, ...]:
        """Every mention of the person in other people's records (``store.mentions``)."""
        from gespreks_tui.store.mentions import find_mentions

        return find_mentions(self.db, self.get_person(person_id))

    @locked
    def plan_erasure(self, person_id: int, lang: str | None = None) -> ErasurePlan:
        """What erasing the person removes, and every mention of them elsewhere (one scan).

        ``effect.texts`` is the number of mentions listed; nothing changes.
        """
        from gespreks_tui.store.mentions import find_mentions
        from gespreks_tui.store.records import ErasurePlan

        person = self.get_person(person_id)
        fallback = lang or language()

        def plan() -> ErasurePlan:
            mentions = find_mentions(self.db, person)
            effect = self._erasure([person], [], fallback)
            return ErasurePlan(replace(effect, texts=len(mentions)), mentions)

        return self._in_transaction(plan, True)

    @locked
    def erase_person(self, person_id: int, dry_run: bool = False,
                     lang: str | None = None, redact: Iterable[Mention] = ()) -> Erasure:
        """Remove a person and every conversation in which they were the employee.

        ``redact``: the mentions of them in other records (from ``plan_erasure``)
        to replace by "(verwijderde persoon)"; no other text changes. With
        ``dry_run`` nothing changes and the result says what would be removed.
        Otherwise the removal is committed as one transaction, then ``compact``
        makes sure the bytes are gone (``wal_cleared``).
        """
        person = self.get_person(person_id)
        chosen = tuple(redact)
        effect = self._in_transaction(
            lambda: self._erasure([person], [], lang or language(), chosen), dry_run)
        if dry_run:
            return effect
        return replace(effect, wal_cleared=self.compact())
