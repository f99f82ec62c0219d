"""Mentions of a person in other people's records, found for review before an erasure.

An erasure removes the person's own records and never rewrites other
people's text blindly: each mention of the name (or of one part of it used
as a name, see ``names.MentionMatcher``) is listed with its place and the
sentence it is in, and only the mentions the user chose are replaced.
"""

from __future__ import annotations

from dataclasses import dataclass

EXCERPT_CHARS = 80  # at most this many characters either side of the mention


@dataclass(frozen=True)
class Mention:
    """One mention: where (table, column, row), what (the matched text) and its sentence."""

    number: int
    table: str
    column: str
    rowid: int
    start: int
    end: int
    found: str
    kind: str                      # 'full' (the name) or 'part' (first name, surname)
    conversation_id: int | None
    date: str | None
    excerpt: str                   # the sentence, the mention marked «…»


def excerpt(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]`` on one line, the mention marked «…»."""
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, end) for c in ".!?\n") if i != -1]
    right = min(ends) + 1 if ends else len(text)
    left = max(left, start - EXCERPT_CHARS)
    right = min(right, end + EXCERPT_CHARS)
    shown = f"{text[left:start]}«{text[start:end]}»{text[end:right]}"
    return " ".join(shown.split())


def parse_choice(choice: str, count: int) -> frozenset[int]:
    """'all', 'none' or '1,3,5' (numbers of listed mentions); ValueError otherwise."""
    word = choice.strip().casefold()
    if word in ("all", "alle", "alles"):
        return frozenset(range(1, count + 1))
    if word in ("none", "geen", ""):
        return frozenset()
    numbers: set[int] = set()
    for piece in word.replace(" ", ",").split(","):
        if not piece:
            continue
        if "-" in piece:
            low, high = (int(x) for x in piece.split("-", 1))
            numbers.update(range(low, high + 1))
        else:
            numbers.add(int(piece))
    if not numbers or min(numbers) < 1 or max(numbers) > count:
        raise ValueError(choice)
    return frozenset(numbers)
