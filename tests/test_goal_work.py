"""The meeting's goals on their own (``meeting.goal_work``): no Textual, a real
database, an injected clock. Each test calls ``Meeting`` the way the meeting
screen does and looks at what the store holds afterwards."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.errors import UserError
from gespreks_tui.goals import GOAL_PROMPTS, GoalKind, GoalProgress
from gespreks_tui.meeting import Meeting
from gespreks_tui.meeting.goal_work import GoalInput
from gespreks_tui.model import Kind, Owner

DAY = 24 * 3600


def conversation(store, clock, kind: Kind, name: str = "Joris Bakker") -> int:
    person = store.find_person(name) or store.add_person(name)
    clock.advance(30 * DAY)  # each conversation a month after the one before
    return store.create_conversation(person.id, builtin_agenda(kind), 60).id


@pytest.fixture
def opened(clock):
    meetings: list[Meeting] = []

    def open_meeting(store, conversation_id: int) -> Meeting:
        m = Meeting(store, conversation_id, clock)
        m.start()
        meetings.append(m)
        return m

    yield open_meeting
    for m in meetings:
        m.close()


def set_three_goals(m: Meeting) -> None:
    """Two result goals and one development goal with steps, as the issue asks."""
    portal = m.save_goal(None, GoalInput("Klantportaal live in Q2", GoalKind.RESULT,
                                         period_end="2027-06-30",
                                         answers={"what": "200 gebruikers op het portaal",
                                                  "why": "minder telefoon"}))
    m.save_goal(None, GoalInput("Doorlooptijd offertes naar 5 dagen", GoalKind.RESULT,
                                Owner.BOTH, "2027-09-30"))
    course = m.save_goal(None, GoalInput("Leren presenteren", GoalKind.DEVELOPMENT,
                                         period_end="2027-10-31",
                                         support="cursus presenteren, budget 1200 euro"))
    m.save_step(portal.id, None, "Demo aan het team geven", "2027-02-15")
    m.save_step(course.id, None, "Cursus volgen", "2027-04-30")
    m.save_step(course.id, None, "Presentatie op de afdelingsdag", None)


def test_a_doelstelling_sets_goals_with_steps_and_asks_every_prompt(store, clock, opened):
    m = opened(store, conversation(store, clock, Kind.DOELSTELLING))
    assert m.sets_goals and m.shows_goals and m.goal_prompts == GOAL_PROMPTS
    set_three_goals(m)
    stored = store.goals_set_in(m.id)
    assert [g.title for g in stored] == ["Klantportaal live in Q2",
                                         "Doorlooptijd offertes naar 5 dagen",
                                         "Leren presenteren"]
    assert [g.kind for g in stored] == [GoalKind.RESULT, GoalKind.RESULT, GoalKind.DEVELOPMENT]
    assert stored[0].what == "200 gebruikers op het portaal" and stored[0].why == "minder telefoon"
    assert stored[1].owner == Owner.BOTH and stored[2].support.startswith("cursus")
    assert [s.text for s in stored[2].steps] == ["Cursus volgen", "Presentatie op de afdelingsdag"]
    assert m.goals == stored  # the meeting's list is the store's
    # A goal without steps is named when concluding (a hint, never a blocker).
    assert m.goal_reminders() == ["1 doel heeft nog geen stappen"]


def test_a_conversation_without_goals_in_its_template_has_no_goals_pane(store, clock, opened):
    m = opened(store, conversation(store, clock, Kind.FUNCTIONERING))
    assert not m.sets_goals and not m.shows_goals and m.goal_reminders() == []


def test_editing_keeps_what_the_template_does_not_ask(store, clock, opened):
    m = opened(store, conversation(store, clock, Kind.DOELSTELLING))
    goal = m.save_goal(None, GoalInput("Klantportaal", answers={"how": "in drie sprints"}))
    typed = GoalInput.of(goal)
    changed = m.save_goal(goal, replace(typed, title="Klantportaal live",
                                        period_end="2027-06-30",
                                        answers={**typed.answers, "what": "live"}))
    assert (changed.title, changed.what, changed.how) == ("Klantportaal live", "live",
                                                          "in drie sprints")
    assert store.goals_set_in(m.id)[0].period_end == "2027-06-30"


def test_a_goal_without_title_is_refused_and_nothing_is_stored(store, clock, opened):
    m = opened(store, conversation(store, clock, Kind.DOELSTELLING))
    with pytest.raises(UserError):  # one clear message
        m.save_goal(None, GoalInput("   "))
    assert m.goals == [] and store.goals_set_in(m.id) == []


def test_ticking_a_step_and_ticking_it_back(store, clock, opened):
    m = opened(store, conversation(store, clock, Kind.DOELSTELLING))
    set_three_goals(m)
    step = m.goals[2].steps[0]
    m.tick_step(step)
    assert store.goals_set_in(m.id)[2].steps[0].done_in == m.id
    m.tick_step(m.goals[2].steps[0])
    assert store.goals_set_in(m.id)[2].steps[0].done_in is None


def test_a_deleted_goal_comes_back_with_its_steps_and_its_agreement(store, clock, opened):
    m = opened(store, conversation(store, clock, Kind.DOELSTELLING))
    set_three_goals(m)
    course = m.goals[2]
    agreement = m.save_agreement(None, "Inschrijven voor de cursus", Owner.EMPLOYEE,
                                 "2027-01-31")
    m.link_agreement(agreement.id, course.id)
    m.tick_step(course.steps[0])
    m.delete_goal(m.goals[2])
    assert [g.title for g in store.goals_set_in(m.id)] == ["Klantportaal live in Q2",
                                                           "Doorlooptijd offertes naar 5 dagen"]
    assert store.agreements(m.id)[0].goal_id is None  # the agreement stays, unlinked
    assert m.can_undo_goal
    back = m.undo_goal()
    assert back is not None and not m.can_undo_goal
    again = store.goals_set_in(m.id)[2]
    assert (again.title, again.kind, again.support) == (course.title, course.kind,
                                                        course.support)
    assert [(s.text, s.due_date, s.done_in) for s in again.steps] == [
        ("Cursus volgen", "2027-04-30", m.id), ("Presentatie op de afdelingsdag", None, None)]
    assert store.agreements(m.id)[0].goal_id == again.id
    assert m.agreements[0].goal_id == again.id


def test_a_deleted_step_comes_back(store, clock, opened):
    m = opened(store, conversation(store, clock, Kind.DOELSTELLING))
    set_three_goals(m)
    m.delete_step(m.goals[0].steps[0])
    assert store.goals_set_in(m.id)[0].steps == ()
    m.undo_goal()
    assert [s.text for s in store.goals_set_in(m.id)[0].steps] == ["Demo aan het team geven"]
    assert m.undo_goal() is None  # nothing more to undo


def test_the_next_conversation_reviews_the_open_goals(store, clock, opened):
    first = opened(store, conversation(store, clock, Kind.DOELSTELLING))
    set_three_goals(first)
    first.conclude(None)
    m = opened(store, conversation(store, clock, Kind.VOORTGANG))
    assert not m.sets_goals and m.shows_goals and m.goals == []
    assert [g.title for g in m.open_goals][0] == "Klantportaal live in Q2"
    assert len(m.goal_reminders()) == 1 and "3" in m.goal_reminders()[0]
    portal, offers, course = m.open_goals
    m.review_goal(portal, GoalProgress.ON_TRACK, "Eerste klanten in maart")
    m.review_goal(offers, GoalProgress.BEHIND)
    m.review_goal(course, GoalProgress.ON_TRACK)
    m.review_goal(portal, GoalProgress.BEHIND, "Leverancier te laat")  # replaces the first
    m.tick_step(m.open_goals[2].steps[0])
    assert m.goal_reminders() == []
    reviewed = {g.title: g for g in store.goals_reviewed_in(m.id)}
    here = reviewed["Klantportaal live in Q2"].review_in(m.id)
    assert here is not None
    assert (here.progress, here.comment) == (GoalProgress.BEHIND, "Leverancier te laat")
    assert m.review_here(m.open_goals[0]) == here and m.earlier_reviews(m.open_goals[0]) == []
    assert store.goals(None)[2].steps[0].done_in == m.id


def test_a_beoordeling_judges_on_its_scale_and_shows_the_history(store, clock, opened):
    first = opened(store, conversation(store, clock, Kind.DOELSTELLING))
    set_three_goals(first)
    first.conclude(None)
    progress = opened(store, conversation(store, clock, Kind.VOORTGANG))
    for goal in progress.open_goals:
        progress.review_goal(goal, GoalProgress.ON_TRACK, "loopt")
    progress.conclude(None)
    m = opened(store, conversation(store, clock, Kind.BEOORDELING))
    assert m.judges_goals and len(m.goal_scale()) == store.scale(m.id).points
    portal = m.open_goals[0]
    assert [r.progress for r in m.earlier_reviews(portal)] == [GoalProgress.ON_TRACK]
    m.review_goal(portal, GoalProgress.ACHIEVED, "Live sinds mei", score=3,
                  score_comment="Ruim op tijd")
    m.review_goal(m.open_goals[1], None, score=2, score_comment="Nog niet gehaald")
    judged = m.review_here(m.open_goals[0])
    assert judged is not None
    assert (judged.progress, judged.comment, judged.score, judged.score_comment) == (
        GoalProgress.ACHIEVED, "Live sinds mei", 3, "Ruim op tijd")
    second = m.review_here(m.open_goals[1])
    assert second is not None
    assert (second.progress, second.score, second.score_comment) == (None, 2,
                                                                     "Nog niet gehaald")
    assert m.review_here(m.open_goals[2]) is None  # not yet judged: named when concluding
    assert len(m.goal_reminders()) == 1


def test_nothing_changes_once_concluded(store, clock, opened):
    m = opened(store, conversation(store, clock, Kind.DOELSTELLING))
    set_three_goals(m)
    m.conclude(None)
    assert m.read_only and not m.can_undo_goal
    with pytest.raises(UserError):
        m.save_goal(None, GoalInput("Nog een doel"))
    assert len(store.goals_set_in(m.id)) == 3


def test_a_copy_reading_along_sees_the_goals_the_other_sets(store, clock, opened):
    cid = conversation(store, clock, Kind.DOELSTELLING)
    writing, reading = opened(store, cid), opened(store, cid)
    assert reading.refresh_goals() is False
    set_three_goals(writing)
    assert reading.refresh_goals() is True
    assert [g.title for g in reading.goals] == [g.title for g in writing.goals]


def test_a_step_deleted_before_its_goal_comes_back_into_the_goal_brought_back(
        store, clock, opened):
    """Delete a step, then its goal; u twice: the goal (under a new id) and then the
    step, in the goal brought back (it used to fail on the goal's old id, for good)."""
    m = opened(store, conversation(store, clock, Kind.DOELSTELLING))
    set_three_goals(m)
    portal = m.goals[0]
    m.save_step(portal.id, None, "Feedback van tien gebruikers", None)
    m.delete_step(m.goals[0].steps[1])
    m.delete_goal(m.goals[0])
    m.undo_goal()
    m.undo_goal()
    again = store.goals_set_in(m.id)[0]
    assert again.title == portal.title and again.id != portal.id
    assert [s.text for s in again.steps] == ["Demo aan het team geven",
                                             "Feedback van tien gebruikers"]
    assert not m.can_undo_goal
