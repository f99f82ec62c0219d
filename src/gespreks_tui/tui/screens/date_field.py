"""The lines under a dialog's fields that the agreement, goal and step dialogs share:
a date read as you type, the SMART hints, and a field's refusal.

A date field is read with ``format.date_feedback`` in the user's language; the
line under it says what was understood (or what is wrong), in the error colour
only when the date cannot be used. The hint line lists the SMART hints for
what is typed now: hints, never a reason to refuse. Each dialog says which
words it uses (its own catalogue keys) and what it adds to a date's line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from textual.widget import Widget
from textual.widgets import Label

from gespreks_tui.catalogue import language, t
from gespreks_tui.tui.format import date_feedback

# What a dialog makes of a date's line: (the date, if read; the line) -> the line shown.
DateNote = Callable[[date | None, str], str]


def iso_date(value: str, today: date) -> str | None:
    """The date typed in ``value`` as ISO text, or None (empty, or not a date)."""
    _, parsed, _ = date_feedback(value, today, language())
    return parsed.isoformat() if parsed else None


def show_date(message: Label, value: str, today: date,
              note: DateNote | None = None) -> tuple[bool, str | None]:
    """Say under a date field what ``value`` is read as; (acceptable, ISO date or None).

    ``note`` changes the line of an acceptable date (the goal's "no end date", the
    step's "after the goal's end")."""
    ok, parsed, text = date_feedback(value, today, language())
    if ok and note is not None:
        text = note(parsed, text)
    message.update(text)
    message.set_class(not ok, "error")
    return ok, parsed.isoformat() if parsed else None


def show_hints(label: Label, found: Sequence[str], typed: bool, hints_key: str,
               none_key: str) -> None:
    """The SMART hints (catalogue keys) on the hint line, ``hints_key`` around them;
    ``none_key`` when nothing was found, and an empty line while nothing is ``typed``."""
    if found:
        label.update(t(hints_key, hints=" · ".join(t(h) for h in found)))
    else:
        label.update(t(none_key) if typed else "")
    label.set_class(bool(found), "hints")


def refuse(message: Label, text: str, field: Widget) -> None:
    """Say under ``field`` why it cannot be saved like this, and put the focus on it."""
    message.update(text)
    message.add_class("error")
    message.display = True
    field.focus()
