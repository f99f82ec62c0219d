"""The store's queries use their indexes on a large database, before and after analyze.

Issue 19: after ``pragma optimize`` had run ``analyze``, the start screen's
``unfinished_conversations`` scanned every conversation (the index on
``status`` alone read as half the table). These tests build a database of
the shape a team has after years (a few running conversations among
thousands, most agreements done), run the store's own methods while
recording the SQL they send, and ask SQLite for the plan of each statement:
first as migrated, then after ``pragma optimize`` and ``analyze``.
"""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import pytest

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.model import Kind
from gespreks_tui.store import Store

PEOPLE, PER_PERSON, AGREEMENTS_EACH = 200, 15, 6  # 3,000 conversations, 18,000 agreements
EMPLOYEE = 100  # a person id with a full history
MANAGER = 1


def _build(path: Path) -> None:
    Store.open(path).close()  # the schema, through the migrations
    rng = random.Random(19)
    snapshot = json.dumps(builtin_agenda(Kind.VOORTGANG).snapshot())
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany("insert into people (id, name, created_at) values (?, ?, '2020-01-01')",
                         [(i, f"Persoon {i:04d}") for i in range(1, PEOPLE + 1)])
        conversations, agreements = [], []
        for person in range(2, PEOPLE + 1):
            for n in range(PER_PERSON):
                cid = len(conversations) + 1
                latest = n == PER_PERSON - 1
                status = "running" if latest and person < 5 else "confirmed"
                day = f"{2012 + n % 14}-{1 + n % 12:02d}-15"
                kind = "beoordeling" if n % 5 == 4 else "voortgang"  # the procedure's
                conversations.append((cid, kind, person, MANAGER, status, day,
                                      f"{day}T09:00:00+00:00", snapshot))
                for position in range(AGREEMENTS_EACH):
                    is_open = latest or rng.random() < 0.05
                    agreements.append((cid, position, f"Afspraak {cid}.{position}",
                                       day if rng.random() < 0.8 else None,
                                       "open" if is_open else "done", day))
        conn.executemany(
            "insert into conversations (id, kind, employee_id, manager_id, status, "
            "planned_seconds, next_evaluation, created_at, updated_at, ended_at, "
            "agenda_snapshot) values (?, ?, ?, ?, ?, 3600, ?, ?, ?7, ?7, ?)", conversations)
        conn.executemany(
            "insert into agreements (conversation_id, position, text, due_date, status, "
            "created_at, updated_at) values (?, ?, ?, ?, ?, ?6, ?6)", agreements)
    conn.close()


@pytest.fixture(scope="module")
def large_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("plans") / "large.db"
    _build(path)
    return path


# Each store call, and the indexes its statements must use.
CALLS = {
    "unfinished_conversations": (lambda s: s.unfinished_conversations(),
                                 ["conversations_unfinished"]),
    "due (start screen)": (lambda s: s.due("2026-12-02", 14, limit=6),
                           ["agreements_open_due", "conversations_by_employee",
                            "conversations_appraisals_ended"]),
    "due_count": (lambda s: s.due_count("2026-12-02", 14),
                  ["agreements_open_due", "conversations_appraisals_ended"]),
    # the appraisal procedure's terms (migration 15): only the index is read, below
    "due (one employee)": (lambda s: s.due("2026-12-02", 14, employee_id=EMPLOYEE, limit=6),
                           ["conversations_by_employee", "conversations_appraisals_ended"]),
    "conversations_involving (employee)": (lambda s: s.conversations_involving(EMPLOYEE),
                                           ["conversations_by_employee",
                                            "conversations_by_manager"]),
    "conversations_involving (manager)": (lambda s: s.conversations_involving(MANAGER),
                                          ["conversations_by_employee",
                                           "conversations_by_manager"]),
    "list_conversations": (lambda s: s.list_conversations(EMPLOYEE),
                           ["conversations_by_employee", "agreements_by_conversation"]),
    "open_agreements_of": (lambda s: s.open_agreements_of(EMPLOYEE),
                           ["conversations_by_employee", "agreements_by_conversation"]),
}
BIG_TABLES = ("conversations", "agreements")


def _plans(store: Store, call) -> list[str]:
    """Every plan line of every select ``call`` sends (values bound, as SQLite expands them)."""
    sent: list[str] = []
    conn = store.db.conn
    conn.set_trace_callback(sent.append)
    try:
        call(store)
    finally:
        conn.set_trace_callback(None)
    lines = []
    for sql in sent:
        if sql.lstrip().lower().startswith(("select", "with")):
            lines += [row[-1] for row in conn.execute("explain query plan " + sql)]
    assert lines, "no select was recorded"
    return lines


def _full_scans(store: Store, lines: list[str]) -> list[str]:
    """Plan lines that read a whole big table (a scan through no index)."""
    aliases = set(BIG_TABLES) | {"c", "c2", "a", "x"}
    return [line for line in lines if line.startswith("SCAN ")
            and line.split()[1] in aliases and "USING" not in line]


def _check(store: Store, name: str) -> None:
    call, indexes = CALLS[name]
    lines = _plans(store, call)
    text = "\n".join(lines)
    for index in indexes:
        assert f"INDEX {index}" in text, f"{name} does not use {index}:\n{text}"
    assert _full_scans(store, lines) == [], f"{name} scans a big table:\n{text}"


@pytest.mark.parametrize("name", list(CALLS))
def test_queries_use_their_indexes_as_migrated(large_db: Path, name: str):
    conn = sqlite3.connect(large_db)
    assert conn.execute("select count(*) from sqlite_master "
                        "where name = 'sqlite_stat1'").fetchone()[0] == 0  # no statistics
    conn.close()
    store = Store.open(large_db)
    try:
        _check(store, name)
    finally:
        store.db.conn.close()  # not store.close(): its pragma optimize would analyze


@pytest.mark.parametrize("name", list(CALLS))
def test_queries_keep_their_indexes_after_optimize_and_analyze(tmp_path: Path,
                                                               large_db: Path, name: str):
    copy = tmp_path / "analysed.db"
    source = sqlite3.connect(large_db)
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.execute("pragma optimize")
    target.execute("analyze")  # what pragma optimize does once the app has run a while
    target.close()
    store = Store.open(copy)
    try:
        assert store.db.execute("select count(*) from sqlite_stat1").fetchone()[0] > 0
        _check(store, name)
    finally:
        store.close()


@pytest.mark.parametrize("analysed", [False, True])
def test_the_procedure_terms_read_only_their_index(tmp_path: Path, large_db: Path,
                                                   analysed: bool):
    """The procedure's terms read the concluded beoordelingen through the index of
    migration 15, in one pass, before and after analyze (not a search per person)."""
    copy = tmp_path / "copy.db"
    source, target = sqlite3.connect(large_db), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    if analysed:
        target.execute("pragma optimize")
        target.execute("analyze")
    target.close()
    store = Store.open(copy)
    try:
        assert len(store.due("2026-12-02", 14)) > 100  # the old beoordelingen are running
        for call in (lambda s: s.due_count("2026-12-02", 14),
                     lambda s: s.due("2026-12-02", 14, limit=6)):
            store.db.execute("insert into settings (key, value) values ('x', '1') "
                             "on conflict (key) do update set value = value || '1'")
            text = "\n".join(_plans(store, call))
            assert "SCAN c USING INDEX conversations_appraisals_ended" in text, text
    finally:
        store.db.conn.close()


def test_a_full_scan_is_caught(large_db: Path):
    """The check itself: a query that reads every conversation is reported."""
    store = Store.open(large_db)
    try:
        lines = _plans(store, lambda s: s.db.execute(
            "select * from conversations where kind = 'voortgang'").fetchall())
        assert _full_scans(store, lines) == ["SCAN conversations"]
    finally:
        store.db.conn.close()


def test_every_foreign_key_has_an_index_that_starts_with_it(large_db: Path):
    """SQLite looks up the children of a deleted (or erased) parent by the key."""
    conn = sqlite3.connect(large_db)
    try:
        tables = [r[0] for r in conn.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")]
        missing = []
        for table in tables:
            leading = set()
            for index in conn.execute(f"pragma index_list('{table}')").fetchall():
                columns = conn.execute(f"pragma index_info('{index[1]}')").fetchall()
                if columns:
                    leading.add(columns[0][2])
            primary = [r[1] for r in sorted(conn.execute(f"pragma table_info('{table}')"),
                                            key=lambda r: r[5]) if r[5]]
            if primary:
                leading.add(primary[0])  # an integer primary key is the rowid itself
            for fk in conn.execute(f"pragma foreign_key_list('{table}')"):
                if fk[3] not in leading:
                    missing.append(f"{table}.{fk[3]}")
        assert missing == []
    finally:
        conn.close()
