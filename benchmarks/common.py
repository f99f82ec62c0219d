"""Shared helpers: statistics, the result row, the machine description."""

from __future__ import annotations

import os
import platform
import statistics
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (``pct`` in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def ms(seconds: float) -> str:
    value = seconds * 1000
    if value != value:  # nan
        return "n/a"
    if value >= 100:
        return f"{value:.0f} ms"
    if value >= 10:
        return f"{value:.1f} ms"
    return f"{value:.2f} ms"


def mib(kib: float) -> str:
    return f"{kib / 1024:.1f} MiB"


@dataclass
class Row:
    """One line of the table."""

    number: str
    name: str
    app: str
    baseline: str = "—"
    ratio: float | None = None
    target: str = ""
    ok: bool | None = None  # None: no target (information only)
    notes: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        if self.ok is None:
            return "—"
        return "PASS" if self.ok else "MISS"


def table(rows: list[Row]) -> str:
    head = "| # | Measure | App (median) | Baseline (median) | Ratio | Target | Result |"
    rule = "|---|---|---:|---:|---:|---|:---:|"
    lines = [head, rule]
    for r in rows:
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "—"
        lines.append(f"| {r.number} | {r.name} | {r.app} | {r.baseline} | {ratio} | "
                     f"{r.target} | {r.verdict} |")
    return "\n".join(lines)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine() -> list[str]:
    import sqlite3
    import tempfile
    from importlib.metadata import version

    import textual

    return [
        f"- Date: {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"- Python {platform.python_version()} ({sys.implementation.name}), "
        f"Textual {textual.__version__}, SQLite {sqlite3.sqlite_version}, "
        f"gespreks-tui {version('gespreks-tui')}",
        f"- Machine: `uname -m` = {platform.machine()}, {os.cpu_count()} CPUs "
        f"({cpu_model()}), {platform.system()} {platform.release()}; databases on "
        f"{fs_type(Path(tempfile.gettempdir()))} ({tempfile.gettempdir()})",
    ]


def fs_type(path: Path) -> str:
    """The file system type of ``path`` (from /proc/mounts), for the fsync figures."""
    best, kind = "", "unknown file system"
    try:
        for line in Path("/proc/mounts").read_text().splitlines():
            _, mount, fstype, *_ = line.split()
            if str(path.resolve()).startswith(mount) and len(mount) > len(best):
                best, kind = mount, fstype
    except OSError:
        pass
    return kind
