"""A beoordeling's procedure state in ``gespreks list``, the ids of ``appraisal status
--json``, and an invitation's default length (issue 18)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from cli_helpers import invoke
from gespreks_tui import config as user_config
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.settings import MANAGER_SETTING
from gespreks_tui.store import Store


@pytest.fixture
def team(db_path: Path) -> Path:
    """Conversation 1: a concluded beoordeling; 2: a concluded voortgang; 3: a running
    beoordeling."""
    store = Store.open(db_path, clock=FakeClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC)))
    try:
        store.set_setting(MANAGER_SETTING, "Sanne de Vries")
        joris = store.add_person("Joris Bakker")
        for kind in ("beoordeling", "voortgang"):
            c = store.create_conversation(joris.id, builtin_agenda(kind), 60)
            store.conclude(c.id, None)
        store.create_conversation(joris.id, builtin_agenda("beoordeling"), 60)
    finally:
        store.close()
    return db_path


def _status_column(db: Path, conversation_id: int) -> str:
    lines = invoke("list", "--db", db).stdout.splitlines()
    at = next(n for n, line in enumerate(lines) if line.split()[:1] == [str(conversation_id)])
    end = next((n for n in range(at + 1, len(lines)) if lines[n][:4].strip()), len(lines))
    return " ".join(" ".join(lines[at:end]).split())  # with its wrapped lines (80 columns)


def _listed(db: Path) -> dict[int, dict]:
    data = json.loads(invoke("list", "--json", "--db", db).stdout)
    return {c["id"]: c for c in data["conversations"]}


def test_list_shows_where_the_appraisal_procedure_stands(team):
    def run(*args):
        result = invoke("appraisal", *args, "--db", team)
        assert result.exit_code == 0, result.output

    assert "besproken" in _status_column(team, 1)
    assert _listed(team)[1]["procedure_state"] == "besproken"
    run("provisional", 1, "--via", "email")
    assert "voorlopig vastgesteld" in _status_column(team, 1)
    assert "uitgereikt" not in _status_column(team, 1)
    listed = _listed(team)[1]
    assert (listed["procedure_state"], listed["sign_off"]) == ("voorlopig", "handed_over")
    run("objection", 1, "--text", "Niet eens")
    assert "bezwaar ingediend" in _status_column(team, 1)
    run("final", 1)
    assert "definitief" in _status_column(team, 1)
    data = _listed(team)
    assert data[1]["procedure_state"] == "definitief" and data[1]["status"] == "concluded"
    assert "procedure_state" not in data[2]  # a voortgang has no procedure
    assert data[3]["procedure_state"] == "concept"  # running: the table keeps its status
    assert "afgerond" in _status_column(team, 2) and "bezig" in _status_column(team, 3)
    assert list(data[1]) == ["id", "started_at", "kind", "employee", "manager", "status",
                             "open_agreements", "sign_off", "procedure_state"]


def test_appraisal_status_json_gives_no_made_up_ids(team):
    invoke("appraisal", "provisional", 1, "--via", "email", "--db", team)
    invoke("appraisal", "objection", 1, "--text", "Niet eens", "--db", team)
    steps = json.loads(invoke("appraisal", "status", 1, "--json", "--db", team).stdout)["steps"]
    assert [(s["state"], s["id"]) for s in steps][:2] == [("besproken", None),
                                                          ("voorlopig", None)]
    stored = [s["id"] for s in steps if s["id"] is not None]
    assert stored and len(set(stored)) == len(stored) and 0 not in stored


def _invite_minutes(db: Path, tmp_path: Path, *extra: str, env: dict | None = None) -> int:
    path = tmp_path / "uitnodiging.ics"
    result = invoke("invite", "Joris Bakker", "--kind", "beoordeling", "--date", "2026-12-01",
                    "--time", "10:00", "-o", path, "--db", db, *extra, env=env)
    assert result.exit_code == 0, result.output
    [event] = icalendar.Calendar.from_ical(path.read_text()).walk("VEVENT")
    path.unlink()
    return (event["DTEND"].dt - event["DTSTART"].dt) // timedelta(minutes=1)


def test_invite_plans_the_length_of_the_kind_s_template(team, tmp_path):
    config = tmp_path / "config"
    (config / "templates").mkdir(parents=True)
    env = {"GESPREKS_CONFIG": str(config)}
    assert _invite_minutes(team, tmp_path, env=env) == builtin_agenda(
        "beoordeling").total_minutes  # the built-in template's
    (config / "templates" / "beoordeling.nl.md").write_text(
        "# Beoordeling\n\n## Terugblik (15 min)\n\n- Hoe ging het?\n\n"
        "## Afspraken (25 min)\n\n- Wat spreken we af?\n", encoding="utf-8")
    assert _invite_minutes(team, tmp_path, env=env) == 40  # the organisation's template
    (config / "config.toml").write_text("[kinds.beoordeling]\nlength = 50\n")
    user_config.reset()  # a run reads the file once; this test runs three
    assert _invite_minutes(team, tmp_path, env=env) == 50  # the configured length
    assert _invite_minutes(team, tmp_path, "--length", "75", env=env) == 75  # the option
