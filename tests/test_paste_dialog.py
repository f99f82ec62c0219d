"""A paste over 100 KiB into the notes asks first: insert, insert as a quote, or cancel.

Smaller pastes go in at once. Whatever is inserted is stored exactly as
pasted (tabs, wide characters, blank lines and all); a quote puts "> " before
every line and changes nothing else. The question is in the user's language.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Button

from gespreks_tui import catalogue
from gespreks_tui.model import Visibility
from gespreks_tui.tui.screens.paste_dialog import PasteDialog, size_text
from gespreks_tui.tui.widgets.notes_area import ASK_BYTES as PASTE_ASK_BYTES
from gespreks_tui.tui.widgets.notes_area import quoted
from helpers import make_app, meeting, prepare, saved, visible_text

LINE = "Overleg over ’t project\tmet 字 en émigré — stap {n}\n\n"


def big_paste(size: int = PASTE_ASK_BYTES + 1) -> str:
    text, n = [], 0
    while sum(len(part.encode()) for part in text) < size:
        text.append(LINE.format(n=n))
        n += 1
    return "".join(text) + "slot zonder regeleinde"


async def open_meeting(pilot):
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    return meeting(pilot.app)


async def paste(pilot, text: str) -> None:
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def answer(pilot, *keys: str) -> None:
    """Press ``keys`` in the dialog; wait until a paste of many lines is in (a thread wraps it)."""
    await pilot.press(*keys)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete([w for w in pilot.app.workers
                                               if w.group == "paste"])
    await pilot.pause()


def stored_note(store) -> str:
    [conversation] = store.list_conversations()
    return store.notes(conversation.id)[(0, Visibility.SHARED)]


async def test_a_large_paste_asks_first_with_the_focus_on_insert_and_stores_it_exactly(
        store, clock):
    prepare(store, "Joris Bakker")
    text = big_paste()
    async with make_app(store, clock).run_test(size=(120, 40)) as pilot:
        screen = await open_meeting(pilot)
        await pilot.press("a", "b")
        await paste(pilot, text)
        dialog = pilot.app.screen
        assert isinstance(dialog, PasteDialog)
        assert pilot.app.focused is dialog.query_one("#paste-insert", Button)
        assert "Grote plakactie (100 kB)" in visible_text(dialog.query_one(".dialog-title"))
        assert screen.text_area.text == "ab"  # nothing goes in before the answer
        await answer(pilot, "enter")
        assert pilot.app.screen is screen and screen.text_area.has_focus
        assert screen.text_area.text == "ab" + text
        assert screen.text_area.cursor_location == screen.text_area.document.end
        await saved(pilot)
    assert stored_note(store) == "ab" + text


async def test_insert_as_a_quote_puts_a_marker_before_every_line_and_nothing_else(store, clock):
    prepare(store, "Joris Bakker")
    text = big_paste()
    async with make_app(store, clock).run_test(size=(120, 40)) as pilot:
        screen = await open_meeting(pilot)
        await paste(pilot, text)
        await answer(pilot, "right", "enter")  # the second choice
        await saved(pilot)
    note = stored_note(store)
    assert note == quoted(text)
    assert all(line.startswith("> ") for line in note.split("\n"))
    assert note.replace("> ", "") == text.replace("> ", "")
    assert screen.text_area.text == note


async def test_cancel_leaves_the_note_as_it_was(store, clock):
    prepare(store, "Joris Bakker")
    async with make_app(store, clock).run_test(size=(120, 40)) as pilot:
        screen = await open_meeting(pilot)
        await pilot.press("x")
        await paste(pilot, big_paste())
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert screen.text_area.text == "x"
        await paste(pilot, big_paste())
        await pilot.click("#paste-cancel")
        await pilot.pause()
        assert screen.text_area.text == "x"


async def test_a_paste_up_to_the_threshold_goes_in_at_once(store, clock):
    prepare(store, "Joris Bakker")
    text = big_paste(PASTE_ASK_BYTES - 200)
    text = text[:len(text) - (len(text.encode()) - PASTE_ASK_BYTES)]
    assert len(text.encode()) <= PASTE_ASK_BYTES
    async with make_app(store, clock).run_test(size=(120, 40)) as pilot:
        screen = await open_meeting(pilot)
        await paste(pilot, text)
        assert pilot.app.screen is screen
        assert screen.text_area.text == text
        await saved(pilot)
    assert stored_note(store) == text


async def test_the_question_is_in_english_for_an_english_user(store, clock):
    catalogue.set_language("en")
    prepare(store, "Joris Bakker")
    async with make_app(store, clock).run_test(size=(120, 40)) as pilot:
        await open_meeting(pilot)
        await paste(pilot, "x" * (2 * 1024 * 1024))
        dialog = pilot.app.screen
        assert isinstance(dialog, PasteDialog)
        assert "Large paste (2.0 MB)" in visible_text(dialog.query_one(".dialog-title"))
        assert str(dialog.query_one("#paste-quote", Button).label) == "As a quote"


def test_sizes_read_as_a_person_reads_them():
    assert size_text(150 * 1024) == "150 kB"
    assert size_text(1024 * 1024 + 60_000) == "1,1 MB"
    catalogue.set_language("en")
    assert size_text(3 * 1024 * 1024) == "3.0 MB"


def test_a_quote_keeps_every_line_end_as_it_was():
    assert quoted("a\r\nb\n\nc") == "> a\r\n> b\n> \n> c"
    assert quoted("") == "> "


async def test_keys_typed_while_a_long_paste_is_wrapped_come_after_it(store, clock, monkeypatch):
    """A paste of many lines is wrapped on a thread first; what is typed meanwhile
    goes in at once, and must still read after the paste, as it was typed after it."""
    import threading

    from gespreks_tui.tui.widgets import notes_area

    typed = threading.Event()
    real_wrap = notes_area.wrap_lines

    def wrap_after_the_keys(*args):  # holds the thread until the keys went in
        typed.wait(timeout=30)
        return real_wrap(*args)

    monkeypatch.setattr(notes_area, "wrap_lines", wrap_after_the_keys)
    prepare(store, "Joris Bakker")
    text = "".join(f"regel {n}\n" for n in range(notes_area.PREWRAP_LINES + 10))
    assert len(text.encode()) <= PASTE_ASK_BYTES  # no question: straight to the thread
    async with make_app(store, clock).run_test(size=(120, 40)) as pilot:
        screen = await open_meeting(pilot)
        await pilot.press("a", "b")
        pilot.app.post_message(events.Paste(text))
        await pilot.pause()
        await pilot.press("x", "y")  # typed while the paste waits for its wrapping
        await pilot.pause()
        assert screen.text_area.text == "abxy"
        typed.set()
        await pilot.app.workers.wait_for_complete([w for w in pilot.app.workers
                                                   if w.group == "paste"])
        await pilot.pause()
        assert screen.text_area.text == "ab" + text + "xy"
        await saved(pilot)
    assert stored_note(store) == "ab" + text + "xy"
