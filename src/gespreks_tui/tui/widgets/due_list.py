"""The start screen's "Te laat of bijna" list: a preview, and with the focus the whole list.

An ``OptionList`` of one option per item, each option its item's lines (made to
fit by ``start_due``, so nothing is wrapped here). Without the focus it shows
no highlight: it reads as the short overview it was. Getting the focus (f5,
Tab, a click) or losing it says so with ``FocusChanged``, and the screen fills
it again: every item whole while it has the focus, the preview after. Enter on
an item posts ``Chosen`` with the item's place; reaching the last item loaded
posts ``WantsMore`` (the list is read a page at a time: issue 19, thousands).
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import OptionList


class DueList(OptionList):
    """What is overdue or due soon, across everyone (filled by ``StartLists.show_due``)."""

    class FocusChanged(Message):
        """The list got or lost the focus: time to fill it whole, or as a preview."""

    class Chosen(Message):
        """Enter (or a click) on the item at ``index``."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class WantsMore(Message):
        """The last item read is highlighted: read the next page, if there is one."""

    def on_focus(self, _event: events.Focus) -> None:
        self.post_message(self.FocusChanged())

    def on_blur(self, _event: events.Blur) -> None:
        self.post_message(self.FocusChanged())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # the screen's own lists' handlers are not for this one
        self.post_message(self.Chosen(event.option_index))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.has_focus and event.option_index >= self.option_count - 2:
            self.post_message(self.WantsMore())
