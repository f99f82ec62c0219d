"""gespreks-tui benchmarks: one table, every row against a baseline measured in the same run.

    .venv/bin/python benchmarks/run.py            # thorough (a few minutes)
    .venv/bin/python benchmarks/run.py --quick    # smoke test (under a minute)

Prints Markdown to stdout: the machine, the table (median of several
measurements; PASS/MISS against the target of PRODUCT.md / issue 8) and the
details behind each row. See benchmarks/README.md for what each row measures.
Everything runs offline with the project's virtualenv; nothing outside a
temporary directory (and the cached history database in $TMPDIR/gespreks-bench)
is written.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import autosave  # noqa: E402
import erase  # noqa: E402
import fixtures  # noqa: E402
import history  # noqa: E402
import keystroke  # noqa: E402
import minutes_export  # noqa: E402
import paste  # noqa: E402
import screens  # noqa: E402
import startup  # noqa: E402
from common import Row, machine, mib, ms, table  # noqa: E402

SETTINGS = {
    "quick": dict(startup=3, sizes=(100, 1000, 10000), key_reps=2, keys=25, saves=50,
                  durable=3, history=10, ui=3, screens=2, idle_seconds=3.0),
    "thorough": dict(startup=10, sizes=(100, 1000, 10000), key_reps=8, keys=40, saves=200,
                     durable=10, history=50, ui=10, screens=5, idle_seconds=8.0),
}

STARTUP_TARGET = 1.2
DURABLE_TARGET = 1.0
HISTORY_TARGET = 0.050
START_SCREEN_TARGET = 1.1  # the large database against the demo database (issue 19)
MEMORY_TARGET = 1.3


def log(text: str) -> None:
    print(f"[bench] {text}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer repetitions: a smoke test that runs in under a minute")
    args = parser.parse_args(argv)
    mode = "quick" if args.quick else "thorough"
    cfg = SETTINGS[mode]
    began = time.perf_counter()
    rows: list[Row] = []
    details: list[str] = []

    with tempfile.TemporaryDirectory(prefix="gespreks-bench-") as tmp:
        work = Path(tmp)

        # 1 + 6. Start-up and memory (the same subprocesses) -----------------
        log(f"start-up: {cfg['startup']} runs each of the app and the bare app")
        db = work / "meeting.db"
        fixtures.meeting_db(db)
        notes_file = work / "notes.txt"
        notes_file.write_text(fixtures.note_text(40), encoding="utf-8")
        s = startup.measure(db, notes_file, cfg["startup"])
        ratio = s["app"] / s["bare"]
        rows.append(Row("1", "Start-up to a usable meeting screen (whole process, headless)",
                        ms(s["app"]), ms(s["bare"]), ratio, f"ratio ≤ {STARTUP_TARGET}",
                        ratio <= STARTUP_TARGET))
        details += [
            "### 1. Start-up", "",
            f"Median of {s['reps']} runs each, spawn to the first settled meeting frame "
            f"(shutdown not counted). Whole process including shutdown: app "
            f"{ms(s['app_wall'])}, bare {ms(s['bare_wall'])}. CPU time of the child up to "
            f"the settled frame (less sensitive to other load on the machine): app "
            f"{ms(s['app_cpu'])}, bare {ms(s['bare_cpu'])}, ratio "
            f"{s['app_cpu'] / s['bare_cpu']:.2f}.", "",
            "The app pauses Python's garbage collector from its first import until its "
            "first frame (`gespreks_tui.startup_gc`). The same trick in the bare app: "
            f"{ms(s['bare_gc'])}, so against a baseline that uses it too the app's ratio "
            f"would be {s['app'] / s['bare_gc']:.2f}.", "",
            "Where the time and memory go, per phase (median; the app opens the meeting "
            "that was open when it last stopped, as a user who quit or crashed mid-meeting "
            "sees it):", "",
            *startup.phase_lines(s), "",
            *startup.import_report(db, notes_file), "",
        ]
        mem_ratio = s["app_rss"] / s["bare_rss"]
        memory_row = Row("6", "Memory: peak RSS at the first meeting frame",
                         mib(s["app_rss"]), mib(s["bare_rss"]), mem_ratio,
                         f"ratio ≤ {MEMORY_TARGET}", mem_ratio <= MEMORY_TARGET)

        # 2. Keystroke -------------------------------------------------------
        log(f"keystroke: {cfg['key_reps']} run(s) x {cfg['keys']} keys at "
            f"{', '.join(map(str, cfg['sizes']))} lines")
        k = keystroke.measure(work, cfg["sizes"], cfg["key_reps"], cfg["keys"])
        details += ["### 2. Keystroke", "",
                    "CPU per key (all threads), key event to repainted screen; the notes "
                    f"TextArea is {k[cfg['sizes'][0]]['area'][0]}x"
                    f"{k[cfg['sizes'][0]]['area'][1]} cells (no border), and so is the bare "
                    "one.",
                    "App and bare runs alternate; the ratio is the median of the ratios of "
                    "back-to-back runs.", "",
                    "Python function calls per key (cProfile, 20 keys) do not depend on the "
                    "machine's load and back the ratio up.", "",
                    "| lines | keys | app median | bare median | ratios per run | calls/key "
                    "app / bare (ratio) | app mean | bare mean | app p95 | bare p95 | app max "
                    "| bare max |",
                    "|---:|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---:|"]
        rows += keystroke.rows(k)  # ≤1.1 at 100; <8 ms at 1,000; ≤0.5 and <16 ms at 10,000
        for lines, r in k.items():
            details.append(
                f"| {lines:,} | {r['keys']} | {ms(r['app'])} | {ms(r['bare'])} | "
                f"{', '.join(f'{x:.2f}' for x in r['ratios'])} | {r['calls'][0]:,.0f} / "
                f"{r['calls'][1]:,.0f} ({r['calls'][0] / r['calls'][1]:.2f}) | {ms(r['app_mean'])} | {ms(r['bare_mean'])} | {ms(r['app_p95'])} | "
                f"{ms(r['bare_p95'])} | {ms(r['app_max'])} | {ms(r['bare_max'])} |")
        details.append("")

        effect = keystroke.autosave_effect(work, 1000, 2 if args.quick else 4, 60)
        rows.append(Row("2d", "Keystroke at 1,000 lines: autosave on against off (CPU/key)",
                        ms(effect["on"]), ms(effect["off"]), effect["ratio"],
                        target="— (information)"))
        details += [f"Autosave on (0.5 s) against off, 1,000 lines: median {ms(effect['on'])} "
                    f"against {ms(effect['off'])} per key; mean {ms(effect['on_mean'])} "
                    f"against {ms(effect['off_mean'])} (the mean carries the saves).", ""]

        # 3. Autosave --------------------------------------------------------
        log(f"autosave: {cfg['saves']} saves, {cfg['durable']} durability trials")
        cost = autosave.save_cost(work / "autosave.db", cfg["saves"])
        rows.append(Row("3a", "Autosave: one Store.save_note of a 1,000-line note",
                        f"{ms(cost['median'])} (p99 {ms(cost['p99'])})", target="—"))
        d = autosave.durability(work / "durable.db", cfg["durable"])
        rows.append(Row("3b", "Autosave: keystroke to durable on disk",
                        f"{ms(d['median'])} (max {ms(d['max'])})",
                        target=f"< {DURABLE_TARGET:.0f} s", ok=d["max"] < DURABLE_TARGET))
        details += ["### 3. Autosave", "",
                    f"save_note: {cost['n']} saves of a {cost['bytes']:,}-byte note, median "
                    f"{ms(cost['median'])}, p99 {ms(cost['p99'])} (fsync included). "
                    f"Durability: {d['n']} single keys, each after a quiet spell (the worst "
                    f"case), app autosave delay {d['autosave_delay']} s: median "
                    f"{ms(d['median'])}, max {ms(d['max'])}; the target is judged on the "
                    "max.", ""]

        # 4. Minutes export ----------------------------------------------------
        runs = 5 if args.quick else 20
        log(f"minutes export: {runs} runs")
        m = minutes_export.measure(work, runs)
        rows.append(Row("4", "Minutes export of a two-hour conversation (Markdown)",
                        ms(m["md"]), target="< 50 ms", ok=m["md"] < 0.050))
        details += ["### 4. Minutes export", "",
                    f"3 phases x 300 lines of notes, 60 agreements, 20 follow-ups: "
                    f"{m['bytes']:,} bytes of Markdown. Median of {m['runs']} runs: "
                    f"export_text to Markdown {ms(m['md'])}; render_html {ms(m['html'])}.",
                    ""]

        # 5. History at scale ------------------------------------------------
        hist_db, built = fixtures.history_db()
        log(f"history: {cfg['history']} runs per query on {hist_db}"
            + (f" (built in {built:.1f} s)" if built else " (cached)"))
        h = history.measure(hist_db, cfg["history"])
        plans = h.pop("_plans")
        details += ["### 5. History at scale", "",
                    f"Database: {fixtures.HISTORY['employees']} employees, "
                    f"{fixtures.HISTORY['conversations']:,} conversations, "
                    f"{fixtures.HISTORY['agreements']:,} agreements ({hist_db.name}, cached "
                    "in the temp directory). First call on a fresh connection and median "
                    "of the rest:", "", "| query | rows | first call | median |",
                    "|---|---:|---:|---:|"]
        for i, (name, r) in enumerate(h.items()):
            worst = max(r["first"], r["median"])
            rows.append(Row(f"5{'abc'[i]}", f"History at scale: {name}", ms(r["median"]),
                            target=f"< {HISTORY_TARGET * 1000:.0f} ms",
                            ok=worst < HISTORY_TARGET))
            details.append(f"| {name} | {r['rows']} | {ms(r['first'])} | {ms(r['median'])} |")
        big_ui, big_cpu = history.start_screen(hist_db, cfg["ui"])
        small_ui, small_cpu = history.start_screen(db, cfg["ui"])
        rows.append(Row("5d", "History at scale: start screen pushed until painted (UI, "
                        "wall; baseline: the small demo database)", ms(big_ui), ms(small_ui),
                        big_ui / small_ui, f"ratio ≤ {START_SCREEN_TARGET}",
                        big_ui / small_ui <= START_SCREEN_TARGET))
        details += ["", f"Start screen pushed until painted (5d, median of {cfg['ui']}): "
                    f"wall {ms(big_ui)} on the generated history, {ms(small_ui)} on the "
                    f"demo database; CPU {ms(big_cpu)} and {ms(small_cpu)}.",
                    "", "Query plans:", ""]
        details += [f"- {name}: " + "; ".join(plan) for name, plan in plans.items()]
        details.append("")

        # 5e-f, 8, 9. History (f8), first start, idle meeting (issue 19) -----------
        screen_rows, screen_details = screens.rows(cfg, work, db, notes_file, hist_db, db,
                                                   log=log)
        rows += screen_rows
        details += screen_details

        # 10. Pastes and typing after them (issue 19) --------------------------------
        log("pastes: 1 MB on one line and 20,000 lines")
        # three app runs: one full garbage collection in a single run's window was
        # 10a's 159 ms once (the details give the GC pauses of each run)
        p = paste.measure(work, reps=1 if args.quick else 3, keys=cfg["keys"] // 2, bare_keys=3,
                          bare=not args.quick)
        rows += paste.rows(p, number="10")
        details += ["### 10. Large pastes", "", *paste.details(p), ""]

        # 7. Erasure and purge at scale (issues 15, 19) -----------------------------
        erase_rows, erase_details = erase.rows(1 if args.quick else 3, log)
        rows += erase_rows
        details += erase_details

        details += ["### 6. Memory", "",
                    f"Peak RSS (VmHWM of the child, median of {s['reps']} runs) at the settled "
                    f"first meeting frame: app {mib(s['app_rss'])}, bare "
                    f"{mib(s['bare_rss'])}. RSS per phase is in the table under 1.", ""]
        rows.append(memory_row)
        rows.sort(key=_row_order)

    took = time.perf_counter() - began
    out = [f"## Benchmarks ({mode})", "", *machine(),
           f"- Run: `benchmarks/run.py{' --quick' if args.quick else ''}` took {took:.0f} s",
           "", table(rows), "", *details]
    print("\n".join(out))
    return 0


def _row_order(row) -> tuple[int, str]:
    """Rows by number as a person counts: 2a, 9b, 10a (not 10a before 2a)."""
    digits = "".join(c for c in row.number if c.isdigit())
    return int(digits or 0), row.number


if __name__ == "__main__":
    sys.exit(main())
