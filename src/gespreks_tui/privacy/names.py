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


def ascii_needles(name: str) -> tuple[str, ...]:
    """The longest ASCII run of each word of ``name`` (lowercase, 2+ characters).

    A text that lacks one of them in ``text.lower()`` cannot hold the name in any
    case: "Yılmaz" is looked for as "lmaz", which "YILMAZ".lower() holds too. A
    plain substring test is far cheaper than a case-insensitive regex scan.
    """
    runs = (max(re.findall(r"[A-Za-z0-9]+", w), key=len, default="") for w in name.split())
    return tuple(r.lower() for r in runs if len(r) > 1)


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
        self._needles = ascii_needles(self.name)
        longer = [n for n in other_names
                  if n.casefold() != self.name.casefold() and self._pattern.search(n)]
        self._protected = [_pattern(n) for n in longer]

    def _spans(self, text: str) -> list[tuple[int, int]]:
        if self._needles:
            lower = text.lower()
            if not all(n in lower for n in self._needles):
                return []
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
