"""iCalendar (RFC 5545) files: deadlines as all-day events, and an invitation.

Written here, not through a library, because the little we need is exact and
small: CRLF line ends (3.1), lines folded at 75 octets without splitting a
UTF-8 character (3.1), TEXT escaped (3.3.11: backslash, semicolon, comma,
newline), a DTSTAMP on every event (3.6.1), all-day dates as
``DTSTART;VALUE=DATE`` with the next day as the (exclusive) DTEND (3.8.2.2),
and times in UTC (``...Z``) so no VTIMEZONE is needed. The tests read the
files back with the independent ``icalendar`` library.

A UID names the thing, not the moment (``Event.uid``): importing a newer file
again updates an event (a moved due date) instead of adding a second one.
Every event states its ``SEQUENCE`` (3.8.7.4), which grows when the event
changes, and its ``STATUS`` (3.8.1.11): ``CONFIRMED``, or ``CANCELLED`` for an
event a calendar program imported before that no longer applies. The file's
method stays ``PUBLISH`` (RFC 5546 3.2.1: a published event is updated by
publishing it again, cancelled ones with that status); ``CANCEL`` would need
an organizer and attendees, and one file has one method.
Control characters other than tab cannot be in a TEXT value; they are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from gespreks_tui import __version__

LINE_OCTETS = 75
PRODUCT_ID = f"-//gespreks-tui//gespreks {__version__}//NL"
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Event:
    """One VEVENT: all day when ``start`` is a ``date``, else a UTC moment with ``end``."""

    uid: str
    summary: str
    start: date | datetime
    end: date | datetime | None = None
    description: str = ""
    location: str = ""
    categories: str = ""
    sequence: int = 0  # grows with every change (``calendar_events.sequence``)
    cancelled: bool = False


def escape(text: str) -> str:
    """A TEXT value (3.3.11): ``\\ ; ,`` escaped, every line break as ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _CONTROLS.sub("", text.replace("\t", " "))
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line: str) -> str:
    """One content line folded at 75 octets (3.1), each fold CRLF + one space."""
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return line + "\r\n"
    parts: list[str] = []
    limit = LINE_OCTETS  # the first line holds 75 octets, the next ones 74 and the space
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, LINE_OCTETS - 1
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts) + "\r\n"


def _date(day: date) -> str:
    return day.strftime("%Y%m%d")


def _moment(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event_lines(event: Event, stamp: datetime) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{escape(event.uid)}", f"DTSTAMP:{_moment(stamp)}",
             f"SEQUENCE:{max(0, event.sequence)}",
             f"STATUS:{'CANCELLED' if event.cancelled else 'CONFIRMED'}"]
    if isinstance(event.start, datetime):
        end = event.end if isinstance(event.end, datetime) else event.start
        lines += [f"DTSTART:{_moment(event.start)}", f"DTEND:{_moment(end)}"]
    else:
        end_day = event.end if isinstance(event.end, date) and not isinstance(
            event.end, datetime) else event.start + timedelta(days=1)
        lines += [f"DTSTART;VALUE=DATE:{_date(event.start)}",
                  f"DTEND;VALUE=DATE:{_date(end_day)}", "TRANSP:TRANSPARENT"]
    lines.append(f"SUMMARY:{escape(event.summary)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape(event.description)}")
    if event.location:
        lines.append(f"LOCATION:{escape(event.location)}")
    if event.categories:
        lines.append(f"CATEGORIES:{escape(event.categories)}")
    return [*lines, "END:VEVENT"]


def calendar(events: list[Event], stamp: datetime, name: str = "") -> str:
    """A whole VCALENDAR with ``events``; ``stamp`` is the DTSTAMP of each (now)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT_ID}",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    if name:
        lines.append(f"X-WR-CALNAME:{escape(name)}")
    for event in events:
        lines += _event_lines(event, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)
