"""The meeting screen's goals: the pane beside the agreements, and its requests.

f7 switches the right-hand column between agreements and goals (a conversation
whose template offers goals opens on the goals, and so does a beoordeling with
goals to judge: ``GoalWork.goals_first``); ctrl+n adds what the column shows. The goals pane posts what the user asked (edit, add a step, tick,
delete, undo, review, an agreement for a goal); the meeting does the store
work off the UI thread and the pane is drawn again from its lists. A dialog
whose input could not be stored opens again with what was typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.css.query import NoMatches
from textual.widgets import Label

from gespreks_tui.catalogue import t
from gespreks_tui.goals import GOAL_PROMPTS, Goal, GoalKind, GoalReview, GoalStep
from gespreks_tui.tui.format import shorten
from gespreks_tui.tui.gateway import StoreCalls
from gespreks_tui.tui.widgets.goals_pane import GoalsPane, Key

if TYPE_CHECKING:
    from gespreks_tui.meeting import Meeting
    from gespreks_tui.meeting.goal_work import GoalInput
    from gespreks_tui.tui.screens.goal_review_dialog import ReviewInput
    from gespreks_tui.tui.screens.goal_step_form import StepInput
    from gespreks_tui.tui.widgets.agreements_pane import AgreementsPane


class MeetingGoals(StoreCalls):
    """Mixed into ``MeetingScreen``: the goals pane (handlers go by name, see ``StoreCalls``)."""

    meeting: Meeting
    goals_shown: bool

    if TYPE_CHECKING:  # provided by MeetingScreen
        @property
        def agreements_pane(self) -> AgreementsPane: ...
        def sync_state(self) -> None: ...
        def show_agreements(self, keep: int | None = None) -> None: ...
        def edit_agreement(self, agreement, goal_id: int | None = None) -> None: ...

    @property
    def goals_pane(self) -> GoalsPane | None:
        """The goals pane, or None when the meeting has none (no goals to set or follow)."""
        try:
            return self.query_one(GoalsPane)
        except NoMatches:
            return None

    def show_goals(self, keep: Key | None = None) -> None:
        pane = self.goals_pane
        if pane is not None:
            pane.show(self.app.clock.today(), keep)
        titles = self.meeting.goal_titles()
        if titles != self.agreements_pane.goal_titles:  # a goal renamed, gone, back
            self.agreements_pane.goal_titles = titles
            self.agreements_pane.show(self.meeting.agreements, self.app.clock.today(),
                                      self._highlighted_agreement())
        self.sync_state()

    def _highlighted_agreement(self) -> int | None:
        item = self.agreements_pane.agreement_list.highlighted_child
        agreement = getattr(item, "agreement", None)
        return agreement.id if agreement is not None else None

    def name_the_switch(self) -> None:
        """With goals beside them, the agreements' title says how to reach the goals (the
        key line may be too short to show f7 at 80 columns)."""
        if self.goals_pane is not None:
            self.agreements_pane.query_one(".pane-title", Label).update(
                t("goals_ui.agreements_title_switch"))

    def show_column(self, goals: bool) -> None:
        """Show the goals (True) or the agreements in the right-hand column."""
        pane = self.goals_pane
        if pane is None:
            return
        self.goals_shown = goals
        pane.display = goals
        self.agreements_pane.display = not goals

    def action_switch_pane(self, to: str) -> None:
        """f7: the other list in the right-hand column, with focus in it."""
        self.show_column(to == "goals")
        if self.goals_shown and (pane := self.goals_pane) is not None:
            pane.goal_list.focus()
            pane.first_choosable()
        else:
            self.agreements_pane.agreement_list.focus()

    # -- goals ------------------------------------------------------------------------
    def action_new_goal(self) -> None:
        self.edit_goal(None)

    def edit_goal(self, goal: Goal | None, given: GoalInput | None = None) -> None:
        """Open the goal dialog (``None``: a new goal); store what it returns."""
        if self.meeting.read_only:
            return
        from gespreks_tui.tui.screens.goal_form import GoalForm

        m = self.meeting

        def done(result: GoalInput | None) -> None:
            if result is None:
                return

            def retry(error: Exception) -> None:  # not stored: the dialog again, as typed
                self.show_store_error(error)
                self.app.call_later(self.edit_goal, goal, result)

            self.store_work(lambda: m.save_goal(goal, result),
                            then=lambda saved: self.show_goals(keep=("goal", saved.id)),
                            failed=retry)

        kind = GoalKind.DEVELOPMENT if self._development_phase() else GoalKind.RESULT
        # A template without goal prompts (a goal set in a voortgangsgesprek): all five.
        prompts = m.goal_prompts or GOAL_PROMPTS
        self.app.push_screen(GoalForm(self.app.clock.today(), goal, prompts, given, kind), done)

    def _development_phase(self) -> bool:
        """A new goal in the "Persoonlijke ontwikkelpunten" phase starts as a development goal."""
        name = self.meeting.phase.name.lower()
        return "ontwikkel" in name or "develop" in name

    def on_goals_pane_edit_goal(self, message: GoalsPane.EditGoal) -> None:
        self.edit_goal(message.goal)

    def on_goals_pane_edit_step(self, message: GoalsPane.EditStep) -> None:
        self.edit_step(message.goal, message.step)

    def edit_step(self, goal: Goal, step: GoalStep | None,
                  given: StepInput | None = None) -> None:
        if self.meeting.read_only:
            return
        from gespreks_tui.tui.screens.goal_step_form import GoalStepForm

        m = self.meeting

        def done(result: StepInput | None) -> None:
            if result is None:
                return

            def retry(error: Exception) -> None:
                self.show_store_error(error)
                self.app.call_later(self.edit_step, goal, step, result)

            self.store_work(lambda: m.save_step(goal.id, step, result.text, result.due_date),
                            then=lambda saved: self.show_goals(keep=("step", saved.id)),
                            failed=retry)

        self.app.push_screen(GoalStepForm(self.app.clock.today(), goal, step, given), done)

    def on_goals_pane_tick_step(self, message: GoalsPane.TickStep) -> None:
        if self.meeting.read_only:
            return
        m, step = self.meeting, message.step
        self.store_work(lambda: m.tick_step(step),
                        then=lambda ticked: self.show_goals(keep=("step", ticked.id)))

    def on_goals_pane_delete(self, message: GoalsPane.Delete) -> None:
        if self.meeting.read_only:
            return
        m, goal, step = self.meeting, message.goal, message.step

        def deleted(gone: Goal | GoalStep) -> None:
            self.show_goals()
            text = gone.title if isinstance(gone, Goal) else gone.text
            key = "goals_ui.deleted" if isinstance(gone, Goal) else "goals_ui.step_deleted"
            self.app.notify(t(key, text=shorten(text, 40)), timeout=6, markup=False)

        if step is None:
            self.store_work(lambda: m.delete_goal(goal), then=deleted)
        else:
            self.store_work(lambda: m.delete_step(step), then=deleted)

    def on_goals_pane_undo(self, _message: GoalsPane.Undo) -> None:
        if not self.meeting.can_undo_goal:
            self.app.bell()
            return

        def restored(back: Goal | GoalStep | None) -> None:
            if back is None:
                self.show_goals()
                return
            key = ("goal", back.id) if isinstance(back, Goal) else ("step", back.id)
            self.show_goals(keep=key)
            self.show_agreements()  # a goal comes back with its agreements linked again

        self.store_work(self.meeting.undo_goal, then=restored)

    def on_goals_pane_review(self, message: GoalsPane.Review) -> None:
        """Progress and a comment (in a beoordeling: and the judgment) in a dialog."""
        if self.meeting.read_only:
            return
        from gespreks_tui.tui.screens.goal_review_dialog import GoalReviewDialog

        m, goal = self.meeting, message.goal

        def chosen(result: ReviewInput | None) -> None:
            if result is None:
                return
            before = m.review_here(goal)
            self.store_work(lambda: m.review_goal(goal, result.progress, result.comment,
                                                  result.score, result.score_comment),
                            then=lambda _: self._reviewed(goal, before))

        labels = m.goal_scale() if m.judges_goals else ()
        self.app.push_screen(GoalReviewDialog(goal, m.review_here(goal), m.earlier_reviews(goal),
                                              m.judges_goals, labels, m.past_period(goal)),
                             chosen)

    def on_goals_pane_quick_progress(self, message: GoalsPane.QuickProgress) -> None:
        """1–4 on an earlier goal: its progress at once; 0: back to not discussed.

        A comment written before stays with a changed progress, and the notice that
        says the progress changed shows it (r changes it); 0 takes both back."""
        if self.meeting.read_only:
            return
        m, goal, progress = self.meeting, message.goal, message.progress
        before = m.review_here(goal)
        if progress is None and before is None:
            return  # not discussed already
        comment = before.comment if before and progress is not None else ""
        score = (before.score, before.score_comment) if before else (None, "")
        self.store_work(lambda: m.review_goal(goal, progress, comment, *score),
                        then=lambda _: self._reviewed(goal, before))

    def _reviewed(self, goal: Goal, before: GoalReview | None) -> None:
        """The goals again; one notice when progress recorded here before was changed."""
        from gespreks_tui.tui.screens.goal_review_dialog import progress_notice

        self.show_goals(keep=("goal", goal.id))
        text = progress_notice(before, self.meeting.review_here(
            self.meeting.goal_of(goal.id) or goal))
        if text:
            self.app.notify(text, timeout=8, markup=False)

    def on_goals_pane_export_pop(self, _message: GoalsPane.ExportPop) -> None:
        """p: the employee's development plan (POP), through the export dialog."""
        from gespreks_tui.tui.screens.pop_export import export_pop

        export_pop(self.app, self.meeting.conversation.employee_id)

    def on_goals_pane_new_agreement(self, message: GoalsPane.NewAgreement) -> None:
        """An agreement that serves the goal: the agreement form, the goal chosen."""
        self.edit_agreement(None, goal_id=message.goal.id)
