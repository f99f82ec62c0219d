"""Idle: CPU time of a process that sits still, the app's running meeting or a bare app.

``python idle_runner.py app DB SECONDS`` opens the app on DB, whose meeting was
running when the app last stopped (so it opens straight into it, the timer
running); ``python idle_runner.py bare NOTES SECONDS`` runs the bare app of
``startup_bare.py`` with one addition: a label that shows a countdown updated
every second, as the meeting's agenda does (an app that shows a running
clock must repaint once a second; without it the bare app would use nothing).
After the first frame and a warm-up second, the runner measures process CPU
(all threads) and the growth of the database's WAL over SECONDS of doing
nothing, then exits. The last line on stdout is JSON.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

WARM_UP = 1.5


def _wal(db: str | None) -> int:
    if db is None:
        return 0
    try:
        return os.path.getsize(f"{db}-wal")
    except OSError:
        return 0


def _measure(app, seconds: float, db: str | None, result: dict) -> None:
    """From the app's first frame: warm up, then measure ``seconds`` of idling."""

    def begin() -> None:
        result["cpu0"], result["wal0"] = time.process_time(), _wal(db)
        result["t0"] = time.perf_counter()
        app.set_timer(seconds, end)

    def end() -> None:
        result["cpu_per_s"] = (time.process_time() - result["cpu0"]) / (
            time.perf_counter() - result["t0"])
        result["wal_growth"] = _wal(db) - result["wal0"]
        result["screen"] = type(app.screen).__name__
        app.exit()

    app.set_timer(WARM_UP, begin)


def run_app(db: str, seconds: float) -> dict:
    from gespreks_tui.catalogue import resolve_language, set_language

    set_language(resolve_language(None))
    from gespreks_tui.store import Store
    from gespreks_tui.tui.app import GesprekApp

    result: dict = {}

    class IdleApp(GesprekApp):
        def on_ready(self) -> None:
            super().on_ready()
            _measure(self, seconds, db, result)

    store = Store.open(db)
    try:
        IdleApp(store).run(headless=True, size=(120, 40))
    finally:
        store.close()
    return result


def run_bare(notes_file: str, seconds: float) -> dict:
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal, Vertical
    from textual.widgets import Footer, Header, Label, ListItem, ListView, OptionList, TextArea

    notes = Path(notes_file).read_text(encoding="utf-8")
    result: dict = {}

    class BareApp(App):
        CSS = """
        Horizontal { height: 1fr; }
        OptionList { width: 1fr; }
        #notes-box { width: 2fr; }
        TextArea { height: 1fr; }
        ListView { width: 1fr; }
        """
        BINDINGS = [("ctrl+q", "quit", "Quit"), ("ctrl+n", "noop", "New")]

        def compose(self) -> ComposeResult:
            yield Header()
            with Horizontal():
                with Vertical():
                    yield OptionList("Opening", "Terugblik", "Ontwikkeling", "Afspraken")
                    yield Label("45:00", id="countdown")
                with Vertical(id="notes-box"):
                    yield Label("Notes")
                    yield TextArea(notes, soft_wrap=True, tab_behavior="focus", id="notes")
                yield ListView(*(ListItem(Label(f"[ ] Afspraak {i + 1}")) for i in range(5)))
            yield Footer(compact=True)

        def on_mount(self) -> None:
            self.query_one(TextArea).focus()
            self.left = 45 * 60
            self.set_interval(1.0, self.tick)

        def tick(self) -> None:
            self.left -= 1
            self.query_one("#countdown", Label).update(f"{self.left // 60:02d}:{self.left % 60:02d}")

        def on_ready(self) -> None:
            _measure(self, seconds, None, result)

    BareApp().run(headless=True, size=(120, 40))
    return result


if __name__ == "__main__":
    kind, target, span = sys.argv[1], sys.argv[2], float(sys.argv[3])
    out = run_app(target, span) if kind == "app" else run_bare(target, span)
    print(json.dumps(out))
