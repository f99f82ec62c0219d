"""Across the cycle, without a database: reading a window like ``14d``, and the
words for trails and due items in the current language.

Used by the command line and the user interface alike; nothing here imports
Textual or touches the store.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from gespreks_tui.catalogue import t, tn
from gespreks_tui.dates import add_months
from gespreks_tui.model import DueItem, DueKind, StepKind

if TYPE_CHECKING:  # the start screen's due list needs no trails (issue 19: start-up)
    from gespreks_tui.model_cycle import TrailStep

_WINDOW = re.compile(r"^\+?\s*(\d{1,4})\s*([dwm]?)$")


def parse_window(text: str, today: date) -> int:
    """Days in a window such as ``14d``, ``2w``, ``1m`` or ``14``; ValueError otherwise."""
    match = _WINDOW.match(text.strip().lower())
    if not match:
        raise ValueError(text)
    amount, unit = int(match[1]), match[2] or "d"
    if unit == "d":
        return amount
    if unit == "w":
        return amount * 7
    return (add_months(today, amount) - today).days


def local_day(stamp: str | None) -> str:
    """A stored moment (UTC ISO) as the local date YYYY-MM-DD; a plain date stays as it is."""
    if not stamp:
        return "-"
    if len(stamp) == 10:
        return stamp
    return datetime.fromisoformat(stamp).astimezone().date().isoformat()


def trail_line(step: TrailStep) -> str:
    """One step of an agreement's trail, e.g. "opgevolgd op 10 juni 2026 in … : loopt door"."""
    from gespreks_tui.catalogue import language
    from gespreks_tui.display_time import day_text, machine_zone, moment_day

    if not step.date:
        day = "-"
    elif len(step.date) == 10:  # a plain date
        day = day_text(date.fromisoformat(step.date), language())
    else:  # a stored moment, shown in this machine's zone (a trail spans conversations)
        day = moment_day(step.date, machine_zone(), language())
    from gespreks_tui.kind_names import kind_name  # the organisation's word, if chosen

    kind = kind_name(step.conversation_kind) if step.conversation_kind else ""
    comment = f" — {step.comment}" if step.comment else ""
    if step.kind == StepKind.MADE:
        if step.collective_id is not None:
            return t("trail.made_collective", date=day, kind=kind,
                     conversation=step.conversation_id, collective=step.collective_id)
        return t("trail.made", date=day, kind=kind, conversation=step.conversation_id)
    if step.kind == StepKind.FOLLOWED_UP:
        return t("trail.followed_up", date=day, kind=kind, conversation=step.conversation_id,
                 outcome=t(f"outcome.{step.outcome}"), comment=comment)
    if step.kind == StepKind.DONE_BETWEEN:
        return t("trail.done_between", date=day, comment=comment)
    if step.kind == StepKind.DONE:
        return t("trail.done", date=day)
    return t("trail.dropped", date=day)


def due_when(item: DueItem) -> str:
    """"3 dagen te laat", "vandaag", "over 5 dagen"."""
    if item.days < 0:
        return tn("due.overdue", -item.days, days=-item.days)
    if item.days == 0:
        return t("due.today")
    return tn("due.soon", item.days, days=item.days)


def due_what(item: DueItem) -> str:
    """What is due: the agreement (with its number) or the next evaluation."""
    if item.kind in (DueKind.PROVISIONAL, DueKind.OBJECTION, DueKind.FINAL):  # issue 18
        return t(f"procedure.due.{item.kind}", conversation=item.conversation_id)
    if item.kind == DueKind.GOAL_STEP:  # a goal's step with a date (issue 20)
        return t("procedure.due.goal_step", goal=item.goal_id, text=item.text)
    if item.kind == DueKind.REACTION:  # handed-over minutes: the reaction term ends
        return t("due.reaction", conversation=item.conversation_id, revision=item.revision)
    if item.kind == DueKind.EVALUATION:
        from gespreks_tui.kind_names import kind_name  # the organisation's word, if chosen

        return t("due.evaluation", kind=kind_name(item.conversation_kind),
                 conversation=item.conversation_id)
    return t("due.agreement", id=item.agreement_id, text=item.text)


def due_line(item: DueItem) -> str:
    """One row of the due list: date, how late or how soon, employee, what."""
    return t("due.line", date=item.date, when=due_when(item), employee=item.employee,
             what=due_what(item))


def due_header() -> str:
    return t("due.line", date=t("due.col.date"), when=t("due.col.when"),
             employee=t("due.col.employee"), what=t("due.col.what"))
