"""Autosave: the cost of one save, and how long after a keystroke the change is durable.

* ``save_cost``: ``Store.save_note`` of a 1,000-line note on the one kept-open
  connection (WAL, ``synchronous = full``, so every commit is fsynced), each
  save a slightly different text; wall-clock per call.
* ``durability``: the real meeting screen (autosave on, the app's default
  delay) under ``run_test``; one key is posted to the notes, and a thread
  polls the database through a separate read-only connection until the new
  text is there. A committed transaction under ``synchronous = full`` is on
  disk. One key after a quiet spell is the worst case: the autosave timer
  starts at the first change, so the last key of a burst waits less.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

from common import median, percentile
from fixtures import note_text, typing_store

_NOTE_SQL = ("select n.body from notes n join phases p on p.id = n.phase_id "
             "where p.conversation_id = ? and p.position = 0 and n.visibility = 'shared'")


def save_cost(db: Path, saves: int, lines: int = 1000) -> dict:
    store, cid = typing_store(db, lines)
    try:
        body = note_text(lines)
        times = []
        for i in range(saves):
            body += "x" if i % 50 else "\n"
            start = time.perf_counter()
            store.save_note(cid, 0, "shared", body)
            times.append(time.perf_counter() - start)
        return {"median": median(times), "p99": percentile(times, 99), "n": saves,
                "bytes": len(body.encode())}
    finally:
        store.close()


def _poll(db: Path, cid: int, length: int, timeout: float = 10.0) -> float:
    """perf_counter when the stored note reaches ``length`` characters (nan: never)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)
    try:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            row = conn.execute(_NOTE_SQL, [cid]).fetchone()
            if row and len(row[0]) >= length:
                return time.perf_counter()
            time.sleep(0.002)
        return float("nan")
    finally:
        conn.close()


async def _durability(db: Path, trials: int, lines: int) -> tuple[list[float], float]:
    from textual import events

    from gespreks_tui.tui.app import GesprekApp
    from gespreks_tui.tui.screens.meeting import MeetingScreen

    store, cid = typing_store(db, lines)
    app = GesprekApp(store)  # the app's default autosave delay
    delays = []
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await app.push_screen(MeetingScreen(cid))
            await pilot.pause()
            screen = app.screen
            area = screen.text_area
            area.move_cursor(area.document.end)
            screen.save_all()  # start from a quiet, fully saved state
            await asyncio.sleep(app.autosave_delay + 0.2)
            for i in range(trials):
                expected = len(area.text) + 1
                event = events.Key("abcdefghij"[i % 10], "abcdefghij"[i % 10])
                event.set_sender(app)
                posted = time.perf_counter()
                app.post_message(event)
                seen = await asyncio.to_thread(_poll, db, cid, expected)
                delays.append(seen - posted)
                await asyncio.sleep(0.3)  # a pause in typing
            screen.save_all()
        return delays, app.autosave_delay
    finally:
        store.close()


def durability(db: Path, trials: int, lines: int = 1000) -> dict:
    delays, delay_setting = asyncio.run(_durability(db, trials, lines))
    return {"median": median(delays), "max": max(delays), "n": len(delays),
            "autosave_delay": delay_setting}
