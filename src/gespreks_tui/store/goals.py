"""Goals and their steps (issue 20); the rules: ``gespreks_tui.goals``.

A goal, and its steps, can be changed only while the conversation that set it
is open (draft or running): after that its minutes are issued and later
conversations review it as it was set (``goal_reviews``). A step is ticked done
(``tick_step``) in the conversation that set its goal or a later open one of the
same employee. Every refusal is a ``GoalError`` (a ``UserError`` with one
catalogue message) raised before anything is written.

A goal read "as of" a conversation (``goals_set_in``, and ``goals_reviewed_in``,
``open_goals`` in ``goal_reviews``) carries only the reviews of conversations up
to that one and shows a step done only when it was ticked by then: re-rendering
earlier minutes never shows what came later. Conversations are ordered as the
history lists them: by start (or creation) moment, then id.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from gespreks_tui.goals import (
    Goal,
    GoalError,
    GoalKind,
    GoalProgress,
    GoalReview,
    GoalStep,
    check_period,
    clean_date,
    clean_step_text,
    clean_text,
    clean_title,
    goal_kind,
    goal_owner,
)
from gespreks_tui.model import Owner, Status
from gespreks_tui.store.base import StoreBase, locked

# Goal field -> column (``where`` is an SQL word: stored as ``place``).
_COLUMNS = {"what": "what", "why": "why", "who": "who", "where": "place", "how": "how",
            "support": "support"}
_FIELDS = {*_COLUMNS, "owner", "period_start", "period_end"}
_EDITABLE = {*_FIELDS, "title", "kind", "position"}
_OPEN = (str(Status.DRAFT), str(Status.RUNNING))
_ORDER = "coalesce(c.started_at, c.created_at)"
_GOALS_SQL = f"""
select g.*, {_ORDER} as c_date from goals g join conversations c on c.id = g.conversation_id
"""
Moment = tuple[str, int]  # a conversation's place in the history: (date, id)


def _step(row: dict, as_of: Moment | None) -> GoalStep:
    done_in = row["done_in"]
    if done_in is not None and as_of is not None and (row["d_date"], done_in) > as_of:
        done_in = None  # ticked in a later conversation: not done yet then
    return GoalStep(id=row["id"], goal_id=row["goal_id"], position=row["position"],
                    text=row["text"], due_date=row["due_date"], done_in=done_in,
                    done_at=row["done_at"] if done_in is not None else None)


def _review(row: dict) -> GoalReview:
    return GoalReview(id=row["id"], goal_id=row["goal_id"],
                      conversation_id=row["conversation_id"],
                      progress=GoalProgress(row["progress"]) if row["progress"] else None,
                      comment=row["comment"], score=row["score"], at=row["updated_at"],
                      score_comment=row["score_comment"])


class GoalsMixin(StoreBase):
    # -- reading ---------------------------------------------------------------------
    def _moment(self, conversation_id: int) -> Moment:
        row = self.db.execute(f"select {_ORDER} from conversations c where c.id = ?",
                              [conversation_id]).fetchone()
        if row is None:
            raise GoalError("goals.error.conversation_not_found", id=conversation_id)
        return (row[0], conversation_id)

    def _load(self, where: str, params: list, as_of: Moment | None = None) -> list[Goal]:
        """Goals matching ``where`` (on ``g``/``c``), with steps and reviews (as of)."""
        rows = self._rows(_GOALS_SQL + where + " order by c_date, c.id, g.position, g.id",
                          params)
        if not rows:
            return []
        ids = json.dumps([r["id"] for r in rows])
        steps: dict[int, list[GoalStep]] = defaultdict(list)
        for s in self._rows(
                "select s.*, coalesce(d.started_at, d.created_at) as d_date from goal_steps s "
                "left join conversations d on d.id = s.done_in "
                "where s.goal_id in (select value from json_each(?)) "
                "order by s.position, s.id", [ids]):
            steps[s["goal_id"]].append(_step(s, as_of))
        reviews: dict[int, list[GoalReview]] = defaultdict(list)
        for r in self._rows(
                f"select r.*, {_ORDER} as c_date from goal_reviews r "
                f"join conversations c on c.id = r.conversation_id "
                f"where r.goal_id in (select value from json_each(?)) "
                f"order by c_date, c.id", [ids]):
            if as_of is None or (r["c_date"], r["conversation_id"]) <= as_of:
                reviews[r["goal_id"]].append(_review(r))
        return [Goal(id=r["id"], employee_id=r["employee_id"],
                     conversation_id=r["conversation_id"], kind=GoalKind(r["kind"]),
                     title=r["title"], what=r["what"], why=r["why"], who=r["who"],
                     where=r["place"], how=r["how"], owner=Owner(r["owner"]),
                     period_start=r["period_start"], period_end=r["period_end"],
                     support=r["support"], position=r["position"],
                     steps=tuple(steps[r["id"]]), reviews=tuple(reviews[r["id"]]))
                for r in rows]

    @locked
    def get_goal(self, goal_id: int) -> Goal:
        found = self._load(" where g.id = ?", [goal_id])
        if not found:
            raise GoalError("goals.error.not_found", id=goal_id)
        return found[0]

    @locked
    def goals(self, employee_id: int | None = None) -> list[Goal]:
        """Every goal (of one employee), oldest conversation first, as it stands now."""
        if employee_id is None:
            return self._load("", [])
        return self._load(" where g.employee_id = ?", [employee_id])

    @locked
    def goals_set_in(self, conversation_id: int) -> list[Goal]:
        """The goals set in one conversation, as of that conversation."""
        return self._load(" where g.conversation_id = ?", [conversation_id],
                          self._moment(conversation_id))

    @locked
    def goal_agreements(self, goal_id: int) -> list[int]:
        """The ids of the agreements linked to a goal, oldest first."""
        return [r[0] for r in self.db.execute(
            "select id from agreements where goal_id = ? order by created_at, id", [goal_id])]

    # -- checks ----------------------------------------------------------------------
    def _conversation(self, conversation_id: int) -> dict:
        rows = self._rows("select id, kind, status, employee_id from conversations "
                          "where id = ?", [conversation_id])
        if not rows:
            raise GoalError("goals.error.conversation_not_found", id=conversation_id)
        return rows[0]

    def _open_conversation(self, conversation_id: int) -> dict:
        found = self._conversation(conversation_id)
        if found["status"] not in _OPEN:
            raise GoalError("goals.error.conversation_closed", id=conversation_id)
        return found

    def _goal_row(self, goal_id: int, editable: bool = False) -> dict:
        rows = self._rows("select g.*, c.status as c_status from goals g join conversations c "
                          "on c.id = g.conversation_id where g.id = ?", [goal_id])
        if not rows:
            raise GoalError("goals.error.not_found", id=goal_id)
        if editable and rows[0]["c_status"] not in _OPEN:
            raise GoalError("goals.error.goal_fixed", id=goal_id,
                            conversation=rows[0]["conversation_id"])
        return rows[0]

    def _step_row(self, step_id: int) -> dict:
        rows = self._rows("select * from goal_steps where id = ?", [step_id])
        if not rows:
            raise GoalError("goals.error.step_not_found", id=step_id)
        return rows[0]

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

    # -- goals -----------------------------------------------------------------------
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

    # -- steps -----------------------------------------------------------------------
    @locked
    def add_step(self, goal_id: int, text: str, due_date: str | None = None) -> GoalStep:
        """A small step at the end of the goal's steps (while its conversation is open).

        A step dated after the goal's period is stored: ``goals.step_hints`` says so.
        """
        self._goal_row(goal_id, editable=True)
        values = {"text": clean_step_text(text), "due_date": clean_date(due_date)}
        self.check_file()
        now = self.now()
        with self.db.atomic():
            position = self.db.execute(
                "select coalesce(max(position), -1) + 1 from goal_steps where goal_id = ?",
                [goal_id]).fetchone()[0]
            table = self.db["goal_steps"]
            table.insert({"goal_id": goal_id, "position": position, **values,
                          "created_at": now, "updated_at": now})
            step_id = table.last_pk
        return self._get_step(step_id)

    def _get_step(self, step_id: int) -> GoalStep:
        row = self._step_row(step_id)
        return _step({**row, "d_date": None}, None)

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

    def _check_later(self, goal: dict, conversation: dict, allow_same: bool = False) -> None:
        """The conversation is the goal employee's, and later than the one that set it."""
        if conversation["employee_id"] != goal["employee_id"]:
            raise GoalError("goals.error.other_employee_goal", id=goal["id"])
        if conversation["id"] == goal["conversation_id"]:
            if allow_same:
                return
            raise GoalError("goals.error.review_where_set", id=goal["id"])
        if self._moment(conversation["id"]) < self._moment(goal["conversation_id"]):
            raise GoalError("goals.error.set_later", id=goal["id"])
