"""Keystroke cost in the notes pane against a bare TextArea holding the same text.

Both apps run in-process under ``App.run_test`` at 120x40. Per key, we take the
process CPU time (``time.process_time``: every thread, so the autosave thread
counts) from posting a ``Key`` event to the app (the path a terminal key
takes: app bindings, screen, focused widget, the ``Changed`` message bubbling
to the meeting screen) until the app is idle again and the screen is
repainted. The repaint is forced: ``Screen._on_timer_update`` runs if anything
is still dirty, and ``_display`` is replaced so each compositor update is
rendered to terminal bytes as it would be on a real terminal (headless apps
skip that step). Waiting happens with ``asyncio.sleep`` (no CPU), so Pilot's
sleep floor plays no part. Cursor blinking is off in both apps.

The median key is the figure compared; the mean and p95 also carry the
autosave (every ``autosave_delay`` the note's text is taken and written by the
saver thread) and the meeting's one-second tick.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path

from common import median, ms, percentile
from fixtures import note_text, typing_store

SIZE = (120, 40)
SETTLE = 0.02  # longer than one 60 fps update period
KEYS = "notities bij de voortgang "


class _Render:
    """Mixin: render every compositor update to terminal bytes (headless skips that)."""

    frame_bytes = 0

    def _display(self, screen, renderable) -> None:
        from textual._compositor import CompositorUpdate

        if renderable is None or self._batch_count:
            return
        if isinstance(renderable, CompositorUpdate):
            self.frame_bytes += len(renderable.render_segments(self.console))
        else:
            segments = self.console.render(renderable)
            self.frame_bytes += len(self.console._render_buffer(segments))


def _busy(screen, nodes) -> bool:
    return bool(
        any(not node._message_queue.empty() for node in nodes)
        or screen._dirty_widgets or screen._layout_required or screen._repaint_required
        or screen._scroll_required
    )


async def _settle(screen, nodes) -> None:
    await asyncio.sleep(SETTLE)
    for _ in range(500):
        if not _busy(screen, nodes):
            break
        await asyncio.sleep(0.002)
    if screen._dirty_widgets or screen._layout_required or screen._repaint_required:
        screen._on_timer_update()  # force the repaint now


async def _type(app, area, count: int, warmup: int, profile=None) -> list[float]:
    """Type ``warmup + count`` keys; the CPU time of the last ``count``.

    With ``profile`` (a ``cProfile.Profile``) the measured keys run under it, to
    count function calls: slower, but the count does not depend on machine load.
    """
    from textual import events

    screen = app.screen
    # A key and the TextArea's Changed message travel this path only; checking every
    # widget's queue would make the harness itself cost more in the bigger app.
    nodes = list(area.ancestors_with_self)  # ends with the app
    await _settle(screen, nodes)
    before = len(area.text)
    samples = []
    for i in range(warmup + count):
        char = KEYS[i % len(KEYS)]
        event = events.Key("space" if char == " " else char, char)
        event.set_sender(app)
        if profile is not None and i >= warmup:
            profile.enable()
        start = time.process_time()
        app.post_message(event)
        await _settle(screen, nodes)
        spent = time.process_time() - start
        if profile is not None:
            profile.disable()
        if i >= warmup:
            samples.append(spent)
    typed = len(area.text) - before
    if typed != warmup + count:
        raise RuntimeError(f"typed {typed} characters, expected {warmup + count}")
    if app.frame_bytes == 0:
        raise RuntimeError("nothing was rendered")
    return samples


async def _app_run(db: Path, lines: int, count: int, warmup: int,
                   profile=None, autosave_delay: float = 0.5) -> tuple[list[float], tuple]:
    from gespreks_tui.tui.app import GesprekApp
    from gespreks_tui.tui.screens.meeting import MeetingScreen

    store, conversation_id = typing_store(db, lines)

    class App(_Render, GesprekApp):
        pass

    app = App(store, autosave_delay=autosave_delay)  # 0.5 s: the default, autosave on
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.push_screen(MeetingScreen(conversation_id))
            await pilot.pause()
            screen = app.screen
            area = screen.text_area
            assert app.focused is area and area.document.line_count == lines
            area.cursor_blink = False
            area.move_cursor(area.document.end)
            await pilot.pause()
            samples = await _type(app, area, count, warmup, profile)
            size = (area.region.width, area.region.height)  # outer size; no border
            screen.save_all()
        return samples, size
    finally:
        store.close()


async def _bare_run(lines: int, size: tuple, count: int, warmup: int,
                    profile=None) -> list[float]:
    from textual.app import App
    from textual.widgets import TextArea

    class Bare(_Render, App):
        # The notes TextArea's outer size and look (meeting.tcss: ``#notes { border: none }``)
        CSS = f"TextArea {{ width: {size[0]}; height: {size[1]}; border: none; }}"

        def compose(self):
            yield TextArea(note_text(lines), soft_wrap=True, tab_behavior="focus")

    app = Bare()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        area = app.query_one(TextArea)
        area.focus()
        area.cursor_blink = False
        area.move_cursor(area.document.end)
        await pilot.pause()
        return await _type(app, area, count, warmup, profile)


def measure(workdir: Path, sizes: tuple[int, ...], reps: int, count: int,
            warmup: int = 5) -> dict[int, dict]:
    """Per size: medians of app and bare per-key CPU (seconds), their paired ratio, and more.

    App and bare runs alternate; the ratio is the median over repetitions of
    (app median / bare median) of runs made one right after the other, so a
    change in the machine's load between repetitions cancels out.
    """
    out: dict[int, dict] = {}
    for lines in sizes:
        app_all: list[float] = []
        bare_all: list[float] = []
        app_medians, bare_medians, ratios = [], [], []
        for rep in range(reps):
            db = workdir / f"keys-{lines}-{rep}.db"
            app_samples, area_size = asyncio.run(_app_run(db, lines, count, warmup))
            bare_samples = asyncio.run(_bare_run(lines, area_size, count, warmup))
            db.unlink(missing_ok=True)
            app_all += app_samples
            bare_all += bare_samples
            app_medians.append(median(app_samples))
            bare_medians.append(median(bare_samples))
            ratios.append(app_medians[-1] / bare_medians[-1])
        out[lines] = {
            "app": median(app_medians), "bare": median(bare_medians), "ratio": median(ratios),
            "ratios": ratios,
            "app_mean": statistics.fmean(app_all), "bare_mean": statistics.fmean(bare_all),
            "app_p95": percentile(app_all, 95), "bare_p95": percentile(bare_all, 95),
            "app_max": max(app_all), "bare_max": max(bare_all),
            "keys": len(app_all), "area": area_size,
            "calls": _calls(workdir, lines, area_size),
        }
    return out


def _calls(workdir: Path, lines: int, size: tuple, keys: int = 20) -> tuple[float, float]:
    """Python function calls per key (app, bare): a figure machine load cannot skew."""
    import cProfile
    import pstats

    app_profile, bare_profile = cProfile.Profile(), cProfile.Profile()
    db = workdir / f"calls-{lines}.db"
    asyncio.run(_app_run(db, lines, keys, 5, app_profile))
    db.unlink(missing_ok=True)
    asyncio.run(_bare_run(lines, size, keys, 5, bare_profile))
    return (pstats.Stats(app_profile).total_calls / keys,
            pstats.Stats(bare_profile).total_calls / keys)


def autosave_effect(workdir: Path, lines: int, reps: int, count: int,
                    warmup: int = 5) -> dict:
    """The app's own keystroke with autosave on (0.5 s) against off (no save while typing)."""
    on: list[float] = []
    off: list[float] = []
    ratios: list[float] = []
    for _ in range(reps):
        samples_on, _ = asyncio.run(_app_run(workdir / "on.db", lines, count, warmup))
        samples_off, _ = asyncio.run(_app_run(workdir / "off.db", lines, count, warmup,
                                              autosave_delay=3600.0))
        on += samples_on
        off += samples_off
        ratios.append(median(samples_on) / median(samples_off))
    return {"on": median(on), "off": median(off), "ratio": median(ratios),
            "on_mean": statistics.fmean(on), "off_mean": statistics.fmean(off)}


# -- rows and targets (issue 19: typing cost independent of the note's length) --------

KEY_RATIO_TARGET = 1.1  # against the bare TextArea, any length
LONG_RATIO_TARGET = 0.5  # at 10,000 lines: the bare TextArea sums every line's height per row
KEY_MS_TARGETS = {1000: 0.008, 10000: 0.016}  # CPU per key, render to terminal bytes included


def targets(lines: int) -> tuple[float, float | None]:
    """(ratio at most, CPU per key below) for a note of ``lines`` lines."""
    ratio = LONG_RATIO_TARGET if lines >= 10000 else KEY_RATIO_TARGET
    return ratio, KEY_MS_TARGETS.get(lines)


def rows(results: dict[int, dict], number: str = "2") -> list:
    """One table row per note length: app against bare, with the targets above."""
    from common import Row

    out = []
    for i, (lines, r) in enumerate(results.items()):
        ratio_target, ms_target = targets(lines)
        ok = r["ratio"] <= ratio_target
        target = f"ratio ≤ {ratio_target}"
        if ms_target is not None:
            ok = ok and r["app"] < ms_target
            target += f" and < {ms_target * 1000:.0f} ms"
        out.append(Row(f"{number}{'abcdefgh'[i]}",
                       f"Keystroke in notes, {lines:,} lines, autosave on (CPU/key)",
                       ms(r["app"]), ms(r["bare"]), r["ratio"], target, ok))
    return out


if __name__ == "__main__":
    import argparse
    import sys
    import tempfile

    from common import machine, table

    parser = argparse.ArgumentParser(description="Keystroke cost against a bare TextArea")
    parser.add_argument("--lines", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--keys", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gespreks-keys-") as tmp:
        found = measure(Path(tmp), tuple(args.lines), args.reps, args.keys)
    print("\n".join(machine()), "", table(rows(found)), "", sep="\n")
    for lines, r in found.items():
        print(f"- {lines:,} lines: calls/key app {r['calls'][0]:,.0f}, bare "
              f"{r['calls'][1]:,.0f}; ratios per run "
              f"{', '.join(f'{x:.2f}' for x in r['ratios'])}; app p95 {ms(r['app_p95'])}, "
              f"bare p95 {ms(r['bare_p95'])}", file=sys.stdout)
