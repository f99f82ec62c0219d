"""Markdown minutes of a conversation, generated from the database.

``render_minutes`` is deterministic: the same data gives byte-identical
minutes on any machine (times are Dutch time, see ``dutch_time``). The layout:

    # <Kind> met <employee>            title
    - Medewerker / Leidinggevende / Datum / Duur
    ## Notities, ### <phase> …         the SHARED notes only, never private ones
    ## Beoordeling                     (appraisals) criterion | score | comment table
    ## Gemaakte afspraken              1. <text> — owner; due date; status
    ## Opvolging van eerdere afspraken (only when there are follow-ups)
    ## Volgende evaluatie
    ---- everything above is the content; its sha256 is the fingerprint ----
    Gesprek N, revisie R. Vingerafdruk: `gespreks/N/R/sha256:…`
    ## Bevestiging … (see ``footer``)

All user text passes through ``escape``; dates that are valid ISO dates are
written as they are, anything else stored as a date is escaped like text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gespreks_tui.catalogue import t
from gespreks_tui.minutes.canonical import canonical, sha256_of
from gespreks_tui.minutes.dutch_time import date_text, time_text
from gespreks_tui.minutes.escape import inline, note_lines
from gespreks_tui.minutes.footer import render_footer
from gespreks_tui.model import SCORE_KEYS, Agreement, Conversation, FollowUp, Score, Visibility


@dataclass(frozen=True)
class Minutes:
    """One rendering of the minutes.

    ``revision`` is the number in the fingerprint line; ``stored`` says whether
    that revision is in the database (``publish`` stores it), ``content`` is the
    part above the fingerprint line, whose fingerprint is ``sha256``.
    """

    conversation_id: int
    revision: int
    sha256: str
    markdown: str
    content: str
    stored: bool
    language: str


def _date(value: str | None, missing: str) -> str:
    if not value:
        return missing
    try:
        if date.fromisoformat(value).isoformat() == value:
            return value
    except ValueError:
        pass
    return inline(value)


def _score_lines(c: Conversation, scores: list[Score], overall: tuple[int | None, str],
                 tr) -> list[str]:
    """The appraisal as a table: one row per criterion, then the overall judgment."""
    criteria = [name for phase in c.phases for name in phase.criteria]
    if not criteria and not scores and overall[0] is None:
        return []
    given = {s.position: s for s in scores}

    def label(score: int | None) -> str:
        return tr(f"scores.{SCORE_KEYS[score]}") if score else "–"

    lines = ["## " + tr("minutes.scores"), "",
             f"| {tr('minutes.scores.criterion')} | {tr('minutes.scores.score')} | "
             f"{tr('minutes.scores.comment')} |", "| --- | --- | --- |"]
    for position, name in enumerate(criteria):
        s = given.get(position)
        lines.append(f"| {inline(name)} | {label(s.score if s else None)} | "
                     f"{inline(s.comment) if s and s.comment else ''} |")
    lines += ["", "- " + tr("minutes.overall", score=label(overall[0])), ""]
    if overall[1]:
        lines[-1:] = ["  " + inline(overall[1]), ""]
    return lines


def render_content(
    c: Conversation, notes: dict, agreements: list[Agreement], follow_ups: list[FollowUp],
    lang: str, scores: list[Score] = (), overall: tuple[int | None, str] = (None, ""),
) -> str:
    """The canonical content above the fingerprint line."""

    def tr(key: str, **values: object) -> str:
        return t(key, lang=lang, **values)

    start = c.started_at or c.created_at
    used = sum(p.used_seconds for p in c.phases)
    lines = [
        "# " + tr("minutes.title", kind=tr(f"kind.{c.kind}").capitalize(),
                  employee=inline(c.employee_name)),
        "",
        "- " + tr("minutes.meta.employee", name=inline(c.employee_name)),
        "- " + tr("minutes.meta.manager", name=inline(c.manager_name) if c.manager_name
                  else tr("minutes.unknown")),
        "- " + tr("minutes.meta.date", date=date_text(start), time=time_text(start)),
        "- " + tr("minutes.meta.duration", planned=round(c.planned_seconds / 60),
                  actual=round(used / 60)),
        "",
        "## " + tr("minutes.notes"),
        "",
    ]
    for phase in c.phases:
        shared = note_lines(notes.get((phase.position, Visibility.SHARED), ""))
        lines += ["### " + inline(phase.name), "",
                  *(shared or ["*" + tr("minutes.no_notes") + "*"]), ""]
    lines += _score_lines(c, list(scores), overall, tr)
    lines += ["## " + tr("minutes.agreements"), ""]
    for number, a in enumerate(agreements, 1):
        lines.append(f"{number}. " + tr(
            "minutes.agreement", text=inline(a.text),
            owner=tr(f"owner.{a.owner}") if a.owner else tr("minutes.owner_none"),
            due=_date(a.due_date, tr("minutes.no_due")),
            status=tr(f"agreement_status.{a.status}")))
    if not agreements:
        lines.append("*" + tr("minutes.no_agreements") + "*")
    lines.append("")
    if follow_ups:
        lines += ["## " + tr("minutes.follow_ups"), ""]
        for f in follow_ups:
            key = "minutes.follow_up_comment" if f.comment else "minutes.follow_up"
            lines.append("- " + tr(key, text=inline(f.agreement_text),
                                   outcome=tr(f"outcome.{f.outcome}"), comment=inline(f.comment)))
        lines.append("")
    lines += ["## " + tr("minutes.next_evaluation"), "",
              _date(c.next_evaluation, "*" + tr("minutes.no_next_evaluation") + "*")]
    return canonical("\n".join(lines))


def render_minutes(store, conversation_id: int, revision: int | None = None,
                   lang: str | None = None) -> Minutes:
    """The minutes of a conversation, in its language unless ``lang`` is given.

    Without ``revision``: rendered from the current data. The number shown is
    the newest stored revision when the content is unchanged (with its
    confirmations ticked), else the next number (``stored`` is False; nothing
    is written — ``publish`` does that). With ``revision``: that stored
    revision exactly as issued, with its confirmations ticked.
    """
    from gespreks_tui.minutes.parse import stored_content

    c = store.get_conversation(conversation_id)
    lang = lang or c.language
    if revision is not None:
        issued = store.get_revision(conversation_id, revision)
        content, sha, stored = stored_content(issued.markdown), issued.sha256, True
    else:
        content = render_content(c, store.notes(conversation_id),
                                 store.agreements(conversation_id),
                                 store.follow_ups(conversation_id), lang,
                                 store.scores(conversation_id), store.overall(conversation_id))
        sha = sha256_of(content)
        latest = store.latest_revision(conversation_id)
        stored = latest is not None and latest.sha256 == sha
        revision = latest.revision if stored else (latest.revision + 1 if latest else 1)
    confirmations = store.confirmations(conversation_id, revision) if stored else []
    footer = render_footer(c, revision, sha, confirmations, lang)
    return Minutes(conversation_id=conversation_id, revision=revision, sha256=sha,
                   markdown=content + "\n" + footer, content=content, stored=stored,
                   language=lang)
