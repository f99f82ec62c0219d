"""What an action does, in one line of the user's language (the palette, the keys list).

Each binding of the app has an id; its description lives in the catalogue as
``help.<id>`` (``catalogue/palette_*.py``). A module of its own, so that the
app and the screens both use it without importing each other.
"""

from __future__ import annotations

from textual.binding import Binding

from gespreks_tui.catalogue import t


def action_help(binding: Binding) -> str:
    """The ``help.<id>`` entry of ``binding``, else its tooltip, else its label."""
    key = f"help.{binding.id}"
    text = t(key)
    return text if text != key else (binding.tooltip or binding.description)
