"""The README's pictures, taken from the app itself: `make pictures`.

Runs the app on the demo data (a throw-away database, the fake clock of the
snapshot tests, no user configuration) under ``App.run_test`` and saves SVG
screenshots of the start screen, a meeting in progress and the minutes screen
into ``docs/``. With ``rsvg-convert`` on the PATH each SVG also becomes a PNG
(what the README shows); with ``pdftoppm`` (poppler) the first two pages of the
exported PDF minutes (``minutes.pdf``) become ``minutes-pdf-1.png`` and ``-2.png``. Without those tools
the SVGs are written and the PNGs already in ``docs/`` are left as they are.

    python scripts/readme_pictures.py [--out docs] [--no-png]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (120, 34)
PROGRESS = 2  # the demo's concluded progress conversation with Joris Bakker
PICTURES = ("start-screen", "meeting-screen", "minutes-screen")


def _isolate(scratch: Path) -> None:
    """No user settings, no user data: the same pictures on every machine."""
    for name in ("GESPREKS_DB", "GESPREKS_LANG", "GESPREKS_PDF_FONT"):
        os.environ.pop(name, None)
    os.environ.update(GESPREKS_CONFIG=str(scratch / "config"), GESPREKS_TZ="Europe/Amsterdam",
                      XDG_DATA_HOME=str(scratch / "data"), XDG_STATE_HOME=str(scratch / "state"),
                      XDG_CONFIG_HOME=str(scratch / "config-home"), TZ="UTC")
    if hasattr(__import__("time"), "tzset"):
        __import__("time").tzset()


async def _settle(pilot) -> None:
    """Let the app handle its messages and finish its store work (thread workers)."""
    for _ in range(20):
        await pilot.pause()
        busy = [w for w in pilot.app.workers if not w.is_finished]
        if not busy:
            return
        await pilot.app.workers.wait_for_complete(busy)


async def _pictures(database: Path, out: Path) -> list[Path]:
    from gespreks_tui.clock import FakeClock
    from gespreks_tui.demo import load_demo
    from gespreks_tui.settings import MANAGER_SETTING
    from gespreks_tui.store import Store
    from gespreks_tui.tui.app import GesprekApp
    from gespreks_tui.tui.screens.meeting import MeetingScreen
    from gespreks_tui.tui.screens.minutes import MinutesScreen

    clock = FakeClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC))
    store = Store.open(database, clock=clock)
    written: list[Path] = []
    try:
        load_demo(store)
        store.set_setting(MANAGER_SETTING, "Sanne de Vries")

        async def save(pilot, name: str) -> None:
            pilot.app.set_focus(None)  # no cursor in the picture
            pilot.app.clear_notifications()
            await _settle(pilot)
            target = out / f"{name}.svg"
            target.write_text(pilot.app.export_screenshot(title="gespreks-tui"),
                              encoding="utf-8")
            written.append(target)

        app = GesprekApp(store, clock=clock, autosave_delay=0.05)
        async with app.run_test(size=SIZE) as pilot:
            await _settle(pilot)
            pilot.app.screen.query_one("#people-list").highlighted = 1  # Joris Bakker
            await _settle(pilot)
            await save(pilot, PICTURES[0])
            await pilot.press("ctrl+s")
            await _settle(pilot)
            await pilot.press(*"Doelen", "space", *"gehaald", "enter", *"Werkdruk", "space",
                              *"hoog")
            await pilot.press("ctrl+n")
            await _settle(pilot)
            pilot.app.screen.query_one("#agreement-text").value = "Cursus Excel afronden"
            pilot.app.screen.query_one("#agreement-due").value = "1-3-2027"
            await pilot.press("ctrl+s")
            await _settle(pilot)
            clock.advance(12 * 60 + 40)
            meeting = next(s for s in pilot.app.screen_stack if isinstance(s, MeetingScreen))
            meeting.save_all()
            meeting.tick()  # the timers as the fake clock says
            await save(pilot, PICTURES[1])

        app = GesprekApp(store, clock=clock, autosave_delay=0.05)
        async with app.run_test(size=SIZE) as pilot:
            await _settle(pilot)
            pilot.app.push_screen(MinutesScreen(PROGRESS))
            await _settle(pilot)
            await save(pilot, PICTURES[2])
        written.append(_pdf(store, out))
    finally:
        store.close()
    return written


def _pdf(store, out: Path) -> Path:
    """The PDF export of the demo conversation, once the employee has agreed on the
    manager's screen (kept next to the pictures)."""
    from gespreks_tui.minutes.pdf import pdf_document
    from gespreks_tui.minutes.publish import publish_record
    from gespreks_tui.model import Party, Verdict

    record, minutes = publish_record(store, PROGRESS)
    store.confirm(PROGRESS, minutes.revision, Party.EMPLOYEE, "Joris Bakker", Verdict.AKKOORD)
    record, minutes = publish_record(store, PROGRESS)
    target = out / "minutes.pdf"
    target.write_bytes(pdf_document(record, minutes))
    return target


def _to_png(paths: list[Path]) -> list[Path]:
    """PNG copies, where the converters are installed."""
    made = []
    rsvg, pdftoppm = shutil.which("rsvg-convert"), shutil.which("pdftoppm")
    for path in paths:
        if path.suffix == ".svg" and rsvg:
            subprocess.run([rsvg, "--zoom", "1", "-o", str(path.with_suffix(".png")), str(path)],
                           check=True)
            made.append(path.with_suffix(".png"))
        elif path.suffix == ".pdf" and pdftoppm:  # minutes-pdf-1.png, minutes-pdf-2.png
            stem = path.with_name("minutes-pdf")
            subprocess.run([pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "2", str(path),
                            str(stem)], check=True)
            made += sorted(path.parent.glob("minutes-pdf-*.png"))
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--no-png", action="store_true", help="only the SVG screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gespreks-pictures-") as scratch:
        _isolate(Path(scratch))
        written = asyncio.run(_pictures(Path(scratch) / "demo.db", args.out))
    if not args.no_png:
        written += _to_png(written)
    for path in written:
        print(path.relative_to(args.out.parent) if args.out.parent in path.parents else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
