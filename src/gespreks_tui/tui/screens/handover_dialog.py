"""The hand-over dialog: how the minutes were handed over, and the reaction term
(for a beoordeling: the objection term, and the label says so, ``worded``).

It returns what was chosen (None: cancelled); the caller has the store record
it. ``can_hand_over`` says whether the store would take a hand-over now (the
minutes screen hides 'u' otherwise, instead of refusing after the dialog).
The highlight of the medium starts on the chosen one (``FieldChoices``: Enter
takes it and goes on to the term). Frame, buttons and keys: ``BaseDialog``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Input, Label

from gespreks_tui.appraisal_procedure import worded
from gespreks_tui.catalogue import t
from gespreks_tui.model import HandoverMedium, Kind, Party
from gespreks_tui.tui.format import name_of
from gespreks_tui.tui.screens.base_dialog import BaseDialog, dialog_keys
from gespreks_tui.tui.widgets.choice_button import ChoiceButton
from gespreks_tui.tui.widgets.field_choices import FieldChoices

if TYPE_CHECKING:
    from gespreks_tui.record import ConversationRecord


def can_hand_over(record: ConversationRecord | None) -> bool:
    """Whether the newest revision can be handed over now (``store.hand_over``'s rule):
    concluded, not handed over yet, and the employee has not reacted to it."""
    latest = record.latest if record is not None else None
    if record is None or latest is None or not record.concluded:
        return False
    if record.handover_of(latest.revision) is not None:
        return False
    return not any(k.party == Party.EMPLOYEE for k in record.confirmations_of(latest.revision))


@dataclass(frozen=True)
class HandoverChoice:
    medium: HandoverMedium
    term_days: int


class HandoverDialog(BaseDialog[HandoverChoice | None]):
    """How the minutes were handed over, and the reaction term in days."""

    BINDINGS = dialog_keys("handover", save_label="key.dialog_handover")
    FRAME_ID, FIRST_FOCUS, MESSAGE_ID = "handover-dialog", "#medium", "handover-message"

    def __init__(self, revision: int, term_days: int, kind: Kind | str = Kind.VOORTGANG) -> None:
        super().__init__()
        self.revision, self.term_days, self.kind = revision, term_days, kind

    def heading(self) -> str:
        return t("ui.handover.title", revision=self.revision)

    def compose_body(self) -> ComposeResult:
        yield Label(t("ui.handover.medium"))
        with FieldChoices(id="medium", compact=True):
            for medium in HandoverMedium:
                yield ChoiceButton(t(f"minutes.handover.medium.{medium}"), name=str(medium),
                                  value=medium == HandoverMedium.EMAIL, id=f"medium-{medium}")
        yield Label(t(worded("ui.handover.term", self.kind)), id="handover-term-label")
        yield Input(str(self.term_days), id="handover-term", compact=True)
        yield Label("", id="handover-message")
        yield from self.save_cancel(t("ui.handover.save_button"))

    def action_save(self) -> None:
        text = self.query_one("#handover-term", Input).value.strip()
        if not text.isdigit() or not 0 <= int(text) <= 366:
            self.say(t("ui.handover.bad_term"))
            return
        button = self.query_one("#medium", FieldChoices).pressed_button
        medium = HandoverMedium(name_of(button)) if button else HandoverMedium.EMAIL
        self.dismiss(HandoverChoice(medium, int(text)))
