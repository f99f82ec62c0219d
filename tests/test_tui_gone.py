"""A meeting whose conversation leaves the database while it is on screen.

Another process removes the conversation (as an erase or a purge by an older
copy would). The app must say so at once, never show "Opgeslagen" for it, keep
what was typed on screen, refuse new agreements with one line, and keep the
text in an owner-only file on f7.
"""

from __future__ import annotations

import stat
import subprocess
import sys
import time

from textual import events
from textual.widgets import Input

from gespreks_tui.catalogue import t
from helpers import make_app, meeting, prepare, saved, type_text


def remove_conversation(path, conversation_id: int) -> None:
    """Another process deletes the conversation (its phases and notes go with it)."""
    subprocess.run(
        [sys.executable, "-c",
         "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
         "c.execute('pragma foreign_keys = on'); "
         "c.execute('delete from conversations where id = ?', (int(sys.argv[2]),)); c.commit()",
         str(path), str(conversation_id)], check=True, timeout=30)


def status(screen) -> str:
    return screen.notes.save_status


async def wait_for(pilot, check, what: str, timeout: float = 6.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        await pilot.pause(0.05)


async def test_a_vanished_conversation_is_said_at_once_and_the_text_can_be_kept(
        store, clock, db_path):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = meeting(app)
        cid = screen.conversation_id
        await type_text(pilot, "Eerste zin")
        await saved(pilot)
        assert status(screen).startswith("Opgeslagen")
        assert not screen.check_action("rescue", ())  # nothing to rescue yet

        remove_conversation(db_path, cid)
        app.post_message(events.Paste("\nwat daarna getypt wordt"))
        await wait_for(pilot, lambda: screen.gone, "the app noticing the conversation is gone")
        await pilot.pause()
        assert status(screen).startswith("NIET opgeslagen")
        assert t("conversation.gone", id=cid) in status(screen)
        assert any(t("conversation.gone", id=cid) in str(n.message)
                   for n in app._notifications)
        assert screen.text_area.text == "Eerste zin\nwat daarna getypt wordt"  # still there

        # a new agreement: refused in one line, the form comes back with the text
        await pilot.press("ctrl+n")
        await pilot.pause()
        app.screen.query_one("#agreement-text", Input).value = "Cursus plannen"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#agreement-text", Input).value == "Cursus plannen"
        assert app.is_running
        await pilot.press("escape")
        await pilot.pause()

        # ctrl+s keeps everything typed in an owner-only file next to the database
        assert screen.check_action("rescue", ())
        await pilot.press("ctrl+s")
        await pilot.pause()
        kept = sorted(db_path.parent.glob(f"gesprek-{cid}-tekst-*.md"))
        assert len(kept) == 1
        assert stat.S_IMODE(kept[0].stat().st_mode) == 0o600
        text = kept[0].read_text(encoding="utf-8")
        assert "Eerste zin\nwat daarna getypt wordt" in text
        assert "Joris Bakker" in text
        assert any(str(kept[0]) in str(n.message) for n in app._notifications)
        assert not status(screen).startswith("Opgeslagen")
