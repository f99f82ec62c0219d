"""Correct a name: an employee's (a typo) or the manager's own.

It returns the typed name (None: cancelled); the caller has the store check and
record it, and shows a refusal (a name already taken) on its own screen.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from gespreks_tui.catalogue import t


class NameDialog(ModalScreen[str | None]):
    """One name field, filled with the current name; Enter saves, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", t("key.cancel"), id="name.cancel")]

    def __init__(self, title: str, explain: str, name: str) -> None:
        super().__init__()
        self.title_text, self.explain, self.current = title, explain, name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="name-dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Label(self.explain, id="name-explain", markup=False)
            yield Input(self.current, id="name-input", compact=True)
            yield Label("", id="name-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("dialog.save"), id="save", variant="primary", compact=True)
                yield Button(t("agreement.cancel_button"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#name-input").focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        name = " ".join(self.query_one("#name-input", Input).value.split())
        if not name:
            message = self.query_one("#name-message", Label)
            message.update(t("housekeeping.empty_name"))
            message.add_class("error")
            return
        self.dismiss(name)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
