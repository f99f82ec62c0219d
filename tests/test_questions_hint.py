"""At 80x24 the guiding questions of a phase need more room than they get: the notes'
bottom border says where the rest are (walk26 W5), and stops saying it while the
questions box is being read. Pilot on a real database."""

from __future__ import annotations

from gespreks_tui.catalogue import t
from helpers import make_app, meeting, prepare


def _subtitle(app) -> str:
    return str(meeting(app).query_one("NotesPane").border_subtitle)


async def test_cut_questions_are_announced_with_their_key(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        box = meeting(app).query_one("#questions-box")
        assert box.max_scroll_y > 0  # the questions do not all show at 80x24
        assert t("notes.questions_more") in _subtitle(app)
        await pilot.press("shift+tab")  # to the questions: they grow, the hint goes
        await pilot.pause()
        await pilot.pause()
        assert app.focused is box
        assert t("notes.questions_more") not in _subtitle(app)


async def test_no_hint_where_every_question_shows(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert meeting(app).query_one("#questions-box").max_scroll_y == 0
        assert t("notes.questions_more") not in _subtitle(app)
