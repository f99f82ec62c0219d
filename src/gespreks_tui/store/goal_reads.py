"""Reading goals (issue 20), and the checks that writing them shares.

Goals are kept by four store modules, each building on the one before:
``goal_reads`` (this one: reading, and the checks), ``goal_steps`` (a goal's
small steps, ticking them), ``goals`` (setting, changing and removing a goal)
and ``goal_reviews`` (what later conversations record: progress, judgment,
the goals to follow up, agreements that serve a goal). The rules without a
database are in ``gespreks_tui.goals`` and ``gespreks_tui.goal_period``.

A goal read "as of" a conversation (``goals_set_in`` here, ``goals_reviewed_in``
and ``open_goals`` in ``goal_reviews``) carries only the reviews of
conversations up to that one and shows a step done only when it was ticked by
then: re-rendering earlier minutes never shows what came later. Conversations
are ordered as the history lists them: by start (or creation) moment, then id.
"""

from __future__ import annotations

import json
from collections import defaultdict

from gespreks_tui.goals import Goal, GoalError, GoalKind, GoalProgress, GoalReview, GoalStep
from gespreks_tui.model import Owner, Status
from gespreks_tui.store.base import StoreBase, locked

OPEN = (str(Status.DRAFT), str(Status.RUNNING))  # the statuses in which goals may change
ORDER = "coalesce(c.started_at, c.created_at)"  # a conversation's moment in the history
_GOALS_SQL = f"""
select g.*, {ORDER} as c_date from goals g join conversations c on c.id = g.conversation_id
"""
Moment = tuple[str, int]  # a conversation's place in the history: (date, id)


def step_of(row: dict, as_of: Moment | None) -> GoalStep:
    """A ``goal_steps`` row (with ``d_date``: when its ticking conversation was) as of."""
    done_in = row["done_in"]
    if done_in is not None and as_of is not None and (row["d_date"], done_in) > as_of:
        done_in = None  # ticked in a later conversation: not done yet then
    return GoalStep(id=row["id"], goal_id=row["goal_id"], position=row["position"],
                    text=row["text"], due_date=row["due_date"], done_in=done_in,
                    done_at=row["done_at"] if done_in is not None else None)


def review_of(row: dict) -> GoalReview:
    """A ``goal_reviews`` row."""
    return GoalReview(id=row["id"], goal_id=row["goal_id"],
                      conversation_id=row["conversation_id"],
                      progress=GoalProgress(row["progress"]) if row["progress"] else None,
                      comment=row["comment"], score=row["score"], at=row["updated_at"],
                      score_comment=row["score_comment"])


class GoalReadsMixin(StoreBase):
    # -- reading ---------------------------------------------------------------------
    def _moment(self, conversation_id: int) -> Moment:
        row = self.db.execute(f"select {ORDER} from conversations c where c.id = ?",
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
            steps[s["goal_id"]].append(step_of(s, as_of))
        reviews: dict[int, list[GoalReview]] = defaultdict(list)
        for r in self._rows(
                f"select r.*, {ORDER} as c_date from goal_reviews r "
                f"join conversations c on c.id = r.conversation_id "
                f"where r.goal_id in (select value from json_each(?)) "
                f"order by c_date, c.id", [ids]):
            if as_of is None or (r["c_date"], r["conversation_id"]) <= as_of:
                reviews[r["goal_id"]].append(review_of(r))
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
        """Every goal (of one employee), oldest conversation first, as it stands now,
        whatever its period (``open_goals``: those one conversation follows up)."""
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

    # -- checks (each raises a ``GoalError`` before anything is written) ---------------
    def _conversation(self, conversation_id: int) -> dict:
        rows = self._rows("select id, kind, status, employee_id from conversations "
                          "where id = ?", [conversation_id])
        if not rows:
            raise GoalError("goals.error.conversation_not_found", id=conversation_id)
        return rows[0]

    def _open_conversation(self, conversation_id: int) -> dict:
        found = self._conversation(conversation_id)
        if found["status"] not in OPEN:
            raise GoalError("goals.error.conversation_closed", id=conversation_id)
        return found

    def _goal_row(self, goal_id: int, editable: bool = False) -> dict:
        """The stored goal; ``editable``: refused once the conversation that set it closed."""
        rows = self._rows("select g.*, c.status as c_status from goals g join conversations c "
                          "on c.id = g.conversation_id where g.id = ?", [goal_id])
        if not rows:
            raise GoalError("goals.error.not_found", id=goal_id)
        if editable and rows[0]["c_status"] not in OPEN:
            raise GoalError("goals.error.goal_fixed", id=goal_id,
                            conversation=rows[0]["conversation_id"])
        return rows[0]

    def _check_later(self, goal: dict, conversation: dict, allow_same: bool = False) -> None:
        """The conversation is the goal employee's, and later than the one that set it
        (or open, and the one that set it concluded: see ``open_goals``)."""
        if conversation["employee_id"] != goal["employee_id"]:
            raise GoalError("goals.error.other_employee_goal", id=goal["id"])
        if conversation["id"] == goal["conversation_id"]:
            if allow_same:
                return
            raise GoalError("goals.error.review_where_set", id=goal["id"])
        if goal["c_status"] not in OPEN and conversation["status"] in OPEN:
            return  # set and concluded while this one stood open: it follows it up now
        if self._moment(conversation["id"]) < self._moment(goal["conversation_id"]):
            raise GoalError("goals.error.set_later", id=goal["id"])
