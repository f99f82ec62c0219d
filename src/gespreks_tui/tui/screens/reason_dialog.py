"""Small dialogs of the sign-off: a reason (reopening confirmed minutes, keeping the
minutes after a correction request) and a hand-over (how, and the reaction term).

Each says what will happen and returns what was chosen (None: cancelled); the
caller has the store record it. The look is the module's own (``DEFAULT_CSS``),
as a widget's is: the shared dialog rules in ``styles/dialogs.tcss`` list their
dialogs by type.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, TextArea

from gespreks_tui.catalogue import t
from gespreks_tui.model import HandoverMedium
from gespreks_tui.tui.format import name_of

_CSS = """
{name} {{ align: center middle; }}
{name} .dialog {{ width: 70; max-width: 95%; height: auto; max-height: 95%;
    border: thick $accent; background: $surface; padding: 1 2; }}
{name} .dialog-title {{ text-style: bold; width: 100%; content-align: center middle;
    padding: 0 0 1 0; }}
{name} .dialog Label {{ width: 100%; }}
{name} .dialog TextArea {{ height: 6; }}
{name} .dialog RadioSet {{ width: 100%; layout: horizontal; height: auto; }}
{name} .dialog-buttons {{ height: auto; margin: 1 0 0 0; }}
{name} .error {{ color: $error; }}
"""


class ReasonDialog(ModalScreen[str | None]):
    """Ask for a reason (required) after saying what will happen."""

    DEFAULT_CSS = _CSS.format(name="ReasonDialog")
    BINDINGS = [
        Binding("escape", "cancel", t("key.cancel"), id="reason.cancel"),
        Binding("ctrl+s", "save", t("key.save"), id="reason.save"),
    ]

    def __init__(self, title: str, explain: str, label: str) -> None:
        super().__init__()
        self.title_text, self.explain, self.label = title, explain, label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="reason-dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Label(self.explain, id="reason-explain", markup=False)
            yield Label(self.label)
            yield TextArea(id="reason-text", soft_wrap=True, tab_behavior="focus")
            yield Label("", id="reason-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("ui.reason.save_button"), id="save", variant="primary",
                             compact=True)
                yield Button(t("agreement.cancel_button"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#reason-text").focus()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        reason = self.query_one("#reason-text", TextArea).text.strip()
        if not reason:
            message = self.query_one("#reason-message", Label)
            message.update(t("ui.reason.no_reason"))
            message.add_class("error")
            return
        self.dismiss(reason)


@dataclass(frozen=True)
class HandoverChoice:
    medium: HandoverMedium
    term_days: int


class HandoverDialog(ModalScreen[HandoverChoice | None]):
    """How the minutes were handed over, and the reaction term in days."""

    DEFAULT_CSS = _CSS.format(name="HandoverDialog")
    BINDINGS = [
        Binding("escape", "cancel", t("key.cancel"), id="handover.cancel"),
        Binding("ctrl+s", "save", t("key.save"), id="handover.save"),
    ]

    def __init__(self, revision: int, term_days: int) -> None:
        super().__init__()
        self.revision, self.term_days = revision, term_days

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="handover-dialog"):
            yield Label(t("ui.handover.title", revision=self.revision), classes="dialog-title")
            yield Label(t("ui.handover.medium"))
            with RadioSet(id="medium", compact=True):
                for medium in HandoverMedium:
                    yield RadioButton(t(f"minutes.handover.medium.{medium}"), name=str(medium),
                                      value=medium == HandoverMedium.EMAIL,
                                      id=f"medium-{medium}")
            yield Label(t("ui.handover.term"))
            yield Input(str(self.term_days), id="handover-term", compact=True)
            yield Label("", id="handover-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("ui.handover.save_button"), id="save", variant="primary",
                             compact=True)
                yield Button(t("agreement.cancel_button"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#medium").focus()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        text = self.query_one("#handover-term", Input).value.strip()
        if not text.isdigit() or not 0 <= int(text) <= 366:
            message = self.query_one("#handover-message", Label)
            message.update(t("ui.handover.bad_term"))
            message.add_class("error")
            return
        button = self.query_one("#medium", RadioSet).pressed_button
        medium = HandoverMedium(name_of(button)) if button else HandoverMedium.EMAIL
        self.dismiss(HandoverChoice(medium, int(text)))
