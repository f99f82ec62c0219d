"""The appraisal procedure dialog: record the objection, the second assessor's word or
the final decision of a beoordeling, from the minutes screen (issue 18).

It shows where the procedure stands, offers the steps, and records the chosen
one itself (``record_step``, in a store worker); it closes with what was
recorded (None: cancelled). When the store refuses (the second assessor is the
manager, a text too long, the procedure moved on in another window: the
store's own ``appraisal_procedure.refusal``), the dialog stays open with the
refusal in place of the state's summary and everything typed kept, to correct
and save again.
Only the steps the procedure allows now are offered (``possible_steps``, the
store's own ``refusal`` rule), the one it expects next chosen; with none the
minutes screen hides 'p'; the highlight starts on that chosen step
(``FieldChoices``: Enter takes it and goes on to the next field). Before the
hand-over the dialog says to hand over with the app's key first. Frame,
buttons and keys: ``BaseDialog``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Label, TextArea

from gespreks_tui.appraisal_procedure import AppraisalState, Procedure, refusal
from gespreks_tui.catalogue import t
from gespreks_tui.tui.format import name_of, unbroken
from gespreks_tui.tui.gateway import StoreCalls, error_line
from gespreks_tui.tui.screens.base_dialog import BaseDialog, dialog_keys
from gespreks_tui.tui.widgets.choice_button import ChoiceButton
from gespreks_tui.tui.widgets.field_choices import FieldChoices

if TYPE_CHECKING:
    from gespreks_tui.store import Store

STEPS = ("bezwaar", "second", "definitief")
# the state each step records (None: the second assessor's word, no state of its own)
STEP_STATES: dict[str, AppraisalState | None] = {
    "bezwaar": AppraisalState.OBJECTION, "second": None, "definitief": AppraisalState.FINAL}


@dataclass(frozen=True)
class ProcedureChoice:
    step: str  # one of STEPS
    text: str = ""  # the objection's text, or the remark
    name: str = ""  # the second assessor
    agrees: bool = True


def possible_steps(procedure: Procedure) -> tuple[str, ...]:
    """The steps the procedure allows now, in ``STEPS`` order (empty: none)."""
    return tuple(s for s in STEPS if refusal(procedure, STEP_STATES[s]) is None)


def expected_step(procedure: Procedure) -> str:
    """The step a manager most likely records next, among the possible ones."""
    possible = possible_steps(procedure)
    if procedure.state == AppraisalState.PROVISIONAL and not procedure.terms.second_assessor:
        wanted = "bezwaar"
    elif procedure.terms.second_assessor and not procedure.second_agrees:
        wanted = "second"
    else:
        wanted = "definitief"
    return wanted if wanted in possible or not possible else possible[0]


def record_step(store: Store, conversation_id: int, choice: ProcedureChoice) -> None:
    """Have the store record ``choice`` (it refuses what the procedure does not allow)."""
    if choice.step == "bezwaar":
        store.record_objection(conversation_id, choice.text)
    elif choice.step == "second":
        store.record_second_assessor(conversation_id, choice.name, choice.agrees, choice.text)
    else:
        store.record_final(conversation_id, choice.text)


def button_in_view(dialog: BaseDialog) -> bool:
    """Whether the dialog's save button is inside its frame (not cut off below it)."""
    button = dialog.query_one("#save").region
    frame = dialog.query_one(f"#{dialog.FRAME_ID}").scrollable_content_region
    return button.height > 0 and button.bottom <= frame.bottom


def saved_text(choice: ProcedureChoice) -> str:
    """What was recorded, in one line ("Tweede beoordelaar Pieter Jansen: akkoord.")."""
    if choice.step == "second":
        verdict = "agrees" if choice.agrees else "disagrees"
        return t(f"scale.procedure.saved.second_{verdict}", name=choice.name)
    return t(f"scale.procedure.saved.{choice.step}")


class ProcedureDialog(StoreCalls, BaseDialog[ProcedureChoice | None]):
    """One step of a beoordeling's procedure, with its text, name and verdict; closes
    once the store recorded it, stays open (all typed kept) when the store refuses."""

    # the key line says what the button says (walk25 F11: "^s Opslaan" beside "Vastleggen")
    BINDINGS = dialog_keys("procedure", save_label="procedure.ui.save")
    FRAME_ID, FIRST_FOCUS, MESSAGE_ID = "procedure-dialog", "#procedure-step", \
        "procedure-message"

    def __init__(self, procedure: Procedure) -> None:
        super().__init__()
        self.procedure = procedure

    def summary(self) -> str:
        """The state and what is open, in one wrapped paragraph: every line counts at
        80x24."""
        from gespreks_tui.minutes.procedure import open_lines, state_word

        hint = ([t("scale.procedure.hand_over_first")]
                if self.procedure.state == AppraisalState.DISCUSSED else [])
        return " · ".join([state_word(self.procedure.state).capitalize(),
                           *open_lines(self.procedure), *hint])

    def heading(self) -> str:
        return t("procedure.ui.title", id=self.procedure.conversation_id)

    def compose_body(self) -> ComposeResult:
        yield Label(unbroken(self.summary()), id="procedure-state", markup=False)
        chosen = expected_step(self.procedure)
        with FieldChoices(id="procedure-step", compact=True):
            for step in possible_steps(self.procedure):
                yield ChoiceButton(t(f"procedure.ui.step.{step}"), name=step,
                                   value=step == chosen, id=f"procedure-step-{step}")
        yield Label(t("procedure.ui.name"), id="procedure-name-label")
        yield Input(id="procedure-name", compact=True)
        yield Checkbox(t("procedure.ui.agrees"), True, id="procedure-agrees", compact=True)
        yield Label(t("procedure.ui.text"))
        yield TextArea(id="procedure-text", soft_wrap=True, tab_behavior="focus")
        yield Label("", id="procedure-message")
        yield from self.save_cancel(t("procedure.ui.save_button"))

    def on_mount(self) -> None:
        super().on_mount()
        # three lines, not the dialogs' four: every field fits at 80x24 (inline wins over
        # the shared stylesheet)
        self.query_one("#procedure-text", TextArea).styles.height = 3
        self._show_fields(expected_step(self.procedure))

    @on(FieldChoices.Changed, "#procedure-step")
    def _step_changed(self, event: FieldChoices.Changed) -> None:
        self._show_fields(name_of(event.pressed))

    def _show_fields(self, step: str) -> None:
        """The name and the verdict only for the second assessor's word."""
        for selector in ("#procedure-name-label", "#procedure-name", "#procedure-agrees"):
            self.query_one(selector).display = step == "second"

    _saving = False  # a store worker is recording: a second ctrl+s waits for it

    def action_save(self) -> None:
        if self._saving:
            return
        button = self.query_one("#procedure-step", FieldChoices).pressed_button
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
        choice = ProcedureChoice(step, text, name, agrees)
        store, conversation_id = self.store, self.procedure.conversation_id
        self._saving = True
        self.say("", error=False)
        self.store_work(lambda: record_step(store, conversation_id, choice),
                        then=lambda _: self._recorded(choice), failed=self._refused)

    def _recorded(self, choice: ProcedureChoice) -> None:
        self.dismiss(choice)

    def _refused(self, error: Exception) -> None:
        """The store's refusal in place of the state's summary: at 80x24 a refusal of two
        lines under it pushed the buttons out of the frame (the summary is in the side
        panel of the minutes screen too). What was typed stays, to correct."""
        self._saving = False
        self.query_one("#procedure-state").display = False
        self.say(error_line(error))
