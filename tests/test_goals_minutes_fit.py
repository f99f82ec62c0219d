"""A goal's heading in the minutes on screen wraps at 80 columns (walk of issue 20,
finding 3): Textual sizes a Markdown H3 to its text, so a long goal title ran off."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets._markdown import MarkdownH3

from gespreks_tui.tui.widgets.minutes_markdown import MinutesMarkdown

TITLE = ("1. Het klantportaal wordt vóór de zomer aantoonbaar door tweehonderd klanten "
         "gebruikt, met minder telefoontjes (resultaatdoel)")
MARKDOWN = f"# Verslag\n\n## Doelen gesteld in dit gesprek\n\n### {TITLE}\n\n- stap\n"


class Shown(App):
    def compose(self) -> ComposeResult:
        yield MinutesMarkdown(MARKDOWN)


async def test_a_long_goal_heading_wraps_at_80_columns():
    app = Shown()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        heading = app.query_one(MarkdownH3)
        page = app.query_one(MinutesMarkdown)
        assert heading.region.right <= page.region.right
        assert heading.size.height >= 2  # wrapped, not cut
        shown = " ".join(strip.text for strip in heading.render_lines(heading.region.reset_offset))
        assert "(resultaatdoel)" in shown and "tweehonderd" in shown
