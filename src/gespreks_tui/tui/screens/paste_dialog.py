"""Asked before a very large paste goes into the notes: insert, insert as a quote, or not.

A paste of a whole log or document is more often a slip than a note; and a
quoted block keeps pasted material apart from what was said. So a paste over
``notes_area.ASK_BYTES`` (UTF-8) waits for this dialog (the meeting screen
shows it on ``NotesArea.LargePaste``); smaller ones go in at once, as in any
text field. The dialog returns ``"insert"``, ``"quote"`` or None (cancelled);
``NotesArea.paste_answered`` does the inserting. Frame and keys: ``BaseDialog``.
"""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Label

from gespreks_tui.catalogue import t, tn
from gespreks_tui.tui.screens.base_dialog import BaseDialog, dialog_keys

PasteChoice = Literal["insert", "quote"]


def size_text(size: int) -> str:
    """A byte count as a person reads it: kB below a megabyte, MB with one decimal above."""
    if size < 1024 * 1024:
        return t("paste.kilobytes", count=round(size / 1024))
    tenths = round(size * 10 / 1024 / 1024)
    return t("paste.megabytes", whole=tenths // 10, tenth=tenths % 10)


class PasteDialog(BaseDialog[PasteChoice | None]):
    """How to take a large paste; focus starts on the first choice (insert as pasted)."""

    BINDINGS = dialog_keys("paste", save=False, choices=("paste.key_previous", "paste.key_next"))
    FRAME_ID, FIRST_FOCUS = "paste-dialog", "#paste-insert"

    def __init__(self, size: int, lines: int) -> None:
        super().__init__()
        self.bytes, self.lines = size, lines

    def heading(self) -> str:
        return t("paste.title", size=size_text(self.bytes))

    def compose_body(self) -> ComposeResult:
        yield Label(tn("paste.explain", self.lines, lines=self.lines), id="paste-explain")
        with Horizontal(classes="dialog-buttons"):
            yield Button(t("paste.insert"), id="paste-insert", variant="primary", compact=True)
            yield Button(t("paste.quote"), id="paste-quote", compact=True)
            yield Button(t("paste.cancel"), id="paste-cancel", compact=True)

    @on(Button.Pressed, "#paste-insert")
    def _insert(self) -> None:
        self.dismiss("insert")

    @on(Button.Pressed, "#paste-quote")
    def _quote(self) -> None:
        self.dismiss("quote")

    @on(Button.Pressed, "#paste-cancel")
    def _cancel(self) -> None:
        self.action_cancel()
