"""Mentions of a person in other people's records, for their access export (AVG art. 15).

A manager's note about Aylin that says "Joris helpt haar met de planning" is
personal data of Joris too, so his access export must show it. It shows the
sentence, not the whole record: the rest is about Aylin. Found are:

- the full name (``privacy.names.NameMatcher``: whole words, any case, not
  where it is part of another stored person's longer name);
- the first name and the surname on their own, and a one-word name, as
  *candidates*: only as written with its capital ("Joris", not "joris"), so that a name that is also
  a word ("Wil", "Roos") is not found in every sentence using the word. A
  candidate may be about someone else; the overview says so.

With ``black_out`` the names of the other people known to the store (full,
first and last names, never the requester's own) are replaced by "▇▇▇" in
every excerpt, and the employee of the conversation is not named (art. 15(4):
the rights of others). The store only pre-selects texts that contain one of
the words (``texts_mentioning``); the precise matching is here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gespreks_tui.dutch_time import date_text
from gespreks_tui.model import Kind, Person
from gespreks_tui.privacy.names import NameMatcher

BLACK = "▇▇▇"
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class Mention:
    """One sentence in another person's record that mentions the person."""

    conversation_id: int
    kind: Kind
    date: str  # YYYY-MM-DD
    field: str  # privacy.field.<field>
    phase: str | None  # the phase of a note, the criterion of a score
    employee: str | None  # None when blacked out
    sentence: str
    candidate: bool  # first name or surname only: may be someone else
    blacked_out: int = 0  # names of other people replaced in ``sentence``


def _as_written(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")


class _BlackOut:
    """Replaces other people's names (full, then first and last) by ``BLACK``."""

    def __init__(self, person: Person, names: list[str]) -> None:
        own = {w.casefold() for w in person.name.split()}
        others = [n for n in names if n.casefold() != person.name.casefold()]
        self.full = [NameMatcher(n, names) for n in sorted(others, key=len, reverse=True)]
        words = {w for n in others for w in n.split() if len(w) > 1 and w[0].isupper()
                 and w.casefold() not in own}
        self.words = [_as_written(w) for w in sorted(words, key=len, reverse=True)]

    def __call__(self, text: str) -> tuple[str, int]:
        count = 0
        for matcher in self.full:
            text, n = matcher.replace(text, BLACK)
            count += n
        for pattern in self.words:
            text, n = pattern.subn(BLACK, text)
            count += n
        return text, count


def find_mentions(store, person: Person, black_out: bool = False) -> list[Mention]:
    """Every sentence in other people's records that names ``person`` (see the module)."""
    names = [p.name for p in store.list_people()]
    others = [n for n in names if n.casefold() != person.name.casefold()]
    full = NameMatcher(person.name, others)
    words = person.name.split()
    parts = [w for w in dict.fromkeys([words[0], words[-1]]) if len(words) > 1 and len(w) > 1]
    single = _as_written(person.name)  # a one-word name: only with its capital
    candidates = [(NameMatcher(w, others), _as_written(w)) for w in parts]
    variants = {v for w in [person.name, *parts] for v in (w, w.lower(), w.upper(), w.title())}
    hide = _BlackOut(person, names) if black_out else None
    found: list[Mention] = []
    for row in store.texts_mentioning(sorted(variants), person.id):
        for sentence in _SENTENCES.split(row["text"]):
            sentence = " ".join(sentence.split())
            if not sentence:
                continue
            if full.found(sentence) and (len(words) > 1 or single.search(sentence)):
                candidate = len(words) == 1  # a one-word name may be a word: shown, marked
            elif any(m.found(sentence) and exact.search(sentence) for m, exact in candidates):
                candidate = True
            else:
                continue
            hidden = 0
            if hide is not None:
                sentence, hidden = hide(sentence)
            found.append(Mention(
                conversation_id=row["conversation_id"], kind=Kind(row["kind"]),
                date=date_text(row["moment"]), field=row["field"], phase=row["phase"],
                employee=None if black_out else row["employee"], sentence=sentence,
                candidate=candidate, blacked_out=hidden))
    return found
