"""Which goal prompts a conversation asks (``Store.offered_goal_prompts``).

A conversation stores its agenda's goal prompts when it starts (migration 11).
A doelstellingengesprek created before migration 11 has none stored: it asks
those of the built-in doelstelling template, so its goals pane is there; one
created since with a template without goal prompts asks none, and so does any
other kind of conversation.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gespreks_tui import migrations
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.goals import GOAL_PROMPTS, GoalError, GoalKind
from gespreks_tui.meeting import Meeting
from gespreks_tui.meeting.goal_work import GoalInput
from gespreks_tui.migrations import MIGRATIONS
from gespreks_tui.model import Kind
from gespreks_tui.store import Store
from gespreks_tui.tui.screens.goal_form import GoalForm
from helpers import make_app, meeting, prepare, type_text

BEFORE = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)  # the old app's days
AFTER = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)  # the upgrade, and after it


def version_10_database(path: Path) -> dict[str, int]:
    """Conversations as a version 10 app stored them: no scale, no goal prompts."""
    saved = MIGRATIONS[:]
    try:
        migrations.MIGRATIONS[:] = [m for m in saved if m[0] <= 10]
        old = Store.open(path, clock=FakeClock(BEFORE))
        prepare(old, "Joris Bakker")
        joris = old.find_person("Joris Bakker").id

        def create(kind: Kind, language: str = "nl") -> int:
            agenda = replace(builtin_agenda(kind, language), scale=None, goal_prompts=())
            return old.create_conversation(joris, agenda, 60, language=language).id

        made = {"concluded": create(Kind.DOELSTELLING), "running": create(Kind.DOELSTELLING),
                "english": create(Kind.DOELSTELLING, "en"), "progress": create(Kind.VOORTGANG)}
        old.conclude(made["concluded"], None)
        assert old.db.execute("select count(*) from pragma_table_info('conversations') "
                              "where name = 'goal_prompts'").fetchone()[0] == 0
        old.close()
        return made
    finally:
        migrations.MIGRATIONS[:] = saved


@pytest.fixture
def upgraded(tmp_path: Path):
    path = tmp_path / "v10.db"
    made = version_10_database(path)
    store = Store.open(path, clock=FakeClock(AFTER))
    yield store, made
    store.close()


def test_an_old_doelstelling_asks_the_builtin_prompts(upgraded):
    store, made = upgraded
    assert store.db.execute("select count(*) from conversations "
                            "where goal_prompts is not null").fetchone()[0] == 0
    for name in ("concluded", "running", "english"):
        assert store.offered_goal_prompts(made[name]) == GOAL_PROMPTS, name
    assert store.offered_goal_prompts(made["progress"]) == ()
    assert store.goal_prompts(made["running"]) == ()  # what was stored stays as it was
    with pytest.raises(GoalError):
        store.offered_goal_prompts(999)


def test_a_doelstelling_since_the_upgrade_asks_what_its_template_asks(upgraded):
    store, _ = upgraded
    joris = store.find_person("Joris Bakker").id
    store.clock.advance(86_400)
    none = replace(builtin_agenda(Kind.DOELSTELLING), goal_prompts=())
    some = replace(builtin_agenda(Kind.DOELSTELLING), goal_prompts=("why", "how"))
    assert store.offered_goal_prompts(store.create_conversation(joris, none, 60).id) == ()
    assert store.offered_goal_prompts(store.create_conversation(joris, some, 60).id) == (
        "why", "how")


def test_the_meeting_of_an_old_doelstelling_sets_goals(upgraded):
    store, made = upgraded
    m = Meeting(store, made["running"], store.clock)
    try:
        assert m.sets_goals and m.shows_goals and m.goals_first
        assert m.goal_prompts == GOAL_PROMPTS
        m.save_goal(None, GoalInput("Klantportaal live", GoalKind.RESULT,
                                    period_end="2026-12-31", answers={"why": "minder bellen"}))
        assert [(g.title, g.why) for g in store.goals_set_in(m.id)] == [
            ("Klantportaal live", "minder bellen")]
    finally:
        m.close()
    m = Meeting(store, made["concluded"], store.clock)
    try:
        assert m.read_only and m.shows_goals and m.goals == []  # the pane, empty
    finally:
        m.close()
    m = Meeting(store, made["progress"], store.clock)  # an old voortgang: no prompts,
    try:  # but the goal set in the doelstelling before it to follow up
        assert not m.sets_goals and m.goal_prompts == ()
        assert [g.title for g in m.open_goals] == ["Klantportaal live"]
    finally:
        m.close()


async def test_the_goals_pane_of_an_old_doelstelling_takes_a_goal(upgraded):
    store, made = upgraded
    app = make_app(store, store.clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_meeting(made["running"])
        await pilot.pause()
        screen = meeting(app)
        assert screen.goals_shown and screen.goals_pane.display
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        await type_text(pilot, "Offertes binnen vijf dagen")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [g.title for g in store.goals_set_in(made["running"])] == [
            "Offertes binnen vijf dagen"]
