"""SMART hints for an agreement: what a good agreement still misses.

Hints, never blockers: ``hints(...)`` returns catalogue keys such as
``smart.no_owner``. The checks are deliberately simple and explainable.
"""

from __future__ import annotations

import re
from datetime import date

# Words that make an agreement sound like an intention rather than a result.
VAGUE_WORDS = {
    "proberen", "probeer", "verbeteren", "verbeter", "beter", "meer", "minder", "zoveel",
    "mogelijk", "misschien", "aandacht", "werken", "kijken", "bekijken",
    "try", "improve", "better", "more", "less", "possibly", "maybe", "attention",
    "look", "consider",
}
# Words that usually make something countable or checkable.
MEASURABLE_WORDS = {
    "minstens", "maximaal", "elke", "iedere", "per", "keer", "procent", "certificaat",
    "diploma", "afgerond", "afronden", "opgeleverd", "opleveren", "live", "gepubliceerd",
    "least", "most", "every", "each", "times", "percent", "certificate", "completed",
    "complete", "finish", "finished", "delivered", "deliver", "published",
}
MIN_WORDS = 3


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def hints(text: str, owner: str | None, due_date: str | None, today: date) -> list[str]:
    """Catalogue keys of the SMART hints that apply, most important first."""
    found: list[str] = []
    if not owner:
        found.append("smart.no_owner")
    if not due_date:
        found.append("smart.no_due")
    else:
        try:
            if date.fromisoformat(due_date) < today:
                found.append("smart.past_due")
        except ValueError:
            found.append("smart.no_due")
    words = _words(text)
    if len(words) < MIN_WORDS:
        found.append("smart.too_short")
    measurable = bool(re.search(r"\d|%", text)) or any(w in MEASURABLE_WORDS for w in words)
    if not measurable:
        vague = any(w in VAGUE_WORDS for w in words)
        found.append("smart.vague" if vague else "smart.not_measurable")
    return found
