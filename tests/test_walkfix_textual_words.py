"""walk25 F22, F23, F24: Textual's own words reach the screen in the user's language;
the palette offers no "maximize" that squeezes a pane."""

from __future__ import annotations

from gespreks_tui.demo import load_demo
from gespreks_tui.tui.screens.agreement_form import AgreementForm
from gespreks_tui.tui.widgets.key_footer import KeyFooter
from helpers import make_app, meeting, prepare


async def start_with_joris(pilot):
    pilot.app.screen.query_one("#people-list").highlighted = 1  # Joris Bakker (has goals)
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    return meeting(pilot.app)


async def test_the_open_goal_list_says_close_menu_in_dutch(store, clock):
    load_demo(store)
    prepare(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_with_joris(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AgreementForm)
        form.query_one("#agreement-goal").focus()
        await pilot.press("enter")  # the list opens
        await pilot.pause()
        keys = str(form.query_one(KeyFooter).render())
        assert "esc Menu sluiten" in keys and "Dismiss" not in keys
        await pilot.press("escape")  # closes the list, not the dialog
        await pilot.pause()
        assert app.screen is form


async def test_ctrl_c_outside_a_text_field_says_how_to_quit_in_dutch(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("f2")  # the agenda: no text field
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        shown = [(n.title, n.message) for n in app._notifications]
        assert ("Stoppen?", "Druk op ctrl+q om te stoppen.") in shown
        assert not any("quit" in f"{title} {message}" for title, message in shown)


async def test_the_palette_offers_no_maximize(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("f3")  # the notes
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Vergroten" not in titles and "Maximize" not in titles
        assert "Toetsen" in titles or any("oets" in title for title in titles)


class _Goal:
    date, kind, status, open_agreements, time_zone = (
        "2026-01-14T12:00:00+00:00", "doelstelling", "concluded", 0, "UTC")


def test_a_narrow_history_line_puts_the_kind_whole_on_a_line_of_its_own():
    """walk25 F18: "14 jan 2026 · doelstell…" at 80x24; the kind goes on its own line."""
    from gespreks_tui.tui.format import history_line

    for width in (20, 22, 24):
        lines = history_line(_Goal, "nl", width).split("\n")
        assert lines == ["14 jan 2026", "  doelstelling", "  afgerond · 0 open"], width
        assert all(len(line) <= width for line in lines)
    assert history_line(_Goal, "nl", 26) == "14 jan 2026 · doelstelling\n  afgerond · 0 open"


async def test_the_history_shows_each_follow_up_with_its_comment(store, clock):
    """walk25 F14: "Afspraken door de tijd" gives the comment with the outcome."""
    from textual.widgets import DataTable

    from test_tui_history import open_history_of_joris, table_rows

    load_demo(store)
    prepare(store)
    app = make_app(store, clock)
    for size in ((200, 60),):
        async with app.run_test(size=size) as pilot:
            screen = await open_history_of_joris(pilot)
            rows = table_rows(screen.query_one("#history-agreements", DataTable))
            course = next(r for r in rows if r[1].startswith("Cursus"))
            assert "gehaald — Certificaat in mei" in course[5].replace("\n", " ")
