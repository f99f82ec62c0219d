"""Deleting a goal or a step in the meeting, and bringing it back (u).

Part of ``Meeting`` through ``GoalWork`` (its base class), Textual-free. The
meeting keeps an undo stack of what it deleted: a goal with its steps and the
agreements linked to it, or one step. ``undo_goal`` sets the last one again
(a new id: the store has no undelete) in its old place (its position, so its
number in the list is the same), with its steps ticked where they were and its
agreements linked again. Each method writes through the store and
then lets ``GoalWork`` read the lists anew.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from gespreks_tui.goals import Goal, GoalStep
from gespreks_tui.meeting.goal_input import GOAL_FIELDS
from gespreks_tui.model import Agreement
from gespreks_tui.store import Store


@dataclass(frozen=True)
class _Deleted:
    """One entry of the undo stack: a goal (with the agreements linked to it) or a step."""

    goal: Goal | None = None
    step: GoalStep | None = None
    linked: tuple[int, ...] = ()


def _moved(entry: _Deleted, old_goal: int, new_goal: int) -> _Deleted:
    """An entry whose step belonged to a goal that came back under a new id."""
    if entry.step is None or entry.step.goal_id != old_goal:
        return entry
    return replace(entry, step=replace(entry.step, goal_id=new_goal))


class GoalUndo:
    """The undo stack of the goals and steps deleted in this meeting."""

    store: Store
    agreements: list[Agreement]
    _goal_undo: list[_Deleted]

    if TYPE_CHECKING:  # provided by Meeting and GoalWork
        @property
        def id(self) -> int: ...
        @property
        def read_only(self) -> bool: ...
        def _reload_goals(self) -> None: ...

    def delete_goal(self, goal: Goal) -> Goal:
        """Remove a goal set here (with its steps); ``undo_goal`` brings it back."""
        linked = tuple(a.id for a in self.agreements if a.goal_id == goal.id)
        self.store.remove_goal(goal.id)
        self._goal_undo = [*self._goal_undo, _Deleted(goal=goal, linked=linked)]
        self._reload_goals()
        return goal

    def delete_step(self, step: GoalStep) -> GoalStep:
        self.store.remove_step(step.id)
        self._goal_undo = [*self._goal_undo, _Deleted(step=step)]
        self._reload_goals()
        return step

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
            # a step deleted before its goal comes back into the goal's new id
            self._goal_undo = [_moved(e, last.goal.id, restored.id) for e in self._goal_undo]
        else:
            assert last.step is not None
            restored = self._restore_step(last.step, last.step.goal_id)
        self._goal_undo = self._goal_undo[:-1]
        self._reload_goals()
        return restored

    def _restore_goal(self, goal: Goal, linked: tuple[int, ...]) -> Goal:
        fields = {name: getattr(goal, name) for name in GOAL_FIELDS}
        again = self.store.add_goal(goal.conversation_id, goal.kind, goal.title, **fields)
        # Back in its old place: deleting leaves a gap in the positions, new goals go last.
        again = self.store.update_goal(again.id, position=goal.position)
        for step in goal.steps:
            self._restore_step(step, again.id)
        for agreement_id in linked:
            self.store.link_agreement(agreement_id, again.id)
        if linked:
            self.agreements = self.store.agreements(self.id)
        return again

    def _restore_step(self, step: GoalStep, goal_id: int) -> GoalStep:
        again = self.store.add_step(goal_id, step.text, step.due_date, step.position)
        if step.done_in is not None:
            self.store.tick_step(again.id, step.done_in, True)
        return again
