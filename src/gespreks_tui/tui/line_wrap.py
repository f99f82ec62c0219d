"""Soft wrapping of note lines at a cost that does not grow with the note.

Textual's ``WrappedDocument`` answers "how tall is the document" by summing
every line's height, and "which line is on screen row y" from a list with one
entry per screen row that an edit shifts entry by entry; a very long line is
wrapped again from its first word at every key. These are the pure parts of
the replacement (``textual_compat.IndexedWrappedDocument`` puts them in
Textual's place): a height index, a fast wrap for lines whose characters are
all one cell wide, and re-wrapping only the part of a long line an edit can
change. Each gives exactly the break offsets of Textual's
``compute_wrap_offsets``; ``tests/test_wrapped_height.py`` compares them.
That includes its rule for no-break spaces: ``textual_compat.keep_no_break_spaces``
makes them part of a word for Textual, and the chunk patterns here follow
whichever rule Textual's ``re_chunk`` has when a line is wrapped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cache
from itertools import accumulate

from textual import _wrap as textual_wrap

# Textual splits a line into chunks "\S+\s*|\s+"; a chunk starts where a
# non-space follows a space (or at 0). With no-break spaces kept in words
# (``textual_compat.keep_no_break_spaces``) those count as non-space.
_CHUNK_START = re.compile(r"\s\S")
_CHUNK_START_REVERSED = re.compile(r"\S\s")  # the same, searched in a reversed window
_NO_BREAK = "\u00a0\u202f"
_patterns: list = [None, _CHUNK_START, _CHUNK_START_REVERSED]  # for which re_chunk


def _chunk_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(chunk start, chunk start in a reversed window) as Textual's ``re_chunk`` is now."""
    chunk = textual_wrap.re_chunk
    if _patterns[0] is not chunk:
        kept = "".join(c for c in _NO_BREAK if chunk.fullmatch(f"a{c}b"))
        space, word = (rf"[^\S{kept}]", rf"[\S{kept}]") if kept else (r"\s", r"\S")
        _patterns[:] = [chunk, re.compile(space + word), re.compile(word + space)]
    return _patterns[1], _patterns[2]

_OTHER_SPACE = re.compile(r"[^\S ]")  # a space other than " "
_ASCII_CONTROL = re.compile("[\x00-\x1f\x7f]")

Wrap = Callable[[str], list[int]]  # a line's break offsets at the current width


class HeightIndex:
    """Rows per document line, with the running totals kept lazily.

    ``ends[i]`` is the first screen row after line ``i``. An edit replaces a
    few heights; the totals after it are recomputed with ``accumulate`` (C
    speed, about a microsecond per thousand lines) the next time a row below
    it is asked for, never once per screen row.
    """

    def __init__(self, heights: list[int]) -> None:
        self.heights = heights
        self.total = sum(heights)
        self._ends: list[int] = []
        self._valid = 0  # ends[:valid] are right

    def replace(self, start: int, stop: int, heights: list[int]) -> None:
        """Lines ``start:stop`` now have ``heights`` (any number of lines)."""
        old = self.heights[start:stop]
        if old == heights:
            return
        self.heights[start:stop] = heights
        self.total += sum(heights) - sum(old)
        self._valid = min(self._valid, start)

    def _ensure(self, line: int) -> None:
        if line < self._valid:
            return
        valid = self._valid
        base = self._ends[valid - 1] if valid else 0
        del self._ends[valid:]
        self._ends.extend(accumulate(self.heights[valid:], initial=base))
        del self._ends[valid]  # the initial value
        self._valid = len(self.heights)

    def start(self, line: int) -> int:
        """The screen row of line ``line``'s first section."""
        if line <= 0:
            return 0
        self._ensure(line - 1)
        return self._ends[line - 1]

    def locate(self, row: int) -> tuple[int, int]:
        """(line, section) on screen row ``row``; ``IndexError`` below the last line."""
        if row < 0:
            row += self.total
        if not 0 <= row < self.total:
            raise IndexError(row)
        if not (self._valid and row < self._ends[self._valid - 1]):
            self._ensure(len(self.heights) - 1)
        line = bisect_right(self._ends, row, 0, self._valid)
        return line, row - (self._ends[line - 1] if line else 0)


@cache
def _narrow_characters() -> frozenset[str]:
    """Characters one cell wide for Textual's wrap and rich's cell widths alike.

    rich's own set of single-cell characters (Latin, Greek, Cyrillic, box
    drawing) plus the general punctuation Dutch text is full of (’ “ ” – …),
    each checked against rich's width table.
    """
    from rich.cells import _SINGLE_CELLS, get_character_cell_size

    extra = {chr(c) for c in range(0x2000, 0x2c00)
             if get_character_cell_size(chr(c)) == 1}
    narrow = frozenset(_SINGLE_CELLS) | extra
    return narrow - {"\u200d", "\ufe0f", "\t"}


@cache
def _not_narrow() -> re.Pattern[str]:
    """A character class of everything not narrow: one regex scan (C speed) per text."""
    codes = sorted(map(ord, _narrow_characters()))
    ranges, first = [], codes[0]
    for previous, code in zip(codes, codes[1:] + [-1], strict=True):
        if code != previous + 1:
            ranges.append(re.escape(chr(first)) + ("-" + re.escape(chr(previous))
                                                   if previous > first else ""))
            first = code
    return re.compile("[^" + "".join(ranges) + "]")


def is_narrow(line: str) -> bool:
    """Every character of ``line`` one cell wide (no tabs, no joiners)."""
    if line.isascii():  # instant; then only the control characters are not narrow
        return _ASCII_CONTROL.search(line) is None
    return _not_narrow().search(line) is None


def spaces_only(text: str) -> bool:
    """``text`` has no space character other than " " (no tab, no no-break space)."""
    return _OTHER_SPACE.search(text) is None


def narrow_wrap(text: str, width: int, only_spaces: bool | None = None) -> list[int]:
    """``compute_wrap_offsets(text, width)`` for a narrow ``text``, a section at a time.

    Textual's wrap walks every word in Python; with every character one cell
    wide the same greedy result follows from two searches per screen row: the
    chunk that runs over the row's end either moves to the next row or, wider
    than a row, is folded into rows of ``width`` characters.
    """
    breaks: list[int] = []
    size = len(text)
    line_start = 0
    chunk_start, chunk_start_reversed = _chunk_patterns()
    # With " " the only space (most text), a word's start is one rfind away.
    # ``only_spaces``: that is known already (a whole paste is checked at once).
    if size <= width:
        return breaks
    if only_spaces is None:
        only_spaces = spaces_only(text)
    while size - line_start > width:
        limit = line_start + width  # text[limit] is the first character that does not fit
        if only_spaces and text[limit] != " ":
            space = text.rfind(" ", line_start, limit)
            chunk = space + 1 if space >= line_start else line_start
            space = text.find(" ", limit)
            if space < 0:
                end = size
            elif space + 1 < size and text[space + 1] != " ":
                end = space + 1
            else:
                after = chunk_start.search(text, space)
                end = after.start() + 1 if after else size
        else:
            window = text[line_start:limit + 1][::-1]
            found = chunk_start_reversed.search(window)
            chunk = limit - found.start() if found else 0  # start of the chunk holding limit
            if chunk <= line_start:  # only at the very start of the line: 0
                chunk = line_start
            after = chunk_start.search(text, limit)
            end = after.start() + 1 if after else size
        if end - chunk > width:  # wider than a row: folded
            if chunk:
                breaks.append(chunk)
            breaks.extend(range(chunk + width, end, width))
            line_start = chunk + (end - chunk - 1) // width * width
        else:
            breaks.append(chunk)
            line_start = chunk
    return breaks


def _chunk_start(text: str, index: int) -> bool:
    return index == 0 or bool(_chunk_patterns()[0].match(text, index - 1))


def _chunk_end(text: str, index: int) -> int:
    found = _chunk_patterns()[0].search(text, index)
    return found.start() + 1 if found else len(text)


def rewrap_edited(old_breaks: list[int], old: str, new: str, start: int, old_end: int,
                  new_end: int, wrap: Wrap, width: int) -> list[int] | None:
    """The breaks of ``new``, re-wrapping only around an edit of ``old``.

    ``old[start:old_end]`` became ``new[start:new_end]``, the rest unchanged
    (checked; ``None`` when it is not so, or the line holds tabs, whose widths
    depend on everything before them). Wrapping restarts at a break whose
    chunk ends before the edit (the same state as a fresh wrap from there),
    and stops as soon as a break after the edit, at a chunk start, falls where
    an old break did: from there on the old breaks hold, shifted.
    """
    delta = new_end - old_end
    if (not 0 <= start <= old_end <= len(old) or new_end < start
            or len(new) - len(old) != delta or "\t" in new
            or new[:start] != old[:start] or new[new_end:] != old[old_end:]):
        return None
    # Restart: a break at a chunk start whose chunk ends before the edit.
    at = bisect_right(old_breaks, start)
    while True:
        at -= 1
        restart = old_breaks[at] if at >= 0 else 0
        if restart == 0 or (_chunk_start(new, restart) and _chunk_end(new, restart) < start):
            break
    kept = old_breaks[:at + 1] if restart else []
    target = max(new_end, restart) + 4 * width
    while True:
        stop = _chunk_end(new, target) if target < len(new) else len(new)
        window = [restart + b for b in wrap(new[restart:stop])]
        if stop == len(new):
            return kept + window
        for index, point in enumerate(window):
            if point <= new_end or not _chunk_start(new, point):
                continue
            old_index = bisect_left(old_breaks, point - delta)
            if old_index < len(old_breaks) and old_breaks[old_index] == point - delta:
                return kept + window[:index] + [b + delta for b in old_breaks[old_index:]]
        target = restart + 2 * (target - restart)
