"""Issue 19's screen rows: history (f8) until painted, the first start, an idle meeting.

Each measurement runs in fresh child processes (``history_runner.py``,
``startup_first.py``, ``idle_runner.py``; the bare baselines are
``startup_bare.py`` and ``idle_runner.py bare``), alternating app and
baseline, and reports the median. ``rows`` gives ``run.py`` its rows:

- 5e/5f: history (f8) on the 10,000-conversation database, from the push to
  the screen's first frame, in a fresh process (the first use, with its
  imports) and the uses after it; the demo database alongside. < 100 ms.
- 8a/8b: the first start on an empty database (no file yet): spawn to the
  settled frame of the start screen with the name dialog on top, against
  the bare app of row 1; peak RSS half a second after that frame (what
  loads right after the first frame counts). ≤ 1.1× and ≤ 1.15×.
- 9a/9b: a running meeting left alone: CPU per second of the whole process
  against the bare app with a countdown updated every second; the WAL's
  growth meanwhile (information). ≤ 1.2×.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from common import HERE, Row, median, mib, ms

PYTHON = sys.executable
HISTORY_TARGET = 0.100
FIRST_START_TARGET = 1.1
FIRST_START_RSS_TARGET = 1.15
IDLE_TARGET = 1.2


def _child(args: list[str], timeout: float = 120) -> tuple[dict, float]:
    """Run ``python args``; its last stdout line as JSON, and when it was spawned."""
    from startup import _env

    spawned = time.perf_counter()
    proc = subprocess.run([PYTHON, *args], capture_output=True, text=True, env=_env(),
                          timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"{args[0]} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1]), spawned


def history_paint(db: Path, reps: int, again: int = 5) -> dict:
    """f8 until painted: first use per fresh process, and the median of later uses."""
    firsts, first_cpu, agains, again_cpu = [], [], [], []
    for _ in range(reps):
        r, _ = _child([str(HERE / "history_runner.py"), str(db), str(again)])
        firsts.append(r["first"])
        first_cpu.append(r["first_cpu"])
        agains += r["again"]
        again_cpu += r["again_cpu"]
    return {"first": median(firsts), "first_cpu": median(first_cpu), "first_max": max(firsts),
            "again": median(agains), "again_cpu": median(again_cpu), "reps": reps}


def first_start(work: Path, notes_file: Path, reps: int) -> dict:
    """The app on a database that does not exist yet, against the bare app."""
    app, bare = [], []
    for i in range(reps + 1):  # the first of each is a warm-up
        db = work / f"first-{i}.db"
        r, spawned = _child([str(HERE / "startup_first.py"), str(db)])
        r["startup"] = r["settled_at"] - spawned
        b, spawned = _child([str(HERE / "startup_bare.py"), str(notes_file)])
        b["startup"] = b["settled_at"] - spawned
        if i:
            app.append(r)
            bare.append(b)
    if app[-1]["screen"] not in ("ManagerNameScreen", "NameDialog"):
        raise RuntimeError(f"the first start did not ask the name: {app[-1]}")
    return {
        "app": median([r["startup"] for r in app]), "bare": median([r["startup"] for r in bare]),
        "app_cpu": median([r["cpu"] for r in app]), "bare_cpu": median([r["cpu"] for r in bare]),
        "app_rss": median([r["vmhwm_after_kib"] for r in app]),
        "app_rss_frame": median([r["vmhwm_kib"] for r in app]),
        "bare_rss": median([r["vmhwm_kib"] for r in bare]),
        "modules_after": app[-1]["modules_after"], "reps": reps,
    }


def idle(db: Path, notes_file: Path, reps: int, seconds: float) -> dict:
    """CPU per second of a running meeting left alone, against the ticking bare app."""
    app, bare = [], []
    for _ in range(reps):
        r, _ = _child([str(HERE / "idle_runner.py"), "app", str(db), str(seconds)])
        if r["screen"] != "MeetingScreen":
            raise RuntimeError(f"the app did not open the running meeting: {r}")
        app.append(r)
        b, _ = _child([str(HERE / "idle_runner.py"), "bare", str(notes_file), str(seconds)])
        bare.append(b)
    return {"app": median([r["cpu_per_s"] for r in app]),
            "bare": median([r["cpu_per_s"] for r in bare]),
            "ratios": [a["cpu_per_s"] / b["cpu_per_s"] for a, b in zip(app, bare, strict=True)],
            "wal": median([r["wal_growth"] / seconds for r in app]),
            "seconds": seconds, "reps": reps}


def rows(cfg: dict, work: Path, meeting_db: Path, notes_file: Path, hist_db: Path,
         small_db: Path, log=print) -> tuple[list[Row], list[str]]:
    """The rows 5e, 5f, 8a, 8b, 9a, 9b and their details (see the module)."""
    out: list[Row] = []
    log(f"history (f8): {cfg['screens']} fresh processes on each database")
    big = history_paint(hist_db, cfg["screens"])
    small = history_paint(small_db, cfg["screens"])
    out.append(Row("5e", "History (f8) on that database, first use in a fresh process: push "
                   "until painted (wall; baseline: the demo database)", ms(big["first"]),
                   ms(small["first"]), big["first"] / small["first"],
                   f"< {HISTORY_TARGET * 1000:.0f} ms", big["first"] < HISTORY_TARGET))
    out.append(Row("5f", "History (f8) on that database, again: push until painted (wall; "
                   "baseline: the demo database)", ms(big["again"]), ms(small["again"]),
                   big["again"] / small["again"], f"< {HISTORY_TARGET * 1000:.0f} ms",
                   big["again"] < HISTORY_TARGET))
    details = ["### 5e-f. History (f8) until painted", "",
               f"Push of the history screen of the employee with the most conversations "
               f"(20 on the generated database) to its first frame, in {big['reps']} fresh "
               f"processes per database; the first push carries the first-use imports, "
               f"then 5 more per process. CPU time of the process over the same span: "
               f"first use {ms(big['first_cpu'])} (demo {ms(small['first_cpu'])}), again "
               f"{ms(big['again_cpu'])} (demo {ms(small['again_cpu'])}); slowest first use "
               f"{ms(big['first_max'])}. The minutes (Markdown) and the agreements table "
               "are filled right after that frame.", ""]

    log(f"first start: {cfg['screens']} runs each of the app and the bare app")
    f = first_start(work, notes_file, cfg["screens"])
    ratio, rss_ratio = f["app"] / f["bare"], f["app_rss"] / f["bare_rss"]
    out.append(Row("8a", "First start on an empty database: spawn to the settled first "
                   "screen, which asks the manager's name (whole process, headless)", ms(f["app"]),
                   ms(f["bare"]), ratio, f"ratio ≤ {FIRST_START_TARGET}",
                   ratio <= FIRST_START_TARGET))
    out.append(Row("8b", "First start: peak RSS 0.5 s after that frame", mib(f["app_rss"]),
                   mib(f["bare_rss"]), rss_ratio, f"ratio ≤ {FIRST_START_RSS_TARGET}",
                   rss_ratio <= FIRST_START_RSS_TARGET))
    details += ["### 8. First start", "",
                f"Median of {f['reps']} runs each (after a warm-up of each). CPU time to "
                f"the settled frame: app {ms(f['app_cpu'])}, bare {ms(f['bare_cpu'])} "
                f"(ratio {f['app_cpu'] / f['bare_cpu']:.2f}). Peak RSS at the frame "
                f"{mib(f['app_rss_frame'])}, half a second later {mib(f['app_rss'])}; "
                "loaded by then of the packages the first frame does not need: "
                f"{', '.join(f['modules_after']) or 'none'}.", ""]

    log(f"idle meeting: {cfg['screens']} x {cfg['idle_seconds']} s each of the app and "
        "the bare app")
    i = idle(meeting_db, notes_file, cfg["screens"], cfg["idle_seconds"])
    ratio = i["app"] / i["bare"]
    out.append(Row("9a", "A running meeting left alone: CPU per second (whole process; "
                   "baseline: a bare app with a countdown)", ms(i["app"]), ms(i["bare"]),
                   ratio, f"ratio ≤ {IDLE_TARGET}", ratio <= IDLE_TARGET))
    out.append(Row("9b", "A running meeting left alone: WAL growth", f"{i['wal']:.0f} B/s",
                   target="— (information)"))
    details += ["### 9. Idle meeting", "",
                f"{i['reps']} runs of {i['seconds']:.0f} s each after a warm-up; ratios per "
                f"run: {', '.join(f'{r:.2f}' for r in i['ratios'])}. The timer state is "
                "stored on a change of phase or pause, with note saves, and once a "
                "minute; in between one 8-byte write a second to the side file "
                "(`meeting.heartbeat`) keeps a restart after kill -9 within a second.", ""]
    return out, details
