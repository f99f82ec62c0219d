"""Which earlier goals a conversation follows up: the period rule (issue 20).

A goal set in one conversation is followed up ("Op te volgen doelen") in the
later conversations of the same employee that fall in its period. Per goal,
on the later conversation's day (its start, or creation for a draft, as a
calendar day in the conversation's own time zone; a period's first and last
day both count):

- achieved or dropped in an earlier conversation: no longer followed up;
- reviewed or judged in this conversation: followed up (so nothing recorded
  disappears from its screen);
- no period at all (neither start nor end): followed up;
- the period has not begun yet (its start after the day): not followed up;
- the day is in the period: followed up;
- the period has ended (its end before the day): followed up only in a
  beoordelingsgesprek, and only when no earlier conversation judged it (gave
  it a score on its scale), so that it can still be judged; it is then shown
  as past its period.

``gespreks goals`` lists every goal, whatever its period. Textual-free and
store-free: the store's ``open_goals`` applies ``follows_up``, and the meeting
(``GoalWork.past_period``) marks a goal past its period.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from gespreks_tui.display_time import local
from gespreks_tui.goals import CLOSED, Goal


class PeriodState(StrEnum):
    BEFORE = "before"  # the period has not begun on the day
    WITHIN = "within"  # the day is in the period, or the goal has none
    AFTER = "after"  # the period ended before the day


def conversation_day(stamp: str, zone_name: str | None) -> date:
    """The calendar day of a conversation: its moment (ISO) in its own time zone."""
    return local(stamp, zone_name).date()


def period_state(goal: Goal, day: date) -> PeriodState:
    """Where ``day`` falls against the goal's period (no start or end: open-ended)."""
    today = day.isoformat()
    if goal.period_start and today < goal.period_start:
        return PeriodState.BEFORE
    if goal.period_end and goal.period_end < today:
        return PeriodState.AFTER
    return PeriodState.WITHIN


def past_period(goal: Goal, day: date) -> bool:
    """The goal's period ended before ``day`` (shown so in a beoordelingsgesprek)."""
    return period_state(goal, day) == PeriodState.AFTER


def follows_up(goal: Goal, conversation_id: int, day: date, judging: bool) -> bool:
    """Whether conversation ``conversation_id`` on ``day`` lists ``goal`` to follow up.

    ``goal`` is as of that conversation (its reviews up to it); ``judging``: the
    conversation is a beoordelingsgesprek. See the module's docstring for the rule.
    """
    earlier = [r for r in goal.reviews if r.conversation_id != conversation_id]
    if any(r.progress in CLOSED for r in earlier):
        return False
    if len(earlier) < len(goal.reviews):
        return True  # reviewed here: what was recorded stays on screen
    state = period_state(goal, day)
    if state == PeriodState.AFTER:
        return judging and not any(r.score is not None for r in earlier)
    return state == PeriodState.WITHIN
