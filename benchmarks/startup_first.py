"""First start: the real app on an empty database, exits at its first settled frame.

Run as a subprocess by ``screens.first_start``: ``python startup_first.py DB``
(DB does not exist yet). It follows the ``gespreks --db DB`` entry point as
``startup_app.py`` does. On an empty database the first screen asks the
manager's name (``ManagerNameScreen``, on its own: the start screen is built
once it is answered); once that screen has been laid out and every pending
refresh is painted, the runner notes the time, the CPU time and the peak RSS,
then stays another ``LINGER`` seconds (what the app loads right after its
first frame shows up in the RSS then) and exits. The last line on stdout is
JSON, as ``startup_app.py`` prints; ``modules_after`` names what of
``NOT_FIRST`` was loaded by the end of the linger.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

T0 = time.perf_counter()
LINGER = 0.5  # seconds after the settled frame: what loads "right after" counts too
# What the first screen does not need: packages, and the start screen's own module.
NOT_FIRST = ("markdown_it", "sqlite_utils", "click", "zoneinfo", "gespreks_tui.tui.screens.start")


def vmhwm_kib(field: str = "VmHWM") -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(db: str) -> None:
    from gespreks_tui.catalogue import resolve_language, set_language
    from gespreks_tui.cli import plain_app_options

    set_language(resolve_language(None))
    options = plain_app_options(["--db", db])
    assert options is not None, "gespreks --db DB no longer takes the plain path"
    from gespreks_tui import startup_gc

    startup_gc.pause()
    from gespreks_tui.paths import resolve_db_path
    from gespreks_tui.store import Store
    from gespreks_tui.tui.app import GesprekApp

    result: dict = {"imported": time.perf_counter() - T0}

    class FirstStartApp(GesprekApp):
        def on_mount(self) -> None:  # runs before GesprekApp.on_mount (MRO order)
            self.screen_change_signal.subscribe(self, self._screen_changed, immediate=True)

        def _screen_changed(self, screen) -> None:
            screen.screen_layout_refresh_signal.subscribe(self, self._laid_out, immediate=True)

        def _laid_out(self, screen) -> None:
            if screen is not self.screen or "frame" in result:
                return
            if type(screen).__name__ in ("ManagerNameScreen", "NameDialog"):
                result["frame"] = time.perf_counter() - T0
                self.call_after_refresh(self._settled, screen)

        def _settled(self, screen) -> None:
            result["settled_at"] = time.perf_counter()
            result["settled"] = result["settled_at"] - T0
            result["vmhwm_kib"] = vmhwm_kib()
            result["cpu"] = time.process_time()
            result["screen"] = type(screen).__name__
            self.set_timer(LINGER, self._linger_done)

        def _linger_done(self) -> None:
            result["vmhwm_after_kib"] = vmhwm_kib()
            result["cpu_after"] = time.process_time()
            result["modules_after"] = sorted(m for m in NOT_FIRST if m in sys.modules)
            self.exit()

    store = Store.open(resolve_db_path(options["db"]))
    result["store_open"] = time.perf_counter() - T0
    try:
        FirstStartApp(store).run(headless=True, size=(120, 40))
    finally:
        store.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1])
