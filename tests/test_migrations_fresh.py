"""A new database is made in one step (``schema_fresh``, issue 19): it must be the
database that every migration, one after the other, makes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from gespreks_tui import migrations, schema_fresh
from gespreks_tui.clock import FakeClock
from gespreks_tui.connection import Connection
from gespreks_tui.migrations import LATEST, MIGRATIONS, migrate
from gespreks_tui.store import Store

NOW = "2026-12-02T00:00:00+00:00"


def _stepwise(path: Path) -> None:
    """``path`` migrated one step at a time, as every database was before."""
    db = Connection(sqlite3.connect(path, isolation_level=None))
    db.conn.execute("pragma foreign_keys = on")
    try:
        with db.atomic():
            db.execute("create table migrations (version integer primary key, "
                       "name text not null, applied_at text not null)")
            for version, name, step in MIGRATIONS:
                step(db)
                db.execute("insert into migrations (version, name, applied_at) "
                           "values (?, ?, ?)", (version, name, NOW))
    finally:
        db.conn.close()


def _schema(path: Path) -> dict:
    conn = sqlite3.connect(path)
    try:
        master = sorted(conn.execute("select type, name, tbl_name, sql from sqlite_master"))
        tables = [name for kind, name, _, _ in master if kind == "table"]
        return {
            "master": master,
            "columns": {t: conn.execute(f"pragma table_xinfo('{t}')").fetchall() for t in tables},
            "keys": {t: conn.execute(f"pragma foreign_key_list('{t}')").fetchall()
                     for t in tables},
            "migrations": conn.execute("select version, name from migrations "
                                       "order by version").fetchall(),
            "user_version": conn.execute("pragma user_version").fetchone()[0],
        }
    finally:
        conn.close()


def _regenerated(path: Path) -> str:
    """What ``schema_fresh.STATEMENTS`` should hold, to paste in after a new migration."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("select sql from sqlite_master where sql is not null "
                            "and name != 'migrations' order by rowid").fetchall()
    finally:
        conn.close()
    return "\n".join(f'    """{sql}""",' for sql, in rows)


def test_a_new_database_equals_one_migrated_step_by_step(tmp_path: Path):
    _stepwise(tmp_path / "steps.db")
    store = Store.open(tmp_path / "fresh.db", clock=FakeClock())
    store.close()
    steps, fresh = _schema(tmp_path / "steps.db"), _schema(tmp_path / "fresh.db")
    assert len(steps["master"]) > 40 and steps["migrations"][-1][0] == LATEST  # all there
    assert fresh == steps, ("schema_fresh is behind the migrations: set VERSION to "
                            f"{LATEST} and STATEMENTS to\n{_regenerated(tmp_path / 'steps.db')}")


def test_the_fresh_schema_is_the_latest():
    assert schema_fresh.VERSION == LATEST


def test_a_new_database_runs_no_migration_step(tmp_path: Path, monkeypatch):
    def no_step(db) -> None:
        raise AssertionError("a step ran on a new database")

    monkeypatch.setattr(migrations, "MIGRATIONS", [(v, n, no_step) for v, n, _ in MIGRATIONS])
    db = Connection(sqlite3.connect(tmp_path / "g.db", isolation_level=None))
    try:
        assert migrate(db, NOW) == [v for v, _, _ in MIGRATIONS]
        assert migrate(db, NOW) == []  # and nothing twice
    finally:
        db.conn.close()


def test_a_migration_after_the_fresh_schema_runs_as_a_step(tmp_path: Path, monkeypatch):
    def later(db) -> None:
        db.execute("create table later_table (id integer primary key)")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*MIGRATIONS, (LATEST + 1, "later", later)])
    db = Connection(sqlite3.connect(tmp_path / "g.db", isolation_level=None))
    try:
        assert migrate(db, NOW)[-2:] == [LATEST, LATEST + 1]
        assert "later_table" in db.table_names()
    finally:
        db.conn.close()


@pytest.mark.parametrize("up_to", [3, 8, 12])
def test_an_older_database_made_by_a_shorter_list_gets_no_newer_tables(tmp_path: Path,
                                                                      monkeypatch, up_to):
    """Tests make older databases by cutting the list: those are made step by step."""
    monkeypatch.setattr(migrations, "MIGRATIONS", [m for m in MIGRATIONS if m[0] <= up_to])
    db = Connection(sqlite3.connect(tmp_path / "g.db", isolation_level=None))
    try:
        assert migrate(db, NOW) == list(range(1, up_to + 1))
        assert "goals" not in db.table_names()  # migration 13's
    finally:
        db.conn.close()
