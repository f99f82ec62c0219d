"""Following up an earlier agreement with a comment: what became of it, and why.

Keys 1–4 on the follow-up list record an outcome at once; ``t`` (or Enter)
opens this dialog for the same choice with a comment, as the demo's
follow-ups have ("Certificaat in mei"). It opens with the outcome recorded so
far and focus on the first choice.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioSet

from gespreks_tui.catalogue import t
from gespreks_tui.model import Agreement, FollowUp, Outcome
from gespreks_tui.tui.format import name_of
from gespreks_tui.tui.widgets.choice_button import ChoiceButton


class FollowUpDialog(ModalScreen[tuple[Outcome, str] | None]):
    """Dismissed with (outcome, comment), or None to change nothing."""

    DEFAULT_CSS = """
    FollowUpDialog .dialog {
        width: 70;
        max-width: 95%;
        height: auto;
        max-height: 95%;
        border: thick $accent;
        background: $surface;
        padding: 1 2;
    }
    FollowUpDialog .dialog-title {
        text-style: bold;
        width: 100%;
        padding: 0 0 1 0;
    }
    FollowUpDialog Label, FollowUpDialog Input {
        width: 100%;
    }
    FollowUpDialog RadioSet {
        width: 100%;
        height: auto;
        margin: 0 0 1 0;
    }
    FollowUpDialog .dialog-buttons {
        height: auto;
        align-horizontal: right;
        margin: 1 0 0 0;
    }
    FollowUpDialog .dialog-buttons Button {
        width: auto;
        margin: 0 0 0 2;
    }
    """

    BINDINGS = [
        Binding("escape", "cancel", t("key.cancel"), id="followup_dialog.cancel"),
        Binding("ctrl+s", "save", t("key.save"), id="followup_dialog.save"),
    ]

    def __init__(self, agreement: Agreement, given: FollowUp | None = None) -> None:
        super().__init__()
        self.agreement = agreement
        self.given = given

    def compose(self) -> ComposeResult:
        chosen = self.given.outcome if self.given else Outcome.ACHIEVED
        with Vertical(classes="dialog"):
            yield Label(t("followup.dialog_title"), classes="dialog-title")
            yield Label(self.agreement.text, markup=False)
            yield Label(t("followup.dialog_outcome"))
            with RadioSet(id="outcome", compact=True):
                for number, outcome in enumerate(Outcome, start=1):
                    yield ChoiceButton(f"{number} {t(f'outcome.{outcome}')}", name=str(outcome),
                                      value=outcome == chosen)
            yield Label(t("followup.dialog_comment"))
            yield Input(self.given.comment if self.given else "", id="followup-comment",
                        compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("agreement.save_button"), id="save", variant="primary",
                             compact=True)
                yield Button(t("agreement.cancel_button"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#outcome").focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        pressed = self.query_one("#outcome", RadioSet).pressed_button
        outcome = Outcome(name_of(pressed)) if pressed else Outcome.ACHIEVED
        self.dismiss((outcome, self.query_one("#followup-comment", Input).value.strip()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
