"""What the walk of issue 18 left open, on the command line: the organisation's kind name
in ``show``, ``due``, ``invite`` and the preparation forms (never in the minutes); the
objection wording of a beoordeling's hand-over (said once in ``appraisal status``);
``due`` listing every running term by default and the dated steps of open goals; and
``--help`` of every command taking a kind listing the other names."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from cli_helpers import invoke
from gespreks_tui import config
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.kind_aliases import ALIASES, resolve
from gespreks_tui.minutes import publish
from gespreks_tui.prepare import parse_preparation
from gespreks_tui.settings import MANAGER_SETTING
from gespreks_tui.store import Store

TODAY = {"GESPREKS_TODAY": "2026-11-02"}  # the day of the fake clock below


def _open(db: Path, day: int = 2) -> Store:
    return Store.open(db, clock=FakeClock(datetime(2026, 11, day, 9, 0, tzinfo=UTC)))


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("GESPREKS_CONFIG", str(folder))
    config.reset()
    yield folder
    config.reset()


def _name_it(folder: Path, name: str = "jaargesprek") -> None:
    (folder / "config.toml").write_text(f'[kinds.beoordeling]\nname = "{name}"\n',
                                        encoding="utf-8")
    config.reset()


@pytest.fixture
def team(db_path: Path) -> Path:
    """1: Joris's beoordeling, concluded (next evaluation in 8 days), issued and handed
    over today with the 21-day objection term; 2: a voortgang, concluded and issued."""
    store = _open(db_path)
    try:
        store.set_setting(MANAGER_SETTING, "Sanne de Vries")
        joris = store.add_person("Joris Bakker")
        appraisal = store.create_conversation(joris.id, builtin_agenda("beoordeling"), 60)
        store.conclude(appraisal.id, "2026-11-10")
        publish(store, appraisal.id)
        store.hand_over(appraisal.id, "email", 21)
        progress = store.create_conversation(joris.id, builtin_agenda("voortgang"), 45)
        store.conclude(progress.id, None)
        publish(store, progress.id)
    finally:
        store.close()
    return db_path


# --- (a) the organisation's name where the user reads the kind -------------------------

def test_show_due_and_invite_name_the_kind_as_the_organisation_does(config_dir, team,
                                                                      tmp_path):
    assert invoke("show", 1, "--db", team).stdout.startswith("Beoordelingsgesprek met")
    _name_it(config_dir)
    shown = invoke("show", 1, "--db", team)
    assert shown.stdout.startswith("Jaargesprek met Joris Bakker (gesprek 1)"), shown.output
    assert json.loads(invoke("show", 1, "--json", "--db", team).stdout)["kind"] == "beoordeling"

    out = tmp_path / "uitnodiging.ics"
    made = invoke("invite", "Joris Bakker", "--kind", "beoordeling", "--date", "2026-12-01",
                  "--time", "10:00", "-o", out, "--db", team, env=TODAY)
    assert made.exit_code == 0, made.output
    event = next(c for c in Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert str(event["SUMMARY"]) == "Jaargesprek met Joris Bakker"
    assert str(event["DESCRIPTION"]).startswith("jaargesprek met Joris Bakker")
    assert "-beoordeling-2026-12-01-" in str(event["UID"])  # the identifier, not the name


def test_due_names_the_kind_of_a_next_evaluation_as_chosen(config_dir, db_path):
    store = _open(db_path)
    try:
        joris = store.add_person("Joris Bakker")
        c = store.create_conversation(joris.id, builtin_agenda("beoordeling"), 60)
        store.conclude(c.id, "2026-11-10")
    finally:
        store.close()
    assert "na beoordelingsgesprek" in invoke("due", "--db", db_path, env=TODAY).stdout
    _name_it(config_dir)
    due = invoke("due", "--db", db_path, env=TODAY).stdout
    assert "volgende evaluatie (na jaargesprek, gesprek 1)" in due, due
    assert "beoordelingsgesprek" not in due
    data = json.loads(invoke("due", "--json", "--db", db_path, env=TODAY).stdout)["due"]
    assert {d["conversation_kind"] for d in data} == {"beoordeling"}


def test_the_preparation_forms_title_the_chosen_name_and_still_read_back(config_dir, team,
                                                                         tmp_path):
    _name_it(config_dir)
    form = invoke("prepare", "Joris Bakker", "--kind", "jaargesprek", "-o",
                  tmp_path / "v.md", "--db", team)
    assert form.exit_code == 0, form.output
    text = (tmp_path / "v.md").read_text(encoding="utf-8")
    assert text.startswith("# Voorbereiding op je jaargesprek\n")
    assert "om je jaargesprek voor te bereiden" in text
    assert "Voorbereiding: beoordelingsgesprek · Joris Bakker" in text  # read back by this
    _name_it(config_dir, "R&O-gesprek")  # renamed later: the form still reads back
    assert parse_preparation(text, "Joris Bakker", "beoordeling").kind == "beoordeling"

    _name_it(config_dir)
    draft = invoke("prepare", "Joris Bakker", "--kind", "beoordeling", "--assessment", "-o",
                   tmp_path / "c.md", "--db", team)
    assert draft.exit_code == 0, draft.output
    drafted = (tmp_path / "c.md").read_text(encoding="utf-8")
    assert drafted.startswith("# Jaargesprek voorbereiden: Joris Bakker\n")
    assert "Concept beoordeling: beoordelingsgesprek · Joris Bakker" in drafted
    read = invoke("draft", "read", "Joris Bakker", tmp_path / "c.md", "--db", team)
    assert read.exit_code == 0, read.output
    english = invoke("--lang", "en", "draft", "form", "Joris Bakker", "-o", tmp_path / "e.md",
                     "--db", team)
    assert english.exit_code == 0, english.output
    assert (tmp_path / "e.md").read_text(encoding="utf-8").startswith(
        "# Jaargesprek preparation: Joris Bakker\n")


def test_issued_minutes_stay_byte_identical_whatever_the_name_and_wording(config_dir, team):
    """The minutes of a handed-over beoordeling, re-rendered: the same bytes with or
    without a chosen name, and their hand-over line as issued ("reactie"), although
    every screen and command now says "bezwaar" for it."""
    before = invoke("export", 1, "-o", "-", "--db", team).stdout_bytes
    assert b"Beoordelingsgesprek met Joris Bakker" in before
    assert b"reactie mogelijk tot 23 november 2026." in before
    _name_it(config_dir)
    assert invoke("export", 1, "-o", "-", "--db", team).stdout_bytes == before
    assert b"Jaargesprek" not in before


# --- (c) the objection wording, and the term said once ---------------------------------

def test_a_beoordeling_s_hand_over_speaks_of_the_objection_term(db_path):
    store = _open(db_path)
    try:
        joris = store.add_person("Joris Bakker")
        for kind in ("beoordeling", "voortgang"):
            c = store.create_conversation(joris.id, builtin_agenda(kind), 60)
            store.conclude(c.id, None)
    finally:
        store.close()
    appraisal = invoke("handover", 1, "--via", "email", "--db", db_path)
    assert appraisal.exit_code == 0, appraisal.output
    assert "bezwaar mogelijk tot en met" in appraisal.stdout
    assert "reactie" not in appraisal.stdout
    other = invoke("handover", 2, "--via", "email", "--db", db_path)
    assert "reactie mogelijk tot" in other.stdout and "bezwaar" not in other.stdout

    shown = invoke("show", 1, "--db", db_path).stdout
    assert "via e-mail, bezwaar mogelijk tot en met" in shown and "reactie" not in shown
    assert "via e-mail, reactie mogelijk tot" in invoke("show", 2, "--db", db_path).stdout
    english = invoke("--lang", "en", "show", 1, "--db", db_path).stdout
    assert "objection possible until" in english and "reaction" not in english


def test_appraisal_status_gives_the_objection_term_once(team):
    status = invoke("appraisal", "status", 1, "--db", team)
    assert status.exit_code == 0, status.output
    assert status.stdout.count("bezwaar mogelijk tot en met 23 november 2026") == 1
    assert "definitieve uitslag uiterlijk 21 december 2026" in status.stdout
    assert invoke("show", 1, "--db", team).stdout.count("tot en met 23 november 2026") == 2
    # (once in the hand-over line of the sign-off, once in the procedure)


# --- (d) every running term by default, and goal steps ---------------------------------

def test_due_lists_every_running_term_by_default_and_a_window_when_given(team):
    store = _open(team)
    try:
        conversation = store.create_conversation(store.find_person("Joris Bakker").id,
                                                 builtin_agenda("voortgang"), 45)
        store.add_agreement(conversation.id, "Later afgesproken", "employee", "2026-11-30")
    finally:
        store.close()
    lines = invoke("due", "--db", team, env=TODAY).stdout.splitlines()
    assert any(line.startswith("2026-11-23  over 21 dagen") and "bezwaartermijn" in line
               for line in lines), lines
    assert any(line.startswith("2026-12-21  over 49 dagen") and "definitief" in line
               for line in lines), lines
    assert not any("Later afgesproken" in line for line in lines)  # 28 days: not a term
    assert [line[:10] for line in lines[1:]] == sorted(line[:10] for line in lines[1:])

    data = json.loads(invoke("due", "--json", "--db", team, env=TODAY).stdout)["due"]
    assert {d["kind"] for d in data} >= {"objection", "final"}
    window = invoke("due", "--within", "14d", "--db", team, env=TODAY).stdout
    assert "bezwaartermijn" not in window and "definitief" not in window
    wide = invoke("due", "--within", "1m", "--db", team, env=TODAY).stdout
    assert "bezwaartermijn" in wide and "Later afgesproken" in wide
    assert "definitief" not in wide  # 49 days: outside the window asked for

    helped = invoke("due", "--help").stdout
    assert "elke lopende termijn" in helped and "21 dagen" in " ".join(helped.split())


def test_due_lists_the_dated_steps_of_open_goals(db_path, tmp_path):
    store = _open(db_path, day=2)
    try:
        joris, aylin = store.add_person("Joris Bakker"), store.add_person("Aylin Yılmaz")
        setting = store.create_conversation(joris.id, builtin_agenda("doelstelling"), 60)
        open_goal = store.add_goal(setting.id, "resultaat", "Klantportaal live")
        late = store.add_step(open_goal.id, "Proef met tien klanten", "2026-10-15")
        soon = store.add_step(open_goal.id, "Livegang", "2026-11-07")
        store.add_step(open_goal.id, "Evaluatie", "2027-03-01")  # outside 14 days
        store.add_step(open_goal.id, "Zonder datum")
        ticked = store.add_step(open_goal.id, "Al gedaan", "2026-10-01")
        store.tick_step(ticked.id, setting.id, True)
        reached = store.add_goal(setting.id, "ontwikkeling", "Cursus")
        store.add_step(reached.id, "Inschrijven", "2026-10-20")
        store.conclude(setting.id, None)
        later = store.create_conversation(joris.id, builtin_agenda("voortgang"), 45)
        store.review_goal(later.id, reached.id, "behaald")
        store.conclude(later.id, None)
        elsewhere = store.create_conversation(aylin.id, builtin_agenda("doelstelling"), 60)
        other = store.add_goal(elsewhere.id, "resultaat", "Aylins doel")
        store.add_step(other.id, "Aylins stap", "2026-11-05")
    finally:
        store.close()

    lines = invoke("due", "--employee", "Joris Bakker", "--db", db_path,
                   env=TODAY).stdout.splitlines()
    assert lines[1:] == [
        f"2026-10-15  18 dagen te laat  Joris Bakker          stap van doel {open_goal.id}: "
        "Proef met tien klanten",
        f"2026-11-07  over 5 dagen      Joris Bakker          stap van doel {open_goal.id}: "
        "Livegang"]
    data = json.loads(invoke("--lang", "en", "due", "--json", "--db", db_path,
                             env=TODAY).stdout)["due"]
    steps = [(d["employee"], d["goal_id"], d["step_id"], d["due_date"], d["overdue"],
              d["text"], d["agreement_id"]) for d in data if d["kind"] == "goal_step"]
    assert steps == [
        ("Joris Bakker", open_goal.id, late.id, "2026-10-15", True, "Proef met tien klanten",
         None),
        ("Aylin Yılmaz", other.id, steps[1][2], "2026-11-05", False, "Aylins stap", None),
        ("Joris Bakker", open_goal.id, soon.id, "2026-11-07", False, "Livegang", None)]
    english = invoke("--lang", "en", "due", "--db", db_path, env=TODAY).stdout
    assert f"step of goal {open_goal.id}: Livegang" in english

    # the calendar file holds no goal steps (a ticked one would never be cancelled)
    out = tmp_path / "t.ics"
    assert invoke("calendar", "-o", out, "--db", db_path, env=TODAY).exit_code == 0
    summaries = [str(e["SUMMARY"]) for e in
                 Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert not any("stap van doel" in s for s in summaries)


def test_the_start_screen_s_count_and_head_include_goal_steps(db_path):
    store = _open(db_path)
    try:
        joris = store.add_person("Joris Bakker")
        setting = store.create_conversation(joris.id, builtin_agenda("doelstelling"), 60)
        goal = store.add_goal(setting.id, "resultaat", "Doel")
        for n in range(3):
            store.add_step(goal.id, f"Stap {n}", f"2026-10-0{n + 1}")
        store.add_agreement(setting.id, "Afspraak", "employee", "2026-10-02")
        full = store.due("2026-11-02", 14)
        assert store.due_count("2026-11-02", 14) == len(full) == 4
        assert store.due("2026-11-02", 14, limit=2) == full[:2]
        # by date; on one day a goal's step before an agreement (no agreement number)
        assert [i.kind for i in full] == ["goal_step", "goal_step", "agreement", "goal_step"]
    finally:
        store.close()


# --- (e) the other names of the kinds in --help ----------------------------------------

@pytest.mark.parametrize("command", [("invite",), ("prepare",), ("templates", "copy")])
def test_help_of_every_command_taking_a_kind_lists_the_other_names(command, gespreks_script,
                                                                   clean_env, tmp_path):
    dutch = " ".join(invoke(*command, "--help").stdout.split())
    for alias, kind in ALIASES.items():
        assert f"{alias} ({kind})" in dutch, (alias, dutch)
    assert "beoordeling" in dutch and "config.toml" in dutch
    # help texts are made in the run's language, as it starts: English in a run of its own
    run = subprocess.run([str(gespreks_script), "--lang", "en", *command, "--help"],
                         capture_output=True, text=True, env=clean_env, cwd=tmp_path,
                         timeout=60)
    english = " ".join(run.stdout.split())
    assert "goal-setting, progress, performance-review and appraisal" in english, english
    assert "planningsgesprek (doelstelling)" in english
    assert all(resolve(word) is not None for word in
               ("goal-setting", "progress", "performance-review", "appraisal"))


@pytest.mark.parametrize("objection, said", [
    (False, "Ondertekening: uitgereikt, geen bezwaar"),
    (True, "Ondertekening: uitgereikt, geen reactie"),  # objected: not "no objection"
])
def test_after_the_term_show_says_no_objection_only_without_one(team, objection, said):
    from gespreks_tui.cli.minutes_render import sign_off_text

    store = _open(team)
    try:
        if objection:
            store.record_objection(1, "Niet eens met punt 2")
        store.clock.advance(30 * 24 * 3600)  # past the objection term (23 november)
        lines = sign_off_text(store.conversation_record(1))
    finally:
        store.close()
    assert lines[0].strip() == said
