"""Text laid out by us, not by the terminal's word wrap: dates and names stay whole.

Textual wraps at any whitespace, and counts a non-breaking space as one: "31
mrt 2027" can end up as "31" and "mrt 2027" on two lines, "Totaal 00:02 /
245:00" as three. Here a line is built from *pieces* that are never broken:
a piece is a word of running text, or a whole figure, date or name. Lines
break only between pieces; a piece wider than the whole line is shortened
with "…" (a name: its full text is shown elsewhere) or, for running text,
folded (a long web address still reads).

``Run`` is one paragraph of pieces; ``fit(runs, width)`` gives the lines.
``FittedMixin`` makes a widget draw its runs at whatever width it gets,
with the height to match, so its container can size to content.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget


@dataclass(frozen=True)
class Run:
    """Pieces joined by ``sep``; broken only between pieces.

    ``indent`` starts the first line, ``hang`` the following ones; ``fold``:
    a piece too wide for any line is folded (running text) instead of cut.
    """

    pieces: tuple[Content, ...]
    sep: str = " "
    indent: int = 0
    hang: int = 0
    fold: bool = False
    sep_style: str = ""


def words(text: str, style: str = "") -> tuple[Content, ...]:
    """Running text as pieces: one per word (markup-free, styled as a whole)."""
    return tuple(Content(word).stylize(style) if style else Content(word)
                 for word in text.split())


def content_words(content: Content) -> tuple[Content, ...]:
    """``content`` as pieces, one per word, each keeping its styles (a no-break space
    joins, ``format.unbroken``)."""
    return tuple(content[found.start():found.end()]
                 for found in re.finditer(r"[^ \t\n]+", content.plain))


def text_run(text: str, style: str = "", indent: int = 0, hang: int = 0) -> Run:
    return Run(words(text, style), " ", indent, hang, fold=True)


def parts_run(parts: Iterable[str | Content], sep: str = " · ", style: str = "",
              indent: int = 0, hang: int = 0) -> Run:
    """Whole parts (a name, a date, a figure) that never break inside."""
    pieces = tuple(p if isinstance(p, Content) else Content(p) for p in parts if p)
    if style:
        pieces = tuple(p.stylize(style) for p in pieces)
    return Run(pieces, sep, indent, hang, sep_style=style)


def _lines_of(run: Run, width: int) -> list[Content]:
    lines: list[Content] = []
    line: Content | None = None
    for piece in run.pieces:
        room = width - (run.hang if lines or line is not None else run.indent)
        if line is not None:
            joined = line + Content(run.sep).stylize(run.sep_style) + piece
            if joined.cell_length <= width - (run.hang if lines else run.indent):
                line = joined
                continue
            lines.append(line)
            line = None
            room = width - run.hang
        room = max(1, room)
        while piece.cell_length > room and run.fold:
            lines.append(piece[:room] if line is None else line)
            piece = piece[room:]
            room = max(1, width - run.hang)
        line = piece.truncate(room, ellipsis=True) if piece.cell_length > room else piece
    if line is not None:
        lines.append(line)
    out = []
    for number, text in enumerate(lines):
        pad = run.hang if number else run.indent
        out.append(Content(" " * pad) + text if pad else text)
    return out or [Content("")]


def shorten_at_word(text: str, cells: int) -> str:
    """``text`` in at most ``cells`` cells: whole, or up to a word's end and "…".

    Never cut inside a word; only a first word wider than ``cells`` on its own is
    shortened (there is nothing else to show)."""
    if Content(text).cell_length <= cells:
        return text
    shown = ""
    for word in text.split():
        longer = f"{shown} {word}" if shown else word
        if Content(longer + "…").cell_length > cells:
            break
        shown = longer
    if not shown:
        return Content(text.split()[0] if text.split() else text).truncate(
            max(cells, 1), ellipsis=True).plain
    return shown + "…"


NARROW = 26  # below this many cells, indents are halved: the text needs the room


def fit(runs: Sequence[Run], width: int) -> list[Content]:
    """The lines of ``runs`` at ``width`` cells: no line wider, no piece broken."""
    width = max(1, width)
    if width < NARROW:
        runs = [replace(run, indent=run.indent // 2, hang=run.hang // 2) for run in runs]
    return [line for run in runs for line in _lines_of(run, width)]


class FittedMixin:
    """For a widget that draws ``self.runs``: rendering and height at any width."""

    runs: tuple[Run, ...] = ()
    _fitted_lines: tuple[tuple[Run, ...], dict[int, list[Content]]] | None = None

    def fitted(self, width: int) -> list[Content]:
        """The lines at ``width``, kept while ``runs`` stays the same tuple: layout,
        render and the lists' share ask for them several times a frame (issue 19)."""
        runs, kept = self.runs, self._fitted_lines
        if kept is None or kept[0] is not runs:
            kept = self._fitted_lines = (runs, {})
        lines = kept[1].get(width)
        if lines is None:
            lines = kept[1][width] = fit(runs, width)
        return lines

    def render(self) -> Content:
        width = self.content_size.width  # type: ignore[attr-defined]
        return Content("\n").join(self.fitted(width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.fitted(width))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max((line.cell_length for line in self.fitted(container.width)), default=0)

    def show_runs(self, runs: Sequence[Run]) -> None:
        """Draw these runs; lay out again only when the number of lines changes."""
        runs = tuple(runs)
        if runs == self.runs:
            return
        width = self.content_size.width  # type: ignore[attr-defined]
        same_height = bool(width) and len(fit(runs, width)) == len(self.fitted(width))
        self.runs = runs
        self.refresh(layout=not same_height)  # type: ignore[attr-defined]


class FittedText(FittedMixin, Widget):
    """A line or a few of pieces (a title with its keys, the agenda's total)."""

    DEFAULT_CSS = """
    FittedText {
        height: auto;
        width: 1fr;
    }
    """

    def __init__(self, runs: Sequence[Run] = (), **kwargs) -> None:
        super().__init__(**kwargs)
        self.runs = tuple(runs)
