"""The one exit-code table (cli/exit_codes.py), command by command.

0 done; 1 refused or not found (the user can act on it); 2 a file or the
database cannot be used, or the command was typed wrong. Every failure is one
line on stderr, in the user's language.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from cli_helpers import invoke
from gespreks_tui.clock import FakeClock
from gespreks_tui.errors import Term
from gespreks_tui.exports import ExportError
from gespreks_tui.model import Party, Verdict, Visibility
from gespreks_tui.store import Store


def _exported(db: Path, out: Path) -> Path:
    assert invoke("export", "2", "-o", out, "--db", db).exit_code == 0
    return out


def _ticked(path: Path) -> Path:
    text = path.read_text("utf-8").replace("- [ ] Akkoord", "- [x] Akkoord", 1)
    path.write_text(text, "utf-8")
    return path


@pytest.fixture
def situation(demo_db: Path, tmp_path: Path) -> dict[str, Path]:
    """The demo team in a state where every refusal can happen: conversation 2
    confirmed by the employee on revision 1, then corrected into revision 2."""
    first = _ticked(_exported(demo_db, tmp_path / "r1.md"))
    assert invoke("confirm", first, "--db", demo_db).exit_code == 0
    again = tmp_path / "r1-again.md"
    again.write_bytes(first.read_bytes())
    store = Store.open(demo_db, clock=FakeClock())
    try:
        store.confirm(2, 1, Party.MANAGER, "Sanne de Vries", Verdict.AKKOORD)
        store.reopen(2, correction=True)
        store.save_note(2, 1, Visibility.SHARED, "Aangevuld.")
        store.conclude(2, "2026-12-10")
    finally:
        store.close()
    _exported(demo_db, tmp_path / "r2.md")  # revision 2 is issued
    elsewhere = tmp_path / "r42.md"
    elsewhere.write_text(first.read_text("utf-8").replace("`gespreks/2/1/", "`gespreks/42/1/"),
                         "utf-8")
    full = tmp_path / "vol"
    full.mkdir()
    (full / "iets.txt").write_text("al hier", "utf-8")
    corrupt = tmp_path / "kapot.db"
    corrupt.write_bytes(random.Random(7).randbytes(8192))
    notes = tmp_path / "notities.md"
    notes.write_text("# Notities\n\n- [x] Akkoord\n", "utf-8")
    binary = tmp_path / "foto.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0 geen tekst \xff")
    return {"db": demo_db, "first": first, "again": again, "elsewhere": elsewhere,
            "full": full, "corrupt": corrupt, "binary": binary, "notes": notes,
            "missing_db": tmp_path / "geen" / "gespreks.db", "missing": tmp_path / "weg.md"}


TABLE = [
    # 1: refused or not found
    ("show 999", ("show", "999"), 1),
    ("list --employee Nobody", ("list", "--employee", "Nobody"), 1),
    ("export 999", ("export", "999", "-o", "-"), 1),
    ("already confirmed", ("confirm", "{again}", "--party", "employee"), 1),
    ("superseded (confirm)", ("confirm", "{first}", "--party", "manager"), 1),
    ("superseded (verify)", ("verify", "{first}"), 1),
    ("no revision N", ("confirm", "{elsewhere}"), 1),
    ("folder not empty", ("person", "export", "Joris Bakker", "-o", "{full}"), 1),
    ("unknown person", ("person", "export", "Nobody", "-o", "{full}"), 1),
    ("no correction to keep", ("keep", "2", "--reason", "zo is het"), 1),
    ("agreement not found", ("done", "999"), 1),
    ("collective not found", ("collective", "end", "99"), 1),
    ("not a minutes file", ("verify", "{notes}"), 1),
    ("no database at that path", ("list", "--db", "{missing_db}"), 1),
    # 2: a file or the database cannot be used
    ("returned file missing", ("verify", "{missing}"), 2),
    ("returned file not UTF-8", ("confirm", "{binary}"), 2),
    ("database not SQLite", ("list", "--db", "{corrupt}"), 2),
    ("export into a missing folder", ("export", "2", "-o", "{missing}/x/y.md"), 2),
    # 2: typed wrong (click's usage errors, one line)
    ("not a number", ("show", "abc"), 2),
    ("unknown option", ("list", "--bogus"), 2),
    ("missing argument", ("show",), 2),
    ("unknown command", ("lst",), 2),
    ("bad choice", ("export", "2", "--format", "doc"), 2),
    ("out of range", ("handover", "2", "--via", "paper", "--term", "400"), 2),
]


@pytest.mark.parametrize("label, args, code", TABLE, ids=[row[0] for row in TABLE])
def test_every_failure_has_the_tables_exit_code_and_one_line(situation, label, args, code):
    filled = [a.format(**{k: str(v) for k, v in situation.items()}) for a in args]
    if "--db" not in filled:
        filled += ["--db", str(situation["db"])]
    result = invoke(*filled)
    assert result.exit_code == code, (label, result.output)
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, (label, result.stderr)


def test_a_superseded_copy_says_which_revision_is_current(situation):
    result = invoke("verify", situation["first"], "--db", situation["db"])
    assert result.exit_code == 1 and "de huidige revisie is 2" in result.stderr


def test_the_installed_script_uses_the_same_table(gespreks_script, clean_env, situation,
                                                  tmp_path: Path):
    db = str(situation["db"])
    for args, code in ((("show", "999"), 1), (("list", "--employee", "Nobody"), 1),
                       (("show", "abc"), 2), (("list", "--bogus"), 2),
                       (("list", "--db", str(situation["corrupt"])), 2), (("list",), 0)):
        done = subprocess.run([str(gespreks_script), *args, "--db", db] if "--db" not in args
                              else [str(gespreks_script), *args],
                              capture_output=True, text=True, env=clean_env, cwd=tmp_path,
                              timeout=60)
        assert done.returncode == code, (args, done.stderr)
        if code:
            assert len(done.stderr.strip().splitlines()) == 1, (args, done.stderr)


def test_a_usage_error_is_one_line_in_the_users_language(demo_db: Path):
    # (CliRunner names the program "cli"; the installed script says "gespreks")
    dutch = invoke("show", "abc", "--db", demo_db)
    assert dutch.stderr.strip() == (
        "Ongeldige waarde voor 'ID': 'abc' is geen geldig getal. Zie 'cli show --help'.")
    english = invoke("show", "abc", "--lang", "en", "--db", demo_db)
    assert english.exit_code == 2
    assert english.stderr.strip() == (
        "Invalid value for 'ID': 'abc' is not a valid number. See 'cli show --help'.")


def test_exit_codes_are_decided_by_what_the_error_is_about():
    from gespreks_tui.cli.exit_codes import exit_code_for
    from gespreks_tui.db import MissingDatabase, StoreError

    assert exit_code_for(StoreError("conversation.not_found", "x.db", id=9)) == 1
    assert exit_code_for(StoreError("confirm.already", "x.db", name="J", revision=1)) == 1
    assert exit_code_for(StoreError("db.locked", "x.db")) == 2
    assert exit_code_for(MissingDatabase("db.missing", "x.db")) == 1
    assert exit_code_for(ExportError("export.failed", path="d",
                                     reason=Term("privacy.export.not_empty"))) == 1
    assert exit_code_for(ExportError("export.failed", path="d", reason="No space left")) == 2


def test_the_help_shows_the_table():
    dutch = invoke("--help")
    assert "Afsluitcodes:" in dutch.stdout and "  1  geweigerd of niet gevonden" in dutch.stdout
    english = invoke("--lang", "en", "--help")
    assert "Exit codes:" in english.stdout
