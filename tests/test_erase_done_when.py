"""Issue 15, "Done when", as one scenario on the demo data plus a person "Wil".

1. Erasing Wil (no conversations; "wil" is an ordinary word all over the demo
   notes and the agenda) changes no other text: a dump of every column of
   every table before and after differs only by Wil's own row.
2. Joris's access export includes the mentions of him in Aylin's records:
   her note (first name), agreement (full name), confirmation comment and
   issued minutes.
3. Erasing Joris lists every mention (full and first name) for review and
   redacts only the chosen ones; Aylin's confirmed minutes become a new
   revision whose old text and fingerprint are gone, the confirmations
   explained, and ``verify`` of her old copy says so.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from cli_helpers import invoke
from gespreks_tui.clock import FakeClock
from gespreks_tui.fingerprint import issued_content, sha256_of
from gespreks_tui.minutes import publish
from gespreks_tui.model import Visibility
from gespreks_tui.store import Store
from test_privacy_mentions import aylin_conversation

NOTE = "Aylin loopt goed. Joris helpt haar met de planning. Ze wil een cursus."
AGREEMENT = "Samen met Joris Bakker het portaal testen"


def full_dump(db: Path) -> dict[tuple[str, int, str], object]:
    """Every value of every table, people included."""
    conn = sqlite3.connect(db)
    try:
        out: dict[tuple[str, int, str], object] = {}
        for (table,) in conn.execute("select name from sqlite_master where type = 'table' "
                                     "and name not like 'sqlite_%'").fetchall():
            cursor = conn.execute(f'select rowid, * from "{table}"')
            names = [d[0] for d in cursor.description]
            for row in cursor:
                for name, value in zip(names[1:], row[1:], strict=True):
                    out[(table, row[0], name)] = value
        return out
    finally:
        conn.close()


def test_done_when(demo_db: Path, tmp_path: Path):
    store = Store.open(demo_db, clock=FakeClock())
    try:
        wil = store.add_person("Wil")
        cid = aylin_conversation(store)
        store.save_note(cid, 0, Visibility.SHARED, NOTE)
        store.add_agreement(cid, AGREEMENT)
        store.conclude(cid, None)
        issued = publish(store, cid)
        store.confirm(cid, issued.revision, "employee", "Aylin Yılmaz", "akkoord",
                      "Dank aan Joris voor de hulp.")
        store.confirm(cid, issued.revision, "manager", "Sanne de Vries", "akkoord")
        old_sha = store.latest_revision(cid).sha256
    finally:
        store.close()

    # 1. Wil: nothing but Wil's own row changes.
    before = full_dump(demo_db)
    assert any("wil" in str(v) for v in before.values())  # the word is all over the place
    result = invoke("person", "erase", "Wil", "--redact", "all", "--yes", "--db", demo_db)
    assert result.exit_code == 0, result.output + result.stderr
    assert "Geen vermeldingen van Wil in andere dossiers gevonden." in result.output
    after = full_dump(demo_db)
    assert {k: v for k, v in before.items() if k[:2] != ("people", wil.id)} == after

    # 2. Joris's access export shows him in Aylin's records.
    out = tmp_path / "inzage-joris"
    result = invoke("person", "export", "Joris Bakker", "-o", out, "--db", demo_db)
    assert result.exit_code == 0, result.output + result.stderr
    section = (out / "00-overzicht.md").read_text(encoding="utf-8").split(
        "## Vermeldingen in andere gesprekken")[1]
    assert "> Joris helpt haar met de planning." in section
    assert f"> {AGREEMENT}" in section
    assert "> Dank aan Joris voor de hulp." in section
    assert section.count("verslag (revisie 1)") == 2
    assert "(medewerker: Aylin Yılmaz)" in section

    # Aylin keeps a copy of the confirmed revision 1.
    copy = tmp_path / "aylin-r1.md"
    assert invoke("export", cid, "-o", copy, "--db", demo_db).exit_code == 0

    # 3. Joris: every mention listed; only the minutes and the comment chosen.
    plan = invoke("person", "erase", "Joris Bakker", "--redact", "none", "--db", demo_db,
                  input="nee\n")
    assert plan.exit_code == 1  # the name was not typed: nothing erased, the list shown
    listed = dict(re.findall(r"^\s+(\d+)\. gesprek \d+ \([^)]*\), (.+)$", plan.output, re.M))
    assert len(listed) == 5, plan.output
    kinds = listed
    minutes = [n for n, text in kinds.items() if text.startswith("verslag (revisie 1)")]
    comment = [n for n, text in kinds.items() if text.startswith("opmerking bij")]
    note = [n for n, text in kinds.items() if text.startswith("notitie")]
    agreement = [n for n, text in kinds.items() if text.startswith("afspraak")]
    assert len(minutes) == 2 and len(comment) == len(note) == len(agreement) == 1
    assert "«Joris» helpt haar" in kinds[note[0]] and "(deel van de naam" in kinds[note[0]]
    assert "«Joris Bakker»" in kinds[agreement[0]]
    chosen = ",".join(minutes + comment)
    result = invoke("person", "erase", "Joris Bakker", "--redact", chosen, "--yes",
                    "--db", demo_db)
    assert result.exit_code == 0, result.output + result.stderr
    assert "Vermeldingen die worden vervangen: 3 van 5." in result.output

    store = Store.open(demo_db, clock=FakeClock())
    try:
        assert store.find_person("Joris Bakker") is None
        assert store.notes(cid)[(0, Visibility.SHARED)] == NOTE  # not chosen: as it was
        assert AGREEMENT in [a.text for a in store.agreements(cid)]
        (old, old_confirmations), (new, new_confirmations) = store.minutes_history(cid)
        assert (old.revision, new.revision) == (1, 2)
        assert old.markdown == "" and old.sha256 == ""
        assert [k.name for k in old_confirmations] == ["Aylin Yılmaz", "Sanne de Vries"]
        assert old_confirmations[0].comment == "Dank aan (verwijderde persoon) voor de hulp."
        assert new_confirmations == []
        assert "Joris" not in new.markdown and "Bakker" not in new.markdown
        assert "bevestigd op revisie 1" in new.markdown
        assert "later geanonimiseerd (AVG art. 17) op" in new.markdown
        assert sha256_of(issued_content(new.markdown)) == new.sha256 != old_sha
        assert old_sha not in {r.sha256 for r, _ in store.minutes_history(cid)}
    finally:
        store.close()
    result = invoke("verify", copy, "--db", demo_db)
    assert result.exit_code == 1
    assert "later geanonimiseerd (AVG art. 17)" in result.stderr
    assert "Bevestigd op revisie 1: Aylin Yılmaz, Sanne de Vries." in result.stderr
