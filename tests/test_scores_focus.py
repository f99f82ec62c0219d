"""Keyboard focus in the appraisal's scoring phase: Tab and f3 reach the scores.

At 80×24 a user who pressed Tab from the notes and then "3" got nothing: the
scores panel itself was a focus stop where a digit did nothing and nothing
showed the focus, and Tab went to the agenda first.
"""

from __future__ import annotations

from gespreks_tui.tui.widgets.scores_panel import CommentArea, ScoreSet, ScoresPanel
from helpers import make_app, meeting, prepare, saved

MARKS = "▌▐█┃│▎▍"


async def _scoring(pilot, app):
    await pilot.click("#kind-beoordeling")
    await pilot.press("ctrl+s")
    await pilot.pause()
    screen = meeting(app)
    await pilot.press("ctrl+f")
    await pilot.pause()
    screen.text_area.focus()
    await pilot.pause()
    return screen


async def test_tab_from_the_notes_then_a_digit_scores_the_first_criterion(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _scoring(pilot, app)
        criteria = screen.conversation.phases[1].criteria
        await pilot.press("tab")
        await pilot.press("3")
        await pilot.pause()
        await saved(pilot)
        (score,) = store.scores(screen.conversation_id)
        assert (score.criterion, score.score) == (criteria[0], 3)


async def test_tab_goes_through_each_criterion_then_its_comment(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _scoring(pilot, app)
        panel = screen.query_one(ScoresPanel)
        rows = list(panel.query(".score-row"))
        chain = screen.focus_chain
        assert panel not in chain  # the rows are the stops, not the panel around them
        start = chain.index(screen.text_area)
        expected = [w for row in rows for w in (row.query_one(ScoreSet), row.query_one(CommentArea))]
        assert chain[start + 1:start + 1 + len(expected)] == expected
        await pilot.press("tab")
        assert app.focused is expected[0]
        await pilot.press("shift+tab")
        assert app.focused is screen.text_area


def mark(screen, row) -> str:
    """The character in the first column of ``row``'s first line, as on screen."""
    x, y = row.region.x, row.region.y
    return screen._compositor.render_strips()[y].text[x]


async def test_the_focused_criterion_row_is_marked_without_colour(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _scoring(pilot, app)
        await pilot.press("tab")
        await pilot.pause()
        first, second = list(screen.query_one(ScoresPanel).query(".score-row"))[:2]
        assert first.has_class("-current") and not second.has_class("-current")
        # a bar in the row's first column (a shape, not a colour), on its first line
        assert mark(screen, first) in MARKS
        assert mark(screen, second) == " "
        await pilot.press("tab", "tab")  # the first comment, then the second criterion
        await pilot.pause()
        assert not first.has_class("-current") and second.has_class("-current")
        assert mark(screen, first) == " "
        assert mark(screen, second) in MARKS


async def test_f3_goes_from_the_notes_to_the_scores_and_back(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _scoring(pilot, app)
        first = screen.query_one(ScoresPanel).query(ScoreSet).first()
        await pilot.press("f3")
        assert app.focused is first
        await pilot.press("f3")
        assert app.focused is screen.text_area
        await pilot.press("f2")
        await pilot.press("f3")  # from elsewhere f3 is the notes, as always
        assert app.focused is screen.text_area
