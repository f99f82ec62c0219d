"""Snapshots of the scoring phase from the hand walk: at 80x24 the lists in the scores'
place (f4), and at 200x60 a long comment shown whole, wrapped at its words, while
unfocused (issue 16, W3)."""

from __future__ import annotations

import time

import pytest

from gespreks_tui.tui.widgets.scores_panel import CommentArea
from helpers import make_app, meeting
from test_scoring_fit import appraisal

COMMENT = ("Zeer goede kennis van het vakgebied en deelt die graag met collega's, ook buiten "
           "het eigen team, in de lunchsessies die hij zelf heeft opgezet en waar inmiddels "
           "de hele afdeling aan meedoet")


@pytest.fixture
def _utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _run(conversation, clock, then: tuple[str, ...]):
    async def run(pilot):
        app = pilot.app
        app.open_meeting(conversation)
        await pilot.pause()
        screen = meeting(app)
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("f3", "4", "tab")
        field = screen.focused
        assert isinstance(field, CommentArea)
        field.value = COMMENT
        await pilot.press("tab")  # on to the next criterion: the comment without focus
        await pilot.pause()
        await pilot.press(*then)
        await pilot.pause()
        await pilot.pause()
        screen.save_all()
        screen.tick()
        for widget in screen.query(CommentArea):
            widget.cursor_blink = False
        screen.text_area.cursor_blink = False
        app.clear_notifications()
        await pilot.pause()

    return run


def test_snapshot_agreements_in_the_scores_place_at_80x24(snap_compare, store, clock, _utc):
    conversation = appraisal(store, clock)
    app = make_app(store, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_run(conversation, clock, ("f4",)))


def test_snapshot_scoring_with_a_long_comment_at_200x60(snap_compare, store, clock, _utc):
    conversation = appraisal(store, clock)
    app = make_app(store, clock)
    assert snap_compare(app, terminal_size=(200, 60), run_before=_run(conversation, clock, ()))
