"""The history screen: conversations, their minutes and agreements over time (Pilot)."""

from __future__ import annotations

import pytest
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
    async with app.run_test(size=(200, 60)) as pilot:  # room: a column for each fact
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


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_agreements_table_fits_the_screen_and_cuts_nothing(store, clock, size):
    """No column runs past the screen (no sideways scrolling to read an agreement); narrow,
    the facts share a column, each on a line of its own, and the text wraps at its words."""
    load_demo(store)
    prepare(store)
    app = make_app(store, clock)
    async with app.run_test(size=size) as pilot:
        screen = await open_history_of_joris(pilot)
        table = screen.query_one("#history-agreements", DataTable)
        assert table.row_count == 5
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert table.max_scroll_x == 0
        cells = " ".join(" ".join(r) for r in table_rows(table))
        for fact in ("Klantportaal live met minstens 200 actieve gebruikers", "leidinggevende",
                     "loopt door", "14 jan 2026"):
            assert fact in cells.replace("\n", " "), fact
        if size[0] < 120:
            assert len(table.columns) == 2
        elif size[0] >= 200:
            assert len(table.columns) == 6


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


async def test_a_beoordeling_shows_where_its_procedure_stands(store, clock):
    """Reported: the lists said "afgerond" for an appraisal that was voorlopig, in
    bezwaar or definitief; they show the procedure's state, as ``gespreks list``."""
    from gespreks_tui.agendas import builtin_agenda
    from gespreks_tui.minutes import publish

    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker")
    c = store.create_conversation(joris.id, builtin_agenda("beoordeling"), 60)
    store.conclude(c.id, "2027-11-01")
    publish(store, c.id)
    store.hand_over(c.id, "email", 21)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        start = app.screen.query_one("#history", OptionList)
        lines = [str(start.get_option_at_index(i).prompt) for i in range(start.option_count)]
        (line,) = [line for line in lines if "beoordeling" in line]
        assert "voorlopig vastgesteld" in line and "afgerond" not in line
        await pilot.press("f8")
        await pilot.pause()
        listing = app.screen.query_one("#history-list", OptionList)
        shown = str(listing.get_option_at_index(0).prompt)  # a narrow list: the short word
        assert shown == "2 nov 2026 · beoordeling\n  voorlopig · 0 open", shown
        store.record_objection(c.id, "Ik herken mij er niet in.")
        await pilot.press("escape")
        await pilot.pause()
        line = next(str(start.get_option_at_index(i).prompt) for i in range(start.option_count)
                    if "beoordeling" in str(start.get_option_at_index(i).prompt))
        assert "bezwaar ingediend" in line
