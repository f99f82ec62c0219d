"""The guiding questions of a phase, above the notes: readable with the keys alone.

At 80x24 the questions of a phase can need more than the 40% of the screen
they get; then the box is a stop in the Tab order (Shift+Tab from the notes),
grows with focus and scrolls with the arrow, page, Home and End keys.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll

from gespreks_tui.catalogue import t


class QuestionsBox(VerticalScroll, inherit_bindings=False):
    """The guiding questions: in the Tab order (Shift+Tab from the notes) when they
    do not all fit, so that every question can be read without the mouse.

    With focus it grows to show all of them (up to three quarters of the
    screen, scrolling with the arrow and page keys beyond that); Tab or f3 go
    back to the notes, which get their room again. When everything fits, it is
    no stop on the way: nothing would happen there.
    """

    # The gutter keeps the width the same with or without a scrollbar, so the
    # auto height counts the lines as they are wrapped on screen. With focus:
    # every question at once (as far as 75% of the screen allows), a bar at
    # the left, the text no longer muted.
    DEFAULT_CSS = """
    QuestionsBox {
        height: auto;
        max-height: 40vh;
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;
    }
    QuestionsBox:focus {
        max-height: 75vh;
        background: $accent 15%;
    }
    QuestionsBox #questions {
        height: auto;
        color: $text-muted;
        padding: 0 1;
    }
    QuestionsBox:focus #questions {
        color: $text;
        border-left: outer $accent;
        padding: 0 1 0 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", t("notes.questions_up"), show=False,
                id="questions.up"),
        Binding("down", "scroll_down", t("notes.questions_down"), show=False,
                id="questions.down"),
        Binding("pageup", "page_up", t("notes.questions_page_up"), show=False,
                id="questions.page_up"),
        Binding("pagedown", "page_down", t("notes.questions_page_down"), show=False,
                id="questions.page_down"),
        Binding("home", "scroll_home", t("notes.questions_first"), show=False,
                id="questions.first"),
        Binding("end", "scroll_end", t("notes.questions_last"), show=False,
                id="questions.last"),
    ]

    def allow_focus(self) -> bool:
        return self.has_focus or self.max_scroll_y > 0
