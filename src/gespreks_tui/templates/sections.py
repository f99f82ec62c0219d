"""The words of a template's sub-sections (Criteria, Schaal, Doelen) and their small rules.

Kept apart from ``parse`` so the parser reads as the structure of the file;
here are the Dutch and English words an HR person may write, and how a list
item splits into its own text and a nested list (a criterion's behavioural
indicators).
"""

from __future__ import annotations

import re

from gespreks_tui.agenda_template import GOAL_PROMPTS
from gespreks_tui.templates.markdown import inline_text

CRITERIA = "criteria"
SCALE = "scale"
GOALS = "goals"

# A level-3 heading under a phase, in either language (trailing ":" allowed).
SUBHEADINGS = {
    "criteria": CRITERIA, "criterium": CRITERIA, "competenties": CRITERIA,
    "competencies": CRITERIA,
    "schaal": SCALE, "beoordelingsschaal": SCALE, "scale": SCALE, "rating scale": SCALE,
    "doelen": GOALS, "doelvragen": GOALS, "goals": GOALS, "goal prompts": GOALS,
}

# The goal prompts in either language, to their stable identifiers.
PROMPT_WORDS = {
    "wat": "what", "waarom": "why", "wie": "who", "waar": "where", "hoe": "how",
    "what": "what", "why": "why", "who": "who", "where": "where", "how": "how",
}

# "Totaaloordeel: ja" under the scale; also "Eindoordeel", "Overall (judgment)".
_OVERALL = re.compile(
    r"^(?:totaaloordeel|eindoordeel|overall(?: judge?ment)?)\s*:\s*(?P<value>.*?)\.?$",
    re.IGNORECASE)
_YES = {"ja", "yes"}
_NO = {"nee", "no"}


def subsection(text: str) -> str | None:
    """Which sub-section a level-3 heading opens (None: not one of ours)."""
    return SUBHEADINGS.get(text.rstrip(":").strip().casefold())


def overall_line(text: str) -> tuple[bool, bool | None]:
    """Whether ``text`` is an overall-judgment line, and its value (None: not ja/nee)."""
    match = _OVERALL.match(text.strip())
    if not match:
        return False, None
    value = match["value"].strip().casefold()
    return True, (True if value in _YES else False if value in _NO else None)


def goal_prompt(text: str) -> str | None:
    """The stable identifier of a goal-prompt item ("Wat?", "waarom", "How")."""
    return PROMPT_WORDS.get(text.strip().rstrip("?:").strip().casefold())


def prompt_words(language: str) -> str:
    """The words a user may write, in ``language``, for a problem message."""
    from gespreks_tui.catalogue import t

    return ", ".join(t(f"scale.prompt.{p}", lang=language) for p in GOAL_PROMPTS)


def split_item(item: list) -> tuple[str, list | None]:
    """An item's own text and its nested list block (None when it has none)."""
    for i, token in enumerate(item[1:], 1):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth, j = 0, i
            while j < len(item):
                depth += item[j].nesting
                if depth == 0:
                    break
                j += 1
            own = item[:i]
            return _text(own), item[i:j + 1]
    return _text(item), None


def _text(tokens: list) -> str:
    return " ".join(inline_text(tok) for tok in tokens if tok.type == "inline").strip()


def list_items(block: list) -> list[list]:
    """The tokens of each item of a list block (the block's first and last are the list)."""
    items: list[list] = []
    depth = 0
    for token in block[1:-1]:
        if token.type == "list_item_open" and depth == 0:
            items.append([])
        depth += token.nesting
        items[-1].append(token)
    return items
