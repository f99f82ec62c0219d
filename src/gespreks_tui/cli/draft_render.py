"""``show``'s view of a prepared assessment and of the scale the scores are on.

A beoordeling opened from a draft (``store.drafts``) keeps the draft's values
frozen beside the meeting's. ``draft_text`` says, as the minutes do
(``minutes.draft_changes``), what the meeting changed; ``scores_json_extra``
adds to ``show --json``'s ``scores`` object, without changing a key it had:

- ``scale``: the points, labels and overall judgment the scores are given on, as
  stored, in the conversation's language (``stored`` false: a conversation from
  before scales, on the old four points);
- per criterion and for the overall judgment, when the meeting started from a
  draft: ``draft`` (its score and comment) and ``changed_in_meeting``;
  ``drafted_at``: when the draft was frozen (null: no draft).
"""

from __future__ import annotations

from typing import Any

from gespreks_tui.appraisal_scale import Scale, legacy_scale
from gespreks_tui.catalogue import t
from gespreks_tui.draft_form import Entry
from gespreks_tui.record import ConversationRecord


def _changed(before: Entry, after: Entry) -> bool:
    return before.score != after.score or before.comment.strip() != after.comment.strip()


def draft_rows(record: ConversationRecord) -> list[tuple[int | None, str, Entry, Entry]]:
    """(position or None for the overall judgment, name, draft, meeting) per criterion;
    [] when the conversation did not start from a draft."""
    frozen = getattr(record, "draft", None)  # store.drafted_record.DraftedRecord
    if frozen is None:
        return []
    given = {s.position: Entry(s.score, s.comment) for s in record.scores}
    criteria = [name for phase in record.conversation.phases for name in phase.criteria]
    rows: list[tuple[int | None, str, Entry, Entry]] = [
        (p, name, frozen.draft.scores.get(p, Entry()), given.get(p, Entry()))
        for p, name in enumerate(criteria)]
    if frozen.scale.overall:
        rows.append((None, t("scores.overall"), frozen.draft.overall,
                     Entry(record.overall[0], record.overall[1] or "")))
    return rows


def _value(entry: Entry, scale: Scale) -> str:
    score = scale.numbered(entry.score)
    comment = " ".join(entry.comment.split())
    if not comment:
        return t("draft.minutes.value", score=score)
    return t("draft.minutes.value_comment", score=score, comment=comment)


def draft_text(record: ConversationRecord) -> list[str]:
    """The draft's lines under the scores of plain ``show`` ([] without a draft)."""
    rows, frozen = draft_rows(record), getattr(record, "draft", None)
    if not rows or frozen is None:
        return []
    scale = frozen.scale
    changed = [t("draft.minutes.changed", criterion=name, draft=_value(before, scale))
               for _, name, before, after in rows if _changed(before, after)]
    lines = ["", t("draft.minutes.title")]
    if not changed:
        return [*lines, "  " + t("draft.minutes.unchanged")]
    return [*lines, "  " + t("draft.minutes.intro")] + ["    " + line for line in changed]


def _scale_json(scale: Scale | None, lang: str) -> dict[str, Any]:
    """The scale as stored; the old four points in the conversation's language (``lang``),
    as the app and the minutes word them (walk25 F29)."""
    shown = scale or legacy_scale(lang)
    return {"points": shown.points, "labels": list(shown.labels), "overall": shown.overall,
            "stored": scale is not None}


def scores_json_extra(scores: dict[str, Any], record: ConversationRecord) -> dict[str, Any]:
    """``scores`` (``render.scores_json``) with the scale and the draft (see the module)."""
    scores["scale"] = _scale_json(record.conversation.scale, record.conversation.language)
    frozen = getattr(record, "draft", None)
    scores["drafted_at"] = frozen.frozen_at if frozen else None
    by_position = {entry["position"]: entry for entry in scores["criteria"]}
    for position, _, before, after in draft_rows(record):
        entry = scores["overall"] if position is None else by_position.get(position)
        if entry is not None:
            entry["draft"] = {"score": before.score, "comment": before.comment}
            entry["changed_in_meeting"] = _changed(before, after)
    return scores
