"""The history screen: conversations, their minutes and agreements over time (Pilot)."""

from __future__ import annotations

from textual.widgets import DataTable, Markdown, OptionList

from gespreks_tui.demo import load_demo
from helpers import make_app, meeting, prepare


async def open_history_of_joris(pilot):
    await pilot.pause()
    pilot.app.screen.query_one("#people-list", OptionList).highlighted = 1
    await pilot.press("f8")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return pilot.app.screen


def table_rows(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_history_lists_conversations_minutes_and_agreements(store, clock):
    load_demo(store)
    prepare(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_history_of_joris(pilot)
        assert screen.title == "Geschiedenis — Joris Bakker"
        listing = screen.query_one("#history-list", OptionList)
        assert listing.option_count == 2
        minutes = screen.query_one("#history-minutes", Markdown).source
        assert minutes.startswith("# Voortgangsgesprek met Joris Bakker")
        assert "Mogelijk kandidaat" not in minutes  # private notes stay private
        listing.highlighted = 1
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        minutes = screen.query_one("#history-minutes", Markdown).source
        assert minutes.startswith("# Doelstellingengesprek met Joris Bakker")
        rows = table_rows(screen.query_one("#history-agreements", DataTable))
        portal = next(r for r in rows if r[1].startswith("Klantportaal"))
        assert portal[4] == "loopt door" and "loopt door" in portal[5]  # issue 13: what happened
        course = next(r for r in rows if r[1].startswith("Cursus"))
        assert course[4] == "gehaald" and "gehaald" in course[5]
        await pilot.press("escape")
        assert app.screen is not screen


async def test_previous_conversation_is_one_key_away_in_a_meeting(store, clock):
    load_demo(store)
    prepare(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#people-list", OptionList).highlighted = 1
        await pilot.press("ctrl+s")
        await pilot.pause()
        current = meeting(app)
        await pilot.press("f8")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        history = app.screen
        listing = history.query_one("#history-list", OptionList)
        selected = listing.get_option_at_index(listing.highlighted).id
        assert int(selected) == 2  # the previous conversation, not the running one
        running = history.query_one("#history-list", OptionList).get_option_at_index(0)
        assert "bezig" in str(running.prompt)
        await pilot.press("escape")
        assert app.screen is current



async def test_leaving_the_history_at_once_is_fine(store, clock):
    """Esc right after f8: what the screen fills in after its first frame finds it gone."""
    load_demo(store)
    prepare(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        start = app.screen
        pilot.app.screen.query_one("#people-list", OptionList).highlighted = 1
        await pilot.press("f8", "escape")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is start and app.is_running


async def test_the_first_frame_has_the_list_and_the_rest_follows(store, clock):
    """Issue 19: the first frame is the list; minutes and table are mounted right after."""
    from gespreks_tui.tui.screens.history import HistoryScreen

    load_demo(store)
    prepare(store)
    joris = store.find_person("Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first_frame: list[tuple[bool, bool]] = []
        screen = HistoryScreen(joris.id)
        screen.screen_layout_refresh_signal.subscribe(
            app, lambda s: first_frame or first_frame.append(
                (bool(s.query("#history-list")), bool(s.query("#history-minutes")))),
            immediate=True)
        app.push_screen(screen)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert first_frame == [(True, False)]
        assert screen.query_one("#history-minutes", Markdown).source.startswith(
            "# Voortgangsgesprek met Joris Bakker")
        assert screen.query_one("#history-agreements", DataTable).row_count > 0
