"""The claims on every system: the Windows path (``msvcrt``), and the database claim.

Windows cannot be run here, so its path is driven through a stand-in for
``msvcrt`` that locks what ``msvcrt.locking`` would lock (``nbytes`` from the
file position) with POSIX record locks: a real process on the other side,
using the POSIX path, sees the same bytes taken. What is tested is our half:
the seek before each lock, the offsets, and the answers built on them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from gespreks_tui import presence
from gespreks_tui.presence import RUNNING_BASE, Presence
from helpers import make_app

fcntl = pytest.importorskip("fcntl")


class StandInMsvcrt:
    """``msvcrt.locking`` semantics on POSIX locks; records (mode, position, nbytes)."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        self.calls: list[tuple[int, int, int]] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        position = os.lseek(fd, 0, os.SEEK_CUR)
        self.calls.append((mode, position, nbytes))
        if mode == self.LK_NBLCK:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, nbytes, position)  # OSError if taken
        elif mode == self.LK_UNLCK:
            fcntl.lockf(fd, fcntl.LOCK_UN, nbytes, position)


class OtherCopy:
    """Another process on the POSIX path: holds the database and ``meetings``."""

    def __init__(self, db_path, *meetings: int) -> None:
        code = textwrap.dedent(f"""
            import time
            from gespreks_tui.presence import Presence
            p = Presence({str(db_path)!r})
            print(p.hold_database() and all(p.claim(m) for m in {list(meetings)!r}), flush=True)
            time.sleep(60)
        """)
        self.process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                                        text=True)
        assert self.process.stdout.readline().strip() == "True"

    def end(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)


@pytest.fixture
def windows(monkeypatch) -> StandInMsvcrt:
    stand_in = StandInMsvcrt()
    monkeypatch.setattr(presence, "fcntl", None)
    monkeypatch.setattr(presence, "msvcrt", stand_in)
    return stand_in


def test_on_windows_a_meeting_of_another_copy_is_seen(tmp_path, windows):
    db = tmp_path / "g.db"
    other = OtherCopy(db, 7)
    here = Presence(db)
    try:
        assert here.open_elsewhere(7) and not here.claim(7)
        assert here.claim(8)
        assert here.database_in_use()
        assert (windows.LK_NBLCK, 7, 1) in windows.calls
        assert (windows.LK_NBLCK, 8, 1) in windows.calls
        assert (windows.LK_NBLCK, RUNNING_BASE, 1) in windows.calls
        here.release(8)
        assert windows.calls[-1] == (windows.LK_UNLCK, 8, 1)
        other.end()  # the system drops its locks with the process
        assert not here.open_elsewhere(7) and not here.database_in_use()
    finally:
        here.close()
        if other.process.poll() is None:
            other.end()


def test_on_windows_this_copy_holds_the_database_for_the_others(tmp_path, windows):
    db = tmp_path / "g.db"
    here = Presence(db)
    try:
        assert here.hold_database() and here.claim(3)
        probe = subprocess.run(
            [sys.executable, "-c", "from gespreks_tui.presence import Presence; "
             f"p = Presence({str(db)!r}); print(p.database_in_use(), p.open_elsewhere(3))"],
            capture_output=True, text=True, timeout=30)
        assert probe.stdout.split() == ["True", "True"]
    finally:
        here.close()


def test_without_any_lock_every_claim_succeeds(tmp_path, monkeypatch):
    monkeypatch.setattr(presence, "fcntl", None)
    monkeypatch.setattr(presence, "msvcrt", None)
    here = Presence(tmp_path / "g.db")
    assert here.claim(1) and not here.open_elsewhere(1)
    assert not here.hold_database() and not here.database_in_use()
    assert not (tmp_path / "g.db-open").exists()


def test_copies_take_their_own_running_slot(tmp_path):
    db = tmp_path / "g.db"
    first, second = OtherCopy(db), OtherCopy(db)
    here = Presence(db)
    try:
        assert here.database_in_use()
        first.end()
        assert here.database_in_use()  # the second copy still runs
        second.end()
        assert not here.database_in_use()
    finally:
        here.close()
        for copy in (first, second):
            if copy.process.poll() is None:
                copy.end()


def in_use_elsewhere(db_path) -> bool:
    """Asked by another process, as ``gespreks restore`` would ask."""
    probe = subprocess.run(
        [sys.executable, "-c", "from gespreks_tui.presence import Presence; "
         f"print(Presence({str(db_path)!r}).database_in_use())"],
        capture_output=True, text=True, timeout=30)
    return {"True": True, "False": False}[probe.stdout.strip()]


async def test_a_running_app_holds_its_database(store, clock):
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert in_use_elsewhere(store.path)
    assert not in_use_elsewhere(store.path)  # given up when the app ends
