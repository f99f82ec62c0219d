"""``gespreks person erase``: the person is gone from the file's bytes (AVG art. 17).

The database file and its -wal file are read as bytes: a name that was merely
unlinked (a free page, an old WAL frame) would still be found there.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from cli_helpers import invoke, row_counts
from cli_helpers import person_names as names
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.cli import main
from gespreks_tui.clock import FakeClock
from gespreks_tui.markdown_escape import inline
from gespreks_tui.minutes import publish
from gespreks_tui.model import Kind, Visibility
from gespreks_tui.privacy.names import NameMatcher
from gespreks_tui.store import Store
from gespreks_tui.store import privacy as store_privacy

JORIS_TEXTS = ("Joris Bakker", "Joris", "Bakker", "thuissituatie", "Mogelijk kandidaat",
               "Klantportaal live")


def file_bytes(db: Path) -> bytes:
    """The database file and, when there is one, its -wal file."""
    data = db.read_bytes()
    wal = db.with_name(db.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def assert_absent(db: Path, *texts: str) -> None:
    data = file_bytes(db)
    folded = data.lower()
    for text in texts:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert text.encode(encoding) not in data, (text, encoding)
        assert text.lower().encode("utf-8") not in folded, text


def assert_present(db: Path, *texts: str) -> None:
    data = file_bytes(db)
    for text in texts:
        assert text.encode("utf-8") in data, text


def with_minutes(db: Path) -> None:
    """Issue and confirm the minutes of conversation 2, so the manager's name is stored
    in a revision's Markdown and in a confirmation; remember Sanne as the app's manager."""
    store = Store.open(db, clock=FakeClock())
    try:
        minutes = publish(store, 2)
        store.confirm(2, minutes.revision, "employee", "Joris Bakker", "akkoord",
                      "Goed gesprek met Sanne de Vries.")
        store.confirm(2, minutes.revision, "manager", "Sanne de Vries", "akkoord")
        store.set_setting("manager.name", "Sanne de Vries")
    finally:
        store.close()


# --- the employee ----------------------------------------------------------------------

def test_erasing_the_demo_employee_removes_them_from_the_files_bytes(demo_db: Path):
    with_minutes(demo_db)
    assert_present(demo_db, *JORIS_TEXTS)  # the check below can fail
    before = row_counts(demo_db)

    result = invoke("person", "erase", "Joris Bakker", "--yes", "--db", demo_db)
    assert result.exit_code == 0, result.output + result.stderr
    lines = result.output.splitlines()
    assert lines[0].startswith("Wissen van Joris Bakker")
    assert "gesprekken: 2" in lines[1] and "notities: 7" in lines[1]
    assert "verslagrevisies: 1" in lines[1] and "bevestigingen: 2" in lines[1]
    assert lines[-1].startswith("Joris Bakker gewist:")
    assert "VACUUM" in lines[-1]
    assert result.stderr == ""

    assert_absent(demo_db, *JORIS_TEXTS)
    after = row_counts(demo_db)
    assert after["people"] == before["people"] - 1
    assert after["conversations"] == 0 and after["notes"] == 0
    assert after["minutes_revisions"] == 0 and after["confirmations"] == 0
    assert names(demo_db) == ["Aylin Yılmaz", "Pieter Jansen", "Sanne de Vries"]
    # The app's manager is someone else: that setting stays.
    assert_present(demo_db, "Sanne de Vries")


def test_erase_asks_for_the_name_typed_again(demo_db: Path):
    before = row_counts(demo_db)
    result = invoke("person", "erase", "Joris Bakker", "--db", demo_db, input="Joris\n")
    assert result.exit_code == 1
    assert "Typ de naam" not in result.stdout  # prompts go to stderr: stdout is the plan
    assert [line for line in result.stderr.splitlines() if line.strip()] == [
        "Typ de naam 'Joris Bakker' om te bevestigen: Joris",
        "Niets gewist: de getypte naam kwam niet overeen met 'Joris Bakker'."]
    assert row_counts(demo_db) == before

    result = invoke("person", "erase", "Joris Bakker", "--db", demo_db, input="")
    assert result.exit_code == 1 and row_counts(demo_db) == before

    result = invoke("person", "erase", "joris bakker", "--db", demo_db,
                    input="  JORIS   bakker \n")
    assert result.exit_code == 0, result.stderr
    assert "Joris Bakker" not in names(demo_db)


def test_erase_in_english(demo_db: Path):
    result = invoke("person", "erase", "Pieter Jansen", "--yes", "--db", demo_db, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert result.output.splitlines()[0].startswith("Erasing Pieter Jansen")
    assert result.output.splitlines()[-1].startswith("Pieter Jansen erased: 1 rows removed")


def test_unknown_person_is_one_line(demo_db: Path):
    result = invoke("person", "erase", "Niemand", "--yes", "--db", demo_db)
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.strip()] == [
        "Er is niemand met de naam 'Niemand'. Bekijk de namen met 'gespreks list'."]


# --- the manager -----------------------------------------------------------------------

def test_erasing_the_manager_keeps_conversations_with_a_neutral_label(demo_db: Path,
                                                                       tmp_path: Path):
    with_minutes(demo_db)
    exported = tmp_path / "verslag.md"
    assert invoke("export", 2, "-o", exported, "--db", demo_db).exit_code == 0
    assert_present(demo_db, "Sanne de Vries")

    result = invoke("person", "erase", "Sanne de Vries", "--yes", "--db", demo_db)
    assert result.exit_code == 0, result.stderr
    assert "Blijft bewaard: 2 gesprek(ken)" in result.output
    assert "manager.name" in result.output
    assert "2 gesprek(ken) als leidinggevende met neutrale naam bewaard" in result.output

    assert_absent(demo_db, "Sanne de Vries", "Sanne", "de Vries")
    store = Store.open(demo_db, clock=FakeClock())
    try:
        assert [c.manager for c in store.list_conversations()] == [
            "(verwijderde leidinggevende)"] * 2
        conversation = store.get_conversation(2)
        assert conversation.manager_id is None
        revision = store.latest_revision(2)
        label = inline("(verwijderde leidinggevende)")  # as escaped in stored Markdown
        assert f"- Leidinggevende: {label}" in revision.markdown
        assert f"Naam: {label}" in revision.markdown
        confirmations = store.confirmations(2)
        assert [k.name for k in confirmations] == ["Joris Bakker",
                                                   "(verwijderde leidinggevende)"]
        # Free text that named her (the employee's comment) no longer does.
        assert confirmations[0].comment == "Goed gesprek met (verwijderde persoon)."
        assert store.get_setting("manager.name") is None
        assert len(store.notes(2)) == 4  # the employee's record itself is untouched
        # The minutes with her name are a new revision; the old text and its
        # fingerprint are gone, so hashing candidate names finds nothing.
        assert [r.revision for r in store.revisions(2)] == [1, 2]
        old, new = store.revisions(2)
        assert old.markdown == "" and old.sha256 == ""
        assert new.sha256 and new.sha256 in new.markdown
        issued = re.search(r"gespreks/2/1/sha256:([0-9a-f]{64})",
                           exported.read_text(encoding="utf-8"))
        assert issued is not None  # the fingerprint the holder's copy carries
        assert issued[1] not in {r.sha256 for r in store.revisions(2)}
    finally:
        store.close()
    # The copy the employee holds is of a revision that was anonymised: verify says so.
    result = invoke("verify", exported, "--db", demo_db)
    assert result.exit_code == 1
    assert "later geanonimiseerd (AVG art. 17)" in result.output + result.stderr


def test_the_name_in_other_peoples_texts_is_replaced_but_not_inside_longer_names(
        db_path: Path, clock: FakeClock):
    store = Store.open(db_path, clock=clock)
    try:
        jan = store.add_person("Jan")
        jan_jansen = store.add_person("Jan Jansen")
        other = store.add_person("Aylin Yılmaz")
        c = store.create_conversation(other.id, builtin_agenda(Kind.VOORTGANG), 30)
        store.save_note(c.id, 0, Visibility.SHARED,
                        "Jan Jansen en Jan hielpen; Janneke niet, jan. ook niet.")
        store.add_agreement(c.id, "Overleg met Jan over het rooster")
        plan = store.plan_erasure(jan.id)
        assert plan.effect.texts == 2 and plan.effect.removed == {"people": 1}
        assert [m.excerpt for m in plan.mentions] == [
            "Jan Jansen en «Jan» hielpen; Janneke niet, jan.",
            "Overleg met «Jan» over het rooster"]
        assert store.find_person("Jan") is not None  # a plan changes nothing
        done = store.erase_person(jan.id, redact=plan.mentions)
        assert done.wal_cleared is True and done.texts == 2
        assert store.notes(c.id)[(0, Visibility.SHARED)] == (
            "Jan Jansen en (verwijderde persoon) hielpen; Janneke niet, jan. ook niet.")
        assert store.agreements(c.id)[0].text == "Overleg met (verwijderde persoon) over het rooster"
        assert store.find_person("Jan Jansen") == jan_jansen
    finally:
        store.close()


@pytest.mark.parametrize(("text", "expected"), [
    ("Jan-Willem de Boer kwam", "X kwam"),
    ("JAN-WILLEM  DE\nBOER kwam", "X kwam"),
    ("Jan\\-Willem de Boer kwam", "X kwam"),         # as escaped in stored Markdown
    ("Jan-Willem de Boerma kwam", "Jan-Willem de Boerma kwam"),
])
def test_name_matcher(text: str, expected: str):
    assert NameMatcher("Jan-Willem de Boer").replace(text, "X")[0] == expected


# --- all or nothing --------------------------------------------------------------------

@pytest.mark.parametrize("step", ["_drop_settings", "_redact_mentions"])
@pytest.mark.parametrize("error", [RuntimeError("stroomstoring"), KeyboardInterrupt()])
def test_an_erase_interrupted_halfway_leaves_the_database_as_it_was(
        demo_db: Path, monkeypatch, step: str, error: BaseException):
    with_minutes(demo_db)
    before = row_counts(demo_db)

    def interrupted(*args, **kwargs):
        raise error

    monkeypatch.setattr(store_privacy, step, interrupted)
    store = Store.open(demo_db, clock=FakeClock())
    try:
        with pytest.raises(type(error)):
            store.erase_person(store.find_person("Joris Bakker").id)
        assert store.db.conn.in_transaction is False
    finally:
        store.close()
    assert row_counts(demo_db) == before
    assert "Joris Bakker" in names(demo_db)
    store = Store.open(demo_db, clock=FakeClock())
    try:
        assert store.get_conversation(2).manager_name == "Sanne de Vries"
        assert len(store.notes(1)) == 3
    finally:
        store.close()


def test_an_interrupted_erase_from_the_command_line_is_one_line(demo_db: Path, monkeypatch,
                                                                 capsys):
    before = row_counts(demo_db)

    def interrupted(*args, **kwargs):
        raise RuntimeError("stroomstoring")

    monkeypatch.setattr(store_privacy, "_drop_settings", interrupted)
    with pytest.raises(SystemExit) as exit_:
        main(["person", "erase", "Joris Bakker", "--yes", "--db", str(demo_db)])
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "stroomstoring" not in err  # no message text
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Er ging iets onverwachts mis (RuntimeError)")
    assert row_counts(demo_db) == before


# --- the bytes, with the connection still open ----------------------------------------

def test_the_wal_is_truncated_while_the_store_is_open(demo_db: Path):
    store = Store.open(demo_db, clock=FakeClock())
    try:
        assert_present(demo_db, "thuissituatie")
        done = store.erase_person(store.find_person("Joris Bakker").id)
        assert done.wal_cleared is True
        wal = demo_db.with_name(demo_db.name + "-wal")
        assert wal.exists() and wal.stat().st_size == 0
        assert_absent(demo_db, *JORIS_TEXTS)
        assert store.db.execute("pragma freelist_count").fetchone()[0] == 0
    finally:
        store.close()


def test_another_reader_is_reported_not_ignored(demo_db: Path):
    reader = sqlite3.connect(demo_db)
    store = Store.open(demo_db, clock=FakeClock(), busy_timeout=0.05)
    try:
        reader.execute("begin")
        reader.execute("select count(*) from notes").fetchone()  # holds a snapshot
        done = store.erase_person(store.find_person("Joris Bakker").id)
        assert done.wal_cleared is False
        reader.rollback()
        assert store.compact() is True
        assert_absent(demo_db, *JORIS_TEXTS)
    finally:
        reader.close()
        store.close()


def test_group_memberships_go_and_the_label_follows_the_conversations_language(
        db_path: Path, clock: FakeClock):
    store = Store.open(db_path, clock=clock)
    try:
        manager = store.add_person("Mia Manager")
        joris = store.add_person("Joris Bakker")
        aylin = store.add_person("Aylin Yılmaz")
        group = store.add_collective("Bonus bij 95% klanttevredenheid", None,
                                     [joris.id, aylin.id])
        english = store.create_conversation(aylin.id, builtin_agenda(Kind.VOORTGANG, "en"), 30,
                                            manager_id=manager.id, language="en")
        store.erase_person(joris.id)
        assert [p.name for p in store.get_collective(group.id).members] == ["Aylin Yılmaz"]
        done = store.erase_person(manager.id)
        assert done.as_manager == 1 and done.removed == {"people": 1}
        assert store.get_conversation(english.id).manager_name == "(removed manager)"
    finally:
        store.close()
    assert_absent(db_path, "Joris", "Mia Manager")
