"""``gespreks person export``: everything about one person, private notes included (AVG art. 15).

The demo (demo.py): Joris Bakker is the employee in conversation 1 (goals,
2026-01-14) and 2 (progress, 2026-06-10), both concluded, each with one
private note; Sanne de Vries led both.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from cli_helpers import invoke, one_line_failure
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.minutes import publish
from gespreks_tui.model import Kind, Visibility
from gespreks_tui.store import Store

HOME_NOTE = "Joris noemde dat de thuissituatie zwaar is; in de gaten houden."
CANDIDATE_NOTE = "Mogelijk kandidaat voor de vacature projectleider in 2027."


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def export_files(out: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}


def test_export_of_the_demo_employee_includes_private_notes(demo_db: Path, tmp_path: Path):
    out = tmp_path / "inzage"
    result = invoke("person", "export", "joris bakker", "-o", out, "--db", demo_db)
    assert result.exit_code == 0, result.output + result.stderr

    # The command says private notes are included, and which.
    assert "Privé-notities zijn meegenomen (2)" in result.output
    assert "AVG art. 15" in result.output
    assert "gesprek 1 (doelstellingengesprek, 2026-01-14), fase 'Persoonlijke ontwikkelpunten'" \
        in result.output
    assert "gesprek 2 (voortgangsgesprek, 2026-06-10), fase 'Vooruitblik'" in result.output

    files = export_files(out)
    assert sorted(files) == ["00-overzicht.md", "2026-01-14-gesprek-1-doelstellingengesprek.md",
                             "2026-06-10-gesprek-2-voortgangsgesprek.md", "gegevens.json"]

    # One readable Markdown file per conversation: the minutes' shared part, then
    # a clearly marked appendix with the private notes.
    goals = files["2026-01-14-gesprek-1-doelstellingengesprek.md"]
    progress = files["2026-06-10-gesprek-2-voortgangsgesprek.md"]
    assert "# Doelstellingengesprek met Joris Bakker" in goals
    assert "# Voortgangsgesprek met Joris Bakker" in progress
    assert "Joris wil doorgroeien naar een rol als technisch projectleider." in progress
    for text, note in ((goals, "thuissituatie zwaar"), (progress, "Mogelijk kandidaat")):
        shared, appendix = text.split("# Bijlage: privé-notities van de leidinggevende")
        assert note not in shared
        assert note in appendix
        assert "niet gedeeld met de medewerker" in appendix
    # Never issued (the demo stores no revision): no fingerprint or boxes to tick.
    assert "Vingerafdruk" not in progress and "- [ ]" not in progress
    assert "nog niet uitgegeven" in progress

    index = files["00-overzicht.md"]
    assert "# Inzage persoonsgegevens: Joris Bakker" in index
    assert "fase 'Vooruitblik'" in index

    data = json.loads(files["gegevens.json"])
    assert data["person"]["name"] == "Joris Bakker"
    assert data["private_notes_included"] is True
    assert {n["text"] for n in data["private_notes"]} == {HOME_NOTE, CANDIDATE_NOTE}
    tables = data["tables"]
    assert {c["id"] for c in tables["conversations"]} == {1, 2}
    assert len(tables["agreements"]) == 5
    assert len(tables["follow_ups"]) == 3
    private = [n["body"] for n in tables["notes"] if n["visibility"] == "private"]
    assert sorted(private) == sorted([HOME_NOTE, CANDIDATE_NOTE])
    assert data["as_manager"] == {"conversations": [], "confirmations": []}
    # Nothing of the other employees.
    assert "Aylin" not in files["gegevens.json"] and "Pieter" not in files["gegevens.json"]


def test_directory_is_owner_only_and_files_0600(demo_db: Path, tmp_path: Path):
    out = tmp_path / "new" / "deeper" / "inzage"
    result = invoke("person", "export", "Joris Bakker", "-o", out, "--db", demo_db)
    assert result.exit_code == 0, result.stderr
    assert mode(out) == 0o700
    assert mode(out.parent) == 0o700  # folders we had to create, too
    for path in out.iterdir():
        assert mode(path) == 0o600, path
    assert not [p for p in tmp_path.rglob(".*.tmp")]  # no temporary folder left


def test_an_existing_empty_directory_is_used(demo_db: Path, tmp_path: Path):
    out = tmp_path / "leeg"
    out.mkdir(mode=0o755)
    result = invoke("person", "export", "Joris Bakker", "-o", out, "--db", demo_db)
    assert result.exit_code == 0, result.stderr
    assert mode(out) == 0o700
    assert len(list(out.iterdir())) == 4


def test_a_directory_that_is_not_empty_is_refused(demo_db: Path, tmp_path: Path):
    out = tmp_path / "vol"
    out.mkdir()
    (out / "iets.txt").write_text("van iemand anders")
    # exit 1: refused, something the user can act on (cli/exit_codes.py)
    line = one_line_failure(invoke("person", "export", "Joris Bakker", "-o", out,
                                   "--db", demo_db), 1)
    assert "niet leeg" in line and str(out) in line
    assert [p.name for p in out.iterdir()] == ["iets.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]

    a_file = tmp_path / "bestand"
    a_file.write_text("x")
    assert "geen map" in one_line_failure(invoke("person", "export", "Joris Bakker", "-o",
                                                 a_file, "--db", demo_db), 1)


def test_unknown_person_is_one_line(demo_db: Path, tmp_path: Path):
    line = one_line_failure(invoke("person", "export", "Niemand", "-o", tmp_path / "x",
                                   "--db", demo_db), 1)
    assert "Niemand" in line
    assert not (tmp_path / "x").exists()


def test_english_export(demo_db: Path, tmp_path: Path):
    out = tmp_path / "access"
    result = invoke("person", "export", "Joris Bakker", "-o", out, "--db", demo_db,
                    "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "Private notes are included (2)" in result.output
    assert "GDPR art. 15" in result.output
    files = export_files(out)
    assert "data.json" in files and "00-overview.md" in files
    assert "2026-06-10-conversation-2-progress-conversation.md" in files
    text = files["2026-06-10-conversation-2-progress-conversation.md"]
    assert "# Appendix: the manager's private notes" in text
    # The minutes themselves stay in the conversation's own language.
    assert "# Voortgangsgesprek met Joris Bakker" in text


def test_the_manager_gets_a_list_of_conversations_they_led_without_their_content(
        demo_db: Path, tmp_path: Path):
    out = tmp_path / "sanne"
    result = invoke("person", "export", "Sanne de Vries", "-o", out, "--db", demo_db)
    assert result.exit_code == 0, result.stderr
    assert "leidinggevende in 2 gesprek(ken)" in result.output
    assert "geen privé-notities" in result.output
    files = export_files(out)
    assert sorted(files) == ["00-overzicht.md", "gegevens.json"]
    assert "gesprek 1 (doelstellingengesprek, 2026-01-14, afgerond)" in files["00-overzicht.md"]
    data = json.loads(files["gegevens.json"])
    assert [c["id"] for c in data["as_manager"]["conversations"]] == [1, 2]
    assert "conversations" not in data["tables"]
    # The employee's data is theirs, not the manager's.
    for text in files.values():
        assert "Joris" not in text and "kandidaat" not in text


def test_every_revision_with_confirmations_scores_and_preparation(
        db_path: Path, clock: FakeClock, tmp_path: Path):
    store = Store.open(db_path, clock=clock)
    try:
        manager = store.add_person("Sanne de Vries")
        employee = store.add_person("Joris Bakker")
        c = store.create_conversation(employee.id, builtin_agenda(Kind.BEOORDELING), 60,
                                      manager_id=manager.id)
        store.save_preparation(c.id, {0: "Ik ben trots op het portaal."})
        store.save_note(c.id, 0, Visibility.SHARED, "Eerste versie van de notities.")
        store.save_note(c.id, 1, Visibility.PRIVATE, "Salarisschaal heroverwegen.")
        criterion = next(name for p in c.phases for name in p.criteria)
        store.save_score(c.id, 0, criterion, 3, "Sterk in overleg")
        store.conclude(c.id, None)
        first = publish(store, c.id)
        store.confirm(c.id, first.revision, "employee", "Joris Bakker", "gezien",
                      "Ik zie het anders.")
        store.confirm(c.id, first.revision, "manager", "Sanne de Vries", "akkoord")
        store.reopen(c.id, correction=True)
        store.save_note(c.id, 0, Visibility.SHARED, "Gecorrigeerde notities.")
        store.conclude(c.id, None)
        second = publish(store, c.id)
        assert second.revision == 2
        running = store.create_conversation(employee.id, builtin_agenda(Kind.VOORTGANG), 30,
                                            manager_id=manager.id)
        store.save_note(running.id, 0, Visibility.SHARED, "Nog bezig met dit gesprek.")
    finally:
        store.close()

    out = tmp_path / "inzage"
    result = invoke("person", "export", "Joris Bakker", "-o", out, "--db", db_path)
    assert result.exit_code == 0, result.stderr
    files = export_files(out)
    [appraisal] = [text for name, text in files.items() if "beoordelingsgesprek" in name]
    main, appendix = appraisal.split("# Bijlage: uitgegeven revisie 1")
    assert "Gecorrigeerde notities." in main and "revisie 2" in main
    assert "Eerste versie van de notities." in appendix
    assert "- [x] Gezien, niet akkoord" in appendix and "Ik zie het anders." in appendix
    assert "Sterk in overleg" in main  # appraisal scores
    assert "# Bijlage: voorbereiding van de medewerker" in appraisal
    assert "Ik ben trots op het portaal." in appraisal
    assert "Salarisschaal heroverwegen." in appraisal.split("privé-notities van de")[1]

    [ongoing] = [text for name, text in files.items() if "voortgangsgesprek" in name]
    assert "nog niet afgerond (status: bezig)" in ongoing
    assert "Nog bezig met dit gesprek." in ongoing
    assert "Vingerafdruk" not in ongoing

    data = json.loads(files["gegevens.json"])
    assert len(data["tables"]["minutes_revisions"]) == 2
    assert {k["name"] for k in data["tables"]["confirmations"]} == {"Joris Bakker",
                                                                    "Sanne de Vries"}
    assert data["tables"]["scores"][0]["comment"] == "Sterk in overleg"
    assert data["tables"]["preparations"][0]["body"] == "Ik ben trots op het portaal."


@pytest.mark.parametrize("name", ["Joris Bakker"])
def test_store_person_rows_follow_the_foreign_keys(demo_db: Path, name: str):
    store = Store.open(demo_db, clock=FakeClock())
    try:
        person = store.find_person(name)
        store.add_collective("Bonus bij 95% klanttevredenheid", None, [person.id])
        rows = store.person_rows(person.id)
    finally:
        store.close()
    tables = rows["tables"]
    assert tables["collective_members"] == [{"collective_id": 1, "person_id": person.id}]
    assert tables["collectives"][0]["text"] == "Bonus bij 95% klanttevredenheid"
    assert {p["conversation_id"] for p in tables["phases"]} == {1, 2}
