"""Enter in the goal and step dialogs goes to the next field (walk of issue 20, findings
1 and 2): a manager types a whole goal and a step with Enter between the fields, and
the dates typed last are stored. Real app, real SQLite in tmp_path, a fake clock."""

from __future__ import annotations

import pytest

from gespreks_tui import catalogue
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.goals import GoalKind
from gespreks_tui.model import Kind, Owner
from gespreks_tui.tui.screens.goal_form import GoalForm
from gespreks_tui.tui.screens.goal_step_form import GoalStepForm
from helpers import make_app, prepare, type_text

DATES = {"nl": ("30-6-2027", "15-2-2027"), "en": ("2027-06-30", "2027-02-15")}


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_enter_goes_through_goal_and_step_dialogs(store, clock, lang):
    catalogue.set_language(lang)
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker").id
    conversation = store.create_conversation(
        joris, builtin_agenda(Kind.DOELSTELLING, lang), 60, language=lang).id
    end, due = DATES[lang]
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_meeting(conversation)
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        await type_text(pilot, "Leren presenteren")
        await pilot.press("enter")  # to the kind
        await pilot.press("right", "enter")  # development goal, chosen with Enter; on
        await pilot.press("enter")  # the owner as offered (employee); on to the date
        await type_text(pilot, end)
        await pilot.press("enter")  # on to the first prompt
        await type_text(pilot, "Voor 40 mensen presenteren")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, GoalForm)
        [goal] = store.goals_set_in(conversation)
        assert (goal.title, goal.kind, goal.owner, goal.period_end, goal.what) == (
            "Leren presenteren", GoalKind.DEVELOPMENT, Owner.EMPLOYEE, "2027-06-30",
            "Voor 40 mensen presenteren")

        await pilot.press("f4", "s")
        await pilot.pause()
        assert isinstance(app.screen, GoalStepForm)
        await type_text(pilot, "Cursus volgen")
        await pilot.press("enter")  # on to the date: nothing saved yet
        await pilot.pause()
        assert isinstance(app.screen, GoalStepForm)
        assert app.screen.focused is app.screen.query_one("#step-due")
        await type_text(pilot, due)
        await pilot.press("enter")  # the last field: saves
        await pilot.pause()
        assert not isinstance(app.screen, GoalStepForm)
        [goal] = store.goals_set_in(conversation)
        assert [(s.text, s.due_date) for s in goal.steps] == [("Cursus volgen", "2027-02-15")]


async def test_escape_asks_before_throwing_away_a_typed_goal(store, clock):
    """Walk finding 16: Escape with a half-typed goal asks first (Enter: go on typing);
    with nothing typed it closes at once. The step dialog alike."""
    from gespreks_tui.tui.screens.question_dialog import QuestionDialog

    catalogue.set_language("nl")
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker").id
    conversation = store.create_conversation(
        joris, builtin_agenda(Kind.DOELSTELLING, "nl"), 60).id
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_meeting(conversation)
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: closed at once
        await pilot.pause()
        assert not isinstance(app.screen, GoalForm | QuestionDialog)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "Half getypt doel")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionDialog)
        await pilot.press("enter")  # the first answer: go on typing
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        assert app.screen.query_one("#goal-title").value == "Half getypt doel"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("right", "enter")  # throw it away
        await pilot.pause()
        assert not isinstance(app.screen, GoalForm | QuestionDialog)
        assert store.goals_set_in(conversation) == []
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "Klantportaal live")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("f4", "s")
        await pilot.pause()
        await type_text(pilot, "Demo")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionDialog)
