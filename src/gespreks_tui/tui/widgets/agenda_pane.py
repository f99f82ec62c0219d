"""The agenda pane: phases with planned and used time, countdown and overrun."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from gespreks_tui.agenda import AgendaTimer, PhaseTime, clock_text
from gespreks_tui.catalogue import t
from gespreks_tui.tui.format import escape

WARNING_SECONDS = 60


class Figures(Static):
    """A Static that is updated without a relayout when only figures changed.

    The agenda ticks every second; a relayout each time would cost every
    keystroke in that second a full layout pass. Same length of markup: the
    same lines, so no relayout.
    """

    shown: str | None = None

    def show_markup(self, markup: str) -> None:
        if markup == self.shown:
            return
        same_height = self.shown is not None and len(self.shown) == len(markup)
        self.shown = markup
        self.update(markup, layout=not same_height)


class PhaseRow(Figures):
    """One phase: name and the figure that matters now."""

    # Later rules win: a warning or overrun shows over "current".
    DEFAULT_CSS = """
    PhaseRow {
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
        remaining = figures.remaining
        if figures.current:
            head = f"▶ {escape(name)}"
            figure = clock_text(remaining)
            detail = t("agenda.used_of", used=clock_text(figures.used),
                       planned=clock_text(figures.planned))
        else:
            head = f"  {escape(name)}"
            figure = clock_text(figures.planned)
            if round(figures.share) != round(figures.planned):
                figure = t("agenda.share", planned=clock_text(figures.planned),
                           share=clock_text(figures.share))
            detail = t("agenda.used", used=clock_text(figures.used)) if figures.used else ""
        self.show_markup(f"{head}\n  [b]{figure}[/b]" + (f"\n  [dim]{detail}[/dim]" if detail else ""))
        self.set_class(figures.current, "current")
        self.set_class(figures.current and 0 <= remaining < WARNING_SECONDS, "warning")
        self.set_class(remaining < 0, "overrun")
        self.set_class(round(figures.share) < round(figures.planned), "squeezed")


class AgendaPane(VerticalScroll, can_focus=True):
    """Shows the timer; the meeting screen calls ``refresh_from`` every second."""

    DEFAULT_CSS = """
    AgendaPane {
        border: round $primary;
        padding: 0 0;
    }
    AgendaPane:focus-within, AgendaPane:focus {
        border: round $accent;
    }
    AgendaPane #agenda-total {
        padding: 0 1;
        border-top: solid $primary;
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

    def compose(self) -> ComposeResult:
        yield Label(t("agenda.title"), classes="pane-title")
        for i, _ in enumerate(self.names):
            yield PhaseRow(id=f"phase-{i}", classes="phase-row")
        yield Figures(id="agenda-total")
        yield Figures(id="agenda-state")

    def refresh_from(self, timer: AgendaTimer, read_only: bool = False) -> None:
        for figures in timer.phases():
            self.query_one(f"#phase-{figures.position}", PhaseRow).show(
                self.names[figures.position], figures)
        left = timer.total_planned - timer.total_used
        self.query_one("#agenda-total", Figures).show_markup(t(
            "agenda.total", used=clock_text(timer.total_used),
            planned=clock_text(timer.total_planned), left=clock_text(left)))
        state = self.query_one("#agenda-state", Figures)
        if read_only:
            state.show_markup(t("agenda.closed"))
        else:
            state.show_markup(t("agenda.paused") if timer.paused else t("agenda.running"))
        state.set_class(timer.paused and not read_only, "paused")
        self.set_class(left < 0, "over-budget")
