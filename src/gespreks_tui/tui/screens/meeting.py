"""The meeting screen: agenda, notes and agreements side by side, saved as you type.

Typing only marks the note dirty; at most ``autosave_delay`` seconds later the
text is handed to the background ``Saver``, which writes it through the one
store connection. Timer state is saved every second while it runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, TextArea

from gespreks_tui.agenda import AgendaTimer
from gespreks_tui.autosave import Saver
from gespreks_tui.catalogue import t
from gespreks_tui.db import StoreError
from gespreks_tui.model import Agreement, AgreementStatus, Outcome, Visibility
from gespreks_tui.tui.format import kind_text
from gespreks_tui.tui.screens.meeting_actions import MeetingActions
from gespreks_tui.tui.widgets.agenda_pane import AgendaPane
from gespreks_tui.tui.widgets.agreements_pane import AgreementsPane
from gespreks_tui.tui.widgets.key_footer import KeyFooter
from gespreks_tui.tui.widgets.notes_area import NotesArea
from gespreks_tui.tui.widgets.notes_pane import NotesPane
from gespreks_tui.tui.widgets.scores_panel import OVERALL, ScoresPanel


@dataclass
class Saved(Message):
    """Posted (from the saver thread) after each write attempt."""

    key: object
    error: Exception | None


class MeetingScreen(MeetingActions, Screen):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # meeting.tcss: grid columns
    # In the order the Footer shows them: what a meeting needs most comes first.
    BINDINGS = [
        Binding("ctrl+n", "new_agreement", t("key.new_agreement"), id="meeting.new_agreement"),
        Binding("ctrl+f", "next_phase", t("key.next_phase"), id="meeting.next_phase"),
        Binding("ctrl+b", "previous_phase", t("key.previous_phase"),
                id="meeting.previous_phase"),
        Binding("ctrl+t", "toggle_timer", t("key.pause"), id="meeting.pause"),
        Binding("ctrl+o", "toggle_private", t("key.private"), id="meeting.private"),
        Binding("ctrl+r", "conclude", t("key.conclude"), id="meeting.conclude"),
        Binding("ctrl+r", "reopen", t("key.reopen"), id="meeting.reopen"),
        Binding("escape", "leave", t("key.leave"), id="meeting.leave"),
        Binding("ctrl+g", "toggle_questions", t("key.questions"), id="meeting.questions"),
        Binding("f5", "minutes", t("key.minutes"), id="meeting.minutes"),
        Binding("f8", "history", t("key.history"), id="meeting.history"),
        Binding("f2", "focus_pane('agenda')", t("key.focus_agenda"), id="meeting.focus_agenda"),
        Binding("f3", "focus_pane('notes')", t("key.focus_notes"), id="meeting.focus_notes"),
        Binding("f4", "focus_pane('agreements')", t("key.focus_agreements"),
                id="meeting.focus_agreements"),
    ]

    def __init__(self, conversation_id: int) -> None:
        super().__init__()
        self.conversation_id = conversation_id
        self.visibility = Visibility.SHARED
        self._flush_timer: Timer | None = None
        self._dirty = False
        self._loads_pending = 0  # TextArea.Changed messages caused by load_text, not typing
        self._deleted: list[Agreement] = []
        self.elsewhere = False  # set on mount: another copy of the app has it open

    # -- set-up -------------------------------------------------------------
    def compose(self) -> ComposeResult:
        store = self.app.store
        self.conversation = store.get_conversation(self.conversation_id)
        c = self.conversation
        self._load_follow_ups()
        self.shown_agreements = store.agreements(c.id)
        yield Header()
        # A grid of 3 columns and 2 rows: agenda | pane over notes | agreements. The
        # notes text sits straight on the screen (see NotesArea); in grid order it
        # comes last, in the second row of the middle column.
        yield AgendaPane([p.name for p in c.phases], id="agenda")
        yield NotesPane(id="notes-pane")
        yield AgreementsPane(self.shown_agreements, self.app.clock.today(), self.earlier,
                             self.follow_up_done, self.done_between, id="agreements")
        yield NotesArea(id="notes")
        yield KeyFooter()

    def on_mount(self) -> None:
        store, c = self.app.store, self.conversation
        # Open in another copy of the app: look, but do not type over its notes.
        self.elsewhere = c.is_open and not self.app.presence.claim(c.id)
        self.texts: dict[tuple[int, Visibility], str] = store.notes(c.id)
        self.preparation = store.preparation(c.id)
        self.timer = AgendaTimer([p.planned_seconds for p in c.phases], self.app.clock,
                                 used=[p.used_seconds for p in c.phases],
                                 current=c.current_phase, paused=True)
        self.saver = Saver(on_result=lambda key, error: self.post_message(Saved(key, error)))
        self.text_area = self.notes.text_area  # kept: still readable while unmounting
        self.title = t("meeting.title", kind=kind_text(c.kind).capitalize(),
                       employee=c.employee_name)
        self._apply_read_only()
        if self.elsewhere:
            self.app.notify(t("meeting.open_elsewhere"), severity="warning", timeout=10)
        elif c.is_open:
            self.timer.resume()
            self.guard(lambda: store.remember_open_meeting(c.id))
        self.show_phase()
        self.set_interval(1.0, self.every_second)
        self.notes.text_area.focus()

    @property
    def read_only(self) -> bool:
        return not self.conversation.is_open or self.elsewhere

    @property
    def notes(self) -> NotesPane:
        return self.query_one(NotesPane)

    @property
    def agreements_pane(self) -> AgreementsPane:
        return self.query_one(AgreementsPane)

    def _apply_read_only(self) -> None:
        self.notes.text_area.read_only = self.read_only
        self.sub_title = t(f"status.{self.conversation.status}")
        self.set_class(self.read_only, "read-only")
        self.refresh_bindings()

    def _load_follow_ups(self) -> None:
        store, c = self.app.store, self.conversation
        done = {f.agreement_id: f for f in store.follow_ups(c.id)}
        earlier = store.open_agreements_of(c.employee_id, before=c.id)
        known = {a.id for a in earlier}
        earlier += [store.get_agreement(i) for i in done if i not in known]
        between = [h.agreement for h in store.done_between_of(c.employee_id, c.id)]
        earlier += [a for a in between if a.id not in known and a.id not in done]
        self.earlier = sorted(earlier, key=lambda a: (a.conversation_id, a.position))
        self.follow_up_done = done
        self.done_between = {a.id for a in between}

    # -- showing ------------------------------------------------------------
    def show_phase(self) -> None:
        phase = self.conversation.phases[self.timer.current]
        self.notes.show_phase(phase.name, phase.questions, self.visibility,
                              self.preparation.get(phase.position, ""))
        self.show_scores(phase)
        self.text_area.load_text(self.texts.get((phase.position, self.visibility), ""))
        self.text_area.move_cursor(self.text_area.document.end)  # go on where the note ends
        self._loads_pending += 1
        self._dirty = False
        self.tick()

    def show_scores(self, phase) -> None:
        """The appraisal's scoring phase gets its criteria panel above the notes."""
        shown = self.notes.query(ScoresPanel)
        if shown and shown.first().phase_position == phase.position:
            return
        panel = None
        if phase.criteria:
            store = self.app.store
            panel = ScoresPanel(phase.criteria, store.scores(self.conversation_id),
                                store.overall(self.conversation_id), self.read_only)
            panel.phase_position = phase.position
            if self.app.size.height < 30:  # make room: fold the questions away
                self.notes.add_class("folded")
        # On a narrow screen the scores take the agreements' column (meeting.tcss).
        self.set_class(panel is not None, "scoring")
        self.notes.show_scores(panel)

    def on_scores_panel_changed(self, message: ScoresPanel.Changed) -> None:
        if self.read_only:
            return
        store, conversation_id = self.app.store, self.conversation_id
        if message.position == OVERALL:
            job = lambda: store.save_overall(conversation_id, message.score,  # noqa: E731
                                             message.comment)
        else:
            job = lambda: store.save_score(conversation_id, message.position,  # noqa: E731
                                           message.criterion, message.score, message.comment)
        self.saver.submit(("score", message.position), job)

    def show_agreements(self, keep: int | None = None) -> None:
        agreements = self.app.store.agreements(self.conversation_id)
        self.shown_agreements = agreements
        self.agreements_pane.show(agreements, self.app.clock.today(), keep)

    def every_second(self) -> None:
        if self.elsewhere:  # another copy has it open: follow what it stores
            from gespreks_tui.tui.screens.read_along import follow

            status = self.conversation.status
            follow(self)
            if self.conversation.status != status:
                self._apply_read_only()
        self.tick()

    def tick(self) -> None:
        self.query_one(AgendaPane).refresh_from(self.timer, self.read_only)
        if not self.timer.paused and not self.read_only:
            self.save_timer()

    # -- saving -------------------------------------------------------------
    def save_timer(self) -> None:
        current, paused, used = self.timer.state()
        store, conversation_id = self.app.store, self.conversation_id
        self.saver.submit("timer", lambda: store.save_timer(conversation_id, current,
                                                             paused, used))

    @on(TextArea.Changed, "#notes")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self._loads_pending:  # messages arrive in order: this one is the load's
            self._loads_pending -= 1
            return
        if self.read_only:
            return
        self._dirty = True
        if self._flush_timer is None:
            self._flush_timer = self.set_timer(self.app.autosave_delay, self.flush_notes)

    def flush_notes(self) -> None:
        """Hand the current note's text to the saver (called at most every delay)."""
        self._flush_timer = None
        if not self._dirty or self.read_only:
            return
        self._dirty = False
        key = (self.timer.current, self.visibility)
        body = self.text_area.text
        self.texts[key] = body
        store, conversation_id = self.app.store, self.conversation_id
        self.saver.submit(("note", key), lambda: store.save_note(conversation_id, *key, body))

    def save_all(self, timeout: float = 5.0) -> bool:
        """Queue everything not yet saved and wait for it to be written."""
        if self._flush_timer is not None:
            self._flush_timer.stop()
        self._flush_timer = None
        self.flush_notes()
        if not self.read_only:
            self.save_timer()
        return self.saver.flush(timeout)

    def on_saved(self, message: Saved) -> None:
        if message.error is not None:
            reason = (message.error.message() if isinstance(message.error, StoreError)
                      else str(message.error))
            self.notes.show_save_status(t("notes.save_failed", reason=reason), error=True)
        elif isinstance(message.key, tuple) and message.key[0] == "note":
            when = self.app.clock.now().astimezone().strftime("%H:%M:%S")
            self.notes.show_save_status(t("notes.saved_at", time=when))

    def on_unmount(self) -> None:
        self.save_all()
        self.saver.close(timeout=2.0)
        if not self.elsewhere:
            self.app.presence.release(self.conversation_id)

    # -- used by the agreements pane ------------------------------------------
    def toggle_agreement(self, agreement: Agreement) -> None:
        if self.read_only:
            return
        status = (AgreementStatus.OPEN if agreement.status == AgreementStatus.DONE
                  else AgreementStatus.DONE)
        self.guard(lambda: self.app.store.update_agreement(agreement.id, status=status))
        self.show_agreements(keep=agreement.id)

    def follow_up(self, agreement: Agreement, outcome: Outcome) -> None:
        if self.read_only:
            return
        result = self.guard(lambda: self.app.store.record_follow_up(
            agreement.id, self.conversation_id, outcome))
        if result is not None:
            self.follow_up_done[agreement.id] = result
        self.agreements_pane.show_follow_ups(self.earlier, self.follow_up_done, self.done_between)

    def guard(self, job):
        """Run a store call; on a store error show it and return None."""
        try:
            return job()
        except StoreError as error:
            self.app.notify(error.message(), severity="error", timeout=8, markup=False)
            return None
