"""The second assessor's name (issue 18) under the personnel data rights (issue 15).

The name recorded with ``appraisal second-assessor`` is text typed in, kept with
the step (``appraisal_steps.by``). It is a mention like any other: listed by the
erasure plan, the purge and the access export, replaced only where chosen. When
the employee of the appraisal is erased, the steps go with the conversation. In
both cases every other value of every table stays as it was.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from cli_helpers import invoke
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.minutes import publish
from gespreks_tui.model import Kind
from gespreks_tui.settings import MANAGER_SETTING
from gespreks_tui.store import Store
from test_erase_done_when import full_dump

STAMP = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
SECOND = "Joris Bakker"


@pytest.fixture
def team(db_path: Path) -> tuple[Path, int, int]:
    """Aylin's beoordeling made final with Joris as second assessor; Bram's voortgang."""
    store = Store.open(db_path, clock=FakeClock(STAMP), create=True)
    try:
        store.set_setting(MANAGER_SETTING, "Sanne de Vries")
        manager = store.add_person("Sanne de Vries")
        aylin = store.add_person("Aylin Yılmaz")
        store.add_person(SECOND)
        bram = store.add_person("Bram de Boer")
        cid = store.create_conversation(aylin.id, builtin_agenda(Kind.BEOORDELING), 60,
                                        manager_id=manager.id).id
        store.add_agreement(cid, "Cursus plannen")
        store.conclude(cid, None)
        publish(store, cid)
        store.hand_over(cid, "email", 21)
        store.record_objection(cid, "Ik ben het niet eens met het totaaloordeel.")
        step = store.record_second_assessor(cid, SECOND, True, "Eens met de leidinggevende.")
        store.record_final(cid, "Definitief na overleg.")
        other = store.create_conversation(bram.id, builtin_agenda(Kind.VOORTGANG), 30,
                                          manager_id=manager.id).id
        store.add_agreement(other, "Rooster maken")
        store.conclude(other, None)
    finally:
        store.close()
    return db_path, cid, step.id


def test_erasing_the_second_assessor_replaces_only_that_name(team, tmp_path):
    db, cid, step_id = team
    out = tmp_path / "inzage"
    result = invoke("person", "export", SECOND, "-o", out, "--db", db)
    assert result.exit_code == 0, result.output + result.stderr
    overview = (out / "00-overzicht.md").read_text(encoding="utf-8")
    section = overview.split("## Vermeldingen in andere gesprekken")[1]
    assert f"gesprek {cid}" in section and "naam van de tweede beoordelaar" in section

    plan = invoke("person", "erase", SECOND, "--redact", "none", "--db", db, input="nee\n")
    assert "naam van de tweede beoordelaar" in plan.output, plan.output
    before = full_dump(db)
    result = invoke("person", "erase", SECOND, "--redact", "all", "--yes", "--db", db)
    assert result.exit_code == 0, result.output + result.stderr
    after = full_dump(db)
    joris = next(k[1] for k, v in before.items() if k[0] == "people" and v == SECOND)
    assert after[("appraisal_steps", step_id, "by")] == "(verwijderde persoon)"
    changed = (before.keys() ^ after.keys()) | {
        k for k in before.keys() & after.keys() if before[k] != after[k]}
    assert changed == {("appraisal_steps", step_id, "by")} | {
        k for k in before if k[:2] == ("people", joris)}
    store = Store.open(db, clock=FakeClock(STAMP))
    try:
        procedure = store.appraisal_procedure(cid)
        assert procedure.second.by == "(verwijderde persoon)" and procedure.second.agrees
        assert str(procedure.state) == "definitief"
    finally:
        store.close()


def test_erasing_the_employee_takes_the_steps_with_the_conversation(team):
    db, cid, _ = team
    before = full_dump(db)
    assert any(k[0] == "appraisal_steps" for k in before)
    result = invoke("person", "erase", "Aylin Yılmaz", "--redact", "all", "--yes", "--db", db)
    assert result.exit_code == 0, result.output + result.stderr
    after = full_dump(db)
    assert not [k for k in after if k[0] == "appraisal_steps"]
    assert all(before[k] == v for k, v in after.items())  # nothing else rewritten
    gone = {(k[0], k[1]) for k in before.keys() - after.keys()}
    conversations = {rowid for table, rowid in gone if table == "conversations"}
    assert conversations == {cid}  # Bram's conversation and agreement stay
    assert {table for table, _ in gone} >= {"people", "conversations", "appraisal_steps",
                                            "agreements", "minutes_revisions", "handovers"}


def test_the_purge_lists_the_second_assessor_as_a_mention(team):
    db, cid, step_id = team
    store = Store.open(db, clock=FakeClock(STAMP))
    try:
        store.mark_left(store.find_person(SECOND).id, "2018-01-01")
    finally:
        store.close()
    result = invoke("purge", "--dry-run", "--db", db, env={"GESPREKS_TODAY": "2026-11-02"})
    assert result.exit_code == 0, result.output + result.stderr
    assert SECOND in result.output and "naam van de tweede beoordelaar" in result.output
