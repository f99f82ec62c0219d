"""Goals in the store (issue 20): migration 13, the rules, bad input, personnel data.

Real SQLite files and a fake clock. Every refusal is one catalogue message
(``GoalError``) and leaves the database exactly as it was.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from gespreks_tui import migrations
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.catalogue import LANGUAGES
from gespreks_tui.clock import FakeClock
from gespreks_tui.errors import UserError
from gespreks_tui.goal_hints import goal_hints, hints_of, step_hints
from gespreks_tui.goals import Goal, GoalError, GoalKind, GoalProgress
from gespreks_tui.migrations import MIGRATIONS
from gespreks_tui.model import Kind, Owner, Visibility
from gespreks_tui.schema_goals import MIGRATION_13
from gespreks_tui.store import Store
from gespreks_tui.store.mentions import SOURCES

DAY = 86_400


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 1, 14, 9, 0, tzinfo=UTC))


@pytest.fixture
def team(store: Store):
    """Joris (employee), Aylin (another employee); a running doelstellingengesprek of Joris."""
    joris = store.add_person("Joris Bakker")
    aylin = store.add_person("Aylin Yılmaz")
    setting = store.create_conversation(joris.id, builtin_agenda(Kind.DOELSTELLING), 60)
    return joris, aylin, setting


def counts(store: Store) -> dict[str, int]:
    return {t: store.db.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("goals", "goal_steps", "goal_reviews")}


def refused(store: Store, key: str, call, *args, **kwargs) -> GoalError:
    """``call`` is refused with ``key`` and nothing in the goal tables changes."""
    before = counts(store)
    rows = store.db.execute("select * from goals order by id").fetchall()
    with pytest.raises(GoalError) as caught:
        call(*args, **kwargs)
    assert caught.value.key == key
    assert isinstance(caught.value, UserError) and caught.value.exit_code == 1
    assert caught.value.message() and caught.value.message("en")  # a line in both languages
    assert counts(store) == before
    assert store.db.execute("select * from goals order by id").fetchall() == rows
    return caught.value


def later(store: Store, clock: FakeClock, employee_id: int, kind: Kind = Kind.VOORTGANG,
          days: int = 120):
    clock.advance(days * DAY)
    return store.create_conversation(employee_id, builtin_agenda(kind), 45)


# --- the core without a store ----------------------------------------------------------------

def test_the_core_modules_of_goals_import_without_textual():
    modules = ["gespreks_tui.goals", "gespreks_tui.goal_period", "gespreks_tui.goal_hints", "gespreks_tui.store.goals",
               "gespreks_tui.store.goal_reads", "gespreks_tui.store.goal_steps",
               "gespreks_tui.store.goal_reviews", "gespreks_tui.minutes.goals",
               "gespreks_tui.minutes.pop", "gespreks_tui.schema_goals", "gespreks_tui.demo_goals"]
    code = ("import importlib, json, sys\n"
            f"for name in {modules!r}: importlib.import_module(name)\n"
            "print(json.dumps(sorted(sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    loaded = json.loads(done.stdout)
    assert set(modules) <= set(loaded)
    assert not [m for m in loaded if m == "textual" or m.startswith(("textual.", "click"))]


def test_hints_reuse_smart_and_a_step_after_the_period_is_a_hint():
    today = date(2026, 1, 14)
    assert goal_hints("meer aandacht voor klanten", None, today) == [
        "goals.hint.no_period", "smart.vague"]
    assert goal_hints("Cursus projectmanagement afronden met certificaat", "2026-12-31",
                      today) == []
    assert step_hints("2027-01-15", "2026-12-31") == ["goals.hint.step_after_period"]
    assert step_hints("2026-12-31", "2026-12-31") == [] and step_hints(None, "2026-12-31") == []
    goal = Goal(1, 1, 1, GoalKind.DEVELOPMENT, "Cursus projectmanagement afronden met certificaat",
                period_end="2026-12-31")
    assert hints_of(goal, today) == ["goals.hint.no_steps"]
    for key in ("goals.hint.no_period", "goals.hint.no_steps", "goals.hint.step_after_period"):
        assert key in LANGUAGES["nl"] and key in LANGUAGES["en"]


# --- migration 13 ------------------------------------------------------------------------

def test_a_version_12_database_gets_the_goal_tables_and_loses_nothing(tmp_path: Path):
    path = tmp_path / "v12.db"
    saved = MIGRATIONS[:]
    try:
        migrations.MIGRATIONS[:] = [m for m in saved if m[0] <= 12]
        old = Store.open(path, clock=FakeClock())
        person = old.add_person("Joris Bakker")
        conversation = old.create_conversation(person.id, builtin_agenda(Kind.DOELSTELLING), 60)
        old.save_note(conversation.id, 0, Visibility.SHARED, "Klantportaal live")
        old.add_agreement(conversation.id, "Cursus afronden", "employee", "2026-06-01")
        old.conclude(conversation.id, "2026-06-10")
        old.close()
    finally:
        migrations.MIGRATIONS[:] = saved
    conn = sqlite3.connect(path)
    tables = ("people", "conversations", "phases", "notes", "agreements")
    names = {t: ", ".join(r[1] for r in conn.execute(f"pragma table_info({t})")) for t in tables}
    before = {t: conn.execute(f"select {names[t]} from {t} order by rowid").fetchall()
              for t in tables}
    assert not conn.execute("select 1 from sqlite_master where name = 'goals'").fetchone()
    conn.close()

    store = Store.open(path, clock=FakeClock())
    try:
        assert 13 in [r[0] for r in store.db.execute("select version from migrations")]
        for table, rows in before.items():  # every column as it was (later ones may add)
            assert store.db.execute(f"select {names[table]} from {table} "
                                    f"order by rowid").fetchall() == rows, table
        assert {r[0] for r in store.db.execute("select goal_id from agreements")} == {None}
        assert counts(store) == {"goals": 0, "goal_steps": 0, "goal_reviews": 0}
        assert store.agreements(conversation.id)[0].goal_id is None
        assert store.goals() == [] and store.goals_set_in(conversation.id) == []
        assert store.db.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert store.db.execute("pragma foreign_key_check").fetchall() == []
    finally:
        store.close()


def test_migration_13_is_strict_and_indexes_every_looked_up_key(store: Store):
    with pytest.raises(sqlite3.OperationalError, match="already exists"), store.db.atomic():
        dict((v, f) for v, _, f in MIGRATIONS)[13](store.db)
    assert not [s for s in MIGRATION_13 if "if not exists" in s.lower()]
    for table in ("goals", "goal_steps", "goal_reviews", "agreements"):
        keys = {r[3] for r in store.db.execute(f"pragma foreign_key_list({table})")}
        firsts = {store.db.execute(f"pragma index_info({r[1]})").fetchone()[2]
                  for r in store.db.execute(f"pragma index_list({table})")}
        assert keys <= firsts, (table, keys - firsts)


@pytest.mark.parametrize(("sql", "params", "index"), [
    ("select * from goals g where g.employee_id = ?", [1], "goals_by_employee"),
    ("select * from goals g where g.conversation_id = ?", [1], "goals_by_conversation"),
    ("select * from goal_reviews where conversation_id = ?", [1], "goal_reviews_by_conversation"),
    ("select id from agreements where goal_id = ?", [1], "agreements_by_goal"),
    ("select * from goal_steps where goal_id in (select value from json_each(?))", ["[1]"],
     "goal_steps_by_goal"),
])
def test_the_goal_lookups_use_their_indexes(store: Store, sql: str, params: list, index: str):
    plan = " ".join(r[3] for r in store.db.execute("explain query plan " + sql, params))
    assert index in plan, plan


# --- goals and steps -----------------------------------------------------------------------

def test_a_goal_with_its_answers_steps_and_order(store: Store, team):
    joris, _, setting = team
    first = store.add_goal(setting.id, GoalKind.RESULT, "  Klantportaal   live ",
                           what="200 gebruikers", why="minder telefoontjes", who="portaalteam",
                           where="Digitale Dienstverlening", how="in twee releases",
                           owner="both", period_start="2026-01-01", period_end="2026-12-31")
    second = store.add_goal(setting.id, "ontwikkeling", "Projectleider worden",
                            support="Opleidingsbudget")
    assert (first.title, first.where, first.owner, first.employee_id) == (
        "Klantportaal live", "Digitale Dienstverlening", Owner.BOTH, joris.id)
    assert (first.position, second.position) == (0, 1)
    assert second.owner == Owner.EMPLOYEE and second.support == "Opleidingsbudget"
    assert store.db.execute("select place from goals where id = ?", [first.id]).fetchone() == (
        "Digitale Dienstverlening",)
    step = store.add_step(first.id, "Proef met tien klanten", "2026-04-01")
    late = store.add_step(first.id, "Evaluatie", "2027-02-01")  # after the period: stored
    assert step_hints(late.due_date, first.period_end) == ["goals.hint.step_after_period"]
    store.update_step(step.id, "Proef met twaalf klanten", "2026-04-15")
    changed = store.update_goal(first.id, title="Portaal live", period_end="2027-03-31")
    assert [s.text for s in changed.steps] == ["Proef met twaalf klanten", "Evaluatie"]
    assert changed.title == "Portaal live" and changed.period_end == "2027-03-31"
    store.remove_step(late.id)
    store.remove_goal(second.id)
    assert [g.title for g in store.goals_set_in(setting.id)] == ["Portaal live"]
    assert [len(g.steps) for g in store.goals(joris.id)] == [1]


@pytest.mark.parametrize(("call", "key"), [
    (lambda s, c, g: s.add_goal(c, "resultaat", "   "), "goals.error.no_title"),
    (lambda s, c, g: s.add_goal(c, "resultaat", None), "goals.error.no_title"),
    (lambda s, c, g: s.update_goal(g, title=""), "goals.error.no_title"),
    (lambda s, c, g: s.add_goal(c, "droom", "Iets"), "goals.error.bad_kind"),
    (lambda s, c, g: s.add_goal(c, "resultaat", "Iets", period_end="31-12"),
     "goals.error.bad_date"),
    (lambda s, c, g: s.add_goal(c, "resultaat", "Iets", period_start="2026-12-01",
                                period_end="2026-01-01"), "goals.error.period_order"),
    (lambda s, c, g: s.update_goal(g, period_start="2027-01-01"), "goals.error.period_order"),
    (lambda s, c, g: s.add_goal(c, "resultaat", "Iets", owner="baas"), "goals.error.bad_owner"),
    (lambda s, c, g: s.add_step(g, " "), "goals.error.no_step_text"),
    (lambda s, c, g: s.add_step(g, "Stap", "morgen"), "goals.error.bad_date"),
    (lambda s, c, g: s.add_step(999, "Stap"), "goals.error.not_found"),
    (lambda s, c, g: s.add_goal(999, "resultaat", "Iets"), "goals.error.conversation_not_found"),
    (lambda s, c, g: s.review_goal(c, g, "op_koers"), "goals.error.review_where_set"),
])
def test_bad_input_is_one_message_and_nothing_stored(store: Store, team, call, key):
    _, _, setting = team
    goal = store.add_goal(setting.id, "resultaat", "Portaal live", period_end="2026-12-31")
    refused(store, key, call, store, setting.id, goal.id)


def test_a_goal_and_its_steps_are_fixed_once_its_conversation_is_concluded(
        store: Store, team, clock):
    joris, _, setting = team
    goal = store.add_goal(setting.id, "resultaat", "Portaal live")
    step = store.add_step(goal.id, "Proef")
    store.conclude(setting.id, None)
    for call, args in ((store.update_goal, {"title": "Anders"}), (store.remove_goal, {}),
                       (store.add_step, {"text": "Nog een"})):
        refused(store, "goals.error.goal_fixed", call, goal.id, **args)
    refused(store, "goals.error.goal_fixed", store.update_step, step.id, "Anders")
    refused(store, "goals.error.goal_fixed", store.remove_step, step.id)
    refused(store, "goals.error.conversation_closed", store.add_goal, setting.id, "resultaat",
            "Te laat")
    store.reopen(setting.id)  # a correction: editable again
    assert store.update_goal(goal.id, title="Portaal live (gecorrigeerd)").title.endswith(")")


# --- reviews, ticks, judgments ------------------------------------------------------------

def test_progress_once_per_conversation_replaced_while_open_refused_when_concluded(
        store: Store, team, clock):
    joris, _, setting = team
    goal = store.add_goal(setting.id, "resultaat", "Portaal live")
    store.conclude(setting.id, None)
    progress = later(store, clock, joris.id)
    store.review_goal(progress.id, goal.id, GoalProgress.ON_TRACK, "goed bezig")
    again = store.review_goal(progress.id, goal.id, "achter", "leverancier te laat")
    assert counts(store)["goal_reviews"] == 1
    assert (again.progress, again.comment) == (GoalProgress.BEHIND, "leverancier te laat")
    store.conclude(progress.id, None)
    refused(store, "goals.error.review_concluded", store.review_goal, progress.id, goal.id,
            "behaald")
    assert store.get_goal(goal.id).last_progress == GoalProgress.BEHIND
    refused(store, "goals.error.bad_progress", store.review_goal,
            later(store, clock, joris.id).id, goal.id, "bijna")


def test_a_goal_is_reviewed_only_in_a_later_conversation_of_its_employee(
        store: Store, team, clock):
    joris, aylin, setting = team
    goal = store.add_goal(setting.id, "resultaat", "Portaal live")
    store.conclude(setting.id, None)
    hers = later(store, clock, aylin.id)
    refused(store, "goals.error.other_employee_goal", store.review_goal, hers.id, goal.id,
            "op_koers")
    earlier = store.create_conversation(joris.id, builtin_agenda(Kind.VOORTGANG), 45)
    store.db.execute("update conversations set started_at = '2025-12-01T09:00:00+00:00' "
                     "where id = ?", [earlier.id])  # held before the goal was set
    # Still open, the goal concluded meanwhile: it follows the goal up now (walk finding 7).
    assert goal.id in [g.id for g in store.open_goals(joris.id, earlier.id)]
    store.review_goal(earlier.id, goal.id, "op_koers")
    # A goal of a conversation still open and later than this one: refused, not listed.
    pending = later(store, clock, joris.id, Kind.DOELSTELLING)
    fresh = store.add_goal(pending.id, "resultaat", "Nieuwe huisstijl")
    refused(store, "goals.error.set_later", store.review_goal, earlier.id, fresh.id, "op_koers")
    assert fresh.id not in [g.id for g in store.open_goals(joris.id, earlier.id)]


def test_open_goals_leave_out_what_was_closed_before(store: Store, team, clock):
    joris, _, setting = team
    done = store.add_goal(setting.id, "resultaat", "Portaal live")
    dropped = store.add_goal(setting.id, "resultaat", "Nieuwe huisstijl")
    going = store.add_goal(setting.id, "ontwikkeling", "Projectleider worden")
    assert store.open_goals(joris.id, setting.id) == []  # nothing set before it
    store.conclude(setting.id, None)
    first = later(store, clock, joris.id)
    assert [g.id for g in store.open_goals(joris.id, first.id)] == [done.id, dropped.id, going.id]
    store.review_goal(first.id, done.id, "behaald")
    store.review_goal(first.id, dropped.id, "vervallen", "past niet meer")
    store.review_goal(first.id, going.id, "op_koers")
    # closed in this conversation: still listed here, with its progress
    assert [g.last_progress for g in store.open_goals(joris.id, first.id)] == [
        GoalProgress.ACHIEVED, GoalProgress.DROPPED, GoalProgress.ON_TRACK]
    store.conclude(first.id, None)
    second = later(store, clock, joris.id)
    assert [g.id for g in store.open_goals(joris.id, second.id)] == [going.id]


def test_a_step_ticked_in_an_earlier_conversation_stays_ticked(store: Store, team, clock):
    joris, _, setting = team
    goal = store.add_goal(setting.id, "resultaat", "Portaal live")
    step = store.add_step(goal.id, "Proef")
    other = store.add_step(goal.id, "Livegang")
    store.conclude(setting.id, None)
    first = later(store, clock, joris.id)
    assert store.tick_step(step.id, first.id, True).done_in == first.id
    assert store.tick_step(step.id, first.id, False).done_in is None  # while open: undone
    store.tick_step(step.id, first.id, True)
    store.conclude(first.id, None)
    refused(store, "goals.error.conversation_closed", store.tick_step, other.id, first.id, True)
    second = later(store, clock, joris.id)
    refused(store, "goals.error.step_done_earlier", store.tick_step, step.id, second.id, False)
    assert store.get_goal(goal.id).steps[0].done_in == first.id


def test_a_judgment_is_given_in_an_appraisal_on_its_scale(store: Store, team, clock):
    joris, _, setting = team
    goal = store.add_goal(setting.id, "resultaat", "Portaal live")
    store.conclude(setting.id, None)
    progress = later(store, clock, joris.id)
    refused(store, "goals.error.not_appraisal", store.judge_goal, progress.id, goal.id, 3)
    appraisal = later(store, clock, joris.id, Kind.BEOORDELING)
    points = store.scale(appraisal.id).points
    refused(store, "goals.error.bad_score", store.judge_goal, appraisal.id, goal.id, points + 1)
    refused(store, "goals.error.bad_score", store.judge_goal, appraisal.id, goal.id, 0)
    store.review_goal(appraisal.id, goal.id, "behaald", "live in oktober")
    judged = store.judge_goal(appraisal.id, goal.id, points, "ruim boven verwachting")
    assert (judged.progress, judged.comment, judged.score, judged.score_comment) == (
        GoalProgress.ACHIEVED, "live in oktober", points, "ruim boven verwachting")
    again = store.review_goal(appraisal.id, goal.id, "behaald", "in oktober live")
    assert (again.score, again.score_comment) == (points, "ruim boven verwachting")
    assert [g.id for g in store.goals_reviewed_in(appraisal.id)] == [goal.id]


# --- agreements ------------------------------------------------------------------------------

def test_an_agreement_is_linked_only_to_a_goal_of_its_own_employee(store: Store, team, clock):
    joris, aylin, setting = team
    goal = store.add_goal(setting.id, "ontwikkeling", "Projectleider worden")
    course = store.add_agreement(setting.id, "Cursus projectmanagement afronden", "employee")
    store.link_agreement(course.id, goal.id)
    assert store.get_agreement(course.id).goal_id == goal.id
    assert store.goal_agreements(goal.id) == [course.id]
    hers = store.create_conversation(aylin.id, builtin_agenda(Kind.DOELSTELLING), 60)
    other = store.add_agreement(hers.id, "Training Excel", "employee")
    refused(store, "goals.error.other_employee_agreement", store.link_agreement, other.id,
            goal.id)
    assert store.get_agreement(other.id).goal_id is None
    refused(store, "goals.error.agreement_not_found", store.link_agreement, 999, goal.id)
    store.link_agreement(course.id, None)
    assert store.get_agreement(course.id).goal_id is None
    store.link_agreement(course.id, goal.id)
    store.remove_goal(goal.id)  # the agreement stays, without the link
    assert store.get_agreement(course.id).goal_id is None


# --- personnel data ---------------------------------------------------------------------------

def test_every_free_text_column_of_the_goal_tables_is_searched_for_mentions(store: Store):
    for table in ("goals", "goal_steps", "goal_reviews"):
        texts = {name for _, name, kind, *_ in store.db.execute(f"pragma table_info({table})")
                 if kind.lower() == "text" and not name.endswith(("_at", "_date", "_start",
                                                                  "_end"))
                 and name not in ("kind", "owner", "progress")}
        assert texts == {column for t, column in SOURCES if t == table}, table
    for key in ("goal", "goal_step", "goal_review"):
        assert f"privacy.field.{key}" in LANGUAGES["nl"]
        assert f"privacy.field.{key}" in LANGUAGES["en"]


def _goals_mentioning_aylin(store: Store, team, clock):
    joris, aylin, setting = team
    goal = store.add_goal(setting.id, "ontwikkeling", "Projectleider worden",
                          who="Aylin Yılmaz als mentor")
    store.add_step(goal.id, "Meelopen met Aylin")
    store.conclude(setting.id, None)
    review_in = later(store, clock, joris.id)
    store.review_goal(review_in.id, goal.id, "op_koers", "Aylin is tevreden")
    hers = store.create_conversation(aylin.id, builtin_agenda(Kind.DOELSTELLING), 60)
    own = store.add_goal(hers.id, "resultaat", "Excel-cursus", why="Aylin wil rapporten maken")
    store.add_step(own.id, "Inschrijven")
    return goal, own


def test_erasing_a_person_removes_their_goals_and_redacts_them_in_others(
        store: Store, team, clock):
    joris, aylin, _ = team
    goal, own = _goals_mentioning_aylin(store, team, clock)
    plan = store.plan_erasure(aylin.id)
    fields = sorted((m.table, m.column) for m in plan.mentions)
    assert fields == [("goal_reviews", "comment"), ("goal_steps", "text"), ("goals", "who")]
    assert {m.field for m in plan.mentions} == {"goal", "goal_step", "goal_review"}
    effect = store.erase_person(aylin.id, redact=plan.mentions)
    assert effect.removed["goals"] == 1 and effect.removed["goal_steps"] == 1
    kept = store.get_goal(goal.id)
    assert "Aylin" not in kept.who + kept.steps[0].text + kept.reviews[0].comment
    assert "(verwijderde persoon)" in kept.who
    assert [g.id for g in store.goals()] == [goal.id]
    everything = " ".join(str(v) for t in ("goals", "goal_steps", "goal_reviews")
                          for row in store.db.execute(f"select * from {t}") for v in row)
    assert "Aylin" not in everything and "Excel" not in everything


def test_the_access_export_holds_the_goals_and_the_mentions_in_goals(
        store: Store, team, clock, tmp_path: Path):
    from gespreks_tui.access_export import build_export

    joris, aylin, _ = team
    goal, own = _goals_mentioning_aylin(store, team, clock)
    rows = store.person_rows(aylin.id)["tables"]
    assert [r["title"] for r in rows["goals"]] == ["Excel-cursus"]
    assert [r["text"] for r in rows["goal_steps"]] == ["Inschrijven"]
    theirs = store.person_rows(joris.id)["tables"]
    assert {len(theirs["goals"]), len(theirs["goal_steps"]), len(theirs["goal_reviews"])} == {1}
    export = build_export(store, aylin)
    found = " ".join(export.files.values())
    assert "Aylin is tevreden" in found and "Meelopen met Aylin" in found
    assert "Excel-cursus" in export.files[export.json_file]
    running = [text for name, text in export.files.items() if name != export.json_file
               and "Excel-cursus" in text]
    assert running and "Inschrijven" in running[0]  # her running conversation, with its goal
