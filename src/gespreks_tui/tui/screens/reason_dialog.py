"""The sign-off's reason dialog: reopening confirmed minutes, or keeping the minutes
after a correction request (the hand-over dialog is ``handover_dialog.py``).

It says what will happen and returns the reason (None: cancelled); the caller
has the store record it. Its look is the dialogs' frame in ``styles/dialogs.tcss``.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, TextArea

from gespreks_tui.catalogue import t


class ReasonDialog(ModalScreen[str | None]):
    """Ask for a reason (required) after saying what will happen."""

    BINDINGS = [
        Binding("escape", "cancel", t("key.cancel"), id="reason.cancel"),
        Binding("ctrl+s", "save", t("key.save"), id="reason.save"),
    ]

    def __init__(self, title: str, explain: str, label: str) -> None:
        super().__init__()
        self.title_text, self.explain, self.label = title, explain, label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="reason-dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Label(self.explain, id="reason-explain", markup=False)
            yield Label(self.label)
            yield TextArea(id="reason-text", soft_wrap=True, tab_behavior="focus")
            yield Label("", id="reason-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("ui.reason.save_button"), id="save", variant="primary",
                             compact=True)
                yield Button(t("agreement.cancel_button"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#reason-text").focus()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        reason = self.query_one("#reason-text", TextArea).text.strip()
        if not reason:
            message = self.query_one("#reason-message", Label)
            message.update(t("ui.reason.no_reason"))
            message.add_class("error")
            return
        self.dismiss(reason)
