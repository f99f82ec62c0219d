"""A criterion's comment in the appraisal's scoring phase shows whole (issue 16, W3).

The one-line field scrolled sideways while typing and was cut with "…" after:
a 150-character comment was never on screen in one piece, at 80x24 nor at 200x60
(with some 30 empty rows below it). Typed here key by key as a person would, read
back from what the screen draws, and stored as typed. Real app, real SQLite in
tmp_path, a fake clock.
"""

from __future__ import annotations

import time

import pytest

from helpers import make_app, saved, type_text
from test_scoring_fit import appraisal, open_scoring


@pytest.fixture
def app(store, clock):
    """The app, with Joris's appraisal ready to open (``open_scoring``)."""
    made = make_app(store, clock)
    made.conversation_for_test = appraisal(store, clock)
    return made


@pytest.fixture
def utc(monkeypatch):
    """Times on screen as in the snapshot, wherever the test runs."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


SIZES = [(80, 24), (200, 60)]
COMMENT = ("Deelt zijn kennis graag met collega's, ook buiten het eigen team, en legt "
           "lastige zaken helder uit; hij mag vaker zelf het woord nemen in het overleg.")
assert len(COMMENT) == 150


def shown_in(app, widget) -> str:
    """What the screen draws within ``widget``'s region, as one line of words (the bar
    that marks the current row read as a space)."""
    rows = app.screen._compositor.render_strips()
    region = widget.region
    return " ".join(" ".join(rows[y].text[region.x:region.right].replace("▌", " ").split())
                    for y in range(region.y, region.bottom))


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_a_long_comment_shows_whole_while_typed_and_after(app, store, size):
    conversation = app.conversation_for_test
    async with app.run_test(size=size) as pilot:
        screen, panel = await open_scoring(app, pilot)
        await pilot.press("f3")  # the first criterion's points
        await pilot.press("4", "tab")
        await pilot.pause()
        field = screen.focused
        assert field is not None and field.parent is not None
        assert field.parent.has_class("score-row")  # its comment
        await type_text(pilot, COMMENT)
        await pilot.pause()
        await pilot.pause()
        assert COMMENT in shown_in(app, panel)  # while typed
        await pilot.press("tab")  # on to the next criterion: the comment without focus
        await pilot.pause()
        assert screen.focused is not field
        panel.scroll_to_widget(field, animate=False, immediate=True)  # as the wheel would
        await pilot.pause()
        assert COMMENT in shown_in(app, panel)  # and after
        assert panel.scrollable_content_region.contains_region(field.region)
        await saved(pilot)
    assert [s.comment for s in store.scores(conversation)] == [COMMENT]


@pytest.mark.parametrize("sizes", [((80, 24), (200, 60)), ((200, 60), (80, 24))],
                         ids=["wider", "narrower"])
async def test_after_a_resize_the_comment_is_as_high_as_its_text(app, store, sizes):
    """Wider: no empty lines left under the text; narrower: no line cut off."""
    first, then = sizes
    store.save_score(app.conversation_for_test, 0, "Vakkennis", 4, COMMENT)
    async with app.run_test(size=first) as pilot:
        screen, panel = await open_scoring(app, pilot)
        row = panel.query(".score-row").first()
        field = row.children[-1]
        await pilot.resize_terminal(*then)
        await pilot.pause()
        await pilot.pause()
        panel.scroll_to_widget(field, animate=False, immediate=True)
        await pilot.pause()
        assert COMMENT in shown_in(app, field)
        rows = app.screen._compositor.render_strips()
        lines = [rows[y].text[field.region.x:field.region.right].strip()
                 for y in range(field.region.y, field.region.bottom)]
        assert all(lines), lines  # not one empty line


@pytest.mark.usefixtures("utc")
def test_snapshot_a_long_comment_wrapped_while_typed_at_80x24(snap_compare, store, clock):
    conversation = appraisal(store, clock)

    async def run(pilot):
        shown = pilot.app
        shown.open_meeting(conversation)
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("f3", "4", "tab")
        await type_text(pilot, COMMENT)
        screen = shown.screen
        screen.save_all()
        screen.tick()
        for area in screen.query("TextArea"):
            area.cursor_blink = False
        shown.clear_notifications()
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(make_app(store, clock), terminal_size=(80, 24), run_before=run)
