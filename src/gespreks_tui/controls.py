"""Control characters: what a terminal obeys instead of showing.

The control characters are Unicode category Cc: C0 (U+0000–U+001F), DEL
(U+007F) and C1 (U+0080–U+009F). ESC and the C1 CSI/OSC start terminal
escape sequences (clear the screen, set the window title, write the clipboard
with OSC 52), CR moves the cursor, NUL ends SQLite's NOCASE comparison.

Two policies use this module:

- A person's name may not hold one (``store/people.py``, both name dialogs):
  a name is one short line, and there is no legitimate use for them in it.
- Everything else (notes, agreements, comments) is stored exactly as typed;
  the TUI draws every control character as a visible picture instead
  (``tui/safe_output.py``): C0 as the Unicode Control Pictures U+2400–U+241F
  (ESC → "␛", NUL → "␀"), DEL as "␡" and C1 as U+FFFD "�", the same pictures
  the minutes use (``markdown_escape.py``).

Everything written for people (the command line, the HTML minutes, the TUI's
lines) goes through ``safe_text.safe``, which uses these pictures and also
shows bidi and zero-width characters as markers.
"""

from __future__ import annotations

import re

CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def picture(char: str) -> str:
    """The visible stand-in for one control character."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


_PICTURES = {code: picture(chr(code)) for code in (*range(0x20), *range(0x7F, 0xA0))}


def pictures(text: str) -> str:
    """``text`` with every control character replaced by its picture."""
    return text.translate(_PICTURES)


def has_control(text: str) -> bool:
    return CONTROLS.search(text) is not None
