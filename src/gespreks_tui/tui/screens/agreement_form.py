"""Dialog to add or edit an agreement: what, who, by when (parsed as you type).

A new agreement starts with the employee as its owner (``DEFAULT_OWNER``):
most agreements are the employee's, and a preselected owner saves three keys
per agreement. The SMART hints (``smart.hints``) show below the fields as
you type, not only after saving; they are hints, never a reason to refuse.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioSet

from gespreks_tui.catalogue import language, t
from gespreks_tui.model import Agreement, Owner
from gespreks_tui.smart import hints
from gespreks_tui.tui.format import date_feedback, name_of
from gespreks_tui.tui.widgets.choice_button import ChoiceButton


@dataclass(frozen=True)
class AgreementInput:
    text: str
    owner: Owner | None
    due_date: str | None


DEFAULT_OWNER = Owner.EMPLOYEE


class AgreementForm(ModalScreen[AgreementInput | None]):
    BINDINGS = [
        Binding("escape", "cancel", t("key.cancel"), id="agreement.cancel"),
        Binding("ctrl+s", "save", t("key.save"), id="agreement.save"),
    ]

    def __init__(self, today, agreement: Agreement | None = None,
                 default_owner: Owner = DEFAULT_OWNER) -> None:
        super().__init__()
        self.today = today
        self.agreement = agreement
        self.default_owner = default_owner

    def compose(self) -> ComposeResult:
        a = self.agreement
        owner_now = a.owner if a else self.default_owner
        with Vertical(classes="dialog", id="agreement-dialog"):
            yield Label(t("agreement.edit_title" if a else "agreement.new_title"),
                        classes="dialog-title")
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
            yield Label("", id="smart-hints", classes="field-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("agreement.save_button"), id="save", variant="primary",
                             compact=True)
                yield Button(t("agreement.cancel_button"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#agreement-text").focus()
        self._show_due(self.query_one("#agreement-due", Input).value)
        self._show_hints()

    def _entered(self) -> tuple[str, Owner | None, str | None]:
        """What the fields say now: text, owner and the parsed date (ISO), if any."""
        text = self.query_one("#agreement-text", Input).value
        _, parsed, _ = date_feedback(self.query_one("#agreement-due", Input).value,
                                     self.today, language())
        pressed = self.query_one("#owner", RadioSet).pressed_button
        owner = Owner(name_of(pressed)) if pressed else None
        return text, owner, parsed.isoformat() if parsed else None

    def _show_hints(self) -> None:
        """The SMART hints for what is typed now (live; never blocking)."""
        text, owner, due = self._entered()
        found = hints(text, owner, due, self.today) if text.strip() else []
        label = self.query_one("#smart-hints", Label)
        label.update(t("agreement.hints_live", hints=" · ".join(t(h) for h in found))
                     if found else t("agreement.hints_none") if text.strip() else "")
        label.set_class(bool(found), "hints")

    @on(RadioSet.Changed, "#owner")
    def _owner_changed(self) -> None:
        self._show_hints()

    def _show_due(self, value: str) -> bool:
        """Show the parsed date (or what is wrong with it); True when acceptable."""
        ok, _, text = date_feedback(value, self.today, language())
        message = self.query_one("#due-message", Label)
        message.update(text)
        message.set_class(not ok, "error")
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
    @on(Button.Pressed, "#save")
    def _submit(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        text = self.query_one("#agreement-text", Input).value
        if not text.strip():
            self.query_one("#text-message", Label).update(t("agreement.empty"))
            self.query_one("#text-message").add_class("error")
            self.query_one("#agreement-text").focus()
            return
        ok, parsed, _ = date_feedback(self.query_one("#agreement-due", Input).value,
                                      self.today, language())
        if not ok:
            self.query_one("#agreement-due").focus()
            return
        due = parsed.isoformat() if parsed else None
        pressed = self.query_one("#owner", RadioSet).pressed_button
        owner = Owner(name_of(pressed)) if pressed else None
        self.dismiss(AgreementInput(text.strip(), owner, due))
