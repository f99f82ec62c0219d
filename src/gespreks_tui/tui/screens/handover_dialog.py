"""The hand-over dialog: how the minutes were handed over, and the reaction term.

It returns what was chosen (None: cancelled); the caller has the store record
it. Its frame is the dialogs' one in ``styles/dialogs.tcss``.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioSet

from gespreks_tui.catalogue import t
from gespreks_tui.model import HandoverMedium
from gespreks_tui.tui.format import name_of
from gespreks_tui.tui.widgets.choice_button import ChoiceButton


@dataclass(frozen=True)
class HandoverChoice:
    medium: HandoverMedium
    term_days: int


class HandoverDialog(ModalScreen[HandoverChoice | None]):
    """How the minutes were handed over, and the reaction term in days."""

    BINDINGS = [
        Binding("escape", "cancel", t("key.cancel"), id="handover.cancel"),
        Binding("ctrl+s", "save", t("key.save"), id="handover.save"),
    ]

    def __init__(self, revision: int, term_days: int) -> None:
        super().__init__()
        self.revision, self.term_days = revision, term_days

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="handover-dialog"):
            yield Label(t("ui.handover.title", revision=self.revision), classes="dialog-title")
            yield Label(t("ui.handover.medium"))
            with RadioSet(id="medium", compact=True):
                for medium in HandoverMedium:
                    yield ChoiceButton(t(f"minutes.handover.medium.{medium}"), name=str(medium),
                                      value=medium == HandoverMedium.EMAIL,
                                      id=f"medium-{medium}")
            yield Label(t("ui.handover.term"))
            yield Input(str(self.term_days), id="handover-term", compact=True)
            yield Label("", id="handover-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("ui.handover.save_button"), id="save", variant="primary",
                             compact=True)
                yield Button(t("agreement.cancel_button"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#medium").focus()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        text = self.query_one("#handover-term", Input).value.strip()
        if not text.isdigit() or not 0 <= int(text) <= 366:
            message = self.query_one("#handover-message", Label)
            message.update(t("ui.handover.bad_term"))
            message.add_class("error")
            return
        button = self.query_one("#medium", RadioSet).pressed_button
        medium = HandoverMedium(name_of(button)) if button else HandoverMedium.EMAIL
        self.dismiss(HandoverChoice(medium, int(text)))
