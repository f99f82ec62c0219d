"""The agenda pane: phases with planned and used time, countdown and overrun."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from gespreks_tui.agenda import AgendaTimer, PhaseTime, clock_text
from gespreks_tui.catalogue import t
from gespreks_tui.tui.format import escape

WARNING_SECONDS = 60


def set_text(widget: Static, markup: str) -> None:
    """Update a Static without a relayout when only figures changed (same length, same lines).

    The agenda ticks every second; a relayout each time would cost every
    keystroke in that second a full layout pass.
    """
    old = getattr(widget, "_shown_markup", None)
    if markup == old:
        return
    same_height = old is not None and len(old) == len(markup)
    widget._shown_markup = markup
    widget.update(markup, layout=not same_height)


class PhaseRow(Static):
    """One phase: name and the figure that matters now."""

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
        set_text(self, f"{head}\n  [b]{figure}[/b]" + (f"\n  [dim]{detail}[/dim]" if detail else ""))
        self.set_class(figures.current, "current")
        self.set_class(figures.current and 0 <= remaining < WARNING_SECONDS, "warning")
        self.set_class(remaining < 0, "overrun")
        self.set_class(round(figures.share) < round(figures.planned), "squeezed")


class AgendaPane(VerticalScroll, can_focus=True):
    """Shows the timer; the meeting screen calls ``refresh_from`` every second."""

    def __init__(self, names: list[str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.names = names

    def compose(self) -> ComposeResult:
        yield Label(t("agenda.title"), classes="pane-title")
        for i, _ in enumerate(self.names):
            yield PhaseRow(id=f"phase-{i}", classes="phase-row")
        yield Static(id="agenda-total")
        yield Static(id="agenda-state")

    def refresh_from(self, timer: AgendaTimer, read_only: bool = False) -> None:
        for figures in timer.phases():
            self.query_one(f"#phase-{figures.position}", PhaseRow).show(
                self.names[figures.position], figures)
        left = timer.total_planned - timer.total_used
        set_text(self.query_one("#agenda-total", Static), t(
            "agenda.total", used=clock_text(timer.total_used),
            planned=clock_text(timer.total_planned), left=clock_text(left)))
        state = self.query_one("#agenda-state", Static)
        if read_only:
            set_text(state, t("agenda.closed"))
        else:
            set_text(state, t("agenda.paused") if timer.paused else t("agenda.running"))
        state.set_class(timer.paused and not read_only, "paused")
        self.set_class(left < 0, "over-budget")
