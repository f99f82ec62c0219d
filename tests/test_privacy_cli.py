"""The privacy commands as the installed console script runs them, and their help."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from gespreks_tui.cli import build_cli


def run(script: Path, env: dict[str, str], cwd: Path, *args: str,
        input: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(script), *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=60, input=input)


@pytest.mark.parametrize("command", [["person", "export"], ["person", "erase"],
                                     ["person", "left"], ["retention"], ["purge"]])
def test_every_privacy_command_has_help(command: list[str]):
    result = CliRunner().invoke(build_cli(), [*command, "--help"])
    assert result.exit_code == 0
    assert "--db" in result.output and "--lang" in result.output
    assert "--help" in result.output
    assert "Traceback" not in result.output


def test_top_level_help_lists_the_privacy_commands():
    result = CliRunner().invoke(build_cli(), ["--help"])
    for command in ("person", "retention", "purge"):
        assert command in result.output


def test_script_export_erase_and_purge(gespreks_script, clean_env, tmp_path: Path):
    db = tmp_path / "gespreks.db"
    assert run(gespreks_script, clean_env, tmp_path, "demo", "--db", db).returncode == 0

    out = tmp_path / "inzage-joris"
    done = run(gespreks_script, clean_env, tmp_path, "person", "export", "Joris Bakker",
               "-o", out, "--db", db)
    assert done.returncode == 0, done.stderr
    assert "Privé-notities zijn meegenomen (2)" in done.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in out.iterdir())
    assert "Mogelijk kandidaat" in (out / "gegevens.json").read_text(encoding="utf-8")

    # A second export into the same folder is refused: one line, exit 1 (cli/exit_codes.py).
    again = run(gespreks_script, clean_env, tmp_path, "person", "export", "Joris Bakker",
                "-o", out, "--db", db)
    assert again.returncode == 1
    assert len(again.stderr.strip().splitlines()) == 1 and "Traceback" not in again.stderr

    # Erase with the name typed again on stdin, in English.
    erased = run(gespreks_script, clean_env, tmp_path, "--lang", "en", "person", "erase",
                 "Joris Bakker", "--db", db, input="Joris Bakker\n")
    assert erased.returncode == 0, erased.stderr
    assert "Joris Bakker erased:" in erased.stdout.splitlines()[-1]
    data = db.read_bytes()
    wal = db.with_name(db.name + "-wal")
    data += wal.read_bytes() if wal.exists() else b""
    for text in ("Joris", "thuissituatie", "Mogelijk kandidaat"):
        assert text.encode() not in data

    # Purge with an injected today: Aylin left long ago.
    assert run(gespreks_script, clean_env, tmp_path, "person", "left", "Aylin Yılmaz",
               "--on", "2020-01-01", "--db", db).returncode == 0
    env = {**clean_env, "GESPREKS_TODAY": "2026-01-01"}
    dry = run(gespreks_script, env, tmp_path, "purge", "--dry-run", "--db", db)
    assert dry.returncode == 0, dry.stderr
    assert "Aylin Yılmaz: uit dienst sinds 2020-01-01" in dry.stdout
    purged = run(gespreks_script, env, tmp_path, "purge", "--yes", "--db", db)
    assert purged.returncode == 0, purged.stderr
    assert purged.stdout.splitlines()[-1].startswith("Opgeschoond: 1 persoon/personen gewist")
    assert "Yılmaz".encode() not in db.read_bytes()


def test_the_privacy_core_does_not_import_textual():
    import json
    import sys

    modules = ["gespreks_tui.privacy", "gespreks_tui.access_export",
               "gespreks_tui.privacy.names", "gespreks_tui.privacy.matcher",
               "gespreks_tui.store.mentions", "gespreks_tui.privacy.report",
               "gespreks_tui.privacy.retention", "gespreks_tui.store.privacy",
               "gespreks_tui.cli.privacy_commands"]
    code = ("import importlib, json, sys\n"
            f"for name in {modules!r}:\n"
            "    importlib.import_module(name)\n"
            "print(json.dumps(sorted(sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout)
    assert set(modules) <= set(loaded)
    assert not [m for m in loaded if m == "textual" or m.startswith("textual.")]
