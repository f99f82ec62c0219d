"""Spotting special-category data (health, religion, ...) in a note: a hint, never a block.

The Dutch data protection authority's guidance for managers is that medical
details (diagnoses, illnesses, medication) do not belong in an employee's
record; other special categories of personal data (AVG art. 9: religion,
ethnicity, sexual orientation, ...) neither. ``mentions_special(text)`` tells
whether ``text`` uses one of the words in the catalogue's short lists
(``special.words``, Dutch and English, both always checked: a note may be in
either language). Matching is on whole words, case-insensitively; an entry
ending in ``*`` also matches longer words starting with it ("ziek*" finds
"ziekmelding"). It is cheap, but the meeting still runs it only when a note is
handed to the saver, never on a keystroke.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gespreks_tui.catalogue import t

WORDS_KEY = "special.words"


def _entry(word: str) -> str:
    if word.endswith("*"):
        return re.escape(word[:-1]) + r"\w*"
    return re.escape(word)


@lru_cache(maxsize=1)
def _words() -> dict[str, re.Pattern[str]]:
    """Each listed word (without its ``*``) with its whole-word pattern."""
    words = {w.strip().casefold() for lang in ("nl", "en")
             for w in t(WORDS_KEY, lang=lang).split(",") if w.strip()}
    return {w.rstrip("*"): re.compile(rf"(?<!\w){_entry(w)}(?!\w)", re.IGNORECASE)
            for w in sorted(words, key=len, reverse=True)}


def _found(text: str) -> list[re.Match[str]]:
    """The matches in ``text``. A plain substring test per word first (fast, in C):
    the regular expression, slow on a long note, runs only for words that occur."""
    lowered = text.lower()
    return [m for stem, pattern in _words().items() if stem in lowered
            for m in pattern.finditer(text)]


def special_words(text: str) -> list[str]:
    """The special-category words used in ``text``, in order, as written."""
    found = _found(text) if text else []
    return [m.group(0) for m in sorted(found, key=lambda m: m.start())]


def mentions_special(*texts: str) -> bool:
    """Whether any of ``texts`` uses a special-category word."""
    return any(text and _found(text) for text in texts)


def special_starts(text: str, start: int = 0, stop: int | None = None) -> list[int]:
    """Where special-category words start in ``text[start:stop]`` (one entry per word
    that matches there, in order): a window of a long note, for ``autosave.ChangedText``.

    A match depends on the character before it and on at most ``context()``
    characters from its start, so only those around the window are read.
    """
    stop = len(text) if stop is None else min(stop, len(text))
    if start >= stop:
        return []
    end = min(len(text), stop + context())
    lowered = text[start:end].lower()
    return sorted(m.start() for stem, pattern in _words().items() if stem in lowered
                  for m in pattern.finditer(text, start, end) if m.start() < stop)


def context() -> int:
    """Characters from a match's start that decide whether it matches: the longest
    word and the one after it (whether the word ends there)."""
    return max((len(stem) for stem in _words()), default=0) + 1
