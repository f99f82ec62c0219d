"""Walk 26, W6: at 80x24 a beoordeling's four phases need a scrollbar in the agenda,
and the scrollbar's cell split "00:13 van 32:59" over two lines. A time span stays on
one line, the rows keep the width they have without a scrollbar, and the phase names
and "Totaal" still wrap at their words. Real app, real SQLite in tmp_path, a fake
clock."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from gespreks_tui import catalogue
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.model import Kind
from gespreks_tui.tui.widgets.agenda_pane import AgendaPane, PhaseRow
from helpers import make_app, meeting, prepare


def start(store, kind: Kind, lang: str, minutes: int) -> int:
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker").id
    return store.create_conversation(joris, builtin_agenda(kind, lang), minutes,
                                     language=lang).id


def lines_of(widget) -> list[str]:
    return [line.replace("\xa0", " ") for line in str(widget.render()).split("\n")]


def screen_rows(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def open_at(app, pilot, cid: int, clock, forward: int, seconds: int):
    app.open_meeting(cid)
    await pilot.pause()
    await pilot.pause()
    for _ in range(forward):
        await pilot.press("ctrl+f")
        await pilot.pause()
    clock.advance(seconds)
    screen = meeting(app)
    screen.tick()
    await pilot.pause()
    await pilot.pause()
    return screen


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("minutes", [45, 60])
async def test_the_time_of_the_scoring_phase_stays_on_one_line(store, clock, lang, minutes):
    catalogue.set_language(lang)
    cid = start(store, Kind.BEOORDELING, lang, minutes)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(app, pilot, cid, clock, forward=1, seconds=13)
        pane = screen.query_one(AgendaPane)
        assert pane.show_vertical_scrollbar  # four long phases: the walk's case
        row = screen.query_one("#phase-1", PhaseRow)
        assert row.has_class("current")
        figures = next(p for p in screen.meeting.timer.phases() if p.current)
        from gespreks_tui.agenda import clock_text

        span = catalogue.t("agenda.used_of", used="00:13", planned=clock_text(figures.share))
        shown = lines_of(row)
        assert any(line.strip() == span for line in shown), shown
        assert any(line.strip() == f"(plan {clock_text(figures.planned)})" for line in shown)
        assert len(shown) == row.content_size.height  # every line drawn, none clipped
        assert all(cell_len(line) <= row.content_size.width for line in shown)
        # ...and on the screen itself, inside the agenda's border
        assert any(f"│  {span} " in text or f"│  {span}│" in text
                   for text in screen_rows(app)), "\n".join(screen_rows(app))


@pytest.mark.parametrize(("kind", "scrolls"), [(Kind.VOORTGANG, False),
                                             (Kind.BEOORDELING, True)])
async def test_the_rows_keep_their_width_when_the_scrollbar_shows(store, clock, kind, scrolls):
    """A voortgang (three phases) needs no scrollbar at 80x24, a beoordeling does: the
    rows are as wide in both, so "00:00 van 20:00" and "00:13 van 33:20" read alike."""
    cid = start(store, kind, "nl", 60)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(app, pilot, cid, clock, forward=0, seconds=13)
        pane = screen.query_one(AgendaPane)
        assert pane.show_vertical_scrollbar is scrolls
        assert pane.has_class("-scrolling") is scrolls
        assert {row.content_size.width for row in pane.query(PhaseRow)} == {16}
        assert screen.query_one("#agenda-total").content_size.width == 16


async def test_names_and_total_still_wrap_at_their_words(store, clock):
    cid = start(store, Kind.BEOORDELING, "nl", 60)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(app, pilot, cid, clock, forward=1, seconds=13)
        assert [line.strip() for line in lines_of(screen.query_one("#phase-0"))][:3] == [
            "Terugblik op", "de", "doelstellingen"]
        assert [line.strip() for line in lines_of(screen.query_one("#phase-1"))][:2] == [
            "▶ Beoordeling", "per criterium"]
        total = [line.strip() for line in lines_of(screen.query_one("#agenda-total"))]
        assert total == ["Totaal", "00:13 / 60:00", "Nog 59:47"]


@pytest.mark.parametrize("planned", [20 * 60, 33 * 60 + 20, 245 * 60])
async def test_a_time_span_breaks_only_when_no_line_can_hold_it(store, clock, planned):
    """At any width the pane can have: the span whole on one line, its indent given up
    if need be; only narrower than the span itself does it break, at a word."""
    from gespreks_tui.agenda import PhaseTime

    cid = start(store, Kind.BEOORDELING, "nl", 60)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(app, pilot, cid, clock, forward=0, seconds=0)
        row = screen.query_one("#phase-1", PhaseRow)
        figures = PhaseTime(position=1, planned=25 * 60, share=planned, used=13,
                            current=True)
        row.show("Beoordeling per criterium", figures)
        from gespreks_tui.agenda import clock_text

        span = f"00:13 van {clock_text(planned)}"
        for width in range(8, 40):
            lines = [line.plain for line in row.fitted(width)]
            assert all(cell_len(line) <= width for line in lines), (width, lines)
            whole = any(line.strip() == span or line.strip().startswith(span + " ")
                        for line in lines)
            assert whole is (cell_len(span) <= width), (width, lines)
            if width >= len("(plan 25:00)"):
                assert any("(plan 25:00)" in line for line in lines), (width, lines)


async def test_a_tick_with_as_many_lines_lays_nothing_out_again(store, clock):
    """The agenda ticks every second: the row repaints, without a layout pass, while
    its lines stay as many; a line more (the plan appears) does lay out."""
    cid = start(store, Kind.BEOORDELING, "nl", 45)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(app, pilot, cid, clock, forward=0, seconds=13)
        row = screen.query_one("#phase-0", PhaseRow)
        asked: list[bool] = []
        real = row.refresh
        row.refresh = lambda *a, layout=False, **k: (asked.append(layout), real(*a, **k))[1]
        clock.advance(1)
        screen.tick()
        assert asked == [False]
        row = screen.query_one("#phase-1", PhaseRow)
        asked.clear()
        real = row.refresh
        row.refresh = lambda *a, layout=False, **k: (asked.append(layout), real(*a, **k))[1]
        lines = len(row.fitted(row.content_size.width))
        await pilot.press("ctrl+f")  # phase 1 is current: its time and plan under it
        await pilot.pause()
        assert len(row.fitted(row.content_size.width)) > lines
        assert True in asked


@pytest.fixture
def _utc(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_snapshot_the_agenda_of_a_beoordeling_at_80x24(snap_compare, store, clock, _utc):
    """The walk's screen: scoring, 13 seconds in, the agenda with its scrollbar."""
    cid = start(store, Kind.BEOORDELING, "nl", 45)

    async def run_before(pilot) -> None:
        screen = await open_at(pilot.app, pilot, cid, clock, forward=1, seconds=13)
        screen.text_area.cursor_blink = False
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(store, clock), terminal_size=(80, 24), run_before=run_before)
