"""The start screen, driven with Pilot on a real database."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from gespreks_tui.demo import load_demo
from gespreks_tui.model import Kind
from gespreks_tui.tui.app import MANAGER_SETTING
from helpers import MANAGER, due_text, make_app, prepare, visible_text


def option_texts(option_list: OptionList) -> list[str]:
    return [str(option_list.get_option_at_index(i).prompt)
            for i in range(option_list.option_count)]


async def test_manager_name_is_asked_once_and_remembered(store, clock):
    prepare(store, "Joris Bakker", manager=None)
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen.query_one("#manager-name", Input).has_focus
        await pilot.press("enter")  # empty: refused with a message, dialog stays
        assert "naam" in visible_text(app.screen.query_one("#manager-message"))
        await pilot.press(*"Sanne", "space", *"de", "space", *"Vries", "enter")
        await pilot.pause()
        assert store.get_setting(MANAGER_SETTING) == MANAGER
        people = app.screen.query_one("#people-list", OptionList)
        assert option_texts(people) == ["Joris Bakker"]  # the manager is not an employee
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert not app.screen.query("#manager-name")


async def test_history_of_the_chosen_employee_is_visible(store, clock):
    load_demo(store)
    prepare(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        people = app.screen.query_one("#people-list", OptionList)
        people.highlighted = option_texts(people).index("Joris Bakker")
        await pilot.pause()
        history = option_texts(app.screen.query_one("#history", OptionList))
        # The open agreements themselves (text, owner, due date), then the conversations.
        assert history[0] == "Open afspraken (2)"
        assert history[1] == ("• Klantportaal live met minstens 200 actieve gebruikers\n"
                              "  medewerker · 1 okt 2026")
        assert history[2].endswith("beiden · 30 sep 2026")
        assert history[3] == "Eerdere gesprekken (Enter: openen)"
        assert "voortgangsgesprek" in history[4] and "10 jun 2026" in history[4]
        assert "doelstellingengesprek" in history[5] and "14 jan 2026" in history[5]


async def test_add_employee_and_refuse_empty_name(store, clock):
    prepare(store)
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+n")
        assert app.screen.query_one("#new-person", Input).has_focus
        await pilot.press("enter")
        assert "naam" in visible_text(app.screen.query_one("#start-message"))
        await pilot.press(*"Aylin", "space", "Y", "ı", *"lmaz", "enter")
        await pilot.pause()
        assert store.find_person("Aylin Yılmaz") is not None
        people = app.screen.query_one("#people-list", OptionList)
        assert option_texts(people) == ["Aylin Yılmaz"]
        assert people.has_focus


async def test_bad_length_is_refused_in_place(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        minutes = app.screen.query_one("#minutes", Input)
        minutes.value = "0"
        await pilot.press("ctrl+s")
        assert "5 tot 480" in visible_text(app.screen.query_one("#start-message"))
        assert store.list_conversations() == []
        assert minutes.value == "0"  # what was typed is still there


async def test_kind_and_length_scale_the_phases(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.click("#kind-functionering")
        assert app.screen.query_one("#minutes", Input).value == "60"
        app.screen.query_one("#minutes", Input).value = "90"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (summary,) = store.list_conversations()
    conversation = store.get_conversation(summary.id)
    assert conversation.kind == Kind.FUNCTIONERING
    assert [p.name for p in conversation.phases] == [
        "Terugblik", "Wederzijdse feedback", "Ontwikkeling", "Afspraken"]
    assert sum(p.planned_seconds for p in conversation.phases) == 90 * 60
    assert conversation.manager_name == MANAGER


async def test_unfinished_conversation_is_offered_for_resuming(store, clock):
    prepare(store, "Joris Bakker")
    from gespreks_tui.agendas import builtin_agenda

    joris = store.find_person("Joris Bakker")
    started = store.create_conversation(joris.id, builtin_agenda("voortgang"), 45)
    clock.advance(5 * 60)
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        resume = option_texts(app.screen.query_one("#resume-list", OptionList))
        assert [line.replace("\u00a0", " ") for line in resume] == [
            f"nr {started.id} · 2 nov 2026 · voortgangsgesprek met Joris Bakker"
            " · 45 min · gewijzigd 5 minuten geleden"]
        assert "45\u00a0min" in resume[0]  # never split over two lines (walk25 F21)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.screen.conversation_id == started.id


async def test_start_screen_lists_what_is_overdue_or_due(store, clock):
    load_demo(store)
    prepare(store)
    app = make_app(store, clock)  # today is 2 Nov 2026
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        due = due_text(app)
        assert "33 dagen te laat · Joris Bakker" in due  # due 30 Sep 2026
        assert "Klantportaal live" in due


async def test_the_resumed_notice_passes_as_quickly_as_the_other_notices(store, clock):
    """Reported: "Verder met het gesprek…" stayed over the foot of the goals pane; it
    goes after as long as "Gesprek heropend" does (4 s), not later."""
    from gespreks_tui.agendas import builtin_agenda

    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker")
    running = store.create_conversation(joris.id, builtin_agenda(Kind.VOORTGANG), 45)
    store.remember_open_meeting(running.id)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        (notice,) = [n for n in app._notifications if "Verder met het gesprek" in n.message]
        assert notice.timeout <= 4
