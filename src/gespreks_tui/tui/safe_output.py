"""Stored text never acts on the terminal: control characters are drawn as pictures,
bidi and invisible characters as markers.

Textual writes the text of every segment to the terminal as it is; Rich drops
only BEL, BS, VT, FF and CR from ``Text``. A name, note or agreement holding
ESC or a C1 control (stored unchanged, by design) could clear the screen, set
the window title or write the clipboard (OSC 52). So the one place where
every widget's output passes is filtered, rather than each place where user
text enters a widget (names in lists, the notes TextArea, the one-line
Inputs, agreements, history, minutes preview, dialogs, notifications...),
where one forgotten spot would be enough. Characters that reorder text (bidi
overrides, isolates, marks) or hide it (zero-width space, joiners, BOM) do
not move the cursor but change what the terminal shows around them; they are
drawn as markers ("⟨U+202E⟩"), the same mapping the command line and the HTML
minutes use (``gespreks_tui.safe_text``).

The hook: Textual's line filters (``textual.filter.LineFilter``). Every
widget line goes through ``App.get_line_filters()`` in the styles cache
(``Widget.render_lines`` -> ``StylesCache.render_widget``), including the
widgets that render line by line (TextArea, OptionList, DataTable, Tree);
the results are cached per strip. ``ControlPictures`` replaces every control
character (``gespreks_tui.controls``: C0, DEL, C1) inside segment text with
its visible picture ("␛" for ESC), and every bidi or invisible character with
its marker (``safe_text.safe``). Textual's own escape sequences (cursor
moves, colours, links, the clipboard) are made later, from styles and
positions, never from segment text, so they are untouched, and so is the
stored text: only what is drawn changes.

Keeping the layout: Textual measures a control, bidi or zero-width character
as zero cells, and a picture takes one, a marker eight. So the filter gives the cells back on the same widget line,
and nothing after the widget moves and no line overflows (at the right edge an
overflow could make the terminal wrap or scroll): first from trailing spaces
after the text (the line's filler, rightmost first), else by cutting the end
of the text that held the control characters. A line full of such text thus
loses its last few cells on screen, and a mouse click after a picture lands a
cell off (a marker: eight); text without such characters is never touched.

``GesprekApp.get_line_filters`` adds ``CONTROL_PICTURES`` to Textual's own
filters: a supported override, no change to Textual's classes.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from gespreks_tui.safe_text import UNSAFE, safe


class ControlPictures(LineFilter):
    """Draw control characters in segment text as pictures and bidi and invisible
    characters as markers, keeping the line's width."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        search = UNSAFE.search
        if search("".join([text for text, _, control in segments if not control])) is None:
            return segments  # the usual case, one C-speed scan: nothing to do
        texts: list[str] = []
        changed: list[int] = []
        owed = 0  # cells the pictures added
        for index, (text, _, control) in enumerate(segments):
            if not control and search(text):
                shown = safe(text)
                owed += cell_len(shown) - cell_len(text)
                changed.append(index)
                text = shown
            texts.append(text)
        # Give the cells back: trailing spaces after the first picture, rightmost first...
        for index in range(len(texts) - 1, changed[0] - 1, -1):
            if not owed:
                break
            if segments[index].control:
                continue
            text = texts[index]
            take = min(owed, len(text) - len(text.rstrip(" ")))
            if take:
                texts[index] = text[: len(text) - take]
                owed -= take
        # ... then the end of the text that held the control characters.
        for index in reversed(changed):
            if not owed:
                break
            width = cell_len(texts[index])
            keep = max(0, width - owed)
            texts[index] = set_cell_size(texts[index], keep)
            owed -= width - keep
        return [
            Segment(text, style, control)
            for text, (_, style, control) in zip(texts, segments, strict=True)
            if text or control
        ]


CONTROL_PICTURES = ControlPictures()


class FilterChain(LineFilter):
    """Several line filters as one: one cache lookup per line drawn instead of one each.

    Textual looks up every line in a per-filter cache; with its own filter and
    ours that was two lookups for every line of every widget on every repaint.
    """

    def __init__(self, filters: tuple[LineFilter, ...]) -> None:
        super().__init__()
        self.filters = filters

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        for line_filter in self.filters:
            segments = line_filter.apply(segments, background)
        return segments


_CHAINS: dict[tuple[int, ...], FilterChain] = {}  # a chain holds its filters: ids stay valid


def with_control_pictures(filters: list[LineFilter]) -> list[LineFilter]:
    """``filters`` followed by ``CONTROL_PICTURES``, as one (cached, so Strip caches hit)."""
    key = tuple(map(id, filters))
    chain = _CHAINS.get(key)
    if chain is None:
        chain = _CHAINS[key] = FilterChain((*filters, CONTROL_PICTURES))
    return [chain]
