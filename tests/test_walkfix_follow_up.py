"""walk25 F26: Enter in the follow-up dialog with no outcome chosen records nothing."""

from __future__ import annotations

from textual.widgets import Input, Label

from gespreks_tui.demo import load_demo
from gespreks_tui.model import Outcome
from gespreks_tui.tui.screens.follow_up_dialog import FollowUpDialog
from helpers import make_app, meeting, prepare


async def open_follow_up(pilot):
    app = pilot.app
    app.screen.query_one("#people-list").highlighted = 1  # Joris Bakker
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    screen = meeting(app)
    screen.query_one("#followup-list").focus()
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(app.screen, FollowUpDialog)
    return screen


async def test_enter_with_nothing_chosen_goes_on_and_saving_asks_for_an_outcome(store, clock):
    load_demo(store)
    prepare(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_follow_up(pilot)
        dialog = app.screen
        await pilot.press("enter", *"only comment", "ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # nothing recorded, the dialog stays
        assert dialog.query_one("#outcome").pressed_button is None
        assert dialog.query_one("#followup-comment", Input).value == "only comment"
        assert "Kies eerst" in str(dialog.query_one("#followup-message", Label).render())
        assert store.follow_ups(screen.conversation_id) == []
        # A digit chooses; then saving records it with the comment kept.
        assert app.focused is dialog.query_one("#outcome")  # sent back to the choice
        await pilot.press("3", "ctrl+s")
        await pilot.pause()
        (follow_up,) = store.follow_ups(screen.conversation_id)
        assert follow_up.outcome == Outcome.NOT_ACHIEVED
        assert follow_up.comment == "only comment"


async def test_space_then_enter_chooses_the_highlighted_outcome(store, clock):
    load_demo(store)
    prepare(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_follow_up(pilot)
        await pilot.press("down", "space", "enter", *"half", "ctrl+s")
        await pilot.pause()
        (follow_up,) = store.follow_ups(screen.conversation_id)
        assert follow_up.outcome == Outcome.PARTLY
        assert follow_up.comment == "half"
