"""A goal's small steps (issue 20): added, changed, removed, ticked done.

A step is added, changed or removed only while the conversation that set its
goal is open (draft or running), like the goal itself. It is ticked done
(``tick_step``) in that conversation or in a later open one of the same
employee; a tick of an earlier conversation stays. A step dated after the
goal's period is stored (``goal_hints.step_hints`` points it out). Every refusal
is a ``GoalError`` raised before anything is written; reading goals with
their steps is ``goal_reads``.
"""

from __future__ import annotations

from gespreks_tui.goals import GoalError, GoalStep, clean_date, clean_step_text
from gespreks_tui.store.base import locked
from gespreks_tui.store.goal_reads import GoalReadsMixin, step_of


class GoalStepsMixin(GoalReadsMixin):
    def _step_row(self, step_id: int) -> dict:
        rows = self._rows("select * from goal_steps where id = ?", [step_id])
        if not rows:
            raise GoalError("goals.error.step_not_found", id=step_id)
        return rows[0]

    def _get_step(self, step_id: int) -> GoalStep:
        row = self._step_row(step_id)
        return step_of({**row, "d_date": None}, None)

    @locked
    def add_step(self, goal_id: int, text: str, due_date: str | None = None,
                 position: int | None = None) -> GoalStep:
        """A small step at the end of the goal's steps (while its conversation is open);
        ``position``: at that place instead (a deleted step brought back).

        A step dated after the goal's period is stored: ``goal_hints.step_hints`` says so.
        """
        self._goal_row(goal_id, editable=True)
        values = {"text": clean_step_text(text), "due_date": clean_date(due_date)}
        self.check_file()
        now = self.now()
        with self.db.atomic():
            if position is None:
                position = self.db.execute(
                    "select coalesce(max(position), -1) + 1 from goal_steps where goal_id = ?",
                    [goal_id]).fetchone()[0]
            table = self.db["goal_steps"]
            table.insert({"goal_id": goal_id, "position": position, **values,
                          "created_at": now, "updated_at": now})
            step_id = table.last_pk
        return self._get_step(step_id)

    @locked
    def update_step(self, step_id: int, text: str, due_date: str | None = None) -> GoalStep:
        row = self._step_row(step_id)
        self._goal_row(row["goal_id"], editable=True)
        values = {"text": clean_step_text(text), "due_date": clean_date(due_date),
                  "updated_at": self.now()}
        self.db["goal_steps"].update(step_id, values)
        return self._get_step(step_id)

    @locked
    def remove_step(self, step_id: int) -> None:
        row = self._step_row(step_id)
        self._goal_row(row["goal_id"], editable=True)
        self.db.execute("delete from goal_steps where id = ?", [step_id])

    @locked
    def tick_step(self, step_id: int, conversation_id: int, done: bool) -> GoalStep:
        """Tick a step done (or not) in an open conversation of the goal's employee:
        the one that set it or a later one. A tick of an earlier conversation stays."""
        row = self._step_row(step_id)
        goal = self._goal_row(row["goal_id"])
        conversation = self._open_conversation(conversation_id)
        self._check_later(goal, conversation, allow_same=True)
        if row["done_in"] is not None and row["done_in"] != conversation_id:
            raise GoalError("goals.error.step_done_earlier", id=step_id,
                            conversation=row["done_in"])
        now = self.now()
        self.db.execute("update goal_steps set done_in = ?, done_at = ?, updated_at = ? "
                        "where id = ?",
                        [conversation_id if done else None, now if done else None, now,
                         step_id])
        return self._get_step(step_id)
