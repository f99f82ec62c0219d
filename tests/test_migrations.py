"""Migrations 9 and 10 (issue 19) on a database an older version wrote, and no drift.

Applied migrations are never edited, and the ones after 8 are strict: no
``if not exists``, which would hide a schema that differs from what the
version says (a database that already has the index, or lacks the table).
"""

from __future__ import annotations

import inspect
import sqlite3
from pathlib import Path

from gespreks_tui import migrations
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.migrations import MIGRATIONS, migrate
from gespreks_tui.model import Kind
from gespreks_tui.schema_indexes import MIGRATION_9
from gespreks_tui.store import Store


def _indexes(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute(
            "select name from sqlite_master where type = 'index' and sql is not null")}
    finally:
        conn.close()


def test_a_version_8_database_gets_the_indexes_and_the_timer_moment(tmp_path: Path):
    path = tmp_path / "v8.db"
    saved = MIGRATIONS[:]
    try:
        migrations.MIGRATIONS[:] = [m for m in saved if m[0] <= 8]
        store = Store.open(path, clock=FakeClock())
        person = store.add_person("Joris Bakker")
        conversation = store.create_conversation(person.id, builtin_agenda(Kind.VOORTGANG), 30)
        store.add_agreement(conversation.id, "Cursus afronden", "employee", "2027-01-10")
        store.close()
    finally:
        migrations.MIGRATIONS[:] = saved
    assert "conversations_by_status" in _indexes(path)

    store = Store.open(path, clock=FakeClock())
    try:
        versions = [r[0] for r in store.db.execute("select version from migrations")]
        assert versions == [v for v, _, _ in MIGRATIONS]
        found = _indexes(path)
        assert {"conversations_by_manager", "collective_members_by_person",
                "correction_resolutions_by_reopening", "conversations_unfinished",
                "agreements_open_due", "handovers_by_until"} <= found
        assert not {"conversations_by_status", "agreements_by_status"} & found
        assert store.timer_moment(conversation.id) is None  # never stored so: nothing added
        store.save_timer(conversation.id, 0, False, {0: 12.0}, at=1_800_000_000.5)
        assert store.timer_moment(conversation.id) == 1_800_000_000.5
        assert [i.text for i in store.due("2027-01-01", 14)] == ["Cursus afronden"]
        assert store.db.execute("pragma integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()


def test_a_migration_is_applied_once_and_a_replay_would_fail(tmp_path: Path):
    """Strict: running migration 9 again on its own schema is an error, not a no-op."""
    store = Store.open(tmp_path / "g.db", clock=FakeClock())
    try:
        assert migrate(store.db, "2026-12-02T00:00:00+00:00") == []
        step = dict((v, f) for v, _, f in MIGRATIONS)[9]
        try:
            with store.db.atomic():
                step(store.db)
        except sqlite3.OperationalError as error:
            assert "already exists" in str(error)
        else:
            raise AssertionError("migration 9 ran twice without a word")
    finally:
        store.close()


def test_no_migration_after_8_hides_a_differing_schema():
    later = [inspect.getsource(f) for v, _, f in MIGRATIONS if v > 8]
    statements = " ".join(later + MIGRATION_9).lower()
    assert "if not exists" not in statements and "if exists" not in statements
