"""A background writer: changes are queued, coalesced per key and written in order.

The UI calls ``submit(key, job)`` on every change; a single thread runs the
latest job of each key, so the keystroke path never touches the database and
two saves of one note can never land out of order. A failed job is kept and
tried again; ``on_result`` reports each success or error to the caller (the
UI turns that into a message). Nothing here knows of Textual.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Hashable

Job = Callable[[], None]


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
