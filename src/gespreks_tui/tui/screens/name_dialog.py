"""Correct a name: an employee's (a typo) or the manager's own.

It returns the typed name (None: cancelled); the caller has the store check and
record it, and shows a refusal (a name already taken) on its own screen.
Frame, buttons and keys: ``BaseDialog`` (Enter in the field saves; no Ctrl+S).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label

from gespreks_tui.catalogue import t
from gespreks_tui.tui.screens.base_dialog import BaseDialog, dialog_keys


class NameDialog(BaseDialog[str | None]):
    """One name field, filled with the current name; Enter saves, Escape cancels."""

    BINDINGS = dialog_keys("name", save=False)
    FRAME_ID, FIRST_FOCUS, MESSAGE_ID = "name-dialog", "#name-input", "name-message"

    def __init__(self, title: str, explain: str, name: str) -> None:
        super().__init__()
        self.title_text, self.explain, self.current = title, explain, name

    def heading(self) -> str:
        return self.title_text

    def compose_body(self) -> ComposeResult:
        yield Label(self.explain, id="name-explain", markup=False)
        yield Input(self.current, id="name-input", compact=True)
        yield Label("", id="name-message")
        yield from self.save_cancel(t("dialog.save"))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        name = " ".join(self.query_one("#name-input", Input).value.split())
        if not name:
            self.say(t("housekeeping.empty_name"))
            return
        self.dismiss(name)
