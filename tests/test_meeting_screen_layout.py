"""The meeting screen uses its room: no entry hidden while rows sit empty, no text cut.

At 80x24, 120x30 and 200x60 with five agreements and four earlier ones to
follow up; dates, figures and names never broken inside; the time of a phase
shown the same way just before and just after it is entered.
"""

from __future__ import annotations

import re

import pytest

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.model import Kind
from gespreks_tui.tui.widgets.fitted import fit, parts_run, text_run
from gespreks_tui.tui.widgets.score_comment import CommentArea
from helpers import make_app, meeting, prepare
from test_meeting_screen_focus import AGREEMENTS, open_for, team

SIZES = [(80, 24), (120, 30), (200, 60)]


def lines_of(widget) -> list[str]:
    return str(widget.render()).split("\n")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_no_entry_is_hidden_while_rows_sit_empty(store, clock, size):
    joris = team(store)
    async with make_app(store, clock).run_test(size=size) as pilot:
        screen = await open_for(pilot, store, joris, AGREEMENTS)
        pane = screen.agreements_pane
        assert len(pane.follow_up_list.children) == 4
        for focus in ("f4", "f6"):
            await pilot.press(focus)
            await pilot.pause()
            lists = [pane.agreement_list, pane.follow_up_list]
            used = sum(child.outer_size.height + child.styles.margin.top
                       + child.styles.margin.bottom for child in pane.children if child.display)
            spare = pane.content_size.height - used
            hidden = [listing.id for listing in lists if listing.max_scroll_y > 0]
            if hidden:  # scrolling only when the column is full
                assert spare <= 0, (focus, hidden, spare)
            for listing in lists:  # one scrollbar per list at most, none around them
                assert listing.virtual_size.height <= listing.size.height + listing.max_scroll_y
            focused = pilot.app.focused
            item = focused.highlighted_child
            assert focused.region.contains_region(item.region), focus  # wholly in view
        if size == (200, 60):
            assert all(listing.max_scroll_y == 0 for listing in lists)  # everything shows


async def test_dates_owner_and_hints_never_break_inside(store, clock):
    joris = team(store)
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        screen = await open_for(pilot, store, joris, AGREEMENTS)
        texts = [lines_of(item) for item in screen.query("AgreementItem, FollowUpItem")]
        flat = [line for lines in texts for line in lines]
        assert any("31 mrt 2027" in line for line in flat)
        assert any("30 sep 2026" in line for line in flat)
        assert any("geen datum" in line for line in flat)
        assert not any(re.search(r"\b(31|mrt|geen)\s*$", line) for line in flat
                       if "2027" not in line and "datum" not in line)
        width = screen.agreements_pane.agreement_list.content_size.width
        assert all(len(line) <= width for line in flat)


async def test_the_total_of_a_long_meeting_stays_on_its_lines(store, clock):
    prepare(store, "Joris Bakker")
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        joris = store.find_person("Joris Bakker").id
        screen = await open_for(pilot, store, joris, minutes=245)
        clock.advance(2)
        screen.tick()
        await pilot.pause()
        lines = [line.strip() for line in lines_of(screen.query_one("#agenda-total"))]
        assert "00:02 / 245:00" in lines  # the figures whole, on a line of their own


def test_fit_keeps_pieces_whole_and_cuts_only_what_cannot_fit():
    total = parts_run(["Totaal", "00:02 / 245:00"], sep=" ")
    assert [c.plain for c in fit([total], 21)] == ["Totaal 00:02 / 245:00"]
    assert [c.plain for c in fit([total], 20)] == ["Totaal", "00:02 / 245:00"]
    name = parts_run(["▶ Resultaatdoelstellingen"])
    assert [c.plain for c in fit([name], 16)] == ["▶ Resultaatdoel…"]
    words = text_run("Terugblik op de doelstellingen", hang=2)
    assert [c.plain for c in fit([words], 26)] == ["Terugblik op de", "  doelstellingen"]
    assert [c.plain for c in fit([words], 16)] == ["Terugblik op de", " doelstellingen"]


async def test_phase_names_wrap_at_words_in_the_agenda(store, clock):
    prepare(store, "Joris Bakker")
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        joris = store.find_person("Joris Bakker").id
        conversation = store.create_conversation(joris, builtin_agenda(Kind.DOELSTELLING), 60)
        pilot.app.open_meeting(conversation.id)
        await pilot.pause()
        screen = meeting(pilot.app)
        names = [p.name for p in screen.conversation.phases]
        shown = " ".join(" ".join(lines_of(row)) for row in screen.query(".phase-row"))
        for name in names:
            for word in name.split():  # every word whole (or shortened with "…")
                assert word in shown or f"{word[:8]}" in shown and "…" in shown, word
        title = str(screen.notes.border_title)
        # At 80 columns the phase name comes first: "GEDEELD" makes way for it.
        assert title == "Resultaatdoelstellingen"


async def test_the_mode_stays_in_the_notes_title_beside_a_long_phase(store, clock):
    prepare(store, "Joris Bakker")
    async with make_app(store, clock).run_test(size=(120, 30)) as pilot:
        joris = store.find_person("Joris Bakker").id
        conversation = store.create_conversation(joris, builtin_agenda(Kind.BEOORDELING), 60)
        pilot.app.open_meeting(conversation.id)
        await pilot.pause()
        screen = meeting(pilot.app)
        title = str(screen.notes.border_title)
        # The phase whole; the mode's explanation shortened to make room for it.
        assert title == "Terugblik op de doelstellingen · GEDEELD → verslag"


async def test_a_phase_shows_the_same_time_before_and_after_it_is_entered(store, clock):
    prepare(store, "Joris Bakker")
    async with make_app(store, clock).run_test(size=(120, 30)) as pilot:
        joris = store.find_person("Joris Bakker").id
        screen = await open_for(pilot, store, joris)
        clock.advance(30 * 60)  # Terugblik 10 minutes over: 15 minutes left for 15 + 10
        screen.tick()
        await pilot.pause()
        assert "15:00 → 09:00" in " ".join(lines_of(screen.query_one("#phase-1")))
        await pilot.press("ctrl+f")
        await pilot.pause()
        after = " ".join(lines_of(screen.query_one("#phase-1")))
        assert "▶ Vooruitblik 09:00" in " ".join(after.split())  # not back to 15:00
        assert "00:00 van 09:00 (plan 15:00)" in " ".join(after.split())


async def test_time_saved_goes_to_every_later_phase(store, clock):
    prepare(store, "Joris Bakker")
    async with make_app(store, clock).run_test(size=(120, 30)) as pilot:
        joris = store.find_person("Joris Bakker").id
        screen = await open_for(pilot, store, joris)
        clock.advance(10 * 60)  # Terugblik ends 10 minutes early: 35 minutes for 15 + 10
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert "21:00" in " ".join(lines_of(screen.query_one("#phase-1")))
        assert "10:00 → 14:00" in " ".join(lines_of(screen.query_one("#phase-2")))


async def test_appraisal_comments_get_a_row_of_their_own_at_80x24(store, clock):
    prepare(store, "Joris Bakker")
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        joris = store.find_person("Joris Bakker").id
        conversation = store.create_conversation(joris, builtin_agenda(Kind.BEOORDELING), 60)
        pilot.app.open_meeting(conversation.id)
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        screen = meeting(pilot.app)
        row = screen.query(".score-row").first()
        comment = row.query_one(CommentArea)
        assert comment.region.width >= 40  # was 5 cells beside the scores
        buttons = row.query("ScoreButton")
        buttons[2].value = True
        await pilot.pause()
        marks = [str(b.render())[0] for b in buttons]
        assert marks == ["○", "○", "●", "○", "○"]  # without colour (5 points)
        assert buttons[2].has_class("-on")
