"""The start screen by keyboard: a key for every list, Tab in reading order, and the
housekeeping (rename, remove, discard with undo, a second conversation, the
manager's name), driven with Pilot on a real database."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.demo import load_demo
from gespreks_tui.settings import MANAGER_SETTING
from gespreks_tui.tui.screens.name_dialog import NameDialog
from gespreks_tui.tui.screens.question_dialog import QuestionDialog
from gespreks_tui.tui.widgets.key_footer import KeyFooter
from helpers import make_app, prepare, visible_text


def focused_id(app) -> str | None:
    return app.focused.id if app.focused is not None else None


def unfinished(store, name: str, minutes: int = 45):
    person = store.find_person(name)
    return store.create_conversation(person.id, builtin_agenda("voortgang"), minutes)


async def test_every_list_has_a_key(store, clock):
    load_demo(store)
    prepare(store)
    unfinished(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        assert focused_id(app) == "history"
        await pilot.press("f4")
        assert focused_id(app) == "resume-list"
        await pilot.press("f2")
        assert focused_id(app) == "people-list"
        await pilot.press("f5")  # what is due (walk26 W7)
        assert focused_id(app) == "due-list"


async def test_f4_is_offered_only_with_an_unfinished_conversation(store, clock):
    """Nothing unfinished: f4 is not on the key line nor in the palette, and pressing it
    does nothing (walk26 W4: it used to be offered only to say there was nothing)."""
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        line = str(app.screen.query_one(KeyFooter).render())
        assert "f3 Gesprekken" in line and "f4" not in line
        assert "f4" not in app.screen.active_bindings
        assert not any("(f4)" in str(command.help)
                       for command in app.get_system_commands(app.screen))
        await pilot.press("f4")
        assert focused_id(app) == "people-list"
        assert visible_text(app.screen.query_one("#start-message")) == ""
        unfinished(store, "Joris Bakker")  # one appears (the list looks every few seconds)
        app.screen.check_unfinished()
        await pilot.pause()
        assert "f4 Onafgerond" in str(app.screen.query_one(KeyFooter).render())
        await pilot.press("f4")
        assert focused_id(app) == "resume-list"


async def test_tab_goes_in_reading_order(store, clock):
    prepare(store, "Joris Bakker")
    unfinished(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#resume-list").focus()
        await pilot.pause()
        order = [focused_id(app)]
        for _ in range(7):
            await pilot.press("tab")
            order.append(focused_id(app))
        # nothing due: Tab goes past the due list
        assert order == ["resume-list", "new-person", "people-list", "kind", "prep",
                         "minutes", "begin", "history"]


async def test_shift_tab_from_start_never_types_a_digit_into_the_form_path(store, clock):
    """Reported: Shift+Tab from "Start gesprek" landed in "Voorbereiding", and a typed
    2 then became "Kan het formulier 2 niet lezen"."""
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#begin").focus()
        await pilot.press("shift+tab")
        assert focused_id(app) == "minutes"  # the number field beside the button
        await pilot.press("2")
        assert app.screen.query_one("#prep", Input).value == ""
        assert app.screen.query_one("#minutes", Input).value == "2"  # it replaced the 45
        await pilot.press("ctrl+s")  # and 2 minutes is refused where it was typed
        await pilot.pause()
        assert "van 5 tot 480" in visible_text(app.screen.query_one("#start-message"))
        assert store.list_conversations() == []


async def test_rename_an_employee(store, clock):
    prepare(store, "Joris Bakkr")
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("f2")  # the people list has focus: f2 renames the chosen one
        assert isinstance(app.screen, NameDialog)
        field = app.screen.query_one("#name-input", Input)
        assert field.has_focus and field.value == "Joris Bakkr"
        field.value = "Joris Bakker"
        await pilot.press("enter")
        await pilot.pause()
        people = app.screen.query_one("#people-list", OptionList)
        assert str(people.get_option_at_index(0).prompt) == "Joris Bakker"
        assert "Joris Bakker" in visible_text(app.screen.query_one("#start-message"))


async def test_rename_refuses_a_name_someone_has(store, clock):
    prepare(store, "Aylin Yılmaz", "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("f3", "f2", "f2")  # to the list, then rename
        assert isinstance(app.screen, NameDialog)
        app.screen.query_one("#name-input", Input).value = "joris bakker"
        await pilot.press("enter")
        await pilot.pause()
        assert "al iemand" in visible_text(app.screen.query_one("#start-message"))
        assert store.find_person("Aylin Yılmaz") is not None


async def test_remove_a_person_added_by_mistake_but_not_one_with_conversations(store, clock):
    prepare(store, "Jorris", "Joris Bakker")
    unfinished(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        people = app.screen.query_one("#people-list", OptionList)
        people.highlighted = 0  # Joris Bakker, who has a conversation
        await pilot.press("f3", "f2", "delete")
        assert not isinstance(app.screen, QuestionDialog)
        assert "gespreks person erase" in visible_text(app.screen.query_one("#start-message"))
        people.highlighted = 1  # Jorris
        await pilot.press("delete")
        assert isinstance(app.screen, QuestionDialog)
        assert focused_id(app) == "answer-no"  # the first (safe) answer has focus
        await pilot.press("right", "enter")
        await pilot.pause()
        assert store.find_person("Jorris") is None
        assert [p.name for p in store.list_people()] == ["Joris Bakker", "Sanne de Vries"]


async def test_discard_an_unfinished_conversation_and_undo_it(store, clock):
    prepare(store, "Sanne Jansen")
    first = unfinished(store, "Sanne Jansen")
    clock.advance(60)
    second = unfinished(store, "Sanne Jansen", minutes=60)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        resume = app.screen.query_one("#resume-list", OptionList)
        texts = [str(resume.get_option_at_index(i).prompt).replace("\xa0", " ")
                 for i in range(2)]  # "60 min" is kept on one line (no-break space)
        assert texts[0].startswith(f"nr {second.id} ") and "60 min" in texts[0]
        assert texts[1].startswith(f"nr {first.id} ") and "45 min" in texts[1]
        await pilot.press("f4", "delete")
        assert isinstance(app.screen, QuestionDialog)
        await pilot.press("enter")  # "Nee": nothing happens
        await pilot.pause()
        assert resume.option_count == 2
        await pilot.press("delete", "right", "enter")
        await pilot.pause()
        assert resume.option_count == 1  # gone from the list, still in the database
        assert store.get_conversation(second.id).id == second.id
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert resume.option_count == 2
        await pilot.press("f4", "delete", "right", "enter")
        await pilot.pause()
        app.screen.commit_discard()  # the undo time is over
        assert [r.summary.id for r in store.unfinished_overview()] == [first.id]
        await pilot.press("ctrl+z")  # too late: the key is gone from the Footer, and does nothing
        await pilot.pause()
        assert [r.summary.id for r in store.unfinished_overview()] == [first.id]
        assert "start.restore" not in {a.binding.id for a in app.screen.active_bindings.values()
                                       if app.screen.check_action(a.binding.action, ())}


async def test_quitting_carries_out_a_pending_discard(store, clock):
    prepare(store, "Sanne Jansen")
    held = unfinished(store, "Sanne Jansen")
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("f4", "delete", "right", "enter")
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert [c.id for c in store.list_conversations()] == []
    del held


async def test_a_second_conversation_for_the_same_person_asks_first(store, clock):
    prepare(store, "Sanne Jansen")
    running = unfinished(store, "Sanne Jansen")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QuestionDialog)
        assert f"nr {running.id}" in visible_text(app.screen.query_one("#question-explain"))
        assert focused_id(app) == "answer-resume"
        await pilot.press("escape")
        await pilot.pause()
        assert len(store.list_conversations()) == 1
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("right", "enter")  # "Nieuw gesprek"
        await pilot.pause()
        assert len(store.list_conversations()) == 2


async def test_change_the_managers_name(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("f7")
        assert isinstance(app.screen, NameDialog)
        app.screen.query_one("#name-input", Input).value = "Sanne van Dijk"
        await pilot.press("enter")
        await pilot.pause()
        assert store.get_setting(MANAGER_SETTING) == "Sanne van Dijk"
        people = app.screen.query_one("#people-list", OptionList)
        assert [str(people.get_option_at_index(i).prompt)
                for i in range(people.option_count)] == ["Joris Bakker"]
