"""kill -9 during an erasure leaves all or nothing (issue 15).

The real ``gespreks person erase`` runs as a subprocess with the test-only
pause point of ``store.secure_delete.pause_point`` (``$GESPREKS_TEST_PAUSE``):
it says ``paused at NAME`` on stderr and blocks on a FIFO nobody writes to,
and the test kills it with SIGKILL there. Then, read through a fresh
connection:

- ``PRAGMA integrity_check`` is ok;
- killed while redacting (half the chosen texts replaced, a minutes revision
  issued) or with all work done but not committed: the database is exactly
  as before, byte for byte in every text column;
- killed after the commit, before VACUUM: it is exactly the state an
  uninterrupted erasure of a copy leaves (moments aside).
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import sqlite3
import subprocess
from pathlib import Path

import pytest

from gespreks_tui.clock import FakeClock
from gespreks_tui.minutes import publish
from gespreks_tui.model import Visibility
from gespreks_tui.store import Store
from gespreks_tui.store.secure_delete import PAUSE_ENV
from test_privacy_mentions import aylin_conversation

PAUSE_TIMEOUT = 60.0


def dump(db: Path) -> dict[tuple[str, int, str], object]:
    """Every value of every table (moments left out: a rerun has other ones)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        out: dict[tuple[str, int, str], object] = {}
        for (table,) in conn.execute("select name from sqlite_master where type = 'table' "
                                     "and name not like 'sqlite_%'").fetchall():
            cursor = conn.execute(f'select rowid, * from "{table}"')
            names = [d[0] for d in cursor.description]
            for row in cursor:
                for name, value in zip(names[1:], row[1:], strict=True):
                    if not name.endswith("_at"):
                        out[(table, row[0], name)] = value
        return out
    finally:
        conn.close()


@pytest.fixture
def mentioned_db(demo_db: Path) -> Path:
    """The demo, plus Aylin's issued minutes and records that mention Joris."""
    store = Store.open(demo_db, clock=FakeClock())
    try:
        cid = aylin_conversation(store)
        store.save_note(cid, 0, Visibility.SHARED, "Joris Bakker helpt haar met de planning.")
        store.add_agreement(cid, "Samen met Joris het portaal testen")
        store.conclude(cid, None)
        minutes = publish(store, cid)
        store.confirm(cid, minutes.revision, "employee", "Aylin Yılmaz", "akkoord",
                      "Dank aan Joris.")
    finally:
        store.close()
    return demo_db


def erase_until(db: Path, point: str, script: Path, env: dict[str, str],
                tmp_path: Path) -> subprocess.Popen:
    """Start the erasure with pause point ``point``; return once it paused there."""
    fifo = tmp_path / f"pause-{point}"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [str(script), "person", "erase", "Joris Bakker", "--redact", "all", "--yes",
         "--db", str(db)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**env, PAUSE_ENV: f"{point}:{fifo}"})
    seen = b""
    assert process.stderr is not None
    while f"paused at {point}".encode() not in seen:
        ready, _, _ = select.select([process.stderr], [], [], PAUSE_TIMEOUT)
        chunk = os.read(process.stderr.fileno(), 4096) if ready else b""
        if not chunk:
            process.kill()
            process.wait()
            pytest.fail(f"never paused at {point}: {seen.decode(errors='replace')}")
        seen += chunk
    return process


@pytest.mark.parametrize(("point", "committed"), [
    ("erase.redacting", False), ("erase.commit", False), ("compact", True)])
def test_kill_9_during_an_erasure_leaves_all_or_nothing(
        mentioned_db: Path, gespreks_script: Path, clean_env: dict[str, str],
        tmp_path: Path, point: str, committed: bool):
    reference = tmp_path / "reference.db"
    shutil.copyfile(mentioned_db, reference)
    before = dump(mentioned_db)
    done = subprocess.run([str(gespreks_script), "person", "erase", "Joris Bakker",
                           "--redact", "all", "--yes", "--db", str(reference)],
                          capture_output=True, text=True, env=clean_env, check=False)
    assert done.returncode == 0, done.stderr
    after = dump(reference)
    assert after != before

    process = erase_until(mentioned_db, point, gespreks_script, clean_env, tmp_path)
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL
    assert process.stderr is not None
    process.stderr.close()

    state = dump(mentioned_db)  # integrity_check inside
    assert state == (after if committed else before)
    store = Store.open(mentioned_db, clock=FakeClock())  # and the app opens it as usual
    try:
        assert (store.find_person("Joris Bakker") is None) is committed
    finally:
        store.close()


def test_the_pause_point_does_nothing_without_the_variable(monkeypatch):
    from gespreks_tui.store.secure_delete import pause_point

    monkeypatch.delenv(PAUSE_ENV, raising=False)
    pause_point("compact")  # returns at once
    monkeypatch.setenv(PAUSE_ENV, "other:/nonexistent")
    pause_point("compact")  # another point: returns at once
