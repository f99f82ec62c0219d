"""Every path to one database shares one claim; odd files, loose modes and typos are refused.

Issue 14: a symlinked ``--db`` let two copies edit one meeting (the first lost
its notes); a hard link splits SQLite's ``-wal`` per name; an existing file kept
0644/0666 and so did its ``-wal``/``-shm``; a FIFO or device as template, form
or database hung the app or ran out of memory; a mistyped ``--db`` on a read
command made a new empty database and its folder. Everything that could hang
runs in a subprocess with a timeout, so a regression fails instead of hanging.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.db import MissingDatabase, StoreError, owner_only_files
from gespreks_tui.model import Kind
from gespreks_tui.presence import Presence, side_file
from gespreks_tui.safe_read import MOST_BYTES, FileRefused, read_small_file
from gespreks_tui.store import Store
from helpers import prepare

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files and locks")

TIMEOUT = 60  # seconds; a hang is a failure


def mode(path: Path | str) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def run(script: Path, env: dict[str, str], *args: str, umask: int | None = None):
    return subprocess.run(
        [str(script), *args], capture_output=True, text=True, env=env, timeout=TIMEOUT,
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None)


def in_python(code: str, env: dict[str, str] | None = None):
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, env=env, timeout=TIMEOUT)


def running_meeting(db: Path) -> int:
    store = Store.open(db)
    try:
        prepare(store, "Joris Bakker")
        person = store.find_person("Joris Bakker")
        c = store.create_conversation(person.id, builtin_agenda(Kind.VOORTGANG), 45)
        store.save_note(c.id, 0, "shared", "Wat de eerste typte")
        store.remember_open_meeting(c.id)
        return c.id
    finally:
        store.close()


# --- one claim per database, whatever the path ----------------------------------------

def test_a_symlink_and_the_real_file_share_one_side_file(tmp_path):
    real = tmp_path / "real.db"
    Store.open(real).close()
    (tmp_path / "link.db").symlink_to(real)
    (tmp_path / "dir").mkdir()
    assert side_file(tmp_path / "link.db") == side_file(real)
    assert side_file(tmp_path / "dir" / ".." / "link.db") == side_file(real)


def test_a_claim_through_the_real_file_is_seen_through_a_symlink(tmp_path):
    real, link = tmp_path / "real.db", tmp_path / "link.db"
    Store.open(real).close()
    link.symlink_to(real)
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import time
            from gespreks_tui.presence import Presence
            print(Presence({str(real)!r}).claim(3), flush=True)
            time.sleep(60)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "True"
        here = Presence(link)
        try:
            assert here.open_elsewhere(3) and not here.claim(3)
        finally:
            here.close()
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert not (tmp_path / "link.db-open").exists()


def test_two_apps_on_a_file_and_its_symlink_never_both_edit_a_meeting(
        tmp_path, gespreks_script, clean_env):
    from test_meeting_crash import CTRL_Q, AppInPty

    real, link = tmp_path / "real.db", tmp_path / "link.db"
    running_meeting(real)
    link.symlink_to(real)
    first = AppInPty(gespreks_script, real, clean_env)
    second = None
    try:
        first.wait_for("Wat de eerste typte")  # resumed: this copy holds the meeting
        first.settle(quiet=0.2)
        second = AppInPty(gespreks_script, link, clean_env)
        second.wait_for("Medewerkers")  # not resumed here: it is open in the first copy
        second.settle(quiet=0.2)
        assert "Wat de eerste typte" not in second.text()
        second.send(b"\x12")  # ctrl+r: asked for, it opens read-only
        second.wait_for("ander venster")
        for app in (first, second):
            app.send(CTRL_Q)
        assert first.process.wait(timeout=15) == 0
        assert second.process.wait(timeout=15) == 0
    finally:
        first.close()
        if second is not None:
            second.close()
    assert not (tmp_path / "link.db-open").exists()


def test_a_hard_linked_database_is_refused_while_the_first_app_runs(
        tmp_path, gespreks_script, clean_env):
    from test_meeting_crash import CTRL_Q, AppInPty

    real, other = tmp_path / "real.db", tmp_path / "tweede.db"
    running_meeting(real)
    first = AppInPty(gespreks_script, real, clean_env)
    try:
        first.wait_for("Wat de eerste typte")
        os.link(real, other)
        second = run(gespreks_script, clean_env, "--db", str(other))
        assert second.returncode == 2
        assert "harde links" in second.stderr and len(second.stderr.splitlines()) == 1
        listed = run(gespreks_script, clean_env, "--db", str(other), "list")
        assert listed.returncode == 2 and "harde links" in listed.stderr
        first.send(CTRL_Q)
        assert first.process.wait(timeout=15) == 0
    finally:
        first.close()
    assert not Path(f"{other}-wal").exists() and not Path(f"{other}-shm").exists()
    with pytest.raises(StoreError) as refused:
        Store.open(other)
    assert refused.value.key == "db.hard_linked"


# --- permissions ----------------------------------------------------------------------

@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_loose_files_are_made_owner_only_with_a_line_each(tmp_path, gespreks_script,
                                                          clean_env, umask):
    db = tmp_path / "g.db"
    Store.open(db).close()
    loose = 0o666 & ~umask
    # Left over after a kill -9: -wal and -shm, and the side file.
    for suffix in ("-wal", "-shm", "-open"):
        Path(f"{db}{suffix}").touch()
    for name in (db, f"{db}-wal", f"{db}-shm", f"{db}-open"):
        os.chmod(name, loose)
    done = run(gespreks_script, clean_env, "--db", str(db), "list", umask=umask)
    assert done.returncode == 0, done.stderr
    notices = done.stderr.splitlines()
    assert len(notices) == 4 and all(f"({loose:04o})" in line for line in notices)
    for name in (db, side_file(db)):
        assert mode(name) == 0o600
    assert [line.split()[0] for line in notices] == [
        str(db.resolve()), f"{db.resolve()}-wal", f"{db.resolve()}-shm",
        str(side_file(db))]
    again = run(gespreks_script, clean_env, "--db", str(db), "list", umask=umask)
    assert again.returncode == 0 and again.stderr == ""  # said once, put right once


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_a_touched_file_and_its_wal_and_shm_are_owner_only_after_the_first_write(
        tmp_path, umask):
    db = tmp_path / "g.db"
    old = os.umask(umask)
    try:
        db.touch()  # 0644 or 0666, as in the issue
        store = Store.open(db)
        try:
            assert store.notices and "g.db" in store.notices[0]
            store.add_person("Anna Smit")  # the first write: -wal and -shm exist now
            for name in (db, f"{db}-wal", f"{db}-shm"):
                assert mode(name) == 0o600, name
            presence = Presence(db)
            assert presence.claim(1)
            assert mode(side_file(db)) == 0o600
            presence.close()
        finally:
            store.close()
    finally:
        os.umask(old)


def test_the_demo_on_a_touched_file_leaves_nothing_readable_by_others(
        tmp_path, gespreks_script, clean_env):
    db = tmp_path / "g.db"
    db.touch()
    os.chmod(db, 0o644)
    done = run(gespreks_script, clean_env, "--db", str(db), "demo", umask=0o022)
    assert done.returncode == 0, done.stderr
    assert "0644" in done.stderr
    assert [name for name in os.listdir(tmp_path) if mode(tmp_path / name) & 0o077] == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may change any file's mode")
def test_a_mode_that_cannot_be_changed_is_refused_with_the_reason(tmp_path):
    theirs = next((Path(p) for p in ("/etc/passwd", "/etc/hostname")
                   if Path(p).exists() and mode(p) & 0o077), None)
    if theirs is None:
        pytest.skip("no file of another user with loose bits")
    with pytest.raises(StoreError) as refused:
        owner_only_files(theirs)
    assert refused.value.key == "db.loose_permissions"
    assert refused.value.values["reason"]


# --- odd files ------------------------------------------------------------------------

def odd_files(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    folder = tmp_path / "map"
    folder.mkdir()
    zero_link = tmp_path / "zero"
    zero_link.symlink_to("/dev/zero")
    return {"fifo": fifo, "folder": folder, "/dev/null": Path("/dev/null"),
            "/dev/zero": Path("/dev/zero"), "symlink to /dev/zero": zero_link}


def test_an_odd_file_is_refused_unread(tmp_path):
    for name, path in odd_files(tmp_path).items():
        with pytest.raises(FileRefused) as refused:
            read_small_file(path)  # a FIFO would hang here without O_NONBLOCK
        assert refused.value.key == "file.not_regular", name
    big = tmp_path / "groot.md"
    big.write_bytes(b"a" * (MOST_BYTES + 1))
    with pytest.raises(FileRefused) as refused:
        read_small_file(big)
    assert refused.value.key == "file.too_large"
    just = tmp_path / "net.md"
    just.write_bytes(b"a" * MOST_BYTES)
    assert len(read_small_file(just)) == MOST_BYTES


@pytest.mark.parametrize("odd", ["fifo", "folder", "/dev/null", "/dev/zero",
                                 "symlink to /dev/zero"])
def test_an_odd_database_is_one_line_and_nothing_is_made(tmp_path, gespreks_script,
                                                         clean_env, odd):
    path = odd_files(tmp_path)[odd]
    before = set(os.listdir(path.parent))
    for args in (["list"], ["demo"], []):  # a read command, the demo, the app
        done = run(gespreks_script, clean_env, "--db", str(path), *args)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr
    assert set(os.listdir(path.parent)) == before  # no /dev/null-journal, no fifo-wal


def test_odd_preparation_forms_are_one_message_not_a_hang(tmp_path):
    paths = odd_files(tmp_path)
    big = tmp_path / "groot.md"
    big.write_bytes(b"a" * 24_000_000)  # the 24 MB form of the issue
    paths["24 MB"] = big
    done = in_python(f"""
        from gespreks_tui.prepare import PreparationError, read_preparation
        for path in {[str(p) for p in paths.values()]!r}:
            try:
                read_preparation(path, "Joris Bakker", "voortgang")
            except PreparationError as error:
                print(error.message())
    """)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(paths)
    assert all(line.startswith("Kan het formulier") for line in lines)
    assert "groter dan 1 MB" in lines[-1]


def test_odd_templates_are_problems_not_a_hang(tmp_path, gespreks_script, clean_env):
    folder = tmp_path / "config" / "templates"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "voortgang.nl.md")
    (folder / "voortgang.en.md").symlink_to("/dev/zero")
    (folder / "doelstelling.nl.md").mkdir()
    (folder / "beoordeling.nl.md").write_bytes(b"# x\n" * 300_000)
    env = dict(clean_env, GESPREKS_CONFIG=str(tmp_path / "config"))
    done = run(gespreks_script, env, "templates")
    assert done.returncode == 0, done.stderr
    for name in ("voortgang.nl.md", "voortgang.en.md", "doelstelling.nl.md",
                 "beoordeling.nl.md"):
        assert f"{name}: het bestand" in done.stdout, name
    agenda = in_python(f"""
        from gespreks_tui.agendas import load_agenda
        agenda, problems = load_agenda("voortgang", "nl", {str(tmp_path / "config")!r})
        print(agenda.source, len(problems))
    """)
    assert agenda.returncode == 0 and agenda.stdout.split() == ["builtin", "1"]


# --- read commands never create a database --------------------------------------------

READ_COMMANDS = [
    ["list"], ["show", "1"], ["due"], ["export", "1"], ["verify", "FILE"],
    ["confirm", "FILE"], ["person", "export", "Joris", "-o", "OUT"],
    ["person", "erase", "Joris", "--yes"], ["person", "left", "Joris"], ["retention"],
    ["purge", "--dry-run"], ["collective", "list"], ["collective", "add", "Cursus"],
    ["collective", "end", "1"], ["done", "1"], ["prepare", "Joris"],
]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_read_command_on_a_missing_path_makes_nothing(tmp_path, gespreks_script,
                                                        clean_env, command):
    missing = tmp_path / "getypt" / "fout.db"
    minutes = tmp_path / "verslag.md"
    minutes.write_text("# Verslag\n")
    args = [str(minutes) if a == "FILE" else str(tmp_path / "uit") if a == "OUT" else a
            for a in command]
    done = run(gespreks_script, clean_env, "--db", str(missing), *args)
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert done.stderr.strip() == (f"Er is geen database op {missing}; start de app of "
                                   "`gespreks demo` om er een te maken.")
    assert not missing.parent.exists()
    assert not (tmp_path / "uit").exists()


def test_the_missing_database_line_in_english(tmp_path, gespreks_script, clean_env):
    missing = tmp_path / "nope.db"
    done = run(gespreks_script, clean_env, "--lang", "en", "--db", str(missing), "list")
    assert done.returncode == 1
    assert done.stderr.startswith(f"There is no database at {missing};")
    assert not missing.exists()


def test_the_demo_and_the_store_still_create_a_database(tmp_path, gespreks_script, clean_env):
    made = tmp_path / "nieuw" / "g.db"
    done = run(gespreks_script, clean_env, "--db", str(made), "demo")
    assert done.returncode == 0, done.stderr
    assert mode(made) == 0o600 and mode(made.parent) == 0o700
    with pytest.raises(MissingDatabase):
        Store.open(tmp_path / "ander.db", create=False)
    assert not (tmp_path / "ander.db").exists()


@pytest.mark.parametrize("command", ["verify", "confirm"])
def test_an_odd_returned_file_is_one_line_not_a_hang(tmp_path, demo_db, gespreks_script,
                                                   clean_env, command):
    for label, odd in odd_files(tmp_path).items():
        done = run(gespreks_script, clean_env, "--db", str(demo_db), command, str(odd))
        assert done.returncode == 2, label
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and str(odd) in lines[0], (label, done.stderr)
