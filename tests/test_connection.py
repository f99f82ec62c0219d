"""The store's connection: sqlite-utils' meaning, without importing it until needed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from gespreks_tui.connection import Connection


@pytest.fixture
def db(tmp_path):
    conn = sqlite3.connect(tmp_path / "c.db", timeout=0.2, check_same_thread=False)
    conn.execute("pragma journal_mode = wal")
    db = Connection(conn)
    db.execute("create table t (id integer primary key, v text not null)")
    yield db
    conn.close()


def other_view(tmp_path) -> list[str]:
    conn = sqlite3.connect(tmp_path / "c.db")
    try:
        return [r[0] for r in conn.execute("select v from t order by id")]
    finally:
        conn.close()


def test_a_write_outside_a_transaction_is_committed_at_once(db, tmp_path):
    db.execute("insert into t (v) values (?)", ["een"])
    assert not db.conn.in_transaction
    assert other_view(tmp_path) == ["een"]


def test_query_gives_dicts_and_refuses_statements_without_rows(db):
    db.execute("insert into t (v) values ('een')")
    assert list(db.query("select id, v from t")) == [{"id": 1, "v": "een"}]
    with pytest.raises(ValueError):
        db.query("update t set v = 'twee'")


def test_atomic_is_all_or_nothing_and_nests_with_savepoints(db, tmp_path):
    with db.atomic():
        db.execute("insert into t (v) values ('een')")
        with pytest.raises(RuntimeError), db.atomic():
            db.execute("insert into t (v) values ('weg')")
            raise RuntimeError("inner fails")
        db.execute("insert into t (v) values ('twee')")
    assert other_view(tmp_path) == ["een", "twee"]
    with pytest.raises(sqlite3.IntegrityError), db.atomic():
        db.execute("insert into t (v) values ('drie')")
        db.execute("insert into t (v) values (null)")
    assert other_view(tmp_path) == ["een", "twee"]
    assert not db.conn.in_transaction


def test_atomic_takes_the_write_lock_at_its_start(db, tmp_path):
    other = sqlite3.connect(tmp_path / "c.db", timeout=0.1)
    try:
        # BEGIN IMMEDIATE: another writer must wait even before this one has written
        with db.atomic(), pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("begin immediate")
    finally:
        other.close()


def test_a_failed_write_leaves_no_transaction_open(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("insert into t (v) values (null)")
    assert not db.conn.in_transaction


def test_table_helpers_come_from_sqlite_utils_inside_our_transactions(db, tmp_path):
    db["t"].insert({"v": "een"})
    with pytest.raises(RuntimeError), db.atomic():
        db["t"].insert({"v": "weg"})
        raise RuntimeError
    assert other_view(tmp_path) == ["een"]
    assert db.table_names() == ["t"]


def test_sqlite_utils_is_imported_only_by_the_table_helpers(tmp_path):
    code = (
        "import sqlite3, sys\n"
        "from gespreks_tui.connection import Connection\n"
        f"db = Connection(sqlite3.connect({str(tmp_path / 'x.db')!r}))\n"
        "db.execute('create table t (v text)')\n"
        "db.execute('insert into t values (1)')\n"
        "with db.atomic():\n"
        "    list(db.query('select * from t'))\n"
        "print('sqlite_utils' in sys.modules)\n"
        "db['t'].insert({'v': 2})\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
