"""The agenda pane: phases with planned and used time, countdown and overrun."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Label

from gespreks_tui.agenda import AgendaTimer, PhaseTime, clock_text
from gespreks_tui.catalogue import t
from gespreks_tui.tui.widgets.fitted import (
    NARROW,
    FittedMixin,
    Run,
    content_words,
    fit,
    parts_run,
    text_run,
    words,
)

WARNING_SECONDS = 60


class Figures(FittedMixin, Widget):
    """Lines of whole pieces, updated without a relayout when only figures changed.

    The agenda ticks every second; a relayout each time would cost every
    keystroke in that second a full layout pass. Same number of lines: no
    relayout (``show_runs``). Pieces never break inside: a phase name wraps
    at its words (a word wider than the pane is shortened with "…": the notes
    title has the full name), "00:02 / 245:00" stays one piece.
    """


def dim_span(text: str) -> Content:
    """A figure with its words as one piece, dim (the spaces between them as before)."""
    return Content(" ").join(words(text, "dim"))


def kept_whole(run: Run, width: int) -> Run:
    """``run`` with each figure ("00:13 van 32:59", "(plan 25:00)") on one line: its
    indent given up when that makes it fit, and only a figure wider than the whole
    line broken at its words (walk26 W6)."""
    if not run.pieces:
        return run
    widest = max(piece.cell_length for piece in run.pieces)
    indent = max(run.indent, run.hang) // (2 if width < NARROW else 1)  # as ``fit``
    if widest <= width - indent:
        return run
    if widest <= width:
        return replace(run, indent=0, hang=0)
    return replace(run, indent=0, hang=0, pieces=tuple(
        part for piece in run.pieces
        for part in (content_words(piece) if piece.cell_length > width else (piece,))))


class PhaseRow(Figures):
    """One phase: name and the figure that matters now.

    The current phase's mark "▶" goes before the name when the first word fits
    beside it, else in front of the countdown (never a line of its own, and never
    the name cut for its sake); the name wraps at its words."""

    _name_words: tuple[Content, ...] = ()
    _head: Content = Content(" ")

    # Later rules win: a warning or overrun shows over "current".
    DEFAULT_CSS = """
    PhaseRow {
        height: auto;
        padding: 0 1;
        margin: 0 0 1 0;
        color: $text-muted;
    }
    PhaseRow.current {
        background: $primary 30%;
        color: $text;
        text-style: bold;
    }
    PhaseRow.warning {
        background: $warning 40%;
    }
    PhaseRow.overrun {
        background: $error 40%;
        color: $text;
    }
    PhaseRow.squeezed {
        color: $warning;
    }
    """

    def show(self, name: str, figures: PhaseTime) -> None:
        """The same rule before and after a phase is entered: its share (agenda.py)."""
        remaining = figures.remaining
        moved = round(figures.share) != round(figures.planned)
        plan = t("agenda.plan", planned=clock_text(figures.planned))
        if figures.current:
            head = Content("▶")
            figure = [Content(clock_text(remaining)).stylize("bold")]
            # "00:13 van 32:59" and "(plan 15:00)": a piece each, never split
            # (walk25 F4, walk26 W6); the line wraps between them.
            detail: tuple[Content, ...] = (dim_span(t(
                "agenda.used_of", used=clock_text(figures.used),
                planned=clock_text(figures.share))),)
            if moved:
                detail += (Content(plan).stylize("dim"),)
        else:
            head = Content(" ")
            shown = (t("agenda.share", planned=clock_text(figures.planned),
                       share=clock_text(figures.share)) if moved
                     else clock_text(figures.planned))
            figure = [Content(shown).stylize("bold")]
            detail = ((dim_span(t("agenda.used", used=clock_text(figures.used))),)
                      if figures.used else ())
        self._name_words, self._head = words(name), head
        runs = [Run((head, *self._name_words), hang=2), parts_run(figure, indent=2, hang=2)]
        if detail:  # wraps between its figures
            runs.append(Run(detail, indent=2, hang=2))
        self.show_runs(runs)
        self.set_class(figures.current, "current")
        self.set_class(figures.current and 0 <= remaining < WARNING_SECONDS, "warning")
        self.set_class(remaining < 0, "overrun")
        self.set_class(round(figures.share) < round(figures.planned), "squeezed")

    def show_runs(self, runs) -> None:
        """As ``FittedMixin.show_runs``, the lines counted as this row fits them."""
        runs = tuple(runs)
        if runs == self.runs:
            return
        width = self.content_size.width
        before = len(self.fitted(width)) if width else -1
        self.runs = runs
        self.refresh(layout=not width or len(self.fitted(width)) != before)

    def fitted(self, width: int) -> list[Content]:
        name, runs = self._name_words, self.runs
        if runs and name and cell_len_of(self._head, name[0]) > width:
            # The first word needs the whole line: the mark moves to the next line's indent.
            first, figure, *rest = runs
            marked = self._head + Content(" ") + figure.pieces[0]
            runs = (replace(first, pieces=name),
                    replace(figure, pieces=(marked, *figure.pieces[1:]), indent=0), *rest)
        whole = (*runs[:1], *(kept_whole(run, width) for run in runs[1:]))
        if runs is self.runs and all(a is b for a, b in zip(whole, runs, strict=True)):
            return super().fitted(width)  # kept per width (``FittedMixin``)
        return fit(whole, width)


def cell_len_of(head: Content, word: Content) -> int:
    """Cells of the mark and a word on one line."""
    return head.cell_length + 1 + word.cell_length


class AgendaPane(VerticalScroll, can_focus=True):
    """Shows the timer; the meeting screen calls ``refresh_from`` every second."""

    DEFAULT_CSS = """
    AgendaPane {
        border: round $primary;
        padding: 0 0;
        scrollbar-size-vertical: 1;
    }
    AgendaPane:focus-within, AgendaPane:focus {
        border: round $accent;
    }
    AgendaPane Figures {
        height: auto;
    }
    /* A scrollbar takes the right padding's cell: the figures keep their width. */
    AgendaPane.-scrolling PhaseRow, AgendaPane.-scrolling #agenda-foot Figures {
        padding: 0 0 0 1;
    }
    AgendaPane #agenda-foot {
        dock: bottom;
        height: auto;
        border-top: solid $primary;
    }
    AgendaPane #agenda-total {
        padding: 0 1;
    }
    AgendaPane.over-budget #agenda-total {
        color: $error;
        text-style: bold;
    }
    AgendaPane #agenda-state {
        padding: 0 1;
        color: $success;
    }
    AgendaPane #agenda-state.paused {
        color: $warning;
        text-style: bold;
    }
    """

    def __init__(self, names: list[str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.names = names
        self._current = -1

    def compose(self) -> ComposeResult:
        yield Label(t("agenda.title"), classes="pane-title")
        for i, _ in enumerate(self.names):
            yield PhaseRow(id=f"phase-{i}", classes="phase-row")
        # The totals stay in sight at the bottom; the phases scroll above them
        # when they do not fit (80x24, four phases with long names).
        with Vertical(id="agenda-foot"):
            yield Figures(id="agenda-total")
            yield Figures(id="agenda-state")

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        """Four phases with long names at 80x24 need a scrollbar: the rows lay out
        at the width they have without one, so nothing wraps anew (walk26 W6)."""
        self.set_class(shown, "-scrolling")

    def refresh_from(self, timer: AgendaTimer, read_only: bool = False) -> None:
        for figures in timer.phases():
            self.query_one(f"#phase-{figures.position}", PhaseRow).show(
                self.names[figures.position], figures)
        if timer.current != self._current:  # a new phase: bring it into view
            self._current = timer.current
            row = self.query_one(f"#phase-{timer.current}", PhaseRow)
            self.call_after_refresh(self.scroll_to_widget, row, animate=False)
        left = timer.total_planned - timer.total_used
        total = t("agenda.total_figures", used=clock_text(timer.total_used),
                  planned=clock_text(timer.total_planned))
        self.query_one("#agenda-total", Figures).show_runs([
            parts_run([t("agenda.total_label"), total], sep=" "),
            parts_run([t("agenda.left", left=clock_text(left))])])
        state = self.query_one("#agenda-state", Figures)
        if read_only:
            said = t("agenda.closed")
        else:
            said = t("agenda.paused") if timer.paused else t("agenda.running")
        state.show_runs([text_run(said)])
        state.set_class(timer.paused and not read_only, "paused")
        self.set_class(left < 0, "over-budget")
