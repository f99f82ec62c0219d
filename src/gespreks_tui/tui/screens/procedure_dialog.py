"""The appraisal procedure dialog: record the objection, the second assessor's word or
the final decision of a beoordeling, from the minutes screen (issue 18).

It shows where the procedure stands, offers the steps, and returns what was
chosen (None: cancelled); the caller has the store record it, and the store
refuses what the procedure does not allow (``appraisal_procedure.refusal``).
The step the procedure expects next is chosen when it opens. Frame, buttons
and keys: ``BaseDialog``.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Label, RadioSet, TextArea

from gespreks_tui.appraisal_procedure import AppraisalState, Procedure
from gespreks_tui.catalogue import t
from gespreks_tui.tui.format import name_of
from gespreks_tui.tui.screens.base_dialog import BaseDialog, dialog_keys
from gespreks_tui.tui.widgets.choice_button import ChoiceButton

STEPS = ("bezwaar", "second", "definitief")


@dataclass(frozen=True)
class ProcedureChoice:
    step: str  # one of STEPS
    text: str = ""  # the objection's text, or the remark
    name: str = ""  # the second assessor
    agrees: bool = True


def expected_step(procedure: Procedure) -> str:
    """The step a manager most likely records next."""
    if procedure.state == AppraisalState.PROVISIONAL and not procedure.terms.second_assessor:
        return "bezwaar"
    if procedure.terms.second_assessor and not procedure.second_agrees:
        return "second"
    return "definitief"


class ProcedureDialog(BaseDialog[ProcedureChoice | None]):
    """One step of a beoordeling's procedure, with its text, name and verdict."""

    BINDINGS = dialog_keys("procedure")
    FRAME_ID, FIRST_FOCUS, MESSAGE_ID = "procedure-dialog", "#procedure-step", \
        "procedure-message"

    def __init__(self, procedure: Procedure) -> None:
        super().__init__()
        self.procedure = procedure

    def summary(self) -> str:
        """The state and what is open, in one wrapped paragraph: every line counts at
        80x24."""
        from gespreks_tui.minutes.procedure import open_lines, state_word

        return " · ".join([state_word(self.procedure.state).capitalize(),
                           *open_lines(self.procedure)])

    def heading(self) -> str:
        return t("procedure.ui.title", id=self.procedure.conversation_id)

    def compose_body(self) -> ComposeResult:
        yield Label(self.summary(), id="procedure-state", markup=False)
        chosen = expected_step(self.procedure)
        with RadioSet(id="procedure-step", compact=True):
            for step in STEPS:
                yield ChoiceButton(t(f"procedure.ui.step.{step}"), name=step,
                                   value=step == chosen, id=f"procedure-step-{step}")
        yield Label(t("procedure.ui.name"), id="procedure-name-label")
        yield Input(id="procedure-name", compact=True)
        yield Checkbox(t("procedure.ui.agrees"), True, id="procedure-agrees", compact=True)
        yield Label(t("procedure.ui.text"))
        yield TextArea(id="procedure-text", soft_wrap=True, tab_behavior="focus")
        yield Label("", id="procedure-message")
        yield from self.save_cancel(t("procedure.ui.save"))

    def on_mount(self) -> None:
        super().on_mount()
        # three lines, not the dialogs' four: every field fits at 80x24 (inline wins over
        # the shared stylesheet)
        self.query_one("#procedure-text", TextArea).styles.height = 3
        self._show_fields(expected_step(self.procedure))

    @on(RadioSet.Changed, "#procedure-step")
    def _step_changed(self, event: RadioSet.Changed) -> None:
        self._show_fields(name_of(event.pressed))

    def _show_fields(self, step: str) -> None:
        """The name and the verdict only for the second assessor's word."""
        for selector in ("#procedure-name-label", "#procedure-name", "#procedure-agrees"):
            self.query_one(selector).display = step == "second"

    def action_save(self) -> None:
        button = self.query_one("#procedure-step", RadioSet).pressed_button
        step = name_of(button) if button else expected_step(self.procedure)
        text = self.query_one("#procedure-text", TextArea).text.strip()
        name = " ".join(self.query_one("#procedure-name", Input).value.split())
        if step == "bezwaar" and not text:
            self.say(t("procedure.no_text"))
            return
        if step == "second" and not name:
            self.say(t("procedure.no_name"))
            return
        agrees = self.query_one("#procedure-agrees", Checkbox).value
        self.dismiss(ProcedureChoice(step, text, name, agrees))
