"""Issue 13: the minutes are a snapshot of the conversation as concluded, and an
agreement's outcome says what happened.

Confirmed minutes never change because of later events: a follow-up in the
next conversation or ``gespreks done`` leaves the earlier conversation's
export byte-identical and its status "bevestigd". A follow-up "niet gehaald"
never reads as "gedaan". The demo (see demo.py): conversation 1 (goals) and 2
(progress, Joris Bakker) are concluded; agreement 2 (the portal, made in 1) was
carried on in 2; agreement 4 ("Twee collega's inwerken") is open in 2.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from cli_helpers import invoke
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.agreement_state import state_word
from gespreks_tui.clock import FakeClock
from gespreks_tui.connection import Connection
from gespreks_tui.demo import load_demo
from gespreks_tui.migrations import MIGRATIONS, migrate
from gespreks_tui.minutes import publish, render_minutes
from gespreks_tui.model import (
    VERDICTS_OF,
    Agreement,
    AgreementStatus,
    Kind,
    Outcome,
    Party,
    Status,
    Verdict,
    Visibility,
)
from gespreks_tui.store import Store

PROGRESS = 2
PORTAL = 2  # made in conversation 1, carried on in conversation 2
COLLEAGUES = 4  # made in conversation 2, open
MANAGER_VERDICT = VERDICTS_OF[Party.MANAGER][0]


def confirm_both(store: Store, conversation: int = PROGRESS) -> None:
    revision = publish(store, conversation).revision
    store.confirm(conversation, revision, Party.EMPLOYEE, "Joris Bakker", Verdict.AKKOORD)
    store.confirm(conversation, revision, Party.MANAGER, "Sanne de Vries", MANAGER_VERDICT)
    assert store.get_conversation(conversation).status == Status.CONFIRMED


def next_conversation(store: Store) -> int:
    joris = store.get_conversation(PROGRESS).employee_id
    return store.create_conversation(joris, builtin_agenda(Kind.VOORTGANG), 45).id


@pytest.fixture
def demo(tmp_path: Path, clock: FakeClock):
    store = Store.open(tmp_path / "demo.db", clock=clock)
    load_demo(store)
    yield store
    store.close()


# --- the store: later events leave the minutes as they were ----------------------------

@pytest.mark.parametrize("outcome", list(Outcome))
def test_later_events_leave_confirmed_minutes_byte_identical(demo, clock, outcome):
    confirm_both(demo)
    before = publish(demo, PROGRESS)
    clock.advance(3600)
    later = next_conversation(demo)
    demo.record_follow_up(COLLEAGUES, later, outcome, "zie gesprek 3")
    demo.record_follow_up(PORTAL, later, Outcome.NOT_ACHIEVED)
    clock.advance(3600)
    if outcome == Outcome.CARRIED_ON:  # still open: it can also be done in between
        demo.mark_done_between(COLLEAGUES, "toch gelukt")

    after = publish(demo, PROGRESS)
    assert after.markdown == before.markdown
    assert (after.revision, after.stored) == (1, True)
    assert [r.revision for r in demo.revisions(PROGRESS)] == [1]
    assert demo.get_conversation(PROGRESS).status == Status.CONFIRMED
    [row] = [r for r in demo.list_conversations() if r.id == PROGRESS]
    assert row.status == Status.CONFIRMED
    assert render_minutes(demo, PROGRESS).markdown == before.markdown  # history, access export
    assert "status: open" in before.markdown  # as concluded: open when it ended


def test_done_between_leaves_confirmed_minutes_byte_identical(demo, clock):
    confirm_both(demo)
    before = publish(demo, PROGRESS)
    clock.advance(60)
    demo.mark_done_between(COLLEAGUES, "Beide collega's ingewerkt")
    assert publish(demo, PROGRESS).markdown == before.markdown
    assert demo.get_conversation(PROGRESS).status == Status.CONFIRMED


def test_the_first_export_after_a_later_follow_up_shows_the_status_as_concluded(demo, clock):
    """Concluded, not exported yet, and already followed up: the minutes still say open."""
    later = next_conversation(demo)
    demo.record_follow_up(COLLEAGUES, later, Outcome.NOT_ACHIEVED)
    minutes = publish(demo, PROGRESS).markdown
    line = next(x for x in minutes.splitlines() if "Twee collega's inwerken" in x)
    assert line.endswith("status: open")
    # the later conversation's minutes carry the outcome, in its "Opvolging" section
    demo.conclude(later, "2027-06-15")
    assert "Twee collega's inwerken in het beheer van het portaal: niet gehaald" in \
        publish(demo, later).markdown


def test_a_reopen_renders_anew_without_what_came_later(demo, clock):
    confirm_both(demo)
    later = next_conversation(demo)
    demo.record_follow_up(COLLEAGUES, later, Outcome.PARTLY)
    clock.advance(60)
    demo.reopen(PROGRESS, correction=True)
    demo.save_note(PROGRESS, 1, Visibility.SHARED, "Joris wil technisch projectleider worden.")
    demo.conclude(PROGRESS, "2026-12-10")  # same second as nothing: the reopen is explicit
    minutes = publish(demo, PROGRESS)
    assert minutes.revision == 2 and "technisch projectleider worden" in minutes.markdown
    line = next(x for x in minutes.markdown.splitlines() if "Twee collega's inwerken" in x)
    assert line.endswith("status: open")
    assert publish(demo, PROGRESS).markdown == minutes.markdown


def test_reopen_and_conclude_within_the_same_second_still_renders_anew(demo):
    """A stopped clock: the reopen is recorded, not guessed from timestamps."""
    first = publish(demo, PROGRESS)
    demo.reopen(PROGRESS)
    demo.save_note(PROGRESS, 2, Visibility.SHARED, "Nog een afspraak besproken.")
    demo.conclude(PROGRESS, "2026-12-10")
    second = publish(demo, PROGRESS)
    assert (first.revision, second.revision) == (1, 2)
    assert "Nog een afspraak besproken." in second.markdown


# --- outcomes say what happened --------------------------------------------------------

@pytest.mark.parametrize(("outcome", "status", "nl", "en"), [
    (Outcome.ACHIEVED, AgreementStatus.DONE, "gehaald", "achieved"),
    (Outcome.PARTLY, AgreementStatus.DONE, "deels gehaald", "partly achieved"),
    (Outcome.NOT_ACHIEVED, AgreementStatus.DONE, "niet gehaald", "not achieved"),
    (Outcome.CARRIED_ON, AgreementStatus.OPEN, "loopt door", "carried on"),
])
def test_a_follow_up_stores_its_outcome_with_the_agreement(demo, outcome, status, nl, en):
    later = next_conversation(demo)
    demo.record_follow_up(COLLEAGUES, later, outcome)
    agreement = demo.get_agreement(COLLEAGUES)
    assert (agreement.status, agreement.outcome) == (status, outcome)
    assert (state_word(agreement, "nl"), state_word(agreement, "en")) == (nl, en)


def test_the_state_word_is_gedaan_only_when_done():
    made = Agreement(id=1, conversation_id=1, text="x")
    assert state_word(made, "nl") == "open"
    assert state_word(Agreement(1, 1, "x", status=AgreementStatus.DONE), "nl") == "gedaan"
    assert state_word(Agreement(1, 1, "x", status=AgreementStatus.DROPPED), "nl") == "vervallen"
    for outcome in (Outcome.PARTLY, Outcome.NOT_ACHIEVED, Outcome.CARRIED_ON):
        closed = Agreement(1, 1, "x", status=AgreementStatus.DONE, outcome=outcome)
        assert state_word(closed, "nl") not in ("gedaan", "gehaald")


def test_done_between_is_achieved_and_ticking_in_its_own_meeting_clears_the_outcome(demo):
    done = demo.mark_done_between(COLLEAGUES)
    assert (done.status, done.outcome) == (AgreementStatus.DONE, Outcome.ACHIEVED)
    talk = next(a for a in demo.agreements(PROGRESS) if a.status == AgreementStatus.DONE
                and a.id != COLLEAGUES)
    assert talk.outcome is None  # ticked done in its own meeting: "gedaan"
    assert state_word(talk, "nl") == "gedaan"
    reopened = demo.update_agreement(COLLEAGUES, status=AgreementStatus.OPEN)
    assert reopened.outcome is None


def test_the_trail_keeps_done_between_after_its_conversation_is_reopened(demo, clock):
    clock.advance(60)
    demo.mark_done_between(COLLEAGUES)
    clock.advance(60)
    demo.reopen(PROGRESS)
    demo.conclude(PROGRESS, "2026-12-10")  # ended after the agreement was done
    steps = demo.agreement_trail(COLLEAGUES)
    assert [s.kind for s in steps][-1] == "done_between"


def test_show_and_json_say_niet_gehaald_not_gedaan(demo_db: Path):
    store = Store.open(demo_db, clock=FakeClock())
    try:
        later = next_conversation(store)
        store.record_follow_up(COLLEAGUES, later, Outcome.NOT_ACHIEVED, "geen tijd")
    finally:
        store.close()
    shown = invoke("show", str(PROGRESS), "--db", demo_db)
    assert shown.exit_code == 0, shown.output
    line = next(x for x in shown.stdout.splitlines() if "Twee collega's inwerken" in x)
    assert "niet gehaald" in line and "gedaan" not in line
    data = json.loads(invoke("show", str(PROGRESS), "--db", demo_db, "--json").stdout)
    outcomes = {a["id"]: a["outcome"] for a in data["agreements"]}
    assert outcomes[COLLEAGUES] == "not_achieved"
    assert all(a["outcome"] is None for a in data["agreements"] if a["id"] != COLLEAGUES)


# --- the command line and the demo data (the "Done when") -----------------------

def test_demo_confirm_then_done_and_a_follow_up_leave_the_export_identical(
        demo_db: Path, tmp_path: Path):
    store = Store.open(demo_db, clock=FakeClock())
    try:
        confirm_both(store)
    finally:
        store.close()
    first = tmp_path / "before.md"
    assert invoke("export", str(PROGRESS), "-o", first, "--db", demo_db).exit_code == 0
    assert "bevestigd" in _list_line(demo_db)

    assert invoke("done", str(COLLEAGUES), "--db", demo_db).exit_code == 0
    store = Store.open(demo_db, clock=FakeClock())
    try:
        later = next_conversation(store)
        store.record_follow_up(PORTAL, later, Outcome.PARTLY, "Live, 150 gebruikers")
    finally:
        store.close()

    second = tmp_path / "after.md"
    result = invoke("export", str(PROGRESS), "-o", second, "--db", demo_db)
    assert result.exit_code == 0, result.output
    assert second.read_bytes() == first.read_bytes()
    assert "bevestigd" in _list_line(demo_db)
    html = [tmp_path / f"{n}.html" for n in ("a", "b")]
    for path in html:
        assert invoke("export", str(PROGRESS), "-o", path, "--format", "html",
                      "--db", demo_db).exit_code == 0
    assert html[0].read_bytes() == html[1].read_bytes()


def _list_line(db: Path) -> str:
    listed = invoke("list", "--db", db)
    assert listed.exit_code == 0, listed.output
    return next(x for x in listed.stdout.splitlines() if x.strip().startswith(str(PROGRESS)))


# --- migration 4 of a database written by version 3 --------------------------------------

def _v3_database(path: Path) -> None:
    """A database as the app before migration 4 wrote it: migrations 1-3 only."""
    db = Connection(sqlite3.connect(path, isolation_level=None))
    db.conn.execute("pragma foreign_keys = on")
    try:
        import gespreks_tui.migrations as migrations

        saved = migrations.MIGRATIONS[:]
        migrations.MIGRATIONS[:] = [m for m in saved if m[0] <= 3]
        try:
            migrate(db, "2026-01-01T00:00:00+00:00")
        finally:
            migrations.MIGRATIONS[:] = saved
        run = db.conn.execute
        agenda = json.dumps(builtin_agenda(Kind.VOORTGANG).snapshot())
        run("insert into people (id, name, created_at) values (1, 'Joris', 'x'), "
            "(2, 'Sanne', 'x')")
        for cid, status, ended in ((1, "confirmed", "2026-01-14T10:00:00+00:00"),
                                   (2, "concluded", "2026-06-10T12:48:00+00:00"),
                                   (3, "concluded", "2026-07-01T10:00:00+00:00")):
            run("insert into conversations (id, kind, employee_id, manager_id, status, "
                "planned_seconds, created_at, started_at, ended_at, updated_at, "
                "agenda_snapshot) values (?, 'voortgang', 1, 2, ?, 2700, ?, ?, ?, ?, ?)",
                (cid, status, ended[:10] + "T09:00:00+00:00", ended[:10] + "T09:00:00+00:00",
                 ended, ended, agenda))
        rows = [  # id, conversation, status, done_at, done_note
            (1, 1, "done", "2026-06-10T12:30:00+00:00", ""),   # followed up: not achieved
            (2, 1, "open", None, ""),                          # carried on
            (3, 1, "done", "2026-01-14T09:30:00+00:00", ""),   # ticked in its own meeting
            (4, 2, "done", "2026-06-20T08:00:00+00:00", ""),   # done between (after it ended)
            (5, 2, "done", "2026-06-10T12:00:00+00:00", "met notitie"),  # done between
            (6, 2, "open", None, ""),                          # nothing yet
        ]
        for aid, cid, status, done_at, note in rows:
            run("insert into agreements (id, conversation_id, text, status, created_at, "
                "updated_at, done_at, done_note) values (?, ?, ?, ?, 'x', 'x', ?, ?)",
                (aid, cid, f"afspraak {aid}", status, done_at, note))
        run("insert into follow_ups (agreement_id, conversation_id, outcome, created_at) "
            "values (1, 2, 'not_achieved', 'x'), (2, 2, 'carried_on', 'x')")
        for cid, created in ((1, "2026-01-14T10:01:00+00:00"),   # after the conclusion
                             (3, "2026-06-30T10:00:00+00:00")):  # before a re-conclusion
            run("insert into minutes_revisions (conversation_id, revision, markdown, sha256, "
                "created_at) values (?, 1, '# x', 'abc', ?)", (cid, created))
    finally:
        db.conn.close()


def test_migration_4_reads_a_version_3_database_correctly(tmp_path: Path):
    path = tmp_path / "v3.db"
    _v3_database(path)
    assert MIGRATIONS[3][:2] == (4, "agreement outcomes")
    store = Store.open(path, clock=FakeClock())
    try:
        outcomes = {a.id: (a.status, a.outcome) for cid in (1, 2)
                    for a in store.agreements(cid)}
        assert outcomes == {
            1: (AgreementStatus.DONE, Outcome.NOT_ACHIEVED),
            2: (AgreementStatus.OPEN, Outcome.CARRIED_ON),
            3: (AgreementStatus.DONE, None),
            4: (AgreementStatus.DONE, Outcome.ACHIEVED),
            5: (AgreementStatus.DONE, Outcome.ACHIEVED),
            6: (AgreementStatus.OPEN, None),
        }
        assert state_word(store.get_agreement(1), "nl") == "niet gehaald"
        assert state_word(store.get_agreement(3), "nl") == "gedaan"
        issued = {cid: store.get_conversation(cid).issued_revision for cid in (1, 2, 3)}
        assert issued == {1: 1, 2: None, 3: None}
    finally:
        store.close()
