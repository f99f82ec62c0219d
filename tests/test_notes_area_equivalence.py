"""The notes TextArea behaves exactly as Textual's own, key for key.

``IndexedTextArea`` (the base of ``NotesArea``) replaces how Textual's
TextArea wraps, finds rows and draws them. The same random keys, pastes and
sizes go to both, in ``run_test``; after every step the cursor, selection,
scroll position, virtual size, wrapping and every drawn row (text and
styles) must be the same.
"""

from __future__ import annotations

import random

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import TextArea

from gespreks_tui.tui.indexed_document import LONG_LINE
from gespreks_tui.tui.indexed_text_area import IndexedTextArea
from gespreks_tui.tui.widgets.notes_area import NotesArea

ALPHABET = "aa bb  cé’ “dd”–…ĳ xyz"
WIDE = "字日😀\t"
KEYS = ("up", "down", "left", "right", "home", "end", "pageup", "pagedown",
        "shift+down", "shift+up", "shift+end", "shift+home", "shift+right", "ctrl+left",
        "ctrl+right", "a", "space", "enter", "backspace", "delete", "ctrl+z", "ctrl+y",
        "ctrl+a", "ctrl+home", "ctrl+end", "x", "b")


class One(App):
    def __init__(self, area: TextArea, size: tuple[int, int]) -> None:
        super().__init__()
        self.area = area
        self.CSS = f"TextArea {{ width: {size[0]}; height: {size[1]}; border: none; }}"

    def compose(self) -> ComposeResult:
        yield self.area


def text_of(rnd: random.Random, lines: int, long: bool) -> str:
    out = []
    for _ in range(lines):
        size = rnd.choice((0, 3, 20, 70, 150))
        out.append("".join(rnd.choice(ALPHABET if rnd.random() < 0.93 else WIDE)
                           for _ in range(size)))
    if long:
        out.insert(rnd.randrange(len(out) + 1),
                   "".join(rnd.choice(ALPHABET) for _ in range(LONG_LINE + 300)))
    return "\n".join(out)


def state(area: TextArea) -> tuple:
    wrapped = area.wrapped_document
    rows = [[(segment.text, segment.style) for segment in area.render_line(y)]
            for y in range(area.size.height)]
    return (area.selection, area.cursor_location, area.scroll_offset, area.virtual_size,
            wrapped.height, [list(o) for o in wrapped._wrap_offsets], area.text,
            area.cursor_screen_offset, rows)


async def trace(area: TextArea, size: tuple[int, int], steps: list) -> list[tuple]:
    app = One(area, size)
    out = []
    async with app.run_test(size=(size[0] + 10, size[1] + 4)) as pilot:
        area.focus()
        area.cursor_blink = False
        await pilot.pause()
        out.append(state(area))
        for step in steps:
            if isinstance(step, tuple):  # ("paste", text) or ("click", offset)
                kind, value = step
                if kind == "paste":
                    area.post_message(events.Paste(value))
                else:
                    await pilot.click(area, offset=value)
            else:
                await pilot.press(step)
            await pilot.pause()
            out.append(state(area))
    return out


def steps_of(rnd: random.Random, count: int) -> list:
    steps: list = []
    for _ in range(count):
        roll = rnd.random()
        if roll < 0.06:
            steps.append(("paste", text_of(rnd, rnd.choice((1, 3)), rnd.random() < 0.3)))
        elif roll < 0.12:
            steps.append(("click", (rnd.randint(0, 30), rnd.randint(0, 8))))
        else:
            steps.append(rnd.choice(KEYS))
    return steps


@pytest.mark.parametrize("seed", range(6))
async def test_keys_pastes_and_clicks_do_exactly_what_they_do_in_textuals_text_area(seed):
    rnd = random.Random(seed)
    size = rnd.choice(((30, 8), (41, 10), (17, 6)))
    text = text_of(rnd, rnd.randint(1, 25), long=seed % 2 == 0)
    steps = steps_of(rnd, 45)
    textual = await trace(TextArea(text, soft_wrap=True, tab_behavior="focus"), size, steps)
    ours = await trace(IndexedTextArea(text, soft_wrap=True, tab_behavior="focus"), size,
                       steps)
    for number, (got, expected) in enumerate(zip(ours, textual, strict=True)):
        assert got == expected, f"step {number}: {steps[number - 1] if number else 'start'}"


async def test_the_notes_area_draws_its_placeholder_and_text_as_textual_does():
    steps = ["a", "backspace", "b", "enter", "c", "ctrl+a", "backspace", ("paste", "x " * 90)]
    size = (30, 6)
    textual = await trace(TextArea(soft_wrap=True, tab_behavior="focus",
                                   placeholder=NotesArea().placeholder), size, steps)
    ours = await trace(NotesArea(), size, steps)
    assert ours == textual


async def test_without_soft_wrap_and_with_line_numbers_it_is_textuals_own_drawing():
    rnd = random.Random(5)
    text = text_of(rnd, 12, long=True)
    steps = steps_of(rnd, 25)
    for options in ({"soft_wrap": False}, {"soft_wrap": True, "show_line_numbers": True}):
        textual = await trace(TextArea(text, **options), (30, 8), steps)
        ours = await trace(IndexedTextArea(text, **options), (30, 8), steps)
        assert ours == textual, options


async def test_up_down_and_clicks_past_short_wrapped_rows_land_where_textuals_do():
    rnd = random.Random(3)
    # Long words make rows of very different lengths; the cursor goes up and
    # down through them from the far right and is clicked past their ends.
    text = "\n".join(" ".join("w" * rnd.randint(1, 24) for _ in range(12)) for _ in range(4))
    steps = ["ctrl+end", *["up"] * 14, "end", *["down"] * 14, "ctrl+home",
             *[("click", (rnd.randint(10, 28), y)) for y in range(7)],
             "shift+down", "shift+down", "shift+end"]
    textual = await trace(TextArea(text, soft_wrap=True), (29, 8), steps)
    ours = await trace(IndexedTextArea(text, soft_wrap=True), (29, 8), steps)
    for number, (got, expected) in enumerate(zip(ours, textual, strict=True)):
        assert got == expected, f"step {number}"
