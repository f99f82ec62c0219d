"""Issue 14: names that look alike are one person, a meeting open in the app is
protected from the privacy commands, and the command line never shows a traceback.

- Names (``gespreks_tui.person_names``, enforced by ``store.add_person`` and
  both name fields): NFC, case folded, no control, bidi or zero-width
  characters; duplicates an older version stored are reported by ``list``.
- ``person erase``, ``person left`` and ``purge`` refuse, naming it, while
  another process (a real one, holding the claim as the app does) has one of
  the conversations they would touch on screen.
- An unexpected error is one line naming an owner-only crash file that holds
  neither the note text nor local variables.
"""

from __future__ import annotations

import os
import select
import sqlite3
import stat
import subprocess
import sys
import unicodedata
from contextlib import contextmanager
from pathlib import Path

import pytest
from textual.widgets import Input, Label, OptionList

from cli_helpers import invoke, one_line_failure, row_counts
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.catalogue import t
from gespreks_tui.clock import FakeClock
from gespreks_tui.db import StoreError
from gespreks_tui.errors import UserError
from gespreks_tui.model import Kind
from gespreks_tui.person_names import clean_name, name_key, same_person
from gespreks_tui.settings import MANAGER_SETTING
from gespreks_tui.store import Store
from helpers import make_app, prepare, visible_text

BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
        "\u2069", "\u200e", "\u200f", "\u061c"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
TIMEOUT = 30


# --- the rule ---------------------------------------------------------------------------

def test_clean_name_is_nfc_with_single_spaces():
    assert clean_name("  Jose\u0301 \t Bakker ") == "Jos\u00e9 Bakker"
    assert clean_name("Jan\x1cWit") == "Jan Wit"  # whitespace to str.split, as always
    assert clean_name(" \u3000 ") == ""
    for char in BIDI + ZERO_WIDTH:
        with pytest.raises(UserError) as refused:
            clean_name(f"Joris {char}Bakker")
        assert refused.value.key == "person.invisible_character", repr(char)
    with pytest.raises(UserError) as refused:
        clean_name("Jan\x1b[2J")
    assert refused.value.key == "person.control_character"


@pytest.mark.parametrize(("first", "second"), [
    ("Joris Bakker", "JORIS BAKKER"),
    ("Émile Dubois", "émile dubois"),       # SQLite's NOCASE folds ASCII only
    ("Jos\u00e9", "JOSE\u0301"),            # NFC against NFD, and case
    ("Straße", "STRASSE"),                  # full case folding, not lower()
    ("\u0130lse", "i\u0307lse"),            # "İ" folds to i + combining dot above
    ("Joris Bakker", "Joris \u200bBakker"),  # looks identical: one person
])
def test_names_equal_after_case_folding_are_one_person(first, second):
    assert same_person(first, second)
    assert name_key(first) == name_key(second)


def test_a_dotless_or_dotted_i_is_not_a_plain_i():
    assert not same_person("\u0130lse", "Ilse")
    assert not same_person("\u0131lse", "ilse")


# --- the store ------------------------------------------------------------------------

def test_nfc_and_nfd_names_are_one_person(store):
    decomposed = "Jose\u0301 Garci\u0301a"
    first = store.add_person(decomposed)
    assert first.name == unicodedata.normalize("NFC", decomposed)
    assert store.add_person(unicodedata.normalize("NFC", decomposed)) == first
    assert store.find_person(decomposed) == first
    assert store.find_person("JOSÉ GARCÍA") == first
    assert len(store.list_people()) == 1


def test_case_folded_names_are_one_person(store):
    joris = store.add_person("Joris Bakker")
    emile = store.add_person("Émile Dubois")
    ilse = store.add_person("\u0130lse Yıldız")
    assert store.add_person("JORIS BAKKER") == joris
    assert store.add_person("ÉMILE DUBOIS") == emile
    assert store.add_person("émile dubois") == emile
    assert store.find_person("i\u0307lse YILDIZ") is None  # ı (dotless) is not i
    assert store.find_person("i\u0307lse yıldız") == ilse
    assert len(store.list_people()) == 3


@pytest.mark.parametrize("char", BIDI + ZERO_WIDTH)
def test_bidi_and_zero_width_names_are_refused_by_the_store(store, char):
    for name in (f"Joris {char}Bakker", f"{char}Joris", f"Joris{char}"):
        with pytest.raises(StoreError) as refused:
            store.add_person(name)
        assert refused.value.key == "person.invisible_character", repr(name)
    assert store.list_people() == []
    for lang in ("nl", "en"):
        assert "U+200B" in refused.value.message(lang)


def test_zero_width_twin_of_a_stored_name_is_that_person(store):
    joris = store.add_person("Joris Bakker")
    assert store.find_person("Joris \u200bBakker") == joris
    assert store.add_person("Joris \u200bBakker") == joris  # not refused: it is Joris


def legacy_database(path: Path, names: list[str]) -> None:
    """A database an older version wrote: names stored as they were, straight with sqlite3."""
    Store.open(path, clock=FakeClock()).close()
    conn = sqlite3.connect(path)
    with conn:
        for name in names:
            conn.execute("insert into people (name, left_on, created_at) values (?, null, ?)",
                         [name, "2024-01-01T00:00:00+00:00"])
    conn.close()


LEGACY = ["émile dubois", "ÉMILE DUBOIS", "José", "Jose\u0301", "Joris \u200bBakker",
          "Joris Bakker", "Pieter Jansen"]


def test_duplicates_in_an_older_database_are_found(tmp_path):
    db = tmp_path / "oud.db"
    legacy_database(db, LEGACY)
    store = Store.open(db, clock=FakeClock())
    try:
        pairs = [(a.name, b.name) for a, b in store.duplicate_people()]
        assert pairs == [("émile dubois", "ÉMILE DUBOIS"), ("José", "Jose\u0301"),
                         ("Joris \u200bBakker", "Joris Bakker")]
        # The exact name wins; otherwise the first one stored.
        assert store.find_person("ÉMILE DUBOIS").name == "ÉMILE DUBOIS"
        assert store.find_person("Émile Dubois").name == "émile dubois"
        assert store.find_person("Joris Bakker").name == "Joris Bakker"
        assert store.add_person("JOSE\u0301").name == "José"
        assert len(store.list_people()) == len(LEGACY)
    finally:
        store.close()


def test_list_reports_each_duplicate_pair_on_one_line(tmp_path):
    db = tmp_path / "oud.db"
    legacy_database(db, LEGACY)
    result = invoke("list", "--db", db)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(warnings) == 3, result.stderr
    store = Store.open(db, clock=FakeClock())
    try:
        for line, (first, second) in zip(warnings, store.duplicate_people(), strict=True):
            assert f"nr. {first.id})" in line and f"nr. {second.id})" in line
    finally:
        store.close()
    assert "\u200b" not in result.stderr  # the invisible one is shown, not hidden
    assert t("cli.list.empty") in result.stdout


def test_list_says_nothing_about_names_that_differ(demo_db):
    result = invoke("list", "--db", demo_db)
    assert result.exit_code == 0 and result.stderr == ""


# --- the app's name fields -------------------------------------------------------------

def people_shown(app) -> list[str]:
    people = app.screen.query_one("#people-list", OptionList)
    return [str(people.get_option_at_index(i).prompt) for i in range(people.option_count)]


async def test_the_start_screen_refuses_a_zero_width_or_bidi_name(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        field = app.screen.query_one("#new-person", Input)
        message = app.screen.query_one("#start-message", Label)
        for typed in ("Joris \u200bBakker", "\u202eJoris", "Aylin\u2066"):
            field.value = typed
            await pilot.press("enter")
            await pilot.pause()
            assert field.value == typed  # what was typed stays
            assert visible_text(message) == t("person.invisible_character")
            assert message.has_class("error")
            assert people_shown(app) == ["Joris Bakker"]
        field.value = "JORIS BAKKER"  # the same person: nobody new
        await pilot.press("enter")
        await pilot.pause()
        assert people_shown(app) == ["Joris Bakker"]
    assert [p.name for p in store.list_people()] == ["Joris Bakker", "Sanne de Vries"]


async def test_the_manager_name_dialog_refuses_a_bidi_name(store, clock):
    from gespreks_tui.tui.screens.manager_name import ManagerNameScreen

    prepare(store, "Joris Bakker", manager=None)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ManagerNameScreen)
        field = dialog.query_one("#manager-name", Input)
        field.value = "Sanne \u202ede Vries"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and field.value == "Sanne \u202ede Vries"
        assert visible_text(dialog.query_one("#manager-message")) == \
            t("person.invisible_character")
        assert store.get_setting(MANAGER_SETTING) is None
        field.value = "Sanne de Vrie\u0301s"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ManagerNameScreen)
    assert store.get_setting(MANAGER_SETTING) == "Sanne de Vri\u00e9s"
    assert store.find_person("Sanne de Vri\u00e9s") is not None


# --- a meeting open in the app ---------------------------------------------------------

HOLDER = """
import sys
from gespreks_tui.presence import Presence
presence = Presence(sys.argv[1])
assert all(presence.claim(int(cid)) for cid in sys.argv[2:])
print("ready", flush=True)
sys.stdin.read()
"""


@contextmanager
def held(db: Path, *conversation_ids: int):
    """Another process holds these meetings, as an app showing them does, until the block ends."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), *map(str, conversation_ids)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([holder.stdout], [], [], TIMEOUT)
        assert ready and holder.stdout.readline().strip() == "ready", "holder did not start"
        yield
    finally:
        holder.stdin.close()
        try:
            holder.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            holder.kill()
            holder.wait()


def team(path: Path) -> dict[str, list[int]]:
    """Joris and Pieter with a conversation each (led by Sanne), Aylin who left in 2020."""
    store = Store.open(path, clock=FakeClock())
    try:
        sanne = store.add_person("Sanne de Vries")
        ids: dict[str, list[int]] = {}
        for name in ("Joris Bakker", "Pieter Jansen", "Aylin Yılmaz"):
            person = store.add_person(name)
            c = store.create_conversation(person.id, builtin_agenda(Kind.VOORTGANG), 30,
                                          manager_id=sanne.id)
            ids[name] = [c.id]
        store.mark_left(store.find_person("Aylin Yılmaz").id, "2020-01-01")
        return ids
    finally:
        store.close()


def test_erase_left_and_purge_refuse_a_meeting_open_in_the_app(tmp_path):
    db = tmp_path / "team.db"
    ids = team(db)
    before = row_counts(db)
    joris, aylin = ids["Joris Bakker"][0], ids["Aylin Yılmaz"][0]
    with held(db, joris, aylin):
        for command in (["person", "erase", "Joris Bakker", "--yes"],
                        ["person", "left", "Joris Bakker", "--on", "2026-01-01"],
                        ["purge", "--yes"]):
            result = invoke(*command, "--db", db, env={"GESPREKS_TODAY": "2030-01-01"})
            line = one_line_failure(result, 1)
            shown = joris if command[0] == "person" else aylin
            assert line.startswith(f"Gesprek {shown} ({t('kind.voortgang')}, "), line
            assert "open in de app" in line
            assert row_counts(db) == before, command
    conn = sqlite3.connect(db)
    assert conn.execute("select left_on from people where name = 'Joris Bakker'").fetchone() \
        == (None,)
    conn.close()
    # Closed in the app: the same commands go ahead.
    assert invoke("person", "erase", "Joris Bakker", "--yes", "--db", db).exit_code == 0
    purged = invoke("purge", "--yes", "--db", db, env={"GESPREKS_TODAY": "2030-01-01"})
    assert purged.exit_code == 0, purged.output
    names = [r[0] for r in sqlite3.connect(db).execute("select name from people order by id")]
    assert names == ["Sanne de Vries", "Pieter Jansen"]


def test_a_meeting_of_someone_else_does_not_stop_an_erasure(tmp_path):
    db = tmp_path / "team.db"
    ids = team(db)
    with held(db, ids["Pieter Jansen"][0]):
        result = invoke("person", "erase", "Joris Bakker", "--yes", "--db", db)
        assert result.exit_code == 0, result.output


def test_erasing_a_manager_refuses_while_a_meeting_they_lead_is_open(tmp_path):
    db = tmp_path / "team.db"
    ids = team(db)
    with held(db, ids["Pieter Jansen"][0]):
        result = invoke("person", "erase", "Sanne de Vries", "--yes", "--db", db)
        assert f"Gesprek {ids['Pieter Jansen'][0]} " in one_line_failure(result, 1)


# --- no traceback, ever ----------------------------------------------------------------

NOTE = "GEHEIM-notitie over de thuissituatie van Joris"

CRASHING = """
import sys
from gespreks_tui.store import Store

def broken(self, *args, **kwargs):
    note = sys.argv[2]  # a local that holds what was typed
    raise {error}("kapot: " + note)

Store.list_conversations = broken
import gespreks_tui.cli.run_app
gespreks_tui.cli.run_app.run_app = lambda options: broken(None)
from gespreks_tui.cli import main
main(sys.argv[3:])
"""


def crash_run(tmp_path: Path, args: list[str], error: str = "RuntimeError"):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GESPREKS_")}
    env["XDG_STATE_HOME"] = str(tmp_path / "state")
    env["HOME"] = str(tmp_path / "home")
    return subprocess.run([sys.executable, "-c", CRASHING.format(error=error), "", NOTE, *args],
                          capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.parametrize("args", [["list"], []], ids=["command", "app"])
def test_an_unexpected_error_is_one_line_naming_an_owner_only_crash_file(demo_db, tmp_path,
                                                                       args):
    done = crash_run(tmp_path, ["--db", str(demo_db), *args])
    assert done.returncode != 0
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr and NOTE not in done.stderr
    assert "RuntimeError" in lines[0]
    (crash,) = (tmp_path / "state").rglob("crash-*.txt")
    assert str(crash) in lines[0]
    assert stat.S_IMODE(crash.stat().st_mode) == 0o600
    text = crash.read_text(encoding="utf-8")
    assert "RuntimeError" in text and " in broken" in text  # where it happened
    for secret in (NOTE, "GEHEIM", "kapot", "note ="):
        assert secret not in text


def test_a_closed_pipe_is_not_a_crash(demo_db, tmp_path):
    done = crash_run(tmp_path, ["--db", str(demo_db), "list"], error="BrokenPipeError")
    assert done.returncode != 0
    assert done.stderr == ""
    assert not (tmp_path / "state").exists()
