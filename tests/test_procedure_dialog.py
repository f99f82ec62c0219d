"""The appraisal procedure in the app (issue 18): 'p' on the minutes screen of a
beoordeling opens the procedure dialog; what it records shows in the minutes; the
history shows the procedure above the minutes. Snapshots at 80x24 and 120x40."""

from __future__ import annotations

import time

import pytest

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.appraisal_procedure import AppraisalState
from gespreks_tui.minutes import publish
from helpers import make_app, prepare

SIZES = [(80, 24), (120, 40)]


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def handed_over(store, kind: str = "beoordeling") -> int:
    """Joris's concluded conversation, handed over with the objection term."""
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker")
    c = store.create_conversation(joris.id, builtin_agenda(kind), 60)
    store.conclude(c.id, "2027-11-01")
    publish(store, c.id)
    store.hand_over(c.id, "email", 21)
    return c.id


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def still(pilot) -> None:
    from textual.widgets import Input, TextArea

    pilot.app.clear_notifications()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await settle(pilot)


async def on_minutes(pilot, conversation_id: int) -> None:
    from gespreks_tui.tui.screens.minutes import MinutesScreen

    await settle(pilot)
    pilot.app.push_screen(MinutesScreen(conversation_id))
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("step", ["bezwaar", "second"])
def test_procedure_dialog_snapshot(snap_compare, store, clock, size, step):
    """Every field of each step in view, at 80x24 too: the second assessor's name and
    verdict appear only for that step."""
    cid = handed_over(store)

    async def run_before(pilot) -> None:
        await on_minutes(pilot, cid)
        await pilot.press("p")
        await settle(pilot)
        pilot.app.screen.query_one(f"#procedure-step-{step}").value = True
        await still(pilot)

    assert snap_compare(make_app(store, clock), terminal_size=size, run_before=run_before)


async def test_recording_an_objection_and_the_final_decision_from_the_app(store, clock):
    from gespreks_tui.tui.screens.procedure_dialog import ProcedureDialog

    cid = handed_over(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_minutes(pilot, cid)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ProcedureDialog)
        await pilot.press("ctrl+s")  # an objection without its text: refused in place
        await settle(pilot)
        assert isinstance(app.screen, ProcedureDialog)
        assert "tekst van het bezwaar" in str(
            app.screen.query_one("#procedure-message").render())
        app.screen.query_one("#procedure-text").focus()
        await pilot.press(*"Niet eens")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ProcedureDialog)
        assert store.appraisal_state(cid) == AppraisalState.OBJECTION
        await pilot.press("p")
        await settle(pilot)
        app.screen.query_one("#procedure-step-definitief").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.appraisal_state(cid) == AppraisalState.FINAL


async def test_other_kinds_have_no_procedure_key(store, clock):
    cid = handed_over(store, "voortgang")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_minutes(pilot, cid)
        await pilot.press("p")
        await settle(pilot)
        assert type(app.screen).__name__ == "MinutesScreen"
        assert app.screen.check_action("procedure", ()) is False


async def test_the_history_shows_the_procedure_above_the_minutes(store, clock):
    from textual.widgets import Markdown

    from gespreks_tui.tui.screens.history import HistoryScreen

    cid = handed_over(store)
    store.record_objection(cid, "Niet eens")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(HistoryScreen(store.find_person("Joris Bakker").id))
        await settle(pilot)
        await settle(pilot)
        markdown = app.screen.query_one("#history-minutes", Markdown).source
        assert markdown.startswith("**Beoordelingsprocedure: bezwaar ingediend**")
        assert "definitieve uitslag uiterlijk" in markdown


async def test_every_field_and_the_buttons_fit_at_80x24(store, clock):
    cid = handed_over(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_minutes(pilot, cid)
        await pilot.press("p")
        await settle(pilot)
        app.screen.query_one("#procedure-step-second").value = True  # the most fields
        await settle(pilot)
        for selector in ("#procedure-name", "#procedure-agrees", "#procedure-text", "#save",
                         "#cancel"):
            region = app.screen.query_one(selector).region
            assert region.height >= 1 and region.bottom <= 23, (selector, region)
