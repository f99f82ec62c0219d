"""The meeting's goals: those it sets, and the earlier ones it reviews or judges.

Part of ``Meeting`` (a base class of it, like ``AgreementWork``), Textual-free.
A doelstellingengesprek (any conversation whose template offers goal prompts)
sets goals and splits them into steps; every later conversation of the same
employee in a goal's period reviews the goals still open (progress and a
comment, steps ticked); a beoordelingsgesprek judges them on its own scale,
also those whose period ended unjudged (``past_period``; the rule is
``gespreks_tui.goal_period``, applied by ``Store.open_goals``). Deleting and
bringing back is ``goal_undo``. Each *store work* method writes through the
store (which refuses bad input with a ``UserError`` and stores nothing half)
and then replaces the lists it changed, so the UI thread never sees half an
update.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gespreks_tui.catalogue import t
from gespreks_tui.goal_period import conversation_day
from gespreks_tui.goal_period import past_period as ended_before
from gespreks_tui.goals import Goal, GoalProgress, GoalReview, GoalStep
from gespreks_tui.meeting.goal_input import (
    GoalInput,
    offered_prompts,
    scale_labels,
)
from gespreks_tui.meeting.goal_undo import GoalUndo
from gespreks_tui.model import Agreement, Conversation, Kind
from gespreks_tui.store import Store

__all__ = ["GoalInput", "GoalWork", "offered_prompts", "scale_labels"]


class GoalWork(GoalUndo):
    """Goals set in the meeting, goals it reviews (and, from ``GoalUndo``, the undo
    stack of deletions)."""

    store: Store
    conversation: Conversation
    agreements: list[Agreement]
    goals: list[Goal]  # set in this conversation, in their order
    open_goals: list[Goal]  # set earlier for this employee, to follow up now (in period)
    goal_prompts: tuple[str, ...]

    if TYPE_CHECKING:  # provided by Meeting
        @property
        def id(self) -> int: ...
        @property
        def read_only(self) -> bool: ...

    def load_goals(self) -> None:
        """Read the goals (state: once, when the meeting is read)."""
        self.goal_prompts = offered_prompts(self.store, self.conversation)
        self._goal_undo = []
        self._reload_goals()

    def _reload_goals(self) -> None:
        c = self.conversation
        goals = self.store.goals_set_in(c.id)
        set_here = {g.id for g in goals}
        self.open_goals = [g for g in self.store.open_goals(c.employee_id, c.id)
                           if g.id not in set_here]
        self.goals = goals

    def refresh_goals(self) -> bool:
        """Reading along (state, reads only): the goals as the other copy stored them;
        True when they changed."""
        before = (self.goals, self.open_goals)
        self._reload_goals()
        return (self.goals, self.open_goals) != before

    # -- what it is ----------------------------------------------------------------
    @property
    def sets_goals(self) -> bool:
        """The template offers goals: the goals pane comes first, new goals are asked for."""
        return bool(self.goal_prompts)

    @property
    def goals_first(self) -> bool:
        """The goals column comes first: a conversation that sets goals, or a
        beoordeling with goals to judge (its first phase looks back on them)."""
        return self.sets_goals or (self.judges_goals and bool(self.open_goals))

    @property
    def shows_goals(self) -> bool:
        """Whether the meeting has a goals pane at all."""
        return self.sets_goals or bool(self.goals) or bool(self.open_goals)

    @property
    def judges_goals(self) -> bool:
        """A beoordelingsgesprek judges the open goals on its scale."""
        return self.conversation.kind == Kind.BEOORDELING

    def goal_scale(self) -> tuple[str, ...]:
        return scale_labels(self.store, self.id)

    def review_here(self, goal: Goal) -> GoalReview | None:
        """This conversation's review (or judgment) of ``goal``, if recorded."""
        return goal.review_in(self.id)

    def past_period(self, goal: Goal) -> bool:
        """The goal's period ended before this conversation's day (listed only to be
        judged in a beoordeling: ``goal_period``)."""
        c = self.conversation
        return ended_before(goal, conversation_day(c.started_at or c.created_at, c.time_zone))

    def earlier_reviews(self, goal: Goal) -> list[GoalReview]:
        """The goal's history before this conversation, oldest first."""
        return [r for r in goal.reviews if r.conversation_id != self.id]

    def goal_of(self, goal_id: int) -> Goal | None:
        return next((g for g in (*self.goals, *self.open_goals) if g.id == goal_id), None)

    def set_here(self, goal: Goal) -> bool:
        return goal.conversation_id == self.id

    def goal_reminders(self) -> list[str]:
        """For the conclude checklist: goals without steps, open goals not reviewed."""
        lines = []
        if n := sum(1 for g in self.goals if not g.steps):
            lines.append(t("goals_ui.conclude_no_steps_one") if n == 1
                         else t("goals_ui.conclude_no_steps", n=n))
        if n := sum(1 for g in self.open_goals if self.review_here(g) is None):
            lines.append(t("goals_ui.conclude_unreviewed_one") if n == 1
                         else t("goals_ui.conclude_unreviewed", n=n))
        return lines

    # -- goals (store work) ----------------------------------------------------------
    def save_goal(self, goal: Goal | None, entered: GoalInput) -> Goal:
        """Add a goal (``goal`` None or id 0) or change one."""
        if goal is None or goal.id == 0:
            saved = self.store.add_goal(self.id, entered.kind, entered.title, **entered.fields())
        else:
            saved = self.store.update_goal(goal.id, kind=entered.kind, title=entered.title,
                                           **entered.fields())
        self._reload_goals()
        return saved

    # -- steps (store work) ----------------------------------------------------------
    def save_step(self, goal_id: int, step: GoalStep | None, text: str,
                  due_date: str | None) -> GoalStep:
        """Add a step to goal ``goal_id`` (``step`` None) or change one."""
        if step is None or step.id == 0:
            saved = self.store.add_step(goal_id, text, due_date)
        else:
            self.store.update_step(step.id, text, due_date)
            saved = GoalStep(step.id, step.goal_id, step.position, text, due_date,
                             step.done_in, step.done_at)
        self._reload_goals()
        return saved

    def tick_step(self, step: GoalStep) -> GoalStep:
        """Tick an open step done in this conversation, or a done one open again."""
        self.store.tick_step(step.id, self.id, step.done_in is None)
        self._reload_goals()
        return step

    # -- review, judge, link (store work) ---------------------------------------------
    def review_goal(self, goal: Goal, progress: GoalProgress | None, comment: str = "",
                    score: int | None = None, score_comment: str = "") -> GoalReview | None:
        """Record the progress of an earlier goal with its comment; in a beoordeling also
        the judgment (a score on its scale, or none) with its own comment.

        Nothing chosen and nothing written is "not discussed": what this conversation
        had recorded of the goal is taken back (``forget_review``), so 0 and the
        dialog's "not discussed" lead back to where the goal was before."""
        here = self.review_here(self.goal_of(goal.id) or goal)
        review = None
        if progress is not None or comment or (here and (here.progress or here.comment)):
            review = self.store.review_goal(self.id, goal.id, progress, comment)
        if self.judges_goals and (score is not None or score_comment or (
                here is not None and (here.score is not None or here.score_comment))):
            review = self.store.judge_goal(self.id, goal.id, score, score_comment)
        if review is not None and not (review.progress or review.comment
                                       or review.score is not None or review.score_comment):
            self.store.forget_review(self.id, goal.id)
            review = None
        self._reload_goals()
        return review

    def link_agreement(self, agreement_id: int, goal_id: int | None) -> None:
        """Link an agreement of this meeting to the goal it serves (None: to none)."""
        self.store.link_agreement(agreement_id, goal_id)
        self.agreements = self.store.agreements(self.id)

    def goal_titles(self) -> dict[int, str]:
        """The titles of the goals an agreement of this meeting may serve, by id."""
        return {g.id: g.title for g in self.goal_choices()}

    def goal_choices(self) -> list[Goal]:
        """The goals an agreement of this meeting may serve: set here, or still open."""
        return [*self.goals, *self.open_goals]
