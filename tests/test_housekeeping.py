"""Housekeeping in the store: rename, remove a mistaken person, discard an unfinished
conversation, change the manager's name. Real SQLite files, the fake clock."""

from __future__ import annotations

import pytest

from gespreks_tui.agendas import load_agenda
from gespreks_tui.model import Kind, Outcome, Owner
from gespreks_tui.settings import MANAGER_SETTING, RESUME_SETTING
from gespreks_tui.store import StoreError


def start(store, person, kind=Kind.VOORTGANG, minutes=45):
    agenda, _ = load_agenda(kind, "nl")
    return store.create_conversation(person.id, agenda, minutes)


def test_rename_person_corrects_the_name_and_refuses_one_that_is_taken(store):
    joris = store.add_person("Joris Bakkr")
    store.add_person("Aylin Yılmaz")
    assert store.rename_person(joris.id, "  Joris   Bakker ").name == "Joris Bakker"
    assert store.find_person("Joris Bakker").id == joris.id
    with pytest.raises(StoreError) as refused:
        store.rename_person(joris.id, "aylin yılmaz")
    assert refused.value.key == "housekeeping.name_taken"
    with pytest.raises(StoreError) as empty:
        store.rename_person(joris.id, "   ")
    assert empty.value.key == "housekeeping.empty_name"
    assert store.get_person(joris.id).name == "Joris Bakker"


def test_renaming_the_manager_moves_the_remembered_name_along(store):
    manager = store.add_person("Sanne de Vris")
    store.set_setting(MANAGER_SETTING, "Sanne de Vris")
    store.rename_person(manager.id, "Sanne de Vries")
    assert store.get_setting(MANAGER_SETTING) == "Sanne de Vries"


def test_set_manager_name_renames_the_managers_record(store):
    manager = store.add_person("Sanne")
    store.set_setting(MANAGER_SETTING, "Sanne")
    person = store.set_manager_name("Sanne de Vries")
    assert person.id == manager.id
    assert store.get_setting(MANAGER_SETTING) == "Sanne de Vries"
    assert [p.name for p in store.list_people()] == ["Sanne de Vries"]


def test_set_manager_name_without_an_earlier_name_adds_the_person(store):
    person = store.set_manager_name("Sanne de Vries")
    assert store.get_setting(MANAGER_SETTING) == "Sanne de Vries"
    assert store.get_person(person.id).name == "Sanne de Vries"


def test_remove_person_only_without_conversations(store):
    typo = store.add_person("Jorris")
    joris = store.add_person("Joris Bakker")
    start(store, joris)
    store.remove_person(typo.id)
    assert [p.name for p in store.list_people()] == ["Joris Bakker"]
    with pytest.raises(StoreError) as refused:
        store.remove_person(joris.id)
    assert refused.value.key == "housekeeping.has_conversations"
    assert store.get_person(joris.id).name == "Joris Bakker"


def test_unfinished_overview_tells_two_conversations_apart(store, clock):
    sanne = store.add_person("Sanne Jansen")
    first = start(store, sanne, minutes=45)
    clock.advance(60)
    second = start(store, sanne, Kind.FUNCTIONERING, minutes=60)
    rows = store.unfinished_overview()
    assert [(r.summary.id, r.summary.kind, r.planned_minutes) for r in rows] == [
        (second.id, Kind.FUNCTIONERING, 60), (first.id, Kind.VOORTGANG, 45)]


def test_discard_removes_the_conversation_and_reopens_what_it_followed_up(store, clock):
    joris = store.add_person("Joris Bakker")
    earlier = start(store, joris)
    agreement = store.add_agreement(earlier.id, "Cursus Excel afronden", Owner.EMPLOYEE)
    store.conclude(earlier.id, None)
    clock.advance(3600)
    mistaken = start(store, joris)
    store.save_note(mistaken.id, 0, "shared", "per vergissing")
    store.record_follow_up(agreement.id, mistaken.id, Outcome.ACHIEVED)
    store.remember_open_meeting(mistaken.id)
    assert store.open_agreements_of(joris.id) == []
    assert store.discard_refusal(mistaken.id) is None
    store.discard_conversation(mistaken.id)
    assert [c.id for c in store.list_conversations(joris.id)] == [earlier.id]
    reopened = store.get_agreement(agreement.id)
    assert (reopened.status, reopened.outcome) == ("open", None)
    assert store.get_setting(RESUME_SETTING) is None
    assert store.unfinished_overview() == []


def test_a_conversation_with_minutes_is_never_discarded(store):
    from gespreks_tui.minutes import publish

    joris = store.add_person("Joris Bakker")
    held = start(store, joris)
    store.conclude(held.id, None)
    publish(store, held.id)
    store.reopen(held.id)  # running again, but its minutes were issued
    with pytest.raises(StoreError) as refused:
        store.discard_conversation(held.id)
    assert refused.value.key == "housekeeping.has_minutes"
    assert store.get_conversation(held.id).id == held.id


def test_discard_refuses_when_a_later_conversation_followed_its_agreements_up(store, clock):
    joris = store.add_person("Joris Bakker")
    first = start(store, joris)
    agreement = store.add_agreement(first.id, "Inwerken", Owner.EMPLOYEE)
    clock.advance(60)
    second = start(store, joris)
    store.record_follow_up(agreement.id, second.id, Outcome.CARRIED_ON)
    assert store.discard_refusal(first.id).key == "housekeeping.followed_up"
    with pytest.raises(StoreError):
        store.discard_conversation(first.id)
