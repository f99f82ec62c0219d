"""An untouched preparation leaves nothing behind (walk25 F20).

Opening the appraisal preparation (f6) and leaving at once used to keep an empty
CONCEPT, which then interrupted every new conversation with that employee
("Er loopt al een gesprek"). Driven with Pilot on a real database in tmp_path.
"""

from __future__ import annotations

from textual.widgets import OptionList, RadioSet

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.model import Kind, Status
from gespreks_tui.tui.screens.question_dialog import QuestionDialog
from gespreks_tui.tui.widgets.score_comment import CommentArea
from helpers import make_app, meeting, prepare


def _choose(app, name: str) -> None:
    people = app.screen.query_one("#people-list", OptionList)
    names = [str(people.get_option_at_index(i).prompt) for i in range(people.option_count)]
    assert any(name in shown for shown in names), names
    people.highlighted = next(i for i, shown in enumerate(names) if name in shown)


def _drafts(store) -> list:
    return [c for c in store.list_conversations() if c.status == Status.DRAFT]


async def _leave_draft(pilot) -> None:
    await pilot.press("escape")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_looking_at_the_preparation_leaves_nothing_and_asks_nothing(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        _choose(app, "Joris Bakker")
        await pilot.press("f6")
        await pilot.pause()
        assert type(app.screen).__name__ == "DraftAssessmentScreen"
        assert len(_drafts(store)) == 1  # made on opening, as before
        await _leave_draft(pilot)
        assert type(app.screen).__name__ == "StartScreen"
        assert store.list_conversations() == []  # nothing stored at all
        assert store.unfinished_overview() == []
        resume = app.screen.query_one("#resume-list", OptionList)
        assert not any("CONCEPT" in str(resume.get_option_at_index(i).prompt)
                       for i in range(resume.option_count))

        _choose(app, "Joris Bakker")  # a new conversation begins without a question
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not any(isinstance(s, QuestionDialog) for s in app.screen_stack)
        assert meeting(app).conversation_id
        (running,) = store.list_conversations()
        assert running.status == Status.RUNNING and running.kind != Kind.BEOORDELING


async def test_a_draft_with_a_score_or_an_explanation_stays(store, clock):
    prepare(store, "Joris Bakker", "Aylin Yılmaz")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        _choose(app, "Joris Bakker")
        await pilot.press("f6")
        await pilot.pause()
        app.screen.query(".score-row").first().query(RadioSet).first() \
            .query("RadioButton")[3].value = True
        await pilot.pause()
        await _leave_draft(pilot)
        (joris,) = _drafts(store)
        assert store.draft_values(joris.id).scores[0].score == 4

        _choose(app, "Aylin Yılmaz")  # only an explanation, on the overall judgment
        await pilot.press("f6")
        await pilot.pause()
        app.screen.query(".score-row").last().query_one(CommentArea).value = "Een sterk jaar."
        await pilot.pause()
        await _leave_draft(pilot)
        sanne = [c for c in _drafts(store) if c.employee == "Aylin Yılmaz"]
        assert len(sanne) == 1
        assert store.overall(sanne[0].id) == (None, "Een sterk jaar.")


async def test_an_explanation_typed_and_wiped_again_leaves_nothing(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        _choose(app, "Joris Bakker")
        await pilot.press("f6")
        await pilot.pause()
        comment = app.screen.query(".score-row").first().query_one(CommentArea)
        comment.value = "Nog even over nadenken"
        await pilot.pause()
        comment.value = ""
        await pilot.pause()
        await _leave_draft(pilot)
        assert store.list_conversations() == []


async def test_quitting_from_an_empty_preparation_keeps_nothing(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        _choose(app, "Joris Bakker")
        await pilot.press("f6")
        await pilot.pause()
        app.screen.save_all()  # what the app calls before it quits
        assert store.list_conversations() == []


def test_the_store_drops_only_an_empty_draft(store):
    prepare(store, "Joris Bakker", "Aylin Yılmaz", "Pieter Jansen")
    agenda = builtin_agenda(Kind.BEOORDELING, "nl")
    ids = {name: store.find_person(name).id for name in
           ("Joris Bakker", "Aylin Yılmaz", "Pieter Jansen")}
    empty = store.create_draft(ids["Joris Bakker"], agenda)
    scored = store.create_draft(ids["Aylin Yılmaz"], agenda)
    store.save_draft_score(scored.id, 0, scored.phases[1].criteria[0], None, "Alleen tekst")
    begun = store.create_draft(ids["Pieter Jansen"], agenda)
    store.start_draft(begun.id)  # a meeting now, however empty: not a draft to drop

    assert store.drop_empty_draft(scored.id) is False
    assert store.drop_empty_draft(begun.id) is False
    assert store.drop_empty_draft(empty.id) is True
    assert store.drop_empty_draft(empty.id) is False  # gone already
    assert sorted(c.id for c in store.list_conversations()) == [scored.id, begun.id]
