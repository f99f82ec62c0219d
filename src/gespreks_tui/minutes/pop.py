"""The development plan (POP, persoonlijk ontwikkelplan) of one employee (issue 20).

The personal development goals of a period, each with its steps and the
agreements that serve it (its actions: a training, coaching, a course), the
support agreed, and its whole path: where it was set and what every later
conversation said about it. The employee can take it with them, so it is a
document of its own: Markdown (``pop_markdown``) and the PDF of the minutes'
layout (``pop_pdf``, ``minutes.pdf.render_pdf``), without fingerprint or
signature lines — it is a summary, not a record to confirm.

``read_pop(store, employee_id, period)`` reads what it shows; the rest are
pure functions of that ``Pop``. A period is a year ("2026") or two days
("2026-01-01..2026-12-31"), see ``parse_period``; a goal belongs to it when
its own period overlaps it (without a start it counts from the day it was set,
without an end it runs on).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from gespreks_tui.agreement_state import state_word
from gespreks_tui.catalogue import t
from gespreks_tui.display_time import day_text, moment_day
from gespreks_tui.goal_period import conversation_day
from gespreks_tui.goals import Goal, GoalError, GoalKind
from gespreks_tui.markdown_escape import inline
from gespreks_tui.minutes.goals import answer_lines, day, period_text, score_text, step_lines
from gespreks_tui.model import Agreement, Kind, Person

if TYPE_CHECKING:
    from gespreks_tui.store import Store

Period = tuple[str | None, str | None]  # first and last day (YYYY-MM-DD), None: open


@dataclass(frozen=True)
class Held:
    """A conversation as the plan mentions it: kind, start moment, zone."""

    id: int
    kind: Kind
    moment: str
    zone: str


@dataclass(frozen=True)
class Pop:
    employee: Person
    period: Period
    today: date
    goals: tuple[Goal, ...] = ()
    actions: dict[int, tuple[Agreement, ...]] = field(default_factory=dict)  # goal id → linked
    held: dict[int, Held] = field(default_factory=dict)  # conversation id → kind and moment
    scales: dict[int, tuple[str, ...]] = field(default_factory=dict)  # conversation → labels
    lang: str = "nl"


def parse_period(text: str | None) -> Period:
    """``2026`` → the whole year; ``A..B`` → those days (either may be left out)."""
    if text is None or not text.strip():
        return (None, None)
    value = text.strip()
    try:
        if value.isdigit() and len(value) == 4:
            return (f"{value}-01-01", f"{value}-12-31")
        first, dots, last = value.partition("..")
        if not dots:
            raise ValueError(value)
        start = date.fromisoformat(first).isoformat() if first else None
        end = date.fromisoformat(last).isoformat() if last else None
    except ValueError:
        raise GoalError("goals.error.bad_period", value=value) from None
    if start and end and end < start:
        raise GoalError("goals.error.period_order", start=start, end=end)
    return (start, end)


def in_period(goal: Goal, set_on: str, period: Period) -> bool:
    """Whether the goal's time overlaps ``period``: from its start (without one: the day
    it was set, ``set_on``, ISO) to its end (without one: open-ended)."""
    start, end = period
    last = goal.period_end or "9999-12-31"
    first = min(goal.period_start or set_on[:10], last)  # an end before the day set
    return (end is None or first <= end) and (start is None or last >= start)


def read_pop(store: Store, employee_id: int, period: Period = (None, None),
             lang: str | None = None, today: date | None = None) -> Pop:
    """The employee's development goals of ``period`` with all the plan shows; ``today``
    (the store's clock when omitted) is the day it is made on."""
    person = store.get_person(employee_id)
    every = [g for g in store.goals(employee_id) if g.kind == GoalKind.DEVELOPMENT]
    held: dict[int, Held] = {}

    def conversation(cid: int) -> Held:
        if cid not in held:
            c = store.get_conversation(cid)
            held[cid] = Held(c.id, c.kind, c.started_at or c.created_at, c.time_zone)
        return held[cid]

    def set_on(goal: Goal) -> str:
        held = conversation(goal.conversation_id)
        return conversation_day(held.moment, held.zone).isoformat()

    goals = tuple(g for g in every if in_period(g, set_on(g), period))
    actions = {}
    scales: dict[int, tuple[str, ...]] = {}
    for g in goals:
        actions[g.id] = tuple(store.get_agreement(a) for a in store.goal_agreements(g.id))
        for r in g.reviews:
            conversation(r.conversation_id)
            if r.score is not None and r.conversation_id not in scales:
                scales[r.conversation_id] = store.goal_scale(r.conversation_id)
    lang = lang or (_language(store, goals) if goals else "nl")
    return Pop(person, period, today or store.clock.today(), goals, actions, held, scales,
               lang)


def _language(store: Store, goals: tuple[Goal, ...]) -> str:
    """The language of the newest conversation that set one of the goals."""
    return store.get_conversation(goals[-1].conversation_id).language


def _period_words(period: Period, lang: str) -> str:
    start, end = period
    if start is None and end is None:
        return t("goals.pop.all_periods", lang=lang)
    if start and end:
        return t("goals.minutes.period", lang=lang, start=day(start, "", lang),
                 end=day(end, "", lang))
    if start:
        return t("goals.minutes.period_from", lang=lang, start=day(start, "", lang))
    return t("goals.minutes.period_until", lang=lang, end=day(end, "", lang))


def _history(pop: Pop, goal: Goal) -> list[str]:
    lang = pop.lang
    lines = []
    for r in goal.reviews:
        held = pop.held[r.conversation_id]
        said = []
        if r.progress is not None:
            said.append(t(f"goals.progress.{r.progress}", lang=lang))
        if r.comment.strip():
            said.append(inline(r.comment))
        if r.score is not None:
            said.append(t("goals.minutes.score", lang=lang,
                          score=score_text(r.score, pop.scales.get(r.conversation_id, ()),
                                           lang)))
        if r.score_comment.strip():
            said.append(inline(r.score_comment))
        lines.append("- " + t("goals.pop.history_line", lang=lang,
                              date=moment_day(held.moment, held.zone, lang),
                              kind=t(f"kind.{held.kind}", lang=lang),
                              what=" — ".join(said) or t("goals.progress.none", lang=lang)))
    return lines or ["- " + t("goals.pop.no_history", lang=lang)]


def pop_markdown(pop: Pop) -> str:
    """The plan as Markdown (CommonMark; user text escaped)."""
    lang = pop.lang

    def tr(key: str, **values: object) -> str:
        return t(key, lang=lang, **values)

    lines = ["# " + tr("goals.pop.title", employee=inline(pop.employee.name)), "",
             "- " + tr("goals.pop.period", period=_period_words(pop.period, lang)),
             "- " + tr("goals.pop.made", date=day_text(pop.today, lang)), "",
             "## " + tr("goals.pop.goals"), ""]
    if not pop.goals:
        lines += ["*" + tr("goals.pop.none") + "*", ""]
    for number, goal in enumerate(pop.goals, 1):
        set_in = pop.held[goal.conversation_id]
        lines += ["### " + tr("goals.minutes.heading", number=number, title=inline(goal.title),
                              kind=tr(f"goals.kind.{goal.kind}")), "",
                  "- " + tr("goals.pop.set_in", kind=tr(f"kind.{set_in.kind}"),
                            date=moment_day(set_in.moment, set_in.zone, lang)),
                  "- " + tr("goals.minutes.meta", owner=tr(f"owner.{goal.owner}"),
                            period=period_text(goal, lang)),
                  *answer_lines(goal, lang), *step_lines(goal, None, set_in.zone, lang), ""]
        actions = pop.actions.get(goal.id, ())
        if actions:
            lines += ["**" + tr("goals.pop.actions") + "**", ""]
            lines += ["- " + tr("goals.pop.action", text=inline(a.text),
                                owner=tr(f"owner.{a.owner}") if a.owner
                                else tr("minutes.owner_none"),
                                due=day(a.due_date, tr("minutes.no_due"), lang),
                                status=state_word(a, lang)) for a in actions]
            lines.append("")
        lines += ["**" + tr("goals.pop.history") + "**", "", *_history(pop, goal), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def pop_title(pop: Pop) -> str:
    """A plain-text title (the PDF's)."""
    return t("goals.pop.title", lang=pop.lang, employee=pop.employee.name)


def pop_pdf(pop: Pop) -> bytes:
    """The plan as a PDF in the minutes' layout (same bytes for the same day)."""
    from datetime import UTC, datetime, time

    from gespreks_tui.minutes.pdf import render_pdf

    created = datetime.combine(pop.today, time(0, 0), tzinfo=UTC)
    return render_pdf(pop_markdown(pop), pop_title(pop), pop.lang, created)
