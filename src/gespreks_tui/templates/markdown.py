"""The one Markdown parser of templates and preparation forms, and small helpers.

CommonMark through markdown-it-py with raw HTML switched off (it stays text), so
what a user writes is read the same way as GitHub or pandoc would structure it.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

_SPACES = re.compile(r"\s+")
# Inline constructs that could start inside a heading or paragraph; a trailing
# "#" would close an ATX heading. Block constructs cannot start mid-line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<&#~])")


@cache
def parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False})


def normalise(text: str) -> str:
    """CRLF/CR to LF and no byte-order mark: line numbers then match the token map."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse(text: str) -> list[Token]:
    return parser().parse(normalise(text))


def inline_text(token: Token) -> str:
    """The plain text of an ``inline`` token: markup dropped, escapes resolved."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "text_special", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(inline_text(child))
    return _SPACES.sub(" ", "".join(parts)).strip()


def escape_inline(text: str) -> str:
    """``text`` on one line, safe inside a heading or paragraph (round-trips via inline_text)."""
    return _INLINE_SPECIAL.sub(r"\\\1", _SPACES.sub(" ", text).strip())


def top_level_blocks(tokens: list[Token]) -> list[list[Token]]:
    """The tokens grouped per top-level block (a heading, paragraph, whole list, ...)."""
    blocks: list[list[Token]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.nesting == 1:
            depth, j = 0, i
            while j < len(tokens):
                depth += tokens[j].nesting
                if depth == 0:
                    break
                j += 1
            blocks.append(tokens[i:j + 1])
            i = j + 1
        else:
            blocks.append([token])
            i += 1
    return blocks


def block_line(block: list[Token]) -> int:
    """The 1-based first source line of a block."""
    first = block[0]
    return first.map[0] + 1 if first.map else 1


def block_end(block: list[Token]) -> int:
    """The 0-based line just after a block (the end of its token map)."""
    first = block[0]
    return first.map[1] if first.map else 0
