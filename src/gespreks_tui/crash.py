"""A crash file for an error nobody expected: where it happened, never what was typed.

The user sees one line naming this file; the file holds the program's version,
the error's type and the traceback as file, line and function names only. No
local variables and no error message: either may carry a note or a name, and
this is personnel data. The file is owner-only (0600) in the user's state
folder, so it can be attached to a bug report after a look.
"""

from __future__ import annotations

import os
import traceback
from datetime import UTC, datetime
from pathlib import Path

from gespreks_tui.paths import APP_NAME


def crash_dir() -> Path:
    from platformdirs import user_state_path

    return user_state_path(APP_NAME, appauthor=False)


def crash_report(error: BaseException) -> str:
    """The text of a crash file: version, type and frames, nothing the user typed."""
    from gespreks_tui import __version__

    lines = [f"gespreks-tui {__version__}", f"{type(error).__module__}.{type(error).__name__}"]
    for frame in traceback.extract_tb(error.__traceback__):
        lines.append(f"  {frame.filename}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def record_crash(error: BaseException, folder: Path | None = None) -> Path | None:
    """Write a crash file; its path, or None when even that failed."""
    folder = folder or crash_dir()
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"crash-{stamp}.txt"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(crash_report(error))
    except OSError:
        return None
    return path
