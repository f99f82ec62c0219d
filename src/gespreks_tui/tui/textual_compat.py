"""The one place where gespreks-tui touches Textual's private API, each use with its reason.

Textual is pinned to 8.x (pyproject.toml); ``tests/test_textual_compat.py``
fails as soon as a Textual release changes what a function here relies on, so
an upgrade shows at once what to redo.
"""

from __future__ import annotations

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
