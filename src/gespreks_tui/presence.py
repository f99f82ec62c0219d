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

On Windows, where there are no POSIX record locks, the same byte is locked
with ``msvcrt.locking`` (``LockFile``), which the system likewise drops with
the process; only ``_lock_byte`` and ``_unlock_byte`` know the difference.

Besides the meetings, a running app holds the database itself: one byte of
``RUNNING_SLOTS`` far above any conversation id (``hold_database``). Exclusive
locks serve both systems (Windows has no shared ones through ``msvcrt``), so
each copy takes a free slot, and ``database_in_use`` (``gespreks restore``, the
``info`` command) tries them all.
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
try:
    import msvcrt
except ImportError:  # not Windows
    msvcrt = None  # type: ignore[assignment]

RUNNING_BASE = 1 << 40  # conversation ids never come near; a position every file system seeks to
RUNNING_SLOTS = 64  # copies of the app on one database that can say they are running


def _lock_byte(fd: int, offset: int) -> bool:
    """Lock one byte at ``offset`` for this process, without waiting; False if taken."""
    try:
        if fcntl is not None:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, offset)
        elif msvcrt is not None:
            os.lseek(fd, offset, os.SEEK_SET)  # msvcrt locks from the file position
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


def _unlock_byte(fd: int, offset: int) -> None:
    with contextlib.suppress(OSError):
        if fcntl is not None:
            fcntl.lockf(fd, fcntl.LOCK_UN, 1, offset)
        elif msvcrt is not None:
            os.lseek(fd, offset, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


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
        if found.st_mode & 0o077 and hasattr(os, "fchmod"):  # Windows: no such bits
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
        self._slot: int | None = None  # the running slot held by ``hold_database``

    def _file(self) -> int | None:
        if self._fd is None and (fcntl is not None or msvcrt is not None):
            flags = (os.O_RDWR | os.O_CREAT | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0))
            try:
                fd = os.open(self.path, flags, 0o600)
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
            if fd is not None and not _lock_byte(fd, conversation_id):
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
            _unlock_byte(self._fd, conversation_id)

    def hold_database(self) -> bool:
        """Say that this copy of the app runs on the database, until ``close``.

        False when no slot was free or the side file cannot be opened: the app
        runs all the same, only ``database_in_use`` cannot see it then.
        """
        if self._slot is not None:
            return True
        fd = self._file()
        if fd is None:
            return False
        for slot in range(RUNNING_SLOTS):
            if _lock_byte(fd, RUNNING_BASE + slot):
                self._slot = slot
                return True
        return False

    def database_in_use(self) -> bool:
        """Does another copy of the app run on this database now (or hold a meeting)?

        Only another process counts: this one's own locks do not stop it.
        """
        fd = self._file()
        if fd is None:
            return False
        for slot in range(RUNNING_SLOTS):
            if slot == self._slot:
                continue
            if not _lock_byte(fd, RUNNING_BASE + slot):
                return True
            _unlock_byte(fd, RUNNING_BASE + slot)
        return False

    def meetings_elsewhere(self, conversation_ids: list[int]) -> list[int]:
        """Which of these meetings another copy has on screen now."""
        return [c for c in conversation_ids if self.open_elsewhere(c)]

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
        self._slot = None
