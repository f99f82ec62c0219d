"""A criterion's comment: Enter goes on, a paste is one paragraph, and the length has a
limit that a 1 MB paste meets with a notice instead of a frozen screen (issue 16, W3).

Real app, real SQLite in tmp_path, a fake clock.
"""

from __future__ import annotations

import pytest
from textual import events

from gespreks_tui.tui.widgets.score_comment import LIMIT, CommentArea
from gespreks_tui.tui.widgets.scores_panel import ScoreSet
from helpers import make_app, saved, type_text
from test_score_comment import shown_in
from test_scoring_fit import appraisal, open_scoring


@pytest.fixture
def app(store, clock):
    """The app, with Joris's appraisal ready to open (``open_scoring``)."""
    made = make_app(store, clock)
    made.conversation_for_test = appraisal(store, clock)
    return made


async def _first_comment(app, pilot):
    screen, panel = await open_scoring(app, pilot)
    await pilot.press("f3", "tab")  # the first criterion's points, then its comment
    await pilot.pause()
    field = screen.focused
    assert isinstance(field, CommentArea)
    return screen, panel, field


async def _paste(pilot, text: str) -> None:
    """A bracketed paste from the terminal: to the app, which hands it to the focus."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
    await pilot.pause()


def _notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_enter_goes_on_to_the_next_criterion_and_adds_no_line(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        screen, panel, field = await _first_comment(app, pilot)
        await type_text(pilot, "Goed")
        await pilot.press("enter")
        await pilot.pause()
        points = screen.focused
        assert isinstance(points, ScoreSet) and points is panel.query(ScoreSet)[1]
        assert field.text == "Goed"
        await pilot.press("shift+tab")  # and back, to go on typing
        assert screen.focused is field
        await saved(pilot)
    assert [s.comment for s in store.scores(app.conversation_for_test)] == ["Goed"]


async def test_tab_into_a_comment_goes_on_after_its_text(app, store):
    """The one-line field selected its whole text on focus: the next key replaced it."""
    store.save_score(app.conversation_for_test, 0, "Vakkennis", None, "Sterk.")
    async with app.run_test(size=(80, 24)) as pilot:
        screen, panel, field = await _first_comment(app, pilot)
        await type_text(pilot, " Deelt veel.")
        assert field.text == "Sterk. Deelt veel."
        await saved(pilot)
    assert [s.comment for s in store.scores(app.conversation_for_test)] == [
        "Sterk. Deelt veel."]


async def test_a_paste_of_lines_becomes_one_paragraph(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        screen, panel, field = await _first_comment(app, pilot)
        await _paste(pilot, "Eerste regel\r\n  tweede regel\n\nderde")
        assert field.text == "Eerste regel tweede regel derde"
        await saved(pilot)
    assert [s.comment for s in store.scores(app.conversation_for_test)] == [
        "Eerste regel tweede regel derde"]


async def test_a_megabyte_paste_is_cut_to_the_limit_with_a_notice(app, store):
    pasted = ("Een heel lang stuk tekst uit een ander document. " * 21000)[:1_000_000]
    async with app.run_test(size=(80, 24)) as pilot:
        screen, panel, field = await _first_comment(app, pilot)
        await _paste(pilot, pasted)
        assert field.text == pasted[:LIMIT]
        dropped = len(pasted) - LIMIT
        assert any(f"{LIMIT} tekens" in n and f"{dropped} tekens" in n for n in _notices(app))
        assert field.cursor_location == (0, LIMIT)
        # the cursor's line in sight: the panel follows what is typed
        assert panel.scrollable_content_region.contains(*field.cursor_screen_offset)
        app.clear_notifications()
        await pilot.press("x")  # full: nothing more goes in, and that is said
        await pilot.pause()
        assert field.text == pasted[:LIMIT]
        assert any("niet langer" in n for n in _notices(app))
        await pilot.press("backspace", "!")  # shorter, then one more fits again
        await pilot.pause()
        assert field.text == pasted[:LIMIT - 1] + "!"
        await saved(pilot)
    (stored,) = store.scores(app.conversation_for_test)
    assert stored.comment == pasted[:LIMIT - 1] + "!"


async def test_escape_sequences_are_shown_as_pictures_and_stored_as_typed(app, store):
    hostile = "a\x1b]52;c;ZWNobw==\x1b\\b\x1b[2Jc\u202ed"  # clipboard, clear, RTL
    async with app.run_test(size=(80, 24)) as pilot:
        screen, panel, field = await _first_comment(app, pilot)
        await _paste(pilot, hostile)
        shown = shown_in(app, panel)
        assert "\x1b" not in shown and "\u202e" not in shown
        assert "a␛]52;c;ZWNobw==␛\\b␛[2Jc⟨U+202E⟩d" in shown
        await saved(pilot)
    assert [s.comment for s in store.scores(app.conversation_for_test)] == [hostile]


async def test_the_cursor_stays_in_sight_while_a_long_comment_is_typed(app):
    words = " ".join(f"woord{n}" for n in range(90))  # some 14 lines at 80 columns
    async with app.run_test(size=(80, 24)) as pilot:
        screen, panel, field = await _first_comment(app, pilot)
        await type_text(pilot, words)
        await pilot.pause()
        await pilot.pause()
        view = panel.scrollable_content_region
        assert field.region.height > view.height  # taller than the panel: it scrolls
        assert view.contains(*field.cursor_screen_offset)
        assert "woord89" in shown_in(app, panel)
        await pilot.press(*["up"] * 20)  # back to the first line
        await pilot.pause()
        await pilot.pause()
        assert view.contains(*field.cursor_screen_offset)
        assert "woord0 " in shown_in(app, panel)
