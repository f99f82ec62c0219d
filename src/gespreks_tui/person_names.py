"""A person's name: what it may hold, and when two names are the same person.

A name is one short line that people read and pick from a list, so two names
that look alike must be one person and a name must look like what it is:

- ``clean_name`` normalises to NFC (an "é" typed as e + combining accent is
  the same name as a precomposed "é") and collapses whitespace; it refuses a
  name with a control character (C0, DEL, C1: ESC takes over a terminal, NUL
  ends SQLite's NOCASE comparison), or with an invisible format character
  (Unicode category Cf: the bidi controls U+202A–U+202E, U+2066–U+2069,
  U+200E, U+200F, U+061C, the zero-width characters U+200B–U+200D, U+2060,
  U+FEFF, the soft hyphen, tag characters) — "Joris \\u200bBakker" would be a
  second person who looks exactly like Joris Bakker, and U+202E turns the
  text around it. A lone surrogate (Cs) cannot even be stored as UTF-8.
- ``name_key`` is what "the same person" compares: Unicode's canonical
  caseless match (NFD, ``str.casefold``, NFD) of the name without its
  invisible format characters, so "JORIS BAKKER", "Joris Bakker" and a
  "Joris \\u200bBakker" stored by an older version are one person. SQLite's
  NOCASE folds ASCII only, so this comparison is made in Python.
- ``duplicate_pairs`` finds stored names that are one person by that rule
  (an older version stored both), for the line that reports them.
"""

from __future__ import annotations

import unicodedata

from gespreks_tui.errors import UserError

_REFUSED_CONTROL = ("Cc", "Cs")
_INVISIBLE = ("Cf",)


def _category(char: str) -> str:
    return unicodedata.category(char)


def collapse(raw: str) -> str:
    """``raw`` in NFC with every run of whitespace one space, and none at the ends."""
    return " ".join(unicodedata.normalize("NFC", raw).split())


def refused_character(name: str) -> str | None:
    """The catalogue key for why ``name`` (collapsed) cannot be a name; None when it can."""
    for char in name:
        category = _category(char)
        if category in _REFUSED_CONTROL:
            return "person.control_character"
        if category in _INVISIBLE:
            return "person.invisible_character"
    return None


def clean_name(raw: str) -> str:
    """The name to store for ``raw``: NFC, single spaces; "" when nothing but spaces was typed.

    Whitespace is collapsed first, so the control characters ``str.split`` takes
    for whitespace (tab, line feed, \\x1c-\\x1f, \\x85) become one space as always.
    Raises ``UserError`` (``person.control_character`` or
    ``person.invisible_character``) for a name a person could not read as typed.
    """
    clean = collapse(raw)
    key = refused_character(clean)
    if key is not None:
        raise UserError(key)
    return clean


def name_key(name: str) -> str:
    """What two names of one person have in common (see the module's docstring)."""
    shown = "".join(c for c in unicodedata.normalize("NFD", name) if _category(c) != "Cf")
    return unicodedata.normalize("NFD", " ".join(shown.split()).casefold())


def same_person(first: str, second: str) -> bool:
    return name_key(first) == name_key(second)


def duplicate_pairs(names: list[tuple[int, str]]) -> list[tuple[tuple[int, str], tuple[int, str]]]:
    """Pairs of (id, name) that are one person by ``name_key``: each later one with the first."""
    first: dict[str, tuple[int, str]] = {}
    pairs = []
    for entry in sorted(names):
        key = name_key(entry[1])
        if key in first:
            pairs.append((first[key], entry))
        else:
            first[key] = entry
    return pairs
