"""The notes area finds the bracket matching the cursor's exactly as Textual's TextArea does."""

from __future__ import annotations

import random

from textual.app import App, ComposeResult
from textual.widgets import TextArea

from gespreks_tui.tui.indexed_text_area import IndexedTextArea

PIECES = ["(", ")", "[", "]", "{", "}", "a", " ", "\n", "é", "\t", "(x)", "[]", "\n\n"]


class Pair(App):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield TextArea(self.text, id="textual", soft_wrap=True)
        yield IndexedTextArea(self.text, id="ours", soft_wrap=True)


def _locations(area: TextArea):
    for row in range(area.document.line_count):
        for column, character in enumerate(area.document[row]):
            yield character, (row, column)


async def test_every_bracket_of_random_notes_matches_as_in_textual():
    rng = random.Random(19)
    texts = ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 80))) for _ in range(25)]
    texts += ["(" + "a\n" * 50 + ")", "((((", "))))", "([)]", "{[(])}", ""]
    for text in texts:
        app = Pair(text)
        async with app.run_test() as pilot:
            await pilot.pause()
            textual, ours = app.query_one("#textual", TextArea), app.query_one("#ours")
            for character, location in _locations(textual):
                assert (ours.find_matching_bracket(character, location)
                        == textual.find_matching_bracket(character, location)), (text, location)


async def test_the_cursor_on_a_bracket_shows_its_match():
    app = Pair("een (twee\ndrie) vier")
    async with app.run_test() as pilot:
        ours = app.query_one("#ours", IndexedTextArea)
        ours.focus()
        ours.move_cursor((0, 4))
        await pilot.pause()
        assert ours._matching_bracket_location == (1, 4)
        ours.move_cursor((1, 4))
        await pilot.pause()
        assert ours._matching_bracket_location == (0, 4)
