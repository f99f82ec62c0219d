"""Control characters in segment text are drawn as pictures, bidi and invisible
characters as markers, and lines keep their width.

The filter (``tui/safe_output.py``) on its own, segment by segment; what reaches a
real terminal is in ``test_robust_hostile.py``.
"""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.app import App
from textual.color import Color

from gespreks_tui.controls import has_control, picture, pictures
from gespreks_tui.safe_text import UNSAFE, has_hidden, json_text, marker, safe, safe_lines
from gespreks_tui.tui.safe_output import CONTROL_PICTURES
from hostile_corpus import ALL_CONTROLS, CORPUS

BLACK = Color(0, 0, 0)
TEXT, FILL, BORDER = Style(color="white"), Style(bgcolor="blue"), Style(color="red")


def drawn(segments: list[Segment]) -> list[Segment]:
    return CONTROL_PICTURES.apply(segments, BLACK)


def width(segments: list[Segment]) -> int:
    return sum(cell_len(s.text) for s in segments if not s.control)


def test_every_control_character_has_a_visible_one_cell_picture():
    assert picture("\x1b") == "␛" and picture("\x00") == "␀" and picture("\x7f") == "␡"
    assert picture("\x9b") == "\ufffd"
    assert [has_control(c) for c in ALL_CONTROLS] == [True] * len(ALL_CONTROLS)
    shown = pictures(ALL_CONTROLS)
    assert not has_control(shown)
    assert cell_len(shown) == len(ALL_CONTROLS) == len(shown)
    assert not has_control("é 🙂 \u200b\u202e\u2028\xa0 gewoon")  # not Cc: not controls


def test_a_line_without_control_characters_is_left_alone():
    line = [Segment("▊", BORDER), Segment("Joris Bakker", TEXT), Segment("   ", FILL)]
    assert drawn(line) is line


def test_the_pictures_take_the_cells_of_the_filler_after_the_text():
    line = [Segment("▊", BORDER), Segment("Xx\x1b[2JYy", TEXT), Segment("      ", FILL),
            Segment("▎", BORDER)]
    assert drawn(line) == [Segment("▊", BORDER), Segment("Xx␛[2JYy", TEXT),
                           Segment("     ", FILL), Segment("▎", BORDER)]


def test_trailing_spaces_of_the_text_itself_count_as_filler():
    line = [Segment("a\x1b\x00b   ", TEXT), Segment("▎", BORDER)]
    assert drawn(line) == [Segment("a␛␀b ", TEXT), Segment("▎", BORDER)]


def test_without_filler_the_end_of_the_text_gives_way_and_the_border_stays():
    line = [Segment("▊", BORDER), Segment("Aa\x1b]0;x\x07Bb", TEXT), Segment("▎", BORDER)]
    assert drawn(line) == [Segment("▊", BORDER), Segment("Aa␛]0;x␇", TEXT),
                           Segment("▎", BORDER)]


def test_a_wide_character_cut_in_half_becomes_a_space():
    line = [Segment("\x1b漢", TEXT)]
    assert drawn(line) == [Segment("␛ ", TEXT)]


def test_spaces_before_the_control_characters_are_not_taken():
    line = [Segment("naam:  ", TEXT), Segment("x\x1by", TEXT)]
    assert drawn(line) == [Segment("naam:  ", TEXT), Segment("x␛", TEXT)]


def test_control_segments_of_textual_itself_are_untouched():
    move = Segment("\x1b[2;3H", None, [(1, 2, 3)])  # type: ignore[list-item]
    line = [move, Segment("ok", TEXT)]
    assert drawn(line) is line


BIDI_AND_INVISIBLE = ("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
                      "\u061c\u200b\u200c\u200d\u2060\ufeff")

def test_bidi_and_invisible_characters_become_visible_markers():
    assert safe("a\u202eb\u200bc") == "a⟨U+202E⟩b⟨U+200B⟩c"
    assert marker("\U000e0001") == "⟨U+E0001⟩"
    assert all(has_hidden(c) and safe(c) == marker(c) for c in BIDI_AND_INVISIBLE)
    assert safe("\x1b]0;x\x07\x9b\x7f") == "␛]0;x␇\ufffd␡"  # the controls' pictures, as before
    assert safe("é 🙂 שלום \u2028\xa0 漢") == "é 🙂 שלום \u2028\xa0 漢"  # nothing else changes
    assert safe_lines("a\tb\nc\r\x1b") == "a\tb\nc␍␛"  # several lines: LF and TAB stay


def test_json_escapes_instead_of_pictures_and_round_trips():
    data = {"tekst": [text for _, text in CORPUS if len(text) < 1000] + [BIDI_AND_INVISIBLE]}
    written = json_text(data)
    assert UNSAFE.search(written.replace("\n", "")) is None
    assert "\\u001b" in written and "\\u202e" in written and "\\u009b" in written
    assert "\\udb40\\udc01" in written  # U+E0001 as a surrogate pair, as JSON has it
    assert json.loads(written) == data


def test_a_marker_takes_the_cells_of_the_filler():
    line = [Segment("▊", BORDER), Segment("a\u202eb", TEXT), Segment("          ", FILL),
            Segment("▎", BORDER)]
    assert drawn(line) == [Segment("▊", BORDER), Segment("a⟨U+202E⟩b", TEXT),
                           Segment("  ", FILL), Segment("▎", BORDER)]


def test_without_filler_a_marker_cuts_the_end_of_its_text():
    line = [Segment("Jo\u200bris Bakker", TEXT), Segment("▎", BORDER)]
    assert drawn(line) == [Segment("Jo⟨U+200B⟩ri", TEXT), Segment("▎", BORDER)]


segment_texts = st.one_of(
    st.text(max_size=12),
    st.sampled_from([t for _, t in CORPUS if len(t) < 200]),
    st.text(st.sampled_from(ALL_CONTROLS + BIDI_AND_INVISIBLE + " a漢🙂\u0301"), max_size=12),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(segment_texts, st.sampled_from([TEXT, FILL, None])), max_size=6))
def test_a_line_keeps_its_width_and_loses_every_control_character(parts):
    line = [Segment(text, style) for text, style in parts if text]
    shown = drawn(line)
    assert width(shown) == width(line)
    assert not any(UNSAFE.search(s.text) for s in shown)
    assert all(s.text for s in shown)


def test_the_app_uses_the_filter_after_textuals_own(tmp_path):
    from gespreks_tui.store import Store
    from gespreks_tui.tui.app import GesprekApp

    store = Store.open(tmp_path / "g.db")
    try:
        app = GesprekApp(store)
        (chain,) = app.get_line_filters()
        assert app.get_line_filters() == [chain]  # the same object: Strip caches hit
    finally:
        store.close()
    assert chain.filters[-1] is CONTROL_PICTURES
    assert chain.filters[:-1] == tuple(App.get_line_filters(app))
    assert CONTROL_PICTURES not in App().get_line_filters()  # Textual itself is untouched
