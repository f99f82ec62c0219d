"""The minutes' account of a prepared assessment: what the meeting changed in the draft.

A beoordeling opened from a draft (``store.drafts``) has the draft's values
frozen beside the meeting's. Under the minutes' appraisal table this adds one
list: for each criterion (and the overall judgment) whose score or
explanation the meeting changed, "aangepast in het gesprek" with the draft's
value; or one line saying the meeting kept the draft as it was.

``with_draft_changes(content, record, lang)`` returns the content unchanged
for a record without a draft, so the minutes of every other conversation stay
byte-identical. The lines go at the end of the appraisal section (before the
next ``##`` heading after it), which the minutes write themselves: no user
text can be a heading there (``markdown_escape``).
"""

from __future__ import annotations

from gespreks_tui.appraisal_scale import Scale
from gespreks_tui.catalogue import t
from gespreks_tui.draft_form import Entry
from gespreks_tui.fingerprint import canonical
from gespreks_tui.markdown_escape import inline
from gespreks_tui.record import ConversationRecord


def _value(entry: Entry, scale: Scale, lang: str) -> str:
    comment = " ".join(entry.comment.split())
    score = inline(scale.numbered(entry.score))
    if not comment:
        return t("draft.minutes.value", lang=lang, score=score)
    return t("draft.minutes.value_comment", lang=lang, score=score, comment=inline(comment))


def _same(a: Entry, b: Entry) -> bool:
    return a.score == b.score and a.comment.strip() == b.comment.strip()


def draft_change_lines(record: ConversationRecord, lang: str) -> list[str]:
    """The lines about the draft ([] when the conversation did not start from one)."""
    frozen = getattr(record, "draft", None)  # store.drafted_record.DraftedRecord
    if frozen is None:
        return []
    scale, draft = frozen.scale, frozen.draft
    given = {s.position: Entry(s.score, s.comment) for s in record.scores}
    criteria = [name for phase in record.conversation.phases for name in phase.criteria]
    rows = [(inline(name), draft.scores.get(p, Entry()), given.get(p, Entry()))
            for p, name in enumerate(criteria)]
    if scale.overall:
        overall = Entry(record.overall[0], record.overall[1] or "")
        rows.append((t("scores.overall", lang=lang), draft.overall, overall))
    changed = [t("draft.minutes.changed", lang=lang, criterion=name,
                 draft=_value(before, scale, lang))
               for name, before, after in rows if not _same(before, after)]
    lines = ["### " + t("draft.minutes.title", lang=lang), ""]
    if changed:
        lines += [t("draft.minutes.intro", lang=lang), ""] + ["- " + line for line in changed]
    else:
        lines.append(t("draft.minutes.unchanged", lang=lang))
    return [*lines, ""]


def with_draft_changes(content: str, record: ConversationRecord, lang: str) -> str:
    """``content`` (the minutes above the fingerprint) with the draft's lines added."""
    lines = draft_change_lines(record, lang)
    if not lines:
        return content
    body = content.split("\n")
    scores = "## " + t("minutes.scores", lang=lang)
    start = body.index(scores) if scores in body else len(body)
    end = next((i for i in range(start + 1, len(body)) if body[i].startswith("## ")),
               len(body))
    return canonical("\n".join(body[:end] + lines + body[end:]))
