"""``gespreks appraisal …`` and ``gespreks due`` for the appraisal procedure (issue 18):
exit codes, one-line refusals on stderr, ``--json`` with ``"format": 1``, the terms
from ``config.toml``, English."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cli_helpers import invoke, one_line_failure, row_counts
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.minutes import publish
from gespreks_tui.settings import MANAGER_SETTING
from gespreks_tui.store import Store


@pytest.fixture
def team(db_path: Path) -> Path:
    """Conversation 1: a concluded beoordeling; 2: a concluded voortgang."""
    store = Store.open(db_path, clock=FakeClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC)))
    try:
        store.set_setting(MANAGER_SETTING, "Sanne de Vries")
        joris = store.add_person("Joris Bakker")
        for kind in ("beoordeling", "voortgang"):
            c = store.create_conversation(joris.id, builtin_agenda(kind), 60)
            store.conclude(c.id, None)
    finally:
        store.close()
    return db_path


@pytest.fixture
def configured(tmp_path: Path) -> dict[str, str]:
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "config.toml").write_text(
        "[kinds.beoordeling]\nobjection_days = 10\nfinal_days = 5\nsecond_assessor = true\n",
        encoding="utf-8")
    return {"GESPREKS_CONFIG": str(folder)}


def test_the_procedure_step_by_step_on_the_command_line(team, configured):
    def run(*args):
        return invoke("appraisal", *args, "--db", team, env=configured)

    status = run("status", 1)
    assert status.exit_code == 0 and "Beoordelingsprocedure: besproken" in status.stdout
    assert "voorlopige uitslag uiterlijk 16 november 2026" in status.stdout  # default 14
    refused = run("objection", 1, "--text", "Te vroeg")
    assert "appraisal provisional 1" in one_line_failure(refused, 1)

    handed = run("provisional", 1, "--via", "email")
    assert handed.exit_code == 0, handed.output
    assert "bezwaar mogelijk tot en met" in handed.stdout  # today + 10 days (configured)
    assert run("objection", 1, "--text", "Niet eens met punt 2").exit_code == 0
    assert "tweede beoordelaar" in one_line_failure(run("final", 1), 1)
    assert "--agrees of --disagrees" in one_line_failure(
        run("second-assessor", 1, "--name", "Anna Smit"), 1)
    assert "leidinggevende" in one_line_failure(
        run("second-assessor", 1, "--name", "Sanne de Vries", "--agrees"), 1)
    before = row_counts(team)["appraisal_steps"]
    agreed = run("second-assessor", 1, "--name", "Anna Smit", "--agrees", "--remark", "Prima")
    assert agreed.exit_code == 0 and "akkoord" in agreed.stdout
    assert row_counts(team)["appraisal_steps"] == before + 1
    assert run("final", 1).exit_code == 0
    assert "al definitief" in one_line_failure(run("final", 1), 1)

    data = json.loads(run("status", 1, "--json").stdout)
    assert list(data)[:3] == ["format", "conversation_id", "state"]
    assert (data["format"], data["state"], data["second_assessor_required"]) == (
        1, "definitief", True)
    assert [s["state"] for s in data["steps"]] == [
        "besproken", "voorlopig", "bezwaar", "second_assessor", "definitief"]
    shown = invoke("show", 1, "--db", team, env=configured).stdout
    assert "Beoordelingsprocedure: definitief" in shown and "Niet eens met punt 2" in shown
    assert json.loads(invoke("show", 1, "--json", "--db", team).stdout)["procedure"][
        "state"] == "definitief"


def test_other_kinds_and_unknown_conversations_are_one_line(team):
    line = one_line_failure(invoke("appraisal", "final", 2, "--db", team), 1)
    assert "voortgangsgesprek" in line and "beoordelingsgesprek" in line
    assert "999" in one_line_failure(invoke("appraisal", "status", 999, "--db", team))
    assert "procedure" not in json.loads(invoke("show", 2, "--json", "--db", team).stdout)


def test_due_lists_the_running_terms_with_days_left(team, configured):
    listed = invoke("due", "--db", team, env={**configured, "GESPREKS_TODAY": "2026-11-10"})
    assert "over 6 dagen" in listed.stdout and "voorlopige beoordeling uitreiken" in \
        listed.stdout
    invoke("appraisal", "provisional", 1, "--via", "paper", "--term", "3", "--db", team,
           env=configured)
    data = json.loads(invoke("due", "--json", "--within", "12m", "--db", team,
                             env=configured).stdout)
    kinds = [item["kind"] for item in data["due"]]
    assert kinds == ["objection", "final"]  # the reaction term is the objection term here
    objection, final = data["due"]
    assert (objection["conversation_id"], objection["conversation_kind"]) == (1, "beoordeling")
    assert final["days"] - objection["days"] == 5  # final_days from the configuration


def test_english_and_help(team):
    result = invoke("appraisal", "status", 1, "--lang", "en", "--db", team)
    assert "Appraisal procedure: discussed" in result.stdout
    helped = invoke("appraisal", "--help")
    for command in ("provisional", "objection", "second-assessor", "final", "status"):
        assert command in helped.stdout
    assert "calendar" in invoke("--help").stdout and "invite" in invoke("--help").stdout


def test_a_plain_handover_of_a_beoordeling_starts_its_objection_term(team, configured):
    handed = invoke("handover", 1, "--via", "email", "--db", team,
                    env={**configured, "GESPREKS_TODAY": "2026-11-02"})
    assert handed.exit_code == 0, handed.output
    data = json.loads(invoke("appraisal", "status", 1, "--json", "--db", team,
                             env=configured).stdout)
    store = Store.open(team)
    try:
        handover = store.conversation_record(1).handovers[0]
    finally:
        store.close()
    assert handover.term_days == 10  # objection_days of the configuration, not 14
    assert data["objection_due_date"] == handover.until and data["state"] == "voorlopig"
    other = invoke("handover", 2, "--via", "email", "--db", team, env=configured)
    assert other.exit_code == 0
    store = Store.open(team)
    try:
        assert store.conversation_record(2).handovers[0].term_days == 14  # reaction term
    finally:
        store.close()


def test_a_late_objection_is_recorded_and_its_term_told_as_a_date(team, configured):
    """Handed over on 2 November with a 10-day term; the objection comes today (later):
    recorded, and the warning names the last day in words, not as YYYY-MM-DD."""
    store = Store.open(team, clock=FakeClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC)))
    try:
        publish(store, 1)
        store.hand_over(1, "email", 10)
    finally:
        store.close()
    late = invoke("appraisal", "objection", 1, "--text", "Te laat, maar toch", "--db", team,
                  env=configured)
    assert late.exit_code == 0, late.output
    assert "te laat" in late.stderr and "12 november 2026" in late.stderr
    assert "2026-11-12" not in late.stderr
