"""The one exit-code table of every command, and the line a core error becomes.

====  ===========================================================================
0     done
1     refused or not found: something the user can act on (already confirmed,
      a superseded revision, no revision N, a folder that is not empty, no
      conversation 999, no employee of that name, no database at that path …)
2     a file or the database cannot be used (unreadable, not SQLite, locked,
      newer version, disk full …), or the command was typed wrong (click's
      usage errors keep their 2)
====  ===========================================================================

The core gives each error a class-wide ``exit_code`` (a ``StoreError`` is 2,
whether the database is broken or a revision does not exist); ``exit_code_for``
decides by the error's catalogue key instead, so the table holds for every
command, the same way.
"""

from __future__ import annotations

import copy

from gespreks_tui.errors import Term
from gespreks_tui.errors import UserError as CoreError
from gespreks_tui.os_reasons import reason_text

DONE, REFUSED, PROBLEM = 0, 1, 2

# A key under these prefixes is about a file or the database itself ...
_PROBLEM_PREFIXES = ("db.", "file.")
# ... and so are these.
_PROBLEM_KEYS = frozenset({
    "export.failed", "returned.unreadable", "returned.not_utf8_or_16", "prepare.unreadable",
    "templates.copy.failed",
    # backup and restore (cli/admin_commands): a file that cannot be made or used
    "backup.failed", "backup.damaged", "backup.not_gespreks", "backup.newer", "restore.failed",
})
# A missing database at a path the user named is "not found" (nothing is created).
_NOT_FOUND_KEYS = frozenset({"db.missing"})


def exit_code_for(error: CoreError) -> int:
    """1 or 2 for a core error, by what it is about (see the table above)."""
    key = error.key
    if key in _NOT_FOUND_KEYS:
        return REFUSED
    if key == "export.failed" and isinstance(error.values.get("reason"), Term):
        return REFUSED  # a reason of our own: a folder that is not empty, a file in the way
    if key.startswith(_PROBLEM_PREFIXES) or key in _PROBLEM_KEYS:
        return PROBLEM
    return REFUSED


def error_message(error: CoreError, path: str | None = None) -> str:
    """The error's one line: an operating-system reason in the user's language, and a
    counted message (``count``) in its ``_one`` form for one ("1 regel verschilt")."""
    from gespreks_tui.catalogue import LANGUAGES, language

    if isinstance(error.values.get("reason"), str):
        error = copy.copy(error)
        error.values = {**error.values, "reason": reason_text(error.values["reason"])}
    if error.values.get("count") == 1 and f"{error.key}_one" in LANGUAGES[language()]:
        error = copy.copy(error)
        error.key = f"{error.key}_one"
    return error.message() if path is None else error.message(path=path)
