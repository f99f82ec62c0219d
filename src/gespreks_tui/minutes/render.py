"""Markdown minutes of a conversation: a pure function of its record.

``render_record(record)`` takes the ``ConversationRecord`` the store read in
one transaction and touches nothing else, so the same record gives
byte-identical minutes on any machine (moments are shown in the zone the
conversation recorded, dates as "30 september 2026": ``display_time``). ``render_minutes(store, id)`` is the same after reading that
record. The layout:

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
written as dates in the minutes' language, anything else stored as a date is
escaped like text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gespreks_tui.agreement_state import state_word
from gespreks_tui.appraisal_scale import legacy_scale
from gespreks_tui.catalogue import t, tn
from gespreks_tui.display_time import clock_text, day_text, iso_day, moment_day
from gespreks_tui.errors import MinutesError
from gespreks_tui.fingerprint import canonical, issued_content, sha256_of
from gespreks_tui.markdown_escape import inline, note_lines
from gespreks_tui.minutes.footer import render_footer
from gespreks_tui.minutes.goals import goal_section, serves_text
from gespreks_tui.model import Agreement, Conversation, FollowUp, Visibility
from gespreks_tui.model_records import Score
from gespreks_tui.record import ConversationRecord

if TYPE_CHECKING:
    from gespreks_tui.store import Store


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


def _date(value: str | None, missing: str, lang: str) -> str:
    if not value:
        return missing
    day = iso_day(value)
    return day_text(day, lang) if day is not None else inline(value)


def _score_lines(c: Conversation, scores: list[Score], overall: tuple[int | None, str],
                 tr, lang: str = "nl") -> list[str]:
    """The appraisal as a table: one row per criterion, then the overall judgment."""
    criteria = [name for phase in c.phases for name in phase.criteria]
    if not criteria and not scores and overall[0] is None:
        return []
    given = {s.position: s for s in scores}
    # The scale stored with the conversation; before scales were stored: the old one,
    # worded as before (no scale line), so those minutes read exactly as they did.
    if c.scale is not None:
        from gespreks_tui.templates.scales import in_language  # parses the built-ins once

        scale = in_language(c.scale, lang)
    else:
        scale = legacy_scale(lang)

    def label(score: int | None) -> str:
        return inline(scale.label(score)) if score else "–"

    lines = ["## " + tr("minutes.scores"), ""]
    if c.scale is not None:
        lines += [tr("scale.legend", legend=" · ".join(
            f"{n} {inline(name)}" for n, name in enumerate(scale.labels, 1))), ""]
    lines += [f"| {tr('minutes.scores.criterion')} | {tr('minutes.scores.score')} | "
              f"{tr('minutes.scores.comment')} |", "| --- | --- | --- |"]
    for position, name in enumerate(criteria):
        s = given.get(position)
        lines.append(f"| {inline(name)} | {label(s.score if s else None)} | "
                     f"{inline(s.comment) if s and s.comment else ''} |")
    if c.scale is not None and not scale.overall and overall == (None, ""):
        return [*lines, ""]  # the organisation's scale asks no overall judgment
    lines += ["", "- " + tr("minutes.overall", score=label(overall[0]))]
    if overall[1]:
        lines.append("- " + tr("minutes.overall_comment", comment=inline(overall[1])))
    return [*lines, ""]


def render_content(
    c: Conversation, notes: Mapping, agreements: Iterable[Agreement],
    follow_ups: Iterable[FollowUp], lang: str, scores: Iterable[Score] = (),
    overall: tuple[int | None, str] = (None, ""), goals: Iterable[str] = (),
    served: Mapping[int, str] | None = None,
) -> str:
    """The canonical content above the fingerprint line.

    ``notes`` is keyed by (phase position, visibility), as ``store.notes`` has
    them; only the shared ones are shown.
    """
    agreements, follow_ups = list(agreements), list(follow_ups)

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
        "- " + tr("minutes.meta.date", date=moment_day(start, c.time_zone, lang),
                  time=clock_text(start, c.time_zone)),
        "- " + tn("minutes.meta.duration", round(used / 60), lang=lang,
                  planned=round(c.planned_seconds / 60), actual=round(used / 60)),
        "",
        "## " + tr("minutes.notes"),
        "",
    ]
    for phase in c.phases:
        shared = note_lines(notes.get((phase.position, Visibility.SHARED), ""))
        lines += ["### " + inline(phase.name), "",
                  *(shared or ["*" + tr("minutes.no_notes") + "*"]), ""]
    lines += _score_lines(c, list(scores), overall, tr, lang)
    lines += goals  # minutes/goals.py: the goals set or reviewed (none: nothing)
    lines += ["## " + tr("minutes.agreements"), ""]
    for number, a in enumerate(agreements, 1):
        lines.append(f"{number}. " + tr(
            "minutes.agreement", text=inline(a.text),
            owner=tr(f"owner.{a.owner}") if a.owner else tr("minutes.owner_none"),
            due=_date(a.due_date, tr("minutes.no_due"), lang),
            status=state_word(a, lang)) + serves_text(a.goal_id, served or {}, lang))
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
              _date(c.next_evaluation, "*" + tr("minutes.no_next_evaluation") + "*", lang)]
    return canonical("\n".join(lines))


def _issued_content(markdown: str) -> str:
    found = issued_content(markdown)
    if found is None:  # not as we wrote it (cannot happen to a stored revision): parse it
        from gespreks_tui.minutes.parse import stored_content

        found = stored_content(markdown)
    return found


def record_content(record: ConversationRecord, lang: str | None = None) -> str:
    """The content of the minutes as the record's data give it now.

    Each agreement made in this conversation shows its state as concluded
    here: what was recorded later (a follow-up in a later conversation, done
    in between) belongs to that later conversation and the agreement's trail.
    The follow-ups shown are the ones recorded in this conversation.
    """
    notes = {(position, Visibility.SHARED): text
             for position, text in record.shared_notes.items()}
    content = render_content(record.conversation, notes, record.agreements_as_concluded,
                             record.follow_ups,
                             lang or record.conversation.language, record.scores, record.overall,
                             goal_section(record, lang or record.conversation.language),
                             record.served_goals)
    from gespreks_tui.minutes.draft_changes import with_draft_changes  # issue 18: a draft

    return with_draft_changes(content, record, lang or record.conversation.language)


def render_record(record: ConversationRecord, revision: int | None = None,
                  lang: str | None = None) -> Minutes:
    """The minutes of one record, in the conversation's language unless ``lang`` is given.

    Without ``revision``: the revision issued for the conversation's current
    conclusion (``record.issued``) when there is one — later events never
    change the minutes of a concluded conversation. Else rendered from the
    current data. The number shown is
    the newest stored revision when the content is unchanged (with its
    confirmations ticked), else the next number (``stored`` is False; nothing
    is written — ``publish`` does that). With ``revision``: that stored
    revision exactly as issued, with its confirmations ticked
    (``MinutesError`` "minutes.revision_not_found" when there is none).
    """
    c = record.conversation
    lang = lang or c.language
    if revision is None and record.issued is not None:
        revision = record.issued.revision
    if revision is not None:
        issued = record.revision(revision)
        if issued is None:
            raise MinutesError("minutes.revision_not_found", id=c.id, revision=revision)
        content, sha, stored = _issued_content(issued.markdown), issued.sha256, True
    else:
        content = record_content(record, lang)
        sha = sha256_of(content)
        latest = record.latest
        stored = latest is not None and latest.sha256 == sha
        newest = latest.revision if latest is not None else 0
        revision = newest if stored else newest + 1
    footer = render_footer(record, revision, sha, stored, lang)
    return Minutes(conversation_id=c.id, revision=revision, sha256=sha,
                   markdown=content + "\n" + footer, content=content, stored=stored,
                   language=lang)


def render_minutes(store: Store, conversation_id: int, revision: int | None = None,
                   lang: str | None = None) -> Minutes:
    """``render_record`` of the conversation's record, read now in one transaction."""
    return render_record(store.conversation_record(conversation_id), revision, lang)
