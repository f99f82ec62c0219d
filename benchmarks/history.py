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



async def _start_screen(db: Path, reps: int) -> tuple[list[float], list[float]]:
    import asyncio

    from gespreks_tui.store import Store
    from gespreks_tui.tui.app import GesprekApp
    from gespreks_tui.tui.screens.start import StartScreen

    store = Store.open(db)
    app = GesprekApp(store)
    times, cpu = [], []
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            for _ in range(reps):
                start, start_cpu = time.perf_counter(), time.process_time()
                await app.push_screen(StartScreen())
                painted = asyncio.get_running_loop().create_future()
                app.screen.call_after_refresh(lambda done=painted: done.set_result(None))
                await painted
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
                await app.pop_screen()
                await pilot.pause()
        return times, cpu
    finally:
        store.close()


def start_screen(db: Path, reps: int) -> tuple[float, float]:
    """Median wall and CPU time to push a StartScreen on ``db`` until it is painted."""
    import asyncio

    wall, cpu = asyncio.run(_start_screen(db, reps))
    return median(wall), median(cpu)
