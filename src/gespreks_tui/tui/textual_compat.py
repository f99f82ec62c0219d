"""The one place where gespreks-tui touches Textual's private API, each use with its reason.

Textual is pinned to 8.x (pyproject.toml); ``tests/test_textual_compat.py``
fails as soon as a Textual release changes what a function here relies on, so
an upgrade shows at once what to redo.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from textual.app import App
from textual.content import Content
from textual.geometry import Region
from textual.widget import Widget


def set_border_subtitle_quietly(widget: Widget, text: str) -> None:
    """Show ``text`` in ``widget``'s bottom border, repainting only that line.

    Setting ``border_subtitle`` repaints the whole widget; the notes pane's
    save status changes at every autosave while typing, and a whole repaint of
    the pane each time was measurable on the keystroke benchmark. So the
    private ``_border_subtitle`` is set and only the bottom line refreshed.
    ``Content``: the text is shown as is, whatever brackets it holds.
    """
    widget._border_subtitle = Content(text).split()[0]
    width, height = widget.outer_size
    if height:
        x, y = widget.content_offset
        widget.refresh(Region(-x, height - 1 - y, width, 1))


def end_quietly(app: App, on_error: Callable[[BaseException | None], None]) -> None:
    """Make an unhandled error end ``app`` without Textual's traceback.

    Textual's ``_fatal_error`` prints a traceback with local variables (a note's
    text, ten times over) when an error reaches the app. Instead ``on_error``
    is called with the error (it records the crash file and keeps the one line
    to print once the terminal is back), and the app closes; the exit status
    stays 1, as Textual sets it. Replaced on the instance, so the class and
    Textual stay as they are.
    """

    def fatal_error() -> None:
        app.bell()
        on_error(app._exception or sys.exc_info()[1])
        app._close_messages_no_wait()

    app._fatal_error = fatal_error  # type: ignore[method-assign]
