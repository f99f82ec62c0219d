"""The start screen's housekeeping: correct a name, remove a mistaken person, discard an
unfinished conversation (with undo), change the manager's own name.

A mixin for ``StartScreen`` (kept apart so that each file stays readable). A
discard is not carried out at once: the conversation leaves the list, and the
row stays in the database for ``UNDO_SECONDS`` (ctrl+z puts it back; a letter
would go into the name field). It is removed when that time is up, when the screen is left, or when the app quits;
a crash in between loses nothing, it only keeps the conversation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.timer import Timer
from textual.widgets import OptionList

from gespreks_tui.catalogue import language, t
from gespreks_tui.errors import UserError
from gespreks_tui.model import Person
from gespreks_tui.store.housekeeping import Unfinished
from gespreks_tui.tui.format import ago_text, id_of, kind_text, local_day_text, unbroken

if TYPE_CHECKING:  # for the type checker: what it uses of the start screen
    from textual.screen import Screen

    from gespreks_tui.tui.gateway import StoreCalls

    class _Base(StoreCalls, Screen):
        def selected_person_id(self) -> int | None: ...
        def say(self, text: str, error: bool = False) -> None: ...
        def say_error(self, error: Exception) -> None: ...
        def refresh_lists(self) -> None: ...
else:
    _Base = object

UNDO_SECONDS = 30


def unfinished_line(row: Unfinished, now) -> str:
    """One unfinished conversation: number, date, kind, who, planned length, last change."""
    s = row.summary
    return unbroken(t("start.unfinished_line", id=s.id,
                      date=local_day_text(s.date, language(), s.time_zone),
                      kind=kind_text(s.kind), employee=s.employee,
                      minutes=row.planned_minutes,
                      ago=ago_text(row.updated_at, now)))  # "60 min" on one line


class StartHousekeeping(_Base):
    """Rename, remove, discard and undo, the manager's name: each asks first."""

    pending_discard: int | None = None
    _discard_timer: Timer | None = None

    # -- an employee --------------------------------------------------------
    def _chosen_person(self) -> Person | None:
        """The employee chosen in the list, or None (and the user told to pick one)."""
        person_id = self.selected_person_id()
        if person_id is None:
            self.say(t("start.pick_person"), error=True)
            return None
        store = self.store
        return self.store_read(lambda: store.get_person(person_id))

    def action_rename(self) -> None:
        from gespreks_tui.tui.screens.name_dialog import NameDialog

        store, person = self.store, self._chosen_person()
        if person is None:
            return
        person_id = person.id

        def chosen(name: str | None) -> None:
            if name:
                self.store_work(lambda: store.rename_person(person_id, name),
                                then=lambda done: self._changed(
                                    t("start.renamed", old=person.name, name=done.name)),
                                failed=self.say_error)

        self.app.push_screen(NameDialog(t("start.rename_title"),
                                        t("start.rename_explain", name=person.name),
                                        person.name), chosen)

    def action_remove_person(self) -> None:
        from gespreks_tui.tui.screens.question_dialog import QuestionDialog

        store, person = self.store, self._chosen_person()
        if person is None:
            return
        person_id = person.id
        if self.store_read(lambda: store.conversations_involving(person_id), []):
            self.say(t("housekeeping.has_conversations", name=person.name), error=True)
            return

        def chosen(answer: str | None) -> None:
            if answer == "yes":
                self.store_work(lambda: store.remove_person(person_id),
                                then=lambda _: self._changed(t("start.removed",
                                                               name=person.name)),
                                failed=self.say_error)

        self.app.push_screen(QuestionDialog(
            t("start.remove_title"), t("start.remove_explain", name=person.name),
            [("no", t("dialog.no")), ("yes", t("dialog.yes"))]), chosen)

    def action_manager_name(self) -> None:
        from gespreks_tui.tui.screens.name_dialog import NameDialog

        store = self.store

        def chosen(name: str | None) -> None:
            if name:
                self.store_work(lambda: store.set_manager_name(name),
                                then=lambda done: self._changed(
                                    t("start.manager_changed", name=done.name)),
                                failed=self.say_error)

        self.app.push_screen(NameDialog(t("start.manager_title"), t("start.manager_explain"),
                                        self.app.manager_name or ""), chosen)

    def _changed(self, message: str) -> None:
        self.refresh_lists()
        self.say(message)

    # -- an unfinished conversation -------------------------------------------
    def action_discard(self) -> None:
        from gespreks_tui.tui.screens.question_dialog import QuestionDialog

        resume = self.query_one("#resume-list", OptionList)
        if resume.highlighted is None or not resume.option_count:
            self.say(t("start.pick_unfinished"), error=True)
            return
        conversation_id = id_of(resume.get_option_at_index(resume.highlighted))
        store = self.store
        refusal = self.store_read(lambda: store.discard_refusal(conversation_id))
        if refusal is not None:
            self.say(refusal.message(), error=True)
            return
        if self.app.presence.open_elsewhere(conversation_id):
            self.say(t("start.open_elsewhere", id=conversation_id), error=True)
            return
        row = next((r for r in self.unfinished() if r.summary.id == conversation_id), None)
        if row is None:
            return
        s = row.summary

        def chosen(answer: str | None) -> None:
            if answer == "yes":
                self.commit_discard()  # an earlier one is final now: one undo at a time
                self.pending_discard = conversation_id
                self._discard_timer = self.set_timer(UNDO_SECONDS, self.commit_discard)
                self.refresh_lists()
                self.say(t("start.discarded", id=conversation_id, key=self.restore_key()))
                self.refresh_bindings()

        self.app.push_screen(QuestionDialog(
            t("start.discard_title"),
            t("start.discard_explain", id=s.id, kind=kind_text(s.kind), employee=s.employee,
              date=local_day_text(s.date, language(), s.time_zone), key=self.restore_key()),
            [("no", t("dialog.no")), ("yes", t("dialog.yes"))]), chosen)

    def restore_key(self) -> str:
        """The key that puts a discarded conversation back, as bound (``[keys]`` may
        remap ``start.restore``): the dialog and the message name it (walk25 F19)."""
        for _node, bindings in self._binding_chain:
            for key, binding in bindings:
                if binding.id == "start.restore":
                    return key
        return "ctrl+z"

    def action_restore(self) -> None:
        conversation_id = self.pending_discard
        if conversation_id is None:
            self.say(t("start.nothing_to_restore"), error=True)
            return
        self._stop_discard_timer()
        self.pending_discard = None
        self.refresh_lists()
        resume = self.query_one("#resume-list", OptionList)  # the highlight on what came back
        for index in range(resume.option_count):
            if resume.get_option_at_index(index).id == str(conversation_id):
                resume.highlighted = index
        self.say(t("start.restored", id=conversation_id))
        self.refresh_bindings()

    def commit_discard(self) -> None:
        """Carry out the pending discard now (the undo time is over, or the screen goes)."""
        conversation_id = self.pending_discard
        self._stop_discard_timer()
        if conversation_id is None:
            return
        self.pending_discard = None
        store = self.store
        self.store_read(lambda: store.discard_conversation(conversation_id))
        if self.is_mounted:
            self.refresh_bindings()

    def _stop_discard_timer(self) -> None:
        if self._discard_timer is not None:
            self._discard_timer.stop()
            self._discard_timer = None

    def unfinished(self) -> list[Unfinished]:
        """The unfinished conversations still offered (a pending discard is not)."""
        rows = self.store_read(self.store.unfinished_overview, []) or []
        return [r for r in rows if r.summary.id != self.pending_discard]

    def unfinished_quietly(self) -> list[Unfinished] | None:
        """``unfinished`` for a check nobody asked for: a store error gives None,
        unsaid (what the user does next says it once, not every few seconds)."""
        try:
            rows = self.store.unfinished_overview()
        except UserError:
            return None
        return [r for r in rows if r.summary.id != self.pending_discard]
