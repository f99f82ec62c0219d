"""Which meetings are on screen in some copy of the app right now.

Two copies of the app on one database may each hold a meeting, but never the
same one: both would autosave the same note, and the last writer would wipe
what the other typed. A copy that opens a meeting claims it with an advisory
lock on one byte (at the conversation's id) of a small side file next to the
database, ``<database>-open``. The operating system drops the lock when the
copy exits, however it exits (kill -9 included), so nothing is ever left
stale. The side file is empty and holds no personal data; it is created
owner-only like the database (and made so if it was not).

The side file is named after the real file, symlinks resolved: a copy on
``link.db -> real.db`` and a copy on ``real.db`` claim in one side file. Only
the side file is ever opened here, never the database: closing any descriptor
of a file drops every POSIX lock the process holds on it, SQLite's included.

Where POSIX record locks do not exist (Windows), every claim succeeds: the
app then works as before, without the guard.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]


def side_file(db_path: Path | str) -> Path:
    """``<real database>-open``: every name for the database (a symlink, ``./x``,
    ``../dir/x``) leads to the same side file, so to the same claims.

    (A second hard name is refused when the database is opened: ``db.check_kind``.)
    """
    return Path(f"{os.path.realpath(db_path)}-open")


def _owner_only_file(fd: int) -> bool:
    """A regular file, made owner-only if it was not (opening the store already did
    that, and said so); False for anything else (a FIFO put in its place)."""
    try:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):
            return False
        if found.st_mode & 0o077:
            os.fchmod(fd, stat.S_IMODE(found.st_mode) & 0o700)
    except OSError:
        return False
    return True


class Presence:
    """Claims on meetings held by this process (one open file, one locked byte each)."""

    def __init__(self, db_path: Path | str) -> None:
        self.path = side_file(db_path)
        self._fd: int | None = None
        self._holders: dict[int, int] = {}  # meeting -> screens of this copy that hold it

    def _file(self) -> int | None:
        if self._fd is None and fcntl is not None:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | os.O_NOCTTY,
                             0o600)
            except OSError:  # a read-only folder: the database says so itself
                return None
            if not _owner_only_file(fd):
                os.close(fd)
                return None
            self._fd = fd
        return self._fd

    @property
    def claimed(self) -> set[int]:
        return set(self._holders)

    def claim(self, conversation_id: int) -> bool:
        """Take the meeting for this copy; False if another copy has it open now.

        One copy may show the same meeting twice (from its history); each
        ``claim`` then needs its own ``release`` before the lock goes.
        """
        if conversation_id not in self._holders:
            fd = self._file()
            if fd is not None:
                try:
                    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, conversation_id)
                except OSError:
                    return False
        self._holders[conversation_id] = self._holders.get(conversation_id, 0) + 1
        return True

    def release(self, conversation_id: int) -> None:
        holders = self._holders.get(conversation_id, 0)
        if holders > 1:
            self._holders[conversation_id] = holders - 1
            return
        if not holders:
            return
        del self._holders[conversation_id]
        if self._fd is not None:
            with contextlib.suppress(OSError):
                fcntl.lockf(self._fd, fcntl.LOCK_UN, 1, conversation_id)

    def open_elsewhere(self, conversation_id: int) -> bool:
        """Is the meeting on screen in another copy of the app?"""
        if conversation_id in self._holders:
            return False
        if not self.claim(conversation_id):
            return True
        self.release(conversation_id)
        return False

    def close(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)  # drops every lock this process holds on the file
            self._fd = None
        self._holders.clear()
