"""The meeting screen's keys: phases, timer, private notes, conclude, reopen, leave.

Each action is one call on the ``Meeting`` and a redraw; what may be done in
which state is ``check_action``'s (the key line and the palette follow it,
since the screen's state is reactive with ``bindings=True``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

from gespreks_tui.catalogue import t
from gespreks_tui.model import Conversation, Visibility
from gespreks_tui.tui.gateway import StoreCalls

if TYPE_CHECKING:
    from gespreks_tui.meeting import Meeting
    from gespreks_tui.tui.widgets.notes_area import NotesArea
    from gespreks_tui.tui.widgets.notes_pane import NotesPane

# In the order the key line shows them: what a meeting needs most comes first.
MEETING_BINDINGS: list[BindingType] = [
    Binding("ctrl+n", "new_agreement", t("key.new_agreement"), id="meeting.new_agreement"),
    # One key, what the right-hand column shows: a goal there, else an agreement.
    Binding("ctrl+n", "new_goal", t("goals_ui.key_new_goal"), id="meeting.new_goal"),
    # Goals and agreements share the right-hand column (meeting_goals.py); shown only when
    # the meeting has goals. priority: the notes text binds f7 to "select all", as it
    # binds f6 (shift+arrows still select).
    Binding("f7", "switch_pane('goals')", t("goals_ui.key_goals"), id="meeting.show_goals",
            priority=True),
    Binding("f7", "switch_pane('agreements')", t("goals_ui.key_agreements"),
            id="meeting.show_agreements", priority=True),
    Binding("ctrl+f", "next_phase", t("key.next_phase"), id="meeting.next_phase"),
    Binding("ctrl+b", "previous_phase", t("key.previous_phase"), id="meeting.previous_phase"),
    # One key, two labels: the key line says what pressing it does now.
    Binding("ctrl+t", "toggle_timer('pause')", t("key.pause"), id="meeting.pause"),
    Binding("ctrl+t", "toggle_timer('resume')", t("key.resume_timer"), id="meeting.resume"),
    Binding("ctrl+o", "toggle_private('private')", t("key.private"), id="meeting.private"),
    Binding("ctrl+o", "toggle_private('shared')", t("key.shared"), id="meeting.shared"),
    Binding("ctrl+r", "conclude", t("key.conclude"), id="meeting.conclude"),
    Binding("ctrl+r", "reopen", t("key.reopen"), id="meeting.reopen"),
    Binding("escape", "leave", t("key.leave"), id="meeting.leave"),
    Binding("ctrl+g", "toggle_questions", t("key.questions"), id="meeting.questions"),
    Binding("f5", "minutes", t("key.minutes"), id="meeting.minutes"),
    Binding("f8", "history", t("key.history"), id="meeting.history"),
    Binding("ctrl+s", "rescue", t("key.rescue"), id="meeting.rescue"),
    Binding("f2", "focus_pane('agenda')", t("key.focus_agenda"), id="meeting.focus_agenda"),
    # One key, two labels: in the scoring phase f3 in the notes goes to the scores
    # (above the notes, in the same column) and f3 there back to the notes. In that
    # phase the key line shows f3 first (``early_keys``): at 80 columns it stays on it.
    Binding("f3", "focus_pane('scores')", t("scale.key_focus_scores"),
            id="meeting.focus_scores"),
    Binding("f3", "focus_pane('notes')", t("key.focus_notes"), id="meeting.focus_notes"),
    Binding("f4", "focus_pane('agreements')", t("key.focus_agreements"),
            id="meeting.focus_agreements"),
    # One key, two labels: f4 goes to what the right-hand column shows (f7 switches).
    Binding("f4", "focus_pane('goals')", t("goals_ui.key_goals"), id="meeting.focus_goals"),
    # priority: the notes text binds f6 to "select line", which the notes can spare.
    Binding("f6", "focus_pane('followups')", t("key.focus_followups"),
            id="meeting.focus_followups", priority=True),
]

EDITING_ACTIONS = {"next_phase", "previous_phase", "toggle_timer", "new_agreement", "new_goal",
                   "conclude"}


class MeetingKeys(StoreCalls):
    """Mixed into ``MeetingScreen``: the actions of ``MEETING_BINDINGS``."""

    meeting: Meeting
    text_area: NotesArea
    conversation_id: int
    resumed: bool
    goals_shown: bool
    _asking_conclude: bool = False  # the conclude dialog is on its way (its checks read)

    if TYPE_CHECKING:  # provided by MeetingScreen
        @property
        def notes(self) -> NotesPane: ...
        def show_phase(self) -> None: ...
        def sync_state(self) -> None: ...
        def tick(self) -> None: ...
        def flush_notes(self) -> None: ...
        def save_all(self, timeout: float = 5.0) -> bool: ...
        def action_switch_pane(self, to: str) -> None: ...
        @property
        def lists_folded(self) -> bool: ...
        def show_lists(self, shown: bool, then: Callable[[], object] | None = None) -> None: ...

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        meeting = self.__dict__.get("meeting")
        if meeting is None:  # not composed yet
            return True
        if action in ("reopen", "minutes"):
            return not meeting.conversation.is_open
        if action in EDITING_ACTIONS and meeting.read_only:
            return False
        timer = meeting.timer
        if action == "previous_phase":
            return timer.current > 0
        if action == "next_phase":
            return timer.current < len(timer.planned) - 1
        if action == "toggle_timer":  # "Pauze" while it runs, "Hervat" while paused
            return (parameters == ("pause",)) != timer.paused
        if action == "toggle_private":  # "Privé" in shared notes, "Gedeeld" in private
            private = meeting.visibility == Visibility.PRIVATE
            if parameters == ("private",):
                return not private and meeting.can_show_private
            return private
        if action == "new_agreement":
            return not self.goals_shown
        if action == "new_goal":
            return self.goals_shown
        if action == "switch_pane":  # "Doelen" while the agreements show, and back
            return meeting.shows_goals and (parameters == ("goals",)) != self.goals_shown
        if action == "focus_pane" and parameters in (("agreements",), ("goals",)):
            return (parameters == ("goals",)) == self.goals_shown
        if action == "focus_pane" and parameters == ("followups",):
            return bool(meeting.follow_ups.earlier)
        if action == "focus_pane" and parameters in (("scores",), ("notes",)):
            # f3: to the scores from the notes in the scoring phase, else to the notes
            # from anywhere but the notes (where it would do nothing). With the lists in
            # the scores' place (scoring at 80 columns), f3 goes back to the scores.
            in_notes = self.app.focused is self.__dict__.get("text_area")
            back = self._lists_over_scores()
            if parameters == ("scores",):
                return (in_notes or back) and bool(meeting.phase.criteria)
            return not in_notes and not back
        if action == "rescue":  # only when there is nowhere else to keep the text
            return meeting.gone
        return True

    def _lists_over_scores(self) -> bool:
        """Scoring at 80 columns with the lists shown in the place of the scores."""
        return self.lists_folded and self.has_class("lists-shown")

    def early_keys(self) -> frozenset[str]:
        """Keys the key line shows first (``KeyFooter``): f3 while scoring, and f4 too
        where the scores hide the agreements (80 columns): both fit there."""
        meeting = self.__dict__.get("meeting")
        if meeting is None or not meeting.phase.criteria:
            return frozenset()
        return frozenset({"f3", "f4"}) if self.lists_folded else frozenset({"f3"})

    # -- phases and timer ---------------------------------------------------
    def _go(self, step: int) -> None:
        if self.meeting.goto(step, self.text_area.text):
            self.show_phase()
        else:
            self.app.bell()

    def action_next_phase(self) -> None:
        self._go(+1)

    def action_previous_phase(self) -> None:
        self._go(-1)

    def action_toggle_timer(self, _what: str = "") -> None:
        running = self.meeting.toggle_timer()
        self.sync_state()
        self.tick()
        self.app.notify(t("agenda.running") if running else t("agenda.paused"), timeout=2)

    # -- notes --------------------------------------------------------------
    def action_toggle_private(self, _what: str = "") -> None:
        m = self.meeting
        if m.toggle_private(self.text_area.text) == Visibility.PRIVATE and self.store_read(
                m.private_notice_due, False):
            self.app.notify(t("notes.private_notice"), title=t("notes.private_title"),
                            timeout=12)
        self.show_phase()
        self.text_area.focus()

    def action_toggle_questions(self) -> None:
        self.notes.toggle_questions()

    def action_focus_pane(self, pane: str) -> None:
        """f2 agenda, f3 notes (or from there the scores), f4 agreements (or the goals,
        when the column shows them: "goals"), f6 follow-ups.

        f4 on an empty agreements list goes to the follow-ups when there are
        any: keys pressed there act on what the user sees highlighted. While
        scoring at 80 columns the lists take the place of notes and scores
        until the focus leaves them (f3 goes back to the scores)."""
        if pane in ("agreements", "goals", "followups"):  # scoring at 80: the lists first
            self.show_lists(True, lambda: self._focus_pane(pane))
        elif pane == "scores":
            self.show_lists(False, lambda: self._focus_pane(pane))
        else:
            self._focus_pane(pane)

    def _focus_pane(self, pane: str) -> None:
        from gespreks_tui.tui.widgets.agreements_pane import AgreementsPane
        from gespreks_tui.tui.widgets.goals_pane import GoalsPane

        pane_widget = self.query_one(AgreementsPane)
        if pane == "followups" and self.goals_shown:  # the follow-ups are with the agreements
            self.action_switch_pane("agreements")
        if pane in ("agreements", "goals") and self.goals_shown:
            goals = self.query_one(GoalsPane)
            goals.goal_list.focus()
            goals.first_choosable()
        elif pane == "agenda":
            self.query_one("#agenda").focus()
        elif pane == "notes":
            self.text_area.focus()
        elif pane == "scores":
            from gespreks_tui.tui.widgets.scores_panel import ScoresPanel

            self.notes.query_one(ScoresPanel).focus_first()
        elif pane == "followups" or (not self.meeting.agreements
                                     and self.meeting.follow_ups.earlier):
            pane_widget.follow_up_list.focus()
        else:
            pane_widget.agreement_list.focus()

    def action_rescue(self) -> None:
        """Keep what was typed in an owner-only file next to the database."""
        from gespreks_tui.exports import write_private

        m, text = self.meeting, self.text_area.text
        stamp = self.app.clock.now().strftime("%Y%m%d-%H%M%S")
        target = self.store.path.parent / f"gesprek-{m.id}-tekst-{stamp}.md"
        content = m.rescue(text)
        self.store_work(lambda: write_private(target, content), then=lambda path: self.app.notify(
            t("meeting.rescued", path=path), timeout=15, markup=False))

    # -- conclude, reopen, leave ----------------------------------------------
    def action_conclude(self) -> None:
        from gespreks_tui.meeting.checklist import conclude_reminders
        from gespreks_tui.tui.screens.conclude import ConcludeScreen

        if self._asking_conclude:  # pressed again before the dialog is up: one dialog
            return
        self.flush_notes()
        m = self.meeting
        self._asking_conclude = True

        def ask(open_items: list[str]) -> None:  # the scores as stored: read in a worker
            self._asking_conclude = False
            self.app.push_screen(ConcludeScreen(m.conversation, self.app.clock.today(),
                                                open_items), self._conclude)

        def not_asked(error: Exception) -> None:
            self._asking_conclude = False
            self.show_store_error(error)

        self.store_work(lambda: conclude_reminders(m), then=ask, failed=not_asked)

    def _conclude(self, next_date: date | None) -> None:
        if next_date is None:
            return
        m = self.meeting
        m.stop_clock(self.text_area.text)
        self.store_work(lambda: m.conclude(next_date), then=self._concluded,
                         failed=self._not_concluded)

    def _not_concluded(self, error: Exception) -> None:
        self.show_store_error(error)
        self.sync_state()
        self.tick()

    def _concluded(self, concluded: Conversation) -> None:
        from gespreks_tui.tui.screens.conclude import SummaryScreen

        self.sync_state()
        self.tick()
        m = self.meeting
        count = len(m.agreements)
        goals = ((len(m.goals), sum(1 for g in m.open_goals if m.review_here(g) is not None),
                  len(m.open_goals)) if m.goals or m.open_goals else None)
        self.app.daily_backup()  # the day's automatic copy, if not yet made
        self.app.push_screen(SummaryScreen(concluded, count, goals), self._after_summary)

    def _after_summary(self, choice: str | None) -> None:
        if choice == "minutes":
            self.action_minutes()

    def action_minutes(self) -> None:
        from gespreks_tui.tui.screens.minutes import MinutesScreen

        self.app.push_screen(MinutesScreen(self.conversation_id))

    def action_history(self) -> None:
        """The employee's history, with the previous conversation selected."""
        from gespreks_tui.tui.screens.history import HistoryScreen

        c, store = self.meeting.conversation, self.store
        rows = self.store_read(lambda: store.list_conversations(c.employee_id), []) or []
        earlier = [r.id for r in rows if r.id != c.id]
        self.flush_notes()
        self.app.push_screen(HistoryScreen(c.employee_id, select=earlier[0] if earlier else None))

    def action_reopen(self) -> None:
        """Reopen for a correction; a confirmed conversation then gets a new revision.

        When the newest minutes were confirmed (by anyone) or handed over, a
        dialog first says what happens (the confirmations stay with that
        revision; the new one needs new ones) and asks why; the reason is stored
        with the reopening and shown in the new revision."""
        store, meeting = self.store, self.meeting
        conversation_id = meeting.id
        if not self.store_read(lambda: store.needs_reopen_reason(conversation_id), False):
            self.store_work(meeting.reopen, then=self._reopened)
            return
        from gespreks_tui.tui.screens.reason_dialog import ReasonDialog

        latest = self.store_read(lambda: store.latest_revision(conversation_id))
        revision = latest.revision if latest is not None else 0

        def chosen(reason: str | None) -> None:
            if reason is None:
                return

            def reopen() -> Conversation:
                store.reopen_with_reason(conversation_id, reason)
                return meeting.reopen()  # claims the meeting; already reopened above

            self.store_work(reopen, then=self._reopened)

        self.app.push_screen(ReasonDialog(t("ui.reopen.title"),
                                          t("ui.reopen.explain", revision=revision),
                                          t("ui.reopen.reason")), chosen)

    def _reopened(self, reopened: Conversation) -> None:
        self.sync_state()
        self.tick()
        self.app.notify(t("meeting.reopened"), timeout=4)

    def action_leave(self) -> None:
        """Back to where the meeting was opened; the start screen if it opened by itself."""
        self.save_all()
        others = [m for m in self.app.meetings if m is not self.meeting]
        still_open = [m.id for m in others if m.conversation.is_open and not m.elsewhere]
        self.meeting.leave(still_open[-1] if still_open else None)
        if self.resumed:  # the app began with this meeting: nothing below to go back to
            self.app.show_start()
        else:
            self.app.pop_screen()
