"""Snapshots of goals in the meeting at 80x24 and 120x40 (pytest-textual-snapshot).

The goals pane while setting goals (a doelstellingengesprek, the development
goal split into steps), the pane in a beoordelingsgesprek with each goal's
history, the goal dialog with its prompts and live hints, and the review
dialog judging a goal on the conversation's scale. Update after an intended
visual change with ``pytest tests/test_snapshots_goals.py --snapshot-update``
and look at every SVG (as PNG: ``rsvg-convert``) before committing them.
"""

from __future__ import annotations

import time

import pytest
from textual.widgets import Input

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.goals import GoalKind, GoalProgress
from gespreks_tui.model import Kind, Owner
from helpers import make_app, meeting, prepare

SIZES = [(80, 24), (120, 40)]
IDS = [f"{w}x{h}" for w, h in SIZES]
DAY = 24 * 3600


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def set_goals(store, conversation_id: int) -> None:
    """Two result goals and a development goal with steps, one step ticked."""
    portal = store.add_goal(conversation_id, GoalKind.RESULT, "Klantportaal live in Q2",
                            what="200 klanten gebruiken het portaal", period_end="2027-06-30")
    store.add_step(portal.id, "Demo aan het team geven", "2027-02-15")
    store.add_goal(conversation_id, GoalKind.RESULT, "Offertes sneller versturen",
                   owner=Owner.BOTH)
    course = store.add_goal(conversation_id, GoalKind.DEVELOPMENT, "Leren presenteren",
                            period_end="2027-10-31", support="cursus, budget 1200 euro")
    store.add_step(course.id, "Cursus presenteren volgen", "2027-04-30")
    store.add_step(course.id, "Presentatie op de afdelingsdag", "2027-11-15")


def conversation(store, clock, kind: Kind) -> int:
    joris = store.find_person("Joris Bakker").id
    clock.advance(60 * DAY)
    return store.create_conversation(joris, builtin_agenda(kind), 60).id


@pytest.fixture
def setting_app(store, clock):
    """A doelstellingengesprek under way, its goals set."""
    prepare(store, "Joris Bakker")
    cid = conversation(store, clock, Kind.DOELSTELLING)
    set_goals(store, cid)
    store.tick_step(store.goals_set_in(cid)[2].steps[0].id, cid, True)
    return make_app(store, clock), cid


@pytest.fixture
def judging_app(store, clock):
    """A beoordelingsgesprek under way after a doelstelling and a voortgang."""
    prepare(store, "Joris Bakker")
    first = conversation(store, clock, Kind.DOELSTELLING)
    set_goals(store, first)
    store.conclude(first, "2027-03-01")
    second = conversation(store, clock, Kind.VOORTGANG)
    portal, offers, course = store.open_goals(store.find_person("Joris Bakker").id, second)
    store.review_goal(second, portal.id, GoalProgress.BEHIND, "Leverancier levert later")
    store.review_goal(second, offers.id, GoalProgress.ON_TRACK)
    store.review_goal(second, course.id, GoalProgress.ON_TRACK, "Cursus gestart")
    store.tick_step(course.steps[0].id, second, True)
    store.conclude(second, "2027-06-01")
    third = conversation(store, clock, Kind.BEOORDELING)
    store.judge_goal(third, portal.id, 3, "Live sinds mei")
    store.review_goal(third, portal.id, GoalProgress.ACHIEVED, "Live sinds mei")
    return make_app(store, clock), third


async def settle(pilot, screen) -> None:
    """Tick, drop toasts and cursor blinking: the same picture on every run."""
    screen.save_all()
    screen.tick()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    screen.text_area.cursor_blink = False
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


async def opened(pilot, cid: int):
    pilot.app.open_meeting(cid)
    await pilot.pause()
    return meeting(pilot.app)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_goals_pane_while_setting_goals(snap_compare, setting_app, size):
    app, cid = setting_app

    async def run(pilot):
        screen = await opened(pilot, cid)
        await pilot.press("f4", "down", "down", "down", "down")  # the development goal's step
        await settle(pilot, screen)

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_goals_pane_with_history_in_an_appraisal(snap_compare, judging_app, size):
    app, cid = judging_app

    async def run(pilot):
        screen = await opened(pilot, cid)
        await pilot.press("f4", "down", "down")  # the second goal
        await settle(pilot, screen)

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_goal_dialog_with_prompts_and_hints(snap_compare, setting_app, size):
    app, cid = setting_app

    async def run(pilot):
        screen = await opened(pilot, cid)
        await pilot.press("f4", "e")  # the first goal, to edit
        await pilot.pause()
        pilot.app.screen.query_one("#goal-why", Input).value = "Minder telefoontjes"
        await settle(pilot, screen)

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_review_dialog_judges_with_history(snap_compare, judging_app, size):
    app, cid = judging_app

    async def run(pilot):
        screen = await opened(pilot, cid)
        await pilot.press("f4", "r")  # the first goal: judged already, its history above
        await settle(pilot, screen)

    assert snap_compare(app, terminal_size=size, run_before=run)
