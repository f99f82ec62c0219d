"""The sign-off's reason dialog: reopening confirmed minutes, or keeping the minutes
after a correction request (the hand-over dialog is ``handover_dialog.py``).

It says what will happen and returns the reason (None: cancelled); the caller
has the store record it. The look is the module's own (``DEFAULT_CSS``),
as a widget's is: the shared dialog rules in ``styles/dialogs.tcss`` list their
dialogs by type.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, TextArea

from gespreks_tui.catalogue import t

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} .dialog {{ width: 70; max-width: 95%; height: auto; max-height: 95%;
    border: thick $accent; background: $surface; padding: 1 2; }}
{name} .dialog-title {{ text-style: bold; width: 100%; content-align: center middle;
    padding: 0 0 1 0; }}
{name} .dialog Label {{ width: 100%; }}
{name} .dialog TextArea {{ height: 6; }}
{name} .dialog RadioSet {{ width: 100%; layout: horizontal; height: auto; }}
{name} .dialog-buttons {{ height: auto; margin: 1 0 0 0; }}
{name} .error {{ color: $error; }}
"""


class ReasonDialog(ModalScreen[str | None]):
    """Ask for a reason (required) after saying what will happen."""

    DEFAULTDIALOG_CSS = DIALOG_CSS.format(name="ReasonDialog")
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
