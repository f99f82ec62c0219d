"""The first start (issue 19, rows 8a-b): the manager's name is asked on a screen of
its own, and the start screen is built only once it is answered or put off."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.catalogue import set_language, t
from gespreks_tui.model import Kind
from gespreks_tui.tui.app import MANAGER_SETTING
from gespreks_tui.tui.screens.manager_name import ManagerNameScreen
from gespreks_tui.tui.screens.start import StartScreen
from helpers import MANAGER, make_app, prepare, visible_text


def screen_names(app) -> list[str]:
    return [type(screen).__name__ for screen in app.screen_stack]


def people_shown(app) -> list[str]:
    people = app.screen.query_one("#people-list", OptionList)
    return [str(people.get_option_at_index(i).prompt) for i in range(people.option_count)]


async def test_the_first_start_asks_the_name_before_the_start_screen_exists(store, clock):
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ManagerNameScreen)
        assert "StartScreen" not in screen_names(app)  # nothing built under the question
        assert app.screen.query_one("#manager-name", Input).has_focus
        assert visible_text(app.screen.query_one(".dialog-title")) == t("manager.title")
        # Until something is refused, the message line says what Escape does.
        assert visible_text(app.screen.query_one("#manager-message")) == t("manager.later")


async def test_a_name_and_enter_show_the_start_screen_with_the_name_stored(store, clock):
    prepare(store, "Joris Bakker", manager=None)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # nothing typed: refused, the question stays
        assert isinstance(app.screen, ManagerNameScreen)
        assert visible_text(app.screen.query_one("#manager-message")) == t("manager.empty")
        await pilot.press(*"Sanne", "space", *"de", "space", *"Vries", "enter")
        await pilot.pause()
        assert screen_names(app)[1:] == ["StartScreen"]  # in place of the question
        assert store.get_setting(MANAGER_SETTING) == MANAGER
        assert store.find_person(MANAGER) is not None
        assert people_shown(app) == ["Joris Bakker"]  # the manager is not an employee
        assert app.screen.query_one("#people-list").has_focus
        await pilot.press("f7")  # the name can be changed there, and shows what it is
        await pilot.pause()
        assert app.screen.query_one(Input).value == MANAGER
    app = make_app(store, clock)  # the next start: straight to the start screen
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert screen_names(app)[1:] == ["StartScreen"]


async def test_escape_is_later_the_start_screen_now_and_the_question_next_start(store, clock):
    prepare(store, "Joris Bakker", manager=None)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"Sanne", "escape")  # what was typed is not kept
        await pilot.pause()
        assert screen_names(app)[1:] == ["StartScreen"]
        assert store.get_setting(MANAGER_SETTING) is None
        assert people_shown(app) == ["Joris Bakker"]
        # Put off is put off for this run: back at the start screen, no question on top.
        app.show_start()
        await pilot.pause()
        assert screen_names(app)[1:] == ["StartScreen"]
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ManagerNameScreen)  # asked again
        assert "StartScreen" not in screen_names(app)


async def test_a_start_into_a_running_meeting_does_not_ask(store, clock):
    prepare(store, manager=None)
    person = store.add_person("Joris Bakker")
    conversation = store.create_conversation(person.id, builtin_agenda(Kind.VOORTGANG), 45)
    store.remember_open_meeting(conversation.id)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert screen_names(app)[1:] == ["MeetingScreen"]


async def test_the_question_in_english(store, clock):
    set_language("en")  # conftest sets Dutch again for the next test
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert visible_text(app.screen.query_one(".dialog-title")) == "Welcome to gespreks-tui"
        assert "Escape" in visible_text(app.screen.query_one("#manager-message"))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
