"""A radio button whose choice reads without colour.

Textual's ``RadioButton`` draws the same ``●`` for every button and tells the
chosen one apart by colour only: on a monochrome terminal, a printed
screenshot or for a colour-blind reader every choice looks chosen. Here the
chosen button shows ``●`` and the others ``○``; the colours stay as they are.
"""

from __future__ import annotations

from textual.widgets import RadioButton


class ChoiceButton(RadioButton):
    """A ``RadioButton`` showing ``●`` when chosen and ``○`` when not."""

    BUTTON_INNER = "○"

    def watch_value(self) -> None:
        self.BUTTON_INNER = "●" if self.value else "○"
        super().watch_value()
