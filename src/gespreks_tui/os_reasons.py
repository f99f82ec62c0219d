"""What the operating system said, in the user's language.

``OSError.strerror`` is the C library's English ("No such file or directory"),
and it ends up inside Dutch sentences ("Kan x niet lezen (...)"). ``os_reason``
words the common cases through the catalogue (``os.*`` keys) and keeps the
system's text for the rest; ``reason_text`` does the same for a reason that
was already turned into text (a core error's ``reason`` value).
"""

from __future__ import annotations

import errno
import os

from gespreks_tui.catalogue import t

# errno -> catalogue key; only numbers this platform has
REASONS: dict[int, str] = {
    getattr(errno, name): f"os.{name}"
    for name in ("ENOENT", "EACCES", "EPERM", "EEXIST", "ENOSPC", "EDQUOT", "EISDIR",
                 "ENOTDIR", "EROFS", "ENOTEMPTY", "ENAMETOOLONG", "EBUSY", "EIO", "EXDEV",
                 "ELOOP", "EMFILE", "EFBIG", "EINVAL")
    if hasattr(errno, name)
}
_BY_TEXT: dict[str, int] = {os.strerror(number): number for number in REASONS}


def os_reason(error: OSError) -> str:
    """Why ``error`` happened, in the current language (the system's text when unknown)."""
    key = REASONS.get(error.errno) if error.errno is not None else None
    if key is not None:
        return t(key)
    return error.strerror or str(error)


def reason_text(reason: object) -> object:
    """``reason`` translated when it is exactly one of the system's texts; else as it is."""
    if isinstance(reason, str) and reason in _BY_TEXT:
        return t(REASONS[_BY_TEXT[reason]])
    return reason
