"""Following up an earlier agreement with a comment: what became of it, and why.

Keys 1–4 on the follow-up list record an outcome at once; ``t`` (or Enter)
opens this dialog for the same choice with a comment, as the demo's
follow-ups have ("Certificaat in mei"). It opens with the outcome recorded so
far and focus on the first choice. Frame, buttons and keys: ``BaseDialog``;
its look is in ``styles/dialogs.tcss``.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, RadioSet

from gespreks_tui.catalogue import t
from gespreks_tui.model import Agreement, FollowUp, Outcome
from gespreks_tui.tui.format import name_of
from gespreks_tui.tui.screens.base_dialog import BaseDialog, dialog_keys
from gespreks_tui.tui.widgets.choice_button import ChoiceButton


class FollowUpDialog(BaseDialog[tuple[Outcome, str] | None]):
    """Dismissed with (outcome, comment), or None to change nothing."""

    BINDINGS = dialog_keys("followup_dialog")
    FIRST_FOCUS = "#outcome"

    def __init__(self, agreement: Agreement, given: FollowUp | None = None) -> None:
        super().__init__()
        self.agreement = agreement
        self.given = given

    def heading(self) -> str:
        return t("followup.dialog_title")

    def compose_body(self) -> ComposeResult:
        chosen = self.given.outcome if self.given else Outcome.ACHIEVED
        yield Label(self.agreement.text, markup=False)
        yield Label(t("followup.dialog_outcome"))
        with RadioSet(id="outcome", compact=True):
            for number, outcome in enumerate(Outcome, start=1):
                yield ChoiceButton(f"{number} {t(f'outcome.{outcome}')}", name=str(outcome),
                                  value=outcome == chosen)
        yield Label(t("followup.dialog_comment"))
        yield Input(self.given.comment if self.given else "", id="followup-comment",
                    compact=True)
        yield from self.save_cancel(t("agreement.save_button"))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        pressed = self.query_one("#outcome", RadioSet).pressed_button
        outcome = Outcome(name_of(pressed)) if pressed else Outcome.ACHIEVED
        self.dismiss((outcome, self.query_one("#followup-comment", Input).value.strip()))
