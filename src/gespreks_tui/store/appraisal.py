"""What the parties bring besides notes: the employee's preparation and appraisal scores.

Scores are values on the conversation's own scale, stored with it when it
started (``conversations.scale``, migration 11); ``scale`` gives it back, the
legacy four-point scale for conversations stored before. So a template changed
later never changes an earlier appraisal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gespreks_tui.agenda_template import GOAL_PROMPTS
from gespreks_tui.appraisal_scale import Scale
from gespreks_tui.db import StoreError
from gespreks_tui.errors import UserError
from gespreks_tui.store.base import StoreBase, locked

if TYPE_CHECKING:  # the record's data is imported where it is read (issue 19: start-up)
    from gespreks_tui.model_records import Score


class OffScale(UserError, ValueError):
    """A score that is not a point of the conversation's scale (nothing is stored)."""


class AppraisalMixin(StoreBase):
    @locked
    def preparation(self, conversation_id: int) -> dict[int, str]:
        """The employee's prepared answers, keyed by phase position."""
        rows = self._rows("select position, body from preparations where conversation_id = ?",
                          [conversation_id])
        return {r["position"]: r["body"] for r in rows}

    @locked
    def save_preparation(self, conversation_id: int, answers: dict[int, str]) -> None:
        """Attach a filled-in preparation form (replacing an earlier one)."""
        with self.db.atomic():
            self.db.execute("delete from preparations where conversation_id = ?",
                            [conversation_id])
            self.db["preparations"].insert_all(
                {"conversation_id": conversation_id, "position": position, "body": body}
                for position, body in answers.items() if body.strip())

    @locked
    def scale(self, conversation_id: int) -> Scale:
        """The scale this conversation's scores are given on (legacy for older ones)."""
        row = self.db.execute("select scale, language from conversations where id = ?",
                              [conversation_id]).fetchone()
        if row is None:
            raise StoreError("conversation.not_found", self.path, id=conversation_id)
        return Scale.from_json(row[0], row[1])

    @locked
    def goal_prompts(self, conversation_id: int) -> tuple[str, ...]:
        """The goal prompts the conversation's agenda asked (empty: no goals pane)."""
        row = self.db.execute("select goal_prompts from conversations where id = ?",
                              [conversation_id]).fetchone()
        if row is None:
            raise StoreError("conversation.not_found", self.path, id=conversation_id)
        stored = set((row[0] or "").split(","))
        return tuple(prompt for prompt in GOAL_PROMPTS if prompt in stored)

    def _check_score(self, conversation_id: int, score: int | None) -> None:
        scale = self.scale(conversation_id)
        if not scale.allows(score):
            raise OffScale("scale.off_scale", score=score, points=scale.points)

    @locked
    def scores(self, conversation_id: int) -> list[Score]:
        """The appraisal scores given so far, in criterion order."""
        from gespreks_tui.model_records import Score

        return [Score(r["position"], r["criterion"], r["score"], r["comment"])
                for r in self._rows("select * from scores where conversation_id = ? "
                                    "order by position", [conversation_id])]

    @locked
    def save_score(self, conversation_id: int, position: int, criterion: str,
                   score: int | None, comment: str = "") -> None:
        """Store one criterion's score (1 .. the scale's points, or None) and comment."""
        self._check_score(conversation_id, score)
        self.db.execute(
            "insert into scores (conversation_id, position, criterion, score, comment) "
            "values (?, ?, ?, ?, ?) on conflict (conversation_id, position) do update set "
            "criterion = excluded.criterion, score = excluded.score, comment = excluded.comment",
            [conversation_id, position, criterion, score, comment])

    @locked
    def save_overall(self, conversation_id: int, score: int | None, comment: str) -> None:
        """The overall judgment of an appraisal (1 .. the scale's points, or None)."""
        self._check_score(conversation_id, score)
        self.db.execute("update conversations set overall_score = ?, overall_comment = ?, "
                        "updated_at = ? where id = ?",
                        [score, comment, self.now(), conversation_id])

    @locked
    def overall(self, conversation_id: int) -> tuple[int | None, str]:
        row = self.db.execute("select overall_score, overall_comment from conversations "
                              "where id = ?", [conversation_id]).fetchone()
        return (row[0], row[1]) if row else (None, "")
