"""Issue 13: concluding a reopened conversation again offers the stored next
evaluation date, never the default suggestion; Enter keeps it."""

from __future__ import annotations

from textual.widgets import Input, Label

from gespreks_tui.model import Status
from helpers import make_app, meeting, prepare, visible_text


async def test_reconcluding_offers_the_stored_next_evaluation(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = meeting(app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        field = app.screen.query_one("#next-evaluation", Input)
        assert field.value == "2027-05-02"  # a new conversation: the suggestion
        field.value = "15 juni 2027"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")  # the summary
        await pilot.pause()
        conversation_id = screen.conversation_id
        assert store.get_conversation(conversation_id).next_evaluation == "2027-06-15"

        await pilot.press("ctrl+r")  # reopen
        await pilot.pause()
        assert store.get_conversation(conversation_id).status == Status.RUNNING
        await pilot.press("ctrl+r")  # conclude again
        await pilot.pause()
        assert app.screen.query_one("#next-evaluation", Input).value == "2027-06-15"
        explain = " ".join(visible_text(label) for label in app.screen.query(Label))
        assert "15 jun" in explain and "voorstel" not in explain
        await pilot.press("enter")
        await pilot.pause()
    concluded = store.get_conversation(conversation_id)
    assert (concluded.status, concluded.next_evaluation) == (Status.CONCLUDED, "2027-06-15")
