"""Start-up and memory: whole processes, the app against a bare Textual app.

Each sample spawns a fresh interpreter (``startup_app.py`` / ``startup_bare.py``,
alternating, after one untimed warm-up of each). The time is from just before
the spawn to the moment the child has painted its first settled frame (the
child reports ``time.perf_counter()``, CLOCK_MONOTONIC, which is system-wide on
Linux); shutdown is not counted. Memory is the child's VmHWM (peak RSS) at
that same moment.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from common import HERE, median

PYTHON = sys.executable


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env["PYTHONDONTWRITEBYTECODE"] = "0"
    return env


def _spawn(args: list[str]) -> dict:
    start = time.perf_counter()
    proc = subprocess.run([PYTHON, *args], capture_output=True, text=True, env=_env(),
                          timeout=60)
    ended = time.perf_counter()
    if proc.returncode != 0:
        raise RuntimeError(f"{args[0]} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["startup"] = result["settled_at"] - start
    result["wall"] = ended - start
    return result


def measure(db: Path, notes_file: Path, reps: int) -> dict:
    app_args = [str(HERE / "startup_app.py"), str(db)]
    bare_args = [str(HERE / "startup_bare.py"), str(notes_file)]
    bare_gc_args = [*bare_args, "--gc-pause"]
    _spawn(app_args)
    _spawn(bare_args)
    app, bare, bare_gc = [], [], []
    for _ in range(reps):
        app.append(_spawn(app_args))
        bare.append(_spawn(bare_args))
        bare_gc.append(_spawn(bare_gc_args))
    last = app[-1]
    if last["screen"] != "MeetingScreen" or not last["notes_focused"]:
        raise RuntimeError(f"the app did not reach a usable meeting screen: {last}")
    return {
        "app": median([r["startup"] for r in app]),
        "bare": median([r["startup"] for r in bare]),
        "app_wall": median([r["wall"] for r in app]),
        "bare_wall": median([r["wall"] for r in bare]),
        "app_cpu": median([r["cpu"] for r in app]),
        "bare_cpu": median([r["cpu"] for r in bare]),
        "app_rss": median([r["vmhwm_kib"] for r in app]),
        "bare_rss": median([r["vmhwm_kib"] for r in bare]),
        # The bare app with the app's garbage-collector pause (gespreks_tui.startup_gc):
        # what the app's ratio would be against a baseline using the same trick.
        "bare_gc": median([r["startup"] for r in bare_gc]),
        "reps": reps,
        "app_phases": _phases(app), "bare_phases": _phases(bare),
    }


_PHASES = {  # field of the runner's JSON -> label (times from the runner's first line)
    "imported": "imports done", "store_open": "Store.open done",
    "start_frame": "start screen laid out", "frame": "target screen laid out",
    "settled": "settled frame",
}


def _phases(results: list[dict]) -> list[tuple[str, float, float | None]]:
    """(label, median seconds, median RSS KiB or None) of each phase the runner reported."""
    out = []
    for key, label in _PHASES.items():
        if key in results[0]:
            rss_key = "vmhwm_kib" if key == "settled" else f"rss_{key}"
            rss = median([r[rss_key] for r in results]) if rss_key in results[0] else None
            out.append((label, median([r[key] for r in results]), rss))
    return out


def phase_lines(s: dict) -> list[str]:
    from common import mib, ms

    lines = ["| phase (from the runner's first line) | app | app RSS | bare | bare RSS |",
             "|---|---:|---:|---:|---:|"]
    bare = {label: (t, rss) for label, t, rss in s["bare_phases"]}
    for label, t, rss in s["app_phases"]:
        b = bare.get(label)
        lines.append(f"| {label} | {ms(t)} | {mib(rss) if rss else '—'} | "
                     f"{ms(b[0]) if b else '—'} | {mib(b[1]) if b and b[1] else '—'} |")
    return lines


# Packages the first frame should not need (issue 8's hint); each is traced to its importer.
HEAVY = ("sqlite_utils", "markdown_it", "click", "dateutil", "platformdirs", "pygments")

_LINE = re.compile(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)")


def importtime(args: list[str], runs: int = 3) -> list[tuple[int, int, int, str]]:
    """(cumulative µs, self µs, depth, module) of every import, from ``-X importtime``.

    The best of ``runs`` runs per module, so one slow file read does not show up
    as a slow import.
    """
    best: dict[str, list[int]] = {}
    order: list[tuple[int, str]] = []
    for run in range(runs):
        proc = subprocess.run([PYTHON, "-X", "importtime", *args], capture_output=True,
                              text=True, env=_env(), timeout=60)
        for line in proc.stderr.splitlines():
            found = _LINE.match(line)
            if not found:
                continue
            own, cumulative, indent, module = found.groups()
            if run == 0:
                order.append(((len(indent) - 1) // 2, module))
                best[module] = [int(cumulative), int(own)]
            elif module in best:
                best[module] = [min(best[module][0], int(cumulative)),
                                min(best[module][1], int(own))]
    return [(best[m][0], best[m][1], depth, m) for depth, m in order]


def import_report(db: Path, notes_file: Path, top: int = 8) -> list[str]:
    app = importtime([str(HERE / "startup_app.py"), str(db)])
    bare = importtime([str(HERE / "startup_bare.py"), str(notes_file)])

    def total(rows):
        return sum(own for _, own, _, _ in rows) / 1000

    lines = [f"Import time (`python -X importtime`, best of 3 runs per module): app "
             f"{total(app):.0f} ms "
             f"in {len(app)} modules, bare {total(bare):.0f} ms in {len(bare)} modules.",
             "", "Top cumulative imports of the app's start path:", "",
             "| cumulative | self | module |", "|---:|---:|---|"]
    for cumulative, own, depth, module in sorted(app, reverse=True)[:top]:
        lines.append(f"| {cumulative / 1000:.1f} ms | {own / 1000:.1f} ms | "
                     f"{'· ' * depth}{module} |")
    def by_package(rows):
        sums: dict[str, int] = {}
        for _, own, _, module in rows:
            package = module.split(".")[0]
            sums[package] = sums.get(package, 0) + own
        return sums

    app_pk, bare_pk = by_package(app), by_package(bare)
    extra = sorted(((own - bare_pk.get(p, 0), p) for p, own in app_pk.items()), reverse=True)
    lines += ["", "Where the app's extra import time goes (self time summed per top-level "
              "package, app minus bare): "
              + ", ".join(f"{p} +{d / 1000:.1f} ms" for d, p in extra[:8] if d > 0), ""]
    own = sorted(((o, m) for _, o, _, m in app if m.split(".")[0] == "gespreks_tui"),
                 reverse=True)
    lines.append("- The app's own modules, by self time: "
                 + ", ".join(f"`{m}` {o / 1000:.1f} ms" for o, m in own[:5]))
    for package in HEAVY:
        chain = _chain(app, package)
        if chain:
            via = [m for i, (m, _) in enumerate(chain[1:]) if m not in (n for n, _ in chain[:i + 1])]
            lines.append(f"- `{package}` ({chain[0][1] / 1000:.1f} ms cumulative) is imported "
                         + ("by " + " ← ".join(f"`{m}`" for m in via) if via else
                            "lazily at run time (an import inside a function)"))
    return lines


def _chain(rows: list[tuple[int, int, int, str]], module: str) -> list[tuple[str, int]]:
    """``module`` and the modules whose import pulled it in (importtime lists children first)."""
    for i, (cumulative, _, depth, name) in enumerate(rows):
        if name == module:
            out = [(name, cumulative)]
            for parent_cumulative, _, parent_depth, parent in rows[i + 1:]:
                if depth == 0:
                    break
                if parent_depth < depth:
                    out.append((parent, parent_cumulative))
                    depth = parent_depth
            return out
    return []
