"""Going on where the app stopped: a meeting still open at quit (or crash) opens by itself."""

from __future__ import annotations

from gespreks_tui.store import Store
from gespreks_tui.tui.app import GesprekApp
from gespreks_tui.tui.screens.meeting import MeetingScreen
from gespreks_tui.tui.screens.start import StartScreen
from helpers import make_app, meeting, prepare, saved, type_text


async def start_and_quit(db_path, clock, after=None) -> int:
    """Start a meeting, type a note, run ``after(pilot)``, quit with ctrl+q; its id."""
    store = Store.open(db_path, clock=clock)
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await type_text(pilot, "Eerste punt")
        await saved(pilot)
        conversation_id = meeting(app).conversation_id
        if after is not None:
            await after(pilot)
        await pilot.press("ctrl+q")
    store.close()
    return conversation_id


async def first_screen(db_path, clock):
    """The screen a new run of the app shows first, with what the notes pane holds."""
    store = Store.open(db_path, clock=clock)
    try:
        app = make_app(store, clock)
        async with app.run_test() as pilot:
            await pilot.pause()
            screen = app.screen
            text = screen.text_area.text if isinstance(screen, MeetingScreen) else None
            toasts = [str(n.message) for n in app._notifications]
            return type(screen), getattr(screen, "conversation_id", None), text, toasts
    finally:
        store.close()


async def test_quitting_during_a_meeting_reopens_it_next_time(db_path, clock):
    conversation_id = await start_and_quit(db_path, clock)
    kind, shown_id, text, toasts = await first_screen(db_path, clock)
    assert kind is MeetingScreen and shown_id == conversation_id
    assert text == "Eerste punt"
    assert any("Verder met het gesprek" in toast for toast in toasts)


async def test_leaving_the_meeting_first_means_the_start_screen_next_time(db_path, clock):
    async def leave(pilot):
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, StartScreen)

    await start_and_quit(db_path, clock, after=leave)
    kind, *_ = await first_screen(db_path, clock)
    assert kind is StartScreen


async def test_a_concluded_meeting_is_not_reopened(db_path, clock):
    async def conclude(pilot):
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()

    conversation_id = await start_and_quit(db_path, clock, after=conclude)
    store = Store.open(db_path, clock=clock)
    assert not store.get_conversation(conversation_id).is_open
    store.close()
    kind, *_ = await first_screen(db_path, clock)
    assert kind is StartScreen


async def test_escape_from_a_resumed_meeting_reaches_a_working_start_screen(db_path, clock):
    conversation_id = await start_and_quit(db_path, clock)
    store = Store.open(db_path, clock=clock)
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert app.screen_stack[1:] == [app.screen]  # the meeting made way: nothing left over
        await pilot.press("ctrl+r")  # and the meeting can be taken up again from there
        await pilot.pause()
        assert meeting(app).conversation_id == conversation_id
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
    store.close()


def test_the_store_forgets_a_meeting_that_was_erased(tmp_path, clock):
    from gespreks_tui.agendas import builtin_agenda
    from gespreks_tui.model import Kind

    store = Store.open(tmp_path / "g.db", clock=clock)
    try:
        person = store.add_person("Joris Bakker")
        c = store.create_conversation(person.id, builtin_agenda(Kind.VOORTGANG), 45)
        store.remember_open_meeting(c.id)
        assert store.meeting_to_resume() == c.id
        store.erase_person(person.id)
        assert store.meeting_to_resume() is None
        store.remember_open_meeting(None)
        assert store.get_setting("ui.open_meeting") is None
    finally:
        store.close()


async def test_with_a_preparation_form_the_app_opens_on_the_start_screen(db_path, clock,
                                                                         tmp_path):
    """`gespreks --prep FORM` means: start a new conversation with this form."""
    await start_and_quit(db_path, clock)
    store = Store.open(db_path, clock=clock)
    try:
        app = GesprekApp(store, clock=clock, autosave_delay=0.05,
                         prep_path=str(tmp_path / "form.md"))
        async with app.run_test() as pilot:
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
            assert app.screen.query_one("#prep").value.endswith("form.md")
    finally:
        store.close()


async def test_a_meeting_left_long_ago_is_offered_not_opened(db_path, clock):
    await start_and_quit(db_path, clock)
    clock.advance(11 * 3600)  # the same working day: straight back in
    kind, *_ = await first_screen(db_path, clock)
    assert kind is MeetingScreen
    clock.advance(13 * 3600)  # the next day: the start screen, which offers it
    kind, *_ = await first_screen(db_path, clock)
    assert kind is StartScreen
