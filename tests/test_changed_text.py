"""ChangedText (autosave): searching only what changed finds what a full search finds."""

from __future__ import annotations

import random

from gespreks_tui.autosave import ChangedText, common_prefix, common_suffix
from gespreks_tui.special_data import _found, context, special_starts, special_words

PIECES = ["ziek", "ziekmelding", "burn-out", "religie", "geloof", "medicatie", " ", "\n",
          "x", "ziekte", "Ziek", "_", "é", "gesprek", ".", "ongeloof", "ziek2", "\t", "漢"]


def _full(text: str) -> list[int]:
    return special_starts(text, 0, len(text))


def _random_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(PIECES) for _ in range(n))


def test_full_search_agrees_with_special_words():
    text = "De ziekmelding; ziek. Geloof en religie? ongeloof ziekte"
    assert len(_full(text)) == len(special_words(text)) >= 5
    assert _full(text) == sorted(m.start() for m in _found(text))


def test_common_prefix_and_suffix():
    a = "a" * 10000 + "b" + "c" * 5000
    b = "a" * 10000 + "X" + "c" * 5000
    assert common_prefix(a, b) == 10000
    assert common_suffix(a, b, len(a)) == 5000
    assert common_suffix(a, b, 17) == 17
    assert common_prefix("abc", "abc") == 3
    assert common_prefix("", "abc") == 0
    assert common_suffix("xabc", "abc", 3) == 3


def test_edits_anywhere_give_the_same_starts_as_a_full_search():
    rng = random.Random(19)
    for _ in range(40):  # independent sessions of edits
        scan = ChangedText(special_starts, context())
        text = _random_text(rng, rng.randint(0, 60))
        assert scan.starts(text) == _full(text)
        for _ in range(25):
            at = rng.randint(0, len(text))
            cut = rng.randint(0, min(8, len(text) - at))
            text = text[:at] + _random_text(rng, rng.randint(0, 3)) + text[at + cut:]
            assert scan.starts(text) == _full(text), text


def test_a_long_note_is_searched_only_where_it_changed():
    calls: list[tuple[int, int]] = []

    def find(text: str, start: int, stop: int) -> list[int]:
        calls.append((start, stop))
        return special_starts(text, start, stop)

    text = "gesprek " * 125_000  # 1 MB
    scan = ChangedText(find, context())
    assert scan.starts(text) == []
    text = text + "ziek"
    assert scan.starts(text) == [len(text) - 4]
    start, stop = calls[-1]
    assert stop - start <= 2 * context() + 8
    text = text[:500_000] + "religie " + text[500_000:]  # a paste in the middle
    assert scan.starts(text) == _full(text) == [500_000, len(text) - 4]
    assert calls[-1][1] - calls[-1][0] <= 2 * context() + 16
