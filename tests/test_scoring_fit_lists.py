"""The right-hand lists while scoring and after a resize (hand walk at 80x24 and
200x60): entries measured again at the new width, the highlighted one whole in
view, and the goals heading in view when f4 brings the goals into the scores'
place. Real app, real SQLite in tmp_path, a fake clock."""

from __future__ import annotations

import pytest
from textual.widgets import ListView

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.goals import GoalKind
from gespreks_tui.model import Kind
from gespreks_tui.tui.widgets.agreement_items import FittedItem
from gespreks_tui.tui.widgets.scores_panel import ScoresPanel
from helpers import make_app, meeting, prepare

DAY = 24 * 3600
LONG = ("Training klantgesprekken volgen en de geleerde aanpak toepassen in het "
        "maandelijkse teamoverleg")


def joris_with_history(store, clock, goals: bool) -> int:
    """Joris's appraisal after a conversation with an open agreement (and goals)."""
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker").id
    kind = Kind.DOELSTELLING if goals else Kind.VOORTGANG
    earlier = store.create_conversation(joris, builtin_agenda(kind, "nl"), 60,
                                        language="nl").id
    store.add_agreement(earlier, "Twee collega's inwerken in het beheer van het portaal",
                        "both", "2026-09-30")
    if goals:
        for title in ("Het klantportaal wordt vóór de zomer door tweehonderd klanten "
                      "gebruikt", "Offertes binnen vijf werkdagen de deur uit"):
            goal = store.add_goal(earlier, GoalKind.RESULT, title, period_end="2027-06-30")
            store.add_step(goal.id, "Een eerste kleine stap zetten")
    clock.advance(3600)
    store.conclude(earlier, None)
    clock.advance(60 * DAY)
    now = store.create_conversation(joris, builtin_agenda(Kind.BEOORDELING, "nl"), 60,
                                    language="nl").id
    store.add_agreement(now, LONG, "employee", None)
    store.add_agreement(now, "Maandelijks een kort gesprek over de voortgang", "manager",
                        "2027-03-01")
    return now


def measured(screen) -> list[tuple[str, int, int]]:
    """(list, height, lines needed) of every shown entry whose height is wrong."""
    wrong = []
    for listing in screen.query(ListView):
        if not listing.display or not listing.region.width:
            continue
        for entry in listing.children:
            if isinstance(entry, FittedItem) and entry.display:
                need = len(entry.fitted(entry.content_size.width))
                if entry.size.height != need:
                    wrong.append((str(listing.id), entry.size.height, need))
    return wrong


def wholly_in_view(listing: ListView) -> bool:
    item = listing.highlighted_child
    assert item is not None
    return listing.scrollable_content_region.contains_region(item.region)


@pytest.mark.parametrize("key", ["f4", "f6"])
async def test_entries_are_measured_again_after_a_resize(store, clock, key):
    conversation = joris_with_history(store, clock, goals=False)
    app = make_app(store, clock)
    async with app.run_test(size=(200, 60)) as pilot:
        app.open_meeting(conversation)
        await pilot.pause()
        screen = meeting(app)
        await pilot.press(key)
        await pilot.pause()
        listing = screen.focused
        assert isinstance(listing, ListView)
        wide = [entry.size.height for entry in listing.children]
        assert measured(screen) == []
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert measured(screen) == []
        assert [entry.size.height for entry in listing.children] != wide  # taller now
        assert wholly_in_view(listing)
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        await pilot.pause()
        assert measured(screen) == []
        assert [entry.size.height for entry in listing.children] == wide
        assert listing.scroll_y == 0 and wholly_in_view(listing)


async def test_f4_while_resumed_in_scoring_shows_the_goals_from_their_heading(store, clock):
    """Opened straight in the scoring phase, the goals were laid out in a column of no
    width (which scrolled them); f4 shows them from the top, heading and first goal."""
    conversation = joris_with_history(store, clock, goals=True)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_meeting(conversation)
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
    again = make_app(store, clock)  # the next start opens the meeting where it was
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = meeting(again)
        assert screen.resumed and screen.query(ScoresPanel)
        assert screen.goals_shown
        await pilot.press("f4")
        await pilot.pause()
        await pilot.pause()
        listing = screen.goals_pane.goal_list
        assert screen.focused is listing
        assert listing.scroll_y == 0
        heading = listing.children[0]
        assert listing.scrollable_content_region.contains_region(heading.region)
        assert wholly_in_view(listing)
        assert measured(screen) == []
        await pilot.press("f7")  # the agreements, in the same place
        await pilot.pause()
        await pilot.pause()
        pane = screen.agreements_pane
        assert screen.focused is pane.agreement_list
        assert pane.agreement_list.region.width > 40 and wholly_in_view(pane.agreement_list)
        await pilot.press("f3")
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one(ScoresPanel).region.width > 40
        assert not pane.visible or pane.region.width == 0
