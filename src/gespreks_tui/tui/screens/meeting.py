"""The meeting screen: a view of one ``Meeting`` (agenda, notes, agreements).

The ``Meeting`` (``gespreks_tui.meeting``) holds the state and the rules; this
screen shows it and turns keys into calls on it. Typing only marks the note
typed; at most ``autosave_delay`` seconds later the text goes to the meeting's
saver. Writes the user waits for (an agreement, concluding) run through the
store gateway (``StoreCalls.store_work``), off the UI thread. The key actions
live in ``meeting_keys.py``; the agreements pane's requests in
``meeting_agreements.py``; the right-hand column while scoring at 80 columns
in ``meeting_columns.py``.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Header, TextArea

from gespreks_tui.catalogue import t
from gespreks_tui.meeting import Meeting
from gespreks_tui.model import Conversation, Phase, Visibility
from gespreks_tui.tui.format import kind_title
from gespreks_tui.tui.gateway import StoreCalls, error_line
from gespreks_tui.tui.screens.meeting_agreements import MeetingAgreements
from gespreks_tui.tui.screens.meeting_columns import MeetingColumns
from gespreks_tui.tui.screens.meeting_goals import MeetingGoals
from gespreks_tui.tui.screens.meeting_keys import MEETING_BINDINGS, MeetingKeys
from gespreks_tui.tui.widgets.agenda_pane import AgendaPane
from gespreks_tui.tui.widgets.agreements_pane import AgreementsPane
from gespreks_tui.tui.widgets.goals_pane import GoalsPane
from gespreks_tui.tui.widgets.key_footer import KeyFooter
from gespreks_tui.tui.widgets.notes_area import NotesArea
from gespreks_tui.tui.widgets.notes_pane import NotesPane

if TYPE_CHECKING:  # imported when an appraisal's scoring phase is shown (issue 19: start-up)
    from gespreks_tui.tui.widgets.scores_panel import ScoresPanel


@dataclass
class Saved(Message):
    """Posted (from the saver thread) after each write attempt."""

    key: Hashable
    error: Exception | None


class MeetingScreen(MeetingKeys, MeetingColumns, MeetingAgreements, MeetingGoals, StoreCalls,
                    Screen):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide"), (160, "-wider")]  # meeting.tcss: grid columns
    BINDINGS = MEETING_BINDINGS
    # The key line and the palette follow these (bindings=True: check_action again).
    read_only: reactive[bool] = reactive(False, bindings=True, init=False)
    private: reactive[bool] = reactive(False, bindings=True, init=False)
    running: reactive[bool] = reactive(False, bindings=True, init=False)
    # The right-hand column shows the goals (f7 switches; meeting_goals.py).
    goals_shown: reactive[bool] = reactive(False, bindings=True, init=False)

    def __init__(self, conversation_id: int, resumed: bool = False) -> None:
        """``resumed``: the app opened it by itself at start; leaving goes to the start."""
        super().__init__()
        self.conversation_id = conversation_id
        self.resumed = resumed
        self._flush_timer: Timer | None = None
        self._saved_at: dict[int, str] = {}  # phase index -> its save status, this session
        self.gone = False  # told the user that the conversation left the database

    def _saved(self, key: Hashable, error: Exception | None) -> None:
        """From the saver's thread: a write was attempted (a message to the UI thread)."""
        self.post_message(Saved(key, error))

    # -- set-up -------------------------------------------------------------
    def compose(self) -> ComposeResult:
        app = self.app
        # The width's class (-narrow, -wide, -wider) before the first layout: Textual
        # sets it on the first resize, which restyled every widget once more after the
        # first frame (issue 19: start-up). Textual keeps it up to date from there.
        self.add_class(*self._get_breakpoint_classes(app.size.width,
                                                     self.HORIZONTAL_BREAKPOINTS))
        self.meeting = Meeting(app.store, self.conversation_id, app.clock, app.presence,
                               on_saved=self._saved)
        m = self.meeting
        yield Header()
        # A grid of 3 columns and 2 rows: agenda | pane over notes | agreements. The
        # notes text sits straight on the screen (see NotesArea); in grid order it
        # comes last, in the second row of the middle column.
        yield AgendaPane([p.name for p in m.conversation.phases], id="agenda")
        yield NotesPane(id="notes-pane")
        agreements = AgreementsPane(m.agreements, app.clock.today(), m.follow_ups,
                                    id="agreements")
        agreements.goal_titles = m.goal_titles()  # "voor doel: …" under a linked one
        yield agreements
        if m.shows_goals:  # the same grid cell: one of the two is displayed
            goals = GoalsPane(m, app.clock.today(), id="goals")
            self.set_reactive(MeetingScreen.goals_shown, m.goals_first)
            goals.display, agreements.display = m.goals_first, not m.goals_first
            yield goals
        yield NotesArea(id="notes")
        yield KeyFooter()

    def on_mount(self) -> None:
        m = self.meeting
        self.app.meetings.append(m)
        m.start()
        self.text_area = self.query_one(NotesArea)  # kept: still readable while unmounting
        c = m.conversation
        self.title = t("meeting.title", kind=kind_title(c.kind),
                       employee=c.employee_name)
        self.name_the_switch()
        self.sync_state()
        if m.elsewhere:
            self.app.notify(t("meeting.open_elsewhere"), severity="warning", timeout=10)
        m.screen_share = self.app.screen_share
        self.watch(self.app, "screen_share", self._screen_share, init=False)
        self.show_phase()
        self.set_interval(1.0, self.every_second)
        self.text_area.focus()
        # Its border says so in the first frame already (``_notes_focus`` follows later
        # moves): the focus lands after the first layout, and the pane was restyled
        # and painted again for it (issue 19: start-up).
        self.notes.set_class(True, "notes-focus")

    def on_resize(self, _event: events.Resize) -> None:
        """Laid out (at first, or at a new size): a scrollbar the notes got in that layout
        is styled now. Textual styles a new one when its widget's styles next change,
        here when the notes take the focus after the first frame, and lays the screen
        out again for it (issue 19: start-up)."""
        area = getattr(self, "text_area", None)  # set in on_mount
        if area is not None and area.show_vertical_scrollbar:
            self.app.stylesheet.apply(area.vertical_scrollbar)

    def _screen_share(self, on: bool) -> None:
        """The screen is (no longer) shared: private notes go out of sight at once."""
        m = self.meeting
        m.screen_share = on
        if on and m.visibility == Visibility.PRIVATE:
            m.toggle_private(self.text_area.text)
            self.show_phase()
        self.refresh_bindings()

    # -- what tests and the app read ----------------------------------------
    @property
    def conversation(self) -> Conversation:
        return self.meeting.conversation

    @property
    def timer(self):  # noqa: ANN201 - the meeting's AgendaTimer
        return self.meeting.timer

    @property
    def visibility(self) -> Visibility:
        return self.meeting.visibility

    @property
    def saver(self):  # noqa: ANN201 - the meeting's Saver
        return self.meeting.saver

    @property
    def notes(self) -> NotesPane:
        return self.query_one(NotesPane)

    @property
    def agreements_pane(self) -> AgreementsPane:
        return self.query_one(AgreementsPane)

    @property
    def focus_chain(self) -> list[Widget]:
        """Tab goes agenda, notes, scores, agreements: the columns as they read.

        Textual orders focus by position, top first; the notes text starts a few
        rows below the agreements' top (it sits under the notes pane), so by
        position it would come last. In the scoring phase Tab from the notes goes
        on to the scores (the phase's work; their panel sits above the notes, so
        by position they would come before the notes and Tab from the notes would
        go elsewhere first). Keep Textual's order within each column.
        """
        scores: tuple[type[Widget], ...] = ()  # no scores shown: no ScoresPanel to find
        if self.has_class("scoring"):
            from gespreks_tui.tui.widgets.scores_panel import ScoresPanel

            scores = (ScoresPanel,)
        columns: tuple[type[Widget] | tuple[type[Widget], ...], ...] = (
            AgendaPane, NotesPane, NotesArea, scores, (AgreementsPane, GoalsPane))

        def column(widget: Widget) -> tuple[int, int]:
            for node in (widget, *widget.ancestors):  # the innermost: scores in NotesPane
                for number, kind in enumerate(columns):
                    if isinstance(node, kind):
                        return number, 0
            return 9, 0

        return sorted(super().focus_chain, key=column)

    @on(events.DescendantFocus, "NotesArea")
    @on(events.DescendantBlur, "NotesArea")
    def _notes_focus(self, event: events.DescendantFocus | events.DescendantBlur) -> None:
        """The notes pane's border lights up while the notes text has focus."""
        self.notes.set_class(isinstance(event, events.DescendantFocus), "notes-focus")

    # -- showing ------------------------------------------------------------
    def sync_state(self) -> None:
        """Bring the reactive state (and so the key line) in line with the meeting."""
        m = self.meeting
        self.read_only = m.read_only
        self.private = m.visibility == Visibility.PRIVATE
        self.running = not m.timer.paused
        self.sub_title = t(f"status.{m.conversation.status}")
        self.query_one(NotesArea).read_only = m.read_only
        self.set_class(m.read_only, "read-only")
        pane = self.agreements_pane
        pane.read_only, pane.can_undo = m.read_only, m.can_undo
        self.refresh_bindings()  # the phase or the undo stack may have changed as well

    def show_phase(self) -> None:
        m = self.meeting
        phase = m.phase
        self.notes.show_phase(phase.name, phase.questions, m.visibility,
                              m.preparation.get(phase.position, ""))
        self.show_scores(phase)
        if not self.notes.has_class("save-error"):  # a failed save stays said
            self.notes.show_save_status(self._saved_at.get(m.timer.current, ""))
        area = self.text_area
        area.set_class(m.visibility == Visibility.PRIVATE, "private")
        with area.prevent(TextArea.Changed):  # loading is not typing
            area.load_text(m.note)
        area.move_cursor(area.document.end)  # go on where the note ends
        m.dirty = False
        self.sync_state()
        self.tick()

    def show_scores(self, phase: Phase) -> None:
        """The appraisal's scoring phase gets its criteria panel above the notes."""
        shown = self.notes.query("ScoresPanel")
        if shown and getattr(shown.first(), "phase_position", None) == phase.position:
            return
        panel = None
        if phase.criteria:
            from gespreks_tui.tui.widgets.scores_panel import ScoresPanel

            store, conversation_id = self.store, self.conversation_id
            scores = self.store_read(lambda: store.scores(conversation_id), [])
            overall = self.store_read(lambda: store.overall(conversation_id), (None, ""))
            panel = ScoresPanel(phase.criteria, scores or [], overall or (None, ""),
                                self.meeting.read_only)
            panel.phase_position = phase.position
        # On a narrow screen the scores take the agreements' column (meeting.tcss); the
        # lists come back in their place while they have the focus (f4, f6, f7).
        self.set_class(panel is not None, "scoring")
        self.set_class(panel is not None and self._in_lists(self.focused), "lists-shown")
        # A low screen makes room for them: the questions fold away (ctrl+g) meanwhile.
        self.notes.show_scores(panel, make_room=self.app.size.height < 30)

    def on_scores_panel_changed(self, message: ScoresPanel.Changed) -> None:
        self.meeting.save_score(message.position, message.criterion, message.score,
                                message.comment)

    def show_agreements(self, keep: int | None = None) -> None:
        m = self.meeting
        self.agreements_pane.show(m.agreements, self.app.clock.today(), keep)
        self.sync_state()

    def every_second(self) -> None:
        m = self.meeting
        if m.elsewhere:  # another copy has it open: follow what it stores
            changed = self.store_read(m.refresh, None)
            if changed is not None:
                if changed.note:
                    self.show_phase()
                if changed.agreements:
                    self.show_agreements()
                if changed.status:
                    self.sync_state()
            if self.goals_pane is not None and self.store_read(m.refresh_goals, False):
                self.show_goals()
        self.tick()
        m.tick()

    def tick(self) -> None:
        self.query_one(AgendaPane).refresh_from(self.meeting.timer, self.meeting.read_only)

    @on(NotesArea.LargePaste)
    def _ask_large_paste(self, event: NotesArea.LargePaste) -> None:
        """A very large paste: insert, insert as a quote, or not (``PasteDialog``)."""
        from gespreks_tui.tui.screens.paste_dialog import PasteDialog

        event.stop()
        area, text = event.area, event.text
        self.app.push_screen(PasteDialog(event.size, event.lines),
                             lambda choice: area.paste_answered(text, choice))

    # -- saving -------------------------------------------------------------
    @on(TextArea.Changed, "#notes")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self.meeting.typed() and self._flush_timer is None:
            self._flush_timer = self.set_timer(self.app.autosave_delay, self.flush_notes)

    def flush_notes(self) -> None:
        """Hand the note on screen to the saver (called at most every autosave delay)."""
        self._flush_timer = None
        self.meeting.flush(self.text_area.text)

    def save_all(self, timeout: float = 5.0) -> bool:
        """Queue everything not yet saved and wait for it to be written."""
        if self._flush_timer is not None:
            self._flush_timer.stop()
        self.flush_notes()
        return self.meeting.save_all(timeout)

    def on_saved(self, message: Saved) -> None:
        if self.meeting.gone and not self.gone and message.error is not None:
            self.gone = True  # said once: the conversation left the database
            self.refresh_bindings()
            self.app.notify(error_line(message.error), severity="error", timeout=30,
                            markup=False)
        if message.error is not None:
            self.notes.show_save_status(t("notes.save_failed", reason=error_line(message.error)),
                                        error=True)
        elif isinstance(message.key, tuple) and message.key[0] in ("note", "score"):
            self._show_saved(message.key)

    def _show_saved(self, key: tuple) -> None:
        """"Opgeslagen 10:02:13" in the border of the phase it was saved in.

        Each phase keeps its own (this session's) last save: another phase shows
        its own, or none, never the time of a phase not on screen. A score is saved
        in the scoring phase (the only one with criteria)."""
        from gespreks_tui.display_time import clock_text

        m = self.meeting
        if key[0] == "note":
            index = key[1][0]
        else:
            index = next((i for i, p in enumerate(m.conversation.phases) if p.criteria),
                         m.timer.current)
        when = clock_text(self.app.clock.now(), m.conversation.time_zone, seconds=True)
        self._saved_at[index] = t("notes.saved_at", time=when)
        if index == m.timer.current:
            self.notes.show_save_status(self._saved_at[index],
                                        special=m.special_hint if key[0] == "note" else None)

    def on_unmount(self) -> None:
        if self._flush_timer is not None:
            self._flush_timer.stop()
        self.meeting.flush(self.text_area.text)
        self.meeting.close()
        if self.meeting in self.app.meetings:
            self.app.meetings.remove(self.meeting)
