"""Checking returned minutes: verify (read only) and confirm (recorded by the store).

Whether a returned file is exactly the newest revision it names is decided in
one place, the store's ``check_file`` (``check_copy``: the content and the
fingerprint line are that revision's, word for word; ``check_current``: no
newer revision was issued). ``confirm_text`` hands the parsed file to
``store.confirm_returned``, which asks it inside the transaction that records
the confirmation; ``verify_record`` asks it of a record. So ``verify`` says
"matches" exactly when ``confirm`` would accept the file's content, and a
changed fingerprint line, a changed conversation or revision number, a copy
from another database or a superseded revision is never a match. For a
superseded revision, ``verify`` says which revision is current and who
confirmed what (``Verification.record``).

Confirming checks one thing more, the confirmation block as the file has it
(``stray_lines``): every line between the fingerprint line and the heading
"Opmerkingen medewerker" must be one the minutes wrote (with boxes ticked or
not, and the "Naam:" lines, which the store compares). Text the employee
wrote there is refused with a line saying where to write it, never dropped.

An HTML export verifies too (``minutes.html.read_html``): its content is the
page's embedded Markdown, accepted only when the visible page is exactly its
rendering.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from gespreks_tui.db import StoreError
from gespreks_tui.errors import MinutesError, UserError
from gespreks_tui.fingerprint import changed_lines, content_diff
from gespreks_tui.minutes.footer import render_footer
from gespreks_tui.minutes.html import read_html
from gespreks_tui.minutes.parse import Returned, parse_returned
from gespreks_tui.model import Party
from gespreks_tui.model_records import Confirmation, Revision
from gespreks_tui.record import ConversationRecord
from gespreks_tui.store.minutes import check_copy, check_current

if TYPE_CHECKING:
    from gespreks_tui.store import Store

__all__ = ["Verification", "changed_lines", "confirm_text", "parse_any", "stray_lines",
           "verify_record", "verify_text"]


@dataclass(frozen=True)
class Verification:
    """``match`` is the stored revision the file is, word for word, when that is the
    newest (None: no match); ``claimed`` the revision the fingerprint line names,
    if it exists; ``superseded`` that revision when the file is it exactly but a
    newer one was issued (``record.latest``); when the content differs, ``diff``
    compares with ``compared``: the claimed revision, or else that conversation's
    newest (None when there is neither). ``refusal`` is why ``confirm`` would
    refuse the file for the revision it names: the same error, from the same check."""

    returned: Returned
    match: Revision | None
    claimed: Revision | None
    compared: Revision | None
    diff: list[str]
    refusal: UserError | None = field(default=None, compare=False)  # errors have no ==
    superseded: Revision | None = None
    record: ConversationRecord | None = field(default=None, compare=False)


def parse_any(text: str) -> Returned:
    """A returned Markdown file, or an HTML export (``read_html``)."""
    html = read_html(text)
    return parse_returned(html if html is not None else text)


def verify_record(record: ConversationRecord | None, returned: Returned,
                  name: str = "") -> Verification:
    """The verdict on ``returned`` against the record of the conversation it names
    (None: there is no such conversation). Pure: no store, nothing written."""
    claimed = record.revision(returned.revision) if record is not None else None
    try:
        stored = check_copy(record, returned, name)
    except MinutesError as refusal:  # changed content or fingerprint line
        compared = claimed if refusal.details else None
        return Verification(returned, None, claimed, compared, refusal.details, refusal,
                            record=record)
    except StoreError as refusal:  # no such revision: compare with the newest there is
        compared = record.latest if record is not None else None
        diff = content_diff(compared, returned.content, name) if compared else []
        return Verification(returned, None, None, compared, diff, refusal, record=record)
    assert record is not None
    try:
        check_current(record, stored.revision)
    except StoreError as refusal:  # exactly that revision, but a newer one was issued
        return Verification(returned, None, stored, None, [], refusal, superseded=stored,
                            record=record)
    return Verification(returned, stored, stored, None, [], record=record)


def verify_text(store: Store, text: str, name: str = "") -> Verification:
    """Parse ``text`` (Markdown or an HTML export) and verify it (nothing is written)."""
    returned = parse_any(text)
    try:
        record: ConversationRecord | None = store.conversation_record(returned.conversation_id)
    except StoreError as error:
        if error.key != "conversation.not_found":
            raise
        record = None
    result = verify_record(record, returned, name)
    if result.match is None and result.superseded is None and result.refusal is not None \
            and result.refusal.key not in ("confirm.number_changed", "confirm.other_database"):
        elsewhere = store.revision_by_sha(returned.sha256)
        named = (returned.conversation_id, returned.revision)
        if elsewhere is not None and (elsewhere.conversation_id, elsewhere.revision) != named:  # stored content under another conversation's number
            refusal = MinutesError(
                "confirm.number_changed", id=elsewhere.conversation_id,
                actual=elsewhere.revision, claimed_id=returned.conversation_id,
                revision=returned.revision, **({"path": name} if name else {}))
            return replace(result, refusal=refusal, compared=None, diff=[])
    return result


def _box_free(line: str) -> str:
    """A line with a ticked box unticked, so a ticked and an empty box compare equal."""
    for mark in "xXvV✓✔":
        if line.startswith(f"- [{mark}]"):
            return "- [ ]" + line[5:]
    return line


def stray_lines(record: ConversationRecord, returned: Returned) -> list[tuple[int, str]]:
    """Lines of the file's confirmation block that the minutes did not write there:
    text the employee put outside "Opmerkingen medewerker" (line number, text)."""
    written: set[str] = set()
    for lang in ("nl", "en"):
        for stored in (False, True):
            revision = record.revision(returned.revision)
            sha = revision.sha256 if revision else returned.fingerprint
            footer = render_footer(record, returned.revision, sha, stored, lang)
            written |= {_box_free(_nfc(line.strip())) for line in footer.split("\n")}
    name_labels = ("Naam:", "Name:")
    return [(n, line) for n, line in returned.block
            if _box_free(_nfc(line)) not in written and not line.startswith(name_labels)]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def confirm_text(store: Store, text: str, party: Party | str = Party.EMPLOYEE,
                 name: str | None = None, via: str = "file", path: str = "",
                 file_sha256: str | None = None) -> Confirmation:
    """Record ``party``'s verdict (and, for the employee, the reaction) from returned minutes.

    The store checks and records it (``store.confirm_returned``); nothing is
    recorded when it refuses: ``MinutesError`` "confirm.changed" (with the diff
    in ``details``), "confirm.fingerprint_changed", "confirm.stray_text",
    "confirm.no_box" …, or ``StoreError`` (unknown revision, superseded, already
    confirmed …). A returned file is always recorded as given ``via`` "file",
    with the sha256 of the file (``file_sha256``, else of ``text`` as UTF-8).
    """
    returned = parse_returned(text)
    try:
        record = store.conversation_record(returned.conversation_id)
    except StoreError as error:
        if error.key != "conversation.not_found":
            raise
    else:
        stray = stray_lines(record, returned) if record.revision(returned.revision) else []
        if stray:
            number, line = stray[0]
            raise MinutesError("confirm.stray_text", line=number, text=line[:60],
                               count=len(stray), **({"path": path} if path else {}))
    sha = file_sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    return store.confirm_returned(returned, party, name, source=path, file_sha256=sha)
