"""Which goals a later conversation follows up: the period rule (``goal_period``).

Two years of one employee's goals with an injected clock: goals of 2026, of
its first half, without a period and of 2027 are set in January 2026; the
voortgangsgesprekken and beoordelingsgesprekken of 2026 and 2027 each list
those in their period, a beoordeling also those whose period ended unjudged
(marked past it), and ``gespreks goals`` lists them all with their period.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from cli_helpers import invoke
from gespreks_tui import catalogue
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.goal_period import (
    PeriodState,
    conversation_day,
    follows_up,
    past_period,
    period_state,
)
from gespreks_tui.goals import Goal, GoalKind, GoalProgress, GoalReview
from gespreks_tui.meeting import Meeting
from gespreks_tui.model import Kind
from gespreks_tui.settings import MANAGER_SETTING
from gespreks_tui.store import Store
from gespreks_tui.tui.screens.goal_review_dialog import GoalReviewDialog
from gespreks_tui.tui.widgets.goal_items import GoalItem
from helpers import make_app, meeting


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 1, 5, 9, 0, tzinfo=UTC))


def on(store: Store, clock: FakeClock, employee: int, kind: Kind, day: str) -> int:
    """A conversation started on ``day`` (09:00 UTC); the one before is concluded."""
    when = datetime.fromisoformat(day + "T09:00:00+00:00")
    clock.advance((when - clock.now()).total_seconds())
    return store.create_conversation(employee, builtin_agenda(kind), 45).id


def conclude(store: Store, clock: FakeClock, conversation_id: int) -> None:
    clock.advance(3600)
    store.conclude(conversation_id, None)


def goal(start: str | None, end: str | None, *reviews: GoalReview) -> Goal:
    return Goal(id=1, employee_id=1, conversation_id=1, kind=GoalKind.RESULT, title="Doel",
                period_start=start, period_end=end, reviews=reviews)


def review(conversation_id: int, progress: GoalProgress | None = None,
           score: int | None = None) -> GoalReview:
    return GoalReview(id=conversation_id, goal_id=1, conversation_id=conversation_id,
                      progress=progress, score=score)


# --- the rule on its own -------------------------------------------------------------------

@pytest.mark.parametrize(("start", "end", "day", "state"), [
    (None, None, "2030-01-01", PeriodState.WITHIN),
    ("2026-01-01", "2026-12-31", "2026-01-01", PeriodState.WITHIN),  # first day counts
    ("2026-01-01", "2026-12-31", "2026-12-31", PeriodState.WITHIN),  # and the last
    ("2026-01-01", "2026-12-31", "2025-12-31", PeriodState.BEFORE),
    ("2026-01-01", "2026-12-31", "2027-01-01", PeriodState.AFTER),
    (None, "2026-06-30", "2020-01-01", PeriodState.WITHIN),  # no start: open-ended before
    ("2027-01-01", None, "2026-12-31", PeriodState.BEFORE),
    ("2027-01-01", None, "2040-01-01", PeriodState.WITHIN),  # no end: open-ended after
])
def test_where_a_day_falls_against_a_period(start, end, day, state):
    assert period_state(goal(start, end), date.fromisoformat(day)) == state
    assert past_period(goal(start, end), date.fromisoformat(day)) == (state == "after")


def test_the_day_of_a_conversation_is_its_day_in_its_own_time_zone():
    late = "2026-06-30T22:30:00+00:00"  # half past midnight in Amsterdam, 1 July
    assert conversation_day(late, "Europe/Amsterdam") == date(2026, 7, 1)
    assert conversation_day(late, "UTC") == date(2026, 6, 30)
    assert past_period(goal(None, "2026-06-30"), conversation_day(late, "Europe/Amsterdam"))


def test_follows_up_a_goal_past_its_period_only_to_judge_it():
    after, ended = date(2027, 2, 1), goal("2026-01-01", "2026-12-31")
    assert not follows_up(ended, 9, after, judging=False)
    assert follows_up(ended, 9, after, judging=True)
    judged = goal("2026-01-01", "2026-12-31", review(5, score=3))
    assert not follows_up(judged, 9, after, judging=True)
    assert follows_up(judged, 5, after, judging=True)  # the conversation that judged it
    closed = goal(None, None, review(5, GoalProgress.ACHIEVED))
    assert not follows_up(closed, 9, after, judging=True)
    assert follows_up(goal("2027-03-01", None, review(9)), 9, after, False)  # reviewed here
    assert not follows_up(goal("2027-03-01", None), 9, after, judging=True)  # not begun


# --- two years in the store ----------------------------------------------------------------

@pytest.fixture
def goals(store: Store, clock: FakeClock):
    """Five goals set in January 2026; their ids by name, and the employee."""
    joris = store.add_person("Joris Bakker").id
    store.add_person("Sanne de Vries")
    setting = on(store, clock, joris, Kind.DOELSTELLING, "2026-01-05")
    year = {"period_start": "2026-01-01", "period_end": "2026-12-31"}
    made = {
        "year": store.add_goal(setting, GoalKind.RESULT, "Klantportaal live", **year),
        "none": store.add_goal(setting, GoalKind.DEVELOPMENT, "Vakkennis bijhouden"),
        "half": store.add_goal(setting, GoalKind.RESULT, "Offertes binnen vijf dagen",
                               period_start="2026-01-01", period_end="2026-06-30"),
        "autumn": store.add_goal(setting, GoalKind.RESULT, "Kennisdeling opzetten",
                                 period_end="2026-10-31"),
        "next": store.add_goal(setting, GoalKind.DEVELOPMENT, "Teamleider worden",
                               period_start="2027-01-01", period_end="2027-12-31"),
    }
    conclude(store, clock, setting)
    return joris, {name: g.id for name, g in made.items()}


def listed(store: Store, joris: int, conversation_id: int, ids: dict[str, int]) -> list[str]:
    names = {v: k for k, v in ids.items()}
    return [names[g.id] for g in store.open_goals(joris, conversation_id)]


def test_each_conversation_follows_up_the_goals_of_its_period(store: Store, clock, goals):
    joris, ids = goals
    may = on(store, clock, joris, Kind.VOORTGANG, "2026-05-12")
    assert listed(store, joris, may, ids) == ["year", "none", "half", "autumn"]
    for name in ("year", "none", "half", "autumn"):
        store.review_goal(may, ids[name], GoalProgress.ON_TRACK)
    conclude(store, clock, may)

    september = on(store, clock, joris, Kind.VOORTGANG, "2026-09-15")
    assert listed(store, joris, september, ids) == ["year", "none", "autumn"]  # half ended
    conclude(store, clock, september)

    december = on(store, clock, joris, Kind.BEOORDELING, "2026-12-08")
    assert listed(store, joris, december, ids) == ["year", "none", "half", "autumn"]
    points = store.scale(december).points
    for name in ("year", "half"):  # "autumn" ended too, and is left unjudged
        store.judge_goal(december, ids[name], points, "")
    conclude(store, clock, december)

    march = on(store, clock, joris, Kind.VOORTGANG, "2027-03-10")
    assert listed(store, joris, march, ids) == ["none", "next"]  # 2026's goals are over
    store.review_goal(march, ids["none"], GoalProgress.ACHIEVED)
    conclude(store, clock, march)

    appraisal = on(store, clock, joris, Kind.BEOORDELING, "2027-12-06")
    assert listed(store, joris, appraisal, ids) == ["autumn", "next"]  # still to judge
    assert [g.id for g in store.goals(joris)] == list(ids.values())  # the history: all


def test_a_goal_reviewed_in_a_conversation_stays_listed_there(store: Store, clock, goals):
    joris, ids = goals
    september = on(store, clock, joris, Kind.VOORTGANG, "2026-09-15")
    assert "half" not in listed(store, joris, september, ids)
    store.review_goal(september, ids["half"], GoalProgress.ACHIEVED, "Net na de periode")
    assert listed(store, joris, september, ids) == ["year", "none", "half", "autumn"]


def test_the_meeting_marks_a_goal_past_its_period_in_a_beoordeling(store: Store, clock,
                                                                  goals):
    joris, ids = goals
    december = on(store, clock, joris, Kind.BEOORDELING, "2026-12-08")
    m = Meeting(store, december, clock)
    try:
        names = {v: k for k, v in ids.items()}
        assert [names[g.id] for g in m.open_goals] == ["year", "none", "half", "autumn"]
        assert [names[g.id] for g in m.open_goals if m.past_period(g)] == ["half", "autumn"]
        assert [g.id for g in m.goal_choices()] == [g.id for g in m.open_goals]
    finally:
        m.close()
    october = on(store, clock, joris, Kind.VOORTGANG, "2027-10-04")
    m = Meeting(store, october, clock)
    try:
        assert [g.id for g in m.open_goals] == [ids["none"], ids["next"]]
        assert not any(m.past_period(g) for g in m.open_goals)
    finally:
        m.close()


def test_gespreks_goals_lists_every_goal_with_its_period(store: Store, clock, goals, db_path):
    joris, ids = goals
    on(store, clock, joris, Kind.VOORTGANG, "2027-03-10")
    result = invoke("goals", "--db", db_path)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "periode" in lines[0]
    # Each goal: its facts, then its title on a line of its own (80 columns).
    def facts(n: int) -> str:  # the period in the goal's row above its title (line n)
        first = next(m for m in range(n - 1, 0, -1) if lines[m][:3].strip().isdigit())
        # At 80 columns a period may break after its "..": its parts in order.
        return "".join(word for line in lines[first:n] for word in line.split()
                       if re.search(r"\d{4}-\d\d-\d\d", word)) or "-"

    by_title = {title: facts(n) for n, line in enumerate(lines) for title in (
        "Klantportaal live", "Vakkennis bijhouden", "Offertes binnen vijf dagen",
        "Kennisdeling opzetten", "Teamleider worden") if line.strip() == title}
    assert len(by_title) == len(ids)
    assert "2026-01-01..2026-12-31" in by_title["Klantportaal live"]
    assert "2026-01-01..2026-06-30" in by_title["Offertes binnen vijf dagen"]
    assert "..2026-10-31" in by_title["Kennisdeling opzetten"]
    assert "2027-01-01..2027-12-31" in by_title["Teamleider worden"]
    assert ".." not in by_title["Vakkennis bijhouden"]
    english = invoke("goals", "--db", db_path, "--lang", "en").stdout.splitlines()
    assert "period" in english[0] and all(len(line) <= 80 for line in english)


@pytest.mark.parametrize(("lang", "ended"), [("nl", "periode afgelopen op 30 jun 2026"),
                                             ("en", "period ended 30 Jun 2026")])
async def test_the_goals_pane_marks_a_goal_past_its_period(store: Store, clock, goals, lang,
                                                           ended):
    catalogue.set_language(lang)
    joris, ids = goals
    store.set_setting(MANAGER_SETTING, "Sanne de Vries")
    december = on(store, clock, joris, Kind.BEOORDELING, "2026-12-08")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_meeting(december)
        await pilot.pause()
        screen = meeting(app)
        assert screen.goals_shown  # a beoordeling with goals to judge opens on them
        items = {item.goal.id: " ".join(line.plain for line in item.fitted(60))
                 for item in screen.goals_pane.query(GoalItem)}
        assert list(items) == [ids["year"], ids["none"], ids["half"], ids["autumn"]]
        assert ended in items[ids["half"]]
        half = next(i for i in screen.goals_pane.query(GoalItem) if i.goal.id == ids["half"])
        narrow = [line.plain.strip() for line in half.fitted(22)]  # the column at 80x24
        assert ended in " ".join(narrow) and not any("…" in line for line in narrow)
        assert ended not in items[ids["year"]] and "31" in items[ids["year"]]
        listing = screen.goals_pane.goal_list
        listing.focus()
        for goal_id, says in ((ids["year"], False), (ids["half"], True)):
            listing.index = [getattr(e, "key", None) for e in listing.children].index(
                ("goal", goal_id))
            await pilot.press("r")  # the judgment dialog says so under the title too
            await pilot.pause()
            assert isinstance(app.screen, GoalReviewDialog) and app.screen.judge
            found = [str(label.render()) for label in app.screen.query("#review-past")]
            assert found == ([ended[:1].upper() + ended[1:]] if says else [])
            await pilot.press("escape")
            await pilot.pause()
