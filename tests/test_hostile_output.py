"""Every command, against a database full of hostile text, inside a pseudo-terminal.

Issue 14: a name, note, agreement or comment holding ``ESC ] 0 ; pwned BEL``,
``ESC [ 2 J``, OSC 52 or a right-to-left override set the terminal's title,
cleared its screen or reversed the app's own fields when a command printed it.
Here every field holds such text (names are written straight into the file
with sqlite3, as the app refuses control characters in names), and every
command of ``gespreks --help`` runs in a real pty (raw mode, so what arrives is
exactly what the program wrote). What reaches the terminal may hold no C0
control but line feed and tab, no DEL, no C1, no bidi and no zero-width
character; text output shows the data as pictures and markers (so it was
printed, not dropped); JSON output parses and gives back the stored strings
exactly; the exported Markdown and HTML files carry none of them raw either.
"""

from __future__ import annotations

import json
import os
import re
import select
import sqlite3
import subprocess
import time
import tty
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.minutes import publish
from gespreks_tui.model import Kind, Outcome, Owner, Party, Verdict, Visibility
from gespreks_tui.store import Store
from hostile_corpus import CORPUS

pytestmark = pytest.mark.slow

_T = dict(CORPUS)
# Every kind of text that acts on a terminal or a reader, in one field.
HOSTILE = (" ".join([_T["terminal escape"], _T["controls"], _T["bidi controls"],
                     _T["zero width"], _T["del and c1"], _T["specials"]])
           + " \x1b]0;pwned\x07\x1b[2J\u202etats\u202c")
ARG = HOSTILE.replace("\x00", "")  # what a command line can carry (no NUL in argv)
NAME = " ".join(ARG.split())  # a name is found as typed only with single spaces
EMPLOYEE = "Joris " + NAME
MANAGER = "Mira " + NAME
GONE = "Vertrokken " + NAME
TODAY = "2026-11-02"  # FakeClock's first day
DUE = "2026-11-05"

# Written from the issue, not from the code under test: what may never reach a terminal.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f\x80-\x9f"  # C0 but LF and TAB, DEL, C1 (as characters)
    "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"  # bidi embeddings, overrides, isolates, marks
    "\u200b-\u200d\u2060\ufeff]"  # zero-width characters
)


def forbidden_in(text: str) -> list[str]:
    return [f"U+{ord(m[0]):04X} at {m.start()}: {text[max(0, m.start() - 30):m.end() + 30]!r}"
            for m in FORBIDDEN.finditer(text)][:5]


# --- the database -------------------------------------------------------------------------

def fill(db: Path) -> dict[str, int]:
    """A database with hostile text in every field a person can type or return."""
    clock = FakeClock()
    store = Store.open(db, clock=clock)
    try:
        employee, manager = store.add_person("employee"), store.add_person("manager")
        gone = store.add_person("gone")
    finally:
        store.close()
    raw = sqlite3.connect(db)  # the app refuses control characters in names
    with raw:
        for person, name in ((employee, EMPLOYEE), (manager, MANAGER), (gone, GONE)):
            raw.execute("update people set name = ? where id = ?", [name, person.id])
    raw.close()

    store = Store.open(db, clock=clock)
    try:
        earlier = store.create_conversation(employee.id, builtin_agenda(Kind.DOELSTELLING), 60,
                                            manager_id=manager.id)
        old = store.add_agreement(earlier.id, "Oud " + HOSTILE, Owner.EMPLOYEE, DUE)
        store.conclude(earlier.id, None)
        agenda = builtin_agenda(Kind.BEOORDELING)
        c = store.create_conversation(employee.id, agenda, 60, manager_id=manager.id)
        for position in range(len(agenda.phases)):
            store.db.execute("update phases set name = ? where conversation_id = ? "
                             "and position = ?", [f"Fase {position} {HOSTILE}", c.id, position])
            store.save_note(c.id, position, Visibility.SHARED, f"Notitie\n{HOSTILE}\nregel 3")
            store.save_note(c.id, position, Visibility.PRIVATE, "Privé " + HOSTILE)
        agreement = store.add_agreement(c.id, "Afspraak " + HOSTILE, Owner.BOTH, DUE)
        store.record_follow_up(old.id, c.id, Outcome.PARTLY, "Opvolging " + HOSTILE)
        criteria = [name for phase in agenda.phases for name in phase.criteria]
        for position, criterion in enumerate(criteria):
            store.save_score(c.id, position, criterion + HOSTILE, 3, "Score " + HOSTILE)
        store.save_overall(c.id, 3, "Totaal " + HOSTILE)
        store.conclude(c.id, "2026-11-10")
        publish(store, c.id)
        store.confirm(c.id, 1, Party.EMPLOYEE, "Bevestiger " + HOSTILE, Verdict.AKKOORD,
                      "Commentaar " + HOSTILE)
        collective = store.add_collective("Collectief " + HOSTILE, DUE)
        left = store.create_conversation(gone.id, builtin_agenda(Kind.VOORTGANG), 30)
        store.save_note(left.id, 0, Visibility.SHARED, HOSTILE)
        store.conclude(left.id, None)
        store.mark_left(gone.id, "2015-01-01")
    finally:
        store.close()
    raw = sqlite3.connect(db)  # long ago: past the retention period, for purge
    with raw:
        raw.execute("update conversations set created_at = ?1, started_at = ?1, ended_at = ?1,"
                    " updated_at = ?1 where id = ?2", ["2014-03-01T09:00:00+00:00", left.id])
    raw.close()
    return {"earlier": earlier.id, "conversation": c.id, "agreement": agreement.id,
            "collective": collective.id, "left": left.id}


def hostile_templates(config: Path) -> None:
    folder = config / "templates"
    folder.mkdir(parents=True)
    (folder / "voortgang.nl.md").write_text(
        f"# Titel {NAME}\n\n## Fase {NAME} (10 min)\n\n- Vraag {NAME}\n", encoding="utf-8")
    (folder / "functionering.nl.md").write_text(f"geen fasen {NAME}\n", encoding="utf-8")
    (folder / "onbekend \x1b]0;pwned\x07\u202e.md").write_text("# x\n", encoding="utf-8")


# --- running a command in a pty -----------------------------------------------------------

def in_pty(command: list[str], env: dict, cwd: Path, timeout: float = 20) -> tuple[int, str]:
    """Run ``command`` with stdout and stderr on a raw pty; (exit code, all it wrote)."""
    master, slave = os.openpty()
    tty.setraw(slave)  # no LF -> CRLF: what arrives is exactly what was written
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=slave,
                                   stderr=slave, env=env, cwd=cwd, close_fds=True)
    finally:
        os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                process.kill()
                process.wait()
                pytest.fail(f"{command[3:]} did not finish in {timeout} s")
            if not select.select([master], [], [], min(left, 1))[0]:
                continue
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the process and its children closed the pty
                break
            if not data:
                break
            chunks.append(data)
        code = process.wait(timeout=max(1, deadline - time.monotonic()))
    finally:
        os.close(master)
    return code, b"".join(chunks).decode("utf-8")  # strict: what was written is UTF-8


@pytest.fixture
def world(tmp_path: Path, clean_env: dict, gespreks_script: Path):
    db = tmp_path / "g.db"
    ids = fill(db)
    hostile_templates(tmp_path / "config")
    env = {**clean_env, "GESPREKS_TODAY": TODAY, "GESPREKS_CONFIG": str(tmp_path / "config"),
           "TERM": "xterm-256color", "COLUMNS": "100"}

    def run(*args: object) -> tuple[int, str]:
        return in_pty([str(gespreks_script), "--db", str(db), *map(str, args)], env, tmp_path)

    return tmp_path, ids, run


def shows_data(output: str) -> None:
    """The hostile text was printed, as pictures and markers (not dropped)."""
    assert "␛" in output and "␇" in output, output[:2000]
    assert "⟨U+202E⟩" in output or "&#8238;" in output, output[:2000]  # marker, or Markdown


# --- the test -----------------------------------------------------------------------------

def test_no_command_lets_stored_or_returned_text_act_on_the_terminal(world):  # noqa: PLR0915
    folder, ids, run = world
    c = ids["conversation"]
    outputs: dict[str, tuple[int, str]] = {}

    def record(label: str, *args: object) -> str:
        code, output = outputs[label] = run(*args)
        assert "Traceback" not in output, (label, output[-3000:])
        assert not forbidden_in(output), (label, forbidden_in(output))
        return output

    # Exports first: verify and confirm read them.
    markdown_file, html_file = folder / "verslag.md", folder / "verslag.html"
    record("export md", "export", c, "-o", markdown_file)
    record("export html", "export", c, "--format", "html", "-o", html_file)
    hostile_path = folder / "v \x1b]0;pwned\x07\u202e.md"
    shows_data(record("export to a hostile path", "export", c, "-o", hostile_path))
    shows_data(record("export asks before overwriting", "export", c, "-o", hostile_path))
    assert outputs["export asks before overwriting"][0] != 0

    markdown = markdown_file.read_text(encoding="utf-8")
    assert not forbidden_in(markdown), forbidden_in(markdown)
    assert "&#8238;" in markdown and "␛" in markdown  # shown for what it is
    page = html_file.read_text(encoding="utf-8")
    assert not forbidden_in(page), forbidden_in(page)
    title = page.split("<title>")[1].split("</title>")[0]
    assert "␛]0;pwned␇" in title and "⟨U+202E⟩" in title and "\x00" not in title
    assert page.count("⟨U+202E⟩") > 5  # every field: no override reaches the reader

    # A tampered copy: the diff that verify and confirm print is the tamperer's text.
    tampered = folder / "tampered.md"
    tampered.write_text(markdown.replace("Notitie", "Notitie \x1b]0;pwned\x07\x1b[2J "
                                         "\x1b]52;c;SGFjaw==\x07\x9b2J\u202etats\u200b", 1),
                        encoding="utf-8")

    commands: dict[str, tuple] = {
        "list": ("list",),
        "list --employee": ("list", "--employee", EMPLOYEE),
        "list unknown employee": ("list", "--employee", "Niemand " + ARG),
        "show": ("show", c),
        "show --private": ("show", c, "--private"),
        "show earlier": ("show", ids["earlier"]),
        "show left": ("show", ids["left"]),
        "show bad id": ("show", ARG),
        "due": ("due",),
        "due --employee": ("due", "--employee", EMPLOYEE),
        "collective list": ("collective", "list", "--all"),
        "templates": ("templates",),
        "retention": ("retention",),
        "purge --dry-run": ("purge", "--dry-run"),
        "purge asks": ("purge",),
        "person erase asks": ("person", "erase", EMPLOYEE),
        "person export": ("person", "export", EMPLOYEE, "-o", folder / "inzage"),
        "prepare": ("prepare", EMPLOYEE),
        "verify": ("verify", markdown_file),
        "verify tampered": ("verify", tampered),
        "confirm tampered": ("confirm", tampered, "--party", "manager"),
        "verify hostile path": ("verify", folder / ("ontbreekt " + ARG)),
    }
    as_json = {
        "list --json": ("list", "--json"),
        "show --json": ("show", c, "--json", "--private"),
        "due --json": ("due", "--json"),
        "collective list --json": ("collective", "list", "--all", "--json"),
        "templates --json": ("templates", "--json"),
    }
    with ThreadPoolExecutor(max_workers=6) as pool:  # read-only: they may run at once
        list(pool.map(lambda item: record(item[0], *item[1]),
                      [*commands.items(), *as_json.items()]))

    for label in ("list", "list --employee", "list unknown employee", "show",
                  "show --private", "show earlier", "show left", "due",
                  "due --employee", "collective list", "templates", "purge --dry-run",
                  "purge asks", "person erase asks", "person export", "prepare",
                  "verify tampered", "confirm tampered", "verify hostile path"):
        shows_data(outputs[label][1])
    assert "\\x1b]0;pwned" in outputs["show bad id"][1]  # click's own repr of an argument
    assert "␛]52;c;SGFjaw==␇" in outputs["verify tampered"][1]
    assert "␛]52;c;SGFjaw==␇" in outputs["confirm tampered"][1]
    assert outputs["verify"][0] == 0 and outputs["verify tampered"][0] != 0
    assert outputs["confirm tampered"][0] != 0
    assert outputs["person erase asks"][0] != 0 and outputs["purge asks"][0] != 0
    exported = [p for p in (folder / "inzage").rglob("*") if p.is_file()]
    assert exported, outputs["person export"]
    for path in exported:
        text = path.read_text(encoding="utf-8")
        if path.suffix != ".json":  # JSON files escape (\u001b), they are for programs
            assert not forbidden_in(text), (path.name, forbidden_in(text))

    # JSON: valid, and the stored strings come back exactly.
    data = {}
    for label in as_json:
        code, output = outputs[label]
        assert code == 0, (label, output[:2000])
        data[label] = json.loads(output)
    assert {row["employee"] for row in data["list --json"]["conversations"]} == {EMPLOYEE, GONE}
    shown = data["show --json"]
    assert shown["employee"] == EMPLOYEE and shown["manager"] == MANAGER
    assert [a["text"] for a in shown["agreements"]] == ["Afspraak " + HOSTILE]
    assert shown["phases"][0]["name"] == "Fase 0 " + HOSTILE
    assert shown["phases"][0]["notes"] == f"Notitie\n{HOSTILE}\nregel 3"
    assert shown["phases"][0]["private_notes"] == "Privé " + HOSTILE
    assert shown["follow_ups"][0]["comment"] == "Opvolging " + HOSTILE
    assert shown["scores"]["overall"]["comment"] == "Totaal " + HOSTILE
    confirmation = shown["minutes"][0]["confirmations"][0]
    raw = sqlite3.connect(folder / "g.db")
    stored = raw.execute("select name, comment from confirmations").fetchone()
    raw.close()
    assert (confirmation["name"], confirmation["comment"]) == stored
    assert "\x1b]0;pwned\x07" in confirmation["name"] and "\u202e" in confirmation["comment"]
    assert "Afspraak " + HOSTILE in {item["text"] for item in data["due --json"]["due"]}
    assert [row["text"] for row in data["collective list --json"]["collectives"]] == [
        "Collectief " + HOSTILE]
    assert f"Titel {NAME}" in {t["title"] for t in data["templates --json"]["templates"]}

    # Commands that change something print what they changed: the same holds.
    shows_data(record("done", "done", ids["agreement"], "--note", ARG))
    shows_data(record("collective add", "collective", "add", "Nieuw " + ARG))
    shows_data(record("person left", "person", "left", EMPLOYEE, "--on", TODAY))
    record("collective end", "collective", "end", ids["collective"])
    # Calendar files and goals on a terminal: the .ics text is shown, made safe.
    shows_data(record("invite", "invite", EMPLOYEE, "--kind", "beoordeling", "--date",
                      "2027-01-10", "--time", "10:00", "--location", ARG, "-o", "-"))
    record("calendar", "calendar", "-o", "-")
    record("goals", "goals")
    failed = {label: code for label, (code, _) in outputs.items()
              if code not in (0, 1, 2)}
    assert not failed, failed  # one line and an exit code, never a crash


def test_the_pty_passes_on_what_a_program_writes(tmp_path: Path, clean_env: dict):
    """The harness itself: raw bytes written to the pty arrive, and are caught."""
    import sys

    code, output = in_pty([sys.executable, "-c", f"print({HOSTILE!r})"], clean_env, tmp_path)
    assert code == 0 and output == HOSTILE + "\n"
    assert forbidden_in(output)
