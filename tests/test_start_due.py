"""The start screen's "Te laat of bijna" list (walk26 W7): a preview that says how to
reach what does not fit ("… en nog N · f5"), and with f5 a list in which every item is
whole and can be scrolled to, Enter choosing the item's employee. Driven with Pilot on a
real database, at 80x24 and 200x60."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from textual.content import Content

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.cycle import due_what
from gespreks_tui.demo import load_demo
from gespreks_tui.model import DueKind, Kind
from gespreks_tui.tui.screens.start_due_list import DUE_PAGE
from helpers import due_text, make_app, prepare

TEXT = "Budget voor opleiding aanvragen bij HR vóór 15 december 2026 en het team inlichten"


def many_due(store, clock, people: int, each: int) -> int:
    """``people`` employees with ``each`` overdue agreements each; the number of items."""
    agenda = builtin_agenda(Kind.VOORTGANG)
    today = clock.today()
    for n in range(people):
        person = store.add_person(f"Medewerker {n + 1} van de afdeling Klantcontact")
        conversation = store.create_conversation(person.id, agenda, 30)
        for k in range(each):
            store.add_agreement(conversation.id, f"{TEXT} ({n + 1}.{k + 1})", "employee",
                                (today - timedelta(days=k + n + 1)).isoformat())
        store.conclude(conversation.id, None)
    return people * each


def two_unfinished(store) -> None:
    """Joris with two unfinished conversations: the "Onafgerond" box takes rows."""
    joris = store.find_person("Joris Bakker")
    store.create_conversation(joris.id, builtin_agenda(Kind.BEOORDELING, "nl"), 60)
    store.create_conversation(joris.id, builtin_agenda(Kind.VOORTGANG, "nl"), 45)


def due_rows(app) -> list[str]:
    """The rows the screen shows inside the due list (what is scrolled into view)."""
    region = app.screen.query_one("#due-list").content_region
    strips = app.screen._compositor.render_strips()
    return [strips[y].text[region.x:region.x + region.width].replace("\xa0", " ").rstrip()
            for y in range(region.y, region.y + region.height)]


def plain(due, index: int) -> str:
    """The text of the due list's option at ``index`` (no-break spaces read as spaces)."""
    return Content.from_markup(str(due.get_option_at_index(index).prompt)).plain \
        .replace("\xa0", " ")


def shown_whole(app, index: int) -> bool:
    """Whether every line of the item at ``index`` is on screen, in order."""
    lines = [line.rstrip() for line in plain(app.screen.query_one("#due-list"), index)
             .split("\n")]
    rows = due_rows(app)
    return any(rows[y:y + len(lines)] == lines for y in range(len(rows) - len(lines) + 1))


def focused_id(app) -> str | None:
    return app.focused.id if app.focused is not None else None


@pytest.mark.xfail(strict=False, reason="the due list's width differs by one cell between runs (scrollbar timing); open in #16")
@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_f5_reaches_every_due_item_whole(store, clock, size):
    prepare(store)
    total = many_due(store, clock, people=7, each=4)
    items = store.due(clock.today())
    app = make_app(store, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()
        preview = due_text(app).split("\n")
        assert preview[-1].startswith("… en nog ") and preview[-1].endswith(" · f5")
        await pilot.press("f5")
        await pilot.pause()
        due = app.screen.query_one("#due-list")
        assert focused_id(app) == "due-list" and due.highlighted == 0
        assert due.option_count == total  # every item, no "… en nog" line
        for index, item in enumerate(items):
            if index:
                await pilot.press("down")
                await pilot.pause()
            assert due.highlighted == index
            assert shown_whole(app, index), (index, due_rows(app))
            text = " ".join(plain(due, index).split())
            assert " ".join(due_what(item).split()) in text
            assert "…" not in text
        rows = due_rows(app)  # the last one is on screen, its date on one row
        assert any("15 december 2026" in row for row in rows)
        assert not any(row.endswith((" 15", "december")) for row in rows)
        region = due.region
        column = app.screen.query_one("#people-box").content_region
        assert region.bottom <= column.bottom  # the list scrolls inside its column


@pytest.mark.xfail(strict=False, reason="the due list's width differs by one cell between runs (scrollbar timing); open in #16")
async def test_the_list_is_read_a_page_at_a_time_and_the_last_page_is_reached(store, clock):
    prepare(store)
    total = many_due(store, clock, people=DUE_PAGE // 4 + 2, each=4)
    assert total > DUE_PAGE
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        due = app.screen.query_one("#due-list")
        assert due.option_count == DUE_PAGE + 1  # a page, then "… en nog 8"
        for _ in range(3):
            await pilot.press("end")
            await pilot.pause()
        assert due.option_count == total
        assert due.highlighted == total - 1 and shown_whole(app, total - 1)


@pytest.mark.xfail(strict=False, reason="the due list's width differs by one cell between runs (scrollbar timing); open in #16")
async def test_the_preview_names_the_key_and_shows_no_highlight(store, clock):
    load_demo(store)
    prepare(store)
    two_unfinished(store)  # the "Onafgerond" box takes rows from the column
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        due = app.screen.query_one("#due-list")
        lines = due_text(app).split("\n")
        total = store.due_count(clock.today())
        shown = due.option_count - 1
        assert lines[-1] == f"… en nog {total - shown} · f5"
        assert due.highlighted is None
        assert due_rows(app)[:len(lines)] == [line.rstrip() for line in lines]
        await pilot.press("f5")
        await pilot.pause()
        assert due.option_count == total and due.highlighted == 0
        await pilot.press("tab")  # on to the form: the preview again
        await pilot.pause()
        assert focused_id(app) == "kind"
        assert due_text(app).split("\n") == lines and due.highlighted is None


async def test_tab_goes_through_the_due_list_between_the_people_and_the_form(store, clock):
    load_demo(store)
    prepare(store)
    app = make_app(store, clock)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        assert focused_id(app) == "people-list"
        await pilot.press("tab")
        assert focused_id(app) == "due-list"
        await pilot.press("tab")
        assert focused_id(app) == "kind"
        await pilot.press("shift+tab", "shift+tab")
        assert focused_id(app) == "people-list"


@pytest.mark.parametrize("kind", [DueKind.AGREEMENT, DueKind.GOAL_STEP])
async def test_enter_on_an_item_chooses_the_employee_and_its_row(store, clock, kind):
    load_demo(store)
    prepare(store)
    items = store.due(clock.today())
    index = next(n for n, item in enumerate(items) if item.kind == kind)
    item = items[index]
    row = (f"agreement-{item.agreement_id}" if kind == DueKind.AGREEMENT
           else str(item.conversation_id))
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        people = app.screen.query_one("#people-list")
        assert people.get_option_at_index(people.highlighted).id != str(item.employee_id)
        await pilot.press("f5", *["down"] * index, "enter")
        await pilot.pause()
        assert people.get_option_at_index(people.highlighted).id == str(item.employee_id)
        history = app.screen.query_one("#history")
        assert focused_id(app) == "history"
        assert history.get_option_at_index(history.highlighted).id == row


async def test_f5_is_not_offered_with_nothing_due(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        assert "f5" not in app.screen.active_bindings
        await pilot.press("f5", "tab")
        assert focused_id(app) == "kind"  # nothing to go to: Tab goes past it too


# -- snapshots: the preview and the whole list at 80x24 ------------------------------
@pytest.fixture
def _utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _scene(keys: tuple[str, ...]):
    async def run(pilot):
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.pause()

    return run


@pytest.mark.parametrize("keys", [(), ("f5", "down", "down", "down")],
                         ids=["preview", "focused"])
@pytest.mark.xfail(strict=False, reason="the due list's width differs by one cell between runs (scrollbar timing); open in #16")
def test_snapshot_due_list_at_80x24(snap_compare, store, clock, _utc, keys):
    load_demo(store)
    prepare(store)
    two_unfinished(store)
    assert snap_compare(make_app(store, clock), terminal_size=(80, 24),
                        run_before=_scene(keys))
