"""Backups: consistent while another process writes, owner-only, checked; restoring one."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cli_helpers import invoke, one_line_failure
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.backup import (
    BackupError,
    InUse,
    automatic,
    automatic_backups,
    backup_to,
    check_database,
    restore,
)
from gespreks_tui.model import Kind
from gespreks_tui.paths import backups_dir
from gespreks_tui.store import Store
from helpers import prepare

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes and signals")


def conversation(db_path: Path, clock) -> int:
    store = Store.open(db_path, clock=clock)
    try:
        prepare(store, "Joris Bakker")
        person = store.find_person("Joris Bakker")
        c = store.create_conversation(person.id, builtin_agenda(Kind.VOORTGANG), 45)
        store.save_note(c.id, 0, "shared", "Terugblik: doelen gehaald")
        return c.id
    finally:
        store.close()


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_a_backup_is_owner_only_whatever_the_umask(db_path, clock, tmp_path, umask):
    conversation(db_path, clock)
    old = os.umask(umask)
    try:
        written = backup_to(db_path, tmp_path / "kopie.db")
        folder = backups_dir(db_path)
        made = automatic(db_path, "2026-12-01", keep=7)
    finally:
        os.umask(old)
    assert mode(written) == 0o600 and made is not None and mode(made) == 0o600
    assert mode(folder) == 0o700
    assert check_database(written) > 0
    assert not Path(f"{written}-wal").exists() and not Path(f"{written}-journal").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".kopie")] == []


def test_a_backup_holds_what_is_only_in_the_wal_yet(db_path, clock, tmp_path):
    cid = conversation(db_path, clock)
    store = Store.open(db_path, clock=clock)  # open: the newest write sits in -wal
    try:
        store.save_note(cid, 1, "shared", "Vooruitblik: cursus")
        assert Path(f"{db_path}-wal").stat().st_size > 0
        written = backup_to(db_path, tmp_path)  # a folder: a dated name in it
    finally:
        store.close()
    conn = sqlite3.connect(written)
    try:
        bodies = {r[0] for r in conn.execute("select body from notes")}
    finally:
        conn.close()
    assert bodies == {"Terugblik: doelen gehaald", "Vooruitblik: cursus"}
    assert written.parent == tmp_path and written.name.startswith("gespreks-")


def test_an_existing_file_is_not_overwritten_unless_asked(db_path, clock, tmp_path):
    conversation(db_path, clock)
    target = tmp_path / "kopie.db"
    target.write_text("mijn eigen bestand")
    with pytest.raises(BackupError):
        backup_to(db_path, target)
    assert target.read_text() == "mijn eigen bestand"
    result = invoke("--db", db_path, "backup", target)
    assert "bestaat al" in one_line_failure(result, 1)
    result = invoke("--db", db_path, "backup", target, "--overwrite")
    assert result.exit_code == 0 and check_database(target) > 0


def test_automatic_backups_one_a_day_the_last_ones_kept(db_path, clock):
    conversation(db_path, clock)
    for day in range(1, 6):
        assert automatic(db_path, f"2026-12-0{day}", keep=3) is not None
    assert automatic(db_path, "2026-12-05", keep=3) is None  # today's exists
    assert [p.name for p in automatic_backups(db_path)] == [
        "gespreks-2026-12-03.db", "gespreks-2026-12-04.db", "gespreks-2026-12-05.db"]
    assert automatic(db_path, "2026-12-06", keep=0) is None  # off
    assert len(automatic_backups(db_path)) == 3


WRITER = """
    import sys
    from gespreks_tui.store import Store
    store = Store.open({db!r})
    version = 0
    while True:
        version += 1
        with store.db.atomic():  # two notes and the phase: one step, always together
            store.save_note({cid}, 0, "shared", f"versie {{version}} " + "x" * (version % 300))
            store.save_note({cid}, 1, "private", f"versie {{version}}")
        if version == 20:
            print("writing", flush=True)
"""


def test_a_backup_taken_while_another_process_writes_restores_to_an_identical_conversation(
        db_path, clock, tmp_path):
    cid = conversation(db_path, clock)
    writer = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(WRITER.format(db=str(db_path), cid=cid))],
        stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "writing"
        written = backup_to(db_path, tmp_path / "tijdens.db")
    finally:
        writer.kill()
        writer.wait(timeout=10)
    taken = dump(written)
    conn = sqlite3.connect(written)
    try:
        notes = dict(conn.execute("select visibility, body from notes n join phases p "
                                  "on p.id = n.phase_id where p.position in (0, 1)"))
    finally:
        conn.close()
    shared, private = notes["shared"], notes["private"]
    assert shared.split(" ")[:2] == private.split(" ")[:2]  # one snapshot, never torn

    kept = restore(db_path, written, "test")  # the writer is gone: nothing holds the db
    assert kept is not None and check_database(kept) > 0
    assert dump(db_path) == taken
    store = Store.open(db_path, clock=clock)
    try:
        restored = store.notes(cid)
    finally:
        store.close()
    assert {str(v): b for (p, v), b in restored.items() if p in (0, 1)} == notes
    assert mode(db_path) == 0o600


def test_restore_refuses_what_is_not_a_gespreks_database(db_path, clock, tmp_path):
    conversation(db_path, clock)
    before = dump(db_path)
    text = tmp_path / "tekst.db"
    text.write_text("geen database")
    other = tmp_path / "ander.db"
    sqlite3.connect(other).execute("create table x (y)").connection.close()
    for bad, code in ((text, 2), (other, 2), (tmp_path / "weg.db", 1), (tmp_path, 1)):
        with pytest.raises(BackupError):
            restore(db_path, bad, "test")
        result = invoke("--db", db_path, "restore", bad, "--yes")
        one_line_failure(result, code)
    assert dump(db_path) == before
    assert automatic_backups(db_path) == []


HOLDER = """
    from gespreks_tui.presence import Presence
    import time
    p = Presence({db!r})
    print(p.hold_database(), flush=True)
    time.sleep(60)
"""


def test_restore_refuses_while_another_copy_of_the_app_runs(db_path, clock, tmp_path):
    conversation(db_path, clock)
    written = backup_to(db_path, tmp_path / "kopie.db")
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(HOLDER.format(db=str(db_path)))],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "True"
        with pytest.raises(InUse):
            restore(db_path, written, "test")
        result = invoke("--db", db_path, "restore", written, "--yes")
        assert "andere kopie" in one_line_failure(result, 1)
        info = invoke("--db", db_path, "info", "--json")
        assert '"running_elsewhere": true' in info.output
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert invoke("--db", db_path, "restore", written, "--yes").exit_code == 0


def test_restore_asks_first_on_stderr(db_path, clock, tmp_path):
    cid = conversation(db_path, clock)
    written = backup_to(db_path, tmp_path / "kopie.db")
    store = Store.open(db_path, clock=clock)
    try:
        store.save_note(cid, 0, "shared", "later getypt")
    finally:
        store.close()
    no = invoke("--db", db_path, "restore", written, input="n\n")
    assert no.exit_code == 1 and "vervangen" in no.stderr and "vervangen" not in no.stdout
    yes = invoke("--db", db_path, "restore", written, input="j\n")
    assert yes.exit_code == 0, yes.output
    assert "teruggezet" in yes.stdout
    store = Store.open(db_path, clock=clock)
    try:
        assert store.notes(cid)[(0, "shared")] == "Terugblik: doelen gehaald"
    finally:
        store.close()
    kept = [p for p in backups_dir(db_path).iterdir() if "before-restore" in p.name]
    assert len(kept) == 1
    conn = sqlite3.connect(kept[0])
    try:
        assert ("later getypt",) in conn.execute("select body from notes").fetchall()
    finally:
        conn.close()


def test_the_backup_command_writes_to_the_backup_folder(db_path, clock):
    conversation(db_path, clock)
    result = invoke("--db", db_path, "backup")
    assert result.exit_code == 0, result.output
    made = list(backups_dir(db_path).iterdir())
    assert len(made) == 1 and str(made[0]) in result.stdout and mode(made[0]) == 0o600
    missing = invoke("--db", db_path.parent / "nergens.db", "backup")
    assert "geen database" in one_line_failure(missing, 1)
