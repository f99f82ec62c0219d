"""Snapshot tests of the main screens at 80x24 and 120x40 (pytest-textual-snapshot).

Update after an intended visual change with ``pytest tests/test_snapshots.py
--snapshot-update`` and look at the SVGs before committing them.
"""

from __future__ import annotations

import time

import pytest

from gespreks_tui.demo import load_demo
from helpers import make_app, meeting, prepare

SIZES = [(80, 24), (120, 40)]


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def demo_app(store, clock):
    load_demo(store)
    prepare(store)
    return make_app(store, clock)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_start_screen(snap_compare, demo_app, size):
    async def highlight_joris(pilot):
        await pilot.pause()
        pilot.app.screen.query_one("#people-list").highlighted = 1
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=size, run_before=highlight_joris)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_meeting_screen(snap_compare, demo_app, clock, size):
    async def hold_a_meeting(pilot):
        await pilot.pause()
        pilot.app.screen.query_one("#people-list").highlighted = 1
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press(*"Doelen", "space", *"gehaald", "enter", *"Werkdruk")
        await pilot.press("ctrl+n")
        await pilot.pause()
        pilot.app.screen.query_one("#agreement-text").value = "Cursus afronden"
        pilot.app.screen.query_one("#agreement-due").value = "1-3-2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        clock.advance(19 * 60 + 10)
        screen = meeting(pilot.app)
        pilot.app.set_focus(None)  # a blinking cursor would make the picture flaky
        screen.save_all()
        screen.tick()
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=size, run_before=hold_a_meeting)


def test_history_screen(snap_compare, demo_app):
    async def open_history_of_joris(pilot):
        await pilot.pause()
        pilot.app.screen.query_one("#people-list").highlighted = 1
        await pilot.press("f8")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        pilot.app.set_focus(None)
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=(120, 40), run_before=open_history_of_joris)
