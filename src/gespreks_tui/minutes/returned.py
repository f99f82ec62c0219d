"""Checking returned minutes: verify (read only) and confirm (recorded by the store).

Whether a returned file is exactly the revision it names is decided in one
place, the store's ``check_copy``: ``confirm_text`` hands the parsed file to
``store.confirm_returned`` (which checks it, and the confirmation, inside the
transaction that records it), and ``verify_record`` asks ``check_copy`` the
same question of a record. A file that ``verify`` accepts for the revision it
names is one that ``confirm`` accepts, and the other way round.

Verify says one thing more: a file whose content is not the revision it names
may still be some other stored revision, word for word (a fingerprint line
pasted from another copy); ``verify_text`` looks that up and reports it as a
match. Confirming such a file is refused: it names the wrong revision.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from gespreks_tui.db import StoreError
from gespreks_tui.errors import MinutesError, UserError
from gespreks_tui.fingerprint import changed_lines, content_diff
from gespreks_tui.minutes.parse import Returned, parse_returned
from gespreks_tui.model import Confirmation, Party, Revision
from gespreks_tui.record import ConversationRecord
from gespreks_tui.store.minutes import check_copy

if TYPE_CHECKING:
    from gespreks_tui.store import Store

__all__ = ["Verification", "changed_lines", "confirm_text", "verify_record", "verify_text"]


@dataclass(frozen=True)
class Verification:
    """``match`` is the stored revision with the same content (None: no match);
    ``claimed`` the revision the fingerprint line names, if it exists; when
    nothing matches, ``diff`` compares with ``compared``: the claimed revision,
    or else that conversation's newest (None when there is neither).
    ``refusal`` is why ``confirm`` would refuse the file for the revision it
    names (None when it would not): the same error, from the same check."""

    returned: Returned
    match: Revision | None
    claimed: Revision | None
    compared: Revision | None
    diff: list[str]
    refusal: UserError | None = field(default=None, compare=False)  # errors have no ==


def verify_record(record: ConversationRecord | None, returned: Returned,
                  name: str = "") -> Verification:
    """The verdict on ``returned`` against the record of the conversation it names
    (None: there is no such conversation). Pure: no store, nothing written."""
    claimed = record.revision(returned.revision) if record is not None else None
    try:
        stored = check_copy(record, returned, name)
    except MinutesError as refusal:  # changed content or fingerprint line
        return Verification(returned, None, claimed, claimed if refusal.details else None,
                            refusal.details, refusal)
    except StoreError as refusal:  # no such revision: compare with the newest there is
        compared = record.latest if record is not None else None
        diff = content_diff(compared, returned.content, name) if compared else []
        return Verification(returned, None, None, compared, diff, refusal)
    return Verification(returned, stored, stored, None, [])


def verify_text(store: Store, text: str, name: str = "") -> Verification:
    """Parse ``text`` and verify it against the database (nothing is written).

    When its content is not the revision it names, the content is looked up
    among every stored revision (``revision_by_sha``).
    """
    returned = parse_returned(text)
    try:
        record: ConversationRecord | None = store.conversation_record(returned.conversation_id)
    except StoreError as error:
        if error.key != "conversation.not_found":
            raise
        record = None
    result = verify_record(record, returned, name)
    refusal = result.refusal
    if refusal is not None and refusal.key != "confirm.fingerprint_changed":
        elsewhere = store.revision_by_sha(returned.sha256)
        if elsewhere is not None:
            return replace(result, match=elsewhere, compared=None, diff=[])
    return result


def confirm_text(store: Store, text: str, party: Party | str = Party.EMPLOYEE,
                 name: str | None = None, via: str = "file", path: str = "") -> Confirmation:
    """Record ``party``'s verdict (and, for the employee, the comments) from returned minutes.

    The store checks and records it (``store.confirm_returned``); nothing is
    recorded when it refuses: ``MinutesError`` "confirm.changed" (with the diff
    in ``details``), "confirm.fingerprint_changed", "confirm.no_box" …, or
    ``StoreError`` (unknown revision, superseded, already confirmed …).
    A returned file is always recorded as given ``via`` "file".
    """
    return store.confirm_returned(parse_returned(text), party, name, source=path)
