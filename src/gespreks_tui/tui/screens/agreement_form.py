"""Dialog to add or edit an agreement: what, who, by when (parsed as you type)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from gespreks_tui.catalogue import language, t
from gespreks_tui.model import Agreement, Owner
from gespreks_tui.tui.format import date_feedback, name_of


@dataclass(frozen=True)
class AgreementInput:
    text: str
    owner: Owner | None
    due_date: str | None


class AgreementForm(ModalScreen[AgreementInput | None]):
    BINDINGS = [
        Binding("escape", "cancel", t("key.cancel"), id="agreement.cancel"),
        Binding("ctrl+s", "save", t("key.save"), id="agreement.save"),
    ]

    def __init__(self, today, agreement: Agreement | None = None) -> None:
        super().__init__()
        self.today = today
        self.agreement = agreement

    def compose(self) -> ComposeResult:
        a = self.agreement
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
                    yield RadioButton(t(f"owner.{owner}"), name=str(owner), id=f"owner-{owner}",
                                      value=bool(a and a.owner == owner))
            yield Label(t("agreement.when"))
            yield Input(a.due_date or "" if a else "", id="agreement-due",
                        placeholder=t("agreement.when_placeholder"), compact=True)
            yield Label("", id="due-message", classes="field-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("agreement.save_button"), id="save", variant="primary",
                             compact=True)
                yield Button(t("agreement.cancel_button"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#agreement-text").focus()
        self._show_due(self.query_one("#agreement-due", Input).value)

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

    @on(Input.Changed, "#agreement-text")
    def _text_changed(self) -> None:
        self.query_one("#text-message", Label).update("")

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
