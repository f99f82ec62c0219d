"""Progress recorded twice in one conversation (walk of issue 20, findings 6 and 11).

The progress dialog offers nothing for a goal not yet discussed ("0 not
discussed" is chosen: saving records nothing), its digits choose; a change of
progress recorded earlier in the same conversation says so in one notice,
naming the comment that stays; 0 takes the conversation's progress back.
Real app, real SQLite in tmp_path, a fake clock.
"""

from __future__ import annotations

from gespreks_tui import catalogue
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.goals import GoalKind, GoalProgress
from gespreks_tui.model import Kind
from gespreks_tui.tui.screens.goal_review_dialog import GoalReviewDialog
from helpers import make_app, meeting, prepare, type_text

DAY = 24 * 3600


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_progress_changed_says_so_and_zero_takes_it_back(store, clock):
    catalogue.set_language("nl")
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker").id
    first = store.create_conversation(joris, builtin_agenda(Kind.DOELSTELLING, "nl"), 60).id
    goal = store.add_goal(first, GoalKind.RESULT, "Klachten binnen vijf dagen afgehandeld")
    clock.advance(3600)
    store.conclude(first, None)
    clock.advance(30 * DAY)
    later = store.create_conversation(joris, builtin_agenda(Kind.VOORTGANG, "nl"), 60).id

    def here():
        [g] = store.open_goals(joris, later)
        return g.review_in(later)

    app = make_app(store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_meeting(later)
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, GoalReviewDialog)
        assert dialog.entered().progress is None  # nothing offered for an undiscussed goal
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert here() is None  # saved as offered: nothing recorded
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("2")  # the digit chooses inside the dialog
        assert app.screen.entered().progress == GoalProgress.BEHIND
        await pilot.press("enter")  # on to the comment
        await type_text(pilot, "Reden: ziekte in team")
        await pilot.press("enter")
        await pilot.pause()
        assert (here().progress, here().comment) == (GoalProgress.BEHIND,
                                                     "Reden: ziekte in team")
        assert notices(app) == []  # a first progress: the list shows it, no notice
        await pilot.press("3")  # changed at once in the list
        await pilot.pause()
        assert (here().progress, here().comment) == (GoalProgress.ACHIEVED,
                                                     "Reden: ziekte in team")
        assert notices(app) == [
            "Voortgang gewijzigd: loopt achter → behaald. De toelichting blijft staan: "
            "“Reden: ziekte in team” (r om te wijzigen)."]
        await pilot.press("3")  # the same again: nothing changes, nothing said
        await pilot.pause()
        assert len(notices(app)) == 1
        await pilot.press("0")  # back to not discussed: progress and comment taken back
        await pilot.pause()
        assert here() is None
        assert notices(app)[-1] == "Voortgang teruggezet: behaald → nog niet besproken."
        shown = " ".join(str(i.render()) for i in meeting(app).goals_pane.goal_list.children)
        assert "voortgang nog niet besproken" in " ".join(shown.split())
    assert goal.id
