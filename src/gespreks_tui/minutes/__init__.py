"""Markdown minutes and their two-party confirmation (no Textual here).

- ``render_minutes(store, id, revision=None, lang=None) -> Minutes``: preview.
- ``publish(store, id) -> Minutes``: render and store as a revision.
- ``export_text(store, id, fmt) -> (Minutes, text)``: publish, then md or html.
- ``render_html(markdown, title, lang)``: a standalone printable page.
- ``parse_returned(text) -> Returned``; ``verify_text``/``confirm_text`` check
  a returned file against the database.
"""

from gespreks_tui.minutes.html import render_html
from gespreks_tui.minutes.parse import MinutesError, Returned, parse_returned
from gespreks_tui.minutes.publish import FORMATS, export_text, publish, title_of
from gespreks_tui.minutes.render import Minutes, render_minutes
from gespreks_tui.minutes.returned import Verification, confirm_text, verify_text

__all__ = [
    "FORMATS", "Minutes", "MinutesError", "Returned", "Verification", "confirm_text",
    "export_text", "parse_returned", "publish", "render_html", "render_minutes", "title_of",
    "verify_text",
]
