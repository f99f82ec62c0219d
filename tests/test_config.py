"""The configuration file: values, one line for a broken file, flags winning over it."""

from __future__ import annotations

import json

import pytest

from cli_helpers import invoke
from gespreks_tui import config, display_time
from gespreks_tui.catalogue import language
from gespreks_tui.cli import main
from gespreks_tui.config import KindDefaults, load

GOOD = """\
language = "en"
theme = "nord"
time_zone = "America/New_York"
reaction_term_days = 21

[backup]
automatic = false
keep = 3

[kinds.voortgang]
length = 30
owner = "employee"

[keys]
"meeting.previous_phase" = "f7"
meeting.next_phase = "f6"
"""


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("GESPREKS_CONFIG", str(folder))
    config.reset()
    yield folder
    config.reset()
    display_time.configured_zone = None


def test_no_file_is_the_defaults(config_dir):
    found = load()
    assert found.path == config_dir / "config.toml" and not found.exists
    assert found.problem is None and found.keys == {}
    assert found.term_days == 14 and found.keep == 7 and found.backups_on


def test_every_value_is_read(config_dir):
    (config_dir / "config.toml").write_text(GOOD)
    found = load()
    assert found.problem is None
    assert (found.language, found.theme, found.time_zone) == ("en", "nord", "America/New_York")
    assert found.term_days == 21 and found.keep == 3 and not found.backups_on
    assert found.kind("voortgang") == KindDefaults(30, "employee")
    assert found.kind("beoordeling") == KindDefaults()
    # quoted or as a dotted key: the same binding id
    assert found.keys == {"meeting.previous_phase": "f7", "meeting.next_phase": "f6"}


@pytest.mark.parametrize(("text", "line", "key", "words"), [
    ('language = "en"\ntheme = \n', 2, None, "TOML"),
    ('language = "de"\n', 1, "language", "nl, en"),
    ('[backup]\nautomatic = true\nkeep = "zeven"\n', 3, "backup.keep", "0 tot en met 365"),
    ('[kinds.voortgang]\nowner = "chef"\n', 2, "kinds.voortgang.owner", "employee"),
    ('[keys]\n"meeting.previous_phase" = "ctrl b"\n', 2, "keys.meeting.previous_phase", "toets"),
    ('colour = "red"\n', 1, "colour", "bestaat niet"),
    ('time_zone = "Mars/Olympus"\n', 1, "time_zone", "tijdzone"),
])
def test_a_broken_file_is_one_line_with_file_line_and_key(config_dir, text, line, key, words):
    path = config_dir / "config.toml"
    path.write_text(text)
    found = load()
    assert found.problem is not None
    assert found.language is None and found.keys == {}  # nothing of it is used
    shown = config.problem_line(found.problem)
    assert "\n" not in shown
    assert str(path) in shown and f"regel {line}" in shown and words in shown
    if key:
        assert f"'{key}'" in shown


def test_a_broken_file_still_runs_the_command_with_one_line(config_dir, db_path, capsys):
    (config_dir / "config.toml").write_text('language = "en"\n[backup\n')
    with pytest.raises(SystemExit) as done:
        main(["--db", str(db_path), "demo"])
    assert done.value.code == 0
    out, err = capsys.readouterr()
    assert "Voorbeeldteam" in out  # the defaults: Dutch
    assert err.count("\n") == 1 and "config.toml" in err and "regel 2" in err


def test_the_file_sets_the_language_but_flag_and_environment_win(config_dir, db_path, capsys,
                                                                 monkeypatch):
    (config_dir / "config.toml").write_text('language = "en"\n')
    with pytest.raises(SystemExit):
        main(["--db", str(db_path), "demo"])
    assert "Example team" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--db", str(db_path), "--lang", "nl", "list"])
    assert "medewerker" in capsys.readouterr().out
    monkeypatch.setenv("GESPREKS_LANG", "nl")
    with pytest.raises(SystemExit):
        main(["--db", str(db_path), "list"])
    assert "medewerker" in capsys.readouterr().out
    monkeypatch.delenv("GESPREKS_LANG")
    with pytest.raises(SystemExit):
        main(["--db", str(db_path), "list"])
    assert "employee" in capsys.readouterr().out


def test_the_time_zone_of_new_conversations(config_dir, db_path, monkeypatch, capsys):
    (config_dir / "config.toml").write_text('time_zone = "Asia/Tokyo"\n')
    with pytest.raises(SystemExit):
        main(["--db", str(db_path), "config", "--json"])
    capsys.readouterr()
    assert display_time.machine_zone() == "Europe/Amsterdam"  # $GESPREKS_TZ wins
    monkeypatch.delenv("GESPREKS_TZ")
    assert display_time.machine_zone({"TZ": "UTC"}) == "Asia/Tokyo"  # over the machine's


def test_the_reaction_term_is_the_handover_default(config_dir, demo_db, capsys):
    from gespreks_tui.store import Store

    (config_dir / "config.toml").write_text("reaction_term_days = 30\n")
    store = Store.open(demo_db)
    try:
        concluded = [c.id for c in store.list_conversations() if c.status == "concluded"][0]
    finally:
        store.close()
    with pytest.raises(SystemExit) as done:
        main(["--db", str(demo_db), "handover", str(concluded), "--via", "paper"])
    assert done.value.code == 0, capsys.readouterr()
    store = Store.open(demo_db)
    try:
        assert [h.term_days for h in store.conversation_record(concluded).handovers] == [30]
    finally:
        store.close()


def test_config_command_names_the_source_of_each_value(config_dir, db_path, monkeypatch):
    (config_dir / "config.toml").write_text(GOOD)
    result = invoke("--db", db_path, "config")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert str(config_dir / "config.toml") in lines[0] and "bestaat" in lines[0]
    assert "theme = nord   (configuratiebestand)" in lines
    assert "backup.keep = 3   (configuratiebestand)" in lines
    assert "reaction_term_days = 21   (configuratiebestand)" in lines
    assert 'keys."meeting.previous_phase" = f7   (configuratiebestand)' in lines
    assert "time_zone = Europe/Amsterdam   (omgevingsvariabele GESPREKS_TZ)" in lines
    assert "kinds.beoordeling.length = (niet ingesteld)   (agendasjabloon)" in lines

    monkeypatch.delenv("GESPREKS_TZ")
    assert "time_zone = America/New_York   (configuratiebestand)" in invoke(
        "--db", db_path, "config").output.splitlines()
    data = json.loads(invoke("--db", db_path, "--lang", "en", "config", "--json").output)
    assert data["format"] == 1 and data["problem"] is None
    assert data["settings"]["language"] == {"value": "en", "source": "option --lang"}
    assert data["settings"]["backup.automatic"] == {"value": False,
                                                    "source": "configuration file"}
    assert data["settings"]["kinds.beoordeling.owner"] == {"value": None,
                                                           "source": "the agreement form"}


def test_config_command_without_a_file(config_dir, db_path):
    result = invoke("--db", db_path, "config")
    assert result.exit_code == 0
    assert "bestaat nog niet" in result.output.splitlines()[0]
    assert "backup.keep = 7   (standaard)" in result.output
    assert "backup.automatic = true   (standaard)" in result.output
    assert not db_path.exists()  # only reads
    assert language() == "nl"


PROCEDURE = """\
[kinds.beoordeling]
objection_days = 21
final_days = 28
provisional_days = 14
second_assessor = true

[kinds.planningsgesprek]
name = "planningsgesprek"
invitation_days = 10
"""


def test_config_command_shows_the_procedure_and_the_names_in_effect(config_dir, db_path):
    (config_dir / "config.toml").write_text(PROCEDURE)
    lines = invoke("--db", db_path, "config").output.splitlines()
    for line in ("kinds.beoordeling.objection_days = 21   (configuratiebestand)",
                 "kinds.beoordeling.final_days = 28   (configuratiebestand)",
                 "kinds.beoordeling.provisional_days = 14   (configuratiebestand)",
                 "kinds.beoordeling.second_assessor = true   (configuratiebestand)",
                 "kinds.beoordeling.invitation_days = 14   (standaard)",
                 "kinds.beoordeling.name = beoordelingsgesprek   (standaard)",
                 "kinds.doelstelling.name = planningsgesprek   (configuratiebestand)",
                 "kinds.doelstelling.invitation_days = 10   (configuratiebestand)",
                 "kinds.voortgang.invitation_days = 14   (standaard)"):
        assert line in lines
    # The appraisal's other terms are for the beoordeling only.
    assert not [line for line in lines if line.startswith("kinds.voortgang.final_days")]
    settings = json.loads(invoke("--db", db_path, "--lang", "en", "config", "--json")
                          .output)["settings"]
    assert settings["kinds.beoordeling.second_assessor"] == {
        "value": True, "source": "configuration file"}
    assert settings["kinds.beoordeling.objection_days"]["value"] == 21
    assert settings["kinds.functionering.name"] == {"value": "performance review",
                                                    "source": "default"}
