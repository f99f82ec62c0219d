"""Dialog to add or edit an agreement: what, who, by when (parsed as you type).

A new agreement starts with the employee as its owner (``DEFAULT_OWNER``):
most agreements are the employee's, and a preselected owner saves three keys
per agreement. The SMART hints (``smart.hints``) show below the fields as
you type, not only after saving; they are hints, never a reason to refuse.
Frame, buttons and keys: ``BaseDialog``; the date and hint lines:
``date_field``; its look is in ``styles/dialogs.tcss``.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, RadioSet, Select

from gespreks_tui.catalogue import t
from gespreks_tui.model import Agreement, Owner
from gespreks_tui.smart import hints
from gespreks_tui.tui.format import name_of
from gespreks_tui.tui.screens.base_dialog import BaseDialog, dialog_keys
from gespreks_tui.tui.screens.date_field import iso_date, refuse, show_date, show_hints
from gespreks_tui.tui.textual_compat import select_closing_with
from gespreks_tui.tui.widgets.choice_button import ChoiceButton


@dataclass(frozen=True)
class AgreementInput:
    text: str
    owner: Owner | None
    due_date: str | None
    goal_id: int | None = None  # the goal it serves (asked only when there are goals)


DEFAULT_OWNER = Owner.EMPLOYEE


# The goal choice: Textual's ``Select`` with its open list's Escape worded in the
# user's language ("Dismiss menu" reached the Dutch key line, walk25 F22).
GoalSelect = select_closing_with(t("ui.select.close_menu"), "agreement.goal_menu_close")


class AgreementForm(BaseDialog[AgreementInput | None]):
    """Dismissed with the agreement as typed (``AgreementInput``), or None."""

    BINDINGS = dialog_keys("agreement")
    FRAME_ID, FIRST_FOCUS = "agreement-dialog", "#agreement-text"

    def __init__(self, today, agreement: Agreement | None = None,
                 default_owner: Owner = DEFAULT_OWNER,
                 goals: list[tuple[int, str]] | None = None,
                 goal_id: int | None = None) -> None:
        """``goals``: (id, title) of the goals the agreement may serve (a small choice,
        starting at ``goal_id``); none: the choice is not shown."""
        super().__init__()
        self.today = today
        self.agreement = agreement
        self.default_owner = default_owner
        self.goals = goals or []
        self.goal_id = goal_id

    def heading(self) -> str:
        return t("agreement.edit_title" if self.agreement else "agreement.new_title")

    def compose_body(self) -> ComposeResult:
        a = self.agreement
        owner_now = a.owner if a else self.default_owner
        yield Label(t("agreement.what"))
        yield Input(a.text if a else "", id="agreement-text",
                    placeholder=t("agreement.what_placeholder"), compact=True)
        yield Label("", id="text-message", classes="field-message")
        yield Label(t("agreement.who"))
        with RadioSet(id="owner", compact=True):
            for owner in Owner:
                yield ChoiceButton(t(f"owner.{owner}"), name=str(owner), id=f"owner-{owner}",
                                  value=owner == owner_now)
        yield Label(t("agreement.when"))
        yield Input(a.due_date or "" if a else "", id="agreement-due",
                    placeholder=t("agreement.when_placeholder"), compact=True)
        yield Label("", id="due-message", classes="field-message")
        if self.goals:
            yield Label(t("goals_ui.agreement_goal"))
            ids = {goal_id for goal_id, _ in self.goals}
            yield GoalSelect([(title, goal_id) for goal_id, title in self.goals],
                         prompt=t("goals_ui.agreement_no_goal"), compact=True,
                         value=self.goal_id if self.goal_id in ids else Select.NULL,
                         id="agreement-goal")
        yield Label("", id="smart-hints", classes="field-message")
        yield from self.save_cancel(t("agreement.save_button"))

    def on_mount(self) -> None:
        # (BaseDialog's on_mount, which gives the text field focus, runs too.)
        self._show_due(self.query_one("#agreement-due", Input).value)
        self._show_hints()
        self._as_given = self._typed()

    def _typed(self) -> tuple[object, ...]:
        """Every field as it stands, to tell whether anything was typed or changed."""
        goal = self.query_one("#agreement-goal", Select).value if self.goals else None
        return (self.query_one("#agreement-text", Input).value.strip(),  # spaces: nothing
                self.query_one("#owner", RadioSet).pressed_button,
                self.query_one("#agreement-due", Input).value.strip(), goal)

    def action_cancel(self) -> None:
        """Escape: with something typed (or changed), ask before throwing it away, as
        the goal dialogs do (walk25 F3)."""
        from gespreks_tui.tui.screens.goal_form import ask_before_discard

        ask_before_discard(self, self._typed() != self.__dict__.get("_as_given"))

    def _entered(self) -> tuple[str, Owner | None, str | None]:
        """What the fields say now: text, owner and the parsed date (ISO), if any."""
        text = self.query_one("#agreement-text", Input).value
        pressed = self.query_one("#owner", RadioSet).pressed_button
        owner = Owner(name_of(pressed)) if pressed else None
        return text, owner, iso_date(self.query_one("#agreement-due", Input).value, self.today)

    def _show_hints(self) -> None:
        """The SMART hints for what is typed now (live; never blocking)."""
        text, owner, due = self._entered()
        found = hints(text, owner, due, self.today) if text.strip() else []
        show_hints(self.query_one("#smart-hints", Label), found, bool(text.strip()),
                   "agreement.hints_live", "agreement.hints_none")

    @on(RadioSet.Changed, "#owner")
    def _owner_changed(self) -> None:
        self._show_hints()

    def _show_due(self, value: str) -> bool:
        """Show the parsed date (or what is wrong with it); True when acceptable."""
        ok, _ = show_date(self.query_one("#due-message", Label), value, self.today)
        return ok

    @on(Input.Changed, "#agreement-due")
    def _due_changed(self, event: Input.Changed) -> None:
        self._show_due(event.value)
        self._show_hints()

    @on(Input.Changed, "#agreement-text")
    def _text_changed(self) -> None:
        self.query_one("#text-message", Label).update("")
        self._show_hints()

    @on(Input.Submitted)
    def _submit(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        text, owner, due = self._entered()
        if not text.strip():
            refuse(self.query_one("#text-message", Label), t("agreement.empty"),
                   self.query_one("#agreement-text"))
            return
        if not self._show_due(self.query_one("#agreement-due", Input).value):
            self.query_one("#agreement-due").focus()
            return
        goal_id = None
        if self.goals:
            chosen = self.query_one("#agreement-goal", Select).value
            goal_id = chosen if isinstance(chosen, int) else None
        self.dismiss(AgreementInput(text.strip(), owner, due, goal_id))
