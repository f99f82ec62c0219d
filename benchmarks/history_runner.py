"""A screen until painted, in a fresh process: the first use and the uses after it.

``python history_runner.py DB REPEATS [history|start]``: opens the app on DB
(headless, 120x40), then pushes the history screen of the employee with the
most conversations, the way f8 does (or, with ``start``, a new start screen,
as the app does on every return to it), and takes the time from the push to
the screen's first frame (laid out and rendered: Textual's layout-refresh
signal). The first push includes every first-use import; REPEATS more pushes
follow (each popped again). Before each push of the start screen one setting is
written, as a meeting writes before the user returns: the store then answers
from the database, not from what it remembers of unchanged data. A process of its own, so that the measurement
does not pay for the garbage collector walking another benchmark's heap. The
last line on stdout is JSON.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time


async def main(db: str, repeats: int, which: str = "history") -> dict:
    from gespreks_tui.catalogue import resolve_language, set_language

    set_language(resolve_language(None))
    from gespreks_tui.store import Store
    from gespreks_tui.tui.app import GesprekApp

    store = Store.open(db)
    employee = store.db.execute(
        "select employee_id from conversations group by employee_id "
        "order by count(*) desc, employee_id limit 1").fetchone()[0]
    app = GesprekApp(store)
    times: list[float] = []
    cpu: list[float] = []
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await asyncio.sleep(0.3)  # the start screen's after-first-frame work is done
            await pilot.pause()
            for n in range(1 + repeats):
                if which == "start":  # a meeting changed the data: nothing remembered counts
                    store.set_setting("bench.returned", str(n))
                painted = asyncio.get_running_loop().create_future()
                start, start_cpu = time.perf_counter(), time.process_time()
                # as f8 does (StartScreen.action_history): the import is part of the first use
                from gespreks_tui.tui.screens.history import HistoryScreen
                from gespreks_tui.tui.screens.start import StartScreen

                screen = HistoryScreen(employee) if which == "history" else StartScreen()

                def laid_out(_screen, done=painted, began=start, began_cpu=start_cpu) -> None:
                    if not done.done():
                        done.set_result((time.perf_counter() - began,
                                         time.process_time() - began_cpu))

                screen.screen_layout_refresh_signal.subscribe(app, laid_out, immediate=True)
                app.push_screen(screen)
                wall, used = await painted
                times.append(wall)
                cpu.append(used)
                await app.workers.wait_for_complete()
                await pilot.pause()
                await app.pop_screen()
                await pilot.pause()
    finally:
        store.close()
    return {"first": times[0], "first_cpu": cpu[0], "again": times[1:], "again_cpu": cpu[1:]}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1], int(sys.argv[2]), *sys.argv[3:4]))))
