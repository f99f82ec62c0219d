"""The fingerprint of the minutes: what exactly is hashed, and how.

Minutes have three parts: the *content* (everything above the fingerprint
line), the fingerprint line itself, and the confirmation section below it.
The sha256 covers the content only, in this canonical form:

1. the text as Unicode (files are read as UTF-8; a byte order mark is dropped);
2. every line ending (CRLF, CR) turned into LF;
3. trailing whitespace (``str.rstrip``) removed from every line;
4. empty lines at the start and at the end removed;
5. the lines joined with LF, plus one final LF, encoded as UTF-8.

The minutes we write are already canonical (escaped user text never ends a
line with whitespace), so an editor that changes line endings, strips
trailing spaces or adds a final newline keeps the fingerprint; any other
change breaks it. Ticking a box or writing comments happens below the
fingerprint line and never changes it.

This is core, not ``minutes``: the store checks a returned copy against a
stored revision (``content_diff`` explains a difference) and the minutes
render and parse with the same rules.
"""

from __future__ import annotations

import re

from gespreks_tui.catalogue import t
from gespreks_tui.model_records import Revision

FINGERPRINT = re.compile(r"gespreks/(\d{1,12})/(\d{1,9})/sha256:([0-9a-f]{64})")
_CODE_SPAN = re.compile(f"`{FINGERPRINT.pattern}`")


def normalise(text: str) -> str:
    """Drop a byte order mark; CRLF and CR become LF."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def canonical(content: str) -> str:
    """The canonical form of the content above the fingerprint line."""
    lines = [line.rstrip() for line in normalise(content).split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def sha256_of(content: str) -> str:
    """The fingerprint (hex sha256) of ``content``'s canonical form."""
    import hashlib  # here, not at the top: the app's first frame does not need it

    return hashlib.sha256(canonical(content).encode("utf-8")).hexdigest()


def fingerprint_code(conversation_id: int, revision: int, sha256: str) -> str:
    """The machine-readable fingerprint, written as a code span in the minutes."""
    return f"gespreks/{conversation_id}/{revision}/sha256:{sha256}"


def issued_content(markdown: str) -> str | None:
    """The content of minutes we issued ourselves (a stored revision), found fast.

    Escaped user text can never hold the fingerprint as a code span (its
    backticks, slashes and colons are escaped), so the first line that does
    is the fingerprint line. None when no line does.
    """
    lines = normalise(markdown).split("\n")
    start = next((i for i, line in enumerate(lines) if _CODE_SPAN.search(line)), None)
    return canonical("\n".join(lines[:start])) if start is not None else None


def content_diff(stored: Revision, content: str, name: str) -> list[str]:
    """The unified diff from a stored revision's content to ``content`` (from file ``name``)."""
    import difflib  # only when a returned file differs

    before = (issued_content(stored.markdown) or canonical(stored.markdown)).splitlines()
    label = t("minutes.revision_label", id=stored.conversation_id, revision=stored.revision)
    return list(difflib.unified_diff(before, content.splitlines(), lineterm="",
                                     fromfile=label, tofile=name or "-"))


def changed_lines(diff: list[str]) -> int:
    """How many lines a unified diff removes or adds."""
    return sum(1 for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---"))
