"""A question with a few answers as buttons: "discard this?", "start a second one?".

It opens with focus on the first answer (the one the caller puts first is the
safe or expected one) and returns the chosen answer's value, or None for
Escape. Left/Right move between the answers, as in the other dialogs' choices.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from gespreks_tui.catalogue import t


class QuestionDialog(ModalScreen[str | None]):
    """Ask ``explain``; the answers are (value, label) pairs, the first one focused."""

    BINDINGS = [
        Binding("escape", "cancel", t("key.cancel"), id="question.cancel"),
        Binding("left", "app.focus_previous", t("key.previous_choice"), id="question.previous",
                show=False),
        Binding("right", "app.focus_next", t("key.next_choice"), id="question.next", show=False),
    ]

    def __init__(self, title: str, explain: str, answers: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text, self.explain, self.answers = title, explain, list(answers)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="question-dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Label(self.explain, id="question-explain", markup=False)
            with Horizontal(classes="dialog-buttons"):
                for number, (value, label) in enumerate(self.answers):
                    yield Button(label, id=f"answer-{value}", name=value, compact=True,
                                 variant="primary" if number == 0 else "default")

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _answered(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.name)

    def action_cancel(self) -> None:
        self.dismiss(None)
