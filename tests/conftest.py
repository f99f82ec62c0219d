"""Shared fixtures: real SQLite files in tmp_path, a fake clock, a clean environment."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gespreks_tui import catalogue
from gespreks_tui.clock import FakeClock
from gespreks_tui.demo import load_demo
from gespreks_tui.store import Store

ENV_VARS = ("GESPREKS_DB", "GESPREKS_LANG", "GESPREKS_CONFIG")


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch):
    """No test reads the user's settings or touches their real database.

    The catalogue's current language is process-wide state: every test starts
    and ends in Dutch, whatever ``--lang`` a CLI test passed.
    """
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.getbasetemp() / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.getbasetemp() / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-state"))
    # Conversations record the machine's zone: the same one on every test machine.
    monkeypatch.setenv("GESPREKS_TZ", "Europe/Amsterdam")
    catalogue.set_language("nl")
    yield
    catalogue.set_language("nl")


@pytest.fixture(autouse=True)
def _pause_waits_for_store_work(monkeypatch):
    """``pilot.pause()`` lets the app settle: its messages, and its store work too.

    Screens write through thread workers (``gespreks_tui.tui.gateway``); a user
    sees their result a moment later, so a test that pauses after a key waits
    for that moment as well, and then for the messages the result posts.
    """
    from textual.pilot import Pilot

    settle = Pilot.pause

    async def pause(self, delay: float | None = None) -> None:
        await settle(self, delay)
        for _ in range(20):  # a result may start further work (open a meeting, say)
            busy = [w for w in self.app.workers if w.group == "store" and not w.is_finished]
            if not busy:
                return
            await self.app.workers.wait_for_complete(busy)
            await settle(self)

    monkeypatch.setattr(Pilot, "pause", pause)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "gespreks.db"


@pytest.fixture
def store(db_path: Path, clock: FakeClock):
    opened = Store.open(db_path, clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    """A database file holding the demo team, closed again."""
    path = tmp_path / "demo.db"
    opened = Store.open(path, clock=FakeClock())
    try:
        assert load_demo(opened) is True
    finally:
        opened.close()
    return path


@pytest.fixture
def gespreks_script() -> Path:
    """The installed console script next to the running interpreter."""
    script = Path(sys.executable).parent / "gespreks"
    if not script.exists():
        pytest.fail(f"console script not installed at {script}")
    return script


@pytest.fixture
def clean_env(tmp_path: Path) -> dict[str, str]:
    """Environment for subprocesses: no GESPREKS_* settings, no user data dir."""
    env = {k: v for k, v in os.environ.items() if k not in ENV_VARS and k != "PYTHONPATH"}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    env["HOME"] = str(tmp_path / "home")
    env["GESPREKS_TZ"] = "Europe/Amsterdam"
    return env
