"""Retention: ``person left``, ``retention``, ``purge`` with an injected today.

``GESPREKS_TODAY`` (also used by ``due``) stands in for the local date.
Demo: Joris Bakker's last conversation ended on 2026-06-10.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from cli_helpers import invoke as run_cli
from cli_helpers import person_names as people
from cli_helpers import row_counts
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.model import AgreementStatus, Kind
from gespreks_tui.privacy.retention import RetentionPolicy, keep_until, parse_years
from gespreks_tui.store import Store


def invoke(*args, today: str | None = None, input: str | None = None):
    env = {"GESPREKS_TODAY": today} if today else None
    return run_cli(*args, env=env, input=input)


def stderr_line(result) -> str:
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def file_bytes(db: Path) -> bytes:
    wal = db.with_name(db.name + "-wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


# --- the policy ------------------------------------------------------------------------

def test_keep_until_and_parse_years():
    assert keep_until("2026-06-10T12:48:00+00:00", 2) == date(2028, 6, 10)
    assert keep_until(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert parse_years("0") == 0 and parse_years(" 7 ") == 7
    assert parse_years("off", allow_off=True) is None
    assert parse_years("uit", allow_off=True) is None
    for bad in ("-1", "101", "twee", "1.5", "off"):
        with pytest.raises(ValueError):
            parse_years(bad)
    with pytest.raises(ValueError):
        parse_years("0", allow_off=True)  # a maximum age of zero would remove everything


def test_policy_defaults_and_unreadable_settings_fall_back_to_them(store: Store):
    assert store.retention_policy() == RetentionPolicy(2, None)
    store.set_setting("retention.left_years", "twee")
    store.set_setting("retention.max_age_years", "-3")
    assert store.retention_policy() == RetentionPolicy(2, None)
    assert store.set_retention_policy(RetentionPolicy(3, 7)) == RetentionPolicy(3, 7)
    assert store.get_setting("retention.max_age_years") == "7"


def test_retention_command_shows_and_sets(tmp_path: Path):
    db = tmp_path / "r.db"
    Store.open(db).close()  # a command that only reads or sets never makes one (issue 14)
    result = invoke("retention", "--db", db)
    assert result.exit_code == 0
    assert "gewist 2 jaar na het laatste gesprek" in result.output
    assert "maximale leeftijd van een gesprek: uit" in result.output

    result = invoke("retention", "--left-years", "3", "--max-age-years", "7", "--db", db,
                    "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert result.output.splitlines()[0] == "Retention period saved."
    assert "erased 3 year(s) after" in result.output and "7 year(s)" in result.output

    result = invoke("retention", "--max-age-years", "off", "--db", db, "--lang", "nl")
    assert "maximale leeftijd van een gesprek: uit" in result.output
    assert "gewist 3 jaar" in result.output

    assert "geen geldige maximale leeftijd" in stderr_line(
        invoke("retention", "--max-age-years", "0", "--db", db))
    assert "geen geldig aantal jaren" in stderr_line(
        invoke("retention", "--left-years", "twee", "--db", db))


# --- person left -----------------------------------------------------------------------

def test_person_left_with_a_date_and_cleared_again(demo_db: Path):
    result = invoke("person", "left", "Joris Bakker", "--on", "1 juli 2026", "--db", demo_db)
    assert result.exit_code == 0, result.stderr
    assert result.output.strip() == (
        "Joris Bakker is gemarkeerd als uit dienst per 2026-07-01. Bij de huidige "
        "bewaartermijn worden de gegevens op of na 2028-07-01 gewist door 'gespreks purge'.")

    result = invoke("person", "left", "Pieter Jansen", "--db", demo_db, today="2027-03-05")
    assert "per 2027-03-05" in result.output and "2029-03-05" in result.output

    result = invoke("person", "left", "Pieter Jansen", "--clear", "--db", demo_db)
    assert result.output.strip() == "Pieter Jansen is niet meer gemarkeerd als uit dienst."
    store = Store.open(demo_db, clock=FakeClock())
    try:
        assert store.find_person("Pieter Jansen").left_on is None
        assert store.find_person("Joris Bakker").left_on == "2026-07-01"
    finally:
        store.close()

    assert "geen geldige datum" in stderr_line(
        invoke("person", "left", "Joris Bakker", "--on", "gisteren", "--db", demo_db))
    assert "--clear" in stderr_line(
        invoke("person", "left", "Joris Bakker", "--on", "2026-07-01", "--clear",
               "--db", demo_db))


# --- purge -----------------------------------------------------------------------------

def test_purge_with_an_injected_today(demo_db: Path):
    assert invoke("person", "left", "Joris Bakker", "--on", "2026-07-01",
                  "--db", demo_db).exit_code == 0
    before = row_counts(demo_db)

    # The day before the period ends: nothing.
    result = invoke("purge", "--dry-run", "--db", demo_db, today="2028-06-30")
    assert result.exit_code == 0, result.stderr
    assert result.output.splitlines()[0] == "Niets is voorbij de bewaartermijn op 2028-06-30."

    # Dry run on the day: listed and counted, nothing removed.
    result = invoke("purge", "--dry-run", "--db", demo_db, today="2028-07-01")
    assert result.exit_code == 0, result.stderr
    assert "Joris Bakker: uit dienst sinds 2026-07-01, laatste gesprek 2026-06-10, " \
           "bewaren tot 2028-07-01" in result.output
    assert "gesprekken: 2" in result.output
    assert "Proefdraai: er is niets verwijderd." in result.output
    assert row_counts(demo_db) == before

    # A wrong confirmation removes nothing.
    result = invoke("purge", "--db", demo_db, today="2028-07-01", input="ja\n")
    assert result.exit_code == 1
    assert "Niets verwijderd" in stderr_line(result)
    assert row_counts(demo_db) == before

    # The real run: removed, then VACUUM (no free pages, name gone from the bytes).
    result = invoke("purge", "--db", demo_db, today="2028-07-01", input="verwijderen\n")
    assert result.exit_code == 0, result.stderr
    assert result.output.splitlines()[-1] == (
        "Opgeschoond: 1 persoon/personen gewist, 2 gesprek(ken) verwijderd, 37 rijen in "
        "totaal; database opgeschoond (VACUUM, WAL geleegd).")
    assert people(demo_db) == ["Aylin Yılmaz", "Pieter Jansen", "Sanne de Vries"]
    assert row_counts(demo_db)["conversations"] == 0
    assert b"Joris" not in file_bytes(demo_db) and b"thuissituatie" not in file_bytes(demo_db)
    conn = sqlite3.connect(demo_db)
    try:
        assert conn.execute("pragma freelist_count").fetchone()[0] == 0
    finally:
        conn.close()

    # Nothing left to do.
    result = invoke("purge", "--yes", "--db", demo_db, today="2028-07-01")
    assert result.output.strip() == "Niets is voorbij de bewaartermijn op 2028-07-01."


def test_a_later_leaving_date_counts_and_a_future_one_keeps(demo_db: Path):
    store = Store.open(demo_db, clock=FakeClock())
    try:
        joris = store.find_person("Joris Bakker")
        store.mark_left(joris.id, "2027-01-31")  # left well after the last conversation
        assert store.purge("2029-01-30", dry_run=True).empty
        plan = store.purge("2029-01-31", dry_run=True)
        assert [p.person.name for p in plan.people] == ["Joris Bakker"]
        assert plan.people[0].until == date(2029, 1, 31)

        store.mark_left(joris.id, "2031-01-01")  # leaving is announced, not yet happened
        assert store.purge("2030-01-01", dry_run=True).empty
        aylin = store.find_person("Aylin Yılmaz")
        store.mark_left(aylin.id, "2020-05-01")  # never had a conversation
        plan = store.purge("2022-05-01", policy=RetentionPolicy(2, None), dry_run=True)
        assert [(p.person.name, p.last_conversation) for p in plan.people] == [
            ("Aylin Yılmaz", None)]
    finally:
        store.close()


def test_maximum_age_removes_old_conversations_but_keeps_open_agreements(
        db_path: Path, clock: FakeClock):
    store = Store.open(db_path, clock=clock)
    try:
        employee = store.add_person("Pieter Jansen")
        old = store.create_conversation(employee.id, builtin_agenda(Kind.VOORTGANG), 30)
        done = store.add_agreement(old.id, "Cursus volgen", "employee")
        store.update_agreement(done.id, status=AgreementStatus.DONE)
        store.conclude(old.id, None)
        still = store.create_conversation(employee.id, builtin_agenda(Kind.FUNCTIONERING), 30)
        store.add_agreement(still.id, "Mentor zoeken", "employee")  # stays open
        store.conclude(still.id, None)
        recent = store.create_conversation(employee.id, builtin_agenda(Kind.VOORTGANG), 30)
        store.conclude(recent.id, None)
        for conversation, moment in ((old, "2019-03-01T10:00:00+00:00"),
                                     (still, "2019-04-01T10:00:00+00:00"),
                                     (recent, "2025-01-01T10:00:00+00:00")):
            store.db.execute("update conversations set created_at = ?, started_at = ?, "
                             "ended_at = ? where id = ?", [moment] * 3 + [conversation.id])
        store.set_retention_policy(RetentionPolicy(2, 5))
    finally:
        store.close()

    result = invoke("purge", "--dry-run", "--db", db_path, today="2024-03-01")
    assert "gesprek 1 (voortgangsgesprek, 2019-03-01, Pieter Jansen): ouder dan 5 jaar " \
           "(bewaren tot 2024-03-01); wordt verwijderd" in result.output
    assert "gesprek 2 (functioneringsgesprek, 2019-04-01, Pieter Jansen): ouder dan 5 jaar, " \
           "maar met 1 open afspraak/afspraken; blijft bewaard" not in result.output  # not yet
    result = invoke("purge", "--yes", "--db", db_path, today="2024-06-01")
    assert result.exit_code == 0, result.stderr
    assert "maar met 1 open afspraak/afspraken; blijft bewaard" in result.output
    assert "1 gesprek(ken) verwijderd" in result.output.splitlines()[-1]
    store = Store.open(db_path, clock=clock)
    try:
        assert sorted(s.id for s in store.list_conversations()) == [2, 3]
        assert store.find_person("Pieter Jansen") is not None  # still employed: stays
        assert b"Cursus volgen" not in file_bytes(db_path)
    finally:
        store.close()


def test_a_bad_injected_today_is_one_line(demo_db: Path):
    assert "GESPREKS_TODAY" in stderr_line(invoke("purge", "--db", demo_db, today="morgen"))


def test_an_interrupted_purge_removes_nothing(demo_db: Path, monkeypatch):
    from gespreks_tui.store import privacy as store_privacy

    store = Store.open(demo_db, clock=FakeClock())
    try:
        for name in ("Joris Bakker", "Aylin Yılmaz"):
            store.mark_left(store.find_person(name).id, "2020-01-01")
    finally:
        store.close()
    before = row_counts(demo_db)

    calls = []

    def second_person_fails(*args, **kwargs):
        # Calls 1-2: the dry run (plan). Call 4: the real run's second person, when
        # the first is already deleted inside the transaction.
        calls.append(args)
        if len(calls) == 4:
            raise RuntimeError("schijf vol")
        return ()

    monkeypatch.setattr(store_privacy, "_drop_settings", second_person_fails)
    result = invoke("purge", "--yes", "--db", demo_db, today="2030-01-01")
    assert result.exit_code != 0 and len(calls) == 4
    assert str(result.exception) == "schijf vol"
    assert row_counts(demo_db) == before
    assert people(demo_db) == ["Aylin Yılmaz", "Joris Bakker", "Pieter Jansen", "Sanne de Vries"]
