"""The store on real SQLite files: migrations, people, conversations, notes, agreements."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.migrations import LATEST, MIGRATIONS, migrate
from gespreks_tui.model import (
    AgreementStatus,
    Kind,
    Outcome,
    Owner,
    Status,
    Visibility,
)
from gespreks_tui.store import Store, StoreError

EXPECTED_TABLES = {
    "migrations", "settings", "people", "collectives", "collective_members",
    "conversations", "phases", "notes", "agreements", "follow_ups", "scores",
    "minutes_revisions", "confirmations",
}


def _conversation(store: Store, name: str = "Joris Bakker", kind: Kind = Kind.VOORTGANG,
                  minutes: int = 45):
    employee = store.add_person(name)
    manager = store.add_person("Sanne de Vries")
    return store.create_conversation(employee.id, builtin_agenda(kind), minutes,
                                     manager_id=manager.id)


# --- migrations -------------------------------------------------------------------------

def test_migrating_from_empty_creates_every_table_and_records_version_1(store: Store):
    assert set(store.db.table_names()) >= EXPECTED_TABLES
    rows = list(store.db.query("select version, name, applied_at from migrations order by 1"))
    assert [r["version"] for r in rows] == [version for version, _, _ in MIGRATIONS]
    assert rows[0]["version"] == 1 and rows[-1]["version"] == LATEST
    assert rows[0]["applied_at"] == "2026-11-02T09:00:00+00:00"  # the injected clock


def test_reopening_an_existing_database_applies_nothing(db_path: Path, clock: FakeClock):
    first = Store.open(db_path, clock=clock)
    first.add_person("Joris Bakker")
    first.close()
    clock.advance(3600)
    again = Store.open(db_path, clock=clock)
    try:
        assert migrate(again.db, again.now()) == []
        rows = list(again.db.query("select version, applied_at from migrations"))
        assert len(rows) == len(MIGRATIONS)
        assert {r["applied_at"] for r in rows} == {"2026-11-02T09:00:00+00:00"}
        assert [p.name for p in again.list_people()] == ["Joris Bakker"]
    finally:
        again.close()


def test_indexes_exist_for_the_lookups_the_app_makes(store: Store):
    names = {r["name"] for r in store.db.query(
        "select name from sqlite_master where type = 'index'")}
    assert {"conversations_by_employee", "agreements_by_conversation",
            "follow_ups_by_conversation"} <= names


def test_pragmas_wal_foreign_keys_and_synchronous_full(store: Store):
    conn = store.db.conn
    assert conn.execute("pragma journal_mode").fetchone()[0].lower() == "wal"
    assert conn.execute("pragma foreign_keys").fetchone()[0] == 1
    assert conn.execute("pragma synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("pragma busy_timeout").fetchone()[0] >= 1000


# --- people -----------------------------------------------------------------------------

def test_people_are_found_case_insensitively_with_whitespace_normalised(store: Store):
    joris = store.add_person("  Joris   Bakker ")
    assert joris.name == "Joris Bakker"
    assert store.add_person("joris bakker") == joris
    assert store.find_person("JORIS BAKKER") == joris
    assert store.find_person("  joris \t bakker  ") == joris
    assert store.find_person("Joris") is None
    assert [p.name for p in store.list_people()] == ["Joris Bakker"]


def test_people_are_listed_alphabetically_and_empty_names_refused(store: Store):
    for name in ("pieter Jansen", "Aylin Yılmaz", "Joris Bakker"):
        store.add_person(name)
    assert [p.name for p in store.list_people()] == [
        "Aylin Yılmaz", "Joris Bakker", "pieter Jansen"]
    with pytest.raises(ValueError):
        store.add_person("   ")
    with pytest.raises(StoreError) as caught:
        store.get_person(999)
    assert caught.value.key == "person.not_found"


# --- conversations ----------------------------------------------------------------------

def test_create_conversation_scales_the_builtin_agenda(store: Store):
    conversation = _conversation(store, minutes=50)
    assert conversation.kind == Kind.VOORTGANG
    assert conversation.status == Status.RUNNING
    assert conversation.employee_name == "Joris Bakker"
    assert conversation.manager_name == "Sanne de Vries"
    assert conversation.planned_seconds == 50 * 60
    assert [p.name for p in conversation.phases] == ["Terugblik", "Vooruitblik", "Afspraken"]
    assert [p.position for p in conversation.phases] == [0, 1, 2]
    assert sum(p.planned_seconds for p in conversation.phases) == 50 * 60
    # 20:15:10 of 45 minutes, scaled to 50: 22.2 / 16.7 / 11.1 → 22 / 17 / 11
    assert [p.planned_seconds // 60 for p in conversation.phases] == [22, 17, 11]
    assert conversation.phases[0].questions == builtin_agenda(Kind.VOORTGANG).phases[0].questions
    assert conversation.started_at == "2026-11-02T09:00:00+00:00"


@pytest.mark.parametrize("minutes", [1, 7, 45, 61, 240])
def test_phase_minutes_sum_exactly_for_every_kind(store: Store, minutes: int):
    for kind in Kind:
        conversation = _conversation(store, kind=kind, minutes=minutes)
        assert sum(p.planned_seconds for p in conversation.phases) == minutes * 60


def test_unknown_conversation_is_a_store_error(store: Store):
    with pytest.raises(StoreError) as caught:
        store.get_conversation(999)
    assert caught.value.key == "conversation.not_found"
    assert "999" in caught.value.message("en")


def test_timer_state_round_trips(db_path: Path, clock: FakeClock):
    opened = Store.open(db_path, clock=clock)
    conversation = _conversation(opened)
    opened.save_timer(conversation.id, 1, True, {0: 1234.5678, 1: 61.0})
    opened.close()
    # A running timer survives a restart: read it back through a new connection.
    again = Store.open(db_path, clock=clock)
    try:
        loaded = again.get_conversation(conversation.id)
        assert loaded.current_phase == 1
        assert loaded.paused is True
        assert [p.used_seconds for p in loaded.phases] == [1234.568, 61.0, 0.0]
        again.save_timer(conversation.id, 2, False, {2: 5.0})
        loaded = again.get_conversation(conversation.id)
        assert (loaded.current_phase, loaded.paused) == (2, False)
        assert [p.used_seconds for p in loaded.phases] == [1234.568, 61.0, 5.0]
    finally:
        again.close()


def test_notes_are_upserted_per_phase_and_visibility(store: Store):
    conversation = _conversation(store)
    store.save_note(conversation.id, 0, Visibility.SHARED, "eerste versie")
    store.save_note(conversation.id, 0, "private", "alleen voor mij")
    store.save_note(conversation.id, 0, Visibility.SHARED, "tweede versie\nmet regels")
    store.save_note(conversation.id, 2, Visibility.SHARED, "")
    assert store.notes(conversation.id) == {
        (0, Visibility.SHARED): "tweede versie\nmet regels",
        (0, Visibility.PRIVATE): "alleen voor mij",
        (2, Visibility.SHARED): "",
    }
    assert store.db.execute("select count(*) from notes").fetchone()[0] == 3
    with pytest.raises(ValueError):
        store.save_note(conversation.id, 0, "secret", "x")


def test_notes_of_one_conversation_stay_there(store: Store):
    first = _conversation(store)
    second = _conversation(store, name="Aylin Yılmaz")
    store.save_note(first.id, 0, Visibility.SHARED, "van het eerste gesprek")
    assert store.notes(second.id) == {}


def test_list_conversations_newest_first_with_open_agreement_counts(store, clock):
    old = _conversation(store)
    store.add_agreement(old.id, "Cursus afronden")
    done = store.add_agreement(old.id, "Portaal live")
    store.update_agreement(done.id, status=AgreementStatus.DONE)
    clock.advance(86400)
    other = _conversation(store, name="Aylin Yılmaz")
    clock.advance(86400)
    new = _conversation(store)
    for text in ("a", "b", "c"):
        store.add_agreement(new.id, text)

    rows = store.list_conversations()
    assert [r.id for r in rows] == [new.id, other.id, old.id]
    assert [r.open_agreements for r in rows] == [3, 0, 1]
    assert rows[0].employee == "Joris Bakker"
    assert rows[0].manager == "Sanne de Vries"
    assert rows[0].kind == Kind.VOORTGANG
    assert rows[0].date == "2026-11-04T09:00:00+00:00"

    joris = store.find_person("joris bakker")
    assert [r.id for r in store.list_conversations(joris.id)] == [new.id, old.id]
    assert [r.id for r in store.list_conversations(limit=1)] == [new.id]


def test_unfinished_conversations_and_conclude_and_reopen(store, clock):
    first = _conversation(store)
    clock.advance(60)
    second = _conversation(store, name="Aylin Yılmaz")
    clock.advance(60)
    store.save_note(first.id, 0, Visibility.SHARED, "net bewerkt")
    unfinished = store.unfinished_conversations()
    assert [(s.id, stamp) for s, stamp in unfinished] == [
        (first.id, "2026-11-02T09:02:00+00:00"),
        (second.id, "2026-11-02T09:01:00+00:00"),
    ]

    clock.advance(60)
    concluded = store.conclude(first.id, "2027-05-01")
    assert concluded.status == Status.CONCLUDED
    assert concluded.is_open is False
    assert concluded.ended_at == "2026-11-02T09:03:00+00:00"
    assert concluded.next_evaluation == "2027-05-01"
    assert concluded.paused is True
    assert [s.id for s, _ in store.unfinished_conversations()] == [second.id]

    reopened = store.reopen(first.id)
    assert reopened.status == Status.RUNNING
    assert reopened.ended_at is None
    assert reopened.is_open
    assert {s.id for s, _ in store.unfinished_conversations()} == {first.id, second.id}


def test_reopen_leaves_a_confirmed_conversation_alone(store: Store):
    conversation = _conversation(store)
    store.db.execute("update conversations set status = 'confirmed' where id = ?",
                     [conversation.id])
    assert store.reopen(conversation.id).status == Status.CONFIRMED


# --- agreements -------------------------------------------------------------------------

def test_agreements_add_update_delete_restore(store, clock):
    conversation = _conversation(store)
    first = store.add_agreement(conversation.id, "Cursus projectmanagement afronden",
                                Owner.EMPLOYEE, "2027-03-01")
    second = store.add_agreement(conversation.id, "Elke maand een één-op-één", "manager")
    assert (first.position, second.position) == (0, 1)
    assert first.owner == Owner.EMPLOYEE and first.due_date == "2027-03-01"
    assert second.owner == Owner.MANAGER and second.due_date is None
    assert first.status == AgreementStatus.OPEN and first.done_at is None

    clock.advance(60)
    changed = store.update_agreement(first.id, text="Cursus afronden met certificaat",
                                     owner=Owner.BOTH, status=AgreementStatus.DONE)
    assert changed.text == "Cursus afronden met certificaat"
    assert changed.owner == Owner.BOTH
    assert changed.status == AgreementStatus.DONE
    assert changed.done_at == "2026-11-02T09:01:00+00:00"
    reopened = store.update_agreement(first.id, status=AgreementStatus.OPEN)
    assert reopened.done_at is None
    assert store.update_agreement(first.id, due_date=None).due_date is None

    with pytest.raises(TypeError):
        store.update_agreement(first.id, conversation_id=5)

    store.delete_agreement(second.id)
    assert [a.id for a in store.agreements(conversation.id)] == [first.id]
    restored = store.restore_agreement(second)
    assert restored == second
    assert [a.id for a in store.agreements(conversation.id)] == [first.id, second.id]


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_agreement_is_refused(store: Store, text: str):
    conversation = _conversation(store)
    with pytest.raises(ValueError):
        store.add_agreement(conversation.id, text)
    kept = store.add_agreement(conversation.id, "Iets concreets")
    with pytest.raises(ValueError):
        store.update_agreement(kept.id, text=text)
    assert store.get_agreement(kept.id).text == "Iets concreets"
    assert store.db.execute("select count(*) from agreements").fetchone()[0] == 1


def test_unknown_agreement_is_a_store_error(store: Store):
    with pytest.raises(StoreError) as caught:
        store.get_agreement(42)
    assert caught.value.key == "agreement.not_found"


def test_follow_ups_close_agreements_except_carried_on(store, clock):
    earlier = _conversation(store, kind=Kind.DOELSTELLING)
    agreements = {
        outcome: store.add_agreement(earlier.id, f"afspraak {outcome}")
        for outcome in Outcome
    }
    store.conclude(earlier.id, None)
    clock.advance(86400)
    later = _conversation(store)
    for outcome, agreement in agreements.items():
        follow_up = store.record_follow_up(agreement.id, later.id, outcome, f"over {outcome}")
        assert follow_up.outcome == outcome
        assert follow_up.agreement_text == f"afspraak {outcome}"
        assert follow_up.comment == f"over {outcome}"

    for outcome, agreement in agreements.items():
        status = store.get_agreement(agreement.id).status
        expected = AgreementStatus.OPEN if outcome == Outcome.CARRIED_ON else AgreementStatus.DONE
        assert status == expected, outcome
    assert [f.agreement_id for f in store.follow_ups(later.id)] == [
        a.id for a in agreements.values()]
    assert store.follow_ups(earlier.id) == []

    # Recording again replaces the outcome instead of adding a second follow-up,
    # and carrying an agreement on opens it again.
    achieved = agreements[Outcome.ACHIEVED]
    again = store.record_follow_up(achieved.id, later.id, Outcome.CARRIED_ON)
    assert again.outcome == Outcome.CARRIED_ON and again.comment == ""
    assert len(store.follow_ups(later.id)) == len(Outcome)
    assert store.get_agreement(achieved.id).status == AgreementStatus.OPEN
    assert store.get_agreement(achieved.id).done_at is None


def test_open_agreements_of_an_employee(store, clock):
    first = _conversation(store, kind=Kind.DOELSTELLING)
    a1 = store.add_agreement(first.id, "eerste")
    a2 = store.add_agreement(first.id, "tweede")
    store.update_agreement(a2.id, status=AgreementStatus.DROPPED)
    clock.advance(86400)
    second = _conversation(store)
    a3 = store.add_agreement(second.id, "derde")
    other = _conversation(store, name="Aylin Yılmaz")
    store.add_agreement(other.id, "van iemand anders")

    joris = store.find_person("Joris Bakker")
    assert [a.id for a in store.open_agreements_of(joris.id)] == [a1.id, a3.id]
    assert [a.id for a in store.open_agreements_of(joris.id, before=second.id)] == [a1.id]
    store.record_follow_up(a1.id, second.id, Outcome.ACHIEVED)
    assert [a.id for a in store.open_agreements_of(joris.id, before=second.id)] == []


# --- settings ---------------------------------------------------------------------------

def test_settings_round_trip(db_path: Path, clock: FakeClock):
    opened = Store.open(db_path, clock=clock)
    assert opened.get_setting("ui.theme") is None
    assert opened.get_setting("ui.theme", "dark") == "dark"
    opened.set_setting("ui.theme", "light")
    opened.set_setting("ui.theme", "high-contrast")
    opened.close()
    again = Store.open(db_path, clock=clock)
    try:
        assert again.get_setting("ui.theme") == "high-contrast"
        assert again.db.execute("select count(*) from settings").fetchone()[0] == 1
    finally:
        again.close()


# --- foreign keys -----------------------------------------------------------------------

def test_foreign_keys_are_enforced(store: Store):
    """A row for a conversation that is not there: refused, as one line for the user."""
    with pytest.raises(StoreError) as refused:
        store.add_agreement(999, "bij een gesprek dat niet bestaat")
    assert refused.value.key == "record.gone"
    assert isinstance(refused.value.__cause__, sqlite3.IntegrityError)
    assert store.agreements(999) == []


# --- a second process on the same file --------------------------------------------------

CHILD = textwrap.dedent("""
    import sys
    from gespreks_tui.agendas import builtin_agenda
    from gespreks_tui.clock import FakeClock
    from gespreks_tui.store import Store

    store = Store.open(sys.argv[1], clock=FakeClock())
    conversation_id = int(sys.argv[2])
    print("ready", flush=True)
    assert sys.stdin.readline().strip() == "go"
    for i in range(int(sys.argv[3])):
        store.add_person(f"kind {i}")
        store.add_agreement(conversation_id, f"kind afspraak {i}")
    store.close()
    print("done", flush=True)
""")


def test_a_second_process_writing_at_the_same_time(db_path: Path, clock: FakeClock):
    rounds = 150
    store = Store.open(db_path, clock=clock)
    conversation = _conversation(store)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path), str(conversation.id), str(rounds)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert child.stdout.readline().strip() == "ready"
        child.stdin.write("go\n")
        child.stdin.flush()
        for i in range(rounds):
            store.add_person(f"ouder {i}")
            store.add_agreement(conversation.id, f"ouder afspraak {i}")
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, err
    assert out.strip() == "done"
    store.close()

    again = Store.open(db_path, clock=clock)
    try:
        names = {p.name for p in again.list_people()}
        assert {f"ouder {i}" for i in range(rounds)} <= names
        assert {f"kind {i}" for i in range(rounds)} <= names
        texts = [a.text for a in again.agreements(conversation.id)]
        assert len(texts) == 2 * rounds
        assert set(texts) == {f"{who} afspraak {i}" for who in ("ouder", "kind")
                              for i in range(rounds)}
        assert again.db.execute("pragma integrity_check").fetchone()[0] == "ok"
    finally:
        again.close()
