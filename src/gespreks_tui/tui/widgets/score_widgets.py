"""The parts of one row of the scores panel: its name and its points.

A score is recorded only by a deliberate choice: a digit 1..N, or the arrows
to a point and then space or Enter. A set of points gets the focus with no
point highlighted (Textual's ``RadioSet`` highlights the first, so space
alone recorded the lowest score); space or Enter then only says how to
choose. ``0``, ``Delete`` or ``Backspace`` clear a chosen score (``Cleared``).

The comment under them is ``score_comment.CommentArea``.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Label, RadioButton, RadioSet

from gespreks_tui.catalogue import t
from gespreks_tui.tui.widgets.fitted import FittedMixin, Run, words


class CriterionName(FittedMixin, Label):
    """A criterion's name beside its points, wrapped at its words onto more lines
    when the column is narrow ("Professional knowledge" at 80 columns: never a
    word dropped without a mark, walk25 F25); a single word wider than the column
    is shortened with "…" and the tooltip has the whole name."""

    def __init__(self, text: str, **kwargs) -> None:
        super().__init__(text, markup=False, **kwargs)
        self.runs = (Run(words(text)),)
        self.tooltip = text


class ScoreButton(RadioButton):
    """A score that reads without colour: ● and bold when chosen, ○ when not."""

    DEFAULT_CSS = """
    ScoreButton.-on {
        text-style: bold;
    }
    """

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.assemble(("●" if self.value else "○", style))


class ScoreSet(RadioSet):
    """The points of one criterion, side by side; typing a digit 1..N picks that point."""

    DEFAULT_CSS = """
    ScoreSet {
        width: auto;
        layout: horizontal;
        border: none;
        padding: 0;
    }
    """

    BINDINGS = [
        Binding("0,delete,backspace", "clear_score", t("scores.key_clear"), id="scores.clear"),
    ]

    @dataclass
    class Cleared(Message):
        """The chosen score was taken back: the criterion has no score now."""

        radio_set: ScoreSet

    def on_mount(self) -> None:
        # After RadioSet's own mount, which highlights the first point.
        self.call_later(self._highlight_chosen)

    def _highlight_chosen(self) -> None:
        """Highlight the chosen point, or none: space never picks an unseen default."""
        self._selected = self.pressed_index if self.pressed_index >= 0 else None

    async def _on_key(self, event: events.Key) -> None:
        character = event.character or ""
        if character.isdigit() and character != "0" and not self.disabled:
            buttons = list(self.query(ScoreButton))
            value = int(character)
            if 1 <= value <= len(buttons):
                event.stop()
                event.prevent_default()
                buttons[value - 1].value = True

    def action_toggle_button(self) -> None:
        """Space or Enter: the highlighted point; with none highlighted, how to choose."""
        if self._selected is None:
            self.app.notify(t("scores.choose_hint", points=len(self.query(ScoreButton))),
                            timeout=6, markup=False)
            return
        super().action_toggle_button()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_score":
            return self.pressed_button is not None and not self.disabled
        return True

    def action_clear_score(self) -> None:
        pressed = self.pressed_button
        if pressed is None or self.disabled:
            return
        with self.prevent(RadioButton.Changed):
            pressed.value = False
        self._pressed_button = None
        self._selected = None
        self.post_message(self.Cleared(self))
        self.refresh_bindings()

    def _on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.refresh_bindings()  # "0 Score wissen" from now on

