"""The database file in trouble: read-only folder, full disk, deleted while the app runs.

Each case must give a clear message, lose nothing already stored, and keep
what was typed on screen; saving resumes by itself once the trouble is over.

Simulation, where the real thing is out of reach:

- A read-only folder is a real one: chmod 0555 for a normal user; for root
  (whom chmod does not stop) a read-only bind mount over the folder.
- A full disk is a real 2 MB tmpfs where ``mount`` is allowed (root); anywhere
  else the store's write methods fail the way SQLite does on a full disk
  ("database or disk is full", turned into a StoreError by ``store.base.locked``).
- The folder turning read-only *during* a meeting cannot be mounted (Linux
  refuses to remount a file system read-only while the app has the database
  open for writing), so the store's own connection is made read-only with
  ``PRAGMA query_only``: SQLite then refuses writes exactly as on a read-only
  file ("attempt to write a readonly database").

Not a database and a newer schema are covered where the file is opened:
``test_db_open.py`` (refused, file unchanged, no -wal/-journal left behind)
and ``test_cli.py::test_script_corrupt_database`` (one line, exit 2). Only the
start of the app itself (``gespreks --db FILE`` without a command) is added here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import random
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from textual import events
from textual.geometry import Region
from textual.widgets import Input

from gespreks_tui.db import StoreError
from gespreks_tui.model import Visibility
from gespreks_tui.store import Store
from gespreks_tui.store.base import locked
from helpers import answer_paste_question, make_app, meeting, prepare, saved, visible_text

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
SIZE = (120, 40)


def _run(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True)


def _mount(*args: str | Path) -> bool:
    return ROOT and _run("mount", *args).returncode == 0


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@contextlib.contextmanager
def read_only(folder: Path):
    """Make ``folder`` read-only for this process and its children."""
    if not ROOT:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if not _mount("--bind", folder, folder):
        pytest.skip("running as root (chmod does not stop root) and mount --bind is not "
                    "allowed here, so a read-only folder cannot be made")
    try:
        if _run("mount", "-o", "remount,bind,ro", folder).returncode != 0:
            pytest.skip("running as root and a read-only remount is not allowed here")
        yield
    finally:
        _run("umount", folder)


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB tmpfs to fill up, or None where mounting is not allowed."""
    folder = tmp_path / "klein"
    folder.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", folder):
        yield None
        return
    try:
        yield folder
    finally:
        if _run("umount", folder).returncode != 0:
            _run("umount", "-l", folder)


def fill(folder: Path) -> Path:
    """Write a file until the disk is full; return it."""
    filler = folder / "vulling"
    with open(filler, "wb", buffering=0) as out:
        for size in (1 << 16, 1 << 12, 1):
            with contextlib.suppress(OSError):
                while True:
                    out.write(b"\0" * size)
    with pytest.raises(OSError) as caught, open(folder / "nog-een", "wb", buffering=0) as f:
        f.write(b"\0" * 8192)
    assert caught.value.errno == errno.ENOSPC
    (folder / "nog-een").unlink(missing_ok=True)
    return filler


async def wait_for(pilot, check, timeout: float = 4.0, what: str = "") -> None:
    """Let the app run until ``check()`` holds."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        await pilot.pause(0.05)


def status(screen) -> str:
    """The save status. The bottom border of the notes pane shows it, as far as it fits
    (a long error is cut off with "…"); the whole text is checked to show there."""
    pane = screen.notes
    shown = pane.render_lines(Region(0, 0, *pane.outer_size))[-1].text.strip(" ─═╰╯╚╝")
    whole = pane.save_status
    assert bool(shown) == bool(whole) and whole.startswith(shown.removesuffix("…")), shown
    return whole


def not_saved(screen) -> bool:
    return status(screen).startswith("NIET opgeslagen") and screen.notes.has_class("save-error")


def saved_again(screen) -> bool:
    return status(screen).startswith("Opgeslagen") and not screen.notes.has_class("save-error")


def integrity(store) -> str:
    with store._lock:
        return store.db.execute("pragma integrity_check").fetchone()[0]


async def start_meeting(pilot):
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    return meeting(pilot.app)


async def agreement_refused_then_saved(pilot, screen, text: str, recover) -> None:
    """An agreement added during the trouble: refused with a message, the form comes back
    holding the text; after ``recover()`` saving it works."""
    app, store = pilot.app, pilot.app.store
    await pilot.press("ctrl+n")
    await pilot.pause()
    app.screen.query_one("#agreement-text", Input).value = text
    await pilot.press("ctrl+s")
    await pilot.pause()
    stored = [a.text for a in store.agreements(screen.conversation_id)]
    if text in stored:  # a small write can still fit in space SQLite already has
        return
    form = app.screen
    assert form is not screen
    assert form.query_one("#agreement-text", Input).value == text
    assert any(n.severity == "error" for n in app._notifications)
    if app._disable_notifications is False:  # drawn: the message names the file as it is
        await pilot.pause()
        assert str(store.path) in toasts(app)
    recover()
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert app.screen is screen
    assert text in [a.text for a in store.agreements(screen.conversation_id)]


# --- a read-only folder -----------------------------------------------------------------

def test_a_database_in_a_read_only_folder_is_refused_with_one_clear_line(
        tmp_path, gespreks_script, clean_env):
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    db = folder / "g.db"
    store = Store.open(db)
    prepare(store, "Joris Bakker")
    store.close()
    before = _files(folder)
    with read_only(folder):
        with pytest.raises(OSError):
            (folder / "proef").write_bytes(b"x")
        with pytest.raises(StoreError) as caught:
            Store.open(db)
        assert caught.value.key == "db.read_only"
        with pytest.raises(StoreError) as caught:
            Store.open(folder / "nieuw.db")
        assert caught.value.key == "db.cannot_create"
        for args in ((), ("list",)):  # the app itself, and a command
            done = subprocess.run([str(gespreks_script), "--db", str(db), *args],
                                  capture_output=True, text=True, env=clean_env,
                                  stdin=subprocess.DEVNULL, timeout=30)
            assert done.returncode == 2, done.stderr
            lines = done.stderr.strip().splitlines()
            assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
            assert "Kan niet schrijven" in lines[0] and str(db) in lines[0]
            assert "geen SQLite-database" not in lines[0]  # not called broken: it is fine
    assert _files(folder) == before
    store = Store.open(db)  # writable again: all there
    try:
        assert store.find_person("Joris Bakker") is not None
    finally:
        store.close()


@pytest.fixture
def odd_store(tmp_path, clock):
    """A store in a folder whose name is Textual markup: messages must show it as it is."""
    folder = tmp_path / "[b]map"
    store = Store.open(folder / "g.db", clock=clock)
    yield store
    store.close()


def toasts(app) -> str:
    return "\n".join(visible_text(toast) for toast in app.screen.query("Toast"))


async def test_the_database_turning_read_only_during_a_meeting(odd_store, clock):
    store = odd_store
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await start_meeting(pilot)
        cid = screen.conversation_id
        await pilot.press("a", "b")
        await saved(pilot)
        assert saved_again(screen)
        for connection in store.connections():  # the UI's, and the saver's
            connection.execute("pragma query_only = 1")
        app.post_message(events.Paste("\nwat nu getypt wordt"))
        await wait_for(pilot, lambda: not_saved(screen), what="a save failure shown")
        assert "readonly" in status(screen)
        assert str(store.path) in status(screen)  # "[b]map" shown, not taken as markup
        assert screen.text_area.text == "ab\nwat nu getypt wordt"  # still on screen
        assert store.notes(cid) == {(0, Visibility.SHARED): "ab"}  # nothing lost

        def writable() -> None:
            for connection in store.connections():
                connection.execute("pragma query_only = 0")

        await agreement_refused_then_saved(pilot, screen, "Afspraak tijdens alleen-lezen",
                                           writable)
        await saved(pilot)
        await wait_for(pilot, lambda: saved_again(screen), what="saved again")
        assert store.notes(cid)[(0, Visibility.SHARED)] == "ab\nwat nu getypt wordt"
        assert integrity(store) == "ok"


# --- a full disk ----------------------------------------------------------------------

def simulate_full_disk(monkeypatch, store) -> dict[str, bool]:
    """Where no small disk can be mounted: the store's writes fail as SQLite's do."""
    state = {"full": False}
    for name in ("save_note", "save_timer", "add_agreement"):
        real = getattr(type(store), name).__wrapped__

        def method(self, *args, _real=real, **kwargs):
            if state["full"]:
                raise sqlite3.OperationalError("database or disk is full")
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(store, name, locked(method).__get__(store))
    return state


async def test_a_full_disk_keeps_the_text_says_so_and_saves_when_there_is_room(
        small_disk, tmp_path, clock, monkeypatch):
    folder = small_disk or tmp_path
    store = Store.open(folder / "g.db", clock=clock)
    try:
        prepare(store, "Joris Bakker")
        simulated = None if small_disk else simulate_full_disk(monkeypatch, store)
        app = make_app(store, clock)
        async with app.run_test(size=SIZE) as pilot:
            screen = await start_meeting(pilot)
            cid = screen.conversation_id
            await pilot.press("e", "e", "n")
            await saved(pilot)
            assert store.notes(cid) == {(0, Visibility.SHARED): "een"}
            if simulated is not None:
                simulated["full"] = True
            else:
                filler = fill(folder)
            paste = "".join(f"regel {i}: {random.Random(i).randbytes(30).hex()}\n"
                            for i in range(4000))  # ~300 kB: needs new pages
            app.post_message(events.Paste(paste))
            await answer_paste_question(pilot)  # over 100 KiB: asked first (issue 19)
            await wait_for(pilot, lambda: not_saved(screen), what="a save failure shown")
            assert "full" in status(screen) or "vol" in status(screen)
            assert screen.text_area.text == "een" + paste
            assert store.notes(cid) == {(0, Visibility.SHARED): "een"}
            assert integrity(store) == "ok"

            def room() -> None:
                if simulated is not None:
                    simulated["full"] = False
                else:
                    filler.unlink()

            await agreement_refused_then_saved(pilot, screen, "Afspraak op een volle schijf",
                                               room)
            # No save_all here: the saver tries again by itself (every 2 s).
            await wait_for(pilot, lambda: saved_again(screen), timeout=6.0,
                           what="saved again by the retry")
            assert store.notes(cid)[(0, Visibility.SHARED)] == "een" + paste
            assert integrity(store) == "ok"
    finally:
        store.close()
    again = Store.open(folder / "g.db", clock=clock)
    try:
        (summary,) = again.list_conversations()
        assert again.notes(summary.id)[(0, Visibility.SHARED)] == "een" + paste
        assert again.db.execute("pragma integrity_check").fetchone()[0] == "ok"
    finally:
        again.close()


def test_a_new_database_on_a_full_disk_is_refused_with_the_reason(small_disk):
    if small_disk is None:
        pytest.skip("needs a small disk to fill (mount -t tmpfs as root); the app's own "
                    "saves on a full disk are simulated in the test above")
    fill(small_disk)
    with pytest.raises(StoreError) as caught:
        Store.open(small_disk / "nieuw.db")
    assert caught.value.key != "db.not_a_database"  # the file is not broken: the disk is full
    assert "full" in caught.value.message("en")


# --- deleted while the app runs -------------------------------------------------------

async def test_the_database_deleted_while_the_app_runs(tmp_path, clock):
    """SQLite goes on writing into a deleted file (gone when the app closes); the app
    must say that nothing is saved any more, keep the text on screen, and save again
    when the file is back (here: put back from the trash, the same file)."""
    db = tmp_path / "g.db"
    trash = tmp_path / "prullenbak"
    trash.mkdir()
    store = Store.open(db, clock=clock)
    try:
        prepare(store, "Joris Bakker")
        app = make_app(store, clock)
        async with app.run_test(size=SIZE) as pilot:
            screen = await start_meeting(pilot)
            cid = screen.conversation_id
            await pilot.press("a", "b")
            await saved(pilot)
            assert saved_again(screen)
            os.link(db, trash / "g.db")  # what a move to the trash keeps
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            await pilot.press("c", "d")
            await wait_for(pilot, lambda: not_saved(screen), what="a save failure shown")
            assert "verwijderd" in status(screen)
            assert screen.text_area.text == "abcd"
            assert store.notes(cid) == {(0, Visibility.SHARED): "ab"}
            await agreement_refused_then_saved(
                pilot, screen, "Afspraak na het verwijderen",
                lambda: os.link(trash / "g.db", db))  # put back
            await saved(pilot)
            await wait_for(pilot, lambda: saved_again(screen), what="saved again")
            assert app.is_running
    finally:
        store.close()
    (trash / "g.db").unlink()  # emptied: a second (hard) name is refused when opening
    again = Store.open(db, clock=clock)
    try:
        (summary,) = again.list_conversations()
        assert again.notes(summary.id)[(0, Visibility.SHARED)] == "abcd"
        assert [a.text for a in again.agreements(summary.id)] == ["Afspraak na het verwijderen"]
        assert again.db.execute("pragma integrity_check").fetchone()[0] == "ok"
    finally:
        again.close()


# --- files that are not ours ----------------------------------------------------------

def _database_with_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute("create table migrations (version integer primary key, name text not null, "
                 "applied_at text not null)")
    conn.execute("insert into migrations values (?, 'toekomst', '2030-01-01T00:00:00+00:00')",
                 [version])
    conn.commit()
    conn.close()


@pytest.mark.parametrize("kind", ["not a database", "newer schema"])
def test_the_app_refuses_a_file_that_is_not_ours_in_one_line(tmp_path, gespreks_script,
                                                             clean_env, kind):
    folder = tmp_path / "bestanden"
    folder.mkdir()
    path = folder / "vreemd.db"
    if kind == "not a database":
        path.write_bytes(random.Random(11).randbytes(20_000))
    else:
        _database_with_version(path, 999)
    before = _files(folder)
    done = subprocess.run([str(gespreks_script), "--db", str(path)], capture_output=True,
                          text=True, env=clean_env, stdin=subprocess.DEVNULL, timeout=30)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0], done.stderr
    assert ("999" in lines[0]) == (kind == "newer schema")
    assert done.stdout == ""
    assert _files(folder) == before
