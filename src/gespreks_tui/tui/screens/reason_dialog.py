"""The sign-off's reason dialog: reopening confirmed minutes, or keeping the minutes
after a correction request (the hand-over dialog is ``handover_dialog.py``).

It says what will happen and returns the reason (None: cancelled); the caller
has the store record it. Frame, buttons and keys: ``BaseDialog``.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, TextArea

from gespreks_tui.catalogue import t
from gespreks_tui.tui.screens.base_dialog import BaseDialog, dialog_keys


class ReasonDialog(BaseDialog[str | None]):
    """Ask for a reason (required) after saying what will happen."""

    BINDINGS = dialog_keys("reason", save_label="key.dialog_record")
    FRAME_ID, FIRST_FOCUS, MESSAGE_ID = "reason-dialog", "#reason-text", "reason-message"

    def __init__(self, title: str, explain: str, label: str) -> None:
        super().__init__()
        self.title_text, self.explain, self.label = title, explain, label

    def heading(self) -> str:
        return self.title_text

    def compose_body(self) -> ComposeResult:
        yield Label(self.explain, id="reason-explain", markup=False)
        yield Label(self.label)
        yield TextArea(id="reason-text", soft_wrap=True, tab_behavior="focus")
        yield Label("", id="reason-message")
        yield from self.save_cancel(t("ui.reason.save_button"))

    def action_save(self) -> None:
        reason = self.query_one("#reason-text", TextArea).text.strip()
        if not reason:
            self.say(t("ui.reason.no_reason"))
            return
        self.dismiss(reason)
