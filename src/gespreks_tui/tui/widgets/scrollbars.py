"""Scrollbar thumbs that end on whole cells (issue 16).

Textual draws the two ends of a scrollbar thumb with partial block characters
(``▂``, ``▃`` …) for a smoother look. Many terminal fonts do not fill the cell
with them, so the thin strip at the thumb's end reads as a second, stray thumb in
the same list. With blanks for every partial step, Textual draws the thumb on
whole cells only; ``ScrollBar.renderer`` is the documented way to change it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.scrollbar import ScrollBar, ScrollBarRender


class WholeCellScrollBarRender(ScrollBarRender):
    """A thumb of whole cells: no partial blocks at its ends."""

    VERTICAL_BARS: ClassVar[list[str]] = [" "] * 8
    HORIZONTAL_BARS: ClassVar[list[str]] = [" "] * 8


def use_whole_cell_scrollbars() -> None:
    """Every scrollbar of the app draws its thumb on whole cells."""
    ScrollBar.renderer = WholeCellScrollBarRender
