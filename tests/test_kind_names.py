"""Other names of the kinds (issue 18): aliases on the command line and in templates,
the name an organisation chose in ``config.toml``, shown where a kind is named."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cli_helpers import invoke, one_line_failure
from gespreks_tui import config
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.kind_aliases import resolve, stems
from gespreks_tui.kind_names import UnknownKind, kind_name, resolve_kind
from gespreks_tui.model import Kind
from gespreks_tui.settings import MANAGER_SETTING
from gespreks_tui.store import Store
from gespreks_tui.templates import load_agenda

NAMES = {
    "planningsgesprek": Kind.DOELSTELLING, "Planningsgesprek": Kind.DOELSTELLING,
    "planning": Kind.DOELSTELLING, "doelstellingengesprek": Kind.DOELSTELLING,
    "doelstelling": Kind.DOELSTELLING, "goal-setting conversation": Kind.DOELSTELLING,
    "voortgangsgesprek": Kind.VOORTGANG, "VOORTGANG": Kind.VOORTGANG,
    "progress": Kind.VOORTGANG, "voortgangs-gesprek": Kind.VOORTGANG,
    "jaargesprek": Kind.FUNCTIONERING, "jaar-gesprek": Kind.FUNCTIONERING,
    "personeelsgesprek": Kind.FUNCTIONERING, "ontwikkelgesprek": Kind.FUNCTIONERING,
    "ontwikkelingsgesprek": Kind.FUNCTIONERING, "functioneringsgesprek": Kind.FUNCTIONERING,
    "performance review": Kind.FUNCTIONERING, "functionering": Kind.FUNCTIONERING,
    "beoordelingsgesprek": Kind.BEOORDELING, "Appraisal": Kind.BEOORDELING,
    "beoordeling": Kind.BEOORDELING,
}


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("GESPREKS_CONFIG", str(folder))
    config.reset()
    yield folder
    config.reset()


def _write_config(folder: Path, text: str) -> None:
    (folder / "config.toml").write_text(text, encoding="utf-8")
    config.reset()


@pytest.mark.parametrize("text, kind", NAMES.items())
def test_every_name_and_alias_reads_as_its_kind(text, kind):
    assert resolve(text) == kind


@pytest.mark.parametrize("text", ["", "gesprek", "sollicitatie", "exitgesprek", "jaar x"])
def test_other_words_name_no_kind(text):
    assert resolve(text) is None


def test_endings_and_linking_letters_come_off():
    assert stems("Doelstellingen-gesprek") == ("doelstellingengesprek", "doelstellingen",
                                               "doelstelling")
    assert "personeel" in stems("personeelsgesprek")


def test_the_catalogue_names_of_every_kind_read_back():
    from gespreks_tui.catalogue import t

    for kind in Kind:
        for lang in ("nl", "en"):
            assert resolve(t(f"kind.{kind}", lang=lang)) == kind
            assert resolve(t(f"kind_short.{kind}", lang=lang)) == kind


def test_a_chosen_name_wins_over_an_alias(config_dir):
    assert resolve_kind("jaargesprek") == Kind.FUNCTIONERING
    _write_config(config_dir, '[kinds.beoordeling]\nname = "Jaargesprek"\n')
    assert resolve_kind("jaargesprek") == Kind.BEOORDELING
    assert resolve_kind("functioneringsgesprek") == Kind.FUNCTIONERING
    assert kind_name(Kind.BEOORDELING) == "Jaargesprek"
    assert kind_name(Kind.VOORTGANG) == "voortgangsgesprek"
    with pytest.raises(UnknownKind):
        resolve_kind("sollicitatie")


def test_the_name_setting_is_read_and_checked(config_dir):
    _write_config(config_dir, '[kinds.planningsgesprek]\nname = " planningsgesprek "\n'
                  'length = 50\n')
    found = config.current()
    assert found.problem is None
    assert found.kind(Kind.DOELSTELLING).name == "planningsgesprek"
    assert found.kind(Kind.DOELSTELLING).length == 50
    assert kind_name("doelstelling", short=True) == "Planningsgesprek"


@pytest.mark.parametrize("text, key, line", [
    ('[kinds.beoordeling]\nname = "voortgangsgesprek"\n', "kinds.beoordeling.name", 2),
    ('[kinds.doelstelling]\nname = "R&O"\n[kinds.voortgang]\nname = "r&o-gesprek"\n',
     "kinds.voortgang.name", 4),
    ('[kinds.voortgang]\nname = "x"\n[kinds.voortgangsgesprek]\nlength = 30\n',
     "kinds.voortgangsgesprek", 3),
    ('[kinds.voortgang]\nname = "' + "lang" * 11 + '"\n', "kinds.voortgang.name", 2),
    ('[kinds.voortgang]\nname = ""\n', "kinds.voortgang.name", 2),
    ('[kinds.voortgang]\nname = "VG \\u001b[31m"\n', "kinds.voortgang.name", 2),
    ('[kinds.voortgang]\nname = "[b]VG[/b]"\n', "kinds.voortgang.name", 2),
    ('[kinds.sollicitatie]\nlength = 30\n', "kinds.sollicitatie", 1),
])
def test_a_bad_name_is_one_problem_and_the_defaults(config_dir, text, key, line):
    _write_config(config_dir, text)
    found = config.current()
    assert found.problem is not None and (found.problem.key, found.problem.line) == (key, line)
    assert found.kinds == {}
    assert kind_name(Kind.VOORTGANG) == "voortgangsgesprek"


# --- the command line ------------------------------------------------------------------

@pytest.fixture
def team(db_path: Path) -> Path:
    store = Store.open(db_path, clock=FakeClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC)))
    try:
        store.set_setting(MANAGER_SETTING, "Sanne de Vries")
        store.add_person("Joris Bakker")
    finally:
        store.close()
    return db_path


@pytest.mark.parametrize("alias, title", [
    ("planningsgesprek", "Doelstellingengesprek"), ("jaargesprek", "Functioneringsgesprek"),
    ("personeelsgesprek", "Functioneringsgesprek"), ("ontwikkelgesprek", "Functioneringsgesprek"),
    ("Beoordelingsgesprek", "Beoordelingsgesprek"), ("progress", "Voortgangsgesprek"),
])
def test_prepare_takes_every_alias(team, alias, title):
    result = invoke("prepare", "Joris Bakker", "--kind", alias, "--db", team)
    assert result.exit_code == 0, result.output
    assert f"Voorbereiding: {title.lower()} · Joris Bakker" in result.stdout


def test_an_unknown_kind_is_one_line_with_the_choices_and_aliases(team):
    for args in (("prepare", "Joris Bakker", "--kind", "sollicitatie"),
                 ("templates", "copy", "sollicitatie"),
                 ("invite", "Joris Bakker", "--kind", "sollicitatie", "--date", "2026-12-01",
                  "--time", "10:00", "-o", "-")):
        line = one_line_failure(invoke(*args, "--db", team), 2)
        assert "'sollicitatie' is geen gesprekssoort" in line
        assert "doelstelling, voortgang, functionering, beoordeling" in line
        assert "planningsgesprek, jaargesprek, personeelsgesprek, ontwikkelgesprek" in line
    english = one_line_failure(invoke("prepare", "Joris Bakker", "--kind", "x", "--lang", "en",
                                      "--db", team), 2)
    assert "'x' is not a conversation kind; choose from" in english


def test_prepare_assessment_takes_an_alias_of_beoordeling(team, config_dir):
    _write_config(config_dir, '[kinds.beoordeling]\nname = "R&O-gesprek"\n')
    result = invoke("prepare", "Joris Bakker", "--kind", "r&o", "--assessment", "--db", team)
    assert result.exit_code == 0, result.output
    refused = invoke("prepare", "Joris Bakker", "--kind", "jaargesprek", "--assessment",
                     "--db", team)
    assert "--assessment" in one_line_failure(refused, 1)


def test_templates_copy_takes_an_alias_and_says_the_chosen_name(config_dir):
    _write_config(config_dir, '[kinds.doelstelling]\nname = "planningsgesprek"\n')
    result = invoke("templates", "copy", "planningsgesprek")
    assert result.exit_code == 0, result.output
    assert (config_dir / "templates" / "doelstelling.nl.md").exists()
    assert "voor het planningsgesprek (nl)" in result.stdout


def test_invite_takes_an_alias(team, tmp_path):
    result = invoke("invite", "Joris Bakker", "--kind", "jaargesprek", "--date", "2026-12-01",
                    "--time", "10:00", "-o", tmp_path / "x.ics", "--db", team)
    assert result.exit_code == 0, result.output
    assert "SUMMARY:Functioneringsgesprek" in (tmp_path / "x.ics").read_text()


def test_completion_offers_the_aliases(team):
    from click.shell_completion import ShellComplete

    from gespreks_tui.cli import build_cli

    words = ShellComplete(build_cli(), {}, "gespreks", "_GESPREKS_COMPLETE") \
        .get_completions(["prepare", "Joris", "--kind"], "p")
    assert [w.value for w in words] == ["planningsgesprek", "personeelsgesprek"]


# --- templates -------------------------------------------------------------------------

def test_a_template_file_may_name_its_kind_by_an_alias(config_dir):
    folder = config_dir / "templates"
    folder.mkdir()
    (folder / "Planningsgesprek.nl.md").write_text(
        "# Planningsgesprek\n\n## Doelen (40 min)\n\n- Wat wil je bereiken?\n",
        encoding="utf-8")
    agenda, problems = load_agenda(Kind.DOELSTELLING, "nl")
    assert problems == [] and agenda.title == "Planningsgesprek"
    assert agenda.kind == Kind.DOELSTELLING and agenda.total_minutes == 40
    listed = invoke("templates", "--json")
    entry = next(i for i in json.loads(listed.stdout)["templates"]
                 if (i["kind"], i["language"]) == ("doelstelling", "nl"))
    assert entry["source"].endswith("Planningsgesprek.nl.md")


def test_a_template_under_an_alias_and_its_own_name_is_a_duplicate(config_dir):
    folder = config_dir / "templates"
    folder.mkdir()
    for name in ("jaargesprek.nl.md", "functionering.nl.md"):
        (folder / name).write_text("# F\n\n## A (30 min)\n\n- Vraag?\n", encoding="utf-8")
    agenda, problems = load_agenda(Kind.FUNCTIONERING, "nl")
    assert len(problems) == 1 and "jaargesprek.nl.md" in str(problems[0])


def test_a_template_file_with_an_unknown_kind_names_the_file_and_the_aliases(config_dir):
    folder = config_dir / "templates"
    folder.mkdir()
    (folder / "exitgesprek.nl.md").write_text("# E\n\n## A (30 min)\n\n- Vraag?\n")
    listed = invoke("templates")
    problem = next(line for line in listed.stdout.splitlines() if "exitgesprek" in line)
    assert problem.strip().startswith(str(folder / "exitgesprek.nl.md") + ":")
    assert "onbekende gesprekssoort 'exitgesprek'" in problem and "jaargesprek" in problem


# --- shown in the user's wording -------------------------------------------------------

def test_list_shows_the_chosen_name_and_json_keeps_the_identifier(config_dir, team):
    store = Store.open(team, clock=FakeClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC)))
    try:
        joris = store.find_person("Joris Bakker")
        store.create_conversation(joris.id, builtin_agenda("doelstelling"), 60)
        store.create_conversation(joris.id, builtin_agenda("voortgang"), 60)
    finally:
        store.close()
    before = invoke("list", "--db", team).stdout
    assert "doelstelling" in before and "planningsgesprek" not in before  # short: 80 col
    _write_config(config_dir, '[kinds.doelstelling]\nname = "planningsgesprek"\n')
    after = invoke("list", "--db", team).stdout
    assert "planningsgesprek" in after and "doelstelling" not in after
    assert "voortgang" in after
    data = json.loads(invoke("list", "--json", "--db", team).stdout)
    assert {c["kind"] for c in data["conversations"]} == {"doelstelling", "voortgang"}


def test_the_minutes_keep_the_catalogue_name(config_dir, team):
    store = Store.open(team, clock=FakeClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC)))
    try:
        joris = store.find_person("Joris Bakker")
        c = store.create_conversation(joris.id, builtin_agenda("doelstelling"), 60)
        store.conclude(c.id, None)
    finally:
        store.close()
    _write_config(config_dir, '[kinds.doelstelling]\nname = "planningsgesprek"\n')
    minutes = invoke("export", str(c.id), "-o", "-", "--db", team)
    assert minutes.exit_code == 0, minutes.output
    assert "Doelstellingengesprek" in minutes.stdout
    assert "lanningsgesprek" not in minutes.stdout


def test_a_chosen_name_keeps_its_capitals_inside_a_list_line(config_dir):
    """A list line names the kind in lower case ("voortgang"), but a chosen name as the
    organisation writes it: "R&O-gesprek", never "r&o-gesprek"."""
    from gespreks_tui import catalogue
    from gespreks_tui.kind_names import kind_word
    from gespreks_tui.tui.format import history_line

    catalogue.set_language("nl")
    _write_config(config_dir, '[kinds.functionering]\nname = "R&O-gesprek"\n')
    assert kind_word(Kind.FUNCTIONERING) == "R&O-gesprek"
    assert kind_word(Kind.VOORTGANG) == "voortgang"

    class Row:
        date, kind, status, open_agreements, time_zone = (
            "2026-06-10T12:00:00+00:00", "functionering", "concluded", 1, "UTC")

    assert "R&O-gesprek" in history_line(Row, "nl", 30)
