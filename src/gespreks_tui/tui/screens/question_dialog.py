"""A question with a few answers as buttons: "discard this?", "start a second one?".

It opens with focus on the first answer (the one the caller puts first is the
safe or expected one) and returns the chosen answer's value, or None for
Escape. Left/Right move between the answers, as in the other dialogs' choices.
Frame and keys: ``BaseDialog``.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Label

from gespreks_tui.tui.screens.base_dialog import BaseDialog, dialog_keys


class QuestionDialog(BaseDialog[str | None]):
    """Ask ``explain``; the answers are (value, label) pairs, the first one focused."""

    BINDINGS = dialog_keys("question", save=False,
                           choices=("key.previous_choice", "key.next_choice"))
    FRAME_ID = "question-dialog"

    def __init__(self, title: str, explain: str, answers: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text, self.explain, self.answers = title, explain, list(answers)

    def heading(self) -> str:
        return self.title_text

    def compose_body(self) -> ComposeResult:
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
