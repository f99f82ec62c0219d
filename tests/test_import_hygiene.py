"""Nothing in the core imports Textual: proved in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys

CORE_MODULES = [
    "gespreks_tui", "gespreks_tui.model", "gespreks_tui.store", "gespreks_tui.db",
    "gespreks_tui.migrations", "gespreks_tui.agendas", "gespreks_tui.dates",
    "gespreks_tui.demo", "gespreks_tui.clock", "gespreks_tui.paths",
    "gespreks_tui.catalogue", "gespreks_tui.cli.render",
]


def _loaded_after_importing(modules: list[str]) -> list[str]:
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _textual(modules: list[str]) -> list[str]:
    return [m for m in modules if m == "textual" or m.startswith("textual.")]


def test_core_modules_do_not_import_textual():
    loaded = _loaded_after_importing(CORE_MODULES)
    assert set(CORE_MODULES) <= set(loaded)  # the check ran on what it claims to
    assert _textual(loaded) == []
    assert not [m for m in loaded if m.startswith("gespreks_tui.tui")]


def test_the_command_line_does_not_import_textual_until_the_app_starts():
    loaded = _loaded_after_importing(["gespreks_tui.cli", "gespreks_tui.cli.commands"])
    assert _textual(loaded) == []


def test_the_checker_sees_textual_when_it_is_imported():
    # The same probe does notice Textual, so the tests above can fail.
    assert "textual" in _loaded_after_importing(["textual"])
