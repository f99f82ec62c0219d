"""The appraisal procedure (issue 18): states with dates over weeks on an injected clock,
terms from a configuration file, refused transitions, the second assessor, ``due``,
the minutes' section, and migration 12."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gespreks_tui import config
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.appraisal_procedure import AppraisalState, ProcedureTerms
from gespreks_tui.clock import FakeClock
from gespreks_tui.db import StoreError
from gespreks_tui.minutes import confirm_text, export_text, publish, render_minutes
from gespreks_tui.model import DueKind, Kind
from gespreks_tui.settings import MANAGER_SETTING
from gespreks_tui.store import Store
from schema_history import undo_after

DAY = 24 * 3600
MANAGER = "Sanne de Vries"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
def store(db_path: Path, clock: FakeClock):
    opened = Store.open(db_path, clock=clock)
    opened.set_setting(MANAGER_SETTING, MANAGER)
    yield opened
    opened.close()


def _conversation(store, kind: str = "beoordeling", name: str = "Joris Bakker") -> int:
    person = store.find_person(name) or store.add_person(name)
    return store.create_conversation(person.id, builtin_agenda(kind), 60).id


def _configured(tmp_path: Path, text: str) -> config.Config:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    loaded = config.load(path)
    assert loaded.problem is None, loaded.problem
    return loaded


def _kinds(store, today: str, days: int = 60) -> list[tuple[str, str, int]]:
    return [(str(i.kind), i.date, i.days) for i in store.due(today, days)]


def test_the_whole_procedure_over_weeks_with_terms_from_the_configuration(
        store, clock, tmp_path):
    store.procedure_config = _configured(tmp_path, (
        "[kinds.beoordeling]\nprovisional_days = 10\nobjection_days = 21\n"
        "final_days = 28\nsecond_assessor = true\n"))
    cid = _conversation(store)
    assert store.appraisal_state(cid) == AppraisalState.CONCEPT
    assert _kinds(store, "2026-11-02") == []
    with pytest.raises(StoreError, match="refused.not_discussed"):
        store.record_objection(cid, "Te vroeg")

    store.conclude(cid, "2027-11-01")  # the meeting, 2 November
    assert store.appraisal_state(cid) == AppraisalState.DISCUSSED
    assert _kinds(store, "2026-11-02") == [("provisional", "2026-11-12", 10)]
    with pytest.raises(StoreError, match="refused.not_provisional"):
        store.record_final(cid)

    clock.advance(7 * DAY)  # 9 November: handed over as the provisional result
    publish(store, cid)
    store.hand_over(cid, "email", store.procedure_terms().objection_days)
    assert store.appraisal_state(cid) == AppraisalState.PROVISIONAL
    # the objection term ends 30 November; the final result 28 days after that
    assert _kinds(store, "2026-11-09", 21) == [("objection", "2026-11-30", 21)]
    assert _kinds(store, "2026-11-09", 60) == [("objection", "2026-11-30", 21),
                                               ("final", "2026-12-28", 49)]
    assert not [i for i in store.due("2026-11-09", 60) if i.kind == DueKind.REACTION]

    clock.advance(10 * DAY)  # 19 November: the employee objects, on time
    step = store.record_objection(cid, "Ik herken mij niet in het oordeel over samenwerken.")
    assert (step.state, step.by, step.at[:10]) == (AppraisalState.OBJECTION, "Joris Bakker",
                                                  "2026-11-19")
    procedure = store.appraisal_procedure(cid)
    assert procedure.state == AppraisalState.OBJECTION and not procedure.objection_late
    assert _kinds(store, "2026-11-19") == [("final", "2026-12-17", 28)]  # 19 Nov + 28
    with pytest.raises(StoreError, match="refused.objection_already"):
        store.record_objection(cid, "Nog een keer")

    with pytest.raises(StoreError, match="second_assessor_missing"):
        store.record_final(cid)
    store.record_second_assessor(cid, "Anna Smit", False, "Eerst het bezwaar bespreken.")
    with pytest.raises(StoreError, match="second_assessor_disagrees"):
        store.record_final(cid)
    clock.advance(14 * DAY)  # 3 December: she agrees after all; the newest word counts
    store.record_second_assessor(cid, "Anna Smit", True)
    final = store.record_final(cid, "Oordeel samenwerken bijgesteld.")
    assert (final.by, final.at[:10]) == (MANAGER, "2026-12-03")
    assert store.appraisal_state(cid) == AppraisalState.FINAL
    assert _kinds(store, "2026-12-03") == []  # nothing runs any more
    for refused in (lambda: store.record_final(cid),
                    lambda: store.record_second_assessor(cid, "Bram", True),
                    lambda: store.record_objection(cid, "Te laat")):
        with pytest.raises(StoreError, match="final_already"):
            refused()
    states = [(s.state, s.by) for s in store.appraisal_procedure(cid).steps]
    assert states == [(AppraisalState.DISCUSSED, MANAGER), (AppraisalState.PROVISIONAL, MANAGER),
                      (AppraisalState.OBJECTION, "Joris Bakker"), (None, "Anna Smit"),
                      (None, "Anna Smit"), (AppraisalState.FINAL, MANAGER)]


def test_a_late_objection_is_recorded_as_late_and_shown(store, clock):
    cid = _conversation(store)
    store.conclude(cid, None)
    publish(store, cid)
    store.hand_over(cid, "paper", ProcedureTerms().objection_days)  # until 23 November
    clock.advance(22 * DAY)  # 24 November: one day too late
    store.record_objection(cid, "Ik was op vakantie.")
    procedure = store.appraisal_procedure(cid)
    assert procedure.objection_late
    shown = render_minutes(store, cid).markdown
    assert "Bezwaar ingediend op 24 november 2026 door Joris Bakker, na de termijn" in shown
    assert "Ik was op vakantie." in shown


def test_no_objection_final_without_a_second_assessor_by_default(store, clock):
    cid = _conversation(store)
    store.conclude(cid, None)
    publish(store, cid)
    store.hand_over(cid, "email", 21)
    # nobody objects: the final result is due 28 days after the objection term
    assert _kinds(store, "2026-11-24", 30)[-1] == ("final", "2026-12-21", 27)
    clock.advance(30 * DAY)
    store.record_final(cid)
    assert store.appraisal_state(cid) == AppraisalState.FINAL
    assert store.due("2026-12-02", 400) == []  # no next evaluation was set


def test_other_kinds_have_no_procedure(store):
    cid = _conversation(store, "voortgang")
    store.conclude(cid, None)
    for call in (lambda: store.appraisal_state(cid),
                 lambda: store.record_objection(cid, "x"),
                 lambda: store.record_final(cid)):
        with pytest.raises(StoreError, match="not_appraisal") as raised:
            call()
        assert "voortgangsgesprek" in raised.value.message()
    assert store.conversation_record(cid).procedure is None


@pytest.mark.parametrize(("name", "key"), [
    (MANAGER, "second_is_manager"), ("  sanne   DE vries ", "second_is_manager"),
    ("   ", "no_name"), ("x" * 201, "name_too_long")])
def test_bad_second_assessors_are_refused_and_nothing_is_stored(store, name, key):
    cid = _conversation(store)
    store.conclude(cid, None)
    with pytest.raises(StoreError, match=key):
        store.record_second_assessor(cid, name, True)
    assert store.appraisal_steps(cid) == []


def test_an_empty_objection_is_refused(store):
    cid = _conversation(store)
    store.conclude(cid, None)
    publish(store, cid)
    store.hand_over(cid, "email", 21)
    with pytest.raises(StoreError, match="no_text"):
        store.record_objection(cid, " \n ")
    assert store.appraisal_steps(cid) == []


def test_a_wrong_term_in_the_configuration_is_one_problem(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[kinds.beoordeling]\nobjection_days = -3\n", encoding="utf-8")
    problem = config.load(path).problem
    assert problem is not None and (problem.key, problem.line) == (
        "kinds.beoordeling.objection_days", 2)
    assert "0" in config.problem_line(problem) and "366" in config.problem_line(problem)
    path.write_text("[kinds.beoordeling]\nsecond_assessor = \"ja\"\n", encoding="utf-8")
    assert config.load(path).problem.key == "kinds.beoordeling.second_assessor"
    assert config.load(tmp_path / "none.toml").kind(Kind.BEOORDELING).procedure() \
        == ProcedureTerms(14, 14, 21, 28, False)


def test_the_minutes_show_the_procedure_and_a_returned_copy_still_confirms(store, clock):
    cid = _conversation(store)
    store.conclude(cid, None)
    publish(store, cid)
    before = render_minutes(store, cid).markdown
    assert "Beoordelingsprocedure" not in before  # not handed over: as it always was
    store.hand_over(cid, "email", 21)
    store.record_second_assessor(cid, "Anna Smit", True, "Eens; zie *notitie*")
    minutes = render_minutes(store, cid)
    section = minutes.markdown.split("## Beoordelingsprocedure", 1)[1]
    assert "Voorlopig vastgesteld op 2 november 2026; bezwaar mogelijk tot en met " \
        "23 november 2026." in section
    assert "Tweede beoordelaar Anna Smit, op 2 november 2026: akkoord." in section
    assert r"Eens; zie \*notitie\*" in section  # user text escaped for Markdown
    assert minutes.content == render_minutes(store, cid).content  # the fingerprint holds
    returned = export_text(store, cid)[1].replace("- [ ] Akkoord", "- [x] Akkoord", 1)
    done = confirm_text(store, returned)  # the section is not stray text
    assert done.revision == 1


def test_migration_12_adds_the_table_to_an_old_database(db_path, clock):
    Store.open(db_path, clock=clock).close()
    conn = sqlite3.connect(db_path)
    undo_after(conn, 11)
    conn.commit()
    assert not conn.execute("select 1 from sqlite_master where name = 'appraisal_steps'"
                            ).fetchall()
    conn.close()
    reopened = Store.open(db_path, clock=clock)
    try:
        assert reopened.appraisal_steps(1) == []
    finally:
        reopened.close()


def test_appraisals_concluded_before_the_procedure_existed_run_no_terms(
        store, clock, db_path):
    """A database upgraded on 5 November with an appraisal concluded on 2 November: that
    one shows its state but never becomes due (no sudden pile of overdue terms after an
    upgrade); one concluded after the upgrade runs its terms, and so does the old one
    once the manager hands it over."""
    old = _conversation(store)
    store.conclude(old, None)
    clock.advance(3 * DAY)
    upgraded = store.now()
    store.close()
    with sqlite3.connect(db_path) as conn:  # as if migration 12 ran on 5 November
        conn.execute("update migrations set applied_at = ? where version = 12", [upgraded])
    conn.close()
    store = Store.open(db_path, clock=clock)
    clock.advance(5 * DAY)  # 10 November
    new = _conversation(store, name="Aylin Demir")
    store.conclude(new, None)

    before = store.appraisal_procedure(old)
    assert before.before_procedure and before.running_terms() == []
    assert before.state == AppraisalState.DISCUSSED
    from gespreks_tui.minutes.procedure import open_lines
    assert open_lines(before, "nl") == [
        "afgerond voordat deze database de procedure bijhield: er lopen geen termijnen "
        "(uitreiken zet ze alsnog in gang)"]
    assert [(i.conversation_id, str(i.kind)) for i in store.due("2026-12-31", 60)
            if i.conversation_id is not None] == [(new, "provisional")]
    assert store.due_count("2026-12-31", 60) == 1

    publish(store, old)
    store.hand_over(old, "email", 14)
    after = store.appraisal_procedure(old)
    assert not after.before_procedure and after.running_terms()
    assert {i.conversation_id for i in store.due("2026-12-31", 60)} == {old, new}
    store.close()


def test_the_states_of_a_list_are_read_in_one_query_and_agree_with_each_record(store, clock):
    """``appraisal_states`` (the lists' one query) says what ``appraisal_state`` (the
    whole record) says, in every state; other kinds are left out."""
    cid = _conversation(store)
    other = _conversation(store, "voortgang")

    def agree(expected: AppraisalState) -> None:
        sent: list[str] = []
        store.db.conn.set_trace_callback(sent.append)
        states = store.appraisal_states([cid, other])
        store.db.conn.set_trace_callback(None)
        assert len(sent) == 1
        assert states == {cid: expected} and store.appraisal_state(cid) == expected

    agree(AppraisalState.CONCEPT)
    store.conclude(cid, None)
    agree(AppraisalState.DISCUSSED)
    publish(store, cid)
    store.hand_over(cid, "email", 21)
    agree(AppraisalState.PROVISIONAL)
    store.reopen(cid, "an agreement was missing")
    store.add_agreement(cid, "Cursus feedback geven volgen", "employee")
    store.conclude(cid, None)
    publish(store, cid)  # a newer revision, not handed over: discussed again
    agree(AppraisalState.DISCUSSED)
    store.hand_over(cid, "email", 21)
    clock.advance(DAY)
    store.record_objection(cid, "Niet eens")
    agree(AppraisalState.OBJECTION)
    clock.advance(DAY)
    store.record_final(cid)
    agree(AppraisalState.FINAL)
    assert store.appraisal_states([]) == {}
