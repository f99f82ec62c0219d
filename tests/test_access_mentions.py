"""Access export (AVG art. 15, issue 15): mentions in other people's records, black-out,
and the access request with its deadline in ``gespreks due``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import invoke
from gespreks_tui.access_export import build_export
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.minutes import publish
from gespreks_tui.model import Kind, Visibility
from gespreks_tui.store import Store

PLANNING = "Joris helpt haar met de planning."


@pytest.fixture
def team_db(tmp_path: Path) -> Path:
    """Joris, mentioned in three of Aylin's records; a 'Wil' as a word; Pieter unrelated."""
    path = tmp_path / "team.db"
    store = Store.open(path, clock=FakeClock())
    try:
        manager = store.add_person("Sanne de Vries")
        joris = store.add_person("Joris Bakker")
        aylin = store.add_person("Aylin Yılmaz")
        store.add_person("Pieter Jansen")
        own = store.create_conversation(joris.id, builtin_agenda(Kind.VOORTGANG), 45,
                                        manager_id=manager.id)
        store.save_note(own.id, 0, Visibility.SHARED, "Joris wil teamleider worden.")
        c = store.create_conversation(aylin.id, builtin_agenda(Kind.VOORTGANG), 45,
                                      manager_id=manager.id)
        store.save_note(c.id, 0, Visibility.SHARED,
                        f"Aylin loopt goed. {PLANNING} Pieter Jansen neemt het over.\n"
                        "Ze wil volgend jaar een cursus. Niets over anderen hier.")
        store.add_agreement(c.id, "Overleg met Joris Bakker en Pieter over de release",
                            "employee")
        store.conclude(c.id, None)
        issued = publish(store, c.id)
        store.confirm(c.id, issued.revision, "employee", "Aylin Yılmaz", "akkoord",
                      "Met dank aan joris bakker voor de hulp")
    finally:
        store.close()
    return path


def test_mentions_in_three_other_records_are_included(team_db: Path, tmp_path: Path):
    out = tmp_path / "inzage"
    result = invoke("person", "export", "Joris Bakker", "-o", out, "--db", team_db)
    assert result.exit_code == 0, result.output + result.stderr
    # note, agreement, confirmation comment, and the issued minutes (note and agreement)
    assert "Vermeldingen in andere gesprekken: 5 (waarvan 2 kandidaat" in result.output
    overview = (out / "00-overzicht.md").read_text(encoding="utf-8")
    section = overview.split("## Vermeldingen in andere gesprekken")[1]
    assert "> " + PLANNING in section
    assert "(kandidaat: alleen de voornaam of achternaam)" in section
    assert "Overleg met Joris Bakker en Pieter over de release" in section
    assert "Met dank aan joris bakker voor de hulp" in section
    assert "notitie" in section and "afspraak" in section and "opmerking bij bevestiging" in section
    assert section.count("verslag (revisie 1)") == 2  # the stored minutes are searched too
    assert "(medewerker: Aylin Yılmaz)" in section
    assert "Aylin loopt goed" not in section and "cursus" not in section  # only the sentence
    assert ("Opgenomen: 5 vermelding(en) — notitie: 1, afspraak: 1, verslag: 2, "
            "opmerking bij bevestiging: 1.") in section
    assert "niet zwartgelakt" in section
    data = json.loads((out / "gegevens.json").read_text(encoding="utf-8"))
    mentions = data["mentions_in_other_records"]
    assert [m["field"] for m in mentions] == [
        "note_shared", "agreement", "minutes", "minutes", "confirmation"]
    assert [m["revision"] for m in mentions if m["field"] == "minutes"] == [1, 1]
    assert {m["sentence"] for m in mentions} >= {PLANNING}
    assert data["third_party_names_blacked_out"] is False


def test_black_out_replaces_other_peoples_names(team_db: Path, tmp_path: Path):
    out = tmp_path / "inzage"
    result = invoke("person", "export", "Joris Bakker", "-o", out, "--black-out",
                    "--db", team_db)
    assert result.exit_code == 0, result.output + result.stderr
    overview = (out / "00-overzicht.md").read_text(encoding="utf-8")
    section = overview.split("## Vermeldingen in andere gesprekken")[1].split("## Overige")[0]
    assert "Overleg met Joris Bakker en ▇▇▇ over de release" in section
    assert "Pieter" not in section and "Aylin" not in section and "Yılmaz" not in section
    assert "Joris helpt haar met de planning." in section  # the requester's own name stays
    # the agreement, and the same agreement in the minutes
    assert "zwartgelakt (▇▇▇, AVG art. 15 lid 4): 2 naam/namen in 2 zin(nen)" in section
    assert "Namen van anderen zwartgelakt: 2." in result.output
    data = json.loads((out / "gegevens.json").read_text(encoding="utf-8"))
    assert all(m["employee"] is None for m in data["mentions_in_other_records"])
    assert "Pieter" not in json.dumps(data["mentions_in_other_records"], ensure_ascii=False)


def test_a_name_that_is_a_word_is_not_a_mention(tmp_path: Path):
    path = tmp_path / "wil.db"
    store = Store.open(path, clock=FakeClock())
    try:
        wil = store.add_person("Wil")
        roos = store.add_person("Roos Smit")
        c = store.create_conversation(roos.id, builtin_agenda(Kind.VOORTGANG), 45)
        store.save_note(c.id, 0, Visibility.SHARED, "Ze wil meer verantwoordelijkheid.")
        assert build_export(store, wil).mentions == ()
        store.save_note(c.id, 0, Visibility.SHARED, "Overleg met Wil over de rooster.")
        assert [m.sentence for m in build_export(store, wil).mentions] == [
            "Overleg met Wil over de rooster."]
    finally:
        store.close()


def test_access_request_is_due_until_the_export_is_made(team_db: Path, tmp_path: Path):
    env = {"GESPREKS_TODAY": "2026-03-20"}
    result = invoke("person", "request", "joris bakker", "--on", "2026-03-10", "--db", team_db,
                    env=env)
    assert result.exit_code == 0, result.output + result.stderr
    assert "Antwoord uiterlijk 2026-04-10; verlengbaar tot 2026-06-10" in result.output
    due = invoke("due", "--db", team_db, env=env)
    assert due.exit_code == 0, due.output + due.stderr
    assert ("Inzageverzoek van Joris Bakker (ontvangen 2026-03-10): antwoord uiterlijk "
            "2026-04-10 (verlengbaar tot 2026-06-10).") in due.output
    late = invoke("due", "--db", team_db, env={"GESPREKS_TODAY": "2026-04-11"})
    assert "te laat" in late.output
    done = invoke("person", "export", "Joris Bakker", "-o", tmp_path / "x", "--db", team_db,
                  env=env)
    assert "Inzageverzoek(en) gemarkeerd als beantwoord: 1." in done.output
    assert "Inzageverzoek" not in invoke("due", "--db", team_db, env=env).output
    store = Store.open(team_db)
    try:
        (answered,) = store.access_requests(open_only=False)
        assert answered.answered_on == "2026-03-20"
    finally:
        store.close()
