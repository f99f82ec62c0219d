"""Issue 18: a conversation keeps the scale and goal prompts its agenda had when it
started; scores are checked against that scale; old databases migrate (migration 11)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from gespreks_tui import migrations
from gespreks_tui.agendas import builtin_agenda, load_agenda
from gespreks_tui.appraisal_scale import Scale, legacy_scale
from gespreks_tui.catalogue import t
from gespreks_tui.cli import build_cli
from gespreks_tui.cli.render import scores_text
from gespreks_tui.clock import FakeClock
from gespreks_tui.errors import UserError
from gespreks_tui.migrations import MIGRATIONS
from gespreks_tui.minutes import render_minutes
from gespreks_tui.model import Kind
from gespreks_tui.store import Store
from gespreks_tui.templates import copy_builtin, parse_template
from gespreks_tui.templates.scales import in_language

THREE_POINTS = """\
# Beoordeling

## Beoordeling (30 min)

### Criteria

- Vakmanschap
  - maakt het werk af volgens de afspraken
- Samenwerking

### Schaal

1. beneden verwachting
2. naar verwachting
3. boven verwachting

Totaaloordeel: nee
"""


@pytest.fixture
def three(store):
    agenda, problems = parse_template(THREE_POINTS, Kind.BEOORDELING, "nl", "drie.md")
    assert problems == []
    person = store.add_person("Joris Bakker")
    return store.create_conversation(person.id, agenda, 30)


def test_the_scale_and_indicators_are_stored_with_the_conversation(store, three):
    assert store.scale(three.id) == Scale(
        ("beneden verwachting", "naar verwachting", "boven verwachting"), overall=False)
    assert three.scale == store.scale(three.id)
    assert three.phases[0].indicators == (("maakt het werk af volgens de afspraken",), ())
    assert store.goal_prompts(three.id) == ()


def test_a_score_off_the_conversations_scale_is_refused_and_nothing_is_stored(store, three):
    store.save_score(three.id, 0, "Vakmanschap", 3, "Sterk")
    for wrong in (0, 4, 5):
        with pytest.raises(UserError) as refused:
            store.save_score(three.id, 1, "Samenwerking", wrong)
        assert isinstance(refused.value, ValueError)
        assert refused.value.message() == t("scale.off_scale", score=wrong, points=3)
        with pytest.raises(ValueError):
            store.save_overall(three.id, wrong, "")
    assert [(s.position, s.score) for s in store.scores(three.id)] == [(0, 3)]
    assert store.overall(three.id) == (None, "")


def test_five_points_on_the_builtin_scale(store):
    person = store.add_person("Aylin Yılmaz")
    c = store.create_conversation(person.id, builtin_agenda(Kind.BEOORDELING), 60)
    assert store.scale(c.id).points == 5
    store.save_score(c.id, 0, c.phases[1].criteria[0], 5)
    store.save_overall(c.id, 5, "")
    with pytest.raises(ValueError):
        store.save_score(c.id, 1, c.phases[1].criteria[1], 6)
    assert store.overall(c.id) == (5, "")


def test_goal_prompts_are_stored_and_the_unknown_conversation_is_refused(store):
    person = store.add_person("Joris Bakker")
    goals = store.create_conversation(person.id, builtin_agenda(Kind.DOELSTELLING), 60)
    assert store.goal_prompts(goals.id) == ("what", "why", "who", "where", "how")
    some = replace(builtin_agenda(Kind.DOELSTELLING), goal_prompts=("why", "how"))
    assert store.goal_prompts(store.create_conversation(person.id, some, 60).id) == (
        "why", "how")
    progress = store.create_conversation(person.id, builtin_agenda(Kind.VOORTGANG), 45)
    assert store.goal_prompts(progress.id) == ()
    assert store.scale(progress.id) == legacy_scale("nl")  # no criteria: never scored
    with pytest.raises(UserError):
        store.scale(999)
    with pytest.raises(UserError):
        store.goal_prompts(999)


def test_the_minutes_state_the_scale_once_and_print_its_labels(store, three):
    store.save_score(three.id, 0, "Vakmanschap", 3, "Sterk")
    store.save_score(three.id, 1, "Samenwerking", 1)
    markdown = render_minutes(store, three.id).markdown
    assert markdown.count("Schaal: 1 beneden verwachting · 2 naar verwachting · "
                          "3 boven verwachting") == 1
    assert "| Vakmanschap | boven verwachting | Sterk |" in markdown
    assert "| Samenwerking | beneden verwachting |  |" in markdown
    assert "Totaaloordeel" not in markdown  # this scale asks none
    shown = scores_text(store.get_conversation(three.id), store.scores(three.id),
                        store.overall(three.id))
    assert "  Vakmanschap: 3 boven verwachting — Sterk" in shown


def test_our_own_scale_reads_in_the_minutes_language(store):
    person = store.add_person("Joris Bakker")
    c = store.create_conversation(person.id, builtin_agenda(Kind.BEOORDELING, "nl"), 60)
    store.save_score(c.id, 0, c.phases[1].criteria[0], 2)
    english = render_minutes(store, c.id, lang="en").markdown
    assert "Scale: 1 unsatisfactory · 2 fair · 3 satisfactory · 4 good · 5 excellent" in english
    own = Scale(("laag", "midden", "hoog"))
    assert in_language(own, "en") is own  # an organisation's words stay its words


def test_changing_the_template_never_changes_an_earlier_appraisal(
        tmp_path: Path, monkeypatch, db_path: Path, store):
    config = tmp_path / "config"
    monkeypatch.setenv("GESPREKS_CONFIG", str(config))
    copy_builtin(Kind.BEOORDELING, "nl", config, scale=4)
    agenda, _ = load_agenda(Kind.BEOORDELING, "nl")
    assert agenda.scale.points == 4
    person = store.add_person("Joris Bakker")
    old = store.create_conversation(person.id, agenda, 60)
    criteria = old.phases[1].criteria
    store.save_score(old.id, 0, criteria[0], 4, "Top")
    store.save_score(old.id, 1, criteria[1], 2)
    store.save_overall(old.id, 3, "Goed jaar")
    store.conclude(old.id, "2027-11-01")
    minutes_before = render_minutes(store, old.id).markdown
    assert "| " + criteria[0] + " | uitstekend | Top |" in minutes_before
    assert "Schaal: 1 onvoldoende · 2 voldoende · 3 goed · 4 uitstekend" in minutes_before
    store.close()
    shown_before = CliRunner().invoke(build_cli(), ["--db", str(db_path), "show", str(old.id)])

    copy_builtin(Kind.BEOORDELING, "nl", config, force=True)  # now the five-point scale
    agenda, _ = load_agenda(Kind.BEOORDELING, "nl")
    assert agenda.scale.points == 5
    shown_after = CliRunner().invoke(build_cli(), ["--db", str(db_path), "show", str(old.id)])
    assert shown_after.output == shown_before.output
    assert f"{criteria[0]}: 4 uitstekend — Top" in shown_after.output
    reopened = Store.open(db_path, clock=FakeClock())
    try:
        assert render_minutes(reopened, old.id).markdown == minutes_before
        assert reopened.scale(old.id).points == 4
        new = reopened.create_conversation(person.id, agenda, 60)
        assert reopened.scale(new.id).points == 5
        assert "4 goed" in reopened.scale(new.id).legend()
    finally:
        reopened.close()


# --- migration 11 on a database an older version wrote ----------------------------------

def _version_10_database(path: Path) -> tuple[int, tuple[str, ...]]:
    """A beoordeling scored 1-4 the old way, and a concluded voortgang, in a v10 file."""
    saved = MIGRATIONS[:]
    try:
        migrations.MIGRATIONS[:] = [m for m in saved if m[0] <= 10]
        store = Store.open(path, clock=FakeClock())
        person = store.add_person("Joris Bakker")
        agenda = replace(builtin_agenda(Kind.BEOORDELING), scale=None)  # as v10 stored it
        c = store.create_conversation(person.id, agenda, 60)
        criteria = c.phases[1].criteria
        with store.db.atomic():
            store.db.execute("insert into scores (conversation_id, position, criterion, score, "
                             "comment) values (?, 0, ?, 3, 'Sterk'), (?, 1, ?, 4, '')",
                             [c.id, criteria[0], c.id, criteria[1]])
            store.db.execute("update conversations set overall_score = 2 where id = ?", [c.id])
        store.close()
        return c.id, criteria
    finally:
        migrations.MIGRATIONS[:] = saved


def test_an_old_database_keeps_its_scores_on_the_old_scale(tmp_path: Path):
    path = tmp_path / "v10.db"
    conversation_id, criteria = _version_10_database(path)
    store = Store.open(path, clock=FakeClock())
    try:
        assert 11 in [r[0] for r in store.db.execute("select version from migrations")]
        assert store.db.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert store.scale(conversation_id) == legacy_scale("nl")
        assert store.get_conversation(conversation_id).scale is None  # stored before scales
        assert [(s.score, s.comment) for s in store.scores(conversation_id)] == [
            (3, "Sterk"), (4, "")]
        markdown = render_minutes(store, conversation_id).markdown
        assert f"| {criteria[0]} | goed | Sterk |" in markdown
        assert f"| {criteria[1]} | uitstekend |  |" in markdown
        assert "- Totaaloordeel: voldoende" in markdown
        assert "Schaal:" not in markdown  # the minutes read exactly as before
        with pytest.raises(ValueError):  # still the four-point scale it was given on
            store.save_score(conversation_id, 2, criteria[2], 5)
        person = store.find_person("Joris Bakker")
        new = store.create_conversation(person.id, builtin_agenda(Kind.BEOORDELING), 60)
        store.save_score(new.id, 0, criteria[0], 5)  # the widened CHECK lets 5 in
        store.save_overall(new.id, 5, "")
        with pytest.raises(Exception, match="CHECK"):  # and keeps the outer fence
            store.db.execute("update scores set score = 6 where conversation_id = ?", [new.id])
    finally:
        store.close()
