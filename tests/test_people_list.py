"""The start screen's people list lays its options out exactly as Textual's OptionList."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from gespreks_tui.tui.people_options import people_list, person_option, update_lines

NAMES = [
    "An", "Medewerker 0001 Achternaam", "Een heel lange naam die bij een smalle lijst "
    "over meer dan één regel doorloopt", "Zoë ÿ 漢字 breed", "", "B" * 90,
]


def _options(fresh: bool) -> list:
    out: list = []
    for i, name in enumerate(NAMES * 3):
        if i == 7:
            out.append(None)  # a separator
        out.append(Option(name or " ", id=f"p{i}") if fresh else
                   person_option(1000 + i, name or " "))
    return out


class Pair(App):
    CSS = "OptionList { width: 1fr; height: 1fr; } #narrow { width: 18; }"

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield OptionList(*_options(True), id="plain", markup=False)
            people = people_list(id="people", markup=False)
            people.add_options(_options(False))
            yield people


def _layout(widget: OptionList) -> tuple:
    lines = list(widget._lines)
    return (lines, dict(widget._heights), dict(widget._index_to_line), widget.virtual_size,
            [strip.text for strip in widget.render_lines(widget.region.reset_offset)])


async def test_lines_and_rendering_match_option_list_at_several_widths():
    app = Pair()
    async with app.run_test(size=(80, 24)) as pilot:
        plain, people = app.query_one("#plain", OptionList), app.query_one("#people", OptionList)
        await pilot.pause()
        assert people._update_lines.__func__ is update_lines  # ours, compared with Textual's
        assert plain.size == people.size
        assert len(plain._lines) > plain.option_count  # some names take two lines
        assert _layout(people) == _layout(plain)
        for size in ((50, 20), (130, 30), (36, 12)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert plain.size == people.size
            assert _layout(people) == _layout(plain), size
        for widget in (plain, people):
            widget.highlighted = widget.option_count - 1
        await pilot.pause()
        assert people.scroll_y == plain.scroll_y > 0
        assert _layout(people) == _layout(plain)


async def test_options_added_and_cleared_later_match_too():
    app = Pair()
    async with app.run_test(size=(60, 20)) as pilot:
        plain, people = app.query_one("#plain", OptionList), app.query_one("#people", OptionList)
        await pilot.pause()
        for widget, fresh in ((plain, True), (people, False)):
            widget.clear_options()
            widget.add_options(_options(fresh)[:5])
            widget.add_options(_options(fresh)[5:])
        await pilot.pause()
        assert _layout(people) == _layout(plain)
