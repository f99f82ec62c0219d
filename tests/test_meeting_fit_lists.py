"""The agreements pane's lists at 80x24 (issue 16): whole entries, and a word
for keys pressed on an empty list.

A list scrolls by whole entries: the view begins with an entry's first line,
and the highlighted entry is wholly in view. Space, e or d on an empty
agreements list say how to make one instead of doing nothing.
"""

from __future__ import annotations

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.demo import load_demo
from gespreks_tui.model import Kind
from gespreks_tui.tui.widgets.agreement_items import whole_entry_offset
from helpers import make_app, meeting, prepare
from test_tui_meeting import add_agreement


def rows_in(app, widget) -> list[str]:
    """The rows on screen within ``widget``'s region, as shown."""
    rows = app.screen._compositor.render_strips()
    region = widget.region
    return [rows[y].text[region.x:region.right] for y in range(region.y, region.bottom)]


async def open_voortgang(pilot, store, name: str):
    person = store.find_person(name).id
    conversation = store.create_conversation(person, builtin_agenda(Kind.VOORTGANG), 45)
    pilot.app.open_meeting(conversation.id)
    await pilot.pause()
    return meeting(pilot.app)


def test_whole_entry_offset():
    tops, end = [0, 6, 12], 18  # three entries of six rows
    assert whole_entry_offset(tops, 6, 12, 0, 11, end) == 6  # not 1: the view starts at one
    assert whole_entry_offset(tops, 0, 6, 6, 11, end) == 0  # up: its first line at the top
    assert whole_entry_offset(tops, 6, 12, 0, 12, end) == 0  # in view already: stays
    assert whole_entry_offset(tops, 12, 18, 0, 8, end) == 12
    assert whole_entry_offset(tops, 6, 12, 0, 4, end) == 6  # taller than the view: its top
    # Near the end: as few rows past the last entry as can be.
    assert whole_entry_offset([0, 6], 6, 12, 6, 12, 12) == 0
    assert whole_entry_offset([0, 6], 6, 12, 0, 11, 12) == 6


async def test_the_follow_ups_do_not_open_halfway_an_entry(store, clock):
    """Voortgang with Joris (demo) at 80x24: mark the follow-ups, go to the last
    phase, add an agreement; the follow-ups then have a row fewer than they need."""
    load_demo(store)
    prepare(store)
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        screen = await open_voortgang(pilot, store, "Joris Bakker")
        follow_ups = screen.agreements_pane.follow_up_list
        await pilot.press("f6", "1", "down", "2", "ctrl+f", "ctrl+f")
        await pilot.pause()
        await add_agreement(pilot, "Cursus Excel afronden met certificaat", None, "2027-03-01")
        await pilot.pause()
        item = follow_ups.highlighted_child
        assert follow_ups.max_scroll_y > 0 or follow_ups.scroll_y > 0  # it does not all fit
        shown = rows_in(pilot.app, follow_ups)
        assert shown[0].strip().startswith("•"), shown  # was "  actieve gebruikers"
        assert follow_ups.region.contains_region(item.region)  # wholly in view
        assert "deels gehaald" in " ".join(shown)  # with what was recorded
        await pilot.press("f6", "up")  # back up: the first entry from its first line
        await pilot.pause()
        shown = rows_in(pilot.app, follow_ups)
        assert shown[0].strip().startswith("• Klantportaal"), shown
        assert follow_ups.region.contains_region(follow_ups.highlighted_child.region)


async def test_keys_on_an_empty_agreements_list_say_what_to_do(store, clock):
    prepare(store, "Joris Bakker")
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        screen = await open_voortgang(pilot, store, "Joris Bakker")
        await pilot.press("f4")
        assert pilot.app.focused is screen.agreements_pane.agreement_list
        for key in ("space", "e", "d"):
            pilot.app.clear_notifications()
            await pilot.press(key)
            await pilot.pause()
            said = [n.message for n in pilot.app._notifications]
            assert said == ["Nog geen afspraken: ctrl+n maakt er een."], (key, said)
        await add_agreement(pilot, "Cursus Excel afronden met certificaat", None, "2027-03-01")
        await pilot.press("f4")
        pilot.app.clear_notifications()
        await pilot.press("space")  # now it ticks the agreement, and says nothing of the kind
        await pilot.pause()
        assert not [n for n in pilot.app._notifications if "Nog geen" in n.message]
        assert store.agreements(screen.conversation_id)[0].status == "done"
