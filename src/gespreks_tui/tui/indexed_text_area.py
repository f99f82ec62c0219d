"""The notes TextArea: drawing only what shows, at a cost independent of the note's length.

The second half of ``textual_compat``: the private parts of Textual's
TextArea that gespreks-tui replaces, each with its reason (the wrapped
document is ``indexed_document``). Kept apart from ``textual_compat`` so that
start-up does not import the TextArea. ``tests/test_notes_area_equivalence.py``
drives this and Textual's TextArea with the same keys, pastes and clicks and
compares every drawn row, so a Textual release that changes what this relies
on fails there first.

Textual's TextArea joins the whole text for every screen row it draws (to
decide on the placeholder) and builds and divides a whole wrapped line to
draw one row of it; with its wrapped document's bookkeeping, typing cost grew
with the note (85-110 ms per key at 10,000 lines, seconds per key after
pasting a 1 MB line).
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.document._document import Document
from textual.document._document_navigator import DocumentNavigator
from textual.expand_tabs import expand_text_tabs_from_widths
from textual.strip import Strip
from textual.widgets import TextArea

from gespreks_tui.tui.indexed_document import IndexedWrappedDocument

_OPENING = {"{": "}", "[": "]", "(": ")"}  # Textual's bracket pairs
_CLOSING = {v: k for k, v in _OPENING.items()}
_BRACKET = re.compile(r"[\[\](){}]")


class IndexedTextArea(TextArea):
    """A plain-text TextArea on ``IndexedWrappedDocument`` that draws only what shows.

    Textual's ``render_line`` joins the whole text for every screen row
    (to see whether to show the placeholder) and ``_render_line`` builds
    and divides the whole wrapped line for each of its rows; here the
    emptiness test is one look and a wrapped row draws its own section
    only, with the same styles (``tests/test_notes_area_equivalence.py``).
    Anything this does not cover (syntax highlighting, line numbers,
    suggestions, characters rich's Text drops) is left to Textual.
    """

    def _set_document(self, text: str, language: str | None) -> None:
        if language:
            super()._set_document(text, language)
            return
        self._highlight_query = None
        self.document = Document(text)
        self.wrapped_document = IndexedWrappedDocument(self.document,
                                                       tab_width=self.indent_width)
        self.navigator = DocumentNavigator(self.wrapped_document)
        self._build_highlight_map()
        self.move_cursor((0, 0))
        self._rewrap_and_refresh_virtual_size()

    def find_matching_bracket(self, bracket: str,
                              search_from: tuple[int, int]) -> tuple[int, int] | None:
        """Textual's bracket matching (the cursor on a bracket), visiting only the brackets.

        Textual walks the note a character at a time in Python from the cursor
        to the match, through the whole note when there is none (a stray "(" in
        a 1 MB note: a quarter of a second per move); here a regular expression
        finds the brackets of each line and the same stack decides.
        """
        if bracket in _OPENING:
            forward = True
        elif bracket in _CLOSING:
            forward = False
        else:
            return None
        document, stack = self.document, []
        row, column = search_from
        count = document.line_count
        while 0 <= row < count:
            line = document[row]
            if forward:
                found = [(m.group(), m.start()) for m in _BRACKET.finditer(line, column)]
            else:  # Textual starts the lines above at their last character
                end = len(line) if column == -1 else column + 1
                found = [(m.group(), m.start()) for m in _BRACKET.finditer(line, 0, end)]
                found.reverse()
            for candidate, at in found:
                if (candidate in _OPENING) == forward:
                    stack.append(candidate)
                elif stack and stack[-1] == (_CLOSING if forward else _OPENING)[candidate]:
                    stack.pop()
                    if not stack:
                        return row, at
            row, column = (row + 1, 0) if forward else (row - 1, -1)
        return None

    def render_line(self, y: int) -> Strip:
        """Textual's ``render_line``, with ``not self.text`` (a join of the whole text)
        replaced by a look at the first line."""
        document = self.document
        if self.placeholder and document.line_count == 1 and not document[0]:
            return super().render_line(y)  # empty: Textual draws the placeholder
        scroll_x, scroll_y = self.scroll_offset
        absolute_y = scroll_y + y
        selection = self.selection
        _, cursor_y = self._cursor_offset
        cache_key = (
            self.size,
            scroll_x,
            absolute_y,
            (selection if selection.contains_line(absolute_y) or self.soft_wrap
             else selection.end[0] == absolute_y),
            (selection.end if (self._cursor_visible and self.cursor_blink
                               and absolute_y == cursor_y) else None),
            self.theme,
            self._matching_bracket_location,
            self.match_cursor_bracket,
            self.soft_wrap,
            self.show_line_numbers,
            self.read_only,
            self.show_cursor,
            self.suggestion,
        )
        if (cached_line := self._line_cache.get(cache_key)) is not None:
            return cached_line
        line = self._render_line(y)
        self._line_cache[cache_key] = line
        return line

    def _render_line(self, y: int) -> Strip:
        document, wrapped = self.document, self.wrapped_document
        y_offset = y + self.scroll_offset.y
        if (not self.soft_wrap or self.show_line_numbers or self.suggestion
                or self._highlight_query or type(self).get_line is not TextArea.get_line
                or not isinstance(wrapped, IndexedWrappedDocument)
                or y_offset >= wrapped.height):
            return super()._render_line(y)
        line_index, section = wrapped._offset_to_line_info[y_offset]
        offsets = wrapped.get_offsets(line_index)
        line_string = document[line_index]
        if not offsets or not wrapped.simple(line_index):
            return super()._render_line(y)
        return self._render_section(line_index, section, line_string, offsets)

    def _render_section(self, line_index: int, section: int, line_string: str,
                        offsets: list[int]) -> Strip:
        """Textual's ``_render_line`` for one section of a wrapped line.

        The same styles at the same columns as Textual applies to the whole
        line before dividing it, each cut to this section.
        """
        theme = self._theme
        base_style = (theme.base_style if theme and theme.base_style is not None
                      else self.rich_style)
        length = len(line_string)
        first = offsets[section - 1] if section else 0
        last = section == len(offsets)
        # The whole line gets one space for the cursor at its end.
        text = line_string[first:] + " " if last else line_string[first:offsets[section]]
        size = len(text)
        line = Text(text, end="", no_wrap=True)
        line.tab_size = self.indent_width

        def stylize(style, start: int = 0, end: int | None = None) -> None:  # noqa: ANN001
            start = max(start - first, 0)
            end = size if end is None else min(end - first, size)
            if end > start:
                line.stylize(style, start, end)

        selection = self.selection
        start, end = selection
        cursor_row, cursor_column = end
        (top_row, top_column), (bottom_row, bottom_column) = sorted(selection)
        highlight_cursor_line = self.highlight_cursor_line and self._has_cursor
        cursor_line_style = (theme.cursor_line_style
                             if (theme and highlight_cursor_line) else None)
        has_cursor = self._has_cursor
        if has_cursor and cursor_line_style and cursor_row == line_index:
            stylize(cursor_line_style)
        if start != end and top_row <= line_index <= bottom_row:
            selection_style = theme.selection_style if theme else None
            if selection_style:  # a wrapped line is never empty: no "▌"
                if line_index == top_row == bottom_row:
                    stylize(selection_style, top_column, bottom_column)
                elif line_index == top_row:
                    stylize(selection_style, top_column, length)
                elif line_index == bottom_row:
                    stylize(selection_style, 0, bottom_column)
                else:
                    stylize(selection_style, 0, length)
        matching_bracket = self._matching_bracket_location
        draw_matched_brackets = (has_cursor and self.match_cursor_bracket
                                 and matching_bracket is not None and start == end)
        if cursor_row == line_index:
            if draw_matched_brackets and theme and theme.bracket_matching_style:
                stylize(theme.bracket_matching_style, cursor_column, cursor_column + 1)
            if self._draw_cursor and theme and theme.cursor_style:
                stylize(theme.cursor_style, cursor_column, cursor_column + 1)
        if draw_matched_brackets and theme and theme.bracket_matching_style:
            assert matching_bracket is not None
            bracket_row, bracket_column = matching_bracket
            if bracket_row == line_index:
                stylize(theme.bracket_matching_style, bracket_column, bracket_column + 1)
        if "\t" in text:  # the widths of this section's tabs, from the line's
            tabs_before = line_string.count("\t", 0, first)
            tab_widths = self.wrapped_document.get_tab_widths(line_index)
            line = expand_text_tabs_from_widths(
                line, tab_widths[tabs_before:tabs_before + text.count("\t")])
        target_width = self.scrollable_content_region.size.width - self.gutter_width
        text_strip = Strip(line.render(self.app.console), cell_length=line.cell_len)
        if cursor_row == line_index and self.highlight_cursor_line:
            line_style = cursor_line_style
        else:
            line_style = theme.base_style if theme else None
        text_strip = text_strip.extend_cell_length(target_width, line_style)
        return text_strip.apply_style(base_style)

