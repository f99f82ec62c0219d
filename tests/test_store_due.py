"""``due`` with a limit is the head of the full list, and ``due_count`` its length.

The start screen asks for six items and a count (issue 19): the limited list
is read in date order and stops early, so these tests make the order hard to
get right: several items on one date, names that only Python's case folding
orders (SQLite's NOCASE does not fold "É" or "İ"), evaluations, reaction terms
and people who have left.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.model import Kind

TODAY = date(2027, 3, 1)
NAMES = ["émile Smit", "Émile Aalders", "zoë de Boer", "Anna Bos", "İlker Kaya", "anna Bosman",
         "Vertrokken Persoon"]


def _iso(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


@pytest.fixture
def busy(store, clock):
    """Seven people, agreements on a few shared dates, evaluations, one who left."""
    agenda = builtin_agenda(Kind.VOORTGANG)
    for n, name in enumerate(NAMES):
        person = store.add_person(name)
        conversation = store.create_conversation(person.id, agenda, 30)
        for k in range(n + 2):
            store.add_agreement(conversation.id, f"Afspraak {k} van {name}", "employee",
                                _iso((k * 3 + n) % 5 - 2))
        store.add_agreement(conversation.id, "Zonder datum", "employee")
        store.conclude(conversation.id, _iso(n % 3))
        clock.advance(60)
    gone = store.find_person("Vertrokken Persoon")
    store.db.execute("update people set left_on = ? where id = ?", [_iso(-1), gone.id])
    return store


def _forget(store) -> None:
    """Drop what the store remembers of unchanged data (``store.due_recall``)."""
    store.__dict__.pop("_due_memo", None)


@pytest.mark.parametrize("kept", [64, 2, 1])
@pytest.mark.parametrize("within", [0, 1, 14])
def test_a_limited_due_list_is_the_head_of_the_full_one(busy, within, kept, monkeypatch):
    """Read by itself, and after ``due_count`` (from the heads it kept, or read again
    when a kept head runs out: ``kept`` 1 and 2)."""
    from gespreks_tui.store import due

    monkeypatch.setattr(due, "KEPT", kept)
    full = busy.due(TODAY, within)
    assert len(full) > 15 and not any(i.employee == "Vertrokken Persoon" for i in full)
    for limit in (1, 2, 5, 6, 7, 13, len(full), len(full) + 5):
        _forget(busy)
        assert busy.due(TODAY, within, limit=limit) == full[:limit], limit
        _forget(busy)
        assert busy.due_count(TODAY, within) == len(full)
        assert busy.due(TODAY, within, limit=limit) == full[:limit], limit


def test_a_limited_due_list_of_one_employee(busy):
    emile = busy.find_person("Émile Aalders")
    full = busy.due(TODAY, 14, employee_id=emile.id)
    assert {i.employee for i in full} == {"Émile Aalders"}
    _forget(busy)
    assert busy.due(TODAY, 14, employee_id=emile.id, limit=3) == full[:3]
    _forget(busy)
    assert busy.due_count(TODAY, 14, employee_id=emile.id) == len(full)
    gone = busy.find_person("Vertrokken Persoon")
    assert busy.due_count(TODAY, 14, employee_id=gone.id) == 0


def test_names_are_ordered_by_case_folding_within_a_date(busy):
    full = busy.due(TODAY, 14)
    for day in {i.date for i in full}:
        names = [i.employee for i in full if i.date == day and i.kind == "agreement"]
        assert names == sorted(names, key=str.casefold)


# -- the appraisal procedure's terms (SQL) against its rules (Python) -----------------


def _appraisal(store, name: str) -> int:
    person = store.find_person(name) or store.add_person(name)
    return store.create_conversation(person.id, builtin_agenda(Kind.BEOORDELING), 60).id


@pytest.fixture
def procedures(store, clock):
    """Beoordelingen in every state of the procedure, a day apart."""
    from gespreks_tui.minutes import publish

    made = {}
    for state in ("concept", "besproken", "voorlopig", "bezwaar", "definitief", "nieuwer"):
        cid = _appraisal(store, f"Medewerker {state}")
        if state != "concept":
            store.conclude(cid, None)
        if state in ("voorlopig", "bezwaar", "definitief", "nieuwer"):
            publish(store, cid)
            store.hand_over(cid, "email", 21)
        if state == "bezwaar":
            clock.advance(3 * 24 * 3600)
            store.record_objection(cid, "Niet mee eens.")
        if state == "definitief":
            store.record_final(cid)
        if state == "nieuwer":  # a newer revision, not handed over: besproken again
            store.save_note(cid, 0, "shared", "Aanvulling na het gesprek.")
            publish(store, cid)
        made[state] = cid
        clock.advance(24 * 3600)
    return made


def test_the_procedure_terms_in_due_are_those_of_its_rules(store, clock, procedures):
    """``_RUNNING`` works out in SQL what ``Procedure.running_terms`` says in Python."""
    today = clock.today()
    expected = []
    for cid in procedures.values():
        procedure = store.appraisal_procedure(cid)
        expected += [(cid, what, when.isoformat()) for what, when in procedure.running_terms()]
    kinds = {"provisional", "objection", "final"}
    for within in (0, 14, 60):
        _forget(store)
        found = [(i.conversation_id, str(i.kind), i.date) for i in store.due(today, within)
                 if i.kind in kinds]
        limit = (today + timedelta(days=within)).isoformat()
        assert sorted(found) == sorted(e for e in expected if e[2] <= limit)
    assert {str(i.kind) for i in store.due(today, 60)} == kinds  # every kind was there
    _forget(store)
    assert store.due_count(today, 60) == len(store.due(today, 60))
    head = store.due(today, 60, limit=2)  # from the heads due_count kept
    _forget(store)
    assert head == store.due(today, 60, limit=2)


def test_the_procedure_terms_follow_the_configured_days(store, clock, procedures, tmp_path):
    from gespreks_tui import config

    before = {i.conversation_id: i.date for i in store.due(clock.today(), 60)
              if i.kind == "provisional"}
    path = tmp_path / "config.toml"
    path.write_text("[kinds.beoordeling]\nprovisional_days = 3\n", encoding="utf-8")
    store.procedure_config = config.load(path)
    after = {i.conversation_id: i.date for i in store.due(clock.today(), 60)
             if i.kind == "provisional"}
    assert before.keys() == after.keys() and before
    for cid, day in before.items():
        assert date.fromisoformat(day) - date.fromisoformat(after[cid]) == timedelta(days=11)


def test_an_unchanged_answer_is_given_again_and_a_change_is_seen(busy, db_path):
    """The start screen asks twice; a write by the store or by another process counts."""
    import sqlite3

    first = busy.due(TODAY, 14, limit=6)
    count = busy.due_count(TODAY, 14)
    sent: list[str] = []
    busy.db.conn.set_trace_callback(sent.append)
    assert busy.due(TODAY, 14, limit=3) == first[:3] and busy.due_count(TODAY, 14) == count
    assert not [s for s in sent if s.lstrip().lower().startswith(("select", "with"))]
    busy.db.conn.set_trace_callback(None)
    person = busy.add_person("Nieuwe Collega")  # this store writes
    c = busy.create_conversation(person.id, builtin_agenda(Kind.VOORTGANG), 30)
    busy.add_agreement(c.id, "Eerste afspraak", "employee", _iso(-30))
    assert busy.due(TODAY, 14, limit=6)[0].employee == "Nieuwe Collega"
    assert busy.due_count(TODAY, 14) == count + 1
    other = sqlite3.connect(db_path)  # another process writes
    with other:
        other.execute("update agreements set status = 'done' where text = 'Eerste afspraak'")
    other.close()
    assert busy.due(TODAY, 14, limit=6) == first
    assert busy.due_count(TODAY, 14) == count
