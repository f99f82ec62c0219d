"""The right-hand column while scoring on a narrow screen (80 columns).

There the criteria need the width more than the lists do: the scores take the
agreements' column (``meeting.tcss``, class ``scoring``). The lists come back
in the place of notes and scores while they have the focus (f4, f6, f7: class
``lists-shown``); focus anywhere else (f3 to the scores, f2, Tab, a click)
brings the scores back. A hidden widget takes no focus, so a swap is laid out
before the focus moves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events
from textual.widget import Widget
from textual.widgets import ListView

from gespreks_tui.tui.widgets.agreements_pane import AgreementsPane
from gespreks_tui.tui.widgets.goals_pane import GoalsPane

if TYPE_CHECKING:
    from textual.screen import Screen as _Screen
else:
    _Screen = object


class MeetingColumns(_Screen):
    """Mixed into ``MeetingScreen`` (a ``Screen``): the lists' place while scoring."""

    @staticmethod
    def _in_lists(widget: Widget | None) -> bool:
        """``widget`` is in the right-hand column (agreements, follow-ups, goals)."""
        return widget is not None and any(
            isinstance(node, (AgreementsPane, GoalsPane)) for node in (widget, *widget.ancestors))

    @property
    def lists_folded(self) -> bool:
        """Scoring on a narrow screen: the scores have the lists' room (meeting.tcss)."""
        return self.has_class("-narrow", "scoring")

    def show_lists(self, shown: bool, then: Callable[[], object] | None = None) -> None:
        """While scoring on a narrow screen: the lists in the place of notes and scores
        (``shown``), or back. ``then`` (a focus) runs once the swap is laid out: a
        hidden widget takes no focus."""
        if not self.lists_folded or self.has_class("lists-shown") == shown:
            if then is not None:
                then()
            return
        self.set_class(shown, "lists-shown")
        self.refresh_bindings()
        self.app.update_styles(self)

        def laid_out() -> None:  # a hidden widget takes no focus: once the swap is laid out
            if shown:
                self._lists_from_the_top()
            if then is not None:
                then()

        self.call_after_refresh(laid_out)

    def _lists_from_the_top(self) -> None:
        """The lists were laid out in a column of no width, which scrolled them to
        nonsense: each shows its highlighted entry again, from the list's top when
        it fits there (the heading above the first goal stays in view)."""
        for listing in self.query(ListView):
            if listing.display and self._in_lists(listing):
                listing.scroll_home(animate=False, immediate=True)
                if (item := listing.highlighted_child) is not None:
                    listing.scroll_to_widget(item, animate=False, immediate=True)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Focus that leaves the lists (f2, f3, Tab, a click) brings the scores back."""
        if event.widget is not self.focused:  # stale: focus moved on since (a swap)
            return
        if self.has_class("lists-shown") and not self._in_lists(event.widget):
            self.set_class(False, "lists-shown")
            self.refresh_bindings()

    def action_switch_pane(self, to: str) -> None:
        """f7 while scoring on a narrow screen first brings the lists into view."""
        switch = super().action_switch_pane  # type: ignore[misc]
        self.show_lists(True, lambda: switch(to))
