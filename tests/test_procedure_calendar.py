"""The .ics files (RFC 5545) of ``gespreks calendar`` and ``gespreks invite``, read back
with the independent ``icalendar`` library: stable UIDs, all-day dates, escaping,
folding, CRLF, owner-only files."""

from __future__ import annotations

import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli_helpers import invoke, one_line_failure
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.ics import Event, calendar, escape, fold
from gespreks_tui.minutes import publish
from gespreks_tui.settings import MANAGER_SETTING
from gespreks_tui.store import Store

HOSTILE = 'Joris "Jo", Bakker; \\ van\nDijk\r\t\x1b[31m'  # for the writer itself
NAME = 'Joris "Jo", Bakker; \\ van Dijk'  # a name the store takes: , ; \\ "
STAMP = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _events(text: str) -> dict[str, icalendar.Event]:
    parsed = icalendar.Calendar.from_ical(text)
    return {str(e["UID"]): e for e in parsed.walk("VEVENT")}


def _running(text: str) -> dict[str, icalendar.Event]:
    """The events that are not cancelled (see test_procedure_calendar_cancel.py)."""
    return {uid: e for uid, e in _events(text).items() if str(e["STATUS"]) != "CANCELLED"}


@pytest.fixture
def team(db_path: Path) -> Path:
    """A beoordeling handed over (objection and final terms running), an agreement due,
    and a next evaluation: for an employee with a hostile name."""
    store = Store.open(db_path, clock=FakeClock(STAMP))
    try:
        store.set_setting(MANAGER_SETTING, "Sanne de Vries")
        person = store.add_person(NAME)
        appraisal = store.create_conversation(person.id, builtin_agenda("beoordeling"), 60)
        store.add_agreement(appraisal.id, "Cursus; plannen, met \\ teksten", None, "2026-11-20")
        store.conclude(appraisal.id, "2027-05-01")
        publish(store, appraisal.id)
        store.hand_over(appraisal.id, "email", 21)
    finally:
        store.close()
    return db_path


def test_the_calendar_has_every_term_as_an_all_day_event_with_stable_uids(team, tmp_path):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    env = {"GESPREKS_TODAY": "2026-11-02"}
    result = invoke("calendar", "-o", first, "--db", team, env=env)
    assert result.exit_code == 0, result.output
    assert "4 termijnen geschreven naar" in result.stdout
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert invoke("calendar", "-o", second, "--db", team, env=env).exit_code == 0
    events = _running(first.read_text(encoding="utf-8"))
    assert set(events) == set(_running(second.read_text(encoding="utf-8")))  # same UIDs
    days = sorted((e["DTSTART"].dt, e["DTEND"].dt, str(e["SUMMARY"])) for e in events.values())
    assert [(start, end - start) for start, end, _ in days] == [
        (date(2026, 11, 20), timedelta(days=1)), (date(2026, 11, 23), timedelta(days=1)),
        (date(2026, 12, 21), timedelta(days=1)), (date(2027, 5, 1), timedelta(days=1))]
    assert all(type(start) is date for start, _, _ in days)  # all day: VALUE=DATE
    summaries = [s for _, _, s in days]
    assert summaries[0].startswith(NAME + ": afspraak")
    assert "Cursus; plannen, met \\ teksten" in summaries[0]
    assert "bezwaartermijn" in summaries[1] and "definitief" in summaries[2]


def test_a_moved_date_keeps_its_uid(team, tmp_path):
    before = _running(invoke("calendar", "-o", "-", "--db", team,
                             env={"GESPREKS_TODAY": "2026-11-02"}).stdout)
    store = Store.open(team, clock=FakeClock(STAMP + timedelta(days=3)))
    try:
        store.record_objection(1, "Niet eens")  # the final decision moves: 5 Nov + 28
    finally:
        store.close()
    after = _running(invoke("calendar", "-o", "-", "--db", team,
                            env={"GESPREKS_TODAY": "2026-11-05"}).stdout)
    [final] = [uid for uid in after if uid.startswith("final-")]
    assert final in before and before[final]["DTSTART"].dt == date(2026, 12, 21)
    assert after[final]["DTSTART"].dt == date(2026, 12, 3)
    assert not [uid for uid in after if uid.startswith("objection-")]  # no longer running


def test_the_file_is_crlf_folded_at_75_octets_and_escaped():
    long_name = "Émile " + "Ünal-" * 30 + HOSTILE
    text = calendar([Event("x-1@test", long_name, date(2026, 11, 20),
                           description="a,b;c\\d\ne")], STAMP)
    raw = text.encode("utf-8")
    assert raw.count(b"\r\n") == raw.count(b"\n")  # every line ends in CRLF
    lines = raw.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # never a character split over two lines
    [event] = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(event["SUMMARY"]) == long_name.replace("\r", "\n").replace("\t", " ") \
        .replace("\x1b", "")
    assert str(event["DESCRIPTION"]) == "a,b;c\\d\ne"
    assert "DTSTAMP:20261102T090000Z" in text


@given(st.text(max_size=200))
def test_any_text_reads_back_as_written(text):
    """Whatever a name or note holds, the parser reads back our text (controls dropped)."""
    clean = escape(text)
    folded = fold("SUMMARY:" + clean)
    assert all(len(line.encode()) <= 75 for line in folded.split("\r\n"))
    doc = calendar([Event("u@test", text, date(2026, 1, 1))], STAMP)
    [event] = icalendar.Calendar.from_ical(doc).walk("VEVENT")
    expected = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n") \
        .replace("\t", " ")
    expected = "".join(c for c in expected if c == "\n" or not (ord(c) < 32 or ord(c) == 127))
    assert str(event["SUMMARY"]) == expected


def test_an_invitation_for_a_planned_conversation(team, tmp_path):
    path = tmp_path / "uitnodiging.ics"
    result = invoke("invite", NAME, "--kind", "beoordeling", "--date", "2026-11-20",
                    "--time", "14:30", "--length", "90", "--location", "Kamer 3, 2e; verdieping",
                    "-o", path, "--db", team, env={"GESPREKS_TODAY": "2026-11-02"})
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # 18 days ahead: the 14 days of notice are met
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    [event] = _events(path.read_text(encoding="utf-8")).values()
    # 14:30 in Amsterdam (GESPREKS_TZ of the tests) is 13:30 UTC in November
    assert event["DTSTART"].dt == datetime(2026, 11, 20, 13, 30, tzinfo=UTC)
    assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(minutes=90)
    assert str(event["LOCATION"]) == "Kamer 3, 2e; verdieping"
    assert str(event["SUMMARY"]).startswith("Beoordelingsgesprek met Joris")
    again = invoke("invite", NAME, "--kind", "beoordeling", "--date", "2026-11-20",
                   "--time", "15:00", "-o", "-", "--db", team,
                   env={"GESPREKS_TODAY": "2026-11-02"})
    assert set(_events(again.stdout)) == {str(event["UID"])}  # same conversation, same UID


def test_short_notice_warns_but_writes_and_bad_input_is_one_line(team, tmp_path):
    path = tmp_path / "kort.ics"
    result = invoke("invite", NAME, "--kind", "voortgang", "--date", "2026-11-05",
                    "--time", "9:00", "-o", path, "--db", team,
                    env={"GESPREKS_TODAY": "2026-11-02"})
    assert result.exit_code == 0 and path.exists()
    assert "over 3 dagen" in result.stderr and "14 dagen" in result.stderr
    bad = invoke("invite", NAME, "--kind", "voortgang", "--date", "2026-11-05",
                 "--time", "25:00", "-o", tmp_path / "x.ics", "--db", team)
    assert "25:00" in one_line_failure(bad, 1)
    nobody = invoke("invite", "Niemand", "--kind", "voortgang", "--date", "2026-11-05",
                    "--time", "9:00", "-o", tmp_path / "y.ics", "--db", team)
    assert "Niemand" in one_line_failure(nobody, 1)
    assert not (tmp_path / "x.ics").exists() and not (tmp_path / "y.ics").exists()
