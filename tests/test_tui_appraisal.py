"""The appraisal's scores and an attached preparation form, with Pilot."""

from __future__ import annotations

from textual.widgets import Input, RadioSet

from gespreks_tui.model import Kind
from gespreks_tui.prepare import preparation_form
from gespreks_tui.tui.widgets.score_comment import CommentArea
from helpers import make_app, meeting, prepare, saved, visible_text


async def test_appraisal_scores_are_stored(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#kind-beoordeling")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = meeting(app)
        assert not screen.query("ScoresPanel")  # only in the scoring phase
        await pilot.press("ctrl+f")
        await pilot.pause()
        panel = screen.query_one("ScoresPanel")
        criteria = screen.conversation.phases[1].criteria
        assert len(criteria) >= 4
        rows = panel.query(".score-row")
        assert len(rows) == len(criteria) + 1  # and the overall judgment
        first, overall = rows.first(), rows.last()
        first.query(RadioSet).first().query("RadioButton")[2].value = True  # goed
        first.query_one(CommentArea).value = "Sterk in <b>analyse</b> 🙂"
        overall.query(RadioSet).first().query("RadioButton")[3].value = True  # uitstekend
        await pilot.pause()
        await saved(pilot)
        (score,) = store.scores(screen.conversation_id)
        assert (score.criterion, score.score, score.comment) == (
            criteria[0], 3, "Sterk in <b>analyse</b> 🙂")
        assert store.overall(screen.conversation_id) == (4, "")
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert not screen.query("ScoresPanel")


async def test_a_filled_in_preparation_form_is_attached(store, clock, tmp_path):
    prepare(store, "Joris Bakker", "Aylin Yılmaz")
    from gespreks_tui.agendas import builtin_agenda

    form = preparation_form("Joris Bakker", Kind.VOORTGANG, "nl", builtin_agenda(Kind.VOORTGANG))
    filled = form.replace("Antwoord:\n", "Antwoord:\nIk heb het project op tijd afgerond.\n", 1)
    path = tmp_path / "voorbereiding.md"
    path.write_text(filled, encoding="utf-8")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        people = app.screen.query_one("#people-list")
        people.highlighted = 0  # Aylin: the form is Joris's and is refused
        app.screen.query_one("#prep", Input).value = str(path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Joris Bakker" in visible_text(app.screen.query_one("#start-message"))
        assert store.list_conversations() == []
        people.highlighted = 1
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = meeting(app)
        shown = visible_text(screen.query_one("#preparation"))
        assert "Ik heb het project op tijd afgerond." in shown
        assert screen.text_area.text == ""  # separate from the meeting's notes
    assert "op tijd afgerond" in store.preparation(screen.conversation_id)[0]


async def test_on_a_small_terminal_the_scores_get_the_room_they_need(store, clock):
    """80x24: in the scoring phase every score button and comment field is on screen
    (the agreements make way for it); after the phase the agreements are back."""
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#kind-beoordeling")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = meeting(app)
        agreements = screen.query_one("#agreements")
        assert agreements.visible and agreements.region.width > 20
        await pilot.press("ctrl+f")
        await pilot.pause()
        panel = screen.query_one("ScoresPanel")
        assert not agreements.visible or agreements.region.width == 0
        inside = panel.content_region
        for row in panel.query(".score-row"):
            for widget in (*row.query("RadioButton"), row.query_one(CommentArea)):
                if row.region.y < inside.bottom:  # rows below scroll into view
                    assert widget.region.right <= inside.right, widget
                    assert widget.region.width >= 3, widget
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert agreements.visible and agreements.region.width > 20
