"""Goals in the meeting, from the keyboard (issue 20's "Done when"), in Dutch and English.

A manager sets two result goals and one development goal with steps in a
doelstellingengesprek and concludes; the next voortgangsgesprek shows them,
records progress and ticks a step; a beoordelingsgesprek judges them on its
scale. Real SQLite in tmp_path, a fake clock; what is stored is asserted.
"""

from __future__ import annotations

import pytest

from gespreks_tui import catalogue
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.goals import GoalKind, GoalProgress
from gespreks_tui.model import Kind, Owner
from gespreks_tui.tui.screens.conclude import ConcludeScreen
from gespreks_tui.tui.screens.goal_form import GoalForm
from gespreks_tui.tui.screens.goal_review_dialog import GoalReviewDialog
from gespreks_tui.tui.screens.goal_step_form import GoalStepForm
from gespreks_tui.tui.widgets.goal_items import GoalItem, StepItem
from helpers import make_app, meeting, prepare, type_text

DAY = 24 * 3600
WORDS = {
    "nl": {"end": "30-6-2027", "step_due": "15-2-2027", "no_steps": "1 doel heeft nog geen stappen",
           "pane": "Doelen", "open": "Op te volgen doelen", "behind": "achter"},
    "en": {"end": "2027-06-30", "step_due": "2027-02-15", "no_steps": "1 goal has no steps yet",
           "pane": "Goals", "open": "Goals to follow up", "behind": "behind"},
}


def new_conversation(store, clock, kind: Kind, lang: str) -> int:
    joris = store.find_person("Joris Bakker").id
    clock.advance(30 * DAY)
    return store.create_conversation(joris, builtin_agenda(kind, lang), 60, language=lang).id


async def open_meeting(pilot, conversation_id: int):
    pilot.app.open_meeting(conversation_id)
    await pilot.pause()
    return meeting(pilot.app)


async def add_goal(pilot, title: str, end: str, development: bool = False,
                   what: str = "") -> None:
    """ctrl+n in the goals column: the goal dialog, filled in by keys, saved with ctrl+s."""
    await pilot.press("ctrl+n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, GoalForm)
    await type_text(pilot, title)
    await pilot.press("tab")  # the kind: result, development
    if development:
        await pilot.press("right")
    await pilot.press("enter", "enter")  # the kind taken, past the owner, to the end date
    await type_text(pilot, end)
    if what:
        await pilot.press("tab")  # "what" is the first prompt
        await type_text(pilot, what)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def add_step(pilot, text: str, due: str = "") -> None:
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, GoalStepForm)
    await type_text(pilot, text)
    if due:
        await pilot.press("tab")
        await type_text(pilot, due)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def conclude(pilot) -> list[str]:
    """ctrl+r, the conclude dialog (its checklist returned), Enter; the summary closed."""
    await pilot.press("ctrl+r")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ConcludeScreen)
    checklist = list(dialog.open_items or [])
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()
    return checklist


def highlighted(screen):
    return screen.goals_pane.goal_list.highlighted_child


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_goals_set_reviewed_and_judged_from_the_keyboard(store, clock, lang):
    catalogue.set_language(lang)
    words = WORDS[lang]
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        # -- the doelstellingengesprek: the goals column comes first -----------------------
        first = await open_meeting(pilot, new_conversation(store, clock, Kind.DOELSTELLING,
                                                           lang))
        assert first.goals_shown and first.goals_pane.display
        assert not first.agreements_pane.display
        await add_goal(pilot, "Klantportaal live in Q2", words["end"],
                       what="200 klanten gebruiken het portaal")
        await add_goal(pilot, "Offertes binnen 5 dagen", words["end"])
        await add_goal(pilot, "Leren presenteren", words["end"], development=True)
        await pilot.press("f4")  # into the goals list: the last goal saved is highlighted
        await pilot.pause()
        assert isinstance(highlighted(first), GoalItem)
        assert highlighted(first).goal.title == "Leren presenteren"
        await add_step(pilot, "Cursus presenteren volgen", words["step_due"])
        await add_step(pilot, "Presentatie op de afdelingsdag")
        await pilot.press("up", "up", "up")  # to the first result goal
        await pilot.pause()
        assert highlighted(first).goal.title == "Offertes binnen 5 dagen"
        await add_step(pilot, "Sjabloon voor offertes maken")
        checklist = await conclude(pilot)
        assert words["no_steps"] in checklist  # the portal goal: a hint, not a blocker
        goals = store.goals_set_in(first.conversation_id)
        assert [(g.title, g.kind) for g in goals] == [
            ("Klantportaal live in Q2", GoalKind.RESULT),
            ("Offertes binnen 5 dagen", GoalKind.RESULT),
            ("Leren presenteren", GoalKind.DEVELOPMENT)]
        assert {g.period_end for g in goals} == {"2027-06-30"}
        assert goals[0].what == "200 klanten gebruiken het portaal"
        assert goals[0].owner == Owner.EMPLOYEE
        assert [s.text for s in goals[1].steps] == ["Sjabloon voor offertes maken"]
        assert [(s.text, s.due_date) for s in goals[2].steps] == [
            ("Cursus presenteren volgen", "2027-02-15"), ("Presentatie op de afdelingsdag", None)]
        await pilot.press("escape")
        await pilot.pause()

        # -- the next voortgangsgesprek: the open goals, progress, a step ticked --------------
        progress = await open_meeting(pilot, new_conversation(store, clock, Kind.VOORTGANG,
                                                              lang))
        assert not progress.goals_shown and progress.agreements_pane.display
        await pilot.press("f7")
        await pilot.pause()
        assert progress.goals_shown and progress.goals_pane.goal_list.has_focus
        assert words["open"] in str(progress.goals_pane.goal_list.children[0].render())
        assert highlighted(progress).goal.title == "Klantportaal live in Q2"
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, GoalReviewDialog)
        await pilot.press("2", "enter")  # "2 achter" / "2 behind", on to the comment
        await type_text(pilot, "Leverancier levert later")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down")  # the second goal: on track
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("1", "ctrl+s")
        await pilot.pause()
        await pilot.press("down")  # its step
        await pilot.pause()
        assert isinstance(highlighted(progress), StepItem)
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("down", "4")  # the development goal: dropped, at once
        await pilot.pause()
        shown = " ".join(str(item.render()) for item in progress.goals_pane.goal_list.children)
        assert words["behind"] in shown and "[x]" in shown
        reviewed = {g.title: g for g in store.goals_reviewed_in(progress.conversation_id)}
        portal = reviewed["Klantportaal live in Q2"].review_in(progress.conversation_id)
        assert portal is not None
        assert (portal.progress, portal.comment) == (GoalProgress.BEHIND,
                                                     "Leverancier levert later")
        offers = reviewed["Offertes binnen 5 dagen"]
        offers_review = offers.review_in(progress.conversation_id)
        assert offers_review is not None and offers_review.progress == GoalProgress.ON_TRACK
        assert offers.steps[0].done_in == progress.conversation_id
        dropped = reviewed["Leren presenteren"].review_in(progress.conversation_id)
        assert dropped is not None and dropped.progress == GoalProgress.DROPPED
        await pilot.press("1")  # on second thoughts: on track
        await pilot.pause()
        course = store.goals_reviewed_in(progress.conversation_id)[2]
        assert course.review_in(progress.conversation_id).progress == GoalProgress.ON_TRACK
        checklist = await conclude(pilot)
        assert not [line for line in checklist if "doel" in line or "goal" in line]
        await pilot.press("escape")
        await pilot.pause()

        # -- the beoordelingsgesprek: each goal judged on the conversation's scale -----------
        appraisal = await open_meeting(pilot, new_conversation(store, clock, Kind.BEOORDELING,
                                                               lang))
        assert appraisal.goals_shown  # its first phase looks back on the goals
        await pilot.press("f4")
        await pilot.pause()
        for score in (3, 2, 4):
            assert isinstance(highlighted(appraisal), GoalItem)
            await pilot.press("r")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, GoalReviewDialog) and dialog.judge
            await pilot.press("3", "enter")  # progress: "3 behaald", on to its comment
            await type_text(pilot, f"klaar {score}")
            await pilot.press("enter", str(score), "enter")  # the score, on to its comment
            await type_text(pilot, f"oordeel {score}")
            await pilot.press("enter")
            await pilot.pause()
            goal = highlighted(appraisal).goal
            await pilot.press("down", *["down"] * len(goal.steps))  # past its steps
            await pilot.pause()
        judged = store.goals_reviewed_in(appraisal.conversation_id)
        reviews = [g.review_in(appraisal.conversation_id) for g in judged]
        assert [(r.progress, r.comment, r.score, r.score_comment) for r in reviews if r] == [
            (GoalProgress.ACHIEVED, f"klaar {n}", n, f"oordeel {n}") for n in (3, 2, 4)]
        # Each goal's history is in the pane: the voortgangsgesprek's review.
        shown = " ".join(str(item.render()) for item in appraisal.goals_pane.goal_list.children)
        assert "Leverancier levert later" in " ".join(shown.split())  # wrapped at any word


async def test_without_goals_the_column_keys_stay_as_they_were(store, clock):
    """A functioneringsgesprek of someone without goals: no goals pane, no f7, ctrl+n an agreement."""
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot, new_conversation(store, clock, Kind.FUNCTIONERING,
                                                            "nl"))
        assert screen.goals_pane is None
        ids = {active.binding.id for active in screen.active_bindings.values()
               if active.enabled}
        assert "meeting.new_agreement" in ids
        assert not ids & {"meeting.new_goal", "meeting.show_goals", "meeting.show_agreements"}
        await pilot.press("f7")  # the notes keep it (select all): nothing else happens
        await pilot.pause()
        assert screen.goals_pane is None and screen.agreements_pane.display


async def test_delete_undo_an_agreement_for_a_goal_and_a_title_is_needed(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot, new_conversation(store, clock, Kind.DOELSTELLING,
                                                            "nl"))
        cid = screen.conversation_id
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+s")  # no title: refused in the dialog, nothing stored
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        assert app.screen.query_one("#goal-title-message").display
        await type_text(pilot, "Klantportaal live")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("f4", "s")
        await pilot.pause()
        await type_text(pilot, "Demo geven")
        await pilot.press("enter", "enter")  # on to the date, left empty: saved
        await pilot.pause()
        await pilot.press("up")  # the goal again
        await pilot.pause()
        await pilot.press("a")  # an agreement that serves it
        await pilot.pause()
        await type_text(pilot, "Portaal aan tien klanten tonen")
        await pilot.press("ctrl+s")
        await pilot.pause()
        goal = store.goals_set_in(cid)[0]
        assert store.agreements(cid)[0].goal_id == goal.id
        await pilot.press("f7")  # the agreements show, the goals do not
        await pilot.pause()
        assert screen.agreements_pane.display and not screen.goals_pane.display
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(highlighted(screen), GoalItem)
        await pilot.press("d")
        await pilot.pause()
        assert store.goals_set_in(cid) == [] and store.agreements(cid)[0].goal_id is None
        await pilot.press("u")
        await pilot.pause()
        back = store.goals_set_in(cid)
        assert [(g.title, [s.text for s in g.steps]) for g in back] == [
            ("Klantportaal live", ["Demo geven"])]
        assert store.agreements(cid)[0].goal_id == back[0].id


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_every_goal_and_step_can_be_brought_into_view(store, clock, size):
    """Eight goals with steps: the arrow keys reach each entry and it is wholly in view."""
    prepare(store, "Joris Bakker")
    cid = new_conversation(store, clock, Kind.DOELSTELLING, "nl")
    for number in range(8):
        goal = store.add_goal(cid, GoalKind.RESULT, f"Doel {number} met een wat langere titel",
                              period_end="2027-06-30")
        store.add_step(goal.id, f"Stap {number}: iets kleins doen", "2027-03-01")
    app = make_app(store, clock)
    async with app.run_test(size=size) as pilot:
        screen = await open_meeting(pilot, cid)
        await pilot.press("f4")
        await pilot.pause()
        listing = screen.goals_pane.goal_list
        seen = []
        for _ in range(16):
            item = highlighted(screen)
            seen.append(item.key)
            assert listing.scrollable_content_region.contains_region(item.region), item.key
            await pilot.press("down")
            await pilot.pause()
        assert len(set(seen)) == 16  # every goal and every step, once each


async def test_the_step_dialog_speaks_of_a_step_and_warns_on_a_line_of_its_own(store, clock):
    """No date: the step's own line (not the agreement's); after the goal's end: the
    warning under the parsed date, whole, at 80x24."""
    catalogue.set_language("nl")
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meeting(pilot, new_conversation(store, clock, Kind.DOELSTELLING, "nl"))
        await add_goal(pilot, "Klantportaal live in Q2", "30-6-2027")
        await pilot.press("f4", "s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, GoalStepForm)
        message = dialog.query_one("#step-due-message")
        assert str(message.render()) == catalogue.t("goals_ui.step_no_due")
        assert "afspraak" not in str(message.render())
        await pilot.press("tab")
        await type_text(pilot, "1-8-2027")
        await pilot.pause()
        lines = str(message.render()).splitlines()
        assert lines == ["= 1 aug 2027", catalogue.t("goals_ui.step_after_period",
                                                     date="30 jun 2027")]
        assert message.size.height == 2
