"""Finding a person's name in stored text, to replace it when they are erased.

A name matches as whole words, case-insensitively, with any run of
whitespace between its words, both as typed and as escaped in stored
Markdown minutes (``markdown_escape.inline``, and ``legacy_inline`` for
revisions issued before issue 13, where "Jan-Willem" is stored as
"Jan\\-Willem"). Where the name is part of another person's name ("Jan" in
"Jan Jansen"), that occurrence is left alone: it is the other person's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gespreks_tui.catalogue import t
from gespreks_tui.markdown_escape import inline, legacy_inline


def _body(name: str) -> str:
    words = name.split()
    forms = {r"\s+".join(re.escape(w) for w in words),
             r"\s+".join(re.escape(inline(w)) for w in words),
             r"\s+".join(re.escape(legacy_inline(w)) for w in words)}
    return "|".join(sorted(forms, key=len, reverse=True))


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_body(name)})(?!\w)", re.IGNORECASE)


def _any_of(names: list[str]) -> re.Pattern[str] | None:
    """One pattern for several names (longest first), or None: one scan, not one per name."""
    if not names:
        return None
    body = "|".join(_body(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def removed_label(role: str, lang: str | None = None) -> str:
    """The neutral text that takes a removed name's place: role is 'manager' or 'person'."""
    return t(f"privacy.removed_{role}", lang=lang)


class NameMatcher:
    """Whole-word occurrences of one name, leaving other people's longer names alone."""

    def __init__(self, name: str, other_names: Iterable[str] = ()) -> None:
        self.name = " ".join(name.split())
        if not self.name:
            raise ValueError("empty name")
        self._pattern = _pattern(self.name)
        longer = [n for n in other_names
                  if n.casefold() != self.name.casefold() and self._pattern.search(n)]
        self._protected = [_pattern(n) for n in longer]

    def _spans(self, text: str) -> list[tuple[int, int]]:
        shielded = [m.span() for p in self._protected for m in p.finditer(text)]
        return [m.span() for m in self._pattern.finditer(text)
                if not any(s < m.end() and m.start() < e for s, e in shielded)]

    def found(self, text: object) -> bool:
        """Whether ``text`` (any stored value) mentions the name."""
        return isinstance(text, str) and bool(self._spans(text))

    def replace(self, text: str, label: str) -> tuple[str, int]:
        """``text`` with every mention replaced by ``label``, and how many there were."""
        spans = self._spans(text)
        for start, end in reversed(spans):
            text = text[:start] + label + text[end:]
        return text, len(spans)


# --- candidates: the name, or one part of it, used as a name -----------------------------

PARTICLES = frozenset({"de", "den", "der", "van", "het", "ter", "ten", "te", "'t", "la", "le",
                       "du", "da", "von", "op", "in", "el", "al", "bin", "di"})
# Given names that are also ordinary words: at the start of a sentence they are read as the
# word ("Wil je…", "Mark the date"); elsewhere only the capitalised form counts as the name.
COMMON_WORDS = frozenset({
    "wil", "roos", "mark", "mag", "kan", "ben", "bas", "hoop", "vera", "mei", "june", "april",
    "will", "may", "bill", "rose", "grace", "hope", "joy", "sky", "pat", "art", "max", "ray",
    "eva", "ad", "jan", "piet", "klaas", "kees", "geert", "gerrit", "henk", "wim", "bob",
})
_SENTENCE_END = (".", "!", "?", ":", ";", "\n", "-", "*", "#", ">", "|", '"', "(", "[")


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before.endswith(_SENTENCE_END)


def _part_pattern(word: str) -> re.Pattern[str]:
    """One name word exactly as capitalised (case-sensitive), also as escaped in Markdown."""
    cap = word[:1].upper() + word[1:]
    forms = {re.escape(cap), re.escape(inline(cap)), re.escape(legacy_inline(cap))}
    return re.compile(rf"(?<![\w\\-])(?:{'|'.join(sorted(forms, key=len, reverse=True))})"
                      r"(?![\w-])")


def name_parts(name: str) -> tuple[str, ...]:
    """The words of a name that may stand for the person on their own (no particles)."""
    return tuple(w for w in name.split() if w.casefold() not in PARTICLES and len(w) > 1)


class MentionMatcher(NameMatcher):
    """The full name (any case), and each part of it used as a name.

    A part ("Joris", "Bakker", or a one-word name such as "Wil") counts only
    where it is written capitalised, and at the start of a sentence only when it
    is not also a common word: "wil je" and the agenda's "Welke vaardigheid wil
    je…" are never matched. Every match is a candidate, shown for review.
    """

    def __init__(self, name: str, other_names: Iterable[str] = ()) -> None:
        super().__init__(name, other_names)
        words = self.name.split()
        parts = name_parts(self.name)
        self._single = len(words) == 1
        self._parts = [(p, _part_pattern(p)) for p in parts]
        others = [n for n in other_names if n.casefold() != self.name.casefold()]
        self._part_shield = _any_of([n for n in others
                                     if any(pat.search(n) for _, pat in self._parts)])

    def needles(self) -> tuple[str, ...]:
        """Substrings a text must contain (case-insensitively) to be worth a look."""
        return tuple({p.casefold() for p in name_parts(self.name)} or {self.name.casefold()})

    def candidates(self, text: object) -> list[tuple[int, int, str]]:
        """(start, end, kind) of each mention: kind 'full' or 'part'."""
        if not isinstance(text, str):
            return []
        found = [] if self._single else [(s, e, "full") for s, e in self._spans(text)]
        shield = self._part_shield
        shielded = [m.span() for m in shield.finditer(text)] if shield is not None else []
        taken = [(s, e) for s, e, _ in found] + shielded
        for word, pattern in self._parts:
            for m in pattern.finditer(text):
                s, e = m.span()
                if any(a < e and s < b for a, b in taken):
                    continue
                if _at_sentence_start(text, s) and word.casefold() in COMMON_WORDS:
                    continue
                found.append((s, e, "full" if self._single else "part"))
                taken.append((s, e))
        return sorted(found)
