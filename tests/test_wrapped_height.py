"""The notes' wrapping bookkeeping gives exactly Textual's answers, at any edit.

``line_wrap`` and ``IndexedWrappedDocument`` replace Textual's per-row lists
and whole-line re-wrapping (typing cost grew with the note); these tests hold
them to Textual's ``compute_wrap_offsets`` and ``WrappedDocument`` on random
text: narrow and wide characters, tabs, long words, long lines, joiners.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from textual._wrap import compute_wrap_offsets
from textual.document._document import Document
from textual.document._wrapped_document import WrappedDocument
from textual.geometry import Offset

from gespreks_tui.tui.indexed_document import LONG_LINE, IndexedWrappedDocument
from gespreks_tui.tui.line_wrap import HeightIndex, is_narrow, narrow_wrap, rewrap_edited

NARROW = "ab cd  e\u00a0fgé’–…“”ĳ"
ANY = NARROW + "\t字日😀\u200d\ufe0f\u0301\x07x" * 2


def words(rnd: random.Random, alphabet: str, count: int) -> str:
    return "".join(rnd.choice(alphabet) if rnd.random() < 0.9 else "w" * rnd.randint(1, 45)
                   for _ in range(count))


@given(st.text(alphabet=NARROW + "x", max_size=400), st.integers(1, 50))
@settings(max_examples=400)
def test_the_narrow_wrap_breaks_where_textual_does(text, width):
    assert is_narrow(text)
    assert narrow_wrap(text, width) == compute_wrap_offsets(text, width, 4)


@given(st.text(alphabet="ab  c’x", max_size=400), st.integers(1, 50))
@settings(max_examples=400)
def test_the_narrow_wrap_of_text_spaced_only_by_spaces_breaks_where_textual_does(text, width):
    assert narrow_wrap(text, width) == compute_wrap_offsets(text, width, 4)


def test_wide_tabbed_and_joined_text_is_not_narrow():
    for text in ("a\tb", "字", "e\u0301", "👍\ufe0f", "a\u200db", "\x07"):
        assert not is_narrow(text)


def test_the_narrow_characters_are_one_cell_for_rich_too():
    from rich.cells import cell_len, get_character_cell_size

    from gespreks_tui.tui.line_wrap import _narrow_characters

    for character in _narrow_characters():
        assert get_character_cell_size(character) == 1 and cell_len(character) == 1


def test_an_edit_rewraps_to_the_same_breaks_as_wrapping_the_whole_line():
    rnd = random.Random(19)
    for _ in range(3000):
        old = words(rnd, rnd.choice((NARROW, NARROW + "字😀")), rnd.randint(0, 500))
        width = rnd.randint(2, 40)
        start = rnd.randint(0, len(old))
        old_end = rnd.randint(start, min(len(old), start + rnd.choice((0, 1, 3, 40))))
        inserted = words(rnd, NARROW, rnd.choice((0, 1, 1, 2, 7, 90)))
        new = old[:start] + inserted + old[old_end:]

        def wrap(text, width=width):
            return compute_wrap_offsets(text, width, 4)

        got = rewrap_edited(wrap(old), old, new, start, old_end, start + len(inserted),
                            wrap, width)
        assert got == wrap(new), (old, new, width, start, old_end)


def test_a_wrong_edit_range_or_a_tab_is_refused_not_guessed():
    def wrap(text):
        return compute_wrap_offsets(text, 10, 4)

    old, new = "een twee drie vier vijf zes", "een twee drie VIER vijf zes"
    assert rewrap_edited(wrap(old), old, new, 0, 0, 0, wrap, 10) is None
    assert rewrap_edited([], "a\tb", "a\tbc", 3, 3, 4, wrap, 10) is None


def test_the_height_index_follows_replacements():
    rnd = random.Random(8)
    heights = [rnd.randint(1, 4) for _ in range(300)]
    index = HeightIndex(list(heights))
    for _ in range(500):
        start = rnd.randint(0, len(heights))
        stop = rnd.randint(start, min(len(heights), start + 5))
        new = [rnd.randint(1, 4) for _ in range(rnd.randint(0 if len(heights) > 1 else 1, 5))]
        heights[start:stop] = new
        index.replace(start, stop, list(new))
        rows = [(line, s) for line, h in enumerate(heights) for s in range(h)]
        assert index.total == len(rows)
        for row in rnd.sample(range(len(rows)), min(20, len(rows))):
            assert index.locate(row) == rows[row]
        line = rnd.randrange(len(heights))
        assert index.start(line) == sum(heights[:line])


def same(ours: IndexedWrappedDocument, textual: WrappedDocument, rnd: random.Random) -> None:
    document = textual.document
    assert ours.height == textual.height
    assert ours._wrap_offsets == textual._wrap_offsets
    assert ours._tab_width_cache == textual._tab_width_cache
    assert list(ours._offset_to_line_info) == textual._offset_to_line_info
    assert list(ours._line_index_to_offsets) == textual._line_index_to_offsets
    assert ours.wrapped == textual.wrapped
    for line in range(document.line_count):
        assert list(ours.get_sections(line)) == textual.get_sections(line)
    for _ in range(30):
        row = rnd.randrange(document.line_count)
        location = (row, rnd.randint(0, len(document[row])))
        assert ours.location_to_offset(location) == textual.location_to_offset(location)
        offset = Offset(rnd.randint(0, 50), rnd.randint(0, textual.height + 2))
        assert ours.offset_to_location(offset) == textual.offset_to_location(offset)


def test_the_indexed_document_answers_as_textuals_through_random_edits():
    rnd = random.Random(2026)
    for _ in range(12):
        width = rnd.choice((0, 5, 17, 40))
        lines = [words(rnd, rnd.choice((NARROW, ANY)), rnd.randint(0, 80))
                 for _ in range(rnd.randint(1, 12))]
        lines.append(words(rnd, NARROW, LONG_LINE // 2 + 10))  # a long line to edit inside
        text = "\n".join(lines)
        ours_doc, textual_doc = Document(text), Document(text)
        ours = IndexedWrappedDocument(ours_doc, width, tab_width=4)
        textual = WrappedDocument(textual_doc, width, tab_width=4)
        same(ours, textual, rnd)
        for _ in range(40):
            row = rnd.randrange(textual_doc.line_count)
            start = (row, rnd.randint(0, len(textual_doc[row])))
            end_row = min(textual_doc.line_count - 1, row + rnd.choice((0, 0, 0, 1, 3)))
            end = (end_row, rnd.randint(0, len(textual_doc[end_row])))
            start, end = sorted((start, end))
            inserted = rnd.choice(("", "x", " ", "\n", words(rnd, NARROW, 30),
                                   words(rnd, ANY, 8) + "\n" + words(rnd, NARROW, 5),
                                   words(rnd, NARROW, LONG_LINE)))
            for document, wrapped in ((ours_doc, ours), (textual_doc, textual)):
                result = document.replace_range(start, end, inserted)
                wrapped.wrap_range(start, end, result.end_location)
            same(ours, textual, rnd)
        new_width = rnd.choice((0, 9, 30))
        ours.wrap(new_width, 4)
        textual.wrap(new_width, 4)
        same(ours, textual, rnd)
