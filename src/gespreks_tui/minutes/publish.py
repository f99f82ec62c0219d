"""Issuing the minutes: store a revision, and produce the export text.

``publish`` is what the command line's export and the app's preview/export
call: it renders the current content, stores it as a new revision when the
content changed (else reuses the newest), and returns it.
"""

from __future__ import annotations

from dataclasses import replace

from gespreks_tui.catalogue import t
from gespreks_tui.db import StoreError
from gespreks_tui.minutes.dutch_time import date_text
from gespreks_tui.minutes.html import render_html
from gespreks_tui.minutes.render import Minutes, render_minutes
from gespreks_tui.model import Conversation, Status

FORMATS = ("md", "html")


def publish(store, conversation_id: int) -> Minutes:
    """The minutes of a concluded (or confirmed) conversation, stored as a revision.

    Raises ``StoreError`` ("minutes.not_concluded") while the conversation is
    still a draft or running.
    """
    with store.exclusive():
        c = store.get_conversation(conversation_id)
        if c.status not in (Status.CONCLUDED, Status.CONFIRMED):
            raise StoreError("minutes.not_concluded", store.path, id=conversation_id,
                             status=t(f"status.{c.status}"))
        minutes = render_minutes(store, conversation_id)
        if minutes.stored:
            return minutes
        number = store.save_revision(conversation_id, minutes.markdown, minutes.sha256)
        if number == minutes.revision:  # always, as the store is held
            return replace(minutes, stored=True)
        return render_minutes(store, conversation_id, revision=number)


def title_of(c: Conversation, lang: str | None = None) -> str:
    """A plain-text title (not Markdown): kind, employee and date."""
    lang = lang or c.language
    kind = t(f"kind.{c.kind}", lang=lang).capitalize()
    title = t("minutes.title", lang=lang, kind=kind, employee=c.employee_name)
    return f"{title}, {date_text(c.started_at or c.created_at)}"


def export_text(store, conversation_id: int, fmt: str = "md") -> tuple[Minutes, str]:
    """Publish, then the text of the export file: Markdown or a standalone HTML page."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    minutes = publish(store, conversation_id)
    if fmt == "md":
        return minutes, minutes.markdown
    c = store.get_conversation(conversation_id)
    return minutes, render_html(minutes.markdown, title_of(c, minutes.language),
                                minutes.language)
