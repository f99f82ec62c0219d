"""A bracketed paste through a real terminal: the bytes a user's paste really becomes.

The app runs in a pseudo-terminal; the test writes what a terminal sends for a
paste (``ESC [ 200 ~`` … ``ESC [ 201 ~``), so Textual's own input parser
handles it, as it does for a person. What is stored must be what was pasted,
in order: control characters kept (the screen shows them as pictures), never
reordered or dropped.
"""

from __future__ import annotations

import time

import pytest

from gespreks_tui.model import Visibility
from gespreks_tui.store import Store
from test_meeting_crash import AppInPty, prepare

START, END = b"\x1b[200~", b"\x1b[201~"

HOSTILE = ("begin \x1b]0;pwned\x07 titel \x1b[2J wis \x00nul \u202eomgekeerd\u202c "
           "tab\there \u200bnulbreed einde")


@pytest.fixture
def app_in_pty(gespreks_script, clean_env, tmp_path):
    started: list[AppInPty] = []

    def start(db):
        app = AppInPty(gespreks_script, db, clean_env)
        started.append(app)
        return app

    yield start
    for app in started:
        app.close()


def paste(app: AppInPty, text: str) -> None:
    app.send(START + text.encode("utf-8") + END)


def stored(db):
    store = Store.open(db)
    try:
        [conversation] = store.list_conversations()
        return store.notes(conversation.id), store.agreements(conversation.id)
    finally:
        store.close()


def quit_and_wait(app: AppInPty) -> None:
    app.send(b"\x11")  # ctrl+q: saves, then quits
    deadline = time.monotonic() + 15
    while app.process.poll() is None:
        assert time.monotonic() < deadline, "the app did not quit"
        time.sleep(0.05)
    assert app.process.returncode == 0


def test_a_hostile_paste_is_stored_as_pasted_in_the_notes_and_an_agreement(tmp_path,
                                                                            app_in_pty):
    db = tmp_path / "g.db"
    prepare(db)
    app = app_in_pty(db)
    app.wait_for("Start gesprek")
    app.settle()
    app.send(b"\x13")  # ctrl+s: begin the meeting
    app.wait_for("Terugblik")
    app.settle()
    paste(app, HOSTILE)
    app.settle()
    long_line = "lang" * 25_000  # 100 kB on one line
    paste(app, "\n" + long_line)
    app.settle(timeout=20)
    app.send(b"\x0e")  # ctrl+n: a new agreement
    app.wait_for("Nieuwe afspraak")
    app.settle()
    paste(app, HOSTILE)
    app.settle()
    app.send(b"\x13")  # ctrl+s: save the agreement
    app.settle()
    quit_and_wait(app)

    notes, agreements = stored(db)
    assert notes[(0, Visibility.SHARED)] == HOSTILE + "\n" + long_line
    assert [a.text for a in agreements] == [HOSTILE]


def send_all(app: AppInPty, data: bytes) -> None:
    """Write all of ``data`` to the terminal (a write to a pty may take only part)."""
    import os

    view = memoryview(data)
    while view:
        view = view[os.write(app.master, view):]


def test_a_1_mb_line_and_20000_lines_pasted_are_asked_about_and_stored_byte_for_byte(
        tmp_path, app_in_pty):
    words = ("overleg", "émigré", "’t", "字", "planning", "tab\there", "ok")
    one_line = " ".join(words[i % len(words)] + str(i % 13) for i in range(130_000))
    many_lines = "\n".join(f"{n}. {' '.join(words[: n % 7 + 1])}" for n in range(20_000))
    assert len(one_line.encode()) > 1_000_000 and "\n" not in one_line
    db = tmp_path / "g.db"
    prepare(db)
    app = app_in_pty(db)
    app.wait_for("Start gesprek")
    app.settle()
    app.send(b"\x13")  # ctrl+s: begin the meeting
    app.wait_for("Terugblik")
    app.settle()
    for text in (one_line, many_lines):
        mark = app.mark()
        send_all(app, START + text.encode("utf-8") + END)
        app.wait_for("Grote plakactie", since=mark, timeout=30)  # asked first
        app.settle()
        mark = app.mark()
        app.send(b"\r")  # enter: the first choice, insert as pasted
        app.wait_for(text.rsplit(" ", 1)[1] if text is one_line else "19999. overleg",
                     since=mark, timeout=30)  # in: what is typed next goes after it
        app.settle()
        if text is one_line:
            app.send(b"\r")  # a new line between the two pastes
            app.settle()
    mark = app.mark()
    app.send(b"einde")
    app.wait_for("overlegeinde", since=mark, timeout=30)  # typed on: ctrl+q does not wait
    quit_and_wait(app)

    notes, _ = stored(db)
    assert notes[(0, Visibility.SHARED)] == one_line + "\n" + many_lines + "einde"
