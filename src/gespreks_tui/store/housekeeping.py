"""Housekeeping on the start screen: typos and mistakes, not personnel-data requests.

A manager mistypes a name, adds someone twice, starts a conversation with the
wrong person or kind. Erasure (``privacy``) is for a person's data request
and leaves traces on purpose (it reports, redacts and compacts); these verbs
are for the mistake made a minute ago:

- ``rename_person``: correct a name (the manager's too, see ``set_manager_name``);
- ``remove_person``: remove someone who was never in a conversation;
- ``discard_conversation``: throw away an unfinished conversation that was never
  issued as minutes. The start screen offers an undo for a while *before* it
  calls this (the row stays until then), so a crash in that time loses nothing.

Stored minutes are records and keep the name they were issued with.
"""

from __future__ import annotations

from dataclasses import dataclass

from gespreks_tui.db import StoreError
from gespreks_tui.errors import UserError
from gespreks_tui.model import ConversationSummary, Person
from gespreks_tui.person_names import clean_name, name_key
from gespreks_tui.settings import MANAGER_SETTING, RESUME_SETTING
from gespreks_tui.store.base import locked
from gespreks_tui.store.conversations import _SUMMARY_SQL, _summary
from gespreks_tui.store.people import PeopleMixin
from gespreks_tui.store.secure_delete import SecureDeleteMixin


@dataclass(frozen=True)
class Unfinished:
    """An unfinished conversation as the start screen lists it."""

    summary: ConversationSummary
    updated_at: str
    planned_minutes: int


class HousekeepingMixin(PeopleMixin, SecureDeleteMixin):
    def _clean(self, name: str) -> str:
        try:
            clean = clean_name(name)
        except UserError as refused:
            raise StoreError(refused.key, self.path, **refused.values) from None
        if not clean:
            raise StoreError("housekeeping.empty_name", self.path)
        return clean

    def _name_taken(self, name: str, person_id: int | None) -> bool:
        key = name_key(name)
        return any(name_key(r["name"]) == key and r["id"] != person_id
                   for r in self._rows("select id, name from people"))

    @locked
    def rename_person(self, person_id: int, name: str) -> Person:
        """Give ``person_id`` the name ``name``; refused when someone else has it.

        When the person is the manager (the remembered name), the setting follows.
        """
        clean = self._clean(name)
        with self.db.atomic():
            person = self.get_person(person_id)
            if self._name_taken(clean, person_id):
                raise StoreError("housekeeping.name_taken", self.path, name=clean)
            self.db.execute("update people set name = ? where id = ?", [clean, person_id])
            manager = self.get_setting(MANAGER_SETTING)
            if manager and name_key(manager) == name_key(person.name):
                self.set_setting(MANAGER_SETTING, clean)
        return self.get_person(person_id)

    @locked
    def set_manager_name(self, name: str) -> Person:
        """The manager's own name: the remembered setting and their person record."""
        clean = self._clean(name)
        with self.db.atomic():
            old = self.get_setting(MANAGER_SETTING)
            current = self.find_person(old) if old else None
            if current is not None and not self._name_taken(clean, current.id):
                self.db.execute("update people set name = ? where id = ?", [clean, current.id])
                person = self.get_person(current.id)
            else:  # never named, or the new name is someone already known
                person = self.add_person(clean)
            self.set_setting(MANAGER_SETTING, person.name)
        return person

    @locked
    def remove_person(self, person_id: int) -> None:
        """Remove someone added by mistake: only while they are in no conversation."""
        with self.db.atomic():
            person = self.get_person(person_id)
            if self.conversations_involving(person_id):
                raise StoreError("housekeeping.has_conversations", self.path, name=person.name)
            self.db.execute("delete from people where id = ?", [person_id])

    @locked
    def unfinished_overview(self) -> list[Unfinished]:
        """Running (or draft) conversations, newest change first, with their planned length."""
        rows = self._rows(
            _SUMMARY_SQL.replace("select c.id,",
                                 "select c.updated_at, c.planned_seconds, c.id,")
            + " where c.status in ('draft', 'running') order by c.updated_at desc, c.id desc")
        return [Unfinished(_summary(r), r["updated_at"], round(r["planned_seconds"] / 60))
                for r in rows]

    @locked
    def discard_refusal(self, conversation_id: int) -> StoreError | None:
        """Why ``conversation_id`` cannot be discarded (None: it can)."""
        row = self.db.execute("select status from conversations where id = ?",
                              [conversation_id]).fetchone()
        if row is None:
            return StoreError("conversation.not_found", self.path, id=conversation_id)
        issued = self.db.execute("select 1 from minutes_revisions where conversation_id = ?",
                                 [conversation_id]).fetchone()
        if row[0] not in ("draft", "running") or issued:
            return StoreError("housekeeping.has_minutes", self.path, id=conversation_id)
        followed = self.db.execute(
            "select 1 from follow_ups f join agreements a on a.id = f.agreement_id "
            "where a.conversation_id = ? and f.conversation_id != ?",
            [conversation_id, conversation_id]).fetchone()
        if followed:
            return StoreError("housekeeping.followed_up", self.path, id=conversation_id)
        return None

    @locked
    def discard_conversation(self, conversation_id: int) -> None:
        """Remove an unfinished conversation that never had minutes, for good.

        Earlier agreements it followed up are open again (with the outcome of
        any earlier follow-up), as if this conversation had not been held.
        """
        def work() -> None:
            refusal = self.discard_refusal(conversation_id)
            if refusal is not None:
                raise refusal
            followed = [r[0] for r in self.db.execute(
                "select agreement_id from follow_ups where conversation_id = ?",
                [conversation_id]).fetchall()]
            self.db.execute("delete from conversations where id = ?", [conversation_id])
            for agreement_id in followed:
                last = self.db.execute(
                    "select outcome from follow_ups where agreement_id = ? order by id desc",
                    [agreement_id]).fetchone()
                self.db.execute(
                    "update agreements set status = 'open', done_at = null, outcome = ?, "
                    "updated_at = ? where id = ?",
                    [last[0] if last else None, self.now(), agreement_id])
            self.db.execute("delete from settings where key = ? and value = ?",
                            [RESUME_SETTING, str(conversation_id)])

        self._in_transaction(work, dry_run=False)
