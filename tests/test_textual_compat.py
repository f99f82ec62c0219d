"""What ``gespreks_tui.tui.textual_compat`` relies on in Textual still holds.

Each function there uses a private part of Textual for a measured reason; a
Textual release that changes that part fails here first.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import Static

from gespreks_tui.tui.textual_compat import set_border_subtitle_quietly


class Boxed(App):
    CSS = "Static { border: round white; height: 5; }"

    def compose(self) -> ComposeResult:
        yield Static("inside", id="boxed")


async def test_the_quiet_border_subtitle_is_the_one_textual_draws():
    app = Boxed()
    async with app.run_test(size=(40, 8)) as pilot:
        boxed = app.query_one("#boxed", Static)
        set_border_subtitle_quietly(boxed, "Opgeslagen [b]12:00[/b]")
        await pilot.pause()
        width, height = boxed.outer_size
        lines = [strip.text for strip in boxed.render_lines(Region(0, 0, width, height))]
        assert "Opgeslagen [b]12:00[/b]" in lines[-1]  # drawn, as text (not markup)
        assert "inside" in lines[1]
