"""The notes text itself: a TextArea on the meeting screen's grid."""

from __future__ import annotations

from textual.widgets import TextArea

from gespreks_tui.catalogue import t


class NotesArea(TextArea):
    """The notes of the current phase, straight on the meeting screen's grid.

    It is not inside the notes pane (questions, preparation, scores) on
    purpose: every key repaints the text, and Textual re-renders every widget
    that lies under it; a container around it would be one more on every key,
    and a border of its own would make every line dearer to draw. The screen
    puts it in the focus order after the pane above it, and lights up the
    pane's border while it has focus.
    """

    # No border, focused or not (see above); private notes get a red tint.
    DEFAULT_CSS = """
    NotesArea, NotesArea:focus {
        border: none;
    }
    NotesArea.private {
        background: $error 10%;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(soft_wrap=True, tab_behavior="focus",
                         placeholder=t("notes.placeholder"), **kwargs)
