"""Days as the store keeps them: ``YYYY-MM-DD`` text, read back as ``date``.

Shared by the modules that compare or store days (due list, collectives,
retention); nothing here touches the database.
"""

from __future__ import annotations

from datetime import date


def as_date(value: date | str) -> date:
    """A ``date``, or an ISO string read as one (``ValueError`` when it is not)."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def iso_day(value: date | str | None) -> str | None:
    """A due date as YYYY-MM-DD (a ``date`` or a string that already is one)."""
    if value is None:
        return None
    return as_date(value).isoformat()


def stored_day(stamp: str | None) -> str | None:
    """The date part (YYYY-MM-DD) of a stored moment or date, None when unreadable."""
    if not stamp:
        return None
    try:
        return date.fromisoformat(str(stamp)[:10]).isoformat()
    except ValueError:
        return None
