"""A choice field in a dialog of several fields: Enter takes the highlighted answer
and goes on to the next field.

Textual's ``RadioSet`` binds Enter (like Space) to pressing the highlighted
button and keeps the focus, so in the goal dialog Enter stuck on "Soort doel"
and what was typed next got lost. In a dialog you fill in from top to bottom
Enter moves on, as it does in the text fields around it; Space still only
chooses, the arrow keys still move between the answers, ctrl+s still saves.
The highlight starts on the chosen answer (Textual's starts on the first).
``NumberedChoices`` adds the digit keys: answers labelled "1 op koers", "2
achter" are chosen with 1, 2 (as 1–4 do in the goals list).
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import RadioButton

from gespreks_tui.catalogue import t
from gespreks_tui.tui.widgets.choice_button import ChoiceSet


class FieldChoices(ChoiceSet):  # the highlight starts on the chosen answer
    """A ``RadioSet`` where Enter chooses the highlighted answer and moves to the next field."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose_and_next", t("goals_ui.next_field"), id="field_choices.next",
                show=False),
    ]

    def action_choose_and_next(self) -> None:
        self.action_toggle_button()  # on the pressed one already: it stays pressed
        self.screen.focus_next()


class NumberedChoices(FieldChoices):
    """``FieldChoices`` whose answers start with a digit: that digit chooses the answer."""

    def on_key(self, event: events.Key) -> None:
        if not (event.character and event.character.isdigit()):
            return
        for button in self.query(RadioButton):
            if str(button.label).split(" ", 1)[0] == event.character:
                button.value = True
                event.stop()
                event.prevent_default()
                return
