"""A year of goals (issue 20): set in January, reviewed twice, judged in December.

One employee's cycle with an injected clock: three goals with steps are set
in a doelstellingengesprek, reviewed in two voortgangsgesprekken and judged in
a beoordelingsgesprek. The history (``store.goals``) and the development plan
show the whole path; the minutes of every conversation stay byte-identical,
both as issued and when their content is rendered again from the database.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.goals import GoalKind, GoalProgress
from gespreks_tui.minutes import publish, render_minutes
from gespreks_tui.minutes.pop import parse_period, pop_markdown, pop_pdf, read_pop
from gespreks_tui.minutes.render import record_content
from gespreks_tui.model import Kind
from gespreks_tui.store import Store

START = datetime(2026, 1, 14, 9, 0, tzinfo=UTC)
DAY = 86_400


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


def meeting(store: Store, clock: FakeClock, employee: int, kind: Kind, on: str):
    """A conversation started on ``on`` (YYYY-MM-DD, 09:00 UTC)."""
    when = datetime.fromisoformat(on + "T09:00:00+00:00")
    clock.advance((when - clock.now()).total_seconds())
    return store.create_conversation(employee, builtin_agenda(kind), 45)


def conclude(store: Store, clock: FakeClock, conversation_id: int) -> str:
    """Conclude an hour later and issue the minutes; their Markdown."""
    clock.advance(3600)
    store.conclude(conversation_id, None)
    return publish(store, conversation_id).markdown


@pytest.fixture
def year(store: Store, clock: FakeClock):
    """The whole cycle; returns the employee, the conversations and their issued minutes."""
    joris = store.add_person("Joris Bakker")
    store.add_person("Sanne de Vries")
    issued: dict[int, str] = {}

    setting = meeting(store, clock, joris.id, Kind.DOELSTELLING, "2026-01-14")
    period = {"period_start": "2026-01-01", "period_end": "2026-12-31"}
    portal = store.add_goal(setting.id, GoalKind.RESULT, "Klantportaal live",
                            what="200 actieve gebruikers", how="In twee releases", **period)
    support = store.add_goal(setting.id, "resultaat", "Supportvragen binnen twee dagen",
                             why="Klanten wachten te lang", **period)
    growth = store.add_goal(setting.id, GoalKind.DEVELOPMENT, "Projectleider worden",
                            support="Opleidingsbudget en coaching", **period)
    steps = {goal.id: [store.add_step(goal.id, text, due).id for text, due in plan]
             for goal, plan in ((portal, [("Proef", "2026-04-01"), ("Livegang", "2026-10-01")]),
                                (support, [("Wekelijks overzicht", "2026-03-01")]),
                                (growth, [("Cursus", "2026-06-01"),
                                          ("Deelproject leiden", "2026-09-30"),
                                          ("Terugblik", "2027-01-31")]))}  # after the period
    course = store.add_agreement(setting.id, "Cursus projectmanagement afronden", "employee",
                                 "2026-06-01")
    store.link_agreement(course.id, growth.id)
    issued[setting.id] = conclude(store, clock, setting.id)

    first = meeting(store, clock, joris.id, Kind.VOORTGANG, "2026-05-12")
    assert [g.id for g in store.open_goals(joris.id, first.id)] == [portal.id, support.id,
                                                                    growth.id]
    store.review_goal(first.id, portal.id, GoalProgress.ON_TRACK, "Proef gehaald")
    store.tick_step(steps[portal.id][0], first.id, True)
    store.review_goal(first.id, support.id, GoalProgress.BEHIND, "Nog vier dagen")
    store.review_goal(first.id, growth.id, GoalProgress.ON_TRACK)
    issued[first.id] = conclude(store, clock, first.id)

    second = meeting(store, clock, joris.id, Kind.VOORTGANG, "2026-09-15")
    store.review_goal(second.id, portal.id, GoalProgress.BEHIND, "Leverancier te laat")
    store.review_goal(second.id, support.id, GoalProgress.ACHIEVED, "Nu twee dagen")
    store.tick_step(steps[support.id][0], second.id, True)
    store.review_goal(second.id, growth.id, GoalProgress.ON_TRACK, "Cursus afgerond")
    store.tick_step(steps[growth.id][0], second.id, True)
    issued[second.id] = conclude(store, clock, second.id)

    appraisal = meeting(store, clock, joris.id, Kind.BEOORDELING, "2026-12-08")
    assert [g.id for g in store.open_goals(joris.id, appraisal.id)] == [portal.id, growth.id]
    store.review_goal(appraisal.id, portal.id, GoalProgress.ACHIEVED, "Live in oktober")
    store.tick_step(steps[portal.id][1], appraisal.id, True)
    store.review_goal(appraisal.id, growth.id, GoalProgress.ON_TRACK)
    store.tick_step(steps[growth.id][1], appraisal.id, True)
    points = store.scale(appraisal.id).points
    for goal, score in ((portal, points - 1), (support, points), (growth, points - 1)):
        store.judge_goal(appraisal.id, goal.id, score, f"oordeel over {goal.title}")
    issued[appraisal.id] = conclude(store, clock, appraisal.id)
    return joris, (setting, first, second, appraisal), (portal, support, growth), issued


def test_the_history_shows_the_whole_path_of_every_goal(store: Store, year):
    joris, conversations, goals, _ = year
    setting, first, second, appraisal = conversations
    history = {g.id: g for g in store.goals(joris.id)}
    portal, support, growth = (history[g.id] for g in goals)
    assert [(r.conversation_id, r.progress) for r in portal.reviews] == [
        (first.id, GoalProgress.ON_TRACK), (second.id, GoalProgress.BEHIND),
        (appraisal.id, GoalProgress.ACHIEVED)]
    assert [r.conversation_id for r in support.reviews] == [first.id, second.id, appraisal.id]
    assert support.reviews[-1].progress is None and support.last_progress == GoalProgress.ACHIEVED
    assert [s.done_in for s in portal.steps] == [first.id, appraisal.id]
    assert [s.done_in for s in growth.steps] == [second.id, appraisal.id, None]
    assert all(g.reviews[-1].score is not None for g in history.values())
    # each conversation's own view: as of it
    assert [g.last_progress for g in store.goals_reviewed_in(first.id)] == [
        GoalProgress.ON_TRACK, GoalProgress.BEHIND, GoalProgress.ON_TRACK]
    assert [[s.done for s in g.steps] for g in store.goals_reviewed_in(first.id)] == [
        [True, False], [False], [False, False, False]]
    assert store.open_goals(joris.id, setting.id) == []


def test_earlier_minutes_stay_byte_identical_as_issued_and_rendered_again(store: Store, year):
    _, conversations, _, issued = year
    for conversation in conversations:
        record = store.conversation_record(conversation.id)
        as_issued = render_minutes(store, conversation.id)
        assert as_issued.markdown == issued[conversation.id]
        assert record_content(record) == as_issued.content  # rendered again from the data
        assert [r.revision for r in store.revisions(conversation.id)] == [1]
    setting, first, second, appraisal = conversations
    assert "Proef — uiterlijk: 1 april 2026; open" in issued[setting.id]
    assert "Proef — uiterlijk: 1 april 2026; gedaan (in dit gesprek)" in issued[first.id]
    assert "Livegang — uiterlijk: 1 oktober 2026; open" in issued[second.id]
    assert "- Eerder, 12 mei 2026: op koers — Proef gehaald" in issued[appraisal.id]
    assert "- Eerder, 15 september 2026: behaald — Nu twee dagen" in issued[appraisal.id]
    assert issued[appraisal.id].count("- Oordeel: ") == 3


def test_the_development_plan_shows_the_whole_path(store: Store, year):
    joris, conversations, goals, _ = year
    plan = read_pop(store, joris.id, parse_period("2026"))
    assert [g.title for g in plan.goals] == ["Projectleider worden"]
    text = pop_markdown(plan)
    assert "- Gesteld in het doelstellingengesprek van 14 januari 2026" in text
    assert "- Afgesproken ondersteuning: Opleidingsbudget en coaching" in text
    assert "- Stap 1: Cursus — uiterlijk: 1 juni 2026; gedaan op 15 september 2026" in text
    assert "- Stap 3: Terugblik — uiterlijk: 31 januari 2027; open" in text
    assert "- Cursus projectmanagement afronden — verantwoordelijk: medewerker" in text
    history = text.split("**Verloop**")[1].strip().splitlines()
    assert history[0] == "- 12 mei 2026, voortgangsgesprek: op koers"
    assert history[1] == "- 15 september 2026, voortgangsgesprek: op koers — Cursus afgerond"
    assert history[2].startswith("- 8 december 2026, beoordelingsgesprek: op koers — Oordeel: ")
    assert history[2].endswith("— oordeel over Projectleider worden")
    assert read_pop(store, joris.id, parse_period("2025")).goals == ()
    assert read_pop(store, joris.id, parse_period("2026-12-31..")).goals == plan.goals
    assert pop_pdf(plan).startswith(b"%PDF") and pop_pdf(plan) == pop_pdf(plan)
