"""Dialog to set or edit a goal: title, kind, owner, end date, support, and the prompts.

The template's prompts (what, why, who, where, how: ``Store.offered_goal_prompts``)
stand as questions above their fields while writing, so a goal becomes the
employee's own. The SMART hints (``goal_hints.goal_hints``) show below the fields
as you type; they are hints, never a reason to refuse. Only a goal without a
title is refused (here already, and by the store). The fields scroll: at
80×24 tab (or Enter) moves through all of them and each comes into view;
Enter in a choice (kind, owner) takes the highlighted answer and moves on too
(``FieldChoices``); ctrl+s saves from any field, Enter in the last one too. Frame, buttons and
keys: ``BaseDialog``; the date and hint lines: ``date_field``; its look is in
``styles/dialogs.tcss``.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label

from gespreks_tui.catalogue import t
from gespreks_tui.goal_hints import goal_hints
from gespreks_tui.goals import GOAL_PROMPTS, Goal, GoalKind
from gespreks_tui.meeting.goal_work import GoalInput
from gespreks_tui.model import Owner
from gespreks_tui.tui.format import name_of
from gespreks_tui.tui.screens.base_dialog import BaseDialog, dialog_keys
from gespreks_tui.tui.screens.date_field import iso_date, refuse, show_date, show_hints
from gespreks_tui.tui.widgets.choice_button import ChoiceButton
from gespreks_tui.tui.widgets.field_choices import FieldChoices


class GoalForm(BaseDialog[GoalInput | None]):
    """Dismissed with what was entered (``GoalInput``), or None to store nothing."""

    BINDINGS = dialog_keys("goal_form")
    FRAME_ID, FIRST_FOCUS = "goal-dialog", "#goal-title"

    def __init__(self, today: date, goal: Goal | None = None,
                 prompts: tuple[str, ...] = GOAL_PROMPTS, given: GoalInput | None = None,
                 kind: GoalKind = GoalKind.RESULT) -> None:
        """``given``: what was typed before (shown again after a refusal)."""
        super().__init__()
        self.today = today
        self.goal = goal
        self.prompts = tuple(p for p in GOAL_PROMPTS if p in prompts)
        self.given = given or (GoalInput.of(goal) if goal else GoalInput("", kind))

    def heading(self) -> str:
        return t("goals_ui.form_edit" if self.goal else "goals_ui.form_new")

    def compose_body(self) -> ComposeResult:
        g = self.given
        with VerticalScroll(classes="dialog-fields", id="goal-fields"):
            yield Label(t("goals_ui.form_title"))
            yield Input(g.title, id="goal-title", compact=True,
                        placeholder=t("goals_ui.form_title_placeholder"))
            message = Label("", id="goal-title-message", classes="field-message")
            message.display = False  # only while there is something to say
            yield message
            yield Label(t("goals_ui.form_kind"))
            with FieldChoices(id="goal-kind", compact=True):
                for kind in GoalKind:
                    yield ChoiceButton(t(f"goals.kind.{kind}"), name=str(kind),
                                       value=kind == g.kind)
            yield Label(t("goals_ui.form_owner"))
            with FieldChoices(id="goal-owner", compact=True):
                for owner in Owner:
                    yield ChoiceButton(t(f"owner.{owner}"), name=str(owner),
                                       value=owner == g.owner)
            yield Label(t("goals_ui.form_period_end"))
            yield Input(g.period_end or "", id="goal-end", compact=True,
                        placeholder=t("agreement.when_placeholder"))
            yield Label("", id="goal-end-message", classes="field-message")
            if self.prompts:
                yield Label(t("goals_ui.form_prompts"), classes="prompts-title")
            for prompt in self.prompts:
                yield Label(t(f"goals.question.{prompt}"))
                yield Input(g.answers.get(prompt, ""), id=f"goal-{prompt}", compact=True)
            yield Label(t("goals_ui.form_support"))
            yield Input(g.support, id="goal-support", compact=True)
        yield Label("", id="goal-hints", classes="field-message")
        yield from self.save_cancel(t("agreement.save_button"))

    def on_mount(self) -> None:
        # (BaseDialog's on_mount, which gives the title field focus, runs too.)
        self._show_end(self.query_one("#goal-end", Input).value)
        self._show_hints()

    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value

    def _choice(self, selector: str) -> str:
        return name_of(self.query_one(selector, FieldChoices).pressed_button)

    def entered(self) -> GoalInput:
        """What the fields say now (the end date parsed, if it can be)."""
        answers = {p: self._value(f"#goal-{p}") for p in self.prompts}
        # A prompt the template does not ask keeps what the goal had.
        answers = {**self.given.answers, **answers}
        return GoalInput(self._value("#goal-title").strip(),
                         GoalKind(self._choice("#goal-kind") or GoalKind.RESULT),
                         Owner(self._choice("#goal-owner") or Owner.EMPLOYEE),
                         iso_date(self._value("#goal-end"), self.today),
                         self._value("#goal-support"), answers)

    def _show_hints(self) -> None:
        """The SMART hints for what is typed now (live; never blocking)."""
        g = self.entered()
        text = " ".join(part for part in (g.title, g.answers.get("what", ""),
                                          g.answers.get("how", "")) if part)
        steps = self.goal.steps if self.goal else ()
        found = goal_hints(text, g.period_end, self.today, steps, g.kind) if g.title else []
        show_hints(self.query_one("#goal-hints", Label), found, bool(g.title),
                   "goals_ui.form_hints", "goals_ui.form_hints_none")

    def _show_end(self, value: str) -> bool:
        """The end date's line; "no end date" when none is typed."""
        ok, _ = show_date(self.query_one("#goal-end-message", Label), value, self.today,
                          lambda parsed, text: text if parsed else t("goals_ui.form_no_period"))
        return ok

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if event.input.id == "goal-end":
            self._show_end(event.value)
        elif event.input.id == "goal-title":
            self.query_one("#goal-title-message", Label).display = False
        self._show_hints()

    @on(FieldChoices.Changed)
    def _chosen(self) -> None:
        self._show_hints()

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        """Enter goes on to the next field (a goal has many); in the last one it saves."""
        fields = list(self.query(Input))
        if event.input is fields[-1]:
            self.action_save()
        else:
            self.focus_next()

    def action_cancel(self) -> None:
        """Escape: with something typed (or changed), ask before throwing it away."""
        ask_before_discard(self, self.entered() != self._as_given())

    def _as_given(self) -> GoalInput:
        g = self.given
        return GoalInput(g.title.strip(), g.kind, g.owner, g.period_end, g.support,
                         {**g.answers, **{p: g.answers.get(p, "") for p in self.prompts}})

    def action_save(self) -> None:
        entered = self.entered()
        if not entered.title:
            refuse(self.query_one("#goal-title-message", Label), t("goals_ui.form_empty"),
                   self.query_one("#goal-title"))
            return
        if not self._show_end(self._value("#goal-end")):
            self.query_one("#goal-end").focus()
            return
        self.dismiss(entered)


def ask_before_discard(dialog: BaseDialog, changed: bool) -> None:
    """Close ``dialog`` (dismissed with None) at once when nothing was typed; else ask
    first, "go on typing" being the answer Enter gives."""
    if not changed:
        dialog.dismiss(None)
        return
    from gespreks_tui.tui.screens.question_dialog import QuestionDialog

    def answered(answer: str | None) -> None:
        if answer == "discard":
            dialog.dismiss(None)

    dialog.app.push_screen(QuestionDialog(
        t("goals_ui.discard_title"), t("goals_ui.discard_explain"),
        [("keep", t("goals_ui.discard_keep")), ("discard", t("goals_ui.discard_drop"))]),
        answered)
