"""The minutes screen by keyboard at 80x24: a key for the text and for the versions,
the version on screen highlighted, and the versions heading whole."""

from __future__ import annotations

from textual.widgets import OptionList

from gespreks_tui.demo import load_demo
from gespreks_tui.minutes import publish
from helpers import make_app, prepare


def concluded_twice(store) -> int:
    """Joris's last conversation with two revisions of its minutes."""
    load_demo(store)
    prepare(store)
    conversation = store.list_conversations(store.find_person("Joris Bakker").id)[0]
    publish(store, conversation.id)
    store.reopen(conversation.id)
    store.save_note(conversation.id, 0, "shared", "Een correctie.")
    store.conclude(conversation.id, "2027-05-01")
    return conversation.id


async def open_minutes(pilot, conversation_id: int):
    from gespreks_tui.tui.screens.minutes import MinutesScreen

    await pilot.pause()
    pilot.app.push_screen(MinutesScreen(conversation_id))
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return pilot.app.screen


async def test_versions_have_a_key_and_the_shown_one_is_highlighted(store, clock):
    conversation_id = concluded_twice(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_minutes(pilot, conversation_id)
        revisions = screen.query_one("#revisions", OptionList)
        assert revisions.option_count == 2
        await pilot.press("f3")
        assert app.focused is revisions
        shown = revisions.get_option_at_index(revisions.highlighted)
        assert shown.id == str(screen.revision) == "2"
        await pilot.press("up", "enter")  # the older one
        await pilot.pause()
        assert screen.revision == 1
        assert revisions.get_option_at_index(revisions.highlighted).id == "1"
        await pilot.press("f2")
        assert app.focused is screen.query_one("#minutes-view")


async def test_the_versions_heading_is_not_cut_at_80_columns(store, clock):
    conversation_id = concluded_twice(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_minutes(pilot, conversation_id)
        heading = next(label for label in screen.query(".pane-title")
                       if "Enter" in str(label.render()))
        text = str(heading.render())
        width = heading.content_region.width
        assert heading.content_region.height * width >= len(text)  # wrapped, not cut
        assert len(text) <= width or heading.content_region.height >= 2
