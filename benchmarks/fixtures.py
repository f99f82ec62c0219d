"""Databases and texts the benchmarks run against, built through the app's own store.

``meeting_db`` is a small installation with one meeting running (what a user
resumes); ``history_db`` is the large generated history, built once and cached
in the temp directory (its name carries the schema version, so a new migration
builds a fresh one).
"""

from __future__ import annotations

import json
import random
import sqlite3
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

MANAGER = "Sanne de Vries"
MANAGER_SETTING = "manager.name"  # gespreks_tui.tui.app.MANAGER_SETTING (not imported: Textual)
CACHE = Path(tempfile.gettempdir()) / "gespreks-bench"

_WORDS = ("doelen", "project", "klant", "planning", "team", "feedback", "cursus",
          "overleg", "portaal", "afspraak", "voortgang", "resultaat", "ontwikkeling",
          "samenwerking", "werkdruk", "budget", "mentor", "certificaat", "rol", "kwartaal")


def note_text(lines: int, seed: int = 1) -> str:
    """Meeting notes of ``lines`` lines, 2-30 words each (some wrap in the pane)."""
    rng = random.Random(seed)
    out = []
    for i in range(lines):
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(2, 30)))
        out.append(f"{i + 1}. {words.capitalize()}.")
    return "\n".join(out)


def meeting_db(path: Path, note_lines: int = 40, agreements: int = 5) -> int:
    """A used installation (demo history) with one running meeting; returns its id."""
    from gespreks_tui.agendas import builtin_agenda
    from gespreks_tui.demo import load_demo
    from gespreks_tui.model import Kind, Visibility
    from gespreks_tui.store import Store

    path.unlink(missing_ok=True)
    store = Store.open(path)
    try:
        load_demo(store)
        store.set_setting(MANAGER_SETTING, MANAGER)
        manager = store.add_person(MANAGER)
        joris = store.find_person("Joris Bakker")
        c = store.create_conversation(joris.id, builtin_agenda(Kind.FUNCTIONERING), 60,
                                      manager_id=manager.id)
        store.save_note(c.id, 0, Visibility.SHARED, note_text(note_lines))
        store.save_note(c.id, 0, Visibility.PRIVATE, note_text(5, seed=2))
        for i in range(agreements):
            store.add_agreement(c.id, f"Afspraak {i + 1}: {note_text(1, seed=10 + i)}",
                                "employee", "2026-12-01")
        store.remember_open_meeting(c.id)  # the app was stopped during this meeting
        return c.id
    finally:
        store.close()


def typing_store(db: Path, lines: int):
    """A fresh store with one voortgangsgesprek whose first note has ``lines`` lines.

    Returns ``(store, conversation id)``; the caller closes the store.
    """
    from gespreks_tui.agendas import builtin_agenda
    from gespreks_tui.model import Kind, Visibility
    from gespreks_tui.store import Store

    db.unlink(missing_ok=True)
    store = Store.open(db)
    store.set_setting(MANAGER_SETTING, MANAGER)
    manager = store.add_person(MANAGER)
    employee = store.add_person("Joris Bakker")
    c = store.create_conversation(employee.id, builtin_agenda(Kind.VOORTGANG), 45,
                                  manager_id=manager.id)
    store.save_note(c.id, 0, Visibility.SHARED, note_text(lines))
    return store, c.id


# -- the large history -------------------------------------------------------
HISTORY = {"employees": 500, "conversations": 10_000, "agreements": 100_000}
_GENERATOR_VERSION = 2  # 2: due dates and next evaluations, as a used team has them
_TODAY = date(2026, 6, 1)


def history_db() -> tuple[Path, float | None]:
    """The generated history database, and how long building it took (None: cached)."""
    from gespreks_tui.migrations import LATEST

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"history-v{_GENERATOR_VERSION}-schema{LATEST}.db"
    if path.exists() and _complete(path):
        return path, None
    started = time.perf_counter()
    tmp = path.with_suffix(".tmp")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    _build_history(tmp)
    tmp.replace(path)
    for old in CACHE.glob("history-*.db*"):  # databases of older schemas or generators
        if not old.name.startswith(path.name):
            old.unlink(missing_ok=True)
    return path, time.perf_counter() - started


def _complete(path: Path) -> bool:
    try:
        conn = sqlite3.connect(path)
        try:
            found = conn.execute("select value from settings where key = 'bench.complete'")
            return found.fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def _build_history(path: Path) -> None:
    """500 employees x 20 conversations x 10 agreements, through the store's schema."""
    from gespreks_tui.agendas import builtin_agenda
    from gespreks_tui.model import Kind
    from gespreks_tui.store import Store

    rng = random.Random(8)
    store = Store.open(path)  # creates the schema through the app's migrations
    store.close()
    conn = sqlite3.connect(path)
    conn.execute("pragma journal_mode = wal")
    conn.execute("pragma synchronous = off")
    kinds = list(Kind)
    snapshots = {k: builtin_agenda(k).snapshot() for k in kinds}
    phase_rows = {k: builtin_agenda(k).scaled(60) for k in kinds}
    n_people = HISTORY["employees"]
    per_person = HISTORY["conversations"] // n_people
    per_conversation = HISTORY["agreements"] // HISTORY["conversations"]
    with conn:
        conn.execute("insert into settings (key, value) values (?, ?)",
                     (MANAGER_SETTING, MANAGER))
        conn.execute("insert into people (id, name, created_at) values (1, ?, ?)",
                     (MANAGER, "2015-01-01T00:00:00+00:00"))
        conn.executemany(
            "insert into people (id, name, created_at) values (?, ?, ?)",
            [(i + 2, f"Medewerker {i + 1:04d} {rng.choice(_WORDS).capitalize()}",
              "2015-01-01T00:00:00+00:00") for i in range(n_people)])
        conversations, phases, agreements = [], [], []
        conversation_id = agreement_id = 0
        for person in range(n_people):
            employee_id = person + 2
            for n in range(per_person):
                conversation_id += 1
                kind = kinds[n % len(kinds)]
                day = _TODAY - timedelta(days=(per_person - n) * 120 + rng.randint(0, 60))
                moment = f"{day.isoformat()}T09:00:00+00:00"
                latest = n == per_person - 1
                status = "running" if latest and person < 3 else (
                    "concluded" if latest else "confirmed")
                next_evaluation = (day + timedelta(days=120)).isoformat() if latest else None
                conversations.append((
                    conversation_id, str(kind), employee_id, 1, status, 3600, moment,
                    moment, moment, next_evaluation,
                    json.dumps(snapshots[kind], ensure_ascii=False)))
                for position, (phase, seconds) in enumerate(phase_rows[kind]):
                    phases.append((conversation_id, position, phase.name, seconds))
                for position in range(per_conversation):
                    agreement_id += 1
                    # Older agreements are mostly done; the latest conversation's are open.
                    is_open = latest or rng.random() < 0.05
                    agreements.append((
                        agreement_id, conversation_id, position,
                        f"Afspraak {agreement_id}: {rng.choice(_WORDS)} {rng.choice(_WORDS)}",
                        rng.choice(("employee", "manager", "both")),
                        (day + timedelta(days=rng.randint(30, 180))).isoformat(),
                        "open" if is_open else "done", moment, moment,
                        None if is_open else moment))
        conn.executemany(
            "insert into conversations (id, kind, employee_id, manager_id, status, "
            "planned_seconds, created_at, started_at, updated_at, next_evaluation, "
            "agenda_snapshot) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", conversations)
        conn.executemany(
            "insert into phases (conversation_id, position, name, planned_seconds) "
            "values (?, ?, ?, ?)", phases)
        conn.executemany(
            "insert into agreements (id, conversation_id, position, text, owner, due_date, "
            "status, created_at, updated_at, done_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            agreements)
        conn.execute("insert into settings (key, value) values ('bench.complete', '1')")
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
