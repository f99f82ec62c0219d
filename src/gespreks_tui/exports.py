"""Writing export files safely: owner-only, all or nothing.

``write_private`` writes to a temporary file (mode 0600) in the target's own
folder and renames it over the target with ``os.replace``, so a reader never
sees half a file, and an unwritable folder, a missing folder or a full disk
leaves one clear ``ExportError`` (a ``UserError``) and no file behind. Text
(Markdown, HTML) is written as UTF-8 with LF line endings, bytes (a PDF) as
they are.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from gespreks_tui.catalogue import t
from gespreks_tui.dutch_time import date_text
from gespreks_tui.errors import UserError
from gespreks_tui.model import Conversation

_SPECIAL = str.maketrans({"ı": "i", "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o",
                          "œ": "oe", "Œ": "oe", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d",
                          "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ĳ": "ij", "Ĳ": "ij"})


class ExportError(UserError):
    """An export that could not be written: ``ExportError("export.failed", path=, reason=)``.

    ``reason`` is the system's text, or a ``Term`` for a reason of our own.
    """

    exit_code = 2

    @property
    def path(self) -> str:
        return str(self.values.get("path", ""))

    @property
    def reason(self) -> object:
        return self.values.get("reason", "")


def write_private(path: Path | str, text: str | bytes) -> Path:
    """Write ``text`` (UTF-8, LF line endings; bytes as they are) to ``path``, readable
    by the owner only."""
    target = Path(path)
    temporary: str | None = None
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                         dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise ExportError("export.failed", path=target,
                          reason=error.strerror or str(error)) from error
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return target


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: 'Aylin Yılmaz' → 'aylin-yilmaz'."""
    plain = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    ascii_text = plain.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def default_export_name(conversation: Conversation, ext: str) -> str:
    """e.g. ``2026-06-10-joris-bakker-voortgangsgesprek.md``."""
    day = date_text(conversation.started_at or conversation.created_at)
    kind = t(f"kind.{conversation.kind}", lang=conversation.language)
    parts = [day, slug(conversation.employee_name) or str(conversation.id), slug(kind)]
    return "-".join(p for p in parts if p) + "." + ext.lstrip(".")
