"""The goals pane's lines at every width: they wrap at words, a date never breaks.

At 80x24 the goals column is some 22 cells wide; a warning with a date (a
step after the goal's period, a goal past its period) must wrap at its words
and keep its date whole on one line, in Dutch and in English.
"""

from __future__ import annotations

from datetime import date

import pytest

from gespreks_tui import catalogue
from gespreks_tui.goals import Goal, GoalKind, GoalProgress, GoalReview, GoalStep
from gespreks_tui.tui.widgets.fitted import fit
from gespreks_tui.tui.widgets.goal_items import goal_runs, step_runs

DAYS = {"nl": ("1 aug 2027", "30 jun 2027"), "en": ("1 Aug 2027", "30 Jun 2027")}


def lines(runs, width: int) -> list[str]:
    return [line.plain.strip() for line in fit(runs, width)]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("width", range(18, 61, 3))
def test_a_step_after_the_period_keeps_both_dates_whole(lang, width):
    catalogue.set_language(lang)
    due, end = DAYS[lang]
    step = GoalStep(1, 1, 0, "Welkomstmail en checklist maken", "2027-08-01")
    found = lines(step_runs(step, "2027-06-30"), width)
    assert all(len(line) <= width for line in found)
    assert any(due in line for line in found), found
    assert any(end in line for line in found), found  # the warning's date, unbroken
    assert not any("…" in line for line in found)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("width", range(18, 61, 3))
def test_a_goal_past_its_period_says_so_with_its_date_whole(lang, width):
    catalogue.set_language(lang)
    goal = Goal(id=1, employee_id=1, conversation_id=1, kind=GoalKind.RESULT,
                title="Offertes binnen vijf werkdagen de deur uit",
                period_start="2027-01-01", period_end="2027-06-30")
    past = lines(goal_runs(goal, date(2027, 12, 1), None, [], True, (), past=True), width)
    ended = catalogue.t("goals_ui.period_ended")
    assert any(DAYS[lang][1] in line for line in past), past
    assert ended.split()[0] in " ".join(past) and not any("…" in line for line in past)
    within = lines(goal_runs(goal, date(2027, 3, 1), None, [], False, ()), width)
    assert not any(ended.split()[0] in line for line in within)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("judge", [False, True])
def test_what_is_still_to_record_wraps_instead_of_being_cut(lang, judge):
    catalogue.set_language(lang)
    goal = Goal(id=1, employee_id=1, conversation_id=1, kind=GoalKind.DEVELOPMENT,
                title="Leren presenteren", period_end="2027-06-30")
    pending = catalogue.t("goals_ui.not_judged" if judge else "goals_ui.not_reviewed")
    for width in (18, 22, 40):
        found = lines(goal_runs(goal, date(2027, 3, 1), None, [], judge, ()), width)
        assert not any("…" in line for line in found), found
        assert pending in " ".join(found)


@pytest.mark.parametrize("width", range(18, 41, 2))
def test_the_history_keeps_each_date_whole(width):
    catalogue.set_language("nl")
    earlier = [GoalReview(1, 1, 2, GoalProgress.BEHIND, "De proef is gehaald",
                          at="2026-06-10T09:00:00+00:00")]
    goal = Goal(id=1, employee_id=1, conversation_id=1, kind=GoalKind.RESULT,
                title="Klantportaal live", period_end="2026-12-31")
    found = lines(goal_runs(goal, date(2026, 9, 1), None, earlier, False, ()), width)
    assert any("10 jun 2026:" in line for line in found), found
    assert "loopt achter — De proef is gehaald" in " ".join(found)
