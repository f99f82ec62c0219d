"""Other names of the four kinds, and reading a kind from a word a person typed.

Organisations call the conversations of the cycle by their own names. The
aliases and what they map to (issue 18; ``../shared/PRODUCT.md`` and the seeds):

- *planningsgesprek* is the doelstellingengesprek: the period's plan and goals
  (PRODUCT.md: "doelstellingengesprek (also called planningsgesprek)");
- *jaargesprek* is the functioneringsgesprek: "Soms worden
  functioneringsgesprekken jaargesprekken genoemd" (seeds);
- *personeelsgesprek* is the general word for the yearly two-way conversation
  about how the work goes: the functioneringsgesprek;
- *ontwikkelgesprek* (also *ontwikkelingsgesprek*) is about the employee's
  development and growth, which is what a functioneringsgesprek is for
  ("het bespreken van de ontwikkeling en groei van de medewerker", seeds).

None of them means the beoordelingsgesprek: an appraisal has a procedure
(objection, second assessor) that nobody should start by a loose word. An
organisation whose jaargesprek *is* its appraisal says so in the
configuration (``[kinds.beoordeling] name = "jaargesprek"``): a name the user
chose wins over these aliases (``resolve``'s ``names``).

A word is read case-blind, with or without the "gesprek" ending (also
"-gesprek", "conversation", "meeting", "interview"), with or without the
linking "s" or "en" (voortgangs-, doelstellingen-), and in Dutch or English.
This module is plain data and string work: no configuration, no catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from gespreks_tui.model import Kind

# The aliases as a person would write them, for messages and completion.
ALIASES: dict[str, Kind] = {
    "planningsgesprek": Kind.DOELSTELLING,
    "jaargesprek": Kind.FUNCTIONERING,
    "personeelsgesprek": Kind.FUNCTIONERING,
    "ontwikkelgesprek": Kind.FUNCTIONERING,
}

# Every stem that names a kind (after ``stems`` took off the ending): the
# identifiers, the Dutch and English names of the catalogue, and the aliases.
_STEMS: dict[str, Kind] = {
    "doelstelling": Kind.DOELSTELLING, "planning": Kind.DOELSTELLING,
    "goalsetting": Kind.DOELSTELLING,
    "voortgang": Kind.VOORTGANG, "progress": Kind.VOORTGANG,
    "functionering": Kind.FUNCTIONERING, "performance": Kind.FUNCTIONERING,
    "performancereview": Kind.FUNCTIONERING, "jaar": Kind.FUNCTIONERING,
    "personeel": Kind.FUNCTIONERING, "ontwikkel": Kind.FUNCTIONERING,
    "ontwikkeling": Kind.FUNCTIONERING, "development": Kind.FUNCTIONERING,
    "beoordeling": Kind.BEOORDELING, "appraisal": Kind.BEOORDELING,
}
# The stems that are a kind's own name (not an alias): a name chosen for another
# kind may not take one of these (``config_schema`` checks it).
OWN_STEMS = frozenset({"doelstelling", "goalsetting", "voortgang", "progress",
                       "functionering", "performance", "performancereview",
                       "beoordeling", "appraisal"})

_SEPARATORS = re.compile(r"[\s\-_.]+")
_ENDINGS = ("gesprekken", "gesprek", "conversations", "conversation", "meetings", "meeting",
            "interviews", "interview")


def stems(text: str) -> tuple[str, ...]:
    """The forms ``text`` may stand for, most literal first: case-blind, without
    spaces and hyphens, without a conversation ending and without a linking s/en."""
    key = _SEPARATORS.sub("", text.casefold())
    found = [key]
    for ending in _ENDINGS:
        if key.endswith(ending) and len(key) > len(ending):
            key = key[: -len(ending)]
            found.append(key)
            break
    if key.endswith("en") and len(key) > 3:
        found.append(key[:-2])
    if key.endswith("s") and len(key) > 2:
        found.append(key[:-1])
    return tuple(dict.fromkeys(found))


def resolve(text: str, names: Mapping[Kind, str] | None = None) -> Kind | None:
    """The kind ``text`` names, or None. ``names``: the names the user chose per
    kind, which win over the aliases (never over another kind's own name)."""
    wanted = stems(text)
    if not wanted or not wanted[0]:
        return None
    for kind, name in (names or {}).items():
        if set(wanted) & set(stems(name)):
            return Kind(kind)
    for form in wanted:
        if form in _STEMS:
            return _STEMS[form]
    return None


def own_kind(text: str) -> Kind | None:
    """The kind whose own name (identifier, Dutch or English name) ``text`` is."""
    return next((_STEMS[form] for form in stems(text) if form in OWN_STEMS), None)
