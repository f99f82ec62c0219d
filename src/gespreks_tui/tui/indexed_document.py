"""The notes' wrapped document: rows found and lines wrapped at a cost independent of length.

Part of the second half of ``textual_compat`` (Textual's private API, each use
with its reason; ``indexed_text_area`` draws with it). Textual's
``WrappedDocument`` sums the height of every line each time the TextArea asks
how tall the document is (for every screen row it draws), keeps a list
entry per screen row that an edit shifts one by one, and wraps a long line
again from its first word at every key. ``IndexedWrappedDocument`` gives the
same answers (``tests/test_wrapped_height.py`` compares them on random text
and edits) from ``line_wrap``'s height index and wraps.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from textual._cells import cell_len, cell_width_to_column_index
from textual._wrap import compute_wrap_offsets
from textual.document._wrapped_document import WrappedDocument
from textual.expand_tabs import expand_tabs_inline, get_tab_widths
from textual.geometry import Offset, clamp

from gespreks_tui.tui.line_wrap import (
    HeightIndex,
    is_narrow,
    narrow_wrap,
    rewrap_edited,
    spaces_only,
)

LONG_LINE = 1024  # characters: from here an edit re-wraps only around itself
_STRIPPED = "\x07\x08\x0b\x0c\x0d"  # rich's Text drops these: Textual's own way then


def _has_stripped(line: str) -> bool:
    return any(character in line for character in _STRIPPED)  # memchr, not a regex


class Rows(Sequence):
    """``_offset_to_line_info``: (line, section) per screen row, from the index."""

    def __init__(self, index: HeightIndex) -> None:
        self._index = index

    def __len__(self) -> int:
        return self._index.total

    def __getitem__(self, row):
        if isinstance(row, slice):
            return [self._index.locate(r) for r in range(*row.indices(len(self)))]
        return self._index.locate(row)

class LineRows(Sequence):
    """``_line_index_to_offsets``: the screen rows of each line, from the index."""

    def __init__(self, index: HeightIndex) -> None:
        self._index = index

    def __len__(self) -> int:
        return len(self._index.heights)

    def __getitem__(self, line):
        if isinstance(line, slice):
            return [self[i] for i in range(*line.indices(len(self)))]
        if line < 0:
            line += len(self)
        height = self._index.heights[line]  # IndexError as a list would
        start = self._index.start(line)
        return list(range(start, start + height))

class Sections(Sequence):
    """A wrapped line's sections, each sliced when asked for (not all, as Textual does)."""

    def __init__(self, line: str, offsets: list[int]) -> None:
        self._line, self._bounds = line, [0, *offsets, len(line)]

    def __len__(self) -> int:
        return len(self._bounds) - 1

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._line[self._bounds[index]:self._bounds[index + 1]]

Wrapped = tuple[list[list[int]], list[list[int]], list[bool]]


def wrap_lines(lines: list[str], width: int, tab_width: int) -> Wrapped:
    """Break offsets, tab widths and simplicity (``IndexedWrappedDocument.simple``) of lines.

    As Textual's ``WrappedDocument.wrap`` computes them. Asked of all lines at
    once first (one scan of the joined text): a paste of 20,000 lines of
    ordinary text then costs a check per line. A pure function: NotesArea
    runs it on a thread for a large paste.
    """
    joined = "".join(lines)
    simple = ([True] * len(lines) if not _has_stripped(joined)
              else [not _has_stripped(line) for line in lines])
    if is_narrow(joined):  # no tabs, every character one cell
        tabs = [[0] if line else [] for line in lines]
        if not width:
            return [[] for _ in lines], tabs, simple
        only = spaces_only(joined)
        return ([narrow_wrap(line, width, only) if len(line) > width else []
                 for line in lines], tabs, simple)
    wrapped = [_wrap_line(line, width, tab_width) for line in lines]
    return [offsets for offsets, _ in wrapped], [tabs for _, tabs in wrapped], simple


def _wrap_plain(text: str, width: int, tab_width: int) -> list[int]:
    """Break offsets of a line without tabs."""
    if is_narrow(text):
        return narrow_wrap(text, width)
    if "\u200d" not in text and "\ufe0f" not in text and cell_len(text) <= width:
        return []  # fits whole (cell widths add up without joiners)
    return compute_wrap_offsets(text, width, tab_width)


def _wrap_line(line: str, width: int, tab_width: int) -> tuple[list[int], list[int]]:
    if "\t" in line:
        sections = get_tab_widths(line, tab_width)
        offsets = (compute_wrap_offsets(line, width, tab_width,
                                        precomputed_tab_sections=sections)
                   if width else [])
        return offsets, [tab for _, tab in sections]
    return (_wrap_plain(line, width, tab_width) if width else []), ([0] if line else [])


class IndexedWrappedDocument(WrappedDocument):
    """Textual's ``WrappedDocument`` with its per-row lists replaced by a height index.

    ``height`` is a kept total instead of a sum over all lines (Textual's
    TextArea asks for it for every screen row it draws); the row lists are
    views on ``HeightIndex``, so an edit no longer shifts an entry per row
    below it; lines of narrow characters wrap with ``narrow_wrap``; an edit
    inside a long line re-wraps only around itself (``rewrap_edited``).
    Same answers as Textual's (``tests/test_wrapped_height.py``).
    """

    _prewrapped: tuple[list[str], int, int, Wrapped] | None = None

    def wrap(self, width: int, tab_width: int | None = None) -> None:
        self._prewrapped = None
        self._width = width
        if tab_width:
            self._tab_width = tab_width
        lines = list(self.document.lines)
        self._wrap_offsets, self._tab_width_cache, self._simple = self._wrap_lines(lines)
        self._wrapped_text = lines  # what each entry of _wrap_offsets was made from
        self._index = HeightIndex([len(offsets) + 1 for offsets in self._wrap_offsets])
        self._offset_to_line_info = Rows(self._index)  # type: ignore[assignment]
        self._line_index_to_offsets = LineRows(self._index)  # type: ignore[assignment]

    def _wrap_lines(self, lines: list[str]) -> Wrapped:
        return wrap_lines(lines, self._width, self._tab_width)

    def _wrap_plain(self, text: str) -> list[int]:
        return _wrap_plain(text, self._width, self._tab_width)

    def prewrapped(self, lines: list[str], width: int, tab_width: int,
                   wrapped: Wrapped) -> None:
        """``wrap_lines(lines, width, tab_width)``, worked out in advance (see NotesArea).

        Used by the next ``wrap_range`` if the edit's lines between its first
        and last are these, at that width; forgotten otherwise.
        """
        self._prewrapped = (lines, width, tab_width, wrapped)

    def _wrap_edited(self, lines: list[str]) -> Wrapped:
        hint, self._prewrapped = self._prewrapped, None
        if hint is not None:
            middle, width, tab_width, wrapped = hint
            if ((width, tab_width) == (self._width, self._tab_width)
                    and len(lines) == len(middle) + 2 and lines[1:-1] == middle):
                first = self._wrap_lines(lines[:1])
                last = self._wrap_lines(lines[-1:])
                return (first[0] + wrapped[0] + last[0], first[1] + wrapped[1] + last[1],
                        first[2] + wrapped[2] + last[2])
        return self._wrap_lines(lines)

    @property
    def height(self) -> int:
        return self._index.total

    def wrap_range(self, start, old_end, new_end) -> None:  # noqa: ANN001 - as Textual's
        old_max = len(self._wrap_offsets) - 1
        new_max = self.document.line_count - 1
        start_line = clamp(start[0], 0, min(old_max, new_max))
        old_end_line = clamp(old_end[0], 0, old_max)
        new_end_line = clamp(new_end[0], 0, new_max)
        top, old_bottom = sorted((start_line, old_end_line))
        new_bottom = max(start_line, new_end_line)
        lines = self.document.lines[top:new_bottom + 1]
        offsets: list[int] | None = None
        if (self._width and top == old_bottom == new_bottom == start[0] == old_end[0]
                == new_end[0] and len(lines[0]) > LONG_LINE):
            offsets = rewrap_edited(self._wrap_offsets[top], self._wrapped_text[top],
                                    lines[0], start[1], old_end[1], new_end[1],
                                    self._wrap_plain, self._width)
        if offsets is not None:
            new_offsets, tabs, simple = [offsets], [[0] if lines[0] else []], [
                not _has_stripped(lines[0])]
        else:
            new_offsets, tabs, simple = self._wrap_edited(lines)
        self._wrap_offsets[top:old_bottom + 1] = new_offsets
        self._tab_width_cache[top:old_bottom + 1] = tabs
        self._wrapped_text[top:old_bottom + 1] = lines
        self._simple[top:old_bottom + 1] = simple
        self._index.replace(top, old_bottom + 1, [len(o) + 1 for o in new_offsets])

    def simple(self, line_index: int) -> bool:
        """The line has no character rich's Text drops (its sections are plain slices)."""
        line = self.document[line_index]
        if self._wrapped_text[line_index] is line:
            return self._simple[line_index]
        return not _has_stripped(line)

    def section_bounds(self, line_index: int, section: int) -> tuple[int, int]:
        """Start and end column of a section (negative: from the last)."""
        bounds = [0, *self._wrap_offsets[line_index], len(self.document[line_index])]
        if section < 0:
            section += len(bounds) - 1
        return bounds[section], bounds[section + 1]

    def get_sections(self, line_index: int) -> Sequence[str]:  # type: ignore[override]
        line = self.document[line_index]
        if not self.simple(line_index):
            return super().get_sections(line_index)
        return Sections(line, self._wrap_offsets[line_index])

    def location_to_offset(self, location) -> Offset:  # noqa: ANN001 - as Textual's
        line_index, column_index = location
        line_index = clamp(line_index, 0, len(self._wrap_offsets))
        wrap_offsets = self.get_offsets(line_index)
        line = self.document[line_index]
        if not wrap_offsets or not self.simple(line_index):
            return super().location_to_offset(location)
        section_index = bisect_right(wrap_offsets, column_index)
        start, end = self.section_bounds(line_index, section_index)
        x_offset = cell_len(expand_tabs_inline(line[start:end][:column_index - start],
                                               self._tab_width))
        return Offset(x_offset, self._index.start(line_index) + section_index)

    def get_target_document_column(self, line_index: int, x_offset: int,
                                   y_offset: int) -> int:
        line = self.document[line_index]
        if not self.simple(line_index):
            return super().get_target_document_column(line_index, x_offset, y_offset)
        sections = len(self._wrap_offsets[line_index]) + 1
        start, end = self.section_bounds(line_index, y_offset)
        column = start + cell_width_to_column_index(line[start:end], x_offset,
                                                    self._tab_width)
        if y_offset != sections - 1 and y_offset != -1:
            column = min(column, end - 1)
        return column
