"""History at scale: the start screen's queries on a generated 10,000-conversation database.

Each query runs through the app's ``Store`` on a freshly opened connection: the
first call (cold page cache of the connection) is reported apart, then the
median of the following calls. The employee is one with a full history (20
conversations, 200 agreements, the latest 10 still open).
"""

from __future__ import annotations

import time
from pathlib import Path

from common import median

QUERIES = {
    "start screen: list_people() + unfinished_conversations()":
        lambda s, e: (s.list_people(), s.unfinished_conversations()),
    "one employee's history: list_conversations(employee)":
        lambda s, e: s.list_conversations(e),
    "open agreements for a new conversation: open_agreements_of(employee)":
        lambda s, e: s.open_agreements_of(e),
}


def measure(db: Path, reps: int) -> dict[str, dict]:
    from gespreks_tui.store import Store

    store = Store.open(db)
    try:
        employee_id = store.db.execute(
            "select id from people where name like 'Medewerker 0250 %'").fetchone()[0]
        out = {}
        for name, query in QUERIES.items():
            start = time.perf_counter()
            result = query(store, employee_id)
            first = time.perf_counter() - start
            times = []
            for _ in range(reps):
                start = time.perf_counter()
                query(store, employee_id)
                times.append(time.perf_counter() - start)
            out[name] = {"first": first, "median": median(times), "rows": _rows(result)}
        out["_plans"] = {name: _plan(store, sql, params)
                         for name, sql, params in _plan_queries(employee_id)}
        return out
    finally:
        store.close()


def _rows(result) -> int:
    if isinstance(result, tuple):
        return sum(len(r) for r in result)
    return len(result)


def _plan_queries(employee_id: int):
    from gespreks_tui.store.conversations import _SUMMARY_SQL

    yield ("open_agreements_of",
           "select a.* from agreements a join conversations c on c.id = a.conversation_id "
           "where c.employee_id = ? and +a.status = 'open' order by c.created_at, a.position",
           [employee_id])
    yield ("list_conversations",
           _SUMMARY_SQL + " where c.employee_id = ? order by date desc, c.id desc",
           [employee_id])
    yield ("unfinished_conversations",
           _SUMMARY_SQL + " where c.status in ('draft', 'running')", [])


def _plan(store, sql: str, params) -> list[str]:
    return [row[-1] for row in store.db.execute("explain query plan " + sql, params)]



def start_screen(db: Path, reps: int) -> tuple[float, float]:
    """Median wall and CPU time to push a StartScreen on ``db`` until it is painted.

    In a fresh process (``history_runner.py ... start``), after one untimed push:
    the return to the start screen a user makes after every meeting.
    """
    import json
    import subprocess
    import sys

    from common import HERE
    from startup import _env

    proc = subprocess.run([sys.executable, str(HERE / "history_runner.py"), str(db),
                           str(reps), "start"], capture_output=True, text=True, env=_env(),
                          timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(f"history_runner.py failed:\n{proc.stderr[-3000:]}")
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    return median(r["again"]), median(r["again_cpu"])
