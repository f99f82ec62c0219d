"""Asked before a very large paste goes into the notes: insert, insert as a quote, or not.

A paste of a whole log or document is more often a slip than a note; and a
quoted block keeps pasted material apart from what was said. So a paste over
``notes_area.ASK_BYTES`` (UTF-8) waits for this dialog (the meeting screen
shows it on ``NotesArea.LargePaste``); smaller ones go in at once, as in any
text field. The dialog returns ``"insert"``, ``"quote"`` or None (cancelled);
``NotesArea.paste_answered`` does the inserting. Its frame is the dialogs'
one in ``styles/dialogs.tcss``.
"""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from gespreks_tui.catalogue import t

PasteChoice = Literal["insert", "quote"]


def size_text(size: int) -> str:
    """A byte count as a person reads it: kB below a megabyte, MB with one decimal above."""
    if size < 1024 * 1024:
        return t("paste.kilobytes", count=round(size / 1024))
    tenths = round(size * 10 / 1024 / 1024)
    return t("paste.megabytes", whole=tenths // 10, tenth=tenths % 10)


class PasteDialog(ModalScreen[PasteChoice | None]):
    """How to take a large paste; focus starts on the first choice (insert as pasted)."""

    BINDINGS = [
        Binding("escape", "cancel", t("key.cancel"), id="paste.cancel"),
        Binding("left", "app.focus_previous", t("paste.key_previous"), id="paste.previous",
                show=False),
        Binding("right", "app.focus_next", t("paste.key_next"), id="paste.next", show=False),
    ]

    def __init__(self, size: int, lines: int) -> None:
        super().__init__()
        self.bytes, self.lines = size, lines

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="paste-dialog"):
            yield Label(t("paste.title", size=size_text(self.bytes)), classes="dialog-title")
            yield Label(t("paste.explain", lines=self.lines), id="paste-explain")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("paste.insert"), id="paste-insert", variant="primary",
                             compact=True)
                yield Button(t("paste.quote"), id="paste-quote", compact=True)
                yield Button(t("paste.cancel"), id="paste-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#paste-insert").focus()

    @on(Button.Pressed, "#paste-insert")
    def _insert(self) -> None:
        self.dismiss("insert")

    @on(Button.Pressed, "#paste-quote")
    def _quote(self) -> None:
        self.dismiss("quote")

    @on(Button.Pressed, "#paste-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
