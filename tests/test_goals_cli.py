"""Goals on the command line (issue 20): ``goals``, ``pop``, and ``show`` with goals.

The demo (``demo_goals``): conversation 1 (doelstellingengesprek of Joris
Bakker, 14 January 2026) set goals 1 and 2 (result) and 3 (development, three
steps, agreements 1 and 3 linked); conversation 2 (10 June 2026) reviewed all
three and ticked the first step of each.
"""

from __future__ import annotations

import json
import os
import pty
import stat
import subprocess
from pathlib import Path

import pytest

from cli_helpers import invoke, one_line_failure

TODAY = {"GESPREKS_TODAY": "2026-12-01"}


@pytest.mark.parametrize("command", [("goals",), ("pop",)])
def test_the_goal_commands_have_help_in_both_languages(command, gespreks_script: Path):
    dutch = invoke(*command, "--help")
    assert dutch.exit_code == 0, dutch.output
    assert "--db" in dutch.output and "medewerker" in dutch.output
    assert command[0] in invoke("--help").output
    english = subprocess.run([str(gespreks_script), "--lang", "en", *command, "--help"],
                             capture_output=True, text=True, timeout=60)
    assert english.returncode == 0 and "employee" in english.stdout
    assert "medewerker" not in english.stdout


def test_goals_lists_every_goal_with_its_progress(demo_db: Path):
    result = invoke("goals", "--db", demo_db)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("nr") and lines[1].strip() == "doel"
    assert all(len(line) <= 80 for line in lines)  # text wraps at words (finding 14)
    rows = [n for n, line in enumerate(lines) if line[:2].strip().isdigit()]
    assert len(rows) == 3
    first = " ".join(" ".join(lines[rows[0]:rows[1]]).split())
    assert "loopt achter" not in lines[rows[0]] or len(lines[rows[0]]) <= 80
    assert "1/2" in lines[rows[0]] and "Klantportaal live met minstens 200 actieve gebruikers" \
        in first
    assert "ontwikkeldoel" in lines[rows[2]] and "op koers" in lines[rows[2]]
    assert "1/3" in lines[rows[2]]
    english = invoke("goals", "--db", demo_db, "--lang", "en").stdout
    assert "behind" in english and "development" in english
    assert all(len(line) <= 80 for line in english.splitlines())
    assert result.stderr == ""
    shown = invoke("show", "2", "--db", demo_db, "--lang", "nl").stdout
    goal_part = shown[shown.index("Doelen besproken"):].split("\n\n")[0].splitlines()
    assert all(len(line) <= 80 for line in goal_part)
    assert goal_part[1] == ("  [1] Klantportaal live met minstens 200 actieve gebruikers "
                            "(resultaatdoel) —")
    assert goal_part[2] == "      loopt achter; stappen 1/2"  # wrapped at a word, indented
    one = invoke("goals", "--employee", "Joris Bakker", "--db", demo_db,
                 "--lang", "nl").stdout.splitlines()
    assert "medewerker" not in one[0] and "Joris" not in "\n".join(one)  # no name column
    assert one[2].split() == ["1", "resultaatdoel", "loopt", "achter", "1/2",
                              "2026-01-01..2026-12-31", "1"]


def test_goals_json_is_format_1_with_steps_and_reviews(demo_db: Path):
    result = invoke("goals", "--employee", "Joris Bakker", "--json", "--db", demo_db)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["format", "goals"] and data["format"] == 1
    first = data["goals"][0]
    assert list(first)[:3] == ["id", "employee_id", "employee"]
    assert (first["employee"], first["kind"], first["progress"]) == (
        "Joris Bakker", "resultaat", "achter")
    assert first["steps"][0]["done_in"] == 2 and first["reviews"][0]["conversation_id"] == 2
    assert [g["id"] for g in data["goals"]] == [1, 2, 3]
    nobody = invoke("goals", "--employee", "Aylin Yılmaz", "--json", "--db", demo_db)
    assert json.loads(nobody.stdout)["goals"] == []
    empty = invoke("goals", "--employee", "Aylin Yılmaz", "--db", demo_db)
    assert empty.exit_code == 0 and "nog geen doelen" in empty.stdout


def test_an_unknown_employee_is_one_line_and_exit_1(demo_db: Path):
    assert "Joris" in one_line_failure(invoke("goals", "--employee", "Joris", "--db", demo_db), 1)
    assert "Joris" in one_line_failure(invoke("pop", "Joris", "--db", demo_db), 1)
    line = one_line_failure(invoke("pop", "Joris Bakker", "--period", "vorig jaar",
                                   "--db", demo_db), 1)
    assert "vorig jaar" in line and "2026" in line


def test_show_includes_the_goals_a_conversation_set_or_reviewed(demo_db: Path):
    setting = invoke("show", "1", "--db", demo_db).stdout
    assert "Doelen gesteld in dit gesprek:" in setting and "[3] Groeien naar technisch" in setting
    reviewed = invoke("show", "2", "--db", demo_db).stdout
    assert "Doelen besproken in dit gesprek:" in reviewed
    assert "loopt achter — De proef is gehaald" in reviewed
    data = json.loads(invoke("show", "2", "--json", "--db", demo_db).stdout)
    assert data["goals_set"] == [] and [g["id"] for g in data["goals_reviewed"]] == [1, 2, 3]
    assert data["goals_reviewed"][0]["reviews"][0]["progress"] == "achter"


def test_pop_writes_the_development_plan_owner_only(demo_db: Path, tmp_path: Path):
    target = tmp_path / "pop.md"
    result = invoke("pop", "Joris Bakker", "--period", "2026", "-o", target, "--db", demo_db,
                    env=TODAY)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Persoonlijk ontwikkelplan van Joris Bakker\n")
    assert "- Opgesteld op 1 december 2026." in text
    assert "Groeien naar technisch projectleider" in text and "Klantportaal" not in text.split(
        "## Ontwikkeldoelen")[1].split("**Acties**")[0]
    assert "Afgesproken ondersteuning: Opleidingsbudget voor de cursus" in text
    assert "Cursus projectmanagement afronden met certificaat — verantwoordelijk" in text
    assert "- 10 juni 2026, voortgangsgesprek: op koers — Cursus afgerond met certificaat." \
        in text
    assert str(target) in result.stdout
    earlier = invoke("pop", "Joris Bakker", "--period", "2025", "-o", "-", "--db", demo_db,
                     env=TODAY)
    assert "Geen ontwikkeldoelen in deze periode." in earlier.stdout


def test_pop_on_stdout_is_the_file_and_a_pdf_goes_through_a_pipe(demo_db: Path,
                                                                 tmp_path: Path):
    target = tmp_path / "pop.md"
    invoke("pop", "Joris Bakker", "-o", target, "--db", demo_db, env=TODAY)
    piped = invoke("pop", "Joris Bakker", "-o", "-", "--db", demo_db, env=TODAY)
    assert piped.exit_code == 0 and piped.stdout == target.read_text(encoding="utf-8")
    assert "standaarduitvoer" in piped.stderr
    pdf = invoke("pop", "Joris Bakker", "--format", "pdf", "-o", "-", "--db", demo_db,
                 env=TODAY)
    assert pdf.exit_code == 0 and pdf.stdout_bytes.startswith(b"%PDF")
    english = invoke("pop", "Joris Bakker", "-o", "-", "--lang", "en", "--db", demo_db,
                     env=TODAY)
    assert english.stdout.startswith("# Personal development plan of Joris Bakker")
    assert "- Drawn up on 1 December 2026." in english.stdout  # not "Made on"
    assert "Progress over time" in english.stdout and "Course" not in english.stdout


def test_an_existing_file_is_not_overwritten_without_asking(demo_db: Path, tmp_path: Path):
    target = tmp_path / "pop.md"
    target.write_text("mijn eigen tekst", encoding="utf-8")
    refused = invoke("pop", "Joris Bakker", "-o", target, "--db", demo_db, input="n\n")
    assert refused.exit_code == 1 and target.read_text(encoding="utf-8") == "mijn eigen tekst"
    forced = invoke("pop", "Joris Bakker", "-o", target, "--force", "--db", demo_db)
    assert forced.exit_code == 0 and target.read_text(encoding="utf-8").startswith("# ")


def test_a_pdf_is_never_written_onto_a_terminal(demo_db: Path, gespreks_script: Path):
    main, child = pty.openpty()
    try:
        done = subprocess.run([str(gespreks_script), "pop", "Joris Bakker", "--format", "pdf",
                               "-o", "-", "--db", str(demo_db)], stdout=child,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, timeout=60,
                              env={**os.environ, "GESPREKS_LANG": "nl"})
        os.close(child)
        child = -1
        shown = b""
        try:
            while chunk := os.read(main, 4096):
                shown += chunk
        except OSError:
            pass
    finally:
        if child >= 0:
            os.close(child)
        os.close(main)
    assert done.returncode == 1
    assert b"%PDF" not in shown
    assert "PDF" in done.stderr.decode()
