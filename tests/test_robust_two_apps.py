"""Two copies of the app write to one database at the same time.

Two real ``gespreks`` processes in two pseudo-terminals, each in a meeting with
a different employee, type notes (and add an agreement) for a few seconds at
once, so their autosaves and timer saves meet at SQLite's write lock. Their
own writes take milliseconds, so to make every save wait for the lock a third
connection holds it for 0.3 s of every 0.5 s meanwhile (well inside the
store's 5 s busy timeout). Both apps must succeed: exit 0 on ctrl+q, every note complete in the database, the
agreements there, and never a "locked" or "not saved" message on screen.
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from gespreks_tui.store import Store
from hostile_corpus import HEAVY
from test_meeting_crash import CTRL_Q, CTRL_S, ENTER, AppInPty, read_only

pytestmark = pytest.mark.slow

CTRL_N = b"\x0e"
DOWN = b"\x1b[B"
TYPING_SECONDS = 20.0 if HEAVY else 3.0
TEXT = ("Gesprek over de werkdruk, het project en de planning. Café-overleg helpt.\n"
        "Afgesproken: elke week even bijpraten.\n")
TROUBLE = ("bezet", "locked", "NIET opgeslagen", "Traceback", "mislukt")


def prepare(db: Path) -> None:
    store = Store.open(db)
    try:
        store.set_setting("manager.name", "Sanne de Vries")
        for name in ("Sanne de Vries", "Anna Smit", "Joris Bakker"):
            store.add_person(name)
    finally:
        store.close()


def type_for(app: AppInPty, seconds: float, seed: int, agreement: str) -> str:
    """Type in bursts for ``seconds``, add one agreement halfway; return the note typed."""
    rng = random.Random(seed)
    typed, position, added = "", 0, False
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not added and time.monotonic() > deadline - seconds / 2:
            mark = app.mark()
            app.send(CTRL_N)
            app.wait_for("Nieuwe afspraak", since=mark)
            mark = app.mark()
            app.send(agreement.encode() + ENTER)
            app.wait_for(agreement, since=mark)
            app.settle(quiet=0.1, timeout=1.0)  # the notes have the focus again
            added = True
            continue
        chunk = "".join(TEXT[(position + i) % len(TEXT)] for i in range(rng.randint(1, 6)))
        position += len(chunk)
        app.send(chunk.encode().replace(b"\n", ENTER))
        typed += chunk
        time.sleep(rng.uniform(0.0, 0.05))
    return typed


def hold_the_write_lock(db: Path, stop: threading.Event) -> int:
    """Take SQLite's write lock for 0.3 s of every 0.5 s until ``stop``; return how often."""
    conn = sqlite3.connect(db, isolation_level=None, timeout=10)
    times = 0
    try:
        while not stop.is_set():
            conn.execute("begin immediate")
            time.sleep(0.3)
            conn.execute("commit")
            times += 1
            time.sleep(0.2)
    finally:
        conn.close()
    return times


def test_two_apps_write_one_database_at_once(tmp_path, gespreks_script, clean_env):
    db = tmp_path / "gedeeld.db"
    prepare(db)
    apps = [AppInPty(gespreks_script, db, clean_env) for _ in range(2)]
    try:
        for app, employee, keys in ((apps[0], "Anna Smit", b""),
                                    (apps[1], "Joris Bakker", DOWN)):
            app.wait_for("Medewerkers", "Anna Smit", "Joris Bakker")
            app.settle(quiet=0.1)
            if keys:
                app.send(keys)
                app.settle(quiet=0.1)
            mark = app.mark()
            app.send(CTRL_S)
            app.wait_for("GEDEELD", employee, since=mark)
            app.settle(quiet=0.1)

        typed: dict[int, str] = {}
        agreements = {0: "Werkdruk 1", 1: "Planning 2"}

        def run(i: int) -> None:
            typed[i] = type_for(apps[i], TYPING_SECONDS, i, agreements[i])

        stop, held = threading.Event(), []
        holder = threading.Thread(target=lambda: held.append(hold_the_write_lock(db, stop)))
        threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
        holder.start()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=TYPING_SECONDS + 30)
        stop.set()
        holder.join(timeout=10)
        assert set(typed) == {0, 1}, "typing did not finish"
        assert held and held[0] >= TYPING_SECONDS, "the third writer did not run"
        marks = [app.mark() for app in apps]
        for app in apps:
            app.send(CTRL_Q)
        codes = [app.process.wait(timeout=15) for app in apps]
        for app, mark, code in zip(apps, marks, codes, strict=True):
            assert code == 0, app.text(mark)[-2000:]
        for app in apps:
            shown = app.text()
            assert not [word for word in TROUBLE if word in shown], shown[-3000:]
    finally:
        for app in apps:
            app.close()

    with read_only(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        rows = conn.execute(
            "select e.name, n.body, c.status from notes n join phases p on p.id = n.phase_id "
            "join conversations c on c.id = p.conversation_id "
            "join people e on e.id = c.employee_id "
            "where p.position = 0 and n.visibility = 'shared'").fetchall()
        made = dict(conn.execute(
            "select e.name, group_concat(a.text) from agreements a "
            "join conversations c on c.id = a.conversation_id "
            "join people e on e.id = c.employee_id group by e.name").fetchall())
    notes = {name: body for name, body, _ in rows}
    assert {status for _, _, status in rows} == {"running"}
    assert notes == {"Anna Smit": typed[0], "Joris Bakker": typed[1]}
    assert made == {"Anna Smit": agreements[0], "Joris Bakker": agreements[1]}
    print(f"typed {len(typed[0])} and {len(typed[1])} characters in {TYPING_SECONDS} s")
