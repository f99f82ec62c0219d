"""Markdown minutes and their two-party confirmation (no Textual here).

Pure functions of one ``ConversationRecord`` (``store.conversation_record``):

- ``render_record(record, revision=None, lang=None) -> Minutes``: the minutes;
- ``verify_record(record, returned, name) -> Verification``: a returned file
  against the revision it names (the store's own check, ``check_copy``);
- ``render_html(markdown, title, lang)``: a standalone printable page.

And what reads the record first, or writes:

- ``render_minutes(store, id, revision=None, lang=None)``: ``render_record``
  of the record read now (a preview);
- ``publish(store, id) -> Minutes``: render and store as a revision;
- ``export_text(store, id, fmt) -> (Minutes, text)``: publish, then md or html;
- ``parse_returned(text) -> Returned``; ``verify_text`` checks a returned file
  against the database, ``confirm_text`` has the store check and record it.
"""

from gespreks_tui.errors import MinutesError
from gespreks_tui.minutes.html import render_html
from gespreks_tui.minutes.parse import Returned, parse_returned
from gespreks_tui.minutes.publish import FORMATS, export_text, publish, title_of
from gespreks_tui.minutes.render import Minutes, render_minutes, render_record
from gespreks_tui.minutes.returned import (
    Verification,
    confirm_text,
    verify_record,
    verify_text,
)

__all__ = [
    "FORMATS", "Minutes", "MinutesError", "Returned", "Verification", "confirm_text",
    "export_text", "parse_returned", "publish", "render_html", "render_minutes",
    "render_record", "title_of", "verify_record", "verify_text",
]
