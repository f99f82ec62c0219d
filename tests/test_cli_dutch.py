"""Everything a Dutch user reads on the command line is Dutch (issue 16 and 17).

Click's help ("Usage:", "Options:", "Show this message and exit.") and its
usage errors ("Error: No such option", "Missing argument", four lines) come
from ``click_words`` and ``render.error_line``; the operating system's reasons
from ``os_reasons``. Each command runs in a process of its own, as a user runs
it: the command tree is built once per process, in that process's language.
"""

from __future__ import annotations

import errno
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import click
import pytest

from gespreks_tui.catalogue import t, tn

pytestmark = pytest.mark.slow

# What click says in English when nobody translates it.
ENGLISH = re.compile(
    r"Usage:|Options:?$|Commands:|Show this message|Show the version|\[OPTIONS\]|COMMAND"
    r"|\[ARGS\]|Error:|Missing (argument|option|parameter|command)|No such (option|command)"
    r"|Try '|Invalid value|default:|\brequired\b|is not a valid|is not one of|Got unexpected"
    r"|requires an argument|does not exist|Did you mean|Positional arguments|\bINTEGER\b"
    r"|\bTEXT\b|\bNAME\b|\bFILE\b|\bPATH\b|\bDIR\b|\bDATE\b|Aborted|No such file or directory"
    r"|Permission denied", re.MULTILINE)


def command_paths() -> list[tuple[str, ...]]:
    from gespreks_tui.cli import build_cli

    def walk(command: click.Command, path: tuple[str, ...]) -> list[tuple[str, ...]]:
        found = [path]
        if isinstance(command, click.Group):
            for name, sub in sorted(command.commands.items()):
                found += walk(sub, (*path, name))
        return found

    return walk(build_cli(), ())


def run_all(script: Path, env: dict[str, str], cwd: Path,
            commands: list[tuple[str, ...]]) -> list[subprocess.CompletedProcess]:
    def one(args: tuple[str, ...]) -> subprocess.CompletedProcess:
        return subprocess.run([str(script), *args], capture_output=True, text=True, env=env,
                              cwd=cwd, timeout=60, stdin=subprocess.DEVNULL)

    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(one, commands))


def test_every_help_is_dutch(gespreks_script, clean_env, tmp_path: Path):
    paths = command_paths()
    assert len(paths) > 20
    env = {**clean_env, "GESPREKS_LANG": "en"}  # --lang nl wins over the environment
    results = run_all(gespreks_script, env, tmp_path, [(*p, "--help", "--lang", "nl")
                                                       for p in paths])
    for path, done in zip(paths, results, strict=True):
        assert done.returncode == 0, (path, done.stderr)
        assert done.stdout.startswith("Gebruik: gespreks"), (path, done.stdout[:200])
        assert "Opties:" in done.stdout and "Toon deze hulp en stop." in done.stdout, path
        english = ENGLISH.findall(done.stdout + done.stderr)
        assert not english, (path, english, done.stdout)


def test_the_english_help_is_english(gespreks_script, clean_env, tmp_path: Path):
    done = run_all(gespreks_script, clean_env, tmp_path,
                   [("--lang", "en", "person", "export", "--help")])[0]
    assert done.stdout.startswith("Usage: gespreks person export [OPTIONS] NAME")
    assert "Options:" in done.stdout and "Show this message and exit." in done.stdout
    assert "-o, --output DIR" in done.stdout


USAGE_ERRORS = [
    ("show", "abc"), ("list", "--bogus"), ("list", "--emplyee", "x"), ("show",), ("lst",),
    ("export", "2", "--format", "doc"), ("handover", "2", "--via", "paper", "--term", "400"),
    ("handover", "2"), ("completion", "powershell"), ("templates", "copy", "sollicitatie"),
    ("collective", "bogus"), ("list", "--db"), ("show", "2", "extra"),
    ("person", "export", "Joris Bakker"), ("retention", "--left-years", "x"),
    ("prepare",), ("list", "--json=yes"), ("confirm",),
]


def test_every_usage_error_is_one_dutch_line(gespreks_script, clean_env, tmp_path: Path,
                                             demo_db: Path):
    env = {**clean_env, "GESPREKS_DB": str(demo_db), "GESPREKS_LANG": "en"}
    results = run_all(gespreks_script, env, tmp_path, [(*args, "--lang", "nl")
                                                       for args in USAGE_ERRORS])
    for args, done in zip(USAGE_ERRORS, results, strict=True):
        assert done.returncode in (1, 2), (args, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, (args, done.stderr)
        assert not ENGLISH.findall(done.stderr), (args, done.stderr)
        assert "Traceback" not in done.stderr and done.stdout == "", args


def test_a_usage_error_names_the_help_of_its_command(gespreks_script, clean_env, tmp_path):
    done = run_all(gespreks_script, clean_env, tmp_path, [("list", "--emplyee", "x")])[0]
    line = done.stderr.strip()  # click 8.5; 8.3 words it "Onbekende optie: --emplyee ..."
    assert line.startswith("Onbekende optie") and "Bedoel je" in line and "--employee" in line
    assert line.endswith(" Zie 'gespreks list --help'.") and "\n" not in line


def test_the_operating_systems_reason_is_dutch(gespreks_script, clean_env, tmp_path: Path,
                                               demo_db: Path):
    from gespreks_tui.os_reasons import os_reason, reason_text

    assert os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory")) == \
        "bestand of map bestaat niet"
    assert os_reason(PermissionError(errno.EACCES, "Permission denied")) == "geen toestemming"
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "de schijf is vol"
    assert reason_text("Read-only file system") == "alleen-lezen bestandssysteem"
    assert reason_text("something else") == "something else"
    assert os_reason(OSError(errno.EEXIST, "File exists"), ) == "bestaat al"

    env = {**clean_env, "GESPREKS_DB": str(demo_db)}
    missing, unwritable = run_all(gespreks_script, env, tmp_path, [
        ("verify", str(tmp_path / "weg.md")),
        ("export", "2", "-o", str(tmp_path / "nergens" / "v.md"))])
    assert missing.returncode == 2 and "bestand of map bestaat niet" in missing.stderr
    assert unwritable.returncode == 2 and "bestand of map bestaat niet" in unwritable.stderr
    assert not ENGLISH.findall(missing.stderr + unwritable.stderr)


@pytest.mark.parametrize("key, values, one, many", [
    ("due.empty", {}, "binnen 1 dag moet", "binnen 2 dagen moet"),
    ("verify.mismatch", {"path": "v.md", "revision": 1, "id": 2}, "1 regel verschilt",
     "2 regels verschillen"),
    ("confirm.changed", {"path": "v.md"}, "1 regel verschilt", "2 regels verschillen"),
    ("due.overdue", {}, "1 dag te laat", "2 dagen te laat"),
])
def test_counted_messages_agree_with_their_number(key, values, one, many):
    assert one in tn(key, 1, count=1, days=1, **values, lang="nl")
    assert many in tn(key, 2, count=2, days=2, **values, lang="nl")
    assert "1 line" in tn(key, 1, count=1, days=1, **values, lang="en") or \
        "1 day" in tn(key, 1, count=1, days=1, **values, lang="en")


def test_a_core_refusal_counted_once_reads_in_the_singular():
    from gespreks_tui.cli.exit_codes import error_message
    from gespreks_tui.errors import MinutesError

    line = error_message(MinutesError("confirm.changed", count=1), path="v.md")
    assert "1 regel verschilt" in line and "regels" not in line
    assert "3 regels verschillen" in error_message(MinutesError("confirm.changed", count=3),
                                                   path="v.md")
    assert t("click.usage", lang="nl") == "Gebruik:"
