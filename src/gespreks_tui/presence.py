"""Which meetings are on screen in some copy of the app right now.

Two copies of the app on one database may each hold a meeting, but never the
same one: both would autosave the same note, and the last writer would wipe
what the other typed. A copy that opens a meeting claims it with an advisory
lock on one byte (at the conversation's id) of a small side file next to the
database, ``<database>-open``. The operating system drops the lock when the
copy exits, however it exits (kill -9 included), so nothing is ever left
stale. The side file is empty and holds no personal data; it is created
owner-only like the database.

Where POSIX record locks do not exist (Windows), every claim succeeds: the
app then works as before, without the guard.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]


def side_file(db_path: Path | str) -> Path:
    return Path(f"{db_path}-open")


class Presence:
    """Claims on meetings held by this process (one open file, one locked byte each)."""

    def __init__(self, db_path: Path | str) -> None:
        self.path = side_file(db_path)
        self._fd: int | None = None
        self._holders: dict[int, int] = {}  # meeting -> screens of this copy that hold it

    def _file(self) -> int | None:
        if self._fd is None and fcntl is not None:
            try:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError:  # a read-only folder: the database says so itself
                return None
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
