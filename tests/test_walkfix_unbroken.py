"""walk25 F9, F10, F21: a date, a time or "60 min" is never split over two lines; a
narrow container wraps before it instead."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.geometry import Region
from textual.widgets import Label

from gespreks_tui.tui.format import day_text, moment_text, unbroken
from gespreks_tui.tui.textual_compat import keep_no_break_spaces
from gespreks_tui.tui.widgets.minutes_markdown import MinutesMarkdown


def lines_of(widget) -> list[str]:
    width, height = widget.outer_size
    return [strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, width, height))]


class Narrow(App):
    CSS = "Vertical { width: 42; height: auto; } Label { width: 100%; }"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(unbroken(f"Medewerker: Akkoord — Joris Bakker, "
                                 f"{moment_text('2026-12-02T16:24:00+00:00', 'nl', 'UTC')}"),
                        id="panel")
            yield Label(unbroken("nr 7 · 2 dec 2026 · beoordelingsgesprek met Joris · 60 min"
                                 " · gewijzigd 1 minuut geleden"), id="line")
            yield MinutesMarkdown("* Datum: 2 december 2026, begin 16:27 uur, zo staat het er",
                                  id="minutes")


def test_dates_times_and_units_are_made_unbroken():
    assert unbroken(day_text("2026-12-02")) == "2\u00a0dec\u00a02026"
    moment = moment_text("2026-12-02T16:24:00+00:00", "nl", "UTC")
    assert unbroken(moment) == "2\u00a0dec\u00a02026\u00a016:24"
    assert unbroken("begin 16:27 uur · 60 min") == "begin 16:27\u00a0uur · 60\u00a0min"
    assert unbroken("March 1, 2027") == "March\u00a01,\u00a02027"
    assert unbroken("4 goed en 12 punten") == "4 goed en 12 punten"  # no date, no unit


async def test_a_narrow_container_wraps_before_a_date_not_inside_it():
    keep_no_break_spaces()
    app = Narrow()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        panel = lines_of(app.query_one("#panel"))
        assert panel[:2] == ["Medewerker: Akkoord — Joris Bakker,", "2\u00a0dec\u00a02026\u00a016:24"]
        line = lines_of(app.query_one("#line"))
        assert any(row.startswith("60\u00a0min") or row.endswith("60\u00a0min ·")
                   or "60\u00a0min" in row for row in line)
        assert not any(row.endswith(" 60") for row in line)
        shown = "\n".join(row for block in app.query_one("#minutes").query("MarkdownParagraph")
                          for row in lines_of(block))
        assert "16:27\u00a0uur" in shown and "2\u00a0december\u00a02026" in shown
        markdown = app.query_one("#minutes", MinutesMarkdown)
        assert markdown.source.startswith("* Datum: 2 december 2026")  # the record unchanged
