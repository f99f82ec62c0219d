"""The appraisal's scoring phase from a hand walk at 80x24 and 200x60: the lists stay
reachable while the scores take their column (f4 and back with f3), space records no
score and 0 clears one, and the saved time belongs to the phase on screen (a long
comment shows whole: test_score_comment). Real app, real SQLite in tmp_path, a fake clock."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.widgets import Label

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.model import Kind
from gespreks_tui.tui.widgets.agreements_pane import AgreementsPane
from gespreks_tui.tui.widgets.key_footer import KeyFooter
from gespreks_tui.tui.widgets.notes_area import NotesArea
from gespreks_tui.tui.widgets.scores_panel import ScoreSet, ScoresPanel
from helpers import make_app, meeting, prepare, saved, type_text

DAY = 24 * 3600
SIZES = [(80, 24), (200, 60)]
LONG = ("Training klantgesprekken volgen en de geleerde aanpak toepassen in het "
        "maandelijkse teamoverleg")


def appraisal(store, clock) -> int:
    """Joris's appraisal, with an agreement of its own and one to follow up."""
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker").id
    earlier = store.create_conversation(joris, builtin_agenda(Kind.VOORTGANG, "nl"), 45,
                                        language="nl").id
    store.add_agreement(earlier, "Twee collega's inwerken in het beheer", "both", "2026-09-30")
    clock.advance(3600)
    store.conclude(earlier, None)
    clock.advance(60 * DAY)
    now = store.create_conversation(joris, builtin_agenda(Kind.BEOORDELING, "nl"), 60,
                                    language="nl").id
    store.add_agreement(now, LONG, "employee", None)
    return now


async def open_scoring(app, pilot):
    app.open_meeting(app.conversation_for_test)
    await pilot.pause()
    await pilot.pause()
    screen = meeting(app)
    await pilot.press("ctrl+f")
    await pilot.pause()
    await pilot.pause()
    return screen, screen.query_one(ScoresPanel)


def key_line(screen) -> str:
    return screen.query_one(KeyFooter).render().plain


def shows(widget) -> bool:
    """On screen: visible, with room (not in a column of width 0)."""
    return widget.visible and widget.region.width > 0 and widget.region.height > 0


@pytest.fixture
def app(store, clock):
    made = make_app(store, clock)
    made.conversation_for_test = appraisal(store, clock)
    return made


@pytest.mark.parametrize("size", SIZES)
async def test_f4_reaches_the_agreements_while_scoring_and_f3_goes_back(app, size):
    async with app.run_test(size=size) as pilot:
        screen, panel = await open_scoring(app, pilot)
        pane = screen.query_one(AgreementsPane)
        narrow = size[0] < 100
        assert shows(panel)
        assert shows(pane) is not narrow  # at 80 columns the scores have its room
        if narrow:  # and the key line says how to reach it, beside f3
            assert key_line(screen).startswith("f3 Scores f4 Afspraken")
        await pilot.press("f4")
        await pilot.pause()
        await pilot.pause()
        listing = pane.agreement_list
        assert screen.focused is listing
        assert shows(pane) and shows(listing.children[0])
        assert listing.highlighted_child is listing.children[0]
        if narrow:  # the lists in the place of the scores; f3 says it goes back
            assert not shows(panel)
            assert "f3 Scores" in key_line(screen)
        else:
            assert shows(panel)
        await pilot.press("f6")  # the follow-ups, in the same column
        await pilot.pause()
        assert screen.focused is pane.follow_up_list and shows(pane.follow_up_list)
        await pilot.press("f3")
        await pilot.pause()
        await pilot.pause()
        if narrow:  # back to the first criterion without a score
            assert isinstance(screen.focused, ScoreSet)
            assert shows(panel) and shows(screen.focused)
            assert not shows(pane)
        else:  # f3 is "Notities" here, as in every phase
            assert isinstance(screen.focused, NotesArea)
        await pilot.press("f4")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("f2")  # any focus outside the lists brings the scores back
        await pilot.pause()
        assert shows(panel)
        assert shows(pane) is not narrow


async def test_tab_from_the_lists_brings_the_scores_back_at_80x24(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen, panel = await open_scoring(app, pilot)
        await pilot.press("f4")
        await pilot.pause()
        await pilot.pause()
        assert not shows(panel)
        for _ in range(4):  # around the column and on: never a focus out of sight
            await pilot.press("tab")
            await pilot.pause()
            assert screen.focused is not None and shows(screen.focused)
        assert shows(panel) or screen.has_class("lists-shown")


async def _points(pilot, screen) -> ScoreSet:
    await pilot.press("f3")  # from the notes: the first criterion's points
    await pilot.pause()
    points = screen.focused
    assert isinstance(points, ScoreSet)
    return points


def _chosen(points: ScoreSet) -> str:
    row = points.parent.parent
    return str(row.query_one(".chosen", Label).render())


@pytest.mark.parametrize("size", SIZES)
async def test_space_records_no_score_and_0_clears_it(app, store, size):
    conversation = app.conversation_for_test
    async with app.run_test(size=size) as pilot:
        screen, panel = await open_scoring(app, pilot)
        points = await _points(pilot, screen)
        await pilot.press("space")
        await pilot.pause()
        assert points.pressed_button is None and _chosen(points) == "–"
        assert any("Kies een score met 1–5" in n.message for n in app._notifications)
        await pilot.press("enter")
        await pilot.pause()
        assert points.pressed_button is None
        assert "Score wissen" not in key_line(screen)  # nothing to clear yet
        await pilot.press("4")
        await saved(pilot)
        assert _chosen(points) == "goed"
        assert [s.score for s in store.scores(conversation) if s.position == 0] == [4]
        assert "0 Score wissen" in key_line(screen)
        await pilot.press("0")
        await saved(pilot)
        assert points.pressed_button is None and _chosen(points) == "–"
        assert [s.score for s in store.scores(conversation) if s.position == 0] == [None]
        assert "Score wissen" not in key_line(screen)
        # After a clear, space still chooses nothing; the arrows and space do.
        await pilot.press("space")
        await pilot.pause()
        assert points.pressed_button is None
        await pilot.press("right", "right", "space")
        await saved(pilot)
        assert _chosen(points) == "matig"
        assert [s.score for s in store.scores(conversation) if s.position == 0] == [2]
        for key in ("delete", "backspace"):
            await pilot.press("3")
            await saved(pilot)
            await pilot.press(key)
            await saved(pilot)
            assert [s.score for s in store.scores(conversation)
                    if s.position == 0] == [None], key
    # Opened again: the cleared score stays cleared, and space still records nothing.
    again = make_app(store, app.clock)
    again.conversation_for_test = conversation
    async with again.run_test(size=size) as pilot:
        again.open_meeting(conversation)  # where it was left: the scoring phase
        await pilot.pause()
        await pilot.pause()
        screen = meeting(again)
        points = await _points(pilot, screen)
        assert points.pressed_button is None
        await pilot.press("space")
        await saved(pilot)
        assert [s.score for s in store.scores(conversation) if s.position == 0] == [None]


async def test_the_saved_time_belongs_to_the_phase_on_screen(app, store, clock):
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_meeting(app.conversation_for_test)
        await pilot.pause()
        screen = meeting(app)
        await type_text(pilot, "Doelen deels gehaald.")
        await pilot.pause(0.1)
        await saved(pilot)
        first = screen.notes.save_status
        assert first.startswith("Opgeslagen ")
        clock.advance(90)
        await pilot.press("ctrl+f")  # the scoring phase: nothing saved there yet
        await pilot.pause()
        assert "Opgeslagen" not in screen.notes.save_status
        assert "Opgeslagen" not in str(screen.notes.border_subtitle)
        await pilot.press("f3", "3")  # a score is saved in this phase
        await saved(pilot)
        scored = screen.notes.save_status
        assert scored.startswith("Opgeslagen ") and scored != first
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert "Opgeslagen" not in screen.notes.save_status
        await pilot.press("ctrl+b", "ctrl+b")
        await pilot.pause()
        assert screen.notes.save_status == first  # the first phase's own save


@pytest.mark.parametrize("size", SIZES)
async def test_nothing_in_the_scoring_phase_is_cut(app, size):
    """Names, points, the chosen label and the overall judgment whole at both sizes."""
    async with app.run_test(size=size) as pilot:
        screen, panel = await open_scoring(app, pilot)
        points = await _points(pilot, screen)
        rows = list(panel.query(".score-row"))
        assert len(rows) == 6  # five criteria and the overall judgment
        assert "Totaaloordeel" in str(rows[-1].query_one(".criterion", Label).render())
        for row in rows:
            row.query_one(ScoreSet).focus()
            await pilot.press("5")  # the longest label: "uitstekend"
            await pilot.pause()
            name = row.query_one(".criterion", Label)
            assert name.region.width >= cell_len(str(name.render())), str(name.render())
            chosen = row.query_one(".chosen", Label)
            assert chosen.region.width >= cell_len("uitstekend") + 1
            for part in (name, chosen, row.query_one(ScoreSet)):
                assert panel.scrollable_content_region.contains_region(part.region)
            indicators = row.query(".score-indicators")
            if indicators:  # wrapped at words under the name, never cut at the side
                label = indicators.first()
                assert label.region.right <= panel.scrollable_content_region.right
                width = label.content_size.width
                lines = label.get_content_height(label.region.size, label.region.size, width)
                assert label.content_size.height == lines
        assert points.pressed_button is not None


async def test_a_new_agreement_made_while_scoring_at_80x24_is_said_and_reachable(app, store):
    conversation = app.conversation_for_test
    async with app.run_test(size=(80, 24)) as pilot:
        screen, panel = await open_scoring(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "Presentatie geven op de afdelingsdag")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert [a.text for a in store.agreements(conversation)][-1] == (
            "Presentatie geven op de afdelingsdag")
        assert any(n.message.startswith("Afspraak opgeslagen; f4 toont")
                   for n in app._notifications)
        assert shows(panel)  # still scoring: the scores stay where they were
        await pilot.press("f4")
        await pilot.pause()
        await pilot.pause()
        listing = screen.agreements_pane.agreement_list
        assert screen.focused is listing and shows(listing.highlighted_child)
        assert "Presentatie" in str(listing.highlighted_child.render())
