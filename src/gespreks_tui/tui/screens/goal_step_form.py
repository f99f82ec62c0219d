"""Dialog to add or edit one step of a goal: what, and by when (optional).

Splitting a goal into small steps is what makes it doable; a step is one line
and an optional date, parsed as you type like an agreement's. A date after the
goal's end is pointed out on a line of its own (``goal_hints.step_hints``),
never refused. Enter goes from the text to the date and saves from the
date, as in the goal dialog; ctrl+s saves from either. Frame, buttons and keys: ``BaseDialog``; the date line:
``date_field``; its look is in ``styles/dialogs.tcss``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label

from gespreks_tui.catalogue import language, t
from gespreks_tui.goal_hints import step_hints
from gespreks_tui.goals import Goal, GoalStep
from gespreks_tui.tui.format import day_text
from gespreks_tui.tui.screens.base_dialog import BaseDialog, dialog_keys
from gespreks_tui.tui.screens.date_field import refuse, show_date


@dataclass(frozen=True)
class StepInput:
    text: str
    due_date: str | None


class GoalStepForm(BaseDialog[StepInput | None]):
    """Dismissed with the step as typed, or None to store nothing."""

    BINDINGS = dialog_keys("goal_step")
    FRAME_ID, FIRST_FOCUS = "step-dialog", "#step-text"

    def __init__(self, today: date, goal: Goal, step: GoalStep | None = None,
                 given: StepInput | None = None) -> None:
        super().__init__()
        self.today = today
        self.goal = goal
        self.step = step
        self.given = given or (StepInput(step.text, step.due_date) if step else StepInput("", None))

    def heading(self) -> str:
        return t("goals_ui.step_edit" if self.step else "goals_ui.step_new", goal=self.goal.title)

    def compose_body(self) -> ComposeResult:
        yield Label(t("goals_ui.step_text"))
        yield Input(self.given.text, id="step-text", compact=True,
                    placeholder=t("goals_ui.step_text_placeholder"))
        message = Label("", id="step-text-message", classes="field-message")
        message.display = False  # only while there is something to say
        yield message
        yield Label(t("goals_ui.step_due_label"))
        yield Input(self.given.due_date or "", id="step-due", compact=True,
                    placeholder=t("agreement.when_placeholder"))
        yield Label("", id="step-due-message", classes="field-message")
        yield from self.save_cancel(t("agreement.save_button"))

    def on_mount(self) -> None:
        # (BaseDialog's on_mount, which gives the step's text focus, runs too.)
        self._show_due(self.query_one("#step-due", Input).value)

    def _after_end(self, parsed: date | None, text: str) -> str:
        """The date's line (of a step, not an agreement), and that it is after the
        goal's end if it is."""
        if parsed is None:
            return t("goals_ui.step_no_due")
        end = self.goal.period_end
        if step_hints(parsed.isoformat() if parsed else None, end):
            # On a line of its own: at 80 columns it fits whole, its date unbroken.
            return f"{text}\n{t('goals_ui.step_after_period', date=day_text(end, language()))}"
        return text

    def _show_due(self, value: str) -> tuple[bool, str | None]:
        """Show the parsed date, what is wrong with it, or that it is after the goal's end."""
        return show_date(self.query_one("#step-due-message", Label), value, self.today,
                         self._after_end)

    @on(Input.Changed, "#step-due")
    def _due_changed(self, event: Input.Changed) -> None:
        self._show_due(event.value)

    @on(Input.Changed, "#step-text")
    def _text_changed(self) -> None:
        self.query_one("#step-text-message", Label).display = False

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        """Enter in the step's text goes on to its date (as in the goal dialog); in
        the date, the last field, it saves. ctrl+s saves from either."""
        if event.input.id == "step-text":
            self.query_one("#step-due", Input).focus()
        else:
            self.action_save()

    def action_cancel(self) -> None:
        """Escape: with something typed (or changed), ask before throwing it away."""
        from gespreks_tui.tui.screens.goal_form import ask_before_discard

        typed = (self.query_one("#step-text", Input).value.strip(),
                 self.query_one("#step-due", Input).value.strip())
        ask_before_discard(self, typed != (self.given.text.strip(),
                                           (self.given.due_date or "").strip()))

    def action_save(self) -> None:
        text = self.query_one("#step-text", Input).value.strip()
        if not text:
            refuse(self.query_one("#step-text-message", Label), t("goals_ui.step_empty"),
                   self.query_one("#step-text"))
            return
        ok, due = self._show_due(self.query_one("#step-due", Input).value)
        if not ok:
            self.query_one("#step-due").focus()
            return
        self.dismiss(StepInput(text, due))
