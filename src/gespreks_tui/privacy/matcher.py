"""The one matcher for mentions of a person: erasure, access export and purge (issue 15).

``MentionMatcher`` finds the full name (any case, ``names.NameMatcher``) and
each part of it used as a name — a first name or surname on its own, or a
one-word name such as "Wil" — as candidates for review. A part that is also
an ordinary word ("Wil je…", "Roos is mooi", a surname the texts write as
"de bakker") is not taken at the start of a sentence unless addressed
("Wil, …"); elsewhere only its capitalised form counts. A part inside another
stored person's name ("Joris" in "Joris de Wit") is theirs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gespreks_tui.markdown_escape import inline, legacy_inline
from gespreks_tui.privacy.names import NameMatcher, _pattern, ascii_needles

PARTICLES = frozenset({"de", "den", "der", "van", "het", "ter", "ten", "te", "'t", "la", "le",
                       "du", "da", "von", "op", "in", "el", "al", "bin", "di"})
# Given names that are also ordinary words. At the start of a sentence such a word is read
# as the word ("Wil je…", "Mark the date"), unless it is addressed ("Wil, kun je…");
# elsewhere only the capitalised form counts as the name. A part the stored texts
# themselves use as a lowercase word (a surname such as "Bakker" or "Bos" where someone
# wrote "de bakker") counts as one too: ``MentionMatcher.candidates(is_word=…)``.
COMMON_WORDS = frozenset({
    "wil", "roos", "mark", "mag", "kan", "ben", "bas", "hoop", "vera", "mei", "june", "april",
    "will", "may", "bill", "rose", "grace", "hope", "joy", "sky", "pat", "art", "max", "ray",
    "eva", "ad", "jan", "piet", "klaas", "kees", "geert", "gerrit", "henk", "wim", "bob",
    "lot", "merel", "iris", "fleur", "amber", "jade",
})
_SENTENCE_END = (".", "!", "?", ":", ";", "\n", "-", "*", "#", ">", "|", '"', "(", "[")


def at_sentence_start(text: str, start: int) -> bool:
    """Whether ``text[start:]`` begins a sentence, a line, a list item or a heading."""
    i = start - 1
    while i >= 0 and text[i] in " \t":  # no slice: this runs for every match
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _addressed(text: str, end: int) -> bool:
    """"Wil, kun je…": the name followed by a comma is someone spoken to."""
    return text[end:end + 1] == ","


def _part_pattern(word: str) -> re.Pattern[str]:
    """One name word exactly as capitalised (case-sensitive), also as escaped in Markdown.

    Each form is written literal first, its "nothing word-like before it" check
    after it (a fixed-width lookbehind): a pattern that starts with the literal
    lets ``re`` skip ahead to it, about 50 times faster over long texts than
    one that starts with the lookbehind.
    """
    cap = capitalised(word)
    forms = sorted({cap, inline(cap), legacy_inline(cap)}, key=len, reverse=True)
    body = "|".join(rf"{re.escape(f)}(?<![\w\\-]{re.escape(f)})" for f in forms)
    return re.compile(rf"(?:{body})(?![\w-])")


def capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def name_parts(name: str) -> tuple[str, ...]:
    """The words of a name that may stand for the person on their own (no particles)."""
    return tuple(w for w in name.split() if w.casefold() not in PARTICLES and len(w) > 1)


def lowercase_word(word: str) -> re.Pattern[str]:
    """``word`` written in lowercase as a whole word: evidence that it is an ordinary word."""
    return re.compile(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])")


class MentionMatcher(NameMatcher):
    """The one matcher for mentions of a person: erasure, access export and purge use it.

    - The full name matches in any case, as whole words (``NameMatcher``),
      never inside another stored person's longer name.
    - Each part of it ("Joris", "Bakker", or a one-word name such as "Wil")
      is a *candidate* only where written capitalised, not inside another
      stored person's name, and — when the part is also an ordinary word
      (``COMMON_WORDS``, or ``is_word(part)`` says the stored texts use it in
      lowercase) — not at the start of a sentence unless addressed
      ("Wil, …"). "wil je" and the agenda's "Welke vaardigheid wil je…" are
      never matched; every match is shown for review.
    """

    def __init__(self, name: str, other_names: Iterable[str] = ()) -> None:
        super().__init__(name, other_names)
        words = self.name.split()
        parts = name_parts(self.name)
        self._single = len(words) == 1
        self._parts = [(p, _part_pattern(p)) for p in parts]
        others = [n for n in other_names if n.casefold() != self.name.casefold()]
        # per part: the other people's names that hold it ("Joris" in "Joris de Wit"),
        # each with the substrings it cannot be without (``ascii_needles``)
        self._shielding = {p: [(n, ascii_needles(n)) for n in others if pat.search(n)]
                           for p, pat in self._parts}
        self._reach = {p: 2 * max((len(n) for n, _ in names), default=0)  # escapes: x2
                       for p, names in self._shielding.items()}
        self._patterns: dict[str, re.Pattern[str]] = {}

    @property
    def parts(self) -> tuple[str, ...]:
        """The name's parts as they are matched (capitalised)."""
        return tuple(capitalised(p) for p, _ in self._parts)

    def full_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the full name stands in ``text`` (any case); none for a one-word name."""
        return [] if self._single else self._spans(text)

    def candidates(self, text: object, is_word=None) -> list[tuple[int, int, str]]:
        """(start, end, kind) of each mention: kind 'full' or 'part'.

        ``is_word(part)`` (optional) says whether the stored texts use the part
        as an ordinary word; it is asked only for a part at a sentence start.
        """
        if not isinstance(text, str):
            return []
        found = [(s, e, "full") for s, e in self.full_spans(text)]
        matches = [(word, m.span()) for word, pattern in self._parts
                   for m in pattern.finditer(text)]
        if not matches:
            return found
        taken = [(s, e) for s, e, _ in found]
        for word, (s, e) in matches:  # the cheap checks first
            if any(a < e and s < b for a, b in taken):
                continue
            if (at_sentence_start(text, s) and not _addressed(text, e)
                    and (word.casefold() in COMMON_WORDS
                         or (is_word is not None and is_word(capitalised(word))))):
                continue
            if self._shielded(word, text, s, e):
                continue
            found.append((s, e, "full" if self._single else "part"))
            taken.append((s, e))
        return sorted(found)

    def _shielded(self, part: str, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` (``part``) is inside another stored person's name.

        Only the window around the part is looked at, and only the names whose
        letters are all in it get a regex: with hundreds of names holding the
        part, one pattern of them all took longer to compile than the search.
        """
        names = self._shielding.get(part)
        if not names:
            return False
        reach = self._reach[part]
        low, high = max(0, start - reach), min(len(text), end + reach)
        window = text[low:high].lower()
        for name, needles in names:
            if not all(n in window for n in needles):
                continue
            pattern = self._patterns.get(name)
            if pattern is None:
                pattern = self._patterns[name] = _pattern(name)
            if any(a < end and start < b for a, b in (
                    m.span() for m in pattern.finditer(text, low, high))):
                return True
        return False

    def used_as_word(self, part: str, text: str) -> bool:
        """Whether ``text`` writes ``part`` in lowercase as a word, outside the full name."""
        full = self.full_spans(text)
        return any(not any(a <= m.start() < b for a, b in full)
                   for m in lowercase_word(part).finditer(text))

    def name_spans(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` names the person for sure: the full name, or a one-word name.

        For the minutes of a conversation the person led, where the name is
        replaced without review. A one-word name counts only as written
        ("Wil", not "wil"), and not where a sentence begins with it as a word
        ("Wil je…"): followed by a lowercase word.
        """
        if not self._single:
            return self._spans(text)
        spans = []
        for _, pattern in self._parts:
            for m in pattern.finditer(text):
                after = text[m.end():m.end() + 2]
                if (at_sentence_start(text, m.start()) and after[:1] == " "
                        and after[1:].islower()):
                    continue
                spans.append(m.span())
        return sorted(spans)

    def replace_name(self, text: str, label: str) -> tuple[str, int]:
        """``text`` with every ``name_spans`` replaced by ``label``, and how many."""
        spans = self.name_spans(text)
        for start, end in reversed(spans):
            text = text[:start] + label + text[end:]
        return text, len(spans)
