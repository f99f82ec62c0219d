"""A background writer: changes are queued, coalesced per key and written in order.

The UI calls ``submit(key, job)`` on every change; a single thread runs the
latest job of each key, so the keystroke path never touches the database and
two saves of one note can never land out of order. A failed job is kept and
tried again; ``on_result`` reports each success or error to the caller (the
UI turns that into a message). Nothing here knows of Textual.

``ChangedText`` serves what a save looks for in the text on that thread (the
hint about special-category data): between two saves a note changes in one
place, so only that place is searched again, not the whole note (a 1 MB note
took ~25 ms a save, holding the interpreter the keystrokes need, issue 19).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Hashable

Job = Callable[[], None]
_STEP = 4096  # characters compared at a time when looking for the first difference


def common_prefix(a: str, b: str, limit: int | None = None) -> int:
    """How many characters ``a`` and ``b`` share from the start (at most ``limit``).

    Compares blocks in C and narrows the first unequal block down by halves.
    """
    n = min(len(a), len(b)) if limit is None else min(len(a), len(b), limit)
    lo = 0
    while lo < n:
        hi = min(n, lo + _STEP)
        if a[lo:hi] == b[lo:hi]:
            lo = hi
            continue
        while hi - lo > 1:  # a[:lo] equal, a[lo:hi] not
            mid = (lo + hi) // 2
            if a[lo:mid] == b[lo:mid]:
                lo = mid
            else:
                hi = mid
        return lo
    return n


def common_suffix(a: str, b: str, limit: int) -> int:
    """How many characters ``a`` and ``b`` share at the end (at most ``limit``)."""
    n = min(len(a), len(b), limit)
    la, lb, same = len(a), len(b), 0
    while same < n:
        step = min(n - same, _STEP)
        if a[la - same - step:la - same] == b[lb - same - step:lb - same]:
            same += step
            continue
        lo, hi = 0, step  # the last ``lo`` of this block are equal, ``hi`` not
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if a[la - same - mid:la - same] == b[lb - same - mid:lb - same]:
                lo = mid
            else:
                hi = mid
        return same + lo
    return n


class ChangedText:
    """Where a finder matches in a text that changes a little between calls.

    ``find(text, start, stop)`` gives the positions where matches start in
    ``text[start:stop]``; a match at a position may depend on the character
    before it and on ``context`` characters from it, no further. ``starts``
    then searches only the part that differs from the previous text (widened by
    that context) and keeps, shifted where the length changed, what it found
    before and after it; the result equals ``find(text, 0, len(text))``.
    """

    def __init__(self, find: Callable[[str, int, int], list[int]], context: int) -> None:
        self._find, self._context = find, context
        self._text: str | None = None
        self._starts: list[int] = []

    def starts(self, text: str) -> list[int]:
        old, starts = self._text, self._starts
        if old is None:
            starts = self._find(text, 0, len(text))
        elif old != text:
            head = common_prefix(old, text)
            tail = common_suffix(old, text, min(len(old), len(text)) - head)
            old_end, new_end = len(old) - tail, len(text) - tail
            # A match starting before ``a`` reads only characters before ``head``;
            # one starting after ``old_end`` only characters of the common tail.
            a = max(0, head - self._context)
            shift = len(text) - len(old)
            starts = ([s for s in starts if s < a] + self._find(text, a, new_end + 1)
                      + [s + shift for s in starts if s > old_end])
        self._text, self._starts = text, starts
        return starts


class Saver:
    def __init__(self, on_result: Callable[[Hashable, Exception | None], None] | None = None,
                 retry_after: float = 2.0) -> None:
        self._pending: dict[Hashable, Job] = {}
        self._cond = threading.Condition()
        self._busy = False
        self._closed = False
        self._on_result = on_result
        self._retry_after = retry_after
        self._thread = threading.Thread(target=self._run, name="gespreks-autosave",
                                        daemon=True)
        self._thread.start()

    def submit(self, key: Hashable, job: Job) -> None:
        """Queue ``job``; it replaces a queued job with the same key."""
        with self._cond:
            self._pending[key] = job
            self._cond.notify()

    @property
    def idle(self) -> bool:
        with self._cond:
            return not self._pending and not self._busy

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything queued is written; False if that did not happen."""
        deadline = time.monotonic() + timeout
        with self._cond:
            self._cond.notify_all()
            while self._pending or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(min(left, 0.05))
        return True

    def close(self, timeout: float = 10.0) -> bool:
        """Write what is queued, then stop the thread."""
        done = self.flush(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout=1.0)
        return done

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._closed:
                    self._cond.wait()
                if self._closed and not self._pending:
                    return
                batch, self._pending = self._pending, {}
                self._busy = True
            failed: dict[Hashable, Job] = {}
            for key, job in batch.items():
                try:
                    job()
                except Exception as error:  # reported, kept, retried
                    failed[key] = job
                    self._report(key, error)
                else:
                    self._report(key, None)
            with self._cond:
                for key, job in failed.items():
                    self._pending.setdefault(key, job)
                self._busy = False
                self._cond.notify_all()
                if failed and not self._closed:
                    self._cond.wait(self._retry_after)
                elif failed:
                    return

    def _report(self, key: Hashable, error: Exception | None) -> None:
        if self._on_result is not None:
            with contextlib.suppress(Exception):
                self._on_result(key, error)
