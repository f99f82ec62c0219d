"""The screens' one way to the store, with one policy for results and errors.

Every screen reaches the store through ``StoreCalls`` (a mixin for screens
and dialogs):

- ``store_read(query)`` runs a read on the UI thread. That never waits: the
  UI thread has a connection of its own, and in WAL mode a reader does not
  wait for a writer (see ``gespreks_tui.store.base``).
- ``store_work(job, then=..., failed=...)`` runs a write (or anything that
  may wait for SQLite: a report, an export) in a thread worker, so the screen
  stays live while another process holds the write lock. The outcome comes
  back as a message, ``StoreDone`` or ``StoreFailed``, handled here in one
  way: ``then(result)`` or ``failed(error)`` on the UI thread.

A store error never ends the app: it is one line in a notification (or, with
``failed``, wherever the screen shows it instead), and what was typed stays on
screen. An error that is not the user's to act on (a bug) is one line too,
with its details in the crash file (``gespreks_tui.crash``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar, overload

from textual.dom import DOMNode
from textual.message import Message

from gespreks_tui.catalogue import t
from gespreks_tui.errors import UserError

if TYPE_CHECKING:
    from textual import getters

    from gespreks_tui.store import Store
    from gespreks_tui.tui.app import GesprekApp

T = TypeVar("T")
D = TypeVar("D")
_REQUESTS = itertools.count(1)


@dataclass
class StoreDone(Message):
    """A store job finished; ``value`` is what it returned."""

    request: int
    value: Any


@dataclass
class StoreFailed(Message):
    """A store job raised ``error`` (nothing of it was stored)."""

    request: int
    error: Exception


def _in_own_words(error: Exception) -> Exception:
    """``error`` with an operating-system reason in the user's language (``os_reasons``):
    never "No such file or directory" inside a Dutch sentence."""
    import copy

    from gespreks_tui.os_reasons import os_reason, reason_text

    values = getattr(error, "values", None)
    if not isinstance(values, dict):
        return error
    reason = values.get("reason")
    if isinstance(reason, OSError):
        reason = os_reason(reason)
    elif isinstance(reason, str):
        reason = reason_text(reason)
    else:
        return error
    shown = copy.copy(error)
    shown.values = {**values, "reason": reason}  # type: ignore[attr-defined]
    return shown


def error_line(error: Exception) -> str:
    """One line for the user: the catalogue's message, or the error's own words."""
    message = getattr(_in_own_words(error), "message", None)
    if callable(message):
        return str(message())
    from gespreks_tui.crash import record_crash

    where = record_crash(error)
    return t("app.unexpected", reason=type(error).__name__, path=where)


# A plain mixin at run time: Textual takes a screen's CSS type names from its
# DOMNode bases, so a DOMNode here would hide ``Screen``/``ModalScreen`` from the
# style sheets. For the type checker it is a DOMNode, so every call is checked.
if TYPE_CHECKING:
    _NodeBase = DOMNode
else:
    _NodeBase = object


class StoreCalls(_NodeBase):
    """Mixed into a screen (before ``Screen``): ``store_read``, ``store_work``, a typed ``app``.

    Its message handlers go by name (``on_store_done``): a mixin that is not a
    DOMNode at run time gets no ``@on`` handlers registered.
    """

    if TYPE_CHECKING:  # the app, typed (Textual's own idiom): a call can be followed to SQL
        app = getters.app(GesprekApp)

    @property
    def store(self) -> Store:
        return self.app.store

    def _pending(self) -> dict[int, tuple[Callable[[Any], None] | None,
                                           Callable[[Exception], None] | None]]:
        pending = self.__dict__.get("_store_pending")
        if pending is None:
            pending = self.__dict__["_store_pending"] = {}
        return pending

    def show_store_error(self, error: Exception) -> None:
        """The one way a store error reaches the user: a single line."""
        self.app.notify(error_line(error), severity="error", timeout=8, markup=False)

    @overload
    def store_read(self, query: Callable[[], T]) -> T | None: ...
    @overload
    def store_read(self, query: Callable[[], T], default: D) -> T | D: ...

    def store_read(self, query: Callable[[], T], default: object = None) -> object:
        """Run a read on the UI thread; on a store error say so and return ``default``."""
        try:
            return query()
        except UserError as error:
            self.show_store_error(error)
            return default

    def store_work(self, job: Callable[[], T], then: Callable[[T], None] | None = None,
                    failed: Callable[[Exception], None] | None = None) -> int:
        """Run ``job`` off the UI thread; ``then`` or ``failed`` runs on it afterwards."""
        request = next(_REQUESTS)
        self._pending()[request] = (then, failed)

        def run() -> None:
            try:
                value = job()
            except Exception as error:  # every error comes back as a message
                self.post_message(StoreFailed(request, error))
            else:
                self.post_message(StoreDone(request, value))

        self.run_worker(run, thread=True, exit_on_error=False, group="store",
                        name=getattr(job, "__name__", "store"))
        return request

    def on_store_done(self, message: StoreDone) -> None:
        message.stop()
        then, _ = self._pending().pop(message.request, (None, None))
        if then is not None:
            then(message.value)

    def on_store_failed(self, message: StoreFailed) -> None:
        message.stop()
        _, failed = self._pending().pop(message.request, (None, None))
        if failed is not None:
            failed(message.error)
        else:
            self.show_store_error(message.error)
