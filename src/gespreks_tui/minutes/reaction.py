"""The employee's reaction in the minutes: Markdown as written, never structure.

A reaction is kept as the employee wrote it (Markdown source, AVG art. 16).
Shown again in a later export, its lists, emphasis, block quotes and
paragraphs render as Markdown, but it can never forge the structure of the
minutes: no heading (ATX or setext), no task box, no code span (so no
fingerprint line), no table, link, image, raw HTML or fence. Only the
characters that could start those are escaped (``# = [ ] ` ~ | < & \\``, and a
line that would be a thematic break); emphasis marks, list markers and ``>``
are left as typed. Control characters are made visible and bidi/invisible
characters written as character references, as for every other user text.
"""

from __future__ import annotations

import re

from gespreks_tui.markdown_escape import clean
from gespreks_tui.safe_text import HIDDEN

_STRUCTURE = re.compile(r"[\\#=\[\]`~|<&]")
# a thematic break or a setext underline, also indented (inside a list item)
_RULE = re.compile(r"^((?:[ \t]|[-*+>][ \t])*)([-*_])([ \t]*\2){2,}[ \t]*$")
_SETEXT_DASHES = re.compile(r"^((?:[ \t]|[-*+>][ \t])*)(-+)[ \t]*$")


def _line(line: str) -> str:
    line = _STRUCTURE.sub(lambda m: "\\" + m[0], line.rstrip())
    line = HIDDEN.sub(lambda m: f"&#{ord(m[0])};", line)
    rule = _RULE.match(line) or _SETEXT_DASHES.match(line)
    if rule:
        line = rule[1] + "\\" + line[len(rule[1]):]
    return line


def reaction_lines(text: str) -> list[str]:
    """The reaction as Markdown lines (runs of empty lines become one); [] when empty."""
    out: list[str] = []
    for line in clean(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        shown = _line(line)
        if shown or (out and out[-1]):
            out.append(shown)
    while out and not out[-1]:
        out.pop()
    return out
