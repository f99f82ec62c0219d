"""Walk 26: on the minutes screen at 80x24 the score table shows as a list, and a long
"Toelichting:" went on left of its own label. Its further lines now start under the
text (or, with too little room beside the label, under the label), a date in it stays
whole, and the minutes' Markdown, the record, is byte for byte what it was. Real app,
real SQLite in tmp_path, a fake clock."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from gespreks_tui import catalogue
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.minutes import publish
from gespreks_tui.minutes.render import render_minutes
from gespreks_tui.tui.widgets.minutes_markdown import LEAST_HANGING, FittedTable, TableList
from helpers import make_app, prepare

EXPLANATION = ("Sterke vakkennis, collega's vragen hem om raad bij lastige vragen over "
               "het beheer sinds 2 december 2026")


def concluded(store, lang: str) -> int:
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker")
    c = store.create_conversation(joris.id, builtin_agenda("beoordeling", lang), 60,
                                  language=lang)
    for i, name in enumerate(c.phases[1].criteria):
        store.save_score(c.id, i, name, i % 5 + 1, EXPLANATION)
    store.conclude(c.id, "2027-11-01")
    publish(store, c.id)
    return c.id


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def on_minutes(app, pilot, cid: int):
    from gespreks_tui.tui.screens.minutes import MinutesScreen

    await settle(pilot)
    app.push_screen(MinutesScreen(cid))
    await settle(pilot)
    return app.screen


def entry_lines(lines: list[str], label: str) -> list[list[str]]:
    """Each "label: ..." line with the lines that go on from it (up to a blank line or
    the next "Label:")."""
    found: list[list[str]] = []
    current: list[str] | None = None
    for line in lines:
        if line.lstrip().startswith(label):
            current = [line]
            found.append(current)
        elif current is not None and line.strip() and ":" not in line.split()[0]:
            current.append(line)
        else:
            current = None
    return found


@pytest.mark.parametrize(("lang", "label"), [("nl", "Toelichting:"), ("en", "Explanation:")])
async def test_a_comment_goes_on_under_its_text(store, clock, lang, label):
    catalogue.set_language(lang)
    cid = concluded(store, lang)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await on_minutes(app, pilot, cid)
        (table,) = screen.query(FittedTable)
        listed = table.query_one(TableList)
        assert listed.display  # the narrow view: the walk's case
        lines = [line.plain for line in listed.fitted(listed.content_size.width)]
        entries = entry_lines(lines, label)
        criteria = store.get_conversation(cid).phases[1].criteria
        assert len(entries) == len(criteria)
        for entry in entries:
            first, *rest = entry
            assert rest, entry  # the walk's comment takes more than one line here
            text_at = first.index(label) + len(label) + 1
            assert all(len(line) - len(line.lstrip()) == text_at for line in rest), entry
            assert " ".join(" ".join(entry).split()[1:]).replace("\xa0", " ") == EXPLANATION
            assert any("2\xa0december\xa02026" in line for line in entry), entry
        # the record is the same Markdown, table and all (the revision adds its footer)
        assert screen.markdown.startswith(render_minutes(store, cid).content)


async def test_on_the_screen_the_continuation_is_right_of_the_label(store, clock):
    cid = concluded(store, "nl")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await on_minutes(app, pilot, cid)
        listed = screen.query_one(TableList)
        screen.query_one("#minutes-view").scroll_to_widget(listed, animate=False, top=True)
        await settle(pilot)
        rows = [strip.text for strip in screen._compositor.render_strips()]
        at = next(i for i, row in enumerate(rows) if "Toelichting: Sterke" in row)
        label_x = rows[at].index("Toelichting:")
        text_x = rows[at].index("Sterke")
        following = rows[at + 1]
        assert following[:text_x].rstrip(" ").endswith("│"), following  # nothing left of it
        assert following[text_x] != " " and text_x > label_x, (rows[at], following)


@pytest.mark.parametrize("width", range(24, 81))
def test_every_width_keeps_the_text_right_of_the_label_or_under_it(width):
    """The list at any width: no line wider, every word in order; further lines under
    the text when that leaves ``LEAST_HANGING`` cells, else under the label."""
    from textual.content import Content

    from gespreks_tui.tui.widgets.fitted import fit
    from gespreks_tui.tui.widgets.minutes_markdown import as_list

    headers = [Content("Criterium"), Content("Oordeel"), Content("Toelichting")]
    rows = [[Content("Resultaatgerichtheid"), Content("voldoende"), Content(EXPLANATION)]]
    lines = [line.plain for line in fit(as_list(headers, rows, width), width)]
    assert all(cell_len(line) <= width for line in lines), lines
    assert " ".join(" ".join(lines).replace("\xa0", " ").split()) == (
        f"Resultaatgerichtheid Oordeel: voldoende Toelichting: {EXPLANATION}")
    start = next(i for i, line in enumerate(lines) if "Toelichting:" in line)
    beside = width - len("  Toelichting: ") >= LEAST_HANGING
    hang = len("  Toelichting: ") if beside else 2
    if width < 26:  # ``fitted.NARROW``: indents are halved
        hang //= 2
    for line in lines[start + 1:]:
        assert len(line) - len(line.lstrip()) == hang, (width, lines)


@pytest.fixture
def _utc(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_snapshot_the_score_list_at_80x24(snap_compare, store, clock, _utc):
    cid = concluded(store, "nl")

    async def run_before(pilot) -> None:
        screen = await on_minutes(pilot.app, pilot, cid)
        screen.query_one(TableList).scroll_visible(animate=False, top=True)
        pilot.app.clear_notifications()
        await settle(pilot)

    assert snap_compare(make_app(store, clock), terminal_size=(80, 24), run_before=run_before)
