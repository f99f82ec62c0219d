"""Goals in the conversations after the one that set them (issue 20).

A later conversation of the same employee records progress (``review_goal``)
and, in a beoordeling, a judgment (``judge_goal``); each is refused once that
conversation is concluded. It lists the goals still to follow (``open_goals``)
and those it reviewed (``goals_reviewed_in``), as of itself (see ``goals``).
An agreement can serve a goal set in its conversation or before it
(``link_agreement``). Every refusal is a ``GoalError`` raised before anything is
written; setting goals and their steps is ``goals``.
"""

from __future__ import annotations

from gespreks_tui.goals import (
    CLOSED,
    Goal,
    GoalError,
    GoalProgress,
    GoalReview,
    clean_text,
    goal_progress,
)
from gespreks_tui.model import Kind
from gespreks_tui.store.base import locked
from gespreks_tui.store.goals import _OPEN, _ORDER, GoalsMixin, _review


class GoalReviewsMixin(GoalsMixin):
    # -- reading ---------------------------------------------------------------------
    @locked
    def goals_reviewed_in(self, conversation_id: int) -> list[Goal]:
        """The goals one conversation reviewed or judged, with the state as of it."""
        return self._load(" where g.id in (select goal_id from goal_reviews "
                          "where conversation_id = ?)", [conversation_id],
                          self._moment(conversation_id))

    @locked
    def open_goals(self, employee_id: int, conversation_id: int) -> list[Goal]:
        """The goals to review in this conversation: set earlier for this employee and
        not achieved or dropped before it (one closed in it stays listed), as of it."""
        moment = self._moment(conversation_id)
        found = self._load(
            f" where g.employee_id = ? and ({_ORDER} < ? or ({_ORDER} = ? and c.id < ?))",
            [employee_id, moment[0], moment[0], moment[1]], moment)
        return [g for g in found
                if not any(r.progress in CLOSED for r in g.reviews
                           if r.conversation_id != conversation_id)]

    # -- reviews ---------------------------------------------------------------------
    def _upsert_review(self, conversation_id: int, goal_id: int, values: dict) -> GoalReview:
        now = self.now()
        columns = ", ".join(values)
        updates = ", ".join(f"{c} = excluded.{c}" for c in values)
        self.db.execute(
            f"insert into goal_reviews (goal_id, conversation_id, {columns}, created_at, "
            f"updated_at) values (?, ?, {', '.join('?' * len(values))}, ?, ?) "
            f"on conflict (goal_id, conversation_id) do update set {updates}, "
            f"updated_at = excluded.updated_at",
            [goal_id, conversation_id, *values.values(), now, now])
        self.db.execute("update conversations set updated_at = ? where id = ?",
                        [now, conversation_id])
        rows = self._rows("select * from goal_reviews where goal_id = ? and "
                          "conversation_id = ?", [goal_id, conversation_id])
        return _review(rows[0])

    def _reviewable(self, conversation_id: int, goal_id: int) -> None:
        conversation = self._conversation(conversation_id)
        goal = self._goal_row(goal_id)
        if conversation["status"] not in _OPEN:
            raise GoalError("goals.error.review_concluded", id=goal_id,
                            conversation=conversation_id)
        self._check_later(goal, conversation)

    @locked
    def review_goal(self, conversation_id: int, goal_id: int,
                    progress: GoalProgress | str | None, comment: str = "") -> GoalReview:
        """Record the progress of an earlier goal in this (open) conversation; a second
        call replaces the first, a concluded conversation is refused."""
        values = {"progress": None if progress is None else str(goal_progress(progress)),
                  "comment": clean_text(comment)}
        self._reviewable(conversation_id, goal_id)
        self.check_file()
        return self._upsert_review(conversation_id, goal_id, values)

    @locked
    def judge_goal(self, conversation_id: int, goal_id: int, score: int | None,
                   comment: str = "") -> GoalReview:
        """The judgment of a goal in a beoordeling: a score on its scale (or none) with
        its comment; the progress and its comment (``review_goal``) stay."""
        conversation = self._conversation(conversation_id)
        if conversation["kind"] != Kind.BEOORDELING:
            raise GoalError("goals.error.not_appraisal", conversation=conversation_id)
        points = self._scale_points(conversation_id)
        if score is not None and (isinstance(score, bool) or not 1 <= int(score) <= points):
            raise GoalError("goals.error.bad_score", value=score, most=points)
        values = {"score": None if score is None else int(score),
                  "score_comment": clean_text(comment)}
        self._reviewable(conversation_id, goal_id)
        self.check_file()
        return self._upsert_review(conversation_id, goal_id, values)

    def _scale_points(self, conversation_id: int) -> int:
        """How many points the conversation's scale has (4 before the scale existed)."""
        scale = getattr(self, "scale", None)
        if callable(scale):
            return int(scale(conversation_id).points)
        return 4

    # -- agreements ------------------------------------------------------------------
    @locked
    def link_agreement(self, agreement_id: int, goal_id: int | None) -> None:
        """Link an agreement (of an open conversation) to the goal it serves, or unlink it.

        The goal must be the same employee's, set in that conversation or before it.
        """
        rows = self._rows("select a.id, a.conversation_id, c.employee_id, c.status "
                          "from agreements a join conversations c on c.id = a.conversation_id "
                          "where a.id = ?", [agreement_id])
        if not rows:
            raise GoalError("goals.error.agreement_not_found", id=agreement_id)
        agreement = rows[0]
        if agreement["status"] not in _OPEN:
            raise GoalError("goals.error.conversation_closed", id=agreement["conversation_id"])
        if goal_id is not None:
            goal = self._goal_row(goal_id)
            if goal["employee_id"] != agreement["employee_id"]:
                raise GoalError("goals.error.other_employee_agreement", id=agreement_id,
                                goal=goal_id)
            if (goal["conversation_id"] != agreement["conversation_id"]
                    and self._moment(agreement["conversation_id"])
                    < self._moment(goal["conversation_id"])):
                raise GoalError("goals.error.set_later", id=goal_id)
        self.db.execute("update agreements set goal_id = ?, updated_at = ? where id = ?",
                        [goal_id, self.now(), agreement_id])

    def goal_scale(self, conversation_id: int) -> tuple[str, ...]:
        """The labels of the scale goals are judged on in this conversation (its scale)."""
        scale = getattr(self, "scale", None)
        return tuple(scale(conversation_id).labels) if callable(scale) else ()
