"""One clock and readable dates: ``display_time`` and the conversation's zone (issue 13)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from gespreks_tui import display_time
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.display_time import (
    DEFAULT_ZONE,
    clock_text,
    day_text,
    machine_zone,
    moment_day,
    moment_text,
)
from gespreks_tui.minutes import render_minutes
from gespreks_tui.model import Kind
from gespreks_tui.store import Store
from schema_history import undo_after


def test_dates_read_as_dates_in_either_language():
    day = date(2026, 9, 30)
    assert day_text(day, "nl") == "30 september 2026"
    assert day_text(day, "en") == "30 September 2026"
    assert day_text(day, "nl", short=True) == "30 sep 2026"
    assert day_text(date(2027, 3, 1), "nl", short=True) == "1 mrt 2027"
    assert day_text(date(2027, 5, 1), "en", short=True) == "1 May 2027"


def test_moments_follow_the_zone_and_its_summer_time():
    summer, winter = "2026-06-10T08:00:00+00:00", "2026-12-10T08:00:00+00:00"
    assert clock_text(summer, DEFAULT_ZONE) == "10:00"
    assert clock_text(winter, DEFAULT_ZONE) == "09:00"
    assert clock_text(summer, "America/New_York") == "04:00"
    assert clock_text("2026-06-10T08:00:00", "UTC") == "08:00"  # no offset: UTC
    assert moment_text("2026-06-10T23:30:00+00:00", DEFAULT_ZONE, "nl") == "11 juni 2026 01:30"
    assert moment_day("2026-06-10T23:30:00+00:00", "UTC", "en", short=True) == "10 Jun 2026"
    assert clock_text(datetime(2026, 6, 10, 8, 0, 9, tzinfo=UTC), DEFAULT_ZONE,
                      seconds=True) == "10:00:09"


@pytest.mark.parametrize("name", [None, "", "Nowhere/Else", "../../etc/passwd", "/etc/localtime"])
def test_an_unknown_zone_reads_as_dutch_time(name):
    assert clock_text("2026-06-10T08:00:00+00:00", name) == "10:00"


def test_the_machine_zone(tmp_path: Path):
    etc = tmp_path / "etc"
    etc.mkdir()
    assert machine_zone({}, etc) == DEFAULT_ZONE
    (etc / "localtime").symlink_to("/usr/share/zoneinfo/Asia/Tokyo")
    assert machine_zone({}, etc) == "Asia/Tokyo"
    (etc / "timezone").write_text("America/Chicago\n", encoding="utf-8")
    assert machine_zone({}, etc) == "America/Chicago"
    assert machine_zone({"TZ": ":Europe/London"}, etc) == "Europe/London"
    assert machine_zone({"TZ": "/usr/share/zoneinfo/Europe/Paris"}, etc) == "Europe/Paris"
    assert machine_zone({"TZ": "CET-1CEST"}, etc) == "America/Chicago"  # a rule, not a name
    environ = {"TZ": "Europe/London", "GESPREKS_TZ": "Europe/Brussels"}
    assert machine_zone(environ, etc) == "Europe/Brussels"
    assert machine_zone({"GESPREKS_TZ": "Nergens"}, etc) == "America/Chicago"


def test_a_new_conversation_records_the_zone(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("GESPREKS_TZ", "America/New_York")
    clock = FakeClock(datetime(2026, 6, 10, 8, 0, tzinfo=UTC))
    store = Store.open(tmp_path / "g.db", clock=clock)
    try:
        person = store.add_person("Joris Bakker")
        c = store.create_conversation(person.id, builtin_agenda(Kind.VOORTGANG), 30)
        assert c.time_zone == "America/New_York"
        store.conclude(c.id, "2026-09-30")
        monkeypatch.setenv("GESPREKS_TZ", "Asia/Tokyo")  # another machine: the same minutes
        markdown = render_minutes(store, c.id).markdown
        assert "- Datum: 10 juni 2026, begin 04:00 uur" in markdown
        assert "10 juni 2026" in markdown and "2026-09-30" not in markdown
        assert "30 september 2026" in markdown
        assert store.list_conversations()[0].time_zone == "America/New_York"
    finally:
        store.close()


def test_migration_6_gives_existing_conversations_dutch_time(tmp_path: Path):
    path = tmp_path / "old.db"
    store = Store.open(path, clock=FakeClock())
    try:
        person = store.add_person("Joris Bakker")
        store.create_conversation(person.id, builtin_agenda(Kind.VOORTGANG), 30)
    finally:
        store.close()
    with sqlite3.connect(path) as conn:  # back to what version 5 wrote
        undo_after(conn, 5)  # tests/schema_history.py: what later migrations added
        conn.execute("alter table conversations drop column time_zone")
        conn.execute("delete from migrations where version >= 6")
    conn.close()
    store = Store.open(path, clock=FakeClock())
    try:
        assert store.get_conversation(1).time_zone == DEFAULT_ZONE
        row = store.db.execute("select time_zone from conversations").fetchone()
        assert row[0] == DEFAULT_ZONE
    finally:
        store.close()


def test_zone_rules_come_from_one_place():
    # The minutes of one record are the same bytes on every machine: one reader of zones.
    assert display_time.zone(DEFAULT_ZONE) is display_time.zone(DEFAULT_ZONE)
