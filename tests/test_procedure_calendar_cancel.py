"""Stale events in ``gespreks calendar``: what ended since an earlier file is sent again
as ``STATUS:CANCELLED`` with a higher ``SEQUENCE``; a changed event gets a higher
``SEQUENCE``; read back with the independent ``icalendar`` library and imported the
way a calendar program does (RFC 5546: newest SEQUENCE wins, a cancelled one goes)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from cli_helpers import invoke
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.minutes import publish
from gespreks_tui.settings import MANAGER_SETTING
from gespreks_tui.store import Store

STAMP = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _events(text: str) -> dict[str, icalendar.Event]:
    parsed = icalendar.Calendar.from_ical(text)
    assert [str(parsed["METHOD"])] == ["PUBLISH"]
    return {str(e["UID"]): e for e in parsed.walk("VEVENT")}


def _export(db: Path, day: str, *args: str) -> str:
    result = invoke("calendar", "-o", "-", "--db", db, *args, env={"GESPREKS_TODAY": day})
    assert result.exit_code == 0, result.output
    return result.stdout


def _import(calendar: dict[str, tuple[int, date, str]], text: str) -> None:
    """A calendar program importing a published file: by UID, the higher (or equal)
    SEQUENCE replaces what it has, a cancelled event included (shown as cancelled)."""
    for uid, event in _events(text).items():
        seq = int(event["SEQUENCE"])
        if uid in calendar and calendar[uid][0] > seq:
            continue  # an older file: ignored
        calendar[uid] = (seq, event["DTSTART"].dt, str(event["STATUS"]))


def _status(text: str) -> dict[str, tuple[str, int]]:
    return {uid.split("-")[0] + "-" + uid.split("-")[1]: (str(e["STATUS"]), int(e["SEQUENCE"]))
            for uid, e in _events(text).items()}


def _at(db: Path, when: datetime) -> Store:
    return Store.open(db, clock=FakeClock(when))


@pytest.fixture
def team(db_path: Path) -> Path:
    """Anna: a beoordeling concluded (provisional term running), an agreement due and a
    next evaluation. Bram: a voortgang handed over (reaction term running), an agreement."""
    store = _at(db_path, STAMP)
    try:
        store.set_setting(MANAGER_SETTING, "Sanne de Vries")
        anna, bram = store.add_person("Anna Jansen"), store.add_person("Bram de Boer")
        appraisal = store.create_conversation(anna.id, builtin_agenda("beoordeling"), 60)
        store.add_agreement(appraisal.id, "Cursus plannen", None, "2026-11-20")
        store.conclude(appraisal.id, "2027-05-01")
        progress = store.create_conversation(bram.id, builtin_agenda("voortgang"), 30)
        store.add_agreement(progress.id, "Rooster maken", None, "2026-12-01")
        store.conclude(progress.id, None)
        publish(store, progress.id)
        store.hand_over(progress.id, "email", 14)
    finally:
        store.close()
    return db_path


def test_ended_terms_are_cancelled_and_moved_ones_get_a_higher_sequence(team):
    first = _export(team, "2026-11-02")
    assert {k: s for k, (s, _) in _status(first).items()} == {
        "agreement-1": "CONFIRMED", "agreement-2": "CONFIRMED", "evaluation-employee": "CONFIRMED",
        "provisional-1": "CONFIRMED", "reaction-2": "CONFIRMED"}
    store = _at(team, STAMP + timedelta(days=3))
    try:
        publish(store, 1)
        store.hand_over(1, "email", 21)  # provisional: its term ends, objection/final run
        store.update_agreement(1, status="done")
        store.confirm(2, 1, "employee", "Bram de Boer", "akkoord")  # reaction given
    finally:
        store.close()
    second = _export(team, "2026-11-05")
    before, after = _events(first), _events(second)
    assert set(before) <= set(after)  # every earlier event is told what became of it
    status = _status(second)
    for ended in ("provisional-1", "agreement-1", "reaction-2"):
        assert status[ended][0] == "CANCELLED", ended
        assert status[ended][1] > _status(first)[ended][1]
    assert status["agreement-2"] == _status(first)["agreement-2"]  # unchanged: same SEQUENCE
    assert status["objection-1"][0] == status["final-1"][0] == "CONFIRMED"
    assert "afgelopen termijn" in invoke("calendar", "-o", team.parent / "x.ics", "--db", team,
                                         env={"GESPREKS_TODAY": "2026-11-05"}).stdout

    store = _at(team, STAMP + timedelta(days=6))
    try:
        store.record_objection(1, "Niet eens")  # the objection term ends, final moves
    finally:
        store.close()
    third = _export(team, "2026-11-08")
    assert _status(third)["objection-1"][0] == "CANCELLED"
    final_before, final_after = _events(second), _events(third)
    [uid] = [u for u in final_after if u.startswith("final-")]
    assert final_after[uid]["DTSTART"].dt == date(2026, 12, 6)  # 8 Nov + 28 days
    assert int(final_after[uid]["SEQUENCE"]) > int(final_before[uid]["SEQUENCE"])

    calendar: dict[str, tuple[int, date, str]] = {}
    for text in (first, second, second, third, third, first):  # twice each, an old one last
        _import(calendar, text)
    assert len(calendar) == 7  # every UID once
    assert sorted(uid.split("-")[0] for uid, (_, _, status) in calendar.items()
                  if status == "CONFIRMED") == ["agreement", "evaluation", "final"]
    assert calendar[uid][1] == date(2026, 12, 6)


def test_a_next_evaluation_moved_or_dropped_and_a_person_who_left(team):
    first = _export(team, "2026-11-02")
    anna_uid = next(u for u in _events(first) if u.startswith("evaluation-employee-1-"))
    store = _at(team, STAMP + timedelta(days=10))
    try:
        again = store.create_conversation(1, builtin_agenda("voortgang"), 30)
        store.conclude(again.id, "2027-02-01")  # the next evaluation moves
    finally:
        store.close()
    moved = _events(_export(team, "2026-11-12"))[anna_uid]
    assert str(moved["STATUS"]) == "CONFIRMED" and moved["DTSTART"].dt == date(2027, 2, 1)
    assert int(moved["SEQUENCE"]) > int(_events(first)[anna_uid]["SEQUENCE"])

    store = _at(team, STAMP + timedelta(days=12))
    try:
        store.mark_left(1, "2026-11-13")
    finally:
        store.close()
    gone = _export(team, "2026-11-14")
    anna = {u: e for u, e in _events(gone).items() if "Anna" in str(e["SUMMARY"])}
    assert anna and all(str(e["STATUS"]) == "CANCELLED" for e in anna.values())
    assert int(anna[anna_uid]["SEQUENCE"]) > int(moved["SEQUENCE"])
    bram = _events(_export(team, "2026-11-14", "--employee", "Bram de Boer"))
    assert bram and all("Bram" in str(e["SUMMARY"]) for e in bram.values())


def test_a_term_that_passed_stays_and_old_endings_are_no_longer_sent(team):
    passed = _export(team, "2026-11-17")  # Bram's reaction term ended on 16 Nov
    assert not [u for u in _events(passed) if u.startswith("reaction-")]
    store = _at(team, STAMP)
    try:
        store.update_agreement(2, status="dropped")
    finally:
        store.close()
    assert _status(_export(team, "2027-11-02"))["agreement-2"][0] == "CANCELLED"
    later = _export(team, "2027-11-04")  # more than a year after it ended
    assert "agreement-2" not in _status(later)


def test_a_newer_invitation_for_the_same_day_has_a_higher_sequence():
    from gespreks_tui.calendar_events import invitation
    from gespreks_tui.ics import calendar

    start = datetime(2026, 11, 20, 13, 30, tzinfo=UTC)
    first, moved = (invitation("Anna Jansen", 1, "beoordeling", begin, 60, "tok", written=at)
                    for begin, at in ((start, STAMP), (start + timedelta(hours=1),
                                                       STAMP + timedelta(minutes=5))))
    [a], [b] = (list(_events(calendar([e], STAMP)).values()) for e in (first, moved))
    assert a["UID"] == b["UID"] and str(b["STATUS"]) == "CONFIRMED"
    assert int(b["SEQUENCE"]) == int(a["SEQUENCE"]) + 300
