"""Start-up runner: the real app on a prepared database, exits at the first meeting frame.

Run as a subprocess by ``run.py``: ``python startup_app.py DB``. It follows the
``gespreks`` entry point (language, the plain-options path that skips click,
``Store.open``, ``GesprekApp``), headless. The database's meeting was open
when the app last stopped, so the app opens it by itself (were the start
screen shown instead, the runner would resume through its ctrl+r action);
once the meeting screen has been laid out and every pending refresh is
painted (the Footer's keys included), it exits. The last line on stdout is
JSON: peak RSS at that moment and a few sanity checks.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

T0 = time.perf_counter()


def vmhwm_kib(field: str = "VmHWM") -> int:
    """Peak (VmHWM) or current (VmRSS) resident memory in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def footer_has_keys(screen) -> bool:
    """Textual's Footer has a widget per key; the app's KeyFooter draws them as one line."""
    return bool(screen.query("FooterKey")) or any(
        footer._shown and footer._shown[0] for footer in screen.query("KeyFooter"))


def main(db: str) -> None:
    # What `gespreks --db DB` does before the app runs (gespreks_tui.cli.main/run_app).
    from gespreks_tui.catalogue import resolve_language, set_language
    from gespreks_tui.cli import plain_app_options

    set_language(resolve_language(None))
    options = plain_app_options(["--db", db])
    assert options is not None, "gespreks --db DB no longer takes the plain path"
    from gespreks_tui import startup_gc

    startup_gc.pause()  # as run_app does; GesprekApp resumes it after its first frame
    from gespreks_tui.paths import resolve_db_path
    from gespreks_tui.store import Store
    from gespreks_tui.tui.app import GesprekApp

    result: dict = {"imported": time.perf_counter() - T0, "rss_imported": vmhwm_kib("VmRSS")}

    class StartupApp(GesprekApp):
        _resumed = False

        def on_mount(self) -> None:  # runs before GesprekApp.on_mount (MRO order)
            self.screen_change_signal.subscribe(self, self._screen_changed, immediate=True)
            self._screen_changed(self.screen)  # the first screen is there already

        def _screen_changed(self, screen) -> None:
            screen.screen_layout_refresh_signal.subscribe(self, self._laid_out, immediate=True)

        def _laid_out(self, screen) -> None:
            from gespreks_tui.tui.screens.meeting import MeetingScreen

            if screen is not self.screen or "frame" in result:
                return
            if isinstance(screen, MeetingScreen):
                result["frame"] = time.perf_counter() - T0
                self.call_after_refresh(self._done, screen)
            elif not self._resumed and hasattr(screen, "action_resume"):
                self._resumed = True
                result["start_frame"] = time.perf_counter() - T0
                result["rss_start_frame"] = vmhwm_kib("VmRSS")
                self.call_later(screen.action_resume)

        def _done(self, screen) -> None:
            if not footer_has_keys(screen):  # a full frame shows the keys too
                self.call_after_refresh(self._done, screen)
                return
            result["settled_at"] = time.perf_counter()
            result["settled"] = result["settled_at"] - T0
            result["vmhwm_kib"] = vmhwm_kib()
            result["cpu"] = time.process_time()  # CPU since the process began, all threads
            notes = screen.text_area
            result["notes_lines"] = notes.document.line_count
            result["notes_focused"] = self.focused is notes
            result["screen"] = type(self.screen).__name__
            self.call_later(self.action_quit)  # the app's own quit: saves first

    store = Store.open(resolve_db_path(options["db"]))
    result["store_open"] = time.perf_counter() - T0
    result["rss_store_open"] = vmhwm_kib("VmRSS")
    try:
        StartupApp(store).run(headless=True, size=(120, 40))
    finally:
        store.close()
    result["process"] = time.perf_counter() - T0
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1])
