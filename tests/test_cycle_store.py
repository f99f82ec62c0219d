"""Across the cycle, on the store: follow-up over several conversations, done in between,
collective agreements and what is due (real SQLite files, a fake clock, an injected today)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.cycle import due_line, local_day, parse_window, trail_line
from gespreks_tui.model import (
    AgreementStatus,
    DueKind,
    Kind,
    Outcome,
    StepKind,
)
from gespreks_tui.store import Store, StoreError

DAY = 24 * 3600


@pytest.fixture
def team(store: Store):
    manager = store.add_person("Sanne de Vries")
    people = {name.split()[0].lower(): store.add_person(name)
              for name in ("Joris Bakker", "Aylin Yılmaz", "Pieter Jansen")}
    return manager, people


def start(store: Store, person, kind: Kind = Kind.VOORTGANG, manager=None):
    return store.create_conversation(person.id, builtin_agenda(kind), 45,
                                     manager_id=manager.id if manager else None)


def kinds(steps) -> list[StepKind]:
    return [s.kind for s in steps]


# --- follow-up across conversations ----------------------------------------------------

def test_carried_on_twice_then_achieved_across_successive_conversations(store, clock, team):
    manager, people = team
    joris = people["joris"]

    first = start(store, joris, Kind.DOELSTELLING, manager)
    portal = store.add_agreement(first.id, "Klantportaal live met 200 gebruikers", "employee",
                                 "2027-03-01")
    course = store.add_agreement(first.id, "Cursus plannen afronden", "employee", "2027-01-15")
    store.conclude(first.id, "2027-02-01")

    outcomes = [(Outcome.CARRIED_ON, "leverancier vertraagd"),
                (Outcome.CARRIED_ON, "tussenversie draait"),
                (Outcome.ACHIEVED, "live met 230 gebruikers")]
    later = []
    for i, (outcome, comment) in enumerate(outcomes):
        clock.advance(90 * DAY)
        conversation = start(store, joris, Kind.VOORTGANG, manager)
        later.append(conversation)
        earlier = store.open_agreements_of(joris.id, before=conversation.id)
        expected = [portal.id] + ([course.id] if i == 0 else [])
        assert [a.id for a in earlier] == expected
        if i == 0:
            store.record_follow_up(course.id, conversation.id, Outcome.PARTLY)
        store.record_follow_up(portal.id, conversation.id, outcome, comment)
        still_open = store.get_agreement(portal.id).status == AgreementStatus.OPEN
        assert still_open == (outcome == Outcome.CARRIED_ON)
        store.conclude(conversation.id, None)

    clock.advance(90 * DAY)
    fifth = start(store, joris, Kind.BEOORDELING, manager)
    assert store.open_agreements_of(joris.id, before=fifth.id) == []

    trail = store.agreement_trail(portal.id)
    assert kinds(trail) == [StepKind.MADE] + [StepKind.FOLLOWED_UP] * 3
    assert trail[0].conversation_id == first.id
    assert trail[0].conversation_kind == Kind.DOELSTELLING
    assert [s.conversation_id for s in trail[1:]] == [c.id for c in later]
    assert [(s.outcome, s.comment) for s in trail[1:]] == outcomes
    assert [s.date for s in trail] == sorted(s.date for s in trail)
    assert store.agreement_trail(course.id)[-1].outcome == Outcome.PARTLY

    history = {h.agreement.id: h for h in store.agreement_history(joris.id)}
    assert list(history) == [portal.id, course.id]
    assert history[portal.id].last_outcome == Outcome.ACHIEVED
    assert history[portal.id].agreement.status == AgreementStatus.DONE
    assert not history[portal.id].done_between

    assert store.conversation_trails(first.id)[portal.id] == trail
    assert "opgevolgd op" in trail_line(trail[1]) and "loopt door" in trail_line(trail[1])
    assert "gehaald" in trail_line(trail[3])


def test_trail_of_an_unknown_agreement_is_a_store_error(store):
    with pytest.raises(StoreError) as raised:
        store.agreement_trail(4242)
    assert raised.value.key == "agreement.not_found"


# --- done between conversations --------------------------------------------------------

def test_done_between_conversations(store, clock, team):
    manager, people = team
    joris = people["joris"]
    first = start(store, joris, Kind.DOELSTELLING, manager)
    course = store.add_agreement(first.id, "Cursus Excel afronden", "employee", "2027-01-15")
    talk = store.add_agreement(first.id, "Presentatie op de afdelingsdag", "employee")
    ticked = store.add_agreement(first.id, "Verslag rondsturen", "manager")
    store.update_agreement(ticked.id, status=AgreementStatus.DONE)
    store.conclude(first.id, "2027-02-01")

    clock.advance(30 * DAY)
    done = store.mark_done_between(course.id, "  Certificaat gehaald  ")
    assert done.status == AgreementStatus.DONE
    assert done.done_at == store.now()

    clock.advance(30 * DAY)
    second = start(store, joris, Kind.VOORTGANG, manager)
    assert [a.id for a in store.open_agreements_of(joris.id, before=second.id)] == [talk.id]
    assert [h.agreement.id for h in store.done_between_of(joris.id, second.id)] == [course.id]

    trail = store.agreement_trail(course.id)
    assert kinds(trail) == [StepKind.MADE, StepKind.DONE_BETWEEN]
    assert trail[-1].comment == "Certificaat gehaald"
    assert trail[-1].date == done.done_at
    assert "tussen de gesprekken door afgerond" in trail_line(trail[-1])
    assert "Certificaat gehaald" in trail_line(trail[-1])
    # ticked off during its own meeting: not "in between"
    assert kinds(store.agreement_trail(ticked.id)) == [StepKind.MADE, StepKind.DONE]

    store.record_follow_up(talk.id, second.id, Outcome.ACHIEVED)
    store.conclude(second.id, None)
    clock.advance(30 * DAY)
    third = start(store, joris)
    assert store.done_between_of(joris.id, third.id) == []  # shown once, in the next one


def test_done_between_a_carried_on_agreement_keeps_its_whole_trail(store, clock, team):
    manager, people = team
    joris = people["joris"]
    first = start(store, joris, Kind.DOELSTELLING, manager)
    portal = store.add_agreement(first.id, "Portaal live", "employee")
    store.conclude(first.id, None)
    clock.advance(DAY)
    second = start(store, joris)
    store.record_follow_up(portal.id, second.id, Outcome.CARRIED_ON)
    store.conclude(second.id, None)
    clock.advance(DAY)
    store.mark_done_between(portal.id)  # no note
    assert kinds(store.agreement_trail(portal.id)) == [
        StepKind.MADE, StepKind.FOLLOWED_UP, StepKind.DONE_BETWEEN]


def test_done_between_in_the_same_second_as_the_conclusion(store, team):
    _, people = team
    conversation = start(store, people["joris"])
    agreement = store.add_agreement(conversation.id, "Iets doen", "employee")
    store.conclude(conversation.id, None)
    store.mark_done_between(agreement.id)  # the fake clock has not moved
    assert store.agreement_trail(agreement.id)[-1].kind == StepKind.DONE_BETWEEN


def test_done_between_refuses_what_is_not_open(store, clock, team):
    _, people = team
    running = start(store, people["joris"])
    in_meeting = store.add_agreement(running.id, "Nog bezig", "employee")
    with pytest.raises(StoreError) as raised:
        store.mark_done_between(in_meeting.id)
    assert raised.value.key == "agreement.conversation_running"
    assert str(running.id) in raised.value.message()

    store.conclude(running.id, None)
    dropped = store.add_agreement(running.id, "Vervalt", "employee")
    store.update_agreement(dropped.id, status=AgreementStatus.DROPPED)
    clock.advance(DAY)
    store.mark_done_between(in_meeting.id)
    for agreement_id, key in ((in_meeting.id, "agreement.already_done"),
                              (dropped.id, "agreement.not_open"),
                              (9999, "agreement.not_found")):
        with pytest.raises(StoreError) as raised:
            store.mark_done_between(agreement_id)
        assert raised.value.key == key
        assert "\n" not in raised.value.message()
    assert kinds(store.agreement_trail(dropped.id))[-1] == StepKind.DROPPED
    assert store.get_agreement(in_meeting.id).status == AgreementStatus.DONE


# --- collective agreements -------------------------------------------------------------

def collective_ids(store: Store, conversation_id: int) -> list[int | None]:
    return [a.collective_id for a in store.agreements(conversation_id)]


def test_collectives_reach_exactly_the_people_they_apply_to(store, clock, team):
    manager, people = team
    joris, aylin, pieter = people["joris"], people["aylin"], people["pieter"]
    bonus = store.add_collective("NPS van het team minstens 40", date(2027, 12, 31))
    privacy = store.add_collective("AVG-training volgen", "2027-06-30",
                                   [aylin.id, pieter.id, aylin.id])
    assert bonus.for_everyone and bonus.members == ()
    assert not privacy.for_everyone
    assert [p.name for p in privacy.members] == ["Aylin Yılmaz", "Pieter Jansen"]
    assert [c.id for c in store.collectives_for(joris.id)] == [bonus.id]
    assert [c.id for c in store.collectives_for(aylin.id)] == [bonus.id, privacy.id]

    j1 = start(store, joris, manager=manager)
    a1 = start(store, aylin, manager=manager)
    assert collective_ids(store, j1.id) == [bonus.id]
    assert collective_ids(store, a1.id) == [bonus.id, privacy.id]
    brought = store.agreements(a1.id)
    assert [(a.text, a.due_date, a.owner) for a in brought] == [
        ("NPS van het team minstens 40", "2027-12-31", "employee"),
        ("AVG-training volgen", "2027-06-30", "employee")]
    assert store.agreement_trail(brought[1].id)[0].collective_id == privacy.id
    # the manager's own agreements come after them
    assert store.add_agreement(a1.id, "Eigen afspraak").position == 2

    ended = store.end_collective(privacy.id)
    assert ended.ended_at == store.now() and not ended.is_active
    assert [c.id for c in store.list_collectives()] == [bonus.id]
    assert [c.id for c in store.list_collectives(include_ended=True)] == [bonus.id, privacy.id]
    p1 = start(store, pieter, manager=manager)
    assert collective_ids(store, p1.id) == [bonus.id]  # ended: does not reach Pieter
    assert collective_ids(store, a1.id) == [bonus.id, privacy.id, None]  # stays with Aylin
    assert store.collectives_for(pieter.id) == store.collectives_for(joris.id)

    with pytest.raises(StoreError) as raised:
        store.end_collective(privacy.id)
    assert raised.value.key == "collective.already_ended"
    with pytest.raises(StoreError) as raised:
        store.end_collective(777)
    assert raised.value.key == "collective.not_found"


def test_a_collective_is_followed_up_per_employee_and_never_duplicated(store, clock, team):
    manager, people = team
    joris, aylin = people["joris"], people["aylin"]
    bonus = store.add_collective("Bonusdoel: NPS 40", "2027-12-31")
    j1, a1 = start(store, joris), start(store, aylin)
    store.conclude(j1.id, None)
    store.conclude(a1.id, None)
    (j_bonus,), (a_bonus,) = store.agreements(j1.id), store.agreements(a1.id)

    clock.advance(DAY)
    j2 = start(store, joris)
    assert store.agreements(j2.id) == []  # still open from j1: not brought in twice
    assert [a.id for a in store.open_agreements_of(joris.id, before=j2.id)] == [j_bonus.id]
    store.record_follow_up(j_bonus.id, j2.id, Outcome.CARRIED_ON)
    store.conclude(j2.id, None)

    clock.advance(DAY)
    j3 = start(store, joris)
    assert store.agreements(j3.id) == []  # carried on: still not duplicated
    store.record_follow_up(j_bonus.id, j3.id, Outcome.ACHIEVED)
    store.conclude(j3.id, None)
    assert store.get_agreement(a_bonus.id).status == AgreementStatus.OPEN  # Aylin's own

    clock.advance(DAY)
    j4 = start(store, joris)
    assert store.agreements(j4.id) == []  # achieved: it does not come back
    trail = store.agreement_trail(j_bonus.id)
    assert [s.outcome for s in trail] == [None, Outcome.CARRIED_ON, Outcome.ACHIEVED]

    # a collective added later reaches the next conversation of everyone it applies to
    later = store.add_collective("Nieuwe werkplek inrichten", employee_ids=[joris.id])
    clock.advance(DAY)
    assert collective_ids(store, start(store, joris).id) == [later.id]
    assert collective_ids(store, start(store, aylin).id) == []
    assert bonus.id != later.id


def test_add_collective_checks_its_input_and_stores_nothing_on_error(store, team):
    _, people = team
    with pytest.raises(StoreError) as raised:
        store.add_collective("Voor wie?", employee_ids=[people["joris"].id, 999])
    assert raised.value.key == "person.not_found"
    with pytest.raises(ValueError):
        store.add_collective("   ")
    with pytest.raises(ValueError):
        store.add_collective("Niemand", employee_ids=[])
    with pytest.raises(ValueError):
        store.add_collective("Rare datum", due_date="31-12-2027")
    assert store.list_collectives(include_ended=True) == []
    assert store.db.execute("select count(*) from collective_members").fetchone()[0] == 0


def test_collective_index_is_used(store):
    plan = " ".join(str(row) for row in store.db.execute(
        "explain query plan select 1 from agreements a where a.collective_id = 3"))
    assert "agreements_by_collective" in plan


# --- what is due -----------------------------------------------------------------------

TODAY = date(2027, 3, 1)


def test_due_lists_agreements_and_latest_evaluations_sorted_by_date(store, clock, team):
    manager, people = team
    joris, aylin, pieter = people["joris"], people["aylin"], people["pieter"]
    iso = lambda days: (TODAY + timedelta(days=days)).isoformat()  # noqa: E731

    j1 = start(store, joris, manager=manager)
    late = store.add_agreement(j1.id, "Te laat", "employee", iso(-3))
    today_one = store.add_agreement(j1.id, "Vandaag", "manager", iso(0))
    soon = store.add_agreement(j1.id, "Binnenkort", "both", iso(14))
    store.add_agreement(j1.id, "Later", "employee", iso(15))
    store.add_agreement(j1.id, "Zonder datum", "employee")
    finished = store.add_agreement(j1.id, "Al gedaan", "employee", iso(-10))
    store.update_agreement(finished.id, status=AgreementStatus.DONE)
    store.conclude(j1.id, iso(5))

    a1 = start(store, aylin)
    store.conclude(a1.id, iso(-20))  # superseded by the later conversation below
    clock.advance(DAY)
    a2 = start(store, aylin)
    store.conclude(a2.id, iso(60))

    p1 = start(store, pieter)
    store.conclude(p1.id, iso(-1))

    items = store.due(TODAY)
    assert [(i.kind, i.date, i.employee) for i in items] == [
        (DueKind.AGREEMENT, iso(-3), "Joris Bakker"),
        (DueKind.EVALUATION, iso(-1), "Pieter Jansen"),
        (DueKind.AGREEMENT, iso(0), "Joris Bakker"),
        (DueKind.EVALUATION, iso(5), "Joris Bakker"),
        (DueKind.AGREEMENT, iso(14), "Joris Bakker"),
    ]
    assert [i.agreement_id for i in items] == [late.id, None, today_one.id, None, soon.id]
    assert [i.overdue for i in items] == [True, True, False, False, False]
    assert [i.days for i in items] == [-3, -1, 0, 5, 14]
    evaluation = items[1]
    assert (evaluation.conversation_id, evaluation.conversation_kind) == (p1.id, Kind.VOORTGANG)
    assert items[0].text == "Te laat" and items[0].owner == "employee"

    assert "3 dagen te laat" in due_line(items[0])
    assert "vandaag" in due_line(items[2])
    assert "volgende evaluatie" in due_line(items[3])

    assert [i.date for i in store.due(TODAY.isoformat(), within_days=0)] == [
        iso(-3), iso(-1), iso(0)]
    assert len(store.due(TODAY, within_days=60)) == 7  # Later (+15) and Aylin (+60) join
    only_joris = store.due(TODAY, employee_id=joris.id)
    assert {i.employee for i in only_joris} == {"Joris Bakker"} and len(only_joris) == 4
    assert store.due(TODAY, employee_id=aylin.id) == []

    # the latest conversation counts: a new, running one replaces the old evaluation date
    start(store, pieter)
    assert all(i.employee != "Pieter Jansen" for i in store.due(TODAY))
    # people who have left are not due anything
    store.db.execute("update people set left_on = ? where id = ?", [iso(-1), joris.id])
    assert store.due(TODAY) == []

    with pytest.raises(ValueError):
        store.due(TODAY, within_days=-1)


def test_due_includes_collective_rows_per_employee(store, team):
    _, people = team
    store.add_collective("Bonusdoel", "2027-03-10")
    for person in people.values():
        start(store, person)
    items = store.due(TODAY)
    assert [i.employee for i in items] == ["Aylin Yılmaz", "Joris Bakker", "Pieter Jansen"]
    assert all(i.collective_id is not None and i.days == 9 for i in items)


# --- pure helpers ----------------------------------------------------------------------

@pytest.mark.parametrize("text, days", [
    ("14d", 14), ("14", 14), ("2w", 14), ("1m", 31), ("0d", 0), (" 3 W ", 21), ("+5d", 5),
])
def test_parse_window(text: str, days: int):
    assert parse_window(text, date(2027, 1, 10)) == days


@pytest.mark.parametrize("text", ["", "soon", "-3d", "2y", "1.5w", "d"])
def test_parse_window_refuses(text: str):
    with pytest.raises(ValueError):
        parse_window(text, TODAY)


def test_local_day():
    assert local_day("2027-03-01") == "2027-03-01"
    assert local_day(None) == "-"
    assert len(local_day("2027-03-01T12:00:00+00:00")) == 10
