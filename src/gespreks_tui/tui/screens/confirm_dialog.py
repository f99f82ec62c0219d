"""On-screen confirmation of the minutes by whoever is present, on the manager's screen.

The employee gives akkoord, gezien (niet akkoord) or correctie gevraagd, with an
optional reaction; the manager signs as the author (vastgesteld). The minutes
then say it was confirmed on the manager's screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioSet, TextArea

from gespreks_tui.catalogue import t
from gespreks_tui.model import VERDICTS_OF, Party, Verdict
from gespreks_tui.tui.format import name_of
from gespreks_tui.tui.widgets.choice_button import ChoiceButton


@dataclass(frozen=True)
class ConfirmChoice:
    party: Party
    name: str
    verdict: Verdict
    comment: str


class ConfirmDialog(ModalScreen[ConfirmChoice | None]):
    BINDINGS = [
        Binding("escape", "cancel", t("key.cancel"), id="confirm.cancel"),
        Binding("ctrl+s", "save", t("key.save"), id="confirm.save"),
    ]

    def __init__(self, revision: int, names: dict[Party, str], done: set[Party]) -> None:
        super().__init__()
        self.revision = revision
        self.names = names
        self.done = done
        self.party = next((p for p in (Party.EMPLOYEE, Party.MANAGER) if p not in done),
                          Party.EMPLOYEE)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm-dialog"):
            yield Label(t("ui.confirm.title", revision=self.revision), classes="dialog-title")
            yield Label(t("ui.confirm.who"))
            with RadioSet(id="party", compact=True):
                for party in (Party.EMPLOYEE, Party.MANAGER):
                    yield ChoiceButton(t(f"ui.confirm.party.{party}"), value=party == self.party,
                                      name=str(party), id=f"party-{party}")
            yield Label(t("ui.confirm.verdict"))
            with RadioSet(id="verdict", compact=True, classes="two-columns"):
                for verdict in (*VERDICTS_OF[Party.EMPLOYEE], *VERDICTS_OF[Party.MANAGER]):
                    yield ChoiceButton(t(f"ui.confirm.verdict.{verdict}"), name=str(verdict),
                                      id=f"verdict-{verdict}")
            yield Label(t("ui.confirm.name"))
            yield Input(self.names.get(self.party, ""), id="confirm-name", compact=True)
            yield Label(t("ui.confirm.comment"))
            yield TextArea(id="confirm-comment", soft_wrap=True, tab_behavior="focus",
                           compact=True)
            yield Label("", id="confirm-message", classes="field-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("ui.confirm.save_button"), id="save", variant="primary", compact=True)
                yield Button(t("agreement.cancel_button"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#party").focus()  # the first choice, as in every dialog

    @on(RadioSet.Changed, "#party")
    def _party_changed(self, event: RadioSet.Changed) -> None:
        name = self.query_one("#confirm-name", Input)
        if name.value in self.names.values() or not name.value:
            name.value = self.names.get(Party(name_of(event.pressed)), "")

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def _say(self, text: str) -> None:
        message = self.query_one("#confirm-message", Label)
        message.update(text)
        message.add_class("error")
        message.display = True

    def action_save(self) -> None:
        party_button = self.query_one("#party", RadioSet).pressed_button
        verdict_button = self.query_one("#verdict", RadioSet).pressed_button
        name = " ".join(self.query_one("#confirm-name", Input).value.split())
        if verdict_button is None:
            self._say(t("ui.confirm.no_verdict"))
            self.query_one("#verdict").focus()
            return
        if not name:
            self._say(t("ui.confirm.no_name"))
            self.query_one("#confirm-name").focus()
            return
        party = Party(name_of(party_button)) if party_button else self.party
        if Verdict(name_of(verdict_button)) not in VERDICTS_OF[party]:
            self._say(t("ui.confirm.wrong_verdict"))
            self.query_one("#verdict").focus()
            return
        comment = self.query_one("#confirm-comment", TextArea).text
        self.dismiss(ConfirmChoice(party, name, Verdict(name_of(verdict_button)), comment))
