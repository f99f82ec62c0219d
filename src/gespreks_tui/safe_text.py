"""Text for people: nothing stored or returned may act on a terminal or a reader.

One mapping, used for every byte the program writes for people to read (the
command line's tables, ``show``, diffs, error lines and prompts, the HTML
page of the minutes, the TUI's drawn lines):

- control characters (``controls``: C0, DEL, C1) become their one-cell
  pictures, as the app has always drawn them (ESC → "␛", NUL → "␀");
- characters that change the order in which text is shown (bidi embeddings,
  overrides, isolates and marks: U+202A–U+202E, U+2066–U+2069, U+200E,
  U+200F, U+061C, and the deprecated U+206A–U+206F) and characters that are
  there but cannot be seen (zero-width space, joiners, word joiner and the
  invisible operators U+200B–U+200D, U+2060–U+2064, the byte-order mark
  U+FEFF, the annotation marks U+FFF9–U+FFFB, the tag characters
  U+E0000–U+E007F) become a visible marker naming them: "⟨U+202E⟩".

Why markers and not removal: what was typed is kept, and shown for what it
is; an RTL override in an agreement can no longer turn the app's own owner,
date and status around it, and "Joris\u200bBakker" no longer looks like
"JorisBakker". The brackets are narrow (one cell each) and neutral.

JSON is for programs, not people: ``json_text`` escapes the same characters
as ``\\u202e`` so the output stays valid JSON and round-trips exactly.
Nothing here changes what is stored; only what is shown.
"""

from __future__ import annotations

import json
import re

from gespreks_tui.controls import pictures

# Characters that reorder what is shown (Unicode bidi controls and marks).
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u206a-\u206f"
# Characters that take no place and show nothing.
INVISIBLE = "\u200b-\u200d\u2060-\u2064\ufeff\ufff9-\ufffb\U000e0000-\U000e007f"

HIDDEN = re.compile(f"[{BIDI}{INVISIBLE}]")
"""Bidi and invisible characters: shown as a marker."""
UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI}{INVISIBLE}]")
"""Everything ``safe`` changes: controls, bidi and invisible characters."""
_UNSAFE_IN_LINES = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI}{INVISIBLE}]")


def marker(char: str) -> str:
    """The visible stand-in for one bidi or invisible character: "⟨U+202E⟩"."""
    return f"\u27e8U+{ord(char):04X}\u27e9"


def _shown(match: re.Match[str]) -> str:
    char = match[0]
    return pictures(char) if ord(char) < 0xA0 else marker(char)


def safe(text: str) -> str:
    """``text`` as it may be shown to people: controls as pictures, bidi and
    invisible characters as markers; everything else unchanged."""
    return UNSAFE.sub(_shown, text)


def safe_lines(text: str) -> str:
    """``safe``, keeping line feeds (and tabs) as they are: for several lines at once."""
    return _UNSAFE_IN_LINES.sub(_shown, text)


def has_hidden(text: str) -> bool:
    """Whether ``text`` holds a bidi or invisible character."""
    return HIDDEN.search(text) is not None


def has_unsafe(text: str) -> bool:
    """Whether ``text`` holds anything ``safe`` would change."""
    return UNSAFE.search(text) is not None


def _escaped(match: re.Match[str]) -> str:
    return "".join(f"\\u{unit:04x}" for unit in _utf16(match[0]))


def _utf16(char: str) -> tuple[int, ...]:
    code = ord(char)
    if code < 0x10000:
        return (code,)
    code -= 0x10000
    return (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF))


def json_text(data: object, indent: int | None = 2) -> str:
    """``data`` as JSON (UTF-8 kept readable) with every character ``safe`` would
    change written as a ``\\uXXXX`` escape: valid JSON that shows nothing raw."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    # Outside strings JSON has only ASCII, spaces and line feeds (json escapes those
    # inside strings): every hit is inside a string.
    return _UNSAFE_IN_LINES.sub(_escaped, text)
