"""Across the cycle on the command line: done, collective, due, and trails in show."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from cli_helpers import invoke
from gespreks_tui.clock import FakeClock
from gespreks_tui.store import Store

# The demo (see demo.py): conversation 1 (goals, 2026-01-14) made agreements 1-3;
# conversation 2 (progress, 2026-06-10) followed them up (2 carried on) and made 4 and 5;
# its next evaluation is 2026-12-10. Open: 2 (due 2026-10-01) and 4 (due 2026-09-30).
TODAY = {"GESPREKS_TODAY": "2026-09-25"}


def assert_one_line_failure(result, code: int) -> None:
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert len([line for line in result.stderr.splitlines() if line.strip()]) == 1, result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", [
    ("done",), ("collective",), ("collective", "add"), ("collective", "list"),
    ("collective", "end"), ("due",),
])
def test_every_cycle_command_has_help_with_db_and_lang(command):
    result = invoke(*command, "--help")
    assert result.exit_code == 0, result.output
    assert "--db" in result.output and "--lang" in result.output


def test_top_level_help_lists_the_cycle_commands():
    output = invoke("--help").output
    for command in ("done", "collective", "due"):
        assert command in output


def test_due_help_documents_the_injected_today():
    assert "GESPREKS_TODAY" in invoke("due", "--help").output
    assert "GESPREKS_TODAY" in invoke("due", "--help", "--lang", "en").output


# --- done ------------------------------------------------------------------------------

def test_done_between_then_show_has_the_trail(demo_db: Path):
    db = str(demo_db)
    result = invoke("done", "2", "--note", "Live op 1 oktober", "--db", db)
    assert result.exit_code == 0, result.output
    assert "Afspraak 2" in result.stdout and "Klantportaal" in result.stdout

    shown = invoke("show", "1", "--db", db)
    assert shown.exit_code == 0, shown.output
    block = shown.stdout.split("Klantportaal live", 1)[1].split("[ ]", 1)[0]
    assert "[afspraak 2]" in shown.stdout.split("Klantportaal live", 1)[1].splitlines()[0]
    assert "gemaakt op 14 januari 2026 in doelstellingengesprek (gesprek 1)" in block
    assert "opgevolgd op 10 juni 2026 in voortgangsgesprek (gesprek 2): loopt door" in block
    assert "tussen de gesprekken door afgerond op" in block and "Live op 1 oktober" in block
    assert "opgevolgd op 10 juni 2026 in voortgangsgesprek (gesprek 2): gehaald — " \
           "Certificaat in mei" in shown.stdout

    again = invoke("done", "2", "--db", db)
    assert_one_line_failure(again, 1)
    assert "al afgerond" in again.stderr


def test_show_trail_in_english_and_json(demo_db: Path):
    english = invoke("show", "1", "--lang", "en", "--db", str(demo_db))
    assert english.exit_code == 0
    assert "followed up on 10 June 2026 in the progress conversation (conversation 2): " \
           "carried on" in english.stdout
    assert "[agreement 2]" in english.stdout
    data = json.loads(invoke("show", "1", "--json", "--db", str(demo_db)).stdout)
    trail = {a["id"]: a["trail"] for a in data["agreements"]}
    assert [s["kind"] for s in trail[2]] == ["made", "followed_up"]
    assert trail[2][1]["outcome"] == "carried_on"


@pytest.mark.parametrize("args, code, words", [
    (("done", "999"), 1, "999"),
    (("done", "1"), 1, "al afgerond"),
    (("done", "abc"), 2, "abc"),  # a usage error
])
def test_done_errors_are_one_line(demo_db: Path, args, code, words):
    result = invoke(*args, "--db", str(demo_db))
    assert result.exit_code == code
    assert "Traceback" not in result.output
    assert words in result.output


def test_done_refuses_an_agreement_of_a_running_conversation(db_path: Path):
    store = Store.open(db_path, clock=FakeClock())
    try:
        from gespreks_tui.agendas import builtin_agenda

        person = store.add_person("Joris Bakker")
        conversation = store.create_conversation(person.id, builtin_agenda("voortgang"), 30)
        agreement = store.add_agreement(conversation.id, "Nog bezig")
    finally:
        store.close()
    result = invoke("done", str(agreement.id), "--db", str(db_path), "--lang", "en")
    assert_one_line_failure(result, 1)
    assert "still running" in result.stderr


# --- collective ------------------------------------------------------------------------

def test_collective_add_list_end(demo_db: Path):
    db = str(demo_db)
    everyone = invoke("collective", "add", "NPS minstens 40", "--due", "31-12-2026", "--db", db)
    assert everyone.exit_code == 0, everyone.output
    assert "Collectieve afspraak 1 toegevoegd voor iedereen" in everyone.stdout
    group = invoke("collective", "add", "AVG-training", "--employees",
                   "aylin yılmaz, PIETER JANSEN", "--due", "+2w", "--db", db, env=TODAY)
    assert group.exit_code == 0, group.output
    assert "Aylin Yılmaz, Pieter Jansen" in group.stdout

    listed = invoke("collective", "list", "--db", db)
    assert listed.stdout.splitlines() == [
        "   1  NPS minstens 40 — voor iedereen, uiterlijk 2026-12-31",
        "   2  AVG-training — voor Aylin Yılmaz, Pieter Jansen, uiterlijk 2026-10-09",
    ]
    ended = invoke("collective", "end", "2", "--db", db)
    assert ended.exit_code == 0 and "beëindigd" in ended.stdout
    assert len(invoke("collective", "list", "--db", db).stdout.splitlines()) == 1
    every = invoke("collective", "list", "--all", "--lang", "en", "--db", db).stdout
    assert "(ended on" in every and "for everyone, due 2026-12-31" in every
    data = json.loads(invoke("collective", "list", "--all", "--json", "--db",
                             db).stdout)["collectives"]
    assert [(c["id"], c["for_everyone"], [m["name"] for m in c["members"]]) for c in data] == [
        (1, True, []), (2, False, ["Aylin Yılmaz", "Pieter Jansen"])]

    assert_one_line_failure(invoke("collective", "end", "2", "--db", db), 1)
    assert_one_line_failure(invoke("collective", "end", "99", "--db", db), 1)


@pytest.mark.parametrize("args, words", [
    (("--employees", "Joris Bakker,Niemand,Ook Niemand"), "Niemand, Ook Niemand. Er is niets opgeslagen"),
    (("--employees", " , "), "--employees"),
    (("--due", "morgen ofzo"), "morgen ofzo"),
])
def test_collective_add_refuses_bad_input_and_stores_nothing(demo_db: Path, args, words):
    result = invoke("collective", "add", "Iets", *args, "--db", str(demo_db))
    assert_one_line_failure(result, 1)
    assert words in result.stderr
    assert json.loads(invoke("collective", "list", "--all", "--json", "--db",
                             str(demo_db)).stdout) == {"format": 1, "collectives": []}


def test_collective_list_empty_and_empty_text(db_path: Path):
    Store.open(db_path).close()  # a read command never makes one (issue 14)
    assert "Nog geen collectieve afspraken" in invoke("collective", "list", "--db",
                                                      str(db_path)).stdout
    assert_one_line_failure(invoke("collective", "add", "  ", "--db", str(db_path)), 1)


def test_a_collective_from_the_cli_reaches_the_next_conversation(demo_db: Path):
    from gespreks_tui.agendas import builtin_agenda

    assert invoke("collective", "add", "Bonusdoel", "--employees", "Joris Bakker",
                  "--db", str(demo_db)).exit_code == 0
    store = Store.open(demo_db, clock=FakeClock())
    try:
        joris, aylin = store.find_person("joris bakker"), store.find_person("Aylin Yılmaz")
        mine = store.create_conversation(joris.id, builtin_agenda("voortgang"), 30)
        theirs = store.create_conversation(aylin.id, builtin_agenda("voortgang"), 30)
        assert [a.text for a in store.agreements(mine.id)] == ["Bonusdoel"]
        assert store.agreements(theirs.id) == []
    finally:
        store.close()


# --- due -------------------------------------------------------------------------------

def test_due_with_an_injected_today(demo_db: Path):
    result = invoke("due", "--db", str(demo_db), env=TODAY)
    assert result.exit_code == 0, result.output
    # the demo's goals have dated steps too (listed since issue 18's walk): left out here
    lines = [line for line in result.stdout.splitlines() if "stap van doel" not in line]
    assert lines[0].split() == ["datum", "wanneer", "medewerker", "wat"]
    assert lines[1].startswith("2026-09-30  over 5 dagen") and "afspraak 4:" in lines[1]
    assert lines[2].startswith("2026-10-01  over 6 dagen") and "afspraak 2:" in lines[2]
    assert len(lines) == 3

    later = [line for line in invoke("due", "--within", "3m", "--lang", "en", "--db",
                                     str(demo_db), env={"GESPREKS_TODAY": "2026-10-01"}
                                     ).stdout.splitlines() if "step of goal" not in line]
    assert "1 day overdue" in later[1] and "today" in later[2]
    assert later[3].startswith("2026-12-10  in 70 days") and "next evaluation" in later[3]

    data = json.loads(invoke("due", "--within", "2w", "--json", "--employee", "JORIS BAKKER",
                             "--db", str(demo_db), env=TODAY).stdout)["due"]
    assert [(d["kind"], d["due_date"], d["agreement_id"], d["overdue"], d["days"])
            for d in data if d["kind"] != "goal_step"] == [
        ("agreement", "2026-09-30", 4, False, 5), ("agreement", "2026-10-01", 2, False, 6)]

    none = invoke("due", "--employee", "Aylin Yılmaz", "--lang", "nl", "--db", str(demo_db),
                  env=TODAY)
    assert none.exit_code == 0 and "Niets te laat" in none.stdout
    early = invoke("due", "--within", "0d", "--db", str(demo_db),
                   env={"GESPREKS_TODAY": "2026-01-01"})
    assert "binnen 0 dagen" in early.stdout


def test_due_after_done_between(demo_db: Path):
    assert invoke("done", "4", "--db", str(demo_db)).exit_code == 0
    lines = [line for line in invoke("due", "--db", str(demo_db), env=TODAY).stdout.splitlines()
             if "stap van doel" not in line]  # the demo goals' steps: not what this is about
    assert len(lines) == 2 and "afspraak 2:" in lines[1]


@pytest.mark.parametrize("args, env, code, words", [
    (("--within", "binnenkort"), TODAY, 1, "binnenkort"),
    (("--employee", "Niemand"), TODAY, 1, "Niemand"),
    ((), {"GESPREKS_TODAY": "25-09-2026"}, 1, "GESPREKS_TODAY"),
])
def test_due_errors_are_one_line(demo_db: Path, args, env, code, words):
    result = invoke("due", *args, "--db", str(demo_db), env=env)
    assert_one_line_failure(result, code)
    assert words in result.stderr


# --- the installed console script ------------------------------------------------------

def run(script: Path, env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(script), *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=60)


def test_script_cycle_commands(gespreks_script, clean_env, tmp_path):
    db = str(tmp_path / "demo.db")
    env = {**clean_env, **TODAY}
    assert run(gespreks_script, env, tmp_path, "demo", "--db", db).returncode == 0

    due = run(gespreks_script, env, tmp_path, "due", "--within", "1m", "--db", db)
    assert due.returncode == 0, due.stderr
    assert [line[:10] for line in due.stdout.splitlines()[1:]
            if "stap van doel" not in line] == ["2026-09-30", "2026-10-01"]

    done = run(gespreks_script, env, tmp_path, "--lang", "en", "done", "4", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "Agreement 4 is done between conversations" in done.stdout

    added = run(gespreks_script, env, tmp_path, "collective", "add", "Bonusdoel",
                "--employees", "Joris Bakker,Onbekend", "--db", db)
    assert added.returncode == 1
    assert "Traceback" not in added.stderr and len(added.stderr.strip().splitlines()) == 1
    assert "Onbekend" in added.stderr and added.stdout == ""

    again = run(gespreks_script, env, tmp_path, "done", "4", "--db", db)
    assert again.returncode == 1
    assert len(again.stderr.strip().splitlines()) == 1 and "Traceback" not in again.stderr
