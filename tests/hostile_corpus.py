"""Hostile text for the robustness suite: a fixed corpus, hypothesis strategies, checks.

Shared by ``test_robust_hostile.py`` and ``test_robust_files.py``. Nothing here
opens a database or starts an app.
"""

from __future__ import annotations

import os

from hypothesis import strategies as st
from markdown_it import MarkdownIt

HEAVY = os.environ.get("GESPREKS_HEAVY") == "1"

LONG_LINE = ("Joris zegt: " + "heel lang " * 10_000)[:100_000]  # one line, 100k characters
LONG_WORD = "x" * 100_000  # no space to wrap at
MEGABYTE = ("Regel met tekst, café en 🙂 — " * 40 + "\n") * 850  # about 1 MB (UTF-8), many lines
MEGABYTE_LINE = "één-regel " * 110_000  # about 1.2 MB of UTF-8 on one line

ALL_CONTROLS = "".join(map(chr, range(0x20))) + "\x7f" + "".join(map(chr, range(0x80, 0xA0)))

# (label, text): every kind of hostile text the issue names, short enough to type.
CORPUS: list[tuple[str, str]] = [
    ("nul", "\x00"),
    ("nul inside", "voor\x00na"),
    ("nul at the end", "einde\x00"),
    ("controls", "a" + ALL_CONTROLS + "z"),
    ("bell backspace", "pling\x07\x08\x08terug"),
    ("terminal escape", "rood \x1b[31mROOD\x1b[0m \x1b[2J \x1b]0;titel\x07 \x1b]52;c;SGFjaw==\x07"),
    ("del and c1", "\x7f\x80\x85\x9b[31m\x9f"),
    ("emoji", "Goed gedaan 👍🏽🎉🙂"),
    ("zwj family", "👩‍👩‍👧‍👦 👨‍💻 🏳️‍🌈 🇳🇱 🧑🏿‍🤝‍🧑🏻"),
    ("combining", "e\u0301 Z\u0335\u0321\u0358a\u0336\u0315l\u0338g\u0337o\u0334"),
    ("rtl", "שלום עולם — مرحبا بالعالم"),
    ("bidi controls", "\u202eevil.exe\u202c \u2066isolaat\u2069 \u200f\u200e\u061c"),
    ("zero width", "zero\u200bwidth\u200c\u200d\ufeffbom"),
    ("wide cjk", "漢字かなカナ한국어"),
    ("specials", "\ufffd\uffff\ufffe\U0010ffff\U000e0001\ue000"),
    ("markdown", "# Kop\n## Kop 2\n- [ ] taak\n1. lijst\n> citaat\n---\n| a | b |\n```\ncode\n```"),
    ("markdown inline", "**vet** _schuin_ `code` [link](javascript:alert(1)) ![img](x.png) \\"),
    ("html", "<script>alert('x')</script><b>vet</b><!-- c --><img src=x onerror=alert(1)>&amp;&#0;"),
    ("textual markup", "[b]vet[/b] [/] [red [@click=app.quit]klik[/] [$warning]x[/] [link=x]y"),
    ("unclosed brackets", "zie [bijlage, budget a[1 en ["),
    ("rich markup", "[bold red]alarm[/bold red] [/bold] :smile: [i]"),
    ("sql", "'); drop table people;--"),
    ("sql 2", "Robert'); DROP TABLE agreements; -- \" or 1=1 -- ' or ''='"),
    ("format strings", "{path} {0} {reason!r} %s %(name)s {{}} ${HOME}"),
    ("line separators", "a\u2028b\u2029c\x85d\x0be\x0cf\x1cg\x1dh\x1ei\r\nj\rk"),
    ("whitespace", "  \t begin en eind \u3000\xa0  "),
    ("only odd spaces", "\u3000\xa0\u2003x\u2003"),
    ("backslashes", "\\\\ \\n \\x00 C:\\map\\bestand"),
    ("long line", LONG_LINE),
    ("long word", LONG_WORD),
]

# Driving the app costs about a quarter of a second per value, so the fast suite
# feeds the app every short entry at once (with a NUL, controls and bidi marks in
# the middle) plus the entries whose position or size matters; GESPREKS_HEAVY=1
# feeds it every entry on its own. The store and minutes always get all of them.
_FIRST, _LAST = "textual markup", "unclosed brackets"  # markup up front, a lone "[" last
EVERYTHING = " | ".join(
    text for label, text in sorted(CORPUS, key=lambda e: (e[0] != _FIRST, e[0] == _LAST))
    if len(text) < 1000 and label not in ("nul", "whitespace"))
APP_CORPUS: list[tuple[str, str]] = CORPUS if HEAVY else [
    ("everything at once", EVERYTHING),
    ("nul", "\x00"),
    ("whitespace", dict(CORPUS)["whitespace"]),
    ("line separators", dict(CORPUS)["line separators"]),
    ("long line", LONG_LINE),
]

# What a one-line field cannot hold: an agreement is refused when it is blank.
BLANK = ["", " ", "\t", "\n", "\u3000", "  \xa0 "]

# hypothesis: full Unicode (no surrogates: they cannot come from a terminal or be
# stored as UTF-8) mixed with pieces of the corpus.
_pieces = st.sampled_from([text for _, text in CORPUS if len(text) < 1000])
hostile_text = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(codec="utf-8"), max_size=40),
    st.lists(st.one_of(_pieces, st.text(max_size=8)), max_size=6).map("".join),
)


def one_line(text: str) -> str:
    """What a one-line field keeps: leading and trailing whitespace trimmed (by design)."""
    return text.strip()


def name_of(text: str) -> str:
    """What a name keeps: runs of whitespace become one space (by design)."""
    return " ".join(text.split())


def in_text_area(text: str) -> str:
    """What Textual's TextArea holds after ``text`` is typed or pasted into an empty note.

    Its document splits lines with ``str.splitlines``: every line boundary that
    method knows (\\r\\n, \\r, \\v, \\f, \\x1c-\\x1e, \\x85, U+2028, U+2029) becomes
    the note's newline, and a trailing one other than \\r\\n, \\n or \\r is dropped.
    Everything else is kept exactly.
    """
    lines = text.splitlines()
    if text.endswith(("\r\n", "\n", "\r")):
        lines.append("")
    return "\n".join(lines)


def pasted_into_input(text: str) -> str:
    """What Textual's one-line Input keeps of a paste: its first line."""
    return text.splitlines()[0] if text else ""


_COMMONMARK = MarkdownIt("commonmark")


def markdown_shape(markdown: str) -> tuple[int, list[str]]:
    """(number of headings, the html tokens found) in CommonMark as markdown-it-py reads it."""
    headings, html = 0, []
    for token in _COMMONMARK.parse(markdown):
        if token.type == "heading_open":
            headings += 1
        if token.type in ("html_block", "html_inline"):
            html.append(token.content)
        html += [c.content for c in token.children or [] if c.type == "html_inline"]
    return headings, html
