"""Reading a small file a user named (a template, a preparation form), safely.

A path can name something that is not a file at all: a FIFO (reading it waits
for a writer forever: the app hung, ctrl+q ignored), a device (``/dev/zero``
never ends: ``MemoryError``), a directory. And a real file can be huge. So
``read_small_file``:

- opens without blocking (``O_NONBLOCK``: opening a FIFO does not wait for a
  writer) and never as a controlling terminal (``O_NOCTTY``);
- asks the opened descriptor, not the name, what it is (``fstat``): a name
  checked first and opened later could be swapped in between;
- refuses anything but a regular file, and a file over ``limit`` bytes, before
  reading a byte, and reads at most ``limit + 1`` bytes (a file that grows while
  it is read is refused too).

A refusal is a ``FileRefused`` (a ``UserError``) whose ``reason`` is a
catalogue ``Term``, so a caller can put it in its own message ("Kan het
formulier ... niet lezen (geen gewoon bestand ...)").
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from gespreks_tui.errors import Term, UserError

MOST_BYTES = 1_000_000  # templates and preparation forms are a few kB


class FileRefused(UserError):
    """Not a regular file, or too large; ``reason`` is the short why (a Term)."""

    exit_code = 2

    def __init__(self, key: str, path: Path | str) -> None:
        super().__init__(key, path=str(path))

    @property
    def reason(self) -> Term:
        return Term(self.key)


def is_regular(mode: int) -> bool:
    return stat.S_ISREG(mode)


def read_small_file(path: Path | str, limit: int = MOST_BYTES) -> bytes:
    """The bytes of ``path``; ``FileRefused`` for an odd or too large file, ``OSError``
    when it cannot be opened or read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        found = os.fstat(fd)
        if not is_regular(found.st_mode):
            raise FileRefused("file.not_regular", path)
        if found.st_size > limit:
            raise FileRefused("file.too_large", path)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(65536, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise FileRefused("file.too_large", path)
        return b"".join(chunks)
    finally:
        os.close(fd)
