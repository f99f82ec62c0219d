"""Checking returned minutes against the database: verify and confirm.

Both compare the content above the fingerprint line with the stored revision
it names; a difference is explained with a unified diff (``difflib``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from gespreks_tui.catalogue import t
from gespreks_tui.db import StoreError
from gespreks_tui.minutes.footer import default_name
from gespreks_tui.minutes.parse import MinutesError, Returned, parse_returned, stored_content
from gespreks_tui.model import Confirmation, Party, Revision


def content_diff(stored: Revision, returned: Returned, name: str) -> list[str]:
    """The unified diff from the stored revision's content to the returned content."""
    before = stored_content(stored.markdown).splitlines()
    label = t("minutes.revision_label", id=stored.conversation_id, revision=stored.revision)
    return list(difflib.unified_diff(before, returned.content.splitlines(), lineterm="",
                                     fromfile=label, tofile=name or "-"))


def _stored(store, conversation_id: int, revision: int) -> Revision | None:
    try:
        return store.get_revision(conversation_id, revision)
    except StoreError:
        return None


def changed_lines(diff: list[str]) -> int:
    """How many lines a unified diff removes or adds."""
    return sum(1 for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---"))


@dataclass(frozen=True)
class Verification:
    """``match`` is the stored revision with the same content (None: no match);
    ``claimed`` the revision the fingerprint line names, if it exists; when
    nothing matches, ``diff`` compares with ``compared``: the claimed revision,
    or else that conversation's newest (None when there is neither)."""

    returned: Returned
    match: Revision | None
    claimed: Revision | None
    compared: Revision | None
    diff: list[str]


def verify_text(store, text: str, name: str = "") -> Verification:
    returned = parse_returned(text)
    claimed = _stored(store, returned.conversation_id, returned.revision)
    if claimed is not None and claimed.sha256 == returned.sha256:
        return Verification(returned, claimed, claimed, None, [])
    match = store.revision_by_sha(returned.sha256)
    if match is not None:
        return Verification(returned, match, claimed, None, [])
    compared = claimed or store.latest_revision(returned.conversation_id)
    diff = content_diff(compared, returned, name) if compared else []
    return Verification(returned, None, claimed, compared, diff)


def confirm_text(store, text: str, party: Party | str = Party.EMPLOYEE,
                 name: str | None = None, via: str = "file", path: str = "") -> Confirmation:
    """Record ``party``'s verdict (and, for the employee, the comments) from returned minutes.

    Nothing is recorded when the content above the fingerprint changed
    (``MinutesError`` "confirm.changed" with the diff in ``details``), the
    fingerprint line was altered, no box or several boxes are ticked, or the
    store refuses (``StoreError``: unknown revision, already confirmed …).
    """
    party = Party(party)
    returned = parse_returned(text)
    stored = store.get_revision(returned.conversation_id, returned.revision)
    if returned.sha256 != stored.sha256:
        diff = content_diff(stored, returned, path)
        raise MinutesError("confirm.changed", details=diff, count=changed_lines(diff),
                           path=path)
    if returned.fingerprint != stored.sha256:
        raise MinutesError("confirm.fingerprint_changed", path=path)
    latest = store.latest_revision(returned.conversation_id)
    if latest.revision != stored.revision:
        raise StoreError("confirm.superseded", store.path, revision=stored.revision,
                         latest=latest.revision)
    verdict = returned.verdict(party)
    conversation = store.get_conversation(returned.conversation_id)
    who = " ".join((name or default_name(conversation, party)).split())
    if not who:
        raise MinutesError("confirm.no_name", party=t(f"owner.{party}"))
    comment = returned.comments if party == Party.EMPLOYEE else ""
    return store.confirm(returned.conversation_id, returned.revision, party, who, verdict,
                         comment, via)
