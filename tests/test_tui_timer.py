"""The agenda pane with an injected clock, and resuming a meeting after a restart."""

from __future__ import annotations

from gespreks_tui.model import Visibility
from gespreks_tui.store import Store
from helpers import make_app, meeting, prepare, saved, type_text, visible_text


def rows(screen) -> list[str]:
    return [visible_text(row) for row in screen.query(".phase-row")]


async def test_countdown_warning_overrun_and_shares(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = meeting(app)
        first = screen.query_one("#phase-0")
        assert "20:00" in rows(screen)[0] and first.has_class("current")
        clock.advance(19 * 60 + 30)
        screen.tick()
        assert "00:30" in rows(screen)[0]
        assert first.has_class("warning") and not first.has_class("overrun")
        clock.advance(12 * 60)  # 31:30 into a 20-minute phase
        screen.tick()
        assert "+11:30" in rows(screen)[0] and first.has_class("overrun")
        # 45 planned, 31:30 used: 13:30 left for the 15 + 10 planned minutes after it
        assert "15:00 → 08:06" in rows(screen)[1]
        assert "10:00 → 05:24" in rows(screen)[2]
        assert screen.query_one("#phase-1").has_class("squeezed")
        assert "Nog 13:30" in visible_text(screen.query_one("#agenda-total"))


async def test_pause_stops_the_clock_and_phases_keep_their_own_time(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = meeting(app)
        clock.advance(100)
        await pilot.press("ctrl+t")
        assert "Gepauzeerd" in visible_text(screen.query_one("#agenda-state"))
        clock.advance(500)
        screen.tick()
        assert screen.timer.used(0) == 100
        await pilot.press("ctrl+t", "ctrl+f")
        clock.advance(40)
        await pilot.press("ctrl+b")
        clock.advance(5)
        assert (screen.timer.used(0), screen.timer.used(1)) == (105, 40)
        await pilot.press("ctrl+b")  # already first: nothing moves
        assert screen.timer.current == 0


async def test_resume_after_restart_continues_notes_and_timers(db_path, clock):
    first = Store.open(db_path, clock=clock)
    prepare(first, "Joris Bakker")
    app = make_app(first, clock)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = meeting(app)
        await type_text(pilot, "Terugblik notitie")
        clock.advance(120)
        await pilot.press("ctrl+f")
        await type_text(pilot, "Vooruit")
        clock.advance(30)
        await saved(pilot)
        conversation_id = screen.conversation_id
        await pilot.press("ctrl+q")
    first.close()

    clock.advance(3600)  # the app was closed for an hour: that time is not counted
    second = Store.open(db_path, clock=clock)
    app = make_app(second, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = meeting(app)  # it stopped during the meeting: straight back into it
        assert screen.conversation_id == conversation_id
        assert screen.timer.current == 1 and not screen.timer.paused
        assert (screen.timer.used(0), screen.timer.used(1)) == (120, 30)
        assert screen.text_area.text == "Vooruit"
        assert app.focused is screen.text_area
        await pilot.press("ctrl+b")
        assert screen.text_area.text == "Terugblik notitie"
        await pilot.press("escape")  # the start screen, which offers it again
        await pilot.pause()
        offered = str(app.screen.query_one("#resume-list").get_option_at_index(0).prompt)
        assert "Joris Bakker" in offered and "gewijzigd zojuist" in offered
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert meeting(app).conversation_id == conversation_id
    assert second.notes(conversation_id)[(0, Visibility.SHARED)] == "Terugblik notitie"
    second.close()
