"""Snapshots of the start and minutes screens and every dialog, at 80x24 and 120x40.

Each scenario is a ``setup(store, clock)`` and a ``run(pilot, clock)``; the
same ones can be rendered to PNG by hand to look at them (rsvg-convert).
Update after an intended visual change with ``pytest tests/test_snapshots_screens.py
--snapshot-update`` and look at every picture before committing it.
"""

from __future__ import annotations

import time

import pytest

from gespreks_tui.agendas import load_agenda
from gespreks_tui.demo import load_demo
from gespreks_tui.model import Kind
from helpers import make_app, prepare

SIZES = [(80, 24), (120, 40)]
JORIS = 1  # the demo's employee with a year of history, second in the list


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


# -- data ------------------------------------------------------------------------
def first_start(store, clock) -> None:
    """A first start: nothing in the database, not even the manager's name."""


def empty(store, clock) -> None:
    """The manager's name is known; no employees yet."""
    prepare(store)


def demo(store, clock) -> None:
    load_demo(store)
    prepare(store)


def demo_with_unfinished(store, clock) -> None:
    """Two unfinished conversations with one person: they must read differently."""
    demo(store, clock)
    sanne = store.add_person("Sanne Jansen")
    for kind, minutes in ((Kind.VOORTGANG, 45), (Kind.FUNCTIONERING, 60)):
        agenda, _ = load_agenda(kind, "nl")
        store.create_conversation(sanne.id, agenda, minutes)
        clock.advance(6 * 60)


def concluded(store, clock) -> None:
    demo(store, clock)
    joris = store.find_person("Joris Bakker")
    conversation = store.list_conversations(joris.id)[0]
    store.reopen(conversation.id)
    store.conclude(conversation.id, "2027-05-01")


# -- what is on screen ----------------------------------------------------------
async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def still(pilot) -> None:
    """No blinking cursor and no toasts: the picture is the same every run."""
    from textual.widgets import Input, TextArea

    pilot.app.clear_notifications()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await settle(pilot)


async def start_screen(pilot, clock) -> None:
    await settle(pilot)
    await still(pilot)


async def start_joris(pilot, clock) -> None:
    await settle(pilot)
    pilot.app.screen.query_one("#people-list").highlighted = JORIS
    await still(pilot)


async def minutes_screen(pilot, clock) -> None:
    await settle(pilot)
    screen = pilot.app.screen
    screen.query_one("#people-list").highlighted = JORIS
    await settle(pilot)
    conversation = pilot.app.store.list_conversations(
        pilot.app.store.find_person("Joris Bakker").id)[0]
    pilot.app.open_meeting(conversation.id)
    await settle(pilot)
    await pilot.press("f5")
    await settle(pilot)
    pilot.app.screen.query_one("#revisions").focus()
    await still(pilot)


def on_minutes(key: str):
    async def run(pilot, clock) -> None:
        await minutes_screen(pilot, clock)
        await pilot.press(key)
        await still(pilot)
    return run


async def manager_name(pilot, clock) -> None:
    await settle(pilot)
    await still(pilot)


async def history(pilot, clock) -> None:
    await start_joris(pilot, clock)
    await pilot.press("f8")
    await still(pilot)


async def discard_question(pilot, clock) -> None:
    await settle(pilot)
    await pilot.press("f4", "delete")
    await still(pilot)


async def second_question(pilot, clock) -> None:
    await settle(pilot)
    people = pilot.app.screen.query_one("#people-list")
    people.highlighted = people.get_option_index(
        str(pilot.app.store.find_person("Sanne Jansen").id))
    await pilot.press("ctrl+s")
    await still(pilot)


async def rename(pilot, clock) -> None:
    await start_joris(pilot, clock)
    await pilot.press("f2")  # the people list has focus: f2 renames
    await still(pilot)


async def keys(pilot, clock) -> None:
    await start_joris(pilot, clock)
    pilot.app.show_keys(pilot.app.screen)
    await still(pilot)


SCENARIOS = {
    "start_empty": (empty, start_screen),
    "start_demo": (demo, start_joris),
    "start_unfinished": (demo_with_unfinished, start_screen),
    "discard_dialog": (demo_with_unfinished, discard_question),
    "second_dialog": (demo_with_unfinished, second_question),
    "rename_dialog": (demo, rename),
    "manager_name_dialog": (first_start, manager_name),
    "history": (demo, history),
    "keys_dialog": (demo, keys),
    "minutes": (concluded, minutes_screen),
    "export_dialog": (concluded, on_minutes("e")),
    "confirm_dialog": (concluded, on_minutes("b")),
    "handover_dialog": (concluded, on_minutes("u")),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_screen(snap_compare, store, clock, scenario, size):
    setup, run = SCENARIOS[scenario]
    setup(store, clock)

    async def run_before(pilot) -> None:
        await run(pilot, clock)

    assert snap_compare(make_app(store, clock), terminal_size=size, run_before=run_before)
