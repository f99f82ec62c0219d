"""Nothing in the core imports Textual: proved in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

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


FIRST_FRAME_PROBE = """
import json, sys
from gespreks_tui.catalogue import language, resolve_language, set_language
from gespreks_tui.cli import plain_app_options
set_language(resolve_language(None))
options = plain_app_options(["--db", sys.argv[1]])
from gespreks_tui.paths import resolve_db_path
from gespreks_tui.store import Store
from gespreks_tui.tui.app import GesprekApp
store = Store.open(resolve_db_path(options["db"]))
seen = {}

class Probe(GesprekApp):
    def on_ready(self):
        self.call_after_refresh(self.report)

    def report(self):
        seen["loaded"] = sorted(sys.modules)
        seen["screen"] = type(self.screen).__name__
        seen["language"] = language()
        self.call_later(self.action_quit)

Probe(store).run(headless=True, size=(120, 40))
store.close()
print(json.dumps(seen))
"""


@pytest.fixture(scope="module")
def first_meeting_frame(tmp_path_factory) -> dict:
    """What a start straight into a running meeting (not an appraisal) has imported
    at its first frame, as issue 8's start-up benchmark starts: ``loaded`` (every
    module), ``screen`` and ``language``."""
    from gespreks_tui.agendas import builtin_agenda
    from gespreks_tui.model import Kind
    from gespreks_tui.store import Store

    db = tmp_path_factory.mktemp("first-frame") / "g.db"
    store = Store.open(db)  # the real clock, as the probe's app has: a meeting of just now
    try:
        store.set_setting("manager.name", "Sanne de Vries")
        person = store.add_person("Joris Bakker")
        c = store.create_conversation(person.id, builtin_agenda(Kind.VOORTGANG), 45)
        store.add_agreement(c.id, "Cursus plannen", "employee", "2027-03-01")
        store.remember_open_meeting(c.id)
    finally:
        store.close()
    done = subprocess.run([sys.executable, "-c", FIRST_FRAME_PROBE, str(db)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["screen"] == "MeetingScreen"
    return seen


def test_the_first_meeting_frame_needs_no_click_sqlite_utils_or_markdown(first_meeting_frame):
    """Those packages cost start-up time and memory; they load when first used (a
    command, the first row written, a template or the minutes)."""
    loaded = {m.split(".")[0] for m in first_meeting_frame["loaded"]}
    assert "textual" in loaded  # the probe sees what was imported
    assert loaded.isdisjoint({"click", "sqlite_utils", "markdown_it", "mdit_py_plugins"}), \
        sorted(loaded & {"click", "sqlite_utils", "markdown_it", "mdit_py_plugins"})


# Core modules the first frame of a meeting that is not an appraisal does not use:
# the store imports them in the methods that need them (issue 19: start-up).
NOT_AT_THE_FIRST_MEETING_FRAME = [
    "gespreks_tui.appraisal_procedure",  # a beoordeling's procedure
    "gespreks_tui.procedure_terms",      # its terms (the start screen's due list reads them)
    "gespreks_tui.record",               # a conversation as one record, for its minutes
    "gespreks_tui.store.drafted_record", "gespreks_tui.draft_form",  # prepared assessments
    "gespreks_tui.fingerprint",          # checking a returned copy of the minutes
    "gespreks_tui.privacy", "gespreks_tui.privacy.retention",  # erasure and purge
    "gespreks_tui.privacy.matcher", "gespreks_tui.privacy.mentions",
    "gespreks_tui.store.mentions", "gespreks_tui.store.redaction",
    "gespreks_tui.dates",                # dates people type; access requests' terms
    "gespreks_tui.model_records",         # minutes' revisions, confirmations, scores
]

# Standard-library packages the first frame does not need: the time zone is read from
# the tzdata package's own file (``display_time``), not through importlib.resources,
# which brought zipfile and some 35 modules with it (~10 ms).
STDLIB_NOT_AT_THE_FIRST_MEETING_FRAME = ["importlib.resources", "zipfile"]


def test_the_first_meeting_frame_leaves_what_it_does_not_use(first_meeting_frame):
    loaded = set(first_meeting_frame["loaded"])
    assert "gespreks_tui.store.privacy" in loaded  # the probe sees the store's modules
    assert sorted(loaded & set(NOT_AT_THE_FIRST_MEETING_FRAME)) == []


def test_the_first_meeting_frame_reads_its_time_zone_without_importlib_resources(
        first_meeting_frame):
    loaded = set(first_meeting_frame["loaded"])
    assert "zoneinfo" in loaded  # the probe's meeting showed a time in its zone
    assert sorted(loaded & set(STDLIB_NOT_AT_THE_FIRST_MEETING_FRAME)) == []


def test_the_first_meeting_frame_reads_the_catalogue_of_its_language_only(first_meeting_frame):
    from gespreks_tui.catalogue import SECTION_NAMES

    shown, = {first_meeting_frame["language"]}
    other, = set(SECTION_NAMES) - {shown}
    loaded = set(first_meeting_frame["loaded"])
    prefix = "gespreks_tui.catalogue."
    assert {prefix + name for name in SECTION_NAMES[shown]} <= loaded  # the probe sees them
    assert sorted(loaded & {prefix + name for name in SECTION_NAMES[other]}) == []
