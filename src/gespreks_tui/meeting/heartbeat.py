"""When a running meeting's timer last ticked, without a database write per second.

The timer state goes to the database on a change (phase, pause, resume), with
every note save, and otherwise once a minute (``Meeting.tick``): the stored
``used_seconds`` were true at ``conversations.timer_at``, and a running phase
has gone on since. After a kill -9 a restart must add the time the phase ran
after that moment, but not the time the app was down. That end is this file's
one job: ``<database>-alive`` holds, at byte ``8 * conversation id``, the wall
moment (unix seconds, a little-endian double) of the running timer's latest
tick. One ``pwrite`` a second, no fsync and no SQLite transaction: an idle
meeting costs next to nothing (issue 19), and a crash of the process (not of
the machine) leaves the last second in the page cache, so the restart is
within a second of where the timers were.

The file holds moments only, no personal data; it is owner-only like the
database, and every failure here is silent: without it a restart falls back
to the stored state (at most a minute behind).
"""

from __future__ import annotations

import contextlib
import os
import stat
import struct
from pathlib import Path

_SLOT = struct.Struct("<d")


def alive_file(db_path: Path | str) -> Path:
    """``<real database>-alive`` (symlinks resolved, as for ``presence.side_file``)."""
    return Path(f"{os.path.realpath(db_path)}-alive")


class Heartbeat:
    """The latest tick of each running meeting of one database (see the module)."""

    def __init__(self, db_path: Path | str) -> None:
        self.path = alive_file(db_path)
        self._fd: int | None = None

    def _file(self, create: bool) -> int | None:
        if self._fd is None:
            flags = (os.O_RDWR | (os.O_CREAT if create else 0) | getattr(os, "O_NOCTTY", 0)
                     | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
            try:
                fd = os.open(self.path, flags, 0o600)
            except OSError:
                return None
            try:
                found = os.fstat(fd)
                if not stat.S_ISREG(found.st_mode):
                    raise OSError("not a regular file")
                if found.st_mode & 0o077 and hasattr(os, "fchmod"):  # Windows: no such bits
                    os.fchmod(fd, stat.S_IMODE(found.st_mode) & 0o700)
            except OSError:
                os.close(fd)
                return None
            self._fd = fd
        return self._fd

    def beat(self, conversation_id: int, moment: float) -> None:
        """The timer of ``conversation_id`` ran at ``moment`` (unix seconds)."""
        fd = self._file(create=True)
        if fd is not None:
            with contextlib.suppress(OSError):
                _write_at(fd, _SLOT.pack(moment), 8 * conversation_id)

    def last(self, conversation_id: int) -> float | None:
        """The latest beat of ``conversation_id``; None when there is none."""
        fd = self._file(create=False)
        if fd is None:
            return None
        try:
            data = _read_at(fd, _SLOT.size, 8 * conversation_id)
        except OSError:
            return None
        if len(data) < _SLOT.size:
            return None
        (moment,) = _SLOT.unpack(data)
        return moment if moment > 0 else None

    def close(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None


def _write_at(fd: int, data: bytes, offset: int) -> None:
    if hasattr(os, "pwrite"):
        os.pwrite(fd, data, offset)
    else:  # Windows: one thread beats, so seek-then-write is safe
        os.lseek(fd, offset, os.SEEK_SET)
        os.write(fd, data)


def _read_at(fd: int, size: int, offset: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, size, offset)
    os.lseek(fd, offset, os.SEEK_SET)
    return os.read(fd, size)


def ran_after(stored_at: float | None, beat: float | None, now: float,
              at_most: float) -> float:
    """Seconds a running phase ran after its stored state: from ``stored_at`` to the
    last ``beat`` (not later than ``now``); 0 when either is unknown or out of order.

    Never more than ``at_most``: a running meeting stores its state at least that
    often, so a longer gap is a beat that belongs to another database (one restored
    over this path, or made anew there), not to this conversation.
    """
    if stored_at is None or beat is None or beat <= stored_at:
        return 0.0
    return min(at_most, max(0.0, min(beat, now) - stored_at))
