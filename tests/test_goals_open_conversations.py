"""Goals and conversations left open (walk of issue 20, finding 7).

A voortgangsgesprek started before the doelstellingengesprek and resumed after
it was concluded shows the goals it set; progress recorded in a conversation
that is not concluded yet does not close a goal for the other conversations.
Real app, real SQLite in tmp_path, a fake clock.
"""

from __future__ import annotations

from gespreks_tui import catalogue
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.goals import GoalKind, GoalProgress
from gespreks_tui.model import Kind
from helpers import make_app, meeting, prepare

DAY = 24 * 3600


def followed(app) -> list[str]:
    return [g.title for g in meeting(app).meeting.open_goals]


async def test_a_resumed_conversation_shows_goals_set_meanwhile(store, clock):
    catalogue.set_language("nl")
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker").id
    early = store.create_conversation(joris, builtin_agenda(Kind.VOORTGANG, "nl"), 60).id
    app = make_app(store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_meeting(early)  # started before any goal existed
        await pilot.pause()
        assert store.get_conversation(early).started_at is not None
        assert followed(app) == []
        await pilot.press("escape")
        await pilot.pause()

        clock.advance(DAY)
        setting = store.create_conversation(joris, builtin_agenda(Kind.DOELSTELLING, "nl"),
                                            60).id
        goal = store.add_goal(setting, GoalKind.RESULT, "Offertes binnen vijf dagen")
        clock.advance(3600)
        store.conclude(setting, None)

        clock.advance(DAY)
        app.open_meeting(early)  # resumed: the goal concluded meanwhile is there
        await pilot.pause()
        assert followed(app) == ["Offertes binnen vijf dagen"]
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("3")  # achieved, in a conversation not concluded yet
        await pilot.pause()
        assert store.goals_reviewed_in(early)[0].review_in(early).progress == \
            GoalProgress.ACHIEVED
        await pilot.press("escape")
        await pilot.pause()

        clock.advance(DAY)
        other = store.create_conversation(joris, builtin_agenda(Kind.VOORTGANG, "nl"), 60).id
        app.open_meeting(other)  # the progress in `early` is not final: still to follow
        await pilot.pause()
        assert followed(app) == ["Offertes binnen vijf dagen"]
        assert meeting(app).meeting.earlier_reviews(meeting(app).meeting.open_goals[0]) == []
        await pilot.press("escape")
        await pilot.pause()
    clock.advance(3600)
    store.conclude(early, None)  # once concluded, it closes the goal for the others
    assert store.open_goals(joris, other) == []
    assert goal.id
