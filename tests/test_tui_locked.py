"""The screens stay live while another process holds the database's write lock.

Another process takes ``BEGIN IMMEDIATE`` and keeps it. A write from a screen
then waits in a store worker (up to the busy timeout); meanwhile the user goes
on typing, reading the history and moving around, and each of those shows at
once. No wall clock is asserted: the proof is that the UI did all of that while
the write was provably still waiting (its worker still running), and the write
landed only after the lock was released. With a short busy timeout the write
is refused in one line instead, and the app goes on.
"""

from __future__ import annotations

import subprocess
import sys
from contextlib import contextmanager

import pytest
from textual.widgets import Input

from gespreks_tui.catalogue import t
from gespreks_tui.store import Store
from helpers import make_app, meeting, pause_for_messages, prepare, type_text, visible_text


@contextmanager
def write_lock_held(path):
    """Another process holding the write lock (``BEGIN IMMEDIATE``) until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
         "c.execute('begin immediate'); print('locked', flush=True); sys.stdin.read(); "
         "c.execute('rollback')", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.communicate("", timeout=10)


def store_workers(app):
    return [w for w in app.workers if w.group == "store" and not w.is_finished]


@pytest.fixture
def patient_store(db_path, clock):
    opened = Store.open(db_path, clock=clock, busy_timeout=60)
    yield opened
    opened.close()


async def test_typing_and_reading_go_on_while_a_write_waits_for_the_lock(patient_store, clock,
                                                                          db_path):
    store = patient_store
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = meeting(app)
        cid = screen.conversation_id
        with write_lock_held(db_path):
            await pilot.press("ctrl+n")
            await pause_for_messages(pilot)
            app.screen.query_one("#agreement-text", Input).value = "Cursus plannen"
            await pilot.press("ctrl+s")  # save: the write now waits for the lock
            await pause_for_messages(pilot)
            assert store_workers(app), "the agreement's write should be waiting"
            assert app.screen is screen
            # the screen is live: typing shows, reading works, keys move around
            await type_text(pilot, "Joris vertelt over het project")
            await pause_for_messages(pilot)
            assert screen.text_area.text == "Joris vertelt over het project"
            await pilot.press("f8")  # the history: reads on the UI thread
            await pause_for_messages(pilot)
            assert type(app.screen).__name__ == "HistoryScreen"
            await pilot.press("escape")
            await pause_for_messages(pilot)
            assert app.screen is screen
            assert store_workers(app), "the write still waits while all that happened"
            assert store.agreements(cid) == []
        await pilot.pause()  # lock released: the write lands
        assert not store_workers(app)
        assert [a.text for a in store.agreements(cid)] == ["Cursus plannen"]
        assert "Cursus plannen" in visible_text(screen.query_one("#agreement-list").children[0])


async def test_a_write_refused_by_the_lock_is_one_line_and_the_app_goes_on(db_path, clock):
    store = Store.open(db_path, clock=clock, busy_timeout=0.2)
    try:
        prepare(store, "Joris Bakker")
        app = make_app(store, clock)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            with write_lock_held(db_path):
                await pilot.press("ctrl+s")  # begin: refused after the busy timeout
                await pilot.pause()
                message = visible_text(app.screen.query_one("#start-message"))
                assert message == t("db.locked", path=db_path)
                assert type(app.screen).__name__ == "StartScreen"
                assert app.is_running and app.return_code is None
                # adding a person: refused too, and the typed name stays in the field
                app.screen.query_one("#new-person", Input).focus()
                await type_text(pilot, "Aylin Demir")
                await pilot.press("enter")
                await pilot.pause()
                assert app.screen.query_one("#new-person", Input).value == "Aylin Demir"
                assert "bezet" in visible_text(app.screen.query_one("#start-message"))
            # the new name given up: the one chosen before is chosen again
            app.screen.query_one("#new-person", Input).value = ""
            await pilot.pause()
            await pilot.press("ctrl+s")  # free again: the meeting starts
            await pilot.pause()
            assert meeting(app).conversation.employee_name == "Joris Bakker"
    finally:
        store.close()
