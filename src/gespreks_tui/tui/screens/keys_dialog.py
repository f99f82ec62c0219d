"""Every key of the screen below, with what it does, in the user's language.

It replaces Textual's key panel in the palette ("Toetsen"): that panel lists the
widgets' own bindings too ("Cursor left", "Scroll Up"), in English. This one
lists the app's bindings (those with an id) that work now on the screen it
was opened from, each with its one-line description from the catalogue.
Frame and Escape: ``BaseDialog``.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from gespreks_tui.catalogue import t
from gespreks_tui.tui.action_help import action_help
from gespreks_tui.tui.screens.base_dialog import BaseDialog, dialog_keys


def key_rows(screen: Screen) -> list[tuple[str, str, str]]:
    """(key, label, description) of each working binding of ours on ``screen``."""
    rows, seen = [], set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.id or not active.enabled or binding.id in seen:
            continue
        seen.add(binding.id)
        display = screen.app.get_key_display(binding)
        rows.append((display or key, binding.description, action_help(binding)))
    return rows


class KeysDialog(BaseDialog[None]):
    """A list to read (and scroll) of the keys that work on the screen below."""

    BINDINGS = dialog_keys("keys", save=False, cancel=("close", "key.close"))
    FRAME_ID, FIRST_FOCUS = "keys-dialog", "#keys-list"

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.rows = key_rows(screen)

    def heading(self) -> str:
        return t("palette.keys_title")

    def compose_body(self) -> ComposeResult:
        yield OptionList(*(Option(t("palette.keys_row", key=key, label=label, help=help_text))
                           for key, label, help_text in self.rows),
                         id="keys-list", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
