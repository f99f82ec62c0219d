"""Snapshots of the draft screen at 80x24 and 120x40, and every criterion within reach."""

from __future__ import annotations

import time

import pytest
from textual.widgets import RadioSet

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.draft_form import Draft, Entry
from gespreks_tui.model import Kind
from gespreks_tui.tui.widgets.score_comment import CommentArea
from helpers import MANAGER, make_app, prepare

SIZES = [(80, 24), (120, 40)]


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _draft(store) -> int:
    prepare(store, "Joris Bakker")
    made = store.create_draft(
        store.find_person("Joris Bakker").id, builtin_agenda(Kind.BEOORDELING, "nl"),
        manager_id=store.find_person(MANAGER).id, language="nl",
        draft=Draft({0: Entry(4, "Collega's vragen hem om raad."), 2: Entry(2, "")},
                    Entry(3, "Een goed jaar.")))
    return made.id


async def _open(pilot, conversation_id: int) -> None:
    from gespreks_tui.tui.screens.draft_assessment import DraftAssessmentScreen

    await pilot.pause()
    pilot.app.push_screen(DraftAssessmentScreen(conversation_id))
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    for field in pilot.app.screen.query("Input, CommentArea"):
        field.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("where", ["top", "end"])
def test_draft_screen(snap_compare, store, clock, size, where):
    conversation_id = _draft(store)

    async def run_before(pilot) -> None:
        await _open(pilot, conversation_id)
        if where == "end":  # the overall judgment, last: scrolled into view
            pilot.app.screen.query(".score-row").last().query_one(CommentArea).focus()
        for _ in range(3):  # the focus styles (indicators of the focused row) settle
            await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(store, clock), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_criterion_and_label_is_within_reach(store, clock, size):
    conversation_id = _draft(store)
    scale = store.scale(conversation_id)
    app = make_app(store, clock)
    async with app.run_test(size=size) as pilot:
        await _open(pilot, conversation_id)
        screen = app.screen
        legend = str(screen.query_one(".score-legend").render())
        assert all(label in legend for label in scale.labels)
        rows = list(screen.query(".score-row"))
        criteria = [n for p in store.get_conversation(conversation_id).phases for n in p.criteria]
        assert len(rows) == len(criteria) + 1
        for row in rows:
            for target in (row.query_one(RadioSet), row.query_one(CommentArea)):
                target.focus()
                await pilot.pause()
                assert screen.find_widget(target).region.height == 1  # on screen
                assert len(target.query("RadioButton")) in (0, scale.points)


@pytest.mark.xfail(strict=False, reason="the due list is fitted to an estimated width before the first layout and not always refitted (one cell); open in #16")
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_start_screen_lists_the_draft_as_concept(snap_compare, store, clock, size):
    _draft(store)

    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        for field in pilot.app.screen.query("Input, CommentArea"):
            field.cursor_blink = False
        await pilot.pause()
        resume = pilot.app.screen.query_one("#resume-list")
        assert str(resume.get_option_at_index(0).prompt).startswith("CONCEPT · ")

    assert snap_compare(make_app(store, clock), terminal_size=size, run_before=run_before)
