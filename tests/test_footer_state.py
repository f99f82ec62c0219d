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


async def test_f3_to_the_scores_stays_on_the_line_at_80_columns(store, clock):
    """In the appraisal's scoring phase f3 (notes <-> scores) is near the front of the key
    line, so at 80 columns it is not cut off; outside that phase, in the notes, f3 would
    do nothing and is not offered."""
    prepare(store, "Joris Bakker")
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        await pilot.click("#kind-beoordeling")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = meeting(pilot.app)
        assert pilot.app.focused is screen.text_area
        assert "f3" not in line(screen)  # in the notes, no scores: nothing to go to
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert screen.meeting.phase.criteria
        assert "f3 Scores" in line(screen) and line(screen).endswith("^p opdrachten")
        await pilot.press("f3")
        await pilot.pause()
        assert pilot.app.focused is not screen.text_area
        assert "f3 Notities" in line(screen)
        await pilot.press("f3")
        await pilot.pause()
        assert pilot.app.focused is screen.text_area
