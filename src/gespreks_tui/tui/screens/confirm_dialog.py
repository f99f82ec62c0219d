"""On-screen confirmation of the minutes by whoever is present, on the manager's screen.

The employee gives akkoord, gezien (niet akkoord) or correctie gevraagd, with an
optional reaction; the manager signs as the author (vastgesteld). The minutes
then say it was confirmed on the manager's screen. Only the verdicts of the
chosen party are offered (the manager's one is chosen with the party), so a
verdict the store refuses cannot be picked (walk25 F8). Frame, buttons and
keys: ``BaseDialog``.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, RadioButton, RadioSet, TextArea

from gespreks_tui.catalogue import t
from gespreks_tui.model import VERDICTS_OF, Party, Verdict
from gespreks_tui.tui.format import name_of
from gespreks_tui.tui.screens.base_dialog import BaseDialog, dialog_keys
from gespreks_tui.tui.widgets.choice_button import ChoiceButton


@dataclass(frozen=True)
class ConfirmChoice:
    party: Party
    name: str
    verdict: Verdict
    comment: str


class ConfirmDialog(BaseDialog[ConfirmChoice | None]):
    BINDINGS = dialog_keys("confirm", save_label="key.dialog_confirm")
    # the first choice, as in every dialog
    FRAME_ID, FIRST_FOCUS, MESSAGE_ID = "confirm-dialog", "#party", "confirm-message"

    def __init__(self, revision: int, names: dict[Party, str], done: set[Party]) -> None:
        super().__init__()
        self.revision = revision
        self.names = names
        self.done = done
        self.party = next((p for p in (Party.EMPLOYEE, Party.MANAGER) if p not in done),
                          Party.EMPLOYEE)

    def heading(self) -> str:
        return t("ui.confirm.title", revision=self.revision)

    def compose_body(self) -> ComposeResult:
        yield Label(t("ui.confirm.who"))
        with RadioSet(id="party", compact=True):
            for party in (Party.EMPLOYEE, Party.MANAGER):
                yield ChoiceButton(t(f"ui.confirm.party.{party}"), value=party == self.party,
                                  name=str(party), id=f"party-{party}")
        yield Label(t("ui.confirm.verdict"))
        with RadioSet(id="verdict", compact=True):
            for verdict in (*VERDICTS_OF[Party.EMPLOYEE], *VERDICTS_OF[Party.MANAGER]):
                yield ChoiceButton(t(f"ui.confirm.verdict.{verdict}"), name=str(verdict),
                                  id=f"verdict-{verdict}")
        yield Label(t("ui.confirm.name"))
        yield Input(self.names.get(self.party, ""), id="confirm-name", compact=True)
        yield Label(t("ui.confirm.comment"))
        yield TextArea(id="confirm-comment", soft_wrap=True, tab_behavior="focus",
                       compact=True)
        yield Label("", id="confirm-message", classes="field-message")
        yield from self.save_cancel(t("ui.confirm.save_button"))

    def on_mount(self) -> None:
        self.offer_verdicts(self.party)

    def offer_verdicts(self, party: Party) -> None:
        """Show only ``party``'s verdicts; one alone is chosen, a foreign one unchosen."""
        allowed = VERDICTS_OF[party]
        verdicts = self.query_one("#verdict", RadioSet)
        buttons = list(verdicts.query(ChoiceButton))
        offered = [b for b in buttons if Verdict(name_of(b)) in allowed]
        chosen = offered[0] if len(offered) == 1 else verdicts.pressed_button
        if chosen not in offered:
            chosen = None
        # Set quietly: RadioSet presses a button "clicked off" again when told of it.
        with self.prevent(RadioButton.Changed):
            for button in buttons:
                button.display = button in offered
                button.disabled = button not in offered
                button.value = button is chosen
        verdicts._pressed_button = chosen  # what RadioSet would have recorded

    @on(RadioSet.Changed, "#party")
    def _party_changed(self, event: RadioSet.Changed) -> None:
        party = Party(name_of(event.pressed))
        self.offer_verdicts(party)
        name = self.query_one("#confirm-name", Input)
        if name.value in self.names.values() or not name.value:
            name.value = self.names.get(party, "")

    def say(self, text: str, error: bool = True) -> None:
        """The message line is hidden until there is something to say (80x24)."""
        super().say(text, error)
        self.query_one("#confirm-message", Label).display = True

    def action_save(self) -> None:
        party_button = self.query_one("#party", RadioSet).pressed_button
        verdict_button = self.query_one("#verdict", RadioSet).pressed_button
        name = " ".join(self.query_one("#confirm-name", Input).value.split())
        if verdict_button is None:
            buttons = self.query("#verdict ChoiceButton").results(ChoiceButton)
            offered = [str(b.label) for b in buttons if b.display]
            self.say(t("ui.confirm.choose_verdict", verdicts=" · ".join(offered)))
            self.query_one("#verdict").focus()
            return
        if not name:
            self.say(t("ui.confirm.no_name"))
            self.query_one("#confirm-name").focus()
            return
        party = Party(name_of(party_button)) if party_button else self.party
        if Verdict(name_of(verdict_button)) not in VERDICTS_OF[party]:
            self.say(t("ui.confirm.wrong_verdict"))
            self.query_one("#verdict").focus()
            return
        comment = self.query_one("#confirm-comment", TextArea).text
        self.dismiss(ConfirmChoice(party, name, Verdict(name_of(verdict_button)), comment))
