"""The notes text itself: a TextArea that tells the notes pane above it when it has focus."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from gespreks_tui.catalogue import t


class NotesArea(TextArea):
    """The notes of the current phase, straight on the meeting screen's grid.

    It is not inside the notes pane (questions, preparation, scores) on
    purpose: every key repaints the text, and Textual re-renders every widget
    that lies under it; a container around it would be one more on every key,
    and a border of its own would make every line dearer to draw. The pane
    above shows whether the text has focus (its border lights up).
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(soft_wrap=True, tab_behavior="focus",
                         placeholder=t("notes.placeholder"), **kwargs)

    @property
    def _focus_sort_key(self) -> tuple[int, int]:
        """Tab order: agenda, notes, agreements, as the columns read.

        Textual orders focus by position (top, then left); the notes start a
        few rows below the agreements' top, so they count from the top of the
        pane above them instead.
        """
        x, _y, _, _ = self.virtual_region
        top = min((pane.virtual_region.y for pane in self.screen.query("NotesPane")),
                  default=_y)
        return top, x

    def _box(self, focused: bool) -> None:
        for pane in self.screen.query("NotesPane"):
            pane.set_class(focused, "notes-focus")

    def on_focus(self, event: events.Focus) -> None:
        self._box(True)

    def on_blur(self, event: events.Blur) -> None:
        self._box(False)
