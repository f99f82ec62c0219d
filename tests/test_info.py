"""``gespreks info``: every path named, nothing created, other copies seen."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from cli_helpers import invoke
from gespreks_tui import __version__
from gespreks_tui.backup import automatic
from gespreks_tui.migrations import LATEST


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    from gespreks_tui import config

    folder = tmp_path / "config"
    monkeypatch.setenv("GESPREKS_CONFIG", str(folder))
    config.reset()
    yield folder
    config.reset()


def test_info_names_every_path(demo_db, config_dir, tmp_path):
    automatic(demo_db, "2026-12-01", keep=7)
    result = invoke("--db", demo_db, "info")
    assert result.exit_code == 0, result.output
    text = result.stdout
    for expected in (__version__, str(demo_db), f"{LATEST} (deze versie kent {LATEST})",
                     str(config_dir / "config.toml"), str(config_dir / "templates"),
                     "gespreks-tui", "demo-2026-12-01.db", "bytes"):
        assert expected in text, expected
    lines = text.splitlines()
    assert len(lines) == 12
    assert lines[-2].endswith("nee") and lines[-1].endswith("geen")


def test_info_as_json(demo_db, config_dir):
    data = json.loads(invoke("--db", demo_db, "info", "--json").stdout)
    assert data["format"] == 1 and data["version"] == __version__
    assert data["database"] == {"path": str(demo_db), "exists": True,
                                "size": demo_db.stat().st_size, "schema": LATEST,
                                "schema_known": LATEST}
    assert data["config"] == {"path": str(config_dir / "config.toml"), "exists": False,
                              "problem": None}
    assert set(data) >= {"templates", "data", "state", "backups", "last_backup",
                         "running_elsewhere", "meetings_elsewhere"}
    assert data["last_backup"] is None and data["running_elsewhere"] is False


def test_info_on_a_missing_database_creates_nothing(tmp_path, config_dir):
    db = tmp_path / "nog" / "niet.db"
    result = invoke("--db", db, "info")
    assert result.exit_code == 0
    assert "bestaat nog niet" in result.stdout.splitlines()[1]
    assert not db.parent.exists()


def test_info_says_a_broken_configuration_file_once(demo_db, config_dir):
    config_dir.mkdir()
    (config_dir / "config.toml").write_text("[keys\n")
    data = json.loads(invoke("--db", demo_db, "info", "--json").stdout)
    assert "regel 1" in data["config"]["problem"]


@pytest.mark.skipif(sys.platform == "win32", reason="kill")
def test_info_sees_a_meeting_held_by_another_copy(demo_db, config_dir):
    code = textwrap.dedent(f"""
        import time
        from gespreks_tui.presence import Presence
        p = Presence({str(demo_db)!r})
        print(p.hold_database() and p.claim(2), flush=True)
        time.sleep(60)
    """)
    other = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "True"
        result = invoke("--db", demo_db, "--lang", "en", "info")
        lines = result.stdout.splitlines()
        assert lines[-2].endswith("yes, running now") and lines[-1].endswith("2")
    finally:
        other.kill()
        other.wait(timeout=10)
