"""Erasure lists mentions in other people's records for review and rewrites nothing else.

Issue 15: a name that is also a word ("Wil", "Roos", "Mark") must not rewrite the
agenda, templates or ordinary words; first-name and surname-only mentions are
found as candidates; only the mentions chosen (``--redact``) are replaced.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cli_helpers import invoke
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.model import Kind, Visibility
from gespreks_tui.privacy.matcher import MentionMatcher
from gespreks_tui.privacy.mentions import parse_choice
from gespreks_tui.store import Store

WORDY = ("Wil je de roos op de taart zetten? Ik wil dat wel. Roos is mooi, mark it. "
         "Mark: een oude munt. Wil graag doorgroeien.")


def every_text(db: Path) -> dict[tuple[str, int, str], object]:
    """Every value of every table but people and migrations, keyed by table, row and column."""
    conn = sqlite3.connect(db)
    try:
        out: dict[tuple[str, int, str], object] = {}
        tables = [r[0] for r in conn.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")]
        for table in tables:
            if table in ("people", "migrations", "collective_members"):
                continue
            cursor = conn.execute(f'select rowid, * from "{table}"')
            names = [d[0] for d in cursor.description]
            for row in cursor:
                for name, value in zip(names[1:], row[1:], strict=True):
                    out[(table, row[0], name)] = value
        return out
    finally:
        conn.close()


def aylin_conversation(store: Store) -> int:
    """Aylin's conversation (made the first time), led by the demo manager."""
    aylin = store.find_person("Aylin Yılmaz")
    for shown in store.list_conversations(aylin.id):
        return shown.id
    manager = store.find_person("Sanne de Vries")
    return store.create_conversation(aylin.id, builtin_agenda(Kind.VOORTGANG), 30,
                                     manager_id=manager.id).id


@pytest.mark.parametrize("name", ["Wil", "Roos", "Mark"])
def test_a_name_that_is_also_a_word_changes_no_other_text(demo_db: Path, name: str):
    store = Store.open(demo_db, clock=FakeClock())
    try:
        store.add_person(name)
        cid = aylin_conversation(store)
        store.save_note(cid, 0, Visibility.SHARED, WORDY)
        store.add_agreement(cid, "wil de roos snoeien en een mark zetten")
    finally:
        store.close()
    before = every_text(demo_db)
    assert any("wil je" in str(v) for (t, _, c), v in before.items() if c == "agenda_snapshot")

    result = invoke("person", "erase", name, "--redact", "all", "--yes", "--db", demo_db)
    assert result.exit_code == 0, result.output + result.stderr
    assert f"Geen vermeldingen van {name}" in result.output
    assert every_text(demo_db) == before  # agenda, templates, notes: nothing changed


def test_a_one_word_name_used_as_a_name_is_listed_and_only_then_replaced(demo_db: Path):
    store = Store.open(demo_db, clock=FakeClock())
    try:
        store.add_person("Wil")
        cid = aylin_conversation(store)
        store.save_note(cid, 0, Visibility.SHARED, WORDY + " Vandaag sprak ik met Wil.")
    finally:
        store.close()
    before = every_text(demo_db)
    result = invoke("person", "erase", "Wil", "--yes", "--redact", "none", "--db", demo_db)
    assert result.exit_code == 0, result.output + result.stderr
    assert "1. gesprek" in result.output and "Vandaag sprak ik met «Wil»." in result.output
    assert "Vermeldingen die worden vervangen: 0 van 1." in result.output
    assert every_text(demo_db) == before


def test_first_name_and_surname_mentions_are_found_and_only_chosen_ones_replaced(
        demo_db: Path):
    store = Store.open(demo_db, clock=FakeClock())
    try:
        cid = aylin_conversation(store)
        store.save_note(cid, 1, Visibility.PRIVATE, "Joris helpt haar met de planning.")
        store.add_agreement(cid, "Afstemmen met Bakker over de release")
        store.add_agreement(cid, "Samen met Joris Bakker het portaal testen")
        plan = store.plan_erasure(store.find_person("Joris Bakker").id)
        assert [(m.found, m.kind, m.table) for m in plan.mentions] == [
            ("Joris", "part", "notes"), ("Bakker", "part", "agreements"),
            ("Joris Bakker", "full", "agreements")]
        assert all(m.conversation_id == cid and m.date for m in plan.mentions)
    finally:
        store.close()
    result = invoke("person", "erase", "Joris Bakker", "--redact", "1,3", "--yes",
                    "--db", demo_db)
    assert result.exit_code == 0, result.output + result.stderr
    assert "3. gesprek" in result.output and "(deel van de naam, controleer)" in result.output
    assert "«Joris» helpt haar met de planning." in result.output
    store = Store.open(demo_db, clock=FakeClock())
    try:
        assert store.notes(cid)[(1, Visibility.PRIVATE)] == (
            "(verwijderde persoon) helpt haar met de planning.")
        texts = [a.text for a in store.agreements(cid)]
        assert "Afstemmen met Bakker over de release" in texts  # not chosen: kept
        assert "Samen met (verwijderde persoon) het portaal testen" in texts
    finally:
        store.close()


def test_a_bad_choice_erases_nothing(demo_db: Path):
    store = Store.open(demo_db, clock=FakeClock())
    try:
        store.add_agreement(aylin_conversation(store), "Joris inwerken")
    finally:
        store.close()
    before = every_text(demo_db)
    result = invoke("person", "erase", "Joris Bakker", "--redact", "7", "--yes",
                    "--db", demo_db)
    assert result.exit_code == 1
    assert "'7' is geen keuze" in result.stderr
    assert every_text(demo_db) == before


def test_without_yes_or_redact_nothing_else_is_replaced(demo_db: Path):
    store = Store.open(demo_db, clock=FakeClock())
    try:
        cid = aylin_conversation(store)
        store.add_agreement(cid, "Joris inwerken")
    finally:
        store.close()
    result = invoke("person", "erase", "Joris Bakker", "--db", demo_db,
                    input="Joris Bakker\n")
    assert result.exit_code == 0, result.output + result.stderr
    store = Store.open(demo_db, clock=FakeClock())
    try:
        assert "Joris inwerken" in [a.text for a in store.agreements(cid)]
    finally:
        store.close()


@pytest.mark.parametrize(("text", "expected"), [
    ("Wil je dat?", []),
    ("Ik wil dat.", []),
    ("Ik sprak met Wil.", ["Wil"]),
    ("- Wil: geen tijd", []),
])
def test_a_one_word_name_is_matched_only_where_used_as_a_name(text: str, expected: list):
    matcher = MentionMatcher("Wil")
    assert [text[s:e] for s, e, _ in matcher.candidates(text)] == expected


def test_parse_choice():
    assert parse_choice("alle", 3) == {1, 2, 3}
    assert parse_choice("none", 3) == set()
    assert parse_choice("1, 3", 3) == {1, 3}
    with pytest.raises(ValueError):
        parse_choice("4", 3)


# --- confirmed minutes of someone else: a new revision, the old text gone --------------

def test_redacting_confirmed_minutes_issues_a_new_revision_and_forgets_the_old(
        demo_db: Path, tmp_path: Path):
    from gespreks_tui.fingerprint import issued_content, sha256_of
    from gespreks_tui.markdown_escape import inline
    from gespreks_tui.minutes import publish

    store = Store.open(demo_db, clock=FakeClock())
    try:
        cid = aylin_conversation(store)
        store.save_note(cid, 0, Visibility.SHARED, "Joris Bakker helpt haar met de planning.")
        store.conclude(cid, None)
        minutes = publish(store, cid)
        store.confirm(cid, minutes.revision, "employee", "Aylin Yılmaz", "akkoord",
                      "Fijn dat Joris meedenkt.")
        store.confirm(cid, minutes.revision, "manager", "Sanne de Vries", "akkoord")
        old_sha = store.latest_revision(cid).sha256
    finally:
        store.close()
    copy = tmp_path / "aylin.md"
    assert invoke("export", cid, "-o", copy, "--db", demo_db).exit_code == 0
    assert invoke("verify", copy, "--db", demo_db).exit_code == 0

    result = invoke("person", "erase", "Joris Bakker", "--redact", "all", "--yes",
                    "--db", demo_db)
    assert result.exit_code == 0, result.output + result.stderr
    assert "verslag" in result.output

    store = Store.open(demo_db, clock=FakeClock())
    try:
        history = store.minutes_history(cid)
        (old, old_confirmations), (new, new_confirmations) = history
        assert (old.revision, new.revision) == (1, 2)
        assert old.markdown == "" and old.sha256 == ""  # text and fingerprint gone
        assert [k.name for k in old_confirmations] == ["Aylin Yılmaz", "Sanne de Vries"]
        assert new_confirmations == []
        assert new.sha256 not in ("", old_sha)
        assert "Joris" not in new.markdown and "Bakker" not in new.markdown
        assert "bevestigd op revisie 1" in new.markdown
        assert "later geanonimiseerd (AVG art. 17) op" in new.markdown
        assert sha256_of(issued_content(new.markdown)) == new.sha256
        assert store.get_conversation(cid).issued_revision == 2
        stored = {r.sha256 for r, _ in history}
        label = inline("(verwijderde persoon)")
        # Brute force: put candidate names back into the redacted minutes; nothing stored fits.
        content = issued_content(new.markdown)
        without_line = content.rstrip("\n").rsplit("\n\n", 1)[0] + "\n"
        # (the test can fail: the old fingerprint is exactly that reconstruction)
        assert sha256_of(without_line.replace(label, "Joris Bakker")) == old_sha
        for candidate in ("Joris Bakker", "Joris", "Bakker", "joris bakker"):
            for text in (content, without_line):
                assert sha256_of(text.replace(label, candidate)) not in stored
        assert store.confirmations(cid, 1)[0].comment == "Fijn dat (verwijderde persoon) meedenkt."
    finally:
        store.close()
    # The copy Aylin holds of revision 1 is explained, not "no match".
    result = invoke("verify", copy, "--db", demo_db)
    assert result.exit_code == 1
    assert "later geanonimiseerd (AVG art. 17)" in result.stderr
    assert "Bevestigd op revisie 1: Aylin Yılmaz, Sanne de Vries." in result.stderr
    assert "De geanonimiseerde versie is revisie 2." in result.stderr
    # A new export gives the redacted revision, which verifies.
    again = tmp_path / "aylin-2.md"
    assert invoke("export", cid, "-o", again, "--db", demo_db).exit_code == 0
    assert invoke("verify", again, "--db", demo_db).exit_code == 0


def test_an_erase_interrupted_while_redacting_minutes_leaves_everything(
        demo_db: Path, monkeypatch):
    from cli_helpers import row_counts
    from gespreks_tui.minutes import publish
    from gespreks_tui.store import privacy as store_privacy
    from gespreks_tui.store.redaction import redact_revision

    store = Store.open(demo_db, clock=FakeClock())
    try:
        cid = aylin_conversation(store)
        store.save_note(cid, 0, Visibility.SHARED, "Joris Bakker helpt haar.")
        store.conclude(cid, None)
        publish(store, cid)
        before_revision = store.latest_revision(cid)
    finally:
        store.close()
    before, texts = row_counts(demo_db), every_text(demo_db)

    def halfway(*args, **kwargs):
        redact_revision(*args, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(store_privacy, "redact_revision", halfway)
    store = Store.open(demo_db, clock=FakeClock())
    try:
        joris = store.find_person("Joris Bakker")
        plan = store.plan_erasure(joris.id)
        assert any(m.table == "minutes_revisions" for m in plan.mentions)
        with pytest.raises(KeyboardInterrupt):
            store.erase_person(joris.id, redact=plan.mentions)
        assert store.latest_revision(cid) == before_revision
    finally:
        store.close()
    assert row_counts(demo_db) == before and every_text(demo_db) == texts


def test_in_a_terminal_the_user_chooses_the_mentions(demo_db: Path, gespreks_script: Path,
                                                     clean_env: dict[str, str]):
    import os
    import pty
    import subprocess

    store = Store.open(demo_db, clock=FakeClock())
    try:
        cid = aylin_conversation(store)
        store.add_agreement(cid, "Joris inwerken")
        store.add_agreement(cid, "Met Joris Bakker het portaal testen")
    finally:
        store.close()
    master, slave = pty.openpty()
    try:
        process = subprocess.Popen(
            [str(gespreks_script), "person", "erase", "Joris Bakker", "--db", str(demo_db)],
            stdin=slave, stdout=slave, stderr=slave, env=clean_env, close_fds=True)
        os.close(slave)
        os.write(master, b"2\nJoris Bakker\n")  # mention 2 only, then the name
        output = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
        assert process.wait(timeout=60) == 0, output.decode(errors="replace")
    finally:
        os.close(master)
    text = output.decode(errors="replace")
    assert "Welke vermeldingen vervangen?" in text
    assert "Vermeldingen die worden vervangen: 1 van 2." in text
    store = Store.open(demo_db, clock=FakeClock())
    try:
        assert [a.text for a in store.agreements(cid)][-2:] == [
            "Joris inwerken", "Met (verwijderde persoon) het portaal testen"]
    finally:
        store.close()
