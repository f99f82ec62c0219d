"""A beoordelingsgesprek at 80x24 opens on its goals with their heading in view (walk of
issue 20, finding 9b): the list did open scrolled by one line, "Op te volgen doelen"
hidden. Real app, real SQLite in tmp_path, a fake clock."""

from __future__ import annotations

import pytest

from gespreks_tui import catalogue
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.goals import GoalKind
from gespreks_tui.model import Kind
from gespreks_tui.settings import MANAGER_SETTING
from gespreks_tui.tui.widgets.goal_items import GoalItem
from helpers import make_app, meeting, prepare

DAY = 24 * 3600


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_the_appraisal_opens_with_the_goals_heading_in_view(store, clock, lang):
    catalogue.set_language(lang)
    prepare(store, "Joris Bakker")
    store.set_setting(MANAGER_SETTING, "Sanne de Vries")
    joris = store.find_person("Joris Bakker").id
    setting = store.create_conversation(joris, builtin_agenda(Kind.DOELSTELLING, lang), 60,
                                        language=lang).id
    for title in ("Het klantportaal wordt vóór de zomer door tweehonderd klanten gebruikt",
                  "Offertes binnen vijf werkdagen de deur uit", "Leren presenteren"):
        goal = store.add_goal(setting, GoalKind.RESULT, title, period_end="2027-06-30")
        store.add_step(goal.id, "Een eerste kleine stap zetten")
    clock.advance(3600)
    store.conclude(setting, None)
    clock.advance(60 * DAY)
    appraisal = store.create_conversation(joris, builtin_agenda(Kind.BEOORDELING, lang), 60,
                                          language=lang).id
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_meeting(appraisal)
        await pilot.pause()
        await pilot.pause()
        screen = meeting(app)
        assert screen.goals_shown
        listing = screen.goals_pane.goal_list
        assert listing.scroll_y == 0
        heading = listing.children[0]
        assert listing.scrollable_content_region.contains_region(heading.region)
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(listing.highlighted_child, GoalItem)
        assert listing.scroll_y == 0  # the first goal and its heading both in view
