"""The meeting's goals: those it sets, and the earlier ones it reviews or judges.

Part of ``Meeting`` (a base class of it, like ``AgreementWork``), Textual-free.
A doelstellingengesprek (any conversation whose template offers goal prompts)
sets goals and splits them into steps; every later conversation of the same
employee reviews the goals still open (progress and a comment, steps ticked);
a beoordelingsgesprek judges them on its own scale. Each *store work* method
writes through the store (which refuses bad input with a ``UserError`` and
stores nothing half) and then replaces the lists it changed, so the UI thread
never sees half an update.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from gespreks_tui.catalogue import t
from gespreks_tui.goals import Goal, GoalProgress, GoalReview, GoalStep
from gespreks_tui.meeting.goal_input import (
    GOAL_FIELDS,
    GoalInput,
    offered_prompts,
    scale_labels,
)
from gespreks_tui.model import Agreement, Conversation, Kind
from gespreks_tui.store import Store

__all__ = ["GoalInput", "GoalWork", "offered_prompts", "scale_labels"]

@dataclass(frozen=True)
class _Deleted:
    """One entry of the undo stack: a goal (with the agreements linked to it) or a step."""

    goal: Goal | None = None
    step: GoalStep | None = None
    linked: tuple[int, ...] = ()


class GoalWork:
    """Goals set in the meeting, goals it reviews, and the undo stack of deletions."""

    store: Store
    conversation: Conversation
    agreements: list[Agreement]
    goals: list[Goal]  # set in this conversation, in their order
    open_goals: list[Goal]  # set earlier for this employee, still to follow
    goal_prompts: tuple[str, ...]
    _goal_undo: list[_Deleted]

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

    def delete_goal(self, goal: Goal) -> Goal:
        """Remove a goal set here (with its steps); ``undo_goal`` brings it back."""
        linked = tuple(a.id for a in self.agreements if a.goal_id == goal.id)
        self.store.remove_goal(goal.id)
        self._goal_undo = [*self._goal_undo, _Deleted(goal=goal, linked=linked)]
        self._reload_goals()
        return goal

    @property
    def can_undo_goal(self) -> bool:
        return bool(self._goal_undo) and not self.read_only

    def undo_goal(self) -> Goal | GoalStep | None:
        """Bring back the goal or step deleted last (None: nothing to undo)."""
        if not self._goal_undo:
            return None
        last = self._goal_undo[-1]
        restored: Goal | GoalStep
        if last.goal is not None:
            restored = self._restore_goal(last.goal, last.linked)
        else:
            assert last.step is not None
            restored = self._restore_step(last.step, last.step.goal_id)
        self._goal_undo = self._goal_undo[:-1]
        self._reload_goals()
        return restored

    def _restore_goal(self, goal: Goal, linked: tuple[int, ...]) -> Goal:
        fields = {name: getattr(goal, name) for name in GOAL_FIELDS}
        again = self.store.add_goal(goal.conversation_id, goal.kind, goal.title, **fields)
        for step in goal.steps:
            self._restore_step(step, again.id)
        for agreement_id in linked:
            self.store.link_agreement(agreement_id, again.id)
        if linked:
            self.agreements = self.store.agreements(self.id)
        return again

    def _restore_step(self, step: GoalStep, goal_id: int) -> GoalStep:
        again = self.store.add_step(goal_id, step.text, step.due_date)
        if step.done_in is not None:
            self.store.tick_step(again.id, step.done_in, True)
        return again

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

    def delete_step(self, step: GoalStep) -> GoalStep:
        self.store.remove_step(step.id)
        self._goal_undo = [*self._goal_undo, _Deleted(step=step)]
        self._reload_goals()
        return step

    def tick_step(self, step: GoalStep) -> GoalStep:
        """Tick an open step done in this conversation, or a done one open again."""
        self.store.tick_step(step.id, self.id, step.done_in is None)
        self._reload_goals()
        return step

    # -- review, judge, link (store work) ---------------------------------------------
    def review_goal(self, goal: Goal, progress: GoalProgress | None, comment: str = "",
                    score: int | None = None, score_comment: str = "") -> GoalReview | None:
        """Record the progress of an earlier goal with its comment; in a beoordeling also
        the judgment (a score on its scale, or none) with its own comment."""
        review = None
        if progress is not None or comment or not self.judges_goals:
            review = self.store.review_goal(self.id, goal.id, progress, comment)
        if self.judges_goals and (score is not None or score_comment):
            review = self.store.judge_goal(self.id, goal.id, score, score_comment)
        self._reload_goals()
        return review

    def link_agreement(self, agreement_id: int, goal_id: int | None) -> None:
        """Link an agreement of this meeting to the goal it serves (None: to none)."""
        self.store.link_agreement(agreement_id, goal_id)
        self.agreements = self.store.agreements(self.id)

    def goal_choices(self) -> list[Goal]:
        """The goals an agreement of this meeting may serve: set here, or still open."""
        return [*self.goals, *self.open_goals]
