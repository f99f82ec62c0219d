"""Issuing the minutes: store a revision, and produce the export text.

``publish`` is what the command line's export and the app's preview/export
call: read the record (one transaction), render it (a pure function), and
store the rendering as a new revision when the content changed (else the
newest is reused); it returns the minutes.

The minutes are a snapshot of the conversation as concluded. Once a revision
is issued for a conclusion (``ConversationRecord.issued``), ``publish`` gives
that revision again, byte for byte, whatever happened since: a follow-up in a
later conversation or ``gespreks done`` never makes a new revision, nor takes
the conversation back from confirmed. Only reopening and concluding again
renders anew.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from gespreks_tui.catalogue import t
from gespreks_tui.db import StoreError
from gespreks_tui.display_time import moment_day
from gespreks_tui.errors import Term
from gespreks_tui.minutes.html import render_html
from gespreks_tui.minutes.render import Minutes, render_record
from gespreks_tui.model import Conversation
from gespreks_tui.record import ConversationRecord

if TYPE_CHECKING:
    from gespreks_tui.store import Store

FORMATS = ("md", "html")


def publish_record(store: Store, conversation_id: int) -> tuple[ConversationRecord, Minutes]:
    """``publish``, also returning the record the minutes were rendered from."""
    with store.exclusive():
        record = store.conversation_record(conversation_id)
        if not record.concluded:
            status = record.conversation.status
            raise StoreError("minutes.not_concluded", store.path, id=conversation_id,
                             status=Term(f"status.{status}"))
        minutes = render_record(record)
        if record.issued is not None:  # issued for this conclusion: never re-rendered
            return record, minutes
        # Unchanged content keeps the newest revision; either way it is now the issued one.
        number = store.save_revision(conversation_id, minutes.markdown, minutes.sha256)
        if number == minutes.revision:  # always, as the store is held
            return record, replace(minutes, stored=True)
        record = store.conversation_record(conversation_id)
        return record, render_record(record, revision=number)


def publish(store: Store, conversation_id: int) -> Minutes:
    """The minutes of a concluded (or confirmed) conversation, stored as a revision.

    Raises ``StoreError`` ("minutes.not_concluded") while the conversation is
    still a draft or running.
    """
    return publish_record(store, conversation_id)[1]


def title_of(c: Conversation, lang: str | None = None) -> str:
    """A plain-text title (not Markdown): kind, employee and date."""
    lang = lang or c.language
    kind = t(f"kind.{c.kind}", lang=lang).capitalize()
    title = t("minutes.title", lang=lang, kind=kind, employee=c.employee_name)
    return f"{title}, {moment_day(c.started_at or c.created_at, c.time_zone, lang)}"


def export_document(record: ConversationRecord, minutes: Minutes, fmt: str = "md") -> str:
    """The text of the export file: the Markdown, or a standalone HTML page of it."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    if fmt == "md":
        return minutes.markdown
    return render_html(minutes.markdown, title_of(record.conversation, minutes.language),
                       minutes.language)


def export_text(store: Store, conversation_id: int, fmt: str = "md") -> tuple[Minutes, str]:
    """Publish, then the text of the export file: Markdown or a standalone HTML page."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    record, minutes = publish_record(store, conversation_id)
    return minutes, export_document(record, minutes, fmt)
