"""Every guiding question can be read at 80x24 with the keyboard alone (issue 16).

The questions box holds 40% of the screen; when a phase's questions need
more, Shift+Tab from the notes goes to the box, which grows and scrolls with
the arrow, page, Home and End keys. Folded away (ctrl+g, or by itself to make
room for the appraisal's scores on a low screen) the notes' bottom border says
how to bring them back. The notes title keeps the phase name whole at 80
columns: the mode's explanation goes first.
"""

from __future__ import annotations

import pytest

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.model import Kind
from gespreks_tui.tui.widgets.notes_pane import title_text
from helpers import make_app, meeting, prepare


def shown_in(app, widget) -> str:
    """The text on screen within ``widget``'s columns and rows, as one line of words."""
    rows = app.screen._compositor.render_strips()
    region = widget.region
    return " ".join(" ".join(rows[y].text[region.x:region.right].split())
                    for y in range(region.y, region.bottom)).replace("▌", " ")


def words(text: str) -> str:
    return " ".join(text.split())


async def open_kind(pilot, store, kind: Kind):
    joris = store.find_person("Joris Bakker").id
    conversation = store.create_conversation(joris, builtin_agenda(kind), 60)
    pilot.app.open_meeting(conversation.id)
    await pilot.pause()
    return meeting(pilot.app)


@pytest.mark.parametrize("kind", [Kind.VOORTGANG, Kind.DOELSTELLING, Kind.BEOORDELING],
                         ids=lambda k: k.value)
async def test_the_last_question_of_every_phase_comes_into_view_by_keys(store, clock, kind):
    prepare(store, "Joris Bakker")
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        screen = await open_kind(pilot, store, kind)
        app, box = pilot.app, screen.query_one("#questions-box")
        scrolled = 0
        for number, phase in enumerate(screen.conversation.phases):
            if number:
                await pilot.press("f3", "ctrl+f")  # back to the notes, the next phase
                await pilot.pause()
            assert screen.meeting.phase.name == phase.name
            last = words(f"• {phase.questions[-1]}")
            if screen.notes.has_class("folded"):  # made room for the scores
                assert "ctrl+g" in str(screen.notes.border_subtitle)
                await pilot.press("ctrl+g")
                await pilot.pause()
            if last not in shown_in(app, box):
                scrolled += 1
                await pilot.press("shift+tab")
                await pilot.pause()
                assert app.focused is box, phase.name
                await pilot.press("end")
                await pilot.pause()
            assert last in words(shown_in(app, box)), (phase.name, shown_in(app, box))
            assert box.region.bottom <= app.size.height - 1  # above the key line
        if kind == Kind.VOORTGANG:
            assert scrolled  # the first phase's questions do not fit in 40%


async def test_the_box_is_a_stop_only_when_it_hides_questions(store, clock):
    prepare(store, "Joris Bakker")
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        screen = await open_kind(pilot, store, Kind.VOORTGANG)
        box, app = screen.query_one("#questions-box"), pilot.app
        assert box.max_scroll_y > 0
        await pilot.press("shift+tab")
        assert app.focused is box
        assert box.has_class("-focus") or box.has_focus
        await pilot.pause()
        assert box.max_scroll_y == 0  # grown: every question at once
        assert screen.text_area.size.height >= 5  # and the notes still in sight
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is screen.text_area
        assert box.max_scroll_y > 0  # the notes have their room back
    async with make_app(store, clock).run_test(size=(120, 40)) as pilot:
        screen = await open_kind(pilot, store, Kind.VOORTGANG)
        box = screen.query_one("#questions-box")
        assert box.max_scroll_y == 0
        await pilot.press("shift+tab")
        assert pilot.app.focused is not box  # all in view: no stop on the way


async def test_a_new_phase_shows_its_questions_from_the_first(store, clock):
    prepare(store, "Joris Bakker")
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        screen = await open_kind(pilot, store, Kind.VOORTGANG)
        box = screen.query_one("#questions-box")
        box.scroll_end(animate=False, immediate=True)  # as the mouse wheel would
        await pilot.pause()
        assert box.scroll_y > 0
        await pilot.press("ctrl+f")
        await pilot.pause()
        first = words(f"• {screen.meeting.phase.questions[0]}")
        assert first in words(shown_in(pilot.app, box))


async def test_questions_folded_for_the_scores_come_back_in_the_next_phase(store, clock):
    prepare(store, "Joris Bakker")
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        screen = await open_kind(pilot, store, Kind.BEOORDELING)
        await pilot.press("ctrl+f")  # the scoring phase
        await pilot.pause()
        notes = screen.notes
        assert notes.has_class("folded")
        assert str(notes.border_subtitle).endswith("richtvragen: ctrl+g")
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert not notes.has_class("folded")
        assert "ctrl+g" not in str(notes.border_subtitle)
        last = words(f"• {screen.meeting.phase.questions[-1]}")
        assert last in words(shown_in(pilot.app, screen.query_one("#questions-box")))


PHASES = ["Terugblik", "Beoordeling per criterium", "Terugblik op de doelstellingen",
          "Persoonlijke ontwikkelpunten", "Resultaatdoelstellingen"]


@pytest.mark.parametrize("phase", PHASES)
def test_the_title_gives_way_for_the_phase_name(phase):
    """The explanation goes first, then "GEDEELD", and only then is the phase cut."""
    for room in range(20, 90):
        shared = title_text(phase, False, room)
        assert len(shared) <= room
        if len(phase) <= room:
            assert phase in shared, (room, shared)  # the phase whole
        else:
            assert shared == phase[:room - 1] + "…"
        if len(f"{phase} · GEDEELD") <= room:
            assert "GEDEELD" in shared, (room, shared)
        if len(f"{phase} · GEDEELD → verslag") <= room:
            assert "verslag" in shared, (room, shared)
        private = title_text(phase, True, room)
        assert len(private) <= room and "PRIVÉ" in private, (room, private)
    assert title_text(phase, False, 200) == f"Notities — {phase} · GEDEELD — komt in het verslag"


async def test_the_notes_title_keeps_the_phase_name_whole_at_80_columns(store, clock):
    prepare(store, "Joris Bakker")
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        screen = await open_kind(pilot, store, Kind.BEOORDELING)
        titles = []
        for number, phase in enumerate(screen.conversation.phases):
            if number:
                await pilot.press("ctrl+f")
                await pilot.pause()
            title = str(screen.notes.border_title)
            titles.append(title)
            if len(phase.name) <= 28:  # the room at 80 columns: the phase whole
                assert title.startswith(phase.name), title
            else:  # only the phase, shortened by as little as can be
                assert title == phase.name[:27] + "…", title
        # was "Beoordeling per crite… · GEDEELD — komt in het verslag"
        assert titles[1].startswith("Beoordeling per criterium · GEDEELD"), titles
