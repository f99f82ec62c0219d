"""Retention is visible (issue 15): ``retention`` and ``purge --dry-run`` say what is kept,
why, until when, and what is kept without end."""

from __future__ import annotations

from pathlib import Path

from cli_helpers import invoke
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.model import Kind
from gespreks_tui.privacy.retention import RetentionPolicy
from gespreks_tui.store import Store


def make_db(path: Path) -> Path:
    store = Store.open(path, clock=FakeClock())
    try:
        pieter = store.add_person("Pieter Jansen")
        store.add_person("Joris Bakker")
        old = store.create_conversation(pieter.id, builtin_agenda(Kind.VOORTGANG), 45)
        store.add_agreement(old.id, "Cursus plannen", "employee")
        recent = store.create_conversation(pieter.id, builtin_agenda(Kind.FUNCTIONERING), 45)
        for conversation, moment in ((old, "2019-03-01T10:00:00+00:00"),
                                     (recent, "2025-01-01T10:00:00+00:00")):
            store.db.execute("update conversations set created_at = ?, started_at = ?, "
                             "ended_at = ? where id = ?", [moment] * 3 + [conversation.id])
        store.mark_left(store.find_person("Joris Bakker").id, "2026-07-01")
    finally:
        store.close()
    return path


def test_retention_lists_what_is_kept_until_when_and_without_end(tmp_path: Path):
    db = make_db(tmp_path / "r.db")
    result = invoke("retention", "--db", db, env={"GESPREKS_TODAY": "2027-01-01"})
    assert result.exit_code == 0, result.stderr
    assert "Bewaard op 2027-01-01, en waarom:" in result.output
    assert "Joris Bakker: uit dienst sinds 2026-07-01, laatste gesprek geen; " \
           "bewaard tot 2028-07-01" in result.output
    assert "Zonder einde bewaard (niet uit dienst gemeld en geen maximale leeftijd):" \
        in result.output
    assert "Pieter Jansen: 2 gesprek(ken), 1 open afspraak/afspraken" in result.output


def test_an_old_conversation_kept_for_an_open_agreement_says_so(tmp_path: Path):
    db = make_db(tmp_path / "r.db")
    store = Store.open(db)
    try:
        store.set_retention_policy(RetentionPolicy(2, 5))
        overview = store.retention_overview("2024-06-01")
        assert [c.id for c in overview.open_kept] == [1]
        assert [p.person.name for p in overview.waiting] == ["Joris Bakker"]
    finally:
        store.close()
    result = invoke("retention", "--db", db, env={"GESPREKS_TODAY": "2024-06-01"})
    assert "gesprek 1 (voortgangsgesprek, 2019-03-01, Pieter Jansen): ouder dan 5 jaar, maar " \
           "bewaard zolang 1 afspraak/afspraken open staan" in result.output
    assert "Niet uit dienst gemeld: 1 persoon/personen; hun gesprekken gaan na 5 jaar" \
        in result.output
    assert "Zonder einde" not in result.output


def test_purge_dry_run_shows_what_stays(tmp_path: Path):
    db = make_db(tmp_path / "r.db")
    result = invoke("purge", "--dry-run", "--db", db, env={"GESPREKS_TODAY": "2027-01-01"})
    assert result.exit_code == 0, result.stderr
    lines = result.output.splitlines()
    assert lines[0] == "Niets is voorbij de bewaartermijn op 2027-01-01."
    assert any("bewaard tot 2028-07-01" in line for line in lines)
    assert "Pieter Jansen: 2 gesprek(ken), 1 open afspraak/afspraken" in result.output
    store = Store.open(db)
    try:
        assert len(store.list_people()) == 2  # a dry run removes nothing
    finally:
        store.close()


def test_purge_lists_the_mentions_it_leaves_with_the_one_search(tmp_path: Path):
    """The people a purge erases: their mentions elsewhere are listed (the same search as
    ``person erase`` and ``person export``), and left as they are."""
    from gespreks_tui.model import Visibility

    db = make_db(tmp_path / "r.db")
    store = Store.open(db, clock=FakeClock())
    try:
        pieter = store.find_person("Pieter Jansen")
        c = store.create_conversation(pieter.id, builtin_agenda(Kind.VOORTGANG), 45)
        store.save_note(c.id, 0, Visibility.SHARED, "Joris draagt het beheer over aan Pieter.")
        joris = store.find_person("Joris Bakker")
        expected = store.mentions_of(joris.id)
        assert [m.found for m in expected] == ["Joris"]
    finally:
        store.close()
    env = {"GESPREKS_TODAY": "2029-01-01"}
    result = invoke("purge", "--dry-run", "--db", db, env=env)
    assert result.exit_code == 0, result.stderr
    assert "Vermeldingen van Joris Bakker in andere dossiers: 1. Een purge laat ze staan" \
        in result.output
    assert "«Joris» draagt het beheer over aan Pieter." in result.output
    result = invoke("purge", "--yes", "--db", db, env=env)
    assert result.exit_code == 0, result.stderr
    store = Store.open(db)
    try:
        assert store.find_person("Joris Bakker") is None
        assert store.notes(c.id)[(0, Visibility.SHARED)] == (
            "Joris draagt het beheer over aan Pieter.")  # nobody chose: left as it was
    finally:
        store.close()
