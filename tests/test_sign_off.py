"""Sign-off as Dutch organisations do it (issue 13): verdicts, reactions, hand-over with a
reaction term, correction requests and their answers, reopen reasons, who entered what;
one verdict on a file for verify and confirm; bad input; migration 5.

Golden files: ``UPDATE_GOLDEN=1 pytest tests/test_sign_off.py`` and read the diff.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from cli_helpers import invoke, one_line_failure
from gespreks_tui.clock import FakeClock
from gespreks_tui.db import StoreError
from gespreks_tui.errors import MinutesError, UserError
from gespreks_tui.minutes import (
    confirm_text,
    export_text,
    publish,
    render_minutes,
    verify_text,
)
from gespreks_tui.model import DueKind, Party, SignOff, Status, Verdict, Visibility
from gespreks_tui.store import Store
from schema_history import undo_after

GOLDEN = Path(__file__).parent / "golden"
PROGRESS = 2
DAY = 24 * 3600
MANAGER_BOX = "Vastgesteld (opgesteld door de leidinggevende)"


@pytest.fixture
def demo(demo_db: Path, clock: FakeClock):
    opened = Store.open(demo_db, clock=clock)
    yield opened
    opened.close()


def tick(markdown: str, label: str, reaction: str = "") -> str:
    ticked = markdown.replace(f"- [ ] {label}\n", f"- [x] {label}\n", 1)
    return ticked + (reaction + "\n" if reaction else "")


def state(store: Store) -> SignOff:
    record = store.conversation_record(PROGRESS)
    return record.sign_off(record.today)


# --- the verdicts and who entered them -------------------------------------------------------

def test_three_employee_verdicts_and_the_manager_as_author(demo):
    publish(demo, PROGRESS)
    with pytest.raises(MinutesError, match="confirm.wrong_verdict"):
        demo.confirm(PROGRESS, 1, Party.MANAGER, "Sanne de Vries", Verdict.GEZIEN)
    with pytest.raises(MinutesError, match="confirm.wrong_verdict"):
        demo.confirm(PROGRESS, 1, Party.EMPLOYEE, "Joris Bakker", Verdict.VASTGESTELD)
    demo.confirm(PROGRESS, 1, Party.EMPLOYEE, "Joris Bakker", Verdict.CORRECTIE,
                 "Dit klopt niet:\n\n- punt 1\n- *punt* 2")
    demo.confirm(PROGRESS, 1, Party.MANAGER, "Sanne de Vries", Verdict.VASTGESTELD)
    shown = render_minutes(demo, PROGRESS).markdown
    assert "- [x] Correctie gevraagd" in shown and f"- [x] {MANAGER_BOX}" in shown
    assert "bevestigd op het scherm van de leidinggevende" in shown
    assert "Correctie gevraagd: de leidinggevende heeft nog niet geantwoord." in shown
    assert shown.endswith("Dit klopt niet:\n\n- punt 1\n- *punt* 2\n")  # Markdown, not \-
    [employee, manager] = demo.confirmations(PROGRESS, 1)
    assert (employee.via, employee.entered_by, manager.verdict) == (
        "screen", Party.MANAGER, Verdict.VASTGESTELD)
    assert state(demo) == SignOff.CORRECTION_REQUESTED


def test_a_returned_file_keeps_its_own_sha256_and_says_so(demo_db: Path, tmp_path: Path):
    out = tmp_path / "v.md"
    assert invoke("export", PROGRESS, "-o", out, "--db", demo_db).exit_code == 0
    out.write_text(tick(out.read_text("utf-8"), "Akkoord", "Prima."), "utf-8")
    assert invoke("confirm", out, "--db", demo_db).exit_code == 0
    import hashlib

    store = Store.open(demo_db, clock=FakeClock())
    try:
        [k] = store.confirmations(PROGRESS)
        assert k.file_sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
        shown = render_minutes(store, PROGRESS).markdown
    finally:
        store.close()
    assert f"met het teruggestuurde verslag (bestand sha256 {k.file_sha256[:12]}…)" in shown


# --- a correction request: kept with a reason, or a corrected revision ----------------------------

def test_a_correction_request_is_visible_until_answered_and_kept_with_reason(demo_db, tmp_path):
    store = Store.open(demo_db, clock=FakeClock())
    try:
        publish(store, PROGRESS)
        store.confirm(PROGRESS, 1, Party.EMPLOYEE, "Joris Bakker", Verdict.CORRECTIE, "Fout.")
        with pytest.raises(StoreError, match="sign_off.no_reason"):
            store.keep_minutes(PROGRESS, "  ")
    finally:
        store.close()
    listed = invoke("list", "--db", demo_db)
    assert "correctie gevraagd" in " ".join(listed.stdout.split())  # may wrap (80 columns)
    assert "Ondertekening: correctie gevraagd" in invoke("show", PROGRESS, "--db", demo_db).stdout
    result = invoke("keep", PROGRESS, "--reason", "Zo is het besproken.", "--db", demo_db)
    assert result.exit_code == 0, result.output
    shown = invoke("show", PROGRESS, "--db", demo_db).stdout
    assert "verslag blijft zoals het is — Zo is het besproken." in shown
    assert "correctie gevraagd" not in invoke("list", "--db", demo_db).stdout
    assert "geen openstaand verzoek" in one_line_failure(
        invoke("keep", PROGRESS, "--reason", "x", "--db", demo_db), 1)


def test_a_corrected_revision_shows_the_reason_and_the_earlier_reaction(demo):
    publish(demo, PROGRESS)
    demo.confirm(PROGRESS, 1, Party.EMPLOYEE, "Joris Bakker", Verdict.CORRECTIE,
                 "De cursus was in mei.")
    demo.confirm(PROGRESS, 1, Party.MANAGER, "Sanne de Vries", Verdict.VASTGESTELD)
    assert demo.needs_reopen_reason(PROGRESS)
    reopened = demo.reopen_with_reason(PROGRESS, "De medewerker wees op een fout datum.")
    assert reopened.status == Status.RUNNING
    demo.save_note(PROGRESS, 0, Visibility.SHARED, "De cursus is in mei afgerond.")
    demo.conclude(PROGRESS, "2026-12-10")
    second = publish(demo, PROGRESS)
    assert second.revision == 2
    assert "gecorrigeerde revisie van revisie 1" in second.markdown
    assert "De medewerker wees op een fout datum." in second.markdown
    assert "Reactie van de medewerker op revisie 1 (correctie gevraagd):" in second.markdown
    old = render_minutes(demo, PROGRESS, revision=1).markdown
    assert "het verslag wordt gecorrigeerd in een nieuwe revisie" in old
    assert len(demo.confirmations(PROGRESS, 1)) == 2 and demo.confirmations(PROGRESS, 2) == []
    assert state(demo) == SignOff.NONE


# --- hand-over without a signature --------------------------------------------------------------

def test_hand_over_shows_the_term_and_then_no_reaction_as_a_fact(demo_db: Path):
    result = invoke("handover", PROGRESS, "--via", "email", "--term", "400", "--db", demo_db)
    assert result.exit_code == 2  # click: out of range
    clock = FakeClock()
    store = Store.open(demo_db, clock=clock)
    try:
        publish(store, PROGRESS)
        store.hand_over(PROGRESS, "email")  # the default term: 14 days
        shown = render_minutes(store, PROGRESS).markdown
        assert ("Uitgereikt op 2 november 2026, via e-mail; reactie mogelijk tot "
                "16 november 2026.") in shown
        assert "Geen reactie" not in shown and state(store) == SignOff.HANDED_OVER
        [due] = [i for i in store.due("2026-11-02", 14) if i.kind == DueKind.REACTION]
        assert (due.conversation_id, due.revision, due.date) == (PROGRESS, 1, "2026-11-16")
        with pytest.raises(StoreError, match="handover.already"):
            store.hand_over(PROGRESS, "paper")
        clock.advance(15 * DAY)  # past the term, no reaction
        shown = render_minutes(store, PROGRESS).markdown
        assert "Geen reactie ontvangen binnen de termijn." in shown
        assert "- [x]" not in shown  # a fact, never akkoord
        assert state(store) == SignOff.NO_REACTION
        assert [i for i in store.due("2026-11-17", 14) if i.kind == DueKind.REACTION] == []
    finally:
        store.close()
    assert "uitgereikt, geen reactie" in " ".join(invoke("list", "--db", demo_db).stdout.split())


def test_hand_over_on_the_command_line(demo_db: Path):
    result = invoke("handover", PROGRESS, "--via", "paper", "--term", "10", "--db", demo_db)
    assert result.exit_code == 0, result.output
    assert "via papier; reactie mogelijk tot" in result.stdout
    assert "reactietermijn verslag gesprek 2, revisie 1" in invoke(
        "due", "--within", "30d", "--db", demo_db).stdout
    assert "al uitgereikt" in one_line_failure(
        invoke("handover", PROGRESS, "--via", "paper", "--db", demo_db), 1)


# --- one verdict on a file ------------------------------------------------------------------------

def _other_database_copy(tmp_path: Path, demo_db: Path) -> str:
    other = tmp_path / "other.db"
    shutil.copy(demo_db, other)
    store = Store.open(other, clock=FakeClock())
    try:
        store.db.execute("update notes set body = body || ' (anders)' where visibility = "
                         "'shared' and phase_id in (select id from phases where "
                         "conversation_id = ?)", [PROGRESS])
        return tick(publish(store, PROGRESS).markdown, "Akkoord")
    finally:
        store.close()


TAMPERED = {
    "revision number 1 -> 2 (revision 2 exists)": ("renumber", "confirm.number_changed"),
    "revision number 1 -> 3 (none)": ("renumber3", "confirm.number_changed"),
    "a fingerprint from another database": ("other", "confirm.other_database"),
    "NFD accents": ("nfd", None),
    "a superseded revision": ("old", "confirm.superseded"),
}


@pytest.mark.parametrize("name", list(TAMPERED))
def test_verify_and_confirm_agree(demo_db: Path, tmp_path: Path, name: str):
    how, refusal = TAMPERED[name]
    other = _other_database_copy(tmp_path, demo_db) if how == "other" else ""
    store = Store.open(demo_db, clock=FakeClock())
    try:
        first = tick(publish(store, PROGRESS).markdown, "Akkoord")
        if how in ("renumber", "old"):
            store.reopen(PROGRESS)
            store.save_note(PROGRESS, 0, Visibility.SHARED, "Nieuw.")
            store.conclude(PROGRESS, "2026-12-10")
            assert publish(store, PROGRESS).revision == 2
    finally:
        store.close()
    text = {"renumber": first.replace("`gespreks/2/1/", "`gespreks/2/2/"),
            "renumber3": first.replace("`gespreks/2/1/", "`gespreks/2/3/"),
            "other": other, "old": first,
            "nfd": unicodedata.normalize("NFD", first)}[how]
    if how == "nfd":
        assert text != first
    store = Store.open(demo_db, clock=FakeClock())
    try:
        verified = verify_text(store, text, "v.md")
    finally:
        store.close()
    copy = tmp_path / "copy.db"
    shutil.copy(demo_db, copy)
    store = Store.open(copy, clock=FakeClock())
    try:
        try:
            confirm_text(store, text, path="v.md")
            refused = None
        except UserError as error:
            refused = error
        recorded = store.confirmations(PROGRESS)
    finally:
        store.close()
    assert (verified.match is None) == (refused is not None) == (refusal is not None)
    if refusal is not None:
        assert refused is not None and refused.key == refusal
        assert verified.refusal is not None and verified.refusal.key == refusal
        assert [k for k in recorded if k.revision == 2 or how != "old"] == [] or how == "old"


def test_verify_of_a_superseded_revision_names_the_current_one(demo_db: Path, tmp_path: Path):
    out = tmp_path / "r1.md"
    invoke("export", PROGRESS, "-o", out, "--db", demo_db)
    out.write_text(tick(out.read_text("utf-8"), "Akkoord"), "utf-8")
    assert invoke("confirm", out, "--db", demo_db).exit_code == 0
    store = Store.open(demo_db, clock=FakeClock())
    try:
        store.reopen_with_reason(PROGRESS, "Aanvulling.")
        store.save_note(PROGRESS, 0, Visibility.SHARED, "Aangevuld.")
        store.conclude(PROGRESS, "2026-12-10")
        publish(store, PROGRESS)
    finally:
        store.close()
    line = one_line_failure(invoke("verify", out, "--db", demo_db), 1)
    assert "maar die is vervangen: de huidige revisie is 2" in line
    assert "Revisie 1: bevestigd door Joris Bakker" in line
    assert "Revisie 2: nog door niemand bevestigd" in line


def test_the_html_export_verifies_and_an_edited_page_does_not(demo_db: Path, tmp_path: Path):
    page = tmp_path / "v.html"
    assert invoke("export", PROGRESS, "--format", "html", "-o", page,
                  "--db", demo_db).exit_code == 0
    result = invoke("verify", page, "--db", demo_db)
    assert result.exit_code == 0, result.output
    assert "komt overeen met revisie 1 van gesprek 2" in result.stdout
    text = page.read_text("utf-8")
    page.write_text(text.replace("Joris", "Jorris", 3), "utf-8")
    assert "gewijzigd" in one_line_failure(invoke("verify", page, "--db", demo_db))


# --- bad input: one clear line, nothing recorded ----------------------------------------------

BAD = {
    "two employee boxes": (lambda m: tick(tick(m, "Akkoord"), "Correctie gevraagd"),
                           "meerdere vakjes"),
    "a box under the wrong party": (lambda m: tick(m, MANAGER_BOX), "niet bij de medewerker"),
    "a reaction in the confirmation block": (
        lambda m: tick(m, "Akkoord").replace("Naam: Joris Bakker",
                                             "Naam: Joris Bakker\n\nIk ben het oneens.", 1),
        "Schrijf een reactie onder het laatste kopje"),
    "a changed name line": (
        lambda m: tick(m, "Akkoord").replace("Naam: Joris Bakker", "Naam: J. Bakker", 1),
        "'Naam:' van de medewerker is gewijzigd"),
    "a reaction of 1 MB": (lambda m: tick(m, "Akkoord", "x" * 1_000_000), "groter dan"),
    "a reaction too long for the record": (lambda m: tick(m, "Akkoord", "woord " * 40_000),
                                           "te lang"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_returned_files_get_one_line_and_record_nothing(demo_db, tmp_path, name):
    edit, message = BAD[name]
    out = tmp_path / "v.md"
    assert invoke("export", PROGRESS, "-o", out, "--db", demo_db).exit_code == 0
    out.write_text(edit(out.read_text("utf-8")), "utf-8")
    assert message in one_line_failure(invoke("confirm", out, "--db", demo_db))
    with sqlite3.connect(demo_db) as conn:
        assert conn.execute("select count(*) from confirmations").fetchone() == (0,)


def test_a_utf16_file_with_a_byte_order_mark_is_read(demo_db: Path, tmp_path: Path):
    out = tmp_path / "v.md"
    invoke("export", PROGRESS, "-o", out, "--db", demo_db)
    out.write_bytes(tick(out.read_text("utf-8"), "Akkoord", "Goed.").encode("utf-16"))
    result = invoke("confirm", out, "--db", demo_db)
    assert result.exit_code == 0, result.output
    out.write_bytes(out.read_text("utf-16").encode("utf-16-le"))  # no byte order mark
    assert "UTF-8" in one_line_failure(invoke("verify", out, "--db", demo_db), 2)


# --- migration 5: a database written by the current version -------------------------------------

def test_migration_5_keeps_old_confirmations(tmp_path: Path):
    from gespreks_tui import migrations

    path = tmp_path / "old.db"
    store = Store.open(path, clock=FakeClock())
    try:
        from gespreks_tui.demo import load_demo

        load_demo(store)
        publish(store, PROGRESS)
    finally:
        store.close()
    with sqlite3.connect(path) as conn:  # back to what version 3 wrote
        conn.execute("pragma foreign_keys = off")
        undo_after(conn, 4)  # tests/schema_history.py: what later migrations added
        conn.executescript("""
            drop table correction_resolutions; drop table reopenings; drop table handovers;
            create table c3 (id integer primary key, revision_id integer not null references
              minutes_revisions(id) on delete cascade, party text not null check (party in
              ('employee', 'manager')), name text not null, verdict text not null check
              (verdict in ('akkoord', 'gezien')), comment text not null default '',
              confirmed_at text not null, via text not null check (via in ('screen', 'file')),
              unique (revision_id, party));
            drop table confirmations; alter table c3 rename to confirmations;
            insert into confirmations (revision_id, party, name, verdict, comment,
              confirmed_at, via) values (1, 'employee', 'Joris Bakker', 'gezien', 'Oneens.',
              '2026-11-02T10:00:00+00:00', 'file'),
              (1, 'manager', 'Sanne de Vries', 'akkoord', '', '2026-11-02T11:00:00+00:00',
              'screen');
            delete from migrations where version >= 5;
        """)
    assert migrations.LATEST >= 5
    store = Store.open(path, clock=FakeClock())
    try:
        employee, manager = store.confirmations(PROGRESS, 1)
        assert (employee.verdict, employee.comment, employee.via) == (
            Verdict.GEZIEN, "Oneens.", "file")
        assert (manager.verdict, manager.entered_by) == (Verdict.AKKOORD, Party.MANAGER)
        shown = render_minutes(store, PROGRESS, revision=1).markdown
        assert "- [x] Akkoord" in shown.split("### Leidinggevende")[1]  # as stored
    finally:
        store.close()


# --- golden files of the sign-off states ---------------------------------------------------------

def _scenario(store: Store, clock: FakeClock, which: str) -> str:
    publish(store, PROGRESS)
    if which == "handed_over_no_reaction":
        store.hand_over(PROGRESS, "email", 14)
        clock.advance(20 * DAY)
        return render_minutes(store, PROGRESS).markdown
    label = {"nl": "Correctie gevraagd", "en": "Correction requested"}[
        store.get_conversation(PROGRESS).language]
    text = tick(render_minutes(store, PROGRESS).markdown, label,
                "De planning klopt niet:\n\n- de cursus was in **mei**\n- *niet* in juni")
    confirm_text(store, text, file_sha256="0" * 64)
    clock.advance(DAY)
    store.confirm(PROGRESS, 1, Party.MANAGER, "Sanne de Vries", Verdict.VASTGESTELD)
    if which == "correction_kept":
        store.keep_minutes(PROGRESS, "Zo is het in het gesprek besproken.")
        return render_minutes(store, PROGRESS).markdown
    store.reopen_with_reason(PROGRESS, "De medewerker wees op de juiste maand.")
    store.save_note(PROGRESS, 0, Visibility.SHARED, "De cursus is in mei afgerond.")
    store.conclude(PROGRESS, "2026-12-10")
    publish(store, PROGRESS)
    return render_minutes(store, PROGRESS).markdown


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("which", ["handed_over_no_reaction", "correction_kept",
                                   "corrected_revision"])
def test_golden_sign_off(demo_db: Path, which: str, lang: str):
    clock = FakeClock()
    store = Store.open(demo_db, clock=clock)
    try:
        if lang == "en":
            store.db.execute("update conversations set language = 'en' where id = ?",
                             [PROGRESS])
        markdown = _scenario(store, clock, which)
        again = render_minutes(store, PROGRESS).markdown
    finally:
        store.close()
    assert markdown == again  # deterministic
    golden = GOLDEN / f"sign_off_{which}_{lang}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(markdown, encoding="utf-8", newline="\n")
    assert markdown == golden.read_text(encoding="utf-8")


def test_export_text_of_html_carries_the_hidden_minutes(demo):
    _, page = export_text(demo, PROGRESS, "html")
    assert '<pre id="gespreks-minutes" hidden>' in page
