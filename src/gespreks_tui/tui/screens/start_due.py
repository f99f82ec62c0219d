"""The lines of the start screen's "Te laat of bijna" list, fitted to its room.

The list shares its column with the employees and never wraps (its height is
its lines): every line is made here. An item is "when · who" and its "what"
(in a narrow column who, when and what on lines of their own).

Without the focus the list is a preview (``fitted_groups``): the items that
fit with "what" on one line are shown; the rows left over are then handed out
one at a time to each item in turn whose "what" is longer, so with room to
spare every item is shown whole, and only when room is short is a "what"
shortened with "…" at a word (walk25 F5). With the focus (f5) every item is
whole (``whole_lines``: wrapped at words, dates kept on one line) and the
list scrolls (walk26 W7).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from gespreks_tui.tui.format import shorten, unbroken

WIDE_DUE = 32  # cells: from here an item's "when · who" is one line
INDENT = "  "  # what an item says it is about, under its "when · who"


def two_lines(text: str, width: int) -> tuple[str, ...]:
    """``text`` broken at a word into a line of ``width`` and the rest."""
    if cell_len(text) <= width:
        return (text,)
    words, first = text.split(" "), ""
    while words and cell_len(f"{first} {words[0]}" if first else words[0]) <= width:
        first = f"{first} {words.pop(0)}" if first else words.pop(0)
    if not first.strip() or not words:
        return (text,)
    return first, " ".join(words)


def word_lines(text: str, width: int) -> list[str]:
    """``text`` broken at words into lines of at most ``width`` cells (a longer word
    keeps a line of its own)."""
    lines: list[str] = []
    rest = text
    while rest:
        parts = two_lines(rest, width)
        lines.append(parts[0])
        rest = parts[1] if len(parts) > 1 else ""
    return lines


@dataclass(frozen=True)
class DueEntry:
    """One item as words: its heading lines (each shortened if need be) and what."""

    heads: tuple[str, ...]
    what: str
    overdue: bool


def lines_per_item(width: int) -> int:
    """The fewest lines an item takes: two in a wide column, three in a narrow one."""
    return 2 if width >= WIDE_DUE else 3


def fitted_entries(entries: Sequence[DueEntry], width: int,
                   room: int) -> list[tuple[str, bool]]:
    """(line, overdue) for ``entries`` in at most ``room`` lines of ``width`` cells:
    each "what" on as many lines as the spare rows allow, handed out in turns."""
    return [(line, entry.overdue)
            for entry, lines in zip(entries, fitted_groups(entries, width, room), strict=True)
            for line in lines]


def whole_lines(entry: DueEntry, width: int) -> list[str]:
    """``entry`` whole in lines of ``width`` cells: its headings and its "what" wrapped
    at words, each further line under the first's text; a date is never split."""
    out: list[str] = []
    for head in entry.heads:
        indent = head[:len(head) - len(head.lstrip(" "))]
        out += [indent + line for line in word_lines(unbroken(head.strip()),
                                                     max(1, width - len(indent)))]
    what = word_lines(unbroken(entry.what), max(1, width - len(INDENT))) or [""]
    return out + [INDENT + line for line in what]


def fitted_groups(entries: Sequence[DueEntry], width: int, room: int) -> list[list[str]]:
    """The lines of each of ``entries`` (as ``fitted_entries``), one list per entry."""
    wrapped = [word_lines(entry.what, max(1, width - len(INDENT))) or [""]
               for entry in entries]
    given = [1] * len(entries)
    spare = room - sum(len(entry.heads) + 1 for entry in entries)
    while spare > 0:
        wanting = [i for i, lines in enumerate(wrapped) if given[i] < len(lines)]
        if not wanting:
            break
        for i in wanting[:spare]:
            given[i] += 1
        spare -= min(spare, len(wanting))
    out: list[list[str]] = []
    for entry, lines, count in zip(entries, wrapped, given, strict=True):
        shown = lines[:count - 1] + [" ".join(lines[count - 1:])]
        out.append([shorten(head, width) for head in entry.heads]
                   + [shorten(INDENT + line, width) for line in shown])
    return out
