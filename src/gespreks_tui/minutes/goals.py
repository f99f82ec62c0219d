"""The goals in a conversation's minutes (issue 20): set, reviewed, judged.

``goal_section(record, lang)`` gives the Markdown lines ``render`` puts before
the agreements; no lines at all for a conversation without goals, so its
minutes stay byte-identical to those of before goals existed. The goals come
from the record as of that conversation (``store.goal_reads``: only reviews
up to it, a step done only when it was ticked by then), so rendering earlier
minutes again never shows what a later conversation recorded.

- Goals set here (a doelstellingengesprek): per goal a heading with its kind,
  owner and period, the answers to what / why / who / where / how that were
  given, the agreed support, and its steps.
- Goals reviewed here: per goal its progress (and in a beoordeling the
  judgment on the conversation's scale), each with its comment, what earlier
  conversations said, and its steps with what was ticked.

All user text passes through ``inline``; dates are written as dates.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from gespreks_tui.catalogue import t
from gespreks_tui.display_time import day_text, iso_day, moment_day
from gespreks_tui.goals import GOAL_PROMPTS, Goal, GoalReview, GoalStep
from gespreks_tui.markdown_escape import inline
from gespreks_tui.model import Kind
from gespreks_tui.record import ConversationRecord

Tr = Callable[..., str]


def day(value: str | None, missing: str, lang: str) -> str:
    """A stored day as "30 september 2026"; anything else escaped as text."""
    if not value:
        return missing
    found = iso_day(value)
    return day_text(found, lang) if found is not None else inline(value)


def period_text(goal: Goal, lang: str) -> str:
    def tr(key: str, **values: object) -> str:
        return t(key, lang=lang, **values)

    start, end = goal.period_start, goal.period_end
    if start and end:
        return tr("goals.minutes.period", start=day(start, "", lang), end=day(end, "", lang))
    if start:
        return tr("goals.minutes.period_from", start=day(start, "", lang))
    if end:
        return tr("goals.minutes.period_until", end=day(end, "", lang))
    return tr("goals.minutes.period_none")


def step_state(step: GoalStep, conversation_id: int | None, zone: str, tr: Tr,
               lang: str) -> str:
    if not step.done:
        return tr("goals.step.open")
    if step.done_in == conversation_id:
        return tr("goals.step.done_here")
    if step.done_at:
        return tr("goals.step.done_on", date=moment_day(step.done_at, zone, lang))
    return tr("goals.step.done")


def step_lines(goal: Goal, conversation_id: int | None, zone: str, lang: str) -> list[str]:
    def tr(key: str, **values: object) -> str:
        return t(key, lang=lang, **values)

    # A step without a date says so ("zonder datum"), not "uiterlijk: geen datum".
    return ["- " + tr("goals.minutes.step" if s.due_date else "goals.minutes.step_no_due",
                      number=number, text=inline(s.text),
                      due=day(s.due_date, "", lang),
                      state=step_state(s, conversation_id, zone, tr, lang))
            for number, s in enumerate(goal.steps, 1)]


def heading(number: int, goal: Goal, lang: str) -> str:
    return "### " + t("goals.minutes.heading", lang=lang, number=number,
                      title=inline(goal.title), kind=t(f"goals.kind.{goal.kind}", lang=lang))


def answer_lines(goal: Goal, lang: str) -> list[str]:
    """The answers given to the prompts, and the agreed support."""
    lines = ["- " + t("goals.minutes.answer", lang=lang, label=t(f"goals.prompt.{p}", lang=lang),
                      text=inline(goal.answer(p)))
             for p in GOAL_PROMPTS if goal.answer(p).strip()]
    if goal.support.strip():
        lines.append("- " + t("goals.minutes.answer", lang=lang,
                              label=t("goals.support", lang=lang), text=inline(goal.support)))
    return lines


def _set_lines(record: ConversationRecord, lang: str) -> list[str]:
    c = record.conversation
    lines = ["## " + t("goals.minutes.set", lang=lang), ""]
    for number, goal in enumerate(record.goals_set, 1):
        lines += [heading(number, goal, lang), "",
                  "- " + t("goals.minutes.meta", lang=lang,
                           owner=t(f"owner.{goal.owner}", lang=lang),
                           period=period_text(goal, lang)),
                  *answer_lines(goal, lang), *step_lines(goal, c.id, c.time_zone, lang), ""]
    return lines


def score_text(score: int, labels: tuple[str, ...], lang: str) -> str:
    """A judgment as its label on the conversation's scale (the legacy scale unknown)."""
    if not labels:
        from gespreks_tui.appraisal_scale import legacy_scale

        labels = legacy_scale(lang).labels
    return inline(labels[score - 1]) if 1 <= score <= len(labels) else str(score)


def review_lines(review: GoalReview | None, labels: tuple[str, ...], lang: str) -> list[str]:
    """Progress with its comment, then (in a beoordeling) the judgment with its own."""
    def tr(key: str, **values: object) -> str:
        return t(key, lang=lang, **values)

    def line(key: str, comment: str, **values: object) -> str:
        if comment.strip():
            return "- " + tr(key + "_comment", comment=inline(comment), **values)
        return "- " + tr(key, **values)

    if review is None:
        return ["- " + tr("goals.minutes.progress", progress=tr("goals.progress.none"))]
    lines = []
    if review.progress is not None or review.comment.strip() or review.score is None:
        progress = tr(f"goals.progress.{review.progress}" if review.progress
                      else "goals.progress.none")
        lines.append(line("goals.minutes.progress", review.comment, progress=progress))
    if review.score is not None:
        lines.append(line("goals.minutes.score", review.score_comment,
                          score=score_text(review.score, labels, lang)))
    return lines


def earlier_lines(goal: Goal, conversation_id: int, zone: str, lang: str) -> list[str]:
    """What earlier conversations said about the goal's progress, oldest first."""
    lines = []
    for r in goal.reviews:
        if r.conversation_id == conversation_id or r.progress is None:
            continue
        key = "goals.minutes.earlier_comment" if r.comment.strip() else "goals.minutes.earlier"
        lines.append("- " + t(key, lang=lang, date=moment_day(r.at, zone, lang),
                              progress=t(f"goals.progress.{r.progress}", lang=lang),
                              comment=inline(r.comment)))
    return lines


def _reviewed_lines(record: ConversationRecord, lang: str) -> list[str]:
    c = record.conversation
    title = "goals.minutes.judged" if c.kind == Kind.BEOORDELING else "goals.minutes.reviewed"
    lines = ["## " + t(title, lang=lang), ""]
    for number, goal in enumerate(record.goals_reviewed, 1):
        lines += [heading(number, goal, lang), "",
                  *review_lines(goal.review_in(c.id), record.goal_scale, lang),
                  *earlier_lines(goal, c.id, c.time_zone, lang),
                  *step_lines(goal, c.id, c.time_zone, lang), ""]
    return lines


def goal_section(record: ConversationRecord, lang: str) -> list[str]:
    """The minutes' lines about goals; ``[]`` when the conversation has none."""
    lines: list[str] = []
    if record.goals_set:
        lines += _set_lines(record, lang)
    if record.goals_reviewed:
        lines += _reviewed_lines(record, lang)
    return lines


def serves_text(goal_id: int | None, served: Mapping[int, str], lang: str) -> str:
    """After an agreement's line: the goal it serves (" (voor doel: …)"); "" for none, so
    the minutes of a conversation without linked agreements stay as they were."""
    if goal_id is None or goal_id not in served:
        return ""
    return " " + t("goals.minutes.serves", lang=lang, title=inline(served[goal_id]))
