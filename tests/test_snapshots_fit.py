"""Snapshots for issue 16's leftovers, at 80x24 and 120x40: the start screen with more
due than fits ("… en nog N" on its own line, never cut), a name typed in the employees
list (it lands in the name field, the list jumps to the match), and the dialogs that had no picture yet (follow-up, reason,
large paste), each with its own keys on the bottom line.

Update with ``pytest tests/test_snapshots_fit.py --snapshot-update`` and look at every
picture (rsvg-convert) before committing it.
"""

from __future__ import annotations

import time

import pytest

from gespreks_tui.model import Agreement
from gespreks_tui.tui.screens.follow_up_dialog import FollowUpDialog
from gespreks_tui.tui.screens.paste_dialog import PasteDialog
from gespreks_tui.tui.screens.reason_dialog import ReasonDialog
from helpers import make_app, prepare
from test_start_fit import many_due

SIZES = [(80, 24), (120, 40)]


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


async def still(pilot) -> None:
    from textual.widgets import Input, TextArea

    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.clear_notifications()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()


async def busy_start(pilot) -> None:
    await still(pilot)


async def type_to_search(pilot) -> None:
    await still(pilot)
    await pilot.press("m", "e")  # "Medewerker 1 …" highlighted, "me" in the field
    await still(pilot)


def dialog(make):
    async def run(pilot) -> None:
        await still(pilot)
        pilot.app.push_screen(make())
        await still(pilot)
    return run


AGREEMENT = Agreement(id=1, conversation_id=1,
                      text="Klantportaal live met minstens 200 actieve gebruikers")
SCENARIOS = {
    "start_busy": busy_start,
    "type_to_search": type_to_search,
    "follow_up_dialog": dialog(lambda: FollowUpDialog(AGREEMENT)),
    "reason_dialog": dialog(lambda: ReasonDialog(
        "Verslag heropenen", "Het bevestigde verslag wordt weer bewerkbaar; de reden komt "
        "in het verslag.", "Waarom wordt het heropend?")),
    "paste_dialog": dialog(lambda: PasteDialog(300 * 1024, 4200)),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_fit(snap_compare, store, clock, scenario, size):
    prepare(store, "Joris Bakker")
    many_due(store, clock, people=5, each=3)
    run = SCENARIOS[scenario]

    async def run_before(pilot) -> None:
        await run(pilot)

    assert snap_compare(make_app(store, clock), terminal_size=size, run_before=run_before)
