"""The chosen radio button reads without colour: ● chosen, ○ not."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import RadioSet

from gespreks_tui.tui.widgets.choice_button import ChoiceButton


class Choices(App):
    def compose(self) -> ComposeResult:
        with RadioSet():
            yield ChoiceButton("Markdown", value=True, id="md")
            yield ChoiceButton("HTML", id="html")


def _shown(app: App, button_id: str) -> str:
    return app.query_one(f"#{button_id}", ChoiceButton).render().plain


async def test_only_the_chosen_button_shows_a_filled_dot():
    app = Choices()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "●" in _shown(app, "md") and "○" not in _shown(app, "md")
        assert "○" in _shown(app, "html") and "●" not in _shown(app, "html")
        await pilot.click("#html")
        await pilot.pause()
        assert "●" in _shown(app, "html")
        assert "○" in _shown(app, "md")
