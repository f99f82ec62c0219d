"""What the parties bring besides notes: the employee's preparation and appraisal scores."""

from __future__ import annotations

from gespreks_tui.model import Score
from gespreks_tui.store.base import StoreBase, locked


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
    def scores(self, conversation_id: int) -> list[Score]:
        """The appraisal scores given so far, in criterion order."""
        return [Score(r["position"], r["criterion"], r["score"], r["comment"])
                for r in self._rows("select * from scores where conversation_id = ? "
                                    "order by position", [conversation_id])]

    @locked
    def save_score(self, conversation_id: int, position: int, criterion: str,
                   score: int | None, comment: str = "") -> None:
        """Store one criterion's score (1 onvoldoende … 4 uitstekend, or None) and comment."""
        if score is not None and not 1 <= score <= 4:
            raise ValueError("score must be 1-4")
        self.db.execute(
            "insert into scores (conversation_id, position, criterion, score, comment) "
            "values (?, ?, ?, ?, ?) on conflict (conversation_id, position) do update set "
            "criterion = excluded.criterion, score = excluded.score, comment = excluded.comment",
            [conversation_id, position, criterion, score, comment])

    @locked
    def save_overall(self, conversation_id: int, score: int | None, comment: str) -> None:
        """The overall judgment of an appraisal."""
        if score is not None and not 1 <= score <= 4:
            raise ValueError("score must be 1-4")
        self.db.execute("update conversations set overall_score = ?, overall_comment = ?, "
                        "updated_at = ? where id = ?",
                        [score, comment, self.now(), conversation_id])

    @locked
    def overall(self, conversation_id: int) -> tuple[int | None, str]:
        row = self.db.execute("select overall_score, overall_comment from conversations "
                              "where id = ?", [conversation_id]).fetchone()
        return (row[0], row[1]) if row else (None, "")
