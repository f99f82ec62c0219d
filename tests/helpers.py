"""Helpers for the Pilot tests: an app on a real database with a fake clock."""

from __future__ import annotations

from textual.pilot import Pilot

from gespreks_tui.tui.app import MANAGER_SETTING, GesprekApp

# Textual's own pause (messages only), taken before conftest makes ``pilot.pause``
# wait for store workers as well: for a test that needs a write to stay waiting.
_textual_pause = Pilot.pause


async def pause_for_messages(pilot) -> None:
    """Let the app handle its messages, without waiting for store workers."""
    await _textual_pause(pilot)

MANAGER = "Sanne de Vries"


def prepare(store, *employees: str, manager: str | None = MANAGER) -> None:
    """A database as a manager who has used the app before would have it."""
    if manager:
        store.set_setting(MANAGER_SETTING, manager)
        store.add_person(manager)
    for name in employees:
        store.add_person(name)


def make_app(store, clock) -> GesprekApp:
    return GesprekApp(store, clock=clock, autosave_delay=0.05)


def meeting(app):
    """The meeting screen, wherever it is in the stack."""
    from gespreks_tui.tui.screens.meeting import MeetingScreen

    for screen in reversed(app.screen_stack):
        if isinstance(screen, MeetingScreen):
            return screen
    raise AssertionError(f"no meeting screen in {app.screen_stack}")


async def type_text(pilot, text: str) -> None:
    """Type like a person: one key per character (newlines as Enter)."""
    keys = ["enter" if ch == "\n" else ("space" if ch == " " else ch) for ch in text]
    await pilot.press(*keys)


async def saved(pilot) -> None:
    """Let pending autosaves reach the database."""
    await pilot.pause()
    meeting(pilot.app).save_all()
    await pilot.pause()


def visible_text(widget) -> str:
    """The plain text a Static/Label shows (a no-break space, which keeps a date or "60
    min" on one line, is read as the space it looks like)."""
    return str(widget.render()).replace("\xa0", " ")


async def answer_paste_question(pilot) -> None:
    """A notes paste over 100 KiB is asked about first (issue 19): enter inserts it as
    pasted; one of many lines is wrapped on a thread before it goes in."""
    await pilot.press("enter")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete([w for w in pilot.app.workers
                                               if w.group == "paste"])
    await pilot.pause()


def due_text(app) -> str:
    """The lines of the start screen's "Te laat of bijna" list (its options), as read."""
    from textual.content import Content

    due = app.screen.query_one("#due-list")
    return "\n".join(Content.from_markup(str(due.get_option_at_index(n).prompt)).plain
                     for n in range(due.option_count)).replace("\xa0", " ")
