"""The command line, through click's runner and as the installed console script."""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from cli_helpers import invoke
from gespreks_tui import __version__
from gespreks_tui.cli import main
from gespreks_tui.demo import EMPLOYEES, MANAGER
from gespreks_tui.store import Store

PRIVATE_NOTE = "Mogelijk kandidaat voor de vacature projectleider"


# --- helpers ----------------------------------------------------------------------------


def run(script: Path, env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(script), *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=60)


def assert_one_line_error(stderr: str) -> None:
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr


def assert_clean_failure(result, code: int | None = None) -> None:
    """A click runner result that failed on purpose, not with an uncaught exception."""
    assert result.exit_code != 0, result.output
    if code is not None:
        assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


# --- click runner -----------------------------------------------------------------------

def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert __version__ in result.output


def test_help_lists_every_command():
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("demo", "list", "show", "--db", "--lang", "--version"):
        assert command in result.output


@pytest.mark.parametrize("command", ["demo", "list", "show"])
def test_every_command_has_help_with_db_and_lang(command: str):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "--db" in result.output and "--lang" in result.output


def test_demo_then_list_in_dutch(tmp_path: Path):
    db = str(tmp_path / "demo.db")
    result = invoke("demo", "--db", db)
    assert result.exit_code == 0, result.output
    assert db in result.output
    result = invoke("list", "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "medewerker" in lines[0]
    assert len(lines) == 4  # 80 columns (polish): "open afspraken" over two header lines
    assert "voortgang" in lines[2] and "Joris Bakker" in lines[2]
    assert "doelstelling" in lines[3]
    assert "afgerond" in lines[2] and "afgerond" in lines[3]
    assert MANAGER in lines[2]


def test_list_in_english(tmp_path: Path):
    db = str(tmp_path / "demo.db")
    assert invoke("demo", "--db", db).exit_code == 0
    result = invoke("--lang", "en", "list", "--db", db)
    assert result.exit_code == 0, result.output
    assert "progress" in result.output  # the short kind: 80 columns (polish)
    assert "goal setting" in result.output
    assert "concluded" in result.output
    assert "voortgangsgesprek" not in result.output
    assert "afgerond" not in result.output


def test_language_from_the_environment(tmp_path: Path, monkeypatch, capsys):
    # main() picks the language (before the command tree and its help are built).
    db = str(tmp_path / "demo.db")
    assert invoke("demo", "--db", db).exit_code == 0
    monkeypatch.setenv("GESPREKS_LANG", "en")
    with pytest.raises(SystemExit) as caught:
        main(["list", "--db", db])
    assert caught.value.code == 0
    assert "progress" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["list", "--db", db, "--lang", "nl"])  # --lang beats the environment
    assert "voortgang" in capsys.readouterr().out


def test_options_may_stand_before_or_after_the_command(tmp_path: Path):
    db = str(tmp_path / "demo.db")
    assert invoke("--db", db, "demo").exit_code == 0
    before = invoke("--db", db, "--lang", "en", "list")
    after = invoke("list", "--lang", "en", "--db", db)
    mixed = invoke("--lang", "en", "list", "--db", db)
    assert before.exit_code == after.exit_code == mixed.exit_code == 0
    assert before.output == after.output == mixed.output
    assert "progress" in before.output


def test_demo_twice_adds_nothing(tmp_path: Path):
    db = str(tmp_path / "demo.db")
    assert invoke("demo", "--db", db).exit_code == 0
    first = json.loads(invoke("list", "--json", "--db", db).output)["conversations"]
    again = invoke("demo", "--db", db)
    assert again.exit_code == 0, again.output
    assert "niets dubbel" in again.output
    assert json.loads(invoke("list", "--json", "--db", db).output)["conversations"] == first
    assert len(first) == 2


def test_list_json(tmp_path: Path):
    db = str(tmp_path / "demo.db")
    assert invoke("demo", "--db", db).exit_code == 0
    result = invoke("list", "--json", "--db", db)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == ["format", "conversations"] and data["format"] == 1
    rows = data["conversations"]
    assert [r["kind"] for r in rows] == ["voortgang", "doelstelling"]
    assert [r["id"] for r in rows] == [2, 1]
    assert {r["employee"] for r in rows} == {"Joris Bakker"}
    assert {r["manager"] for r in rows} == {MANAGER}
    assert {r["status"] for r in rows} == {"concluded"}
    assert [r["open_agreements"] for r in rows] == [1, 1]
    assert rows[0]["started_at"] > rows[1]["started_at"]
    assert set(rows[0]) == {"id", "started_at", "kind", "employee", "manager", "status",
                            "open_agreements", "sign_off"}


def test_list_employee(tmp_path: Path):
    db = str(tmp_path / "demo.db")
    assert invoke("demo", "--db", db).exit_code == 0
    joris = json.loads(invoke("list", "--employee", "joris bakker", "--json", "--db",
                              db).output)["conversations"]
    assert len(joris) == 2
    aylin = invoke("list", "--employee", EMPLOYEES[1], "--db", db)
    assert aylin.exit_code == 0
    assert "Nog geen gesprekken" in aylin.output


def test_list_unknown_employee_is_one_clear_line(tmp_path: Path):
    db = str(tmp_path / "demo.db")
    assert invoke("demo", "--db", db).exit_code == 0
    result = invoke("list", "--employee", "Niemand Bekend", "--db", db)
    assert_clean_failure(result)
    assert "Niemand Bekend" in result.stderr
    assert_one_line_error(result.stderr)
    assert result.stdout == ""


def test_list_on_an_empty_database(tmp_path: Path):
    Store.open(tmp_path / "leeg.db").close()  # a read command never makes one (issue 14)
    result = invoke("list", "--db", str(tmp_path / "leeg.db"))
    assert result.exit_code == 0
    assert "gespreks demo" in result.output
    assert json.loads(invoke("list", "--json", "--db", str(tmp_path / "leeg.db")).output) == {
        "format": 1, "conversations": []}


def test_show_hides_private_notes_unless_asked(tmp_path: Path):
    db = str(tmp_path / "demo.db")
    assert invoke("demo", "--db", db).exit_code == 0
    result = invoke("show", "2", "--db", db)
    assert result.exit_code == 0, result.output
    text = result.output
    assert "Voortgangsgesprek met Joris Bakker" in text
    for phase in ("Terugblik", "Vooruitblik", "Afspraken"):
        assert phase in text
    assert "doorgroeien naar een rol als technisch projectleider" in text  # shared note
    assert PRIVATE_NOTE not in text
    assert "--private" in text  # says that something is hidden, and how to see it
    assert "Twee collega's inwerken" in text  # an agreement
    assert "Cursus projectmanagement afronden met certificaat: gehaald" in text  # follow-up
    assert "loopt door" in text

    shown = invoke("show", "2", "--private", "--db", db)
    assert shown.exit_code == 0
    assert PRIVATE_NOTE in shown.output


def test_show_json_hides_private_notes_unless_asked(tmp_path: Path):
    db = str(tmp_path / "demo.db")
    assert invoke("demo", "--db", db).exit_code == 0
    data = json.loads(invoke("show", "2", "--json", "--db", db).output)
    assert data["id"] == 2 and data["kind"] == "voortgang"
    assert [p["name"] for p in data["phases"]] == ["Terugblik", "Vooruitblik", "Afspraken"]
    assert PRIVATE_NOTE not in json.dumps(data, ensure_ascii=False)
    assert all("private_notes" not in p for p in data["phases"])
    assert {f["outcome"] for f in data["follow_ups"]} == {"achieved", "carried_on"}
    assert len(data["agreements"]) == 2
    private = json.loads(invoke("show", "2", "--json", "--private", "--db", db).output)
    assert PRIVATE_NOTE in private["phases"][1]["private_notes"]


def test_show_in_english(tmp_path: Path):
    db = str(tmp_path / "demo.db")
    assert invoke("demo", "--db", db).exit_code == 0
    result = invoke("show", "1", "--lang", "en", "--db", db)
    assert result.exit_code == 0
    assert "Goal-setting conversation with Joris Bakker" in result.output


def test_show_unknown_conversation(tmp_path: Path):
    db = str(tmp_path / "demo.db")
    assert invoke("demo", "--db", db).exit_code == 0
    result = invoke("show", "999", "--db", db)
    assert_clean_failure(result, 1)  # not found: the user's to act on, not a broken file
    assert "999" in result.stderr
    assert_one_line_error(result.stderr)


def test_corrupt_database(tmp_path: Path):
    path = tmp_path / "kapot.db"
    content = random.Random(3).randbytes(8192)
    path.write_bytes(content)
    for args in (("list",), ("show", "1"), ("demo",)):
        result = invoke(*args, "--db", str(path))
        assert_clean_failure(result, 2)
        assert str(path) in result.stderr
        assert_one_line_error(result.stderr)
    assert path.read_bytes() == content


def test_environment_database_and_db_option_beats_it(tmp_path: Path):
    from_env = tmp_path / "uit-env.db"
    from_option = tmp_path / "uit-optie.db"
    env = {"GESPREKS_DB": str(from_env)}
    assert invoke("demo", env=env).exit_code == 0
    assert from_env.exists()
    assert "Joris Bakker" in invoke("list", env=env).output
    result = invoke("list", "--db", str(from_option), env=env)
    assert result.exit_code == 1  # no database there: said, and none made (issue 14)
    assert str(from_option) in result.stderr
    assert "Joris Bakker" not in result.output
    assert not from_option.exists()


def test_default_database_is_in_the_user_data_directory(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert invoke("demo").exit_code == 0
    assert (tmp_path / "data" / "gespreks-tui" / "gespreks.db").exists()


def test_unknown_language_is_a_clear_error():
    result = invoke("--lang", "xx", "list")
    assert_clean_failure(result)
    assert "xx" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("argv", [["--lang", "xx", "list"], ["list", "--lang=xx"]])
def test_main_with_unknown_language(argv, capsys):
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "'xx'" in err
    assert_one_line_error(err)


def test_main_with_unknown_language_from_environment(monkeypatch, capsys):
    monkeypatch.setenv("GESPREKS_LANG", "fr")
    with pytest.raises(SystemExit) as caught:
        main(["list"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "'fr'" in err
    assert_one_line_error(err)


def test_main_turns_store_errors_into_exit_2(tmp_path: Path, capsys):
    path = tmp_path / "kapot.db"
    path.write_bytes(b"dit is geen database" * 100)
    with pytest.raises(SystemExit) as caught:
        main(["list", "--db", str(path)])
    assert caught.value.code == 2
    assert_one_line_error(capsys.readouterr().err)


# --- the installed console script -------------------------------------------------------

def test_script_version(gespreks_script, clean_env, tmp_path):
    done = run(gespreks_script, clean_env, tmp_path, "--version")
    assert done.returncode == 0, done.stderr
    assert __version__ in done.stdout


def test_script_help_lists_commands(gespreks_script, clean_env, tmp_path):
    done = run(gespreks_script, clean_env, tmp_path, "--help")
    assert done.returncode == 0
    for command in ("demo", "list", "show"):
        assert command in done.stdout


def test_script_demo_list_show(gespreks_script, clean_env, tmp_path):
    db = str(tmp_path / "demo.db")
    done = run(gespreks_script, clean_env, tmp_path, "demo", "--db", db)
    assert done.returncode == 0, done.stderr
    again = run(gespreks_script, clean_env, tmp_path, "--db", db, "demo")
    assert again.returncode == 0, again.stderr

    dutch = run(gespreks_script, clean_env, tmp_path, "list", "--db", db)
    assert dutch.returncode == 0, dutch.stderr
    assert "Joris Bakker" in dutch.stdout
    assert "voortgang" in dutch.stdout and "afgerond" in dutch.stdout
    assert len(dutch.stdout.splitlines()) == 4  # header (two lines) + two conversations

    english = run(gespreks_script, clean_env, tmp_path, "--lang", "en", "list", "--db", db)
    assert english.returncode == 0, english.stderr
    assert "progress" in english.stdout and "concluded" in english.stdout

    rows = json.loads(run(gespreks_script, clean_env, tmp_path, "list", "--json",
                          "--employee", "JORIS BAKKER", "--db", db).stdout)["conversations"]
    assert [r["id"] for r in rows] == [2, 1]

    shown = run(gespreks_script, clean_env, tmp_path, "show", "2", "--db", db)
    assert shown.returncode == 0
    assert PRIVATE_NOTE not in shown.stdout
    private = run(gespreks_script, clean_env, tmp_path, "show", "2", "--private", "--db", db)
    assert PRIVATE_NOTE in private.stdout


@pytest.mark.parametrize("args, code", [
    (("show", "999"), 1),
    (("list", "--employee", "Niemand"), 1),
    (("--lang", "xx", "list"), 2),
])
def test_script_errors_are_one_line(gespreks_script, clean_env, tmp_path, args, code):
    db = str(tmp_path / "demo.db")
    assert run(gespreks_script, clean_env, tmp_path, "demo", "--db", db).returncode == 0
    done = run(gespreks_script, clean_env, tmp_path, *args, "--db", db)
    assert done.returncode == code, done.stderr
    assert_one_line_error(done.stderr)
    assert done.stdout == ""


def test_script_corrupt_database(gespreks_script, clean_env, tmp_path):
    path = tmp_path / "kapot.db"
    content = random.Random(5).randbytes(4096)
    path.write_bytes(content)
    done = run(gespreks_script, clean_env, tmp_path, "--db", str(path), "list")
    assert done.returncode == 2
    assert str(path) in done.stderr
    assert_one_line_error(done.stderr)
    assert path.read_bytes() == content


def test_script_environment_database(gespreks_script, clean_env, tmp_path):
    from_env = tmp_path / "env.db"
    env = {**clean_env, "GESPREKS_DB": str(from_env)}
    assert run(gespreks_script, env, tmp_path, "demo").returncode == 0
    assert "Joris Bakker" in run(gespreks_script, env, tmp_path, "list").stdout
    other = run(gespreks_script, env, tmp_path, "list", "--db", str(tmp_path / "ander.db"))
    assert other.returncode == 1  # no database there: said, and none made (issue 14)
    assert "Joris Bakker" not in other.stdout and "ander.db" in other.stderr


def test_python_dash_m_works(clean_env, tmp_path):
    import sys

    done = subprocess.run([sys.executable, "-m", "gespreks_tui", "--version"],
                          capture_output=True, text=True, env=clean_env, cwd=tmp_path,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert __version__ in done.stdout


@pytest.mark.parametrize("args, expected", [
    ([], {}),
    (["--db", "x.db"], {"db": "x.db"}),
    (["--lang=en", "--db=x.db"], {"lang": "en", "db": "x.db"}),
    (["--db", "x.db", "list"], None),  # a command: click
    (["--help"], None), (["--version"], None), (["--prep", "p.md"], None),
    (["--db"], None), (["--db="], None), (["--db", "a", "--db", "b"], None),
])
def test_plain_app_options_only_for_a_plain_start(args, expected):
    from gespreks_tui.cli import plain_app_options

    assert plain_app_options(args) == expected


@pytest.mark.parametrize("name, content", [
    ("kapot.db", random.Random(6).randbytes(4096)),
    ("map.db", None),  # a directory
])
def test_starting_the_app_on_a_bad_database_is_one_line(gespreks_script, clean_env, tmp_path,
                                                        name, content):
    """The plain start (no click) refuses like every command: one line, exit 2."""
    path = tmp_path / name
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    done = run(gespreks_script, clean_env, tmp_path, "--db", str(path))
    assert done.returncode == 2, done.stderr
    assert str(path) in done.stderr
    assert_one_line_error(done.stderr)
    if content is not None:
        assert path.read_bytes() == content


class _TtyBytes(io.BytesIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("tty", [True, False])
def test_one_writer_for_documents_on_stdout(monkeypatch, tty):
    """``write_stdout`` (export, pop, draft, calendar with ``-o -``): exact bytes into a
    pipe, made safe on a terminal; binary as it is (callers refuse it on a terminal)."""
    from gespreks_tui.cli.render import write_stdout

    raw = _TtyBytes(tty)
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="utf-8", newline=""))
    write_stdout("BEGIN\r\nNaam: \x1b[31mrood\u202e\r\n")
    sys.stdout.flush()
    written = raw.getvalue()
    if tty:
        assert b"\x1b" not in written and "\u202e".encode() not in written
        assert b"\r" not in written and b"rood" in written
    else:
        assert written == "BEGIN\r\nNaam: \x1b[31mrood\u202e\r\n".encode()
        write_stdout(b"%PDF-1.7\x00\xff")
        assert raw.getvalue().endswith(b"%PDF-1.7\x00\xff")
