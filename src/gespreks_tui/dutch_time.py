"""Dutch time (Europe/Amsterdam) as ISO text, for callers not yet given a zone.

The one module for showing dates and times is ``display_time``; these helpers
are it with ``DEFAULT_ZONE`` and ISO output, which is what minutes of
conversations from before a zone was recorded show, and what places that
need a sortable text (file names) use.
"""

from __future__ import annotations

from datetime import datetime

from gespreks_tui.display_time import DEFAULT_ZONE, local


def dutch(stamp: str) -> datetime:
    """A stored ISO moment as naive Dutch wall-clock time."""
    return local(stamp, DEFAULT_ZONE).replace(tzinfo=None)


def date_text(stamp: str) -> str:
    return dutch(stamp).strftime("%Y-%m-%d")


def time_text(stamp: str) -> str:
    return dutch(stamp).strftime("%H:%M")
