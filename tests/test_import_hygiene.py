"""Nothing in the core imports Textual: proved in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

CORE_MODULES = [
    "gespreks_tui", "gespreks_tui.model", "gespreks_tui.store", "gespreks_tui.db",
    "gespreks_tui.migrations", "gespreks_tui.schema_fresh", "gespreks_tui.agendas",
    "gespreks_tui.dates",
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


# -- the first start (issue 19, rows 8a-b) ------------------------------------------
FIRST_START_PROBE = """
import json, sys
from gespreks_tui.catalogue import resolve_language, set_language
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
        super().on_ready()
        self.call_after_refresh(self.at_frame)

    def at_frame(self):
        seen["frame"] = sorted(sys.modules)
        seen["screen"] = type(self.screen).__name__
        seen["stack"] = [type(screen).__name__ for screen in self.screen_stack]
        self.call_after_refresh(self.after, 3)

    def after(self, frames):
        # What the app does right after its first frame (benchmark row 8b's linger):
        # the callbacks after it have run, no worker is left, a few frames later.
        if frames or any(not worker.is_finished for worker in self.workers):
            self.call_after_refresh(self.after, max(frames - 1, 0))
            return
        seen["after"] = sorted(sys.modules)
        self.call_later(self.action_quit)

Probe(store).run(headless=True, size=(120, 40))
store.close()
print(json.dumps(seen))
"""

# What the start screen is made of: built once the name question is answered.
START_SCREEN_MODULES = [
    "gespreks_tui.tui.screens.start", "gespreks_tui.tui.screens.start_lists",
    "gespreks_tui.tui.screens.start_search", "gespreks_tui.tui.screens.start_housekeeping",
    "gespreks_tui.tui.screens.start_due", "gespreks_tui.tui.people_options",
    "gespreks_tui.tui.widgets.choice_button", "gespreks_tui.tui.format",
    "gespreks_tui.kind_names",
]
PACKAGES_NOT_AT_THE_FIRST_START = {"click", "sqlite_utils", "markdown_it", "mdit_py_plugins"}
# A new database is made from ``schema_fresh`` in one step, not migration by migration.
MIGRATION_STEP_MODULES = [
    "gespreks_tui.schema_indexes", "gespreks_tui.schema_scale", "gespreks_tui.schema_procedure",
    "gespreks_tui.schema_goals", "gespreks_tui.schema_drafts", "gespreks_tui.schema_due",
]


@pytest.fixture(scope="module")
def first_start(tmp_path_factory) -> dict:
    """What a first start (a database that does not exist yet) has imported at its
    first frame (``frame``) and once the work right after it is done (``after``)."""
    db = tmp_path_factory.mktemp("first-start") / "new.db"
    done = subprocess.run([sys.executable, "-c", FIRST_START_PROBE, str(db)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["screen"] == "ManagerNameScreen"
    return seen


def test_the_first_start_asks_the_name_on_a_screen_of_its_own(first_start):
    assert first_start["stack"][1:] == ["ManagerNameScreen"]


@pytest.mark.parametrize("moment", ["frame", "after"])
def test_the_first_start_leaves_the_start_screen_and_meeting_modules(first_start, moment):
    loaded = set(first_start[moment])
    assert "gespreks_tui.tui.screens.manager_name" in loaded  # the probe sees ours
    assert sorted(loaded & set(START_SCREEN_MODULES)) == []
    assert sorted(m for m in loaded if m.startswith("gespreks_tui.tui.screens.meeting")) == []
    assert sorted(loaded & set(NOT_AT_THE_FIRST_MEETING_FRAME)) == []


def test_the_first_start_makes_its_database_without_the_migration_steps(first_start):
    loaded = set(first_start["frame"])
    assert "gespreks_tui.schema_fresh" in loaded  # the probe sees how it was made
    assert sorted(loaded & set(MIGRATION_STEP_MODULES)) == []


@pytest.mark.parametrize("moment", ["frame", "after"])
def test_the_first_start_needs_no_click_sqlite_utils_or_markdown(first_start, moment):
    loaded = {m.split(".")[0] for m in first_start[moment]}
    assert "textual" in loaded and "sqlite3" in loaded  # the probe sees packages
    assert sorted(loaded & PACKAGES_NOT_AT_THE_FIRST_START) == []
