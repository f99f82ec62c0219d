"""Mentions of a person in other people's records, for their access export (AVG art. 15).

A manager's note about Aylin that says "Joris helpt haar met de planning" is
personal data of Joris too, so his access export must show it. It shows the
sentence, not the whole record: the rest is about Aylin.

The mentions are exactly those an erasure of the same person would list:
both come from ``store.mentions.find_mentions`` (one search, one matcher,
``privacy.matcher.MentionMatcher``), notes, agreements, comments and the
stored minutes revisions (the issued Markdown) alike. A mention by first
name or surname only is a *candidate*: it may be about someone else, and
the overview says so.

With ``black_out`` the names of the other people known to the store (full,
first and last names, never the requester's own) are replaced by "▇▇▇" in
every excerpt, and the employee of the conversation is not named (art.
15(4): the rights of others).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gespreks_tui.model import Person
from gespreks_tui.privacy.mentions import Mention
from gespreks_tui.privacy.names import NameMatcher

BLACK = "▇▇▇"


@dataclass(frozen=True)
class ExportedMention:
    """One mention as the export shows it: the sentence, blacked out where asked."""

    mention: Mention
    sentence: str
    employee: str | None  # None when blacked out (or no conversation)
    blacked_out: int = 0  # names of other people replaced in ``sentence``

    @property
    def candidate(self) -> bool:
        return self.mention.candidate


def _as_written(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")


class BlackOut:
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


def export_mentions(store, person: Person, black_out: bool = False
                    ) -> list[ExportedMention]:
    """Every mention of ``person`` in other people's records (see the module)."""
    mentions = store.mentions_of(person.id)
    hide = BlackOut(person, [p.name for p in store.list_people()]) if black_out else None
    shown = []
    for m in mentions:
        text, hidden = (m.sentence, 0) if hide is None else hide(m.sentence)
        shown.append(ExportedMention(m, text, None if black_out else m.employee, hidden))
    return shown
