"""Hand walk 25, F4/F13/F25/F27: the agenda keeps "(plan 15:00)" on one line, the
focused score row stays in sight after a resize, a criterion's name wraps at its words
(never a word dropped without a mark) and the delete notice shortens an agreement at a
word with "…". Real app, real SQLite in tmp_path, a fake clock."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from gespreks_tui import catalogue
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.model import Kind
from gespreks_tui.templates import parse_template
from gespreks_tui.tui.widgets.agenda_pane import PhaseRow
from gespreks_tui.tui.widgets.scores_panel import CommentArea, ScoreSet, ScoresPanel
from helpers import make_app, meeting, prepare

SIZES = [(80, 24), (200, 60)]
LONG_NAME = "Communicatie met klanten, collega's en leveranciers"
ONE_WORD = "Klantcommunicatievaardigheidsontwikkeling"
CUSTOM = f"""# Beoordeling

## Beoordeling per criterium (30 min)

- Hoe ging het?

### Criteria

- {LONG_NAME}
- {ONE_WORD}
- Vakkennis
"""
AGREEMENT = ("Een afspraak met een behoorlijk lange omschrijving die niet in veertig "
             "tekens past")


def conversation(store, kind: Kind, lang: str = "nl", agenda=None) -> int:
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker").id
    return store.create_conversation(joris, agenda or builtin_agenda(kind, lang), 60,
                                     language=lang).id


async def open_phase(app, pilot, conversation_id: int, forward: int = 1):
    app.open_meeting(conversation_id)
    await pilot.pause()
    await pilot.pause()
    for _ in range(forward):
        await pilot.press("ctrl+f")
        await pilot.pause()
    await pilot.pause()
    return meeting(app)


def lines_of(widget) -> list[str]:
    return str(widget.render()).split("\n")


# F4 ---------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_the_plan_of_a_phase_stays_on_one_line(store, clock, size):
    """Skipping ahead gives the next phase a larger share: "00:00 van 33:20 (plan
    25:00)" wraps in the agenda's column, before "(plan", never inside it."""
    app = make_app(store, clock)
    async with app.run_test(size=size) as pilot:
        screen = await open_phase(app, pilot, conversation(store, Kind.BEOORDELING))
        row = screen.query_one("#phase-1", PhaseRow)
        assert row.has_class("current")
        shown = lines_of(row)
        assert any("(plan 25:00)" in line for line in shown), shown
        assert len(shown) == row.content_size.height
        for width in range(14, 40):  # at any width the pane can have
            assert any("(plan 25:00)" in line.plain for line in row.fitted(width)), width


# F25 --------------------------------------------------------------------------------


async def _names(pilot, lang: str, agenda=None, store=None, clock=None, size=(80, 24)):
    catalogue.set_language(lang)
    app = make_app(store, clock)
    cid = conversation(store, Kind.BEOORDELING, lang, agenda)
    async with app.run_test(size=size) as pilot:
        screen = await open_phase(app, pilot, cid)
        panel = screen.query_one(ScoresPanel)
        found = []
        for row in panel.query(".score-row"):
            name = row.query_one(".criterion")
            line = row.query_one(".score-line")
            shown = lines_of(name)
            assert name.region.height == len(shown), shown  # no line clipped
            assert line.region.contains_region(name.region)
            assert name.region.right <= row.query_one(ScoreSet).region.x
            assert all(cell_len(each) <= name.region.width for each in shown)
            found.append((" ".join(shown), str(name.tooltip)))
        return found


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_a_builtin_criterion_name_is_shown_whole(store, clock, lang, size):
    """80x24 in English showed "Professional" for "Professional knowledge"."""
    names = await _names(None, lang, store=store, clock=clock, size=size)
    criteria = next(p.criteria for p in builtin_agenda(Kind.BEOORDELING, lang).phases
                    if p.criteria)
    assert [shown for shown, _ in names][:len(criteria)] == list(criteria)
    if lang == "en":
        assert ("Professional knowledge", "Professional knowledge") in names


@pytest.mark.parametrize("size", SIZES)
async def test_a_long_custom_criterion_wraps_or_is_marked(store, clock, size):
    agenda, problems = parse_template(CUSTOM, "beoordeling", "nl")
    assert problems == []
    names = dict(await _names(None, "nl", agenda, store=store, clock=clock, size=size))
    assert names[LONG_NAME] == LONG_NAME  # every word, over as many lines as it takes
    if size[0] == 80:  # a word wider than the column: shortened with a mark
        (cut,) = [shown for shown, whole in names.items() if whole == ONE_WORD]
        assert cut.endswith("…") and ONE_WORD.startswith(cut[:-1])
    else:
        assert names[ONE_WORD] == ONE_WORD


@pytest.mark.parametrize("size", SIZES)
async def test_a_scale_point_stays_with_its_label(store, clock, size):
    catalogue.set_language("en")
    app = make_app(store, clock)
    cid = conversation(store, Kind.BEOORDELING, "en")
    async with app.run_test(size=size) as pilot:
        screen = await open_phase(app, pilot, cid)
        legend = screen.query_one(".score-legend")
        shown = legend.render().plain.replace("\u00a0", " ").split("\n")
        assert any("4 good" in line for line in shown), shown
        assert any("5 excellent" in line for line in shown), shown


# F13 --------------------------------------------------------------------------------


@pytest.mark.parametrize("start", [(120, 40), (200, 60)])
@pytest.mark.parametrize("target", ["comment", "points"])
async def test_the_focused_score_row_stays_in_sight_after_a_resize(store, clock, start,
                                                                   target):
    app = make_app(store, clock)
    cid = conversation(store, Kind.BEOORDELING)
    async with app.run_test(size=start) as pilot:
        screen = await open_phase(app, pilot, cid)
        panel = screen.query_one(ScoresPanel)
        kind = CommentArea if target == "comment" else ScoreSet
        last = list(panel.query(kind))[-1]  # the overall judgment's
        last.focus()
        await pilot.pause()
        assert panel.scrollable_content_region.contains_region(last.region)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert app.focused is last
        view = panel.scrollable_content_region
        assert view.contains_region(last.region), (view, last.region)
        row = last.parent if target == "comment" else last.parent.parent
        assert view.contains_region(row.query_one(".criterion").region)
        await pilot.resize_terminal(*start)  # and back
        await pilot.pause()
        await pilot.pause()
        assert panel.scrollable_content_region.contains_region(last.region)


# F27 --------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_the_delete_notice_shortens_at_a_word(store, clock, size):
    app = make_app(store, clock)
    cid = conversation(store, Kind.VOORTGANG)
    store.add_agreement(cid, AGREEMENT, "employee", None)
    async with app.run_test(size=size) as pilot:
        await open_phase(app, pilot, cid, forward=0)
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        assert store.agreements(cid) == []
        said = [str(n.message).replace("\u00a0", " ") for n in app._notifications]
        (notice,) = [each for each in said if each.startswith("Afspraak verwijderd")]
        quoted = notice.split("“", 1)[1].split("”", 1)[0]
        assert quoted == "Een afspraak met een behoorlijk lange…", notice
        assert "om." not in notice
        await pilot.press("u")  # and it comes back whole
        await pilot.pause()
        assert [a.text for a in store.agreements(cid)] == [AGREEMENT]
