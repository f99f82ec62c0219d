"""Setting goals (issue 20): add, change, remove; and the prompts a conversation asks.

A goal, and its steps, can be changed only while the conversation that set it
is open (draft or running): after that its minutes are issued and later
conversations review it as it was set (``goal_reviews``). Every refusal is a
``GoalError`` (a ``UserError`` with one catalogue message) raised before
anything is written. ``GoalsMixin`` builds on ``goal_steps`` (a goal's steps)
and ``goal_reads`` (reading goals, and the checks): see ``goal_reads`` for
the four goal modules and what each keeps.
"""

from __future__ import annotations

from typing import Any

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.goals import (
    GOAL_PROMPTS,
    Goal,
    GoalError,
    GoalKind,
    check_period,
    clean_date,
    clean_text,
    clean_title,
    goal_kind,
    goal_owner,
)
from gespreks_tui.model import Kind, Owner
from gespreks_tui.store.base import locked
from gespreks_tui.store.goal_steps import GoalStepsMixin

# Goal field -> column (``where`` is an SQL word: stored as ``place``).
_COLUMNS = {"what": "what", "why": "why", "who": "who", "where": "place", "how": "how",
            "support": "support"}
_FIELDS = {*_COLUMNS, "owner", "period_start", "period_end"}
_EDITABLE = {*_FIELDS, "title", "kind", "position"}


class GoalsMixin(GoalStepsMixin):
    @locked
    def offered_goal_prompts(self, conversation_id: int) -> tuple[str, ...]:
        """The goal prompts a conversation asks (empty: it sets no goals, no goals pane).

        Those its agenda had when it started (``goal_prompts``, migration 11). A
        doelstellingengesprek created before migration 11 was applied to its
        database has none stored (NULL, like a later one whose template asks
        none): it asks those of the built-in doelstelling template in its
        language, so it has a goals pane like every doelstellingengesprek since.
        """
        row = self.db.execute(
            "select kind, language, goal_prompts, created_at < (select applied_at from "
            "migrations where version = 11) from conversations where id = ?",
            [conversation_id]).fetchone()
        if row is None:
            raise GoalError("goals.error.conversation_not_found", id=conversation_id)
        kind, language, stored, before_prompts = row
        if stored is None and before_prompts and kind == Kind.DOELSTELLING:
            asked = set(builtin_agenda(Kind.DOELSTELLING, language).goal_prompts)
        else:
            asked = set((stored or "").split(","))
        return tuple(prompt for prompt in GOAL_PROMPTS if prompt in asked)

    def _values(self, fields: dict[str, Any], current: dict | None = None) -> dict[str, Any]:
        """Checked column values of goal ``fields`` (``current``: the stored row)."""
        values: dict[str, Any] = {}
        for name, value in fields.items():
            if name in _COLUMNS:
                values[_COLUMNS[name]] = clean_text(value if value is None else str(value))
            elif name == "owner":
                values["owner"] = str(goal_owner(value))
            elif name in ("period_start", "period_end"):
                values[name] = clean_date(value)
            elif name == "title":
                values["title"] = clean_title(value)
            elif name == "kind":
                values["kind"] = str(goal_kind(value))
            elif name == "position":
                values["position"] = int(value)
        start = values.get("period_start", (current or {}).get("period_start"))
        end = values.get("period_end", (current or {}).get("period_end"))
        check_period(start, end)
        return values

    @locked
    def add_goal(self, conversation_id: int, kind: GoalKind | str, title: str,
                 **fields: Any) -> Goal:
        """Set a goal in an open conversation, at the end of its list.

        ``fields``: what, why, who, where, how, owner, period_start, period_end, support.
        """
        unknown = set(fields) - _FIELDS
        if unknown:
            raise TypeError(f"not a goal field: {sorted(unknown)}")
        conversation = self._open_conversation(conversation_id)
        values = {"kind": str(goal_kind(kind)), "title": clean_title(title),
                  **self._values(fields)}
        self.check_file()
        now = self.now()
        with self.db.atomic():
            position = self.db.execute(
                "select coalesce(max(position), -1) + 1 from goals where conversation_id = ?",
                [conversation_id]).fetchone()[0]
            table = self.db["goals"]
            table.insert({"employee_id": conversation["employee_id"],
                          "conversation_id": conversation_id, "position": position,
                          "owner": str(Owner.EMPLOYEE), **values,
                          "created_at": now, "updated_at": now})
            goal_id = table.last_pk
            self.db.execute("update conversations set updated_at = ? where id = ?",
                            [now, conversation_id])
        return self.get_goal(goal_id)

    @locked
    def update_goal(self, goal_id: int, **fields: Any) -> Goal:
        """Change a goal while the conversation that set it is open."""
        unknown = set(fields) - _EDITABLE
        if unknown:
            raise TypeError(f"not editable: {sorted(unknown)}")
        row = self._goal_row(goal_id, editable=True)
        values = self._values(fields, row)
        if values:
            self.check_file()
            values["updated_at"] = self.now()
            self.db["goals"].update(goal_id, values)
        return self.get_goal(goal_id)

    @locked
    def remove_goal(self, goal_id: int) -> None:
        """Remove a goal (its steps and reviews with it) while its conversation is open;
        agreements linked to it stay, without the link."""
        self._goal_row(goal_id, editable=True)
        self.db.execute("delete from goals where id = ?", [goal_id])
