"""Start-up baseline: a bare Textual app with the meeting screen's kinds of widgets.

Header, an OptionList (the agenda), a TextArea holding the same notes text, a
ListView checklist (agreements), Footer; no database. Exits once its first
full frame is painted (laid out, the Footer's keys in it, no refresh pending),
printing the same JSON as ``startup_app.py``. ``python startup_bare.py NOTES_FILE [--gc-pause]``; with
``--gc-pause`` it pauses the garbage collector until that frame, as the app
does (``gespreks_tui.startup_gc``), so the report can show what that is worth.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

T0 = time.perf_counter()
if "--gc-pause" in sys.argv:  # the app's start-up trick (gespreks_tui.startup_gc), for reference
    import gc

    gc.disable()


def vmhwm_kib(field: str = "VmHWM") -> int:
    """Peak (VmHWM) or current (VmRSS) resident memory in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(notes_file: str) -> None:
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal, Vertical
    from textual.widgets import Footer, Header, Label, ListItem, ListView, OptionList, TextArea

    notes = Path(notes_file).read_text(encoding="utf-8")
    result: dict = {"imported": time.perf_counter() - T0, "rss_imported": vmhwm_kib("VmRSS")}

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
                yield OptionList("Opening", "Terugblik", "Ontwikkeling", "Afspraken")
                with Vertical(id="notes-box"):
                    yield Label("Notes")
                    yield TextArea(notes, soft_wrap=True, tab_behavior="focus", id="notes")
                yield ListView(*(ListItem(Label(f"[ ] Afspraak {i + 1}")) for i in range(5)))
            yield Footer(compact=True)

        def on_mount(self) -> None:
            self.query_one(TextArea).focus()

        def on_ready(self) -> None:
            result["frame"] = time.perf_counter() - T0
            self.call_after_refresh(self._done)

        def _done(self) -> None:
            if not self.screen.query("FooterKey"):  # a full frame shows the keys too
                self.call_after_refresh(self._done)
                return
            result["settled_at"] = time.perf_counter()
            result["settled"] = result["settled_at"] - T0
            result["vmhwm_kib"] = vmhwm_kib()
            result["cpu"] = time.process_time()  # CPU since the process began, all threads
            area = self.query_one(TextArea)
            result["notes_lines"] = area.document.line_count
            result["notes_focused"] = self.focused is area
            result["screen"] = type(self.screen).__name__
            self.exit()

    BareApp().run(headless=True, size=(120, 40))
    result["process"] = time.perf_counter() - T0
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1])
