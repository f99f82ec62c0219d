"""Goals in the conversations after the one that set them (issue 20).

A later conversation of the same employee records progress (``review_goal``)
and, in a beoordeling, a judgment (``judge_goal``); each is refused once that
conversation is concluded. It lists the goals it follows up (``open_goals``:
the period rule of ``gespreks_tui.goal_period``) and those it reviewed
(``goals_reviewed_in``), as of itself (see ``goal_reads``). An agreement can
serve a goal set in its conversation or before it (``link_agreement``). Every
refusal is a ``GoalError`` raised before anything is written; setting goals
is ``goals``, their steps ``goal_steps``.
"""

from __future__ import annotations

from dataclasses import replace

from gespreks_tui.goal_period import conversation_day, follows_up
from gespreks_tui.goals import (
    Goal,
    GoalError,
    GoalProgress,
    GoalReview,
    clean_text,
    goal_progress,
)
from gespreks_tui.model import Kind
from gespreks_tui.store.base import locked
from gespreks_tui.store.goal_reads import OPEN, ORDER, review_of
from gespreks_tui.store.goals import GoalsMixin


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
        """The goals this conversation follows up ("Op te volgen doelen"): set earlier
        for this employee, not achieved or dropped before it, and in their period on
        its day (past it: only in a beoordeling, until judged). The rule:
        ``goal_period.follows_up``; ``goals`` lists them all.

        A concluded conversation sees them as of itself. An open one sees them as
        they stand now: also the goals of a conversation concluded while it stood
        open (started before them, resumed after), and only what concluded
        conversations (and itself) recorded — progress in another conversation
        still open is not final, so it does not close a goal here."""
        moment = self._moment(conversation_id)
        row = self.db.execute("select kind, time_zone, status from conversations where id = ?",
                              [conversation_id]).fetchone()
        day = conversation_day(moment[0], row[1])
        before = f"({ORDER} < ? or ({ORDER} = ? and c.id < ?))"
        if row[2] not in OPEN:
            found = self._load(f" where g.employee_id = ? and {before}",
                               [employee_id, moment[0], moment[0], moment[1]], moment)
        else:
            found = self._load(
                f" where g.employee_id = ? and g.conversation_id != ? and ({before} or "
                f"c.status not in ({', '.join('?' * len(OPEN))}))",
                [employee_id, conversation_id, moment[0], moment[0], moment[1], *OPEN])
            final = {r[0] for r in self.db.execute(
                f"select id from conversations where employee_id = ? and status not in "
                f"({', '.join('?' * len(OPEN))})", [employee_id, *OPEN])} | {conversation_id}
            found = [replace(g, reviews=tuple(r for r in g.reviews
                                              if r.conversation_id in final))
                     for g in found]
        return [g for g in found
                if follows_up(g, conversation_id, day, row[0] == Kind.BEOORDELING)]

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
        return review_of(rows[0])

    def _reviewable(self, conversation_id: int, goal_id: int) -> None:
        conversation = self._conversation(conversation_id)
        goal = self._goal_row(goal_id)
        if conversation["status"] not in OPEN:
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
    def forget_review(self, conversation_id: int, goal_id: int) -> None:
        """Back to "not discussed": this (open) conversation's review of the goal is
        removed (nothing else is; a goal another conversation reviewed keeps that)."""
        self._reviewable(conversation_id, goal_id)
        self.check_file()
        self.db.execute("delete from goal_reviews where goal_id = ? and conversation_id = ?",
                        [goal_id, conversation_id])
        self.db.execute("update conversations set updated_at = ? where id = ?",
                        [self.now(), conversation_id])

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
        if agreement["status"] not in OPEN:
            raise GoalError("goals.error.conversation_closed", id=agreement["conversation_id"])
        if goal_id is not None:
            goal = self._goal_row(goal_id)
            if goal["employee_id"] != agreement["employee_id"]:
                raise GoalError("goals.error.other_employee_agreement", id=agreement_id,
                                goal=goal_id)
            if (goal["conversation_id"] != agreement["conversation_id"]
                    and goal["c_status"] in OPEN
                    and self._moment(agreement["conversation_id"])
                    < self._moment(goal["conversation_id"])):
                raise GoalError("goals.error.set_later", id=goal_id)
        self.db.execute("update agreements set goal_id = ?, updated_at = ? where id = ?",
                        [goal_id, self.now(), agreement_id])

    @locked
    def goals_served_in(self, conversation_id: int) -> dict[int, str]:
        """The titles of the goals this conversation's agreements serve, by goal id."""
        return {r[0]: r[1] for r in self.db.execute(
            "select distinct g.id, g.title from goals g join agreements a on a.goal_id = g.id "
            "where a.conversation_id = ?", [conversation_id])}

    def goal_scale(self, conversation_id: int) -> tuple[str, ...]:
        """The labels of the scale goals are judged on in this conversation (its scale)."""
        scale = getattr(self, "scale", None)
        return tuple(scale(conversation_id).labels) if callable(scale) else ()
