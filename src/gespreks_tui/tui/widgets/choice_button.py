"""A radio button whose choice reads without colour.

Textual's ``RadioButton`` draws the same ``●`` for every button and tells the
chosen one apart by colour only: on a monochrome terminal, a printed
screenshot or for a colour-blind reader every choice looks chosen. Here the
chosen button shows ``●`` and the others ``○``; the colours stay as they are.
"""

from __future__ import annotations

from textual.widgets import RadioButton, RadioSet


class ChoiceButton(RadioButton):
    """A ``RadioButton`` showing ``●`` when chosen and ``○`` when not."""

    BUTTON_INNER = "○"

    def watch_value(self) -> None:
        self.BUTTON_INNER = "●" if self.value else "○"
        super().watch_value()


class ChoiceSet(RadioSet):
    """A ``RadioSet`` whose highlight starts on the chosen answer.

    Textual's starts on the first answer, whichever is chosen: on the start
    screen the highlight sat on "Doelstelling" while "Voortgang" was chosen,
    and Space there changed the kind without the user meaning to.
    """

    def on_mount(self) -> None:
        # After RadioSet's own mount (which highlights the first answer) has run.
        self.call_after_refresh(self.highlight_chosen)

    def highlight_chosen(self) -> None:
        """Move the highlight to the chosen answer (if one is chosen)."""
        if self.pressed_index >= 0:
            self._selected = self.pressed_index
