"""The key line on the meeting screen: labels that follow the state, keys in their place."""

from __future__ import annotations

from gespreks_tui.tui.widgets.key_footer import KeyFooter
from helpers import make_app, meeting, prepare
from test_meeting_screen_focus import open_for, team


def line(screen) -> str:
    return str(screen.query_one(KeyFooter).render())


async def test_pause_reads_resume_while_paused(store, clock):
    prepare(store, "Joris Bakker")
    async with make_app(store, clock).run_test(size=(200, 30)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = meeting(pilot.app)
        assert "^t Pauze" in line(screen) and "Hervat" not in line(screen)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "^t Hervat" in line(screen) and "Pauze" not in line(screen)
        assert screen.timer.paused
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "^t Pauze" in line(screen) and not screen.timer.paused


async def test_f6_takes_its_place_after_the_meeting_keys(store, clock):
    """f6 is a priority key (it beats the notes' "select line"), yet not the first one shown."""
    joris = team(store)
    async with make_app(store, clock).run_test(size=(200, 30)) as pilot:
        screen = await open_for(pilot, store, joris)
        shown = line(screen)
        assert shown.startswith("^n Afspraak +")
        assert "f6 Op te volgen" in shown
        assert shown.index("f6") > shown.index("f4")
