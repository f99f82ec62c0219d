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
from gespreks_tui.tui.widgets.field_choices import NumberedChoices


class OutcomeChoices(NumberedChoices):
    """The outcome field: Enter chooses only once an outcome has been chosen.

    Nothing is chosen beforehand, and the highlight then sits on "1 gehaald": Enter
    there must go on to the comment, not record "gehaald" (walk25 F26). A digit,
    Space or the arrows and Space choose.
    """

    def action_choose_and_next(self) -> None:
        if self.pressed_button is None:
            self.screen.focus_next()
            return
        super().action_choose_and_next()


class FollowUpDialog(BaseDialog[tuple[Outcome, str] | None]):
    """Dismissed with (outcome, comment), or None to change nothing."""

    BINDINGS = dialog_keys("followup_dialog")
    FIRST_FOCUS = "#outcome"
    MESSAGE_ID = "followup-message"

    def __init__(self, agreement: Agreement, given: FollowUp | None = None) -> None:
        super().__init__()
        self.agreement = agreement
        self.given = given

    def heading(self) -> str:
        return t("followup.dialog_title")

    def compose_body(self) -> ComposeResult:
        # Nothing chosen for a new follow-up: saving at once must not record "gehaald".
        chosen = self.given.outcome if self.given else None
        yield Label(self.agreement.text, markup=False)
        yield Label(t("followup.dialog_outcome"))
        with OutcomeChoices(id="outcome", compact=True):  # 1-4 choose, Enter goes on
            for number, outcome in enumerate(Outcome, start=1):
                yield ChoiceButton(f"{number} {t(f'outcome.{outcome}')}", name=str(outcome),
                                  value=outcome == chosen)
        yield Label(t("followup.dialog_comment"))
        yield Input(self.given.comment if self.given else "", id="followup-comment",
                    compact=True)
        yield Label("", id="followup-message", classes="field-message")
        yield from self.save_cancel(t("agreement.save_button"))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        pressed = self.query_one("#outcome", RadioSet).pressed_button
        if pressed is None:
            self.say(t("followup.choose_outcome"))
            self.query_one("#outcome").focus()
            return
        outcome = Outcome(name_of(pressed))
        self.dismiss((outcome, self.query_one("#followup-comment", Input).value.strip()))
