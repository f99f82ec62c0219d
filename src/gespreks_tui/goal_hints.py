"""The SMART hints for goals and their steps (issue 20): pointed out, never refused.

What makes a good personal goal (the employee's own, in small steps, SMART)
is helped by hints, as agreements are (``smart.hints``, reused here): a goal
without a period, vague or not measurable, a development goal without steps,
a step dated after the goal's period. Each hint is a catalogue key, most
important first; the goal dialog shows them as you type, the goals pane
under a goal set in the meeting, the step dialog and the pane under a step.
Textual-free and store-free, like ``gespreks_tui.goals``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from gespreks_tui import smart
from gespreks_tui.goals import Goal, GoalKind, GoalStep


def step_hints(due_date: str | None, period_end: str | None) -> list[str]:
    """Catalogue keys for a step: dated after the goal's period ends."""
    if due_date and period_end and due_date > period_end:
        return ["goals.hint.step_after_period"]
    return []


def goal_hints(text: str, period_end: str | None = None, today: date | None = None,
               steps: Iterable[GoalStep] = (), kind: GoalKind | str | None = None) -> list[str]:
    """Catalogue keys of the SMART hints for a goal, most important first.

    ``text`` is what the goal says (title plus the what/how answers: ``goal_text``).
    The agreement's hints (``smart.hints``) are reused: the goal has an owner
    always, its end of period is its date. Added: a development goal without
    steps, and each step dated after the period (one hint).
    """
    found = [key for key in smart.hints(text, "employee", period_end, today or date.today())
             if key != "smart.no_due"]
    if not period_end:
        found.insert(0, "goals.hint.no_period")
    listed = list(steps)
    if not listed and kind == GoalKind.DEVELOPMENT:
        found.append("goals.hint.no_steps")
    if any(step_hints(s.due_date, period_end) for s in listed):
        found.append("goals.hint.step_after_period")
    return found


def goal_text(goal: Goal) -> str:
    """What a goal says, for the hints: title, what and how."""
    return " ".join(part for part in (goal.title, goal.what, goal.how) if part)


def hints_of(goal: Goal, today: date) -> list[str]:
    """``goal_hints`` of a stored goal."""
    return goal_hints(goal_text(goal), goal.period_end, today, goal.steps, goal.kind)
