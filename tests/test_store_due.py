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


@pytest.mark.parametrize("within", [0, 1, 14])
def test_a_limited_due_list_is_the_head_of_the_full_one(busy, within):
    full = busy.due(TODAY, within)
    assert len(full) > 15 and not any(i.employee == "Vertrokken Persoon" for i in full)
    for limit in (1, 2, 5, 6, 7, 13, len(full), len(full) + 5):
        assert busy.due(TODAY, within, limit=limit) == full[:limit], limit
    assert busy.due_count(TODAY, within) == len(full)


def test_a_limited_due_list_of_one_employee(busy):
    emile = busy.find_person("Émile Aalders")
    full = busy.due(TODAY, 14, employee_id=emile.id)
    assert {i.employee for i in full} == {"Émile Aalders"}
    assert busy.due(TODAY, 14, employee_id=emile.id, limit=3) == full[:3]
    assert busy.due_count(TODAY, 14, employee_id=emile.id) == len(full)
    gone = busy.find_person("Vertrokken Persoon")
    assert busy.due_count(TODAY, 14, employee_id=gone.id) == 0


def test_names_are_ordered_by_case_folding_within_a_date(busy):
    full = busy.due(TODAY, 14)
    for day in {i.date for i in full}:
        names = [i.employee for i in full if i.date == day and i.kind == "agreement"]
        assert names == sorted(names, key=str.casefold)
