"""Snapshots of what the appraisal fixes show: the draft screen with a template's
problem, the score table of the minutes (a list at 80x24, a table at 120x40) and the
procedure dialog before the hand-over (only the second assessor, and 'u' first)."""

from __future__ import annotations

import time

import pytest
from textual.widgets import Input

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.minutes import publish
from helpers import make_app, prepare

SIZES = [(80, 24), (120, 40)]
IDS = ["80x24", "120x40"]
PROBLEM = ("Sjabloon: /home/sanne/.config/gespreks/templates/beoordeling.nl.md:21: het punt "
           "'goed' staat twee keer in de schaal — het ingebouwde sjabloon wordt gebruikt.")


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def still(pilot) -> None:
    from textual.widgets import TextArea

    pilot.app.clear_notifications()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await settle(pilot)


def concluded(store) -> int:
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker")
    c = store.create_conversation(joris.id, builtin_agenda("beoordeling"), 60)
    for i, name in enumerate(c.phases[1].criteria):
        store.save_score(c.id, i, name, i % 5 + 1,
                         "Levert betrouwbaar werk af en helpt collega's met een voorbeeld")
    store.conclude(c.id, "2027-11-01")
    publish(store, c.id)
    return c.id


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_draft_screen_with_a_template_problem(snap_compare, store, clock, size):
    from gespreks_tui.tui.screens.draft_assessment import DraftAssessmentScreen

    prepare(store, "Joris Bakker")
    made = store.create_draft(store.find_person("Joris Bakker").id,
                              builtin_agenda("beoordeling"), language="nl")

    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.push_screen(DraftAssessmentScreen(made.id, (PROBLEM,)))
        await still(pilot)

    assert snap_compare(make_app(store, clock), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_minutes_score_table(snap_compare, store, clock, size):
    from gespreks_tui.tui.screens.minutes import MinutesScreen
    from gespreks_tui.tui.widgets.minutes_markdown import FittedTable

    cid = concluded(store)

    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.push_screen(MinutesScreen(cid))
        await settle(pilot)
        await pilot.press("f2")
        pilot.app.screen.query_one(FittedTable).scroll_visible(animate=False, top=True)
        await still(pilot)

    assert snap_compare(make_app(store, clock), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_procedure_dialog_before_the_hand_over(snap_compare, store, clock, size):
    from gespreks_tui.tui.screens.minutes import MinutesScreen

    cid = concluded(store)

    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.push_screen(MinutesScreen(cid))
        await settle(pilot)
        await pilot.press("p")
        await still(pilot)

    assert snap_compare(make_app(store, clock), terminal_size=size, run_before=run_before)
