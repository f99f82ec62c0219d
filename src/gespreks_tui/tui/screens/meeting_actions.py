"""The meeting screen's key actions (a mixin, to keep meeting.py readable)."""

from __future__ import annotations

from gespreks_tui.catalogue import t
from gespreks_tui.model import Agreement, Visibility

EDITING_ACTIONS = {
    "next_phase", "previous_phase", "toggle_timer", "new_agreement", "conclude",
}


class MeetingActions:
    """Actions bound in ``MeetingScreen.BINDINGS``; ``self`` is the meeting screen."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not hasattr(self, "conversation"):
            return True
        if action in ("reopen", "minutes"):
            return not self.conversation.is_open
        if action in EDITING_ACTIONS:
            return not self.read_only
        return True

    # -- phases and timer ---------------------------------------------------
    def _move(self, moved: bool) -> None:
        if not moved:
            self.app.bell()
            return
        self.flush_notes()
        self.save_timer()
        self.show_phase()

    def action_next_phase(self) -> None:
        self.flush_notes()  # first: the note belongs to the phase being left
        self._move(self.timer.next())

    def action_previous_phase(self) -> None:
        self.flush_notes()
        self._move(self.timer.previous())

    def action_toggle_timer(self) -> None:
        running = self.timer.toggle()
        self.save_timer()
        self.tick()
        self.app.notify(t("agenda.running") if running else t("agenda.paused"), timeout=2)

    # -- notes --------------------------------------------------------------
    def action_toggle_private(self) -> None:
        self.flush_notes()
        self.visibility = (Visibility.SHARED if self.visibility == Visibility.PRIVATE
                           else Visibility.PRIVATE)
        self.show_phase()
        if self.visibility == Visibility.PRIVATE and not self.app.store.get_setting(
                "notice.private_notes"):
            self.app.notify(t("notes.private_notice"), title=t("notes.private_title"),
                            timeout=12)
            self.app.store.set_setting("notice.private_notes", "1")
        self.notes.text_area.focus()

    def action_toggle_questions(self) -> None:
        self.notes.toggle_questions()

    def action_focus_pane(self, pane: str) -> None:
        if pane == "agenda":
            self.query_one("#agenda").focus()
        elif pane == "notes":
            self.notes.text_area.focus()
        else:
            self.query_one("#agreement-list").focus()

    # -- agreements ---------------------------------------------------------
    def action_new_agreement(self) -> None:
        self.edit_agreement(None)

    def edit_agreement(self, agreement: Agreement | None) -> None:
        if self.read_only:
            return
        from gespreks_tui.tui.screens.agreement_form import AgreementForm

        def done(result) -> None:
            if result is None:
                return
            store = self.app.store
            if agreement is None or agreement.id == 0:
                saved = self.guard(lambda: store.add_agreement(
                    self.conversation_id, result.text, result.owner, result.due_date))
            else:
                saved = self.guard(lambda: store.update_agreement(
                    agreement.id, text=result.text, owner=result.owner,
                    due_date=result.due_date))
            if saved is None:  # not stored: reopen the form with what was typed
                retry = Agreement(id=agreement.id if agreement else 0,
                                  conversation_id=self.conversation_id, text=result.text,
                                  owner=result.owner, due_date=result.due_date)
                self.app.call_later(self.edit_agreement, retry)
                return
            self.show_agreements(keep=saved.id)

        self.app.push_screen(AgreementForm(self.app.clock.today(), agreement), done)

    def delete_agreement(self, agreement: Agreement) -> None:
        if self.read_only:
            return
        def delete() -> bool:
            self.app.store.delete_agreement(agreement.id)
            return True

        if not self.guard(delete):
            return
        self._deleted.append(agreement)
        self.show_agreements()
        self.app.notify(t("agreements.deleted", text=agreement.text[:40]), timeout=6,
                        markup=False)

    def undo_delete(self) -> None:
        if not self._deleted or self.read_only:
            self.app.bell()
            return
        agreement = self._deleted.pop()
        restored = self.guard(lambda: self.app.store.restore_agreement(agreement))
        if restored:
            self.show_agreements(keep=restored.id)

    # -- conclude, reopen, leave ----------------------------------------------
    def action_conclude(self) -> None:
        from gespreks_tui.tui.screens.conclude import ConcludeScreen, SummaryScreen

        def done(next_date) -> None:
            if next_date is None:
                return
            self.timer.pause()
            self.save_all()
            store = self.app.store
            concluded = self.guard(lambda: store.conclude(self.conversation_id,
                                                          next_date.isoformat()))
            if concluded is None:
                return
            self.conversation = concluded
            self.guard(lambda: store.remember_open_meeting(None))
            self._apply_read_only()
            self.tick()
            count = len(store.agreements(self.conversation_id))
            self.app.push_screen(SummaryScreen(concluded, count), self._after_summary)

        self.flush_notes()
        self.app.push_screen(ConcludeScreen(self.conversation, self.app.clock.today()), done)

    def _after_summary(self, choice: str | None) -> None:
        if choice == "minutes":
            self.action_minutes()

    def action_minutes(self) -> None:
        from gespreks_tui.tui.screens.minutes import MinutesScreen

        self.app.push_screen(MinutesScreen(self.conversation_id))

    def action_history(self) -> None:
        """The employee's history, with the previous conversation selected."""
        from gespreks_tui.tui.screens.history import HistoryScreen

        c = self.conversation
        earlier = [r.id for r in self.app.store.list_conversations(c.employee_id) if r.id != c.id]
        self.flush_notes()
        self.app.push_screen(HistoryScreen(c.employee_id, select=earlier[0] if earlier else None))

    def action_reopen(self) -> None:
        """Reopen for a correction; a confirmed conversation then gets a new revision."""
        reopened = self.guard(lambda: self.app.store.reopen(self.conversation_id,
                                                           correction=True))
        if reopened is None:
            return
        self.conversation = reopened
        self.guard(lambda: self.app.store.remember_open_meeting(self.conversation_id))
        self._apply_read_only()
        self.tick()
        self.app.notify(t("meeting.reopened"), timeout=4)

    def action_leave(self) -> None:
        """Back to where the meeting was opened; the start screen if it opened by itself."""
        self.save_all()
        below = self.app.screen_stack[1:-1]  # [0] is Textual's blank default screen
        still_open = [s.conversation_id for s in below
                      if isinstance(s, type(self)) and s.conversation.is_open]
        if not self.elsewhere:  # that other copy keeps its own place
            self.guard(lambda: self.app.store.remember_open_meeting(
                still_open[-1] if still_open else None))
        if below:
            self.app.pop_screen()
        else:  # the app began with this meeting (it resumed it)
            from gespreks_tui.tui.screens.start import StartScreen

            self.app.switch_screen(StartScreen())
