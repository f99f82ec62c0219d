"""Deleting a goal and bringing it back (walk of issue 20, findings 12 and 13): the
toast shortens a long title at a word with "…", and u puts the goal back in its
old place (its number), with its step. Real app, real SQLite, a fake clock."""

from __future__ import annotations

from gespreks_tui import catalogue
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.goals import GoalKind
from gespreks_tui.model import Kind
from gespreks_tui.tui.widgets.goal_items import GoalItem
from helpers import make_app, meeting, prepare

LONG = "Doorlooptijd van klachten terug naar vijf werkdagen"


async def test_undo_puts_a_goal_back_in_its_place_and_the_toast_cuts_at_a_word(store, clock):
    catalogue.set_language("nl")
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker").id
    cid = store.create_conversation(joris, builtin_agenda(Kind.DOELSTELLING, "nl"), 60).id
    for title in ("Klantportaal live", LONG, "Leren presenteren"):
        store.add_goal(cid, GoalKind.RESULT, title)
    store.add_step(store.goals_set_in(cid)[1].id, "Wachtrij meten")
    app = make_app(store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_meeting(cid)
        await pilot.pause()
        screen = meeting(app)
        await pilot.press("f4")
        await pilot.pause()
        listing = screen.goals_pane.goal_list
        listing.index = [getattr(e, "key", None) for e in listing.children].index(
            ("goal", store.goals_set_in(cid)[1].id))
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert [g.title for g in store.goals_set_in(cid)] == ["Klantportaal live",
                                                               "Leren presenteren"]
        [toast] = [str(n.message) for n in app._notifications]
        assert toast.startswith("Doel verwijderd: Doorlooptijd van klachten terug naar…")
        await pilot.press("u")
        await pilot.pause()
        back = store.goals_set_in(cid)
        assert [g.title for g in back] == ["Klantportaal live", LONG, "Leren presenteren"]
        assert [s.text for s in back[1].steps] == ["Wachtrij meten"]
        assert isinstance(listing.highlighted_child, GoalItem)
        assert listing.highlighted_child.goal.title == LONG
        numbers = [item.goal.title for item in screen.goals_pane.query(GoalItem)]
        assert numbers == ["Klantportaal live", LONG, "Leren presenteren"]
