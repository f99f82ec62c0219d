"""Tab completion: the scripts, what Tab offers, and that Tab never starts the app."""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from cli_helpers import invoke

pytestmark = pytest.mark.slow


def complete(script: Path, env: dict[str, str], words: str, shell: str = "bash",
             cwd: Path | None = None) -> subprocess.CompletedProcess:
    """What the shell's completion function gets: ``gespreks`` with the variables set."""
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    return subprocess.run([str(script)], capture_output=True, text=True, timeout=30, cwd=cwd,
                          env={**env, "_GESPREKS_COMPLETE": f"{shell}_complete",
                               "COMP_WORDS": words, "COMP_CWORD": str(cword)})


@pytest.mark.parametrize("shell, marker", [("bash", "complete -o nosort -F"),
                                           ("zsh", "compdef"), ("fish", "complete")])
def test_completion_prints_the_script(shell: str, marker: str):
    result = invoke("completion", shell)
    assert result.exit_code == 0, result.output
    assert "_GESPREKS_COMPLETE" in result.stdout and marker in result.stdout


def test_completion_refuses_another_shell_in_one_line():
    result = invoke("completion", "powershell")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "powershell" in result.stderr


def test_tab_after_a_bare_gespreks_never_starts_the_app(gespreks_script, clean_env, demo_db):
    """What bash does on `gespreks <Tab>`: no arguments, the variable set, stdout a pipe
    and stdin/stderr the terminal. It must answer and end, not take the terminal over."""
    controller, terminal = pty.openpty()
    env = {**clean_env, "GESPREKS_DB": str(demo_db), "_GESPREKS_COMPLETE": "bash_complete",
           "COMP_WORDS": "gespreks ", "COMP_CWORD": "1", "TERM": "xterm-256color"}
    try:
        process = subprocess.Popen([str(gespreks_script)], stdin=terminal,
                                   stdout=subprocess.PIPE, stderr=terminal, env=env)
        try:
            out, _ = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            pytest.fail("gespreks did not end: the app started under the completion")
        shown = b""
        deadline = time.monotonic() + 1
        while time.monotonic() < deadline and select.select([controller], [], [], 0.1)[0]:
            try:
                chunk = os.read(controller, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
        os.close(terminal)
    assert process.returncode == 0
    assert b"\x1b" not in out and b"\x1b" not in shown  # no screen was drawn
    offered = out.decode().splitlines()
    assert "plain,show" in offered and "plain,export" in offered and "plain,completion" in offered


def test_tab_completes_commands_options_and_conversation_numbers(gespreks_script, clean_env,
                                                                 demo_db):
    env = {**clean_env, "GESPREKS_DB": str(demo_db)}
    assert "plain,show" in complete(gespreks_script, env, "gespreks sh").stdout.splitlines()
    options = complete(gespreks_script, env, "gespreks export 2 --fo").stdout.splitlines()
    assert options == ["plain,--format", "plain,--force"] or set(options) == {
        "plain,--format", "plain,--force"}
    numbers = complete(gespreks_script, env, "gespreks show ")
    assert numbers.returncode == 0 and numbers.stderr == ""
    assert numbers.stdout.splitlines() == ["plain,2", "plain,1"]
    # zsh and fish show what each number is
    described = complete(gespreks_script, env, "gespreks export ", shell="zsh").stdout
    assert "voortgangsgesprek met Joris Bakker, 10 jun 2026" in described
    # --db on the command line is the database that is read
    other = complete(gespreks_script, {**clean_env, "GESPREKS_DB": "/nonexistent/x.db"},
                     f"gespreks show --db {demo_db} ")
    assert other.stdout.splitlines() == ["plain,2", "plain,1"]


def test_tab_completes_employee_names_as_one_word(gespreks_script, clean_env, demo_db):
    env = {**clean_env, "GESPREKS_DB": str(demo_db)}
    # zsh quotes what it inserts itself; bash needs the space escaped (see completion.py)
    assert complete(gespreks_script, env, "gespreks prepare Jo", shell="zsh").stdout.split(
        "\n")[:2] == ["plain", "Joris Bakker"]
    assert complete(gespreks_script, env, "gespreks list --employee bak").stdout.splitlines() \
        == ["plain,Joris\\\\ Bakker"]
    assert complete(gespreks_script, env, "gespreks due --employee Ay").stdout.startswith(
        "plain,Aylin\\\\ Y")


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_inserts_a_name_with_a_space_as_one_word(gespreks_script, clean_env, demo_db,
                                                       tmp_path: Path):
    """The real bash function click's script defines, run the way bash runs it on Tab."""
    script = tmp_path / "gespreks.bash"
    script.write_text(invoke("completion", "bash").stdout, "utf-8")
    env = {**clean_env, "GESPREKS_DB": str(demo_db),
           "PATH": f"{gespreks_script.parent}{os.pathsep}{clean_env.get('PATH', '')}"}
    probe = (f"source {script}; COMP_WORDS=(gespreks prepare Bak); COMP_CWORD=2; "
             '_gespreks_completion gespreks; printf "[%s]\\n" "${COMPREPLY[@]}"; '
             'eval "set -- ${COMPREPLY[0]}"; echo "words: $#"')
    done = subprocess.run(["bash", "--norc", "-c", probe], capture_output=True, text=True,
                          env=env, timeout=30)
    assert done.stdout.splitlines() == ["[Joris\\ Bakker]", "words: 1"], done.stderr


def test_tab_without_a_database_offers_nothing_and_makes_nothing(gespreks_script, clean_env,
                                                                 tmp_path: Path):
    missing = tmp_path / "nog-niet" / "gespreks.db"
    env = {**clean_env, "GESPREKS_DB": str(missing)}
    for words in ("gespreks show ", "gespreks prepare J"):
        done = complete(gespreks_script, env, words)
        assert (done.returncode, done.stdout.strip(), done.stderr) == (0, "", "")
    assert not missing.parent.exists()


def test_tab_after_a_file_argument_leaves_it_to_the_shells_file_completion(
        gespreks_script, clean_env, demo_db):
    env = {**clean_env, "GESPREKS_DB": str(demo_db)}
    for words in ("gespreks verify ", "gespreks confirm ", "gespreks export 2 -o ",
                  "gespreks list --db "):
        assert complete(gespreks_script, env, words).stdout.splitlines() == ["file,"], words
