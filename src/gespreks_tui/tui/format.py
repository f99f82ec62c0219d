"""Small display helpers shared by screens (no Textual imports needed)."""

from __future__ import annotations

import re
from datetime import date, datetime

from rich.cells import cell_len

from gespreks_tui import display_time
from gespreks_tui.catalogue import t, tn
from gespreks_tui.display_time import MONTH_ABBR

__all__ = ["MONTH_ABBR", "ago_text", "date_feedback", "day_text", "escape", "history_line",
           "id_of", "kind_text", "kind_title", "local_day_text", "moment_text", "name_of",
           "option_room", "shorten", "unbroken"]

NO_BREAK = "\u00a0"  # kept on one line (``textual_compat.keep_no_break_spaces``)
_MONTH_WORDS = sorted({name for names in (*display_time.MONTHS.values(), *MONTH_ABBR.values())
                       for name in names}, key=len, reverse=True)
# What reads as one unit and must not be split over two lines (walk25 F9, F10, F21):
# "2 dec 2026", "23 december 2026 16:24", "16:27 uur", "60 min", "4 goed", "(plan 15:00)".
_UNIT = re.compile(
    r"\b\d{1,2} (?:" + "|".join(_MONTH_WORDS) + r")\.?(?: \d{4})?(?: \d{1,2}:\d{2})?\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.? \d{1,2}, \d{4}\b"
    r"|\b\d{1,2}:\d{2} (?:uur|h)\b"
    r"|\b\d+ (?:min|minuten|minutes|minuut|minute|uur|hours?|dagen|days?|weken|weeks?)\b",
    re.IGNORECASE)


def unbroken(text: str) -> str:
    """``text`` with the spaces inside each date, time and number with its unit made
    no-break, so a wrapped line never splits "2 dec 2026" or "60 min"."""
    return _UNIT.sub(lambda found: found[0].replace(" ", NO_BREAK), text)


def escape(text: str) -> str:
    """``text`` as Textual markup that shows exactly ``text``.

    ``textual.markup.escape`` escapes only what looks like a tag, so an unclosed
    '[' ("zie [bijlage", "a[1") swallows the markup after it and the widget
    raises MarkupError. A backslash is special only before '[', so escaping
    every '[' is exact.
    """
    return text.replace("[", "\\[")


def day_text(day: date | str | None, lang: str = "nl") -> str:
    """'1 mrt 2027' / '1 Mar 2027' (the app's lists are narrow) for a date or ISO date;
    a stored text that is no date is shown as it is."""
    if not day:
        return "-"
    if isinstance(day, str):
        found = display_time.iso_day(day[:10])
        if found is None:
            return day
        day = found
    return display_time.day_text(day, lang, short=True)


def _zone(zone: str | None) -> str:
    """The conversation's zone; without one, the zone a new conversation would take."""
    return zone or display_time.machine_zone()


def moment_text(stamp: str | None, lang: str = "nl", zone: str | None = None) -> str:
    """A stored UTC moment as day and time in the conversation's zone: '1 mrt 2027 14:05'."""
    if not stamp:
        return "-"
    return display_time.moment_text(stamp, _zone(zone), lang, short=True)


def local_day_text(stamp: str | None, lang: str = "nl", zone: str | None = None) -> str:
    """The day of a stored UTC moment in the conversation's zone."""
    if not stamp:
        return "-"
    return display_time.moment_day(stamp, _zone(zone), lang, short=True)


def ago_text(stamp: str, now: datetime) -> str:
    """How long ago a stored moment was: 'zojuist', '5 min geleden', '3 dagen geleden'."""
    then = display_time.local(stamp, "UTC")
    seconds = max(0, int((now - then).total_seconds()))
    if seconds < 60:
        return t("ago.now")
    if seconds < 3600:
        return tn("ago.minutes", seconds // 60)
    if seconds < 86400:
        return tn("ago.hours", seconds // 3600)
    return tn("ago.days", seconds // 86400)


def kind_text(kind: str) -> str:
    from gespreks_tui.kind_names import kind_name  # the user's wording (issue 18)

    return kind_name(kind)


def kind_title(kind: str) -> str:
    """The kind's name for a screen's title (``kind_names.kind_title``)."""
    from gespreks_tui.kind_names import kind_title as title

    return title(kind)


def history_line(row, lang: str, width: int | None = None, state: str | None = None) -> str:
    """One earlier conversation in a list: date, kind, status, open agreements.
    ``state``: a beoordeling's procedure state, shown in place of the status
    (``procedure_states.listed_states``).

    A list is often narrower than that line (80 columns: the start screen's
    right column, the history screen's left one), and a wrapped line reads as
    two conversations. With ``width`` the longest form that fits is chosen:
    the full kind, then the short kind; narrower still, two lines (date and
    status; kind and count: nothing left out), each shortened
    with "…" if need be (the conversation opens with Enter, and the history
    screen shows its minutes beside the list).
    """
    zone = getattr(row, "time_zone", None)
    day = local_day_text(row.date, lang, zone)
    status = t(f"procedure.state.{state}") if state else t(f"status.{row.status}")
    # a state's short word ("voorlopig") before a line is cut: narrow lists only
    brief = t(f"start.state_short.{state}") if state else status
    from gespreks_tui.kind_names import kind_word

    short = kind_word(row.kind)
    forms = [t("start.history_line", date=day, kind=kind, status=said,
               open=row.open_agreements)
             for said in dict.fromkeys((status, brief)) for kind in (kind_text(row.kind), short)]
    if width is None:
        return forms[0]
    fitting = next((form for form in forms if cell_len(form) <= width), None)
    if fitting is not None:
        return fitting
    two = t("start.history_lines", date=day, kind=short, status=brief, open=row.open_agreements)
    first, _, second = two.partition("\n")
    if cell_len(first) > width:  # the kind on a line of its own, whole (walk25 F18)
        indent = second[:len(second) - len(second.lstrip())]
        first, kind_line = first.split(" · ", 1) if " · " in first else (first, "")
        lines = [first, indent + kind_line, second] if kind_line else [first, second]
        return "\n".join(shorten(line, width) for line in lines)
    return "\n".join(shorten(line, width) for line in two.split("\n"))


def option_room(listing) -> int | None:
    """The cells an ``OptionList``'s option has for its text, room for a scrollbar kept
    (so the choice does not flip when one appears); None before the first layout."""
    room = listing.content_region.width
    if room <= 0:
        return None
    padding = listing.get_component_styles("option-list--option").padding.width
    return max(1, room - listing.styles.scrollbar_size_vertical - padding)


def shorten(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells: cut at a word if one ends in its last
    third, else inside one, and "…" added."""
    if cell_len(text) <= width:
        return text
    if width < 2:
        return "…"[:width]
    cut = text
    while cell_len(cut) > width - 1:
        cut = cut[:-1]
    at_word = cut.rstrip(" ·,:;").rfind(" ")
    if at_word >= (width * 2) // 3:
        cut = cut[:at_word]
    return cut.rstrip(" ·,:;") + "…"


def date_feedback(value: str, today: date, lang: str) -> tuple[bool, date | None, str]:
    """A typed date for a form: (acceptable, the date or None when empty, what to show)."""
    from gespreks_tui.dates import DateError, parse_date

    if not value.strip():
        return True, None, t("agreement.no_due")
    try:
        parsed = parse_date(value, today)
    except DateError:
        return False, None, t("agreement.bad_due")
    return True, parsed, t("agreement.due_is", date=day_text(parsed, lang))


def name_of(widget: object, default: str = "") -> str:
    """A widget's ``name`` (radio buttons carry their value there), or ``default``."""
    name = getattr(widget, "name", None)
    return name if isinstance(name, str) else default


def id_of(option: object) -> int:
    """The number an option list's option carries as its id (a conversation, a revision)."""
    return int(getattr(option, "id", None) or 0)
