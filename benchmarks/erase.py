"""Erasure and purge on the generated 10,000-conversation database (issues 15 and 19).

    .venv/bin/python benchmarks/erase.py            # 3 runs of each case, the median
    .venv/bin/python benchmarks/erase.py --quick    # 1 run of each case

Each case runs in a fresh child process on a fresh copy of the history
database (``fixtures.history_db``), so the page cache of the copy is warm but
no Python state is shared. The child reports its own wall time per step and
its peak RSS (``VmHWM``, else ``resource.getrusage``; the interpreter and the
imports included, about 21 MiB of it), and the peak right after opening the
store, so the figure the erasure adds is visible.

Cases (targets from issue 15: each < 2 s and < 64 MiB peak):

- ``employee``: ``plan_erasure`` of "Medewerker 0250 …" (20 conversations, 200
  agreements), then ``erase_person`` with every mention the plan listed (plan
  once, erase with that plan), VACUUM and WAL truncation included;
- ``manager``: the same for the manager who led all 10,000 conversations;
- ``purge``: ``purge(dry_run=True)`` plus ``retention_overview`` (what
  ``gespreks purge --dry-run`` prints) with 5 people marked as left in 2015;
- ``cli …``: the same three as whole commands, in-process in the child
  (``gespreks person erase NAME --redact all --yes``, ``gespreks purge
  --dry-run``): option parsing, the plan printed, the check that no copy of
  the app has a touched conversation open, the erasure and the summary.

With ``--texts`` every conversation also gets a shared note and every
concluded one a stored minutes text (≈1.5 kB), some of them naming the
employee: the case where a Python check of every text would show.

``rows()`` gives ``run.py`` (owned elsewhere) its rows 7a-7f; the lines to
add there are in its docstring.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import median  # noqa: E402

TARGET_SECONDS = 2.0
TARGET_MIB = 64.0
EMPLOYEE_LIKE = "Medewerker 0250 %"
LEFT = 5


def _peak_kib() -> int:
    """This process's peak RSS in KiB: VmHWM where there is /proc, else getrusage.

    ``ru_maxrss`` alone is not enough on Linux: a child keeps the high-water
    mark of the parent it was forked from across ``exec``, so a parent that
    built the database would show up in every child's figure.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


# -- the child: one case on one copy -------------------------------------------------------

def _child(case: str, db: Path) -> dict:
    from datetime import date

    from gespreks_tui.store import Store

    started = time.perf_counter()
    store = Store.open(db)
    steps: dict[str, float] = {"open": time.perf_counter() - started}
    opened_kib = _peak_kib()
    out: dict = {}
    try:
        if case == "purge":
            mark = time.perf_counter()
            plan = store.purge(date(2026, 6, 1), dry_run=True)
            store.retention_overview(date(2026, 6, 1), plan.policy)
            steps["purge --dry-run"] = time.perf_counter() - mark
            out["people"] = len(plan.people)
            out["rows"] = plan.effect.rows
        else:
            if case == "manager":
                person = store.find_person("Sanne de Vries")
            else:
                name = store.db.execute("select name from people where name like ?",
                                        [EMPLOYEE_LIKE]).fetchone()[0]
                person = store.find_person(name)
            mark = time.perf_counter()
            plan = store.plan_erasure(person.id)
            steps["plan"] = time.perf_counter() - mark
            mark = time.perf_counter()
            done = store.erase_person(person.id, redact=plan.mentions)
            steps["erase (with compact)"] = time.perf_counter() - mark
            out["mentions"] = len(plan.mentions)
            out["rows"] = done.rows
            out["as_manager"] = done.as_manager
            out["wal_cleared"] = done.wal_cleared
    finally:
        store.close()
    out["steps"] = steps
    out["work"] = sum(v for k, v in steps.items() if k != "open")
    out["opened_kib"] = opened_kib
    out["peak_kib"] = _peak_kib()
    return out


def _cli_child(args: list[str], report: Path) -> None:
    """Run ``gespreks ARGS`` in this process; write wall time and peak RSS to ``report``."""
    from gespreks_tui.cli import main as gespreks

    started = time.perf_counter()
    code = 0
    try:
        gespreks(args)
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
    report.write_text(json.dumps({"work": time.perf_counter() - started, "code": code,
                                  "peak_kib": _peak_kib(), "opened_kib": 0, "steps": {}}))


# -- the parent: copies, children, figures --------------------------------------------------

def _with_texts(source: Path, target: Path) -> None:
    """A shared note on every conversation, minutes on every concluded one (see module)."""
    from fixtures import note_text

    shutil.copyfile(source, target)
    conn = sqlite3.connect(target)
    try:
        name = conn.execute("select name from people where name like ?",
                            [EMPLOYEE_LIKE]).fetchone()[0]
        first = name.split()[0]
        rows = conn.execute("select c.id, c.status, (select min(id) from phases p where "
                            "p.conversation_id = c.id) from conversations c").fetchall()
        notes, minutes = [], []
        for cid, status, phase_id in rows:
            text = note_text(4, seed=cid % 97)
            if cid % 500 == 7:  # 20 other conversations name the employee
                text += f"\nOverleg met {name} over de planning. {first} helpt."
            notes.append((phase_id, text))
            if status != "running":
                minutes.append((cid, f"# Verslag {cid}\n\n{text}\n\n" + note_text(12, cid)))
        with conn:
            conn.executemany("insert into notes (phase_id, visibility, body, updated_at) "
                             "values (?, 'shared', ?, '2026-01-01T00:00:00+00:00')", notes)
            conn.executemany("insert into minutes_revisions (conversation_id, revision, "
                             "markdown, sha256, created_at) values (?, 1, ?, '', "
                             "'2026-01-01T00:00:00+00:00')", minutes)
        conn.execute("pragma wal_checkpoint(truncate)")
    finally:
        conn.close()


def _prepare(source: Path, target: Path, case: str) -> None:
    shutil.copyfile(source, target)
    if case.endswith("purge"):
        conn = sqlite3.connect(target)
        try:
            with conn:
                conn.execute("update people set left_on = '2015-01-01' where id in "
                             "(select id from people where name like 'Medewerker%' "
                             f"order by id limit {LEFT})")
            # … and their conversations long ago, so that they are past retention
                conn.execute("update conversations set started_at = '2016-01-01T09:00:00+00:00',"
                             " ended_at = null where employee_id in (select id from people "
                             "where left_on is not null)")
        finally:
            conn.close()


def _run_child(case: str, db: Path) -> dict:
    if case.startswith("cli "):
        return _run_cli(case, db)
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", case,
                           str(db)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{case}: {done.stderr}")
    return json.loads(done.stdout)


def _run_cli(case: str, db: Path) -> dict:
    """The whole command as a user runs it (plan, list, choose, erase, compact, print)."""
    what = case.split()[1]
    if what == "purge":
        args = ["purge", "--dry-run", "--db", str(db)]
    else:
        conn = sqlite3.connect(db)
        try:
            name = conn.execute("select name from people where name like ?",
                                ["Sanne de Vries" if what == "manager" else EMPLOYEE_LIKE]
                                ).fetchone()[0]
        finally:
            conn.close()
        args = ["person", "erase", name, "--redact", "all", "--yes", "--db", str(db)]
    report = db.with_suffix(".json")
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--cli",
                           str(report), *args], capture_output=True, text=True, check=False,
                          env={**os.environ, "GESPREKS_TODAY": "2026-06-01"})
    if done.returncode != 0 or not report.exists():
        raise RuntimeError(f"{case}: {done.stderr}")
    found = json.loads(report.read_text())
    if found["code"] != 0:
        raise RuntimeError(f"{case}: exit {found['code']}: {done.stderr}")
    return found


def measure(runs: int = 3, texts: bool = False, log=print) -> dict[str, dict]:
    """{case: {"seconds": median work, "peak_mib": max peak, "opened_mib", "detail"}}."""
    import fixtures

    source, _ = fixtures.history_db()
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="gespreks-erase-") as tmp:
        base = Path(tmp) / "base.db"
        if texts:
            _with_texts(source, base)
        else:
            shutil.copyfile(source, base)
        for case in ("employee", "manager", "purge", "cli employee", "cli manager",
                     "cli purge"):
            found = []
            for i in range(runs):
                db = Path(tmp) / f"{case}-{i}.db"
                _prepare(base, db, case)
                found.append(_run_child(case, db))
                for leftover in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-open")):
                    leftover.unlink(missing_ok=True)
            results[case] = {"seconds": median([f["work"] for f in found]),
                             "peak_mib": max(f["peak_kib"] for f in found) / 1024,
                             "opened_mib": max(f["opened_kib"] for f in found) / 1024,
                             "detail": found[-1]}
            log(f"[erase] {case}: {results[case]['seconds']:.3f} s, "
                f"peak {results[case]['peak_mib']:.1f} MiB")
    return results


def rows(runs: int = 3, log=print) -> tuple[list, list[str]]:
    """Table rows and detail lines for ``run.py``: one row per case (7a-7f).

    In ``run.py`` (owned elsewhere), after row 6::

        erase_rows, erase_details = erase.rows(1 if args.quick else 3, log)
        rows += erase_rows
        details += erase_details
    """
    from common import Row, mib

    results = measure(runs, log=log)
    table_rows, details = [], ["### 7. Erasure and purge at scale (issues 15, 19)", ""]
    for letter, (case, r) in zip("abcdef", results.items(), strict=False):
        good = r["seconds"] < TARGET_SECONDS and r["peak_mib"] < TARGET_MIB
        table_rows.append(Row(f"7{letter}", f"Erasure at scale: {case}",
                              f"{r['seconds']:.2f} s, {mib(r['peak_mib'] * 1024)} peak",
                              target=f"< {TARGET_SECONDS:.0f} s and < {TARGET_MIB:.0f} MiB",
                              ok=good))
        steps = ", ".join(f"{k} {v:.3f} s" for k, v in r["detail"]["steps"].items())
        details.append(f"- {case}: {steps or 'whole command'}; peak {r['peak_mib']:.1f} MiB")
    return table_rows, details + [""]


def _opened(result: dict) -> str:
    return f"{result['opened_mib']:.1f} MiB" if result["opened_mib"] else "—"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="one run per case")
    parser.add_argument("--texts", action="store_true",
                        help="add a note to every conversation and minutes to concluded ones")
    parser.add_argument("--child", nargs=2, metavar=("CASE", "DB"), help=argparse.SUPPRESS)
    parser.add_argument("--cli", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.cli:
        _cli_child(args.cli[1:], Path(args.cli[0]))
        return 0
    if args.child:
        print(json.dumps(_child(args.child[0], Path(args.child[1]))))
        return 0
    results = measure(1 if args.quick else 3, args.texts,
                      log=lambda s: print(s, file=sys.stderr, flush=True))
    print("| case | seconds (median) | peak RSS | after open | target | result |\n"
          "|---|---:|---:|---:|---|:---:|")
    ok = True
    for case, r in results.items():
        good = r["seconds"] < TARGET_SECONDS and r["peak_mib"] < TARGET_MIB
        ok &= good
        print(f"| {case}{' (+texts)' if args.texts else ''} | {r['seconds']:.3f} s | "
              f"{r['peak_mib']:.1f} MiB | {_opened(r)} | "
              f"< {TARGET_SECONDS:.0f} s, < {TARGET_MIB:.0f} MiB | "
              f"{'PASS' if good else 'MISS'} |")
    print()
    for case, r in results.items():
        steps = ", ".join(f"{k} {v:.3f} s" for k, v in r["detail"]["steps"].items())
        rest = {k: v for k, v in r["detail"].items()
                if k not in ("steps", "work", "peak_kib", "opened_kib")}
        print(f"- {case}: {steps}; {rest}")
    return 0 if ok else 1


if __name__ == "__main__":
    os.environ.setdefault("GESPREKS_TZ", "Europe/Amsterdam")
    sys.exit(main())
