"""Escaping user text for CommonMark: the rules live in the core
(``gespreks_tui.markdown_escape``), as the store's erasure writes escaped names too."""

from gespreks_tui.markdown_escape import clean, inline, note_lines, note_text

__all__ = ["clean", "inline", "note_lines", "note_text"]
