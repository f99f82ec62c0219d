"""Opening the database file: permissions, and files we must refuse and leave untouched."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
from pathlib import Path

import pytest

from gespreks_tui.clock import FakeClock
from gespreks_tui.db import StoreError
from gespreks_tui.store import Store


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _refused(path: Path, **kwargs) -> StoreError:
    with pytest.raises(StoreError) as caught:
        Store.open(path, clock=FakeClock(), **kwargs)
    error = caught.value
    for lang in ("nl", "en"):
        text = error.message(lang)
        assert str(path) in text
        assert "\n" not in text
    return error


def _files_beside(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def test_new_file_is_owner_only_in_a_new_owner_only_directory(tmp_path: Path):
    old_umask = os.umask(0o022)  # a usual umask must not widen the modes
    try:
        path = tmp_path / "nieuw" / "diep" / "gespreks.db"
        store = Store.open(path, clock=FakeClock())
        store.add_person("Joris Bakker")
        store.close()
    finally:
        os.umask(old_umask)
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700
    assert _mode(path.parent.parent) == 0o700


def test_an_existing_directory_keeps_its_mode(tmp_path: Path):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    path = folder / "gespreks.db"
    Store.open(path, clock=FakeClock()).close()
    assert _mode(folder) == 0o755
    assert _mode(path) == 0o600


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path: Path):
    path = tmp_path / "notities.db"
    content = random.Random(7).randbytes(64 * 1024)
    path.write_bytes(content)
    before = _files_beside(path)
    error = _refused(path)
    assert error.key == "db.not_a_database"
    assert path.read_bytes() == content
    assert _files_beside(path) == before  # no -wal or -journal left behind


def test_a_text_file_is_refused_and_left_alone(tmp_path: Path):
    path = tmp_path / "boodschappen.txt"
    content = b"melk\nbrood\nkaas\n" * 200
    path.write_bytes(content)
    assert _refused(path).key == "db.not_a_database"
    assert path.read_bytes() == content


def _database_with_version(path: Path, version: int) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("create table migrations (version integer primary key, name text not null, "
                 "applied_at text not null)")
    conn.execute("insert into migrations values (1, 'initial', '2026-01-01T00:00:00+00:00')")
    conn.execute("insert into migrations values (?, 'future', '2030-01-01T00:00:00+00:00')",
                 [version])
    conn.execute("create table future_things (id integer primary key)")
    conn.commit()
    conn.close()
    return path.read_bytes()


def test_a_newer_schema_is_refused_and_never_modified(tmp_path: Path):
    path = tmp_path / "nieuwer.db"
    content = _database_with_version(path, 999)
    before = _files_beside(path)
    error = _refused(path)
    assert error.key == "db.newer_schema"
    assert "999" in error.message("en")
    assert path.read_bytes() == content
    assert _files_beside(path) == before
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("pragma journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()


def test_a_locked_file_is_refused_after_the_busy_timeout(tmp_path: Path):
    path = tmp_path / "bezet.db"
    Store.open(path, clock=FakeClock()).close()
    # Another program holds an exclusive lock on a rollback-journal database.
    setup = sqlite3.connect(path)
    setup.execute("pragma journal_mode = delete")
    setup.close()
    content = path.read_bytes()
    holder = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        holder.execute("begin exclusive")
        error = _refused(path, busy_timeout=0.2)
        assert error.key == "db.locked"
        assert path.read_bytes() == content
    finally:
        holder.execute("rollback")
        holder.close()
    assert path.read_bytes() == content
    # Once the other program lets go, the file opens normally.
    Store.open(path, clock=FakeClock()).close()


def test_a_locked_new_style_database_is_refused_too(tmp_path: Path):
    path = tmp_path / "bezet-wal.db"
    Store.open(path, clock=FakeClock()).close()
    holder = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        # locking_mode exclusive keeps even WAL readers out.
        holder.execute("pragma locking_mode = exclusive")
        holder.execute("begin exclusive")
        holder.execute("insert into settings values ('x', 'y')")
        assert _refused(path, busy_timeout=0.2).key == "db.locked"
    finally:
        holder.execute("rollback")
        holder.close()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root can read a file whatever its mode")
def test_an_unreadable_file_is_refused(tmp_path: Path):
    path = tmp_path / "geheim.db"
    Store.open(path, clock=FakeClock()).close()
    content = path.read_bytes()
    path.chmod(0o000)
    try:
        assert _refused(path).key == "db.unreadable"
    finally:
        path.chmod(0o600)
    assert path.read_bytes() == content


def test_a_directory_is_refused(tmp_path: Path):
    folder = tmp_path / "map.db"
    folder.mkdir()
    (folder / "iets.txt").write_text("blijft staan")
    error = _refused(folder)
    assert error.key == "db.is_directory"
    assert [p.name for p in folder.iterdir()] == ["iets.txt"]


def test_a_file_where_a_directory_should_be_is_refused(tmp_path: Path):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    error = _refused(blocker / "gespreks.db")
    assert error.key == "db.cannot_create"
    assert blocker.read_text() == "geen map"


def test_store_error_exit_code_is_2():
    assert StoreError.exit_code == 2
