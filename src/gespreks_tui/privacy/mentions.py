"""Mentions of a person in other people's records: one list for erasure and access.

An erasure removes the person's own records and never rewrites other
people's text blindly: each mention of the name (or of one part of it used
as a name, see ``matcher.MentionMatcher``) is listed with its place and the
sentence it is in, and only the mentions the user chose are replaced. The
access export (AVG art. 15) shows the very same list as excerpts: both come
from ``store.mentions.find_mentions``, so what export shows and what erase
finds can never differ.
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
    field: str = ""                # catalogue ``privacy.field.<field>``: note_shared, minutes…
    phase: str | None = None       # the phase of a note, the criterion of a score
    conversation_kind: str | None = None
    employee: str | None = None    # the employee of that conversation
    revision: int | None = None    # the minutes revision, for a mention in stored minutes
    sentence: str = ""             # the excerpt without the marks

    @property
    def candidate(self) -> bool:
        """Only a first name or surname: it may be about someone else."""
        return self.kind == "part"


def _bounds(text: str, start: int, end: int) -> tuple[int, int, str, str]:
    """Where the sentence around the mention begins and ends (at most ``EXCERPT_CHARS``
    either side, cut between words), and the "…" to show where it was cut."""
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, end) for c in ".!?\n") if i != -1]
    right = min(ends) + 1 if ends else len(text)
    before = after = ""
    if left < start - EXCERPT_CHARS:
        cut = text.find(" ", start - EXCERPT_CHARS, start)
        left, before = (cut + 1 if cut != -1 else start - EXCERPT_CHARS), "…"
    if right > end + EXCERPT_CHARS:
        cut = text.rfind(" ", end, end + EXCERPT_CHARS)
        right, after = (cut if cut != -1 else end + EXCERPT_CHARS), "…"
    return left, right, before, after


def excerpt(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]`` on one line, the mention marked «…»."""
    left, right, before, after = _bounds(text, start, end)
    shown = f"{before}{text[left:start]}«{text[start:end]}»{text[end:right]}{after}"
    return " ".join(shown.split())


def sentence(text: str, start: int, end: int) -> str:
    """The same sentence as ``excerpt``, unmarked (what the access export shows)."""
    left, right, before, after = _bounds(text, start, end)
    return " ".join(f"{before}{text[left:right]}{after}".split())


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
