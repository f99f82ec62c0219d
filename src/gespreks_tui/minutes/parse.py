"""Reading minutes that come back: fingerprint, ticked boxes, the employee's comments.

Parsed with markdown-it-py (CommonMark). The fingerprint line is the first
paragraph holding a code span ``gespreks/<id>/<revision>/sha256:<hex>``; the
content is every line above that line, and its sha256 is recomputed in the
canonical form (``canonical``), so CRLF line endings, stripped trailing spaces,
a byte order mark or an extra final newline do not matter. Below it, each
party's boxes are the task-list items (``- [ ]``; ticked with x, X, v, V, ✓
or ✔) under that party's heading, and the comments are everything after the heading
"Opmerkingen medewerker" (or "Employee's comments") to the end of the file,
as written (Markdown source), without trailing spaces and surrounding blank lines.

``parse_returned`` only reads: whether the file may be confirmed is the
store's to decide (``store.confirm_returned``), and ``verify`` asks the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from gespreks_tui.catalogue import LANGUAGES
from gespreks_tui.errors import MinutesError
from gespreks_tui.fingerprint import (
    FINGERPRINT,
    canonical,
    issued_content,
    normalise,
    sha256_of,
)
from gespreks_tui.model import Party, Verdict
from gespreks_tui.record import Returned

_MD = MarkdownIt("commonmark")
_BOX = re.compile(r"\[([ xXvV✓✔])\][ \t]*([^\n]*)")  # the label is the first line
_TICKS = "xXvV✓✔"


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _labels(key: str) -> set[str]:
    return {_label(messages[key]) for messages in LANGUAGES.values()}


def _text(token: Token) -> str:
    """The plain text of an inline token (escapes and references resolved)."""
    return "".join(c.content if c.type in ("text", "code_inline") else
                   "\n" if c.type in ("softbreak", "hardbreak") else ""
                   for c in token.children or [])


@dataclass(frozen=True)
class Document:
    """A minutes file split at its fingerprint line."""

    lines: list[str]
    start: int  # index of the fingerprint line
    conversation_id: int
    revision: int
    fingerprint: str
    tokens: list[Token] = field(repr=False)

    @property
    def content(self) -> str:
        return canonical("\n".join(self.lines[:self.start]))


def split_document(text: str) -> Document:
    """Find the fingerprint line; raise ``MinutesError`` when there is none.

    The content is kept as the file has it; the store compares it in NFC too
    (``check_copy``), so a file whose accents an editor stored decomposed (NFD)
    is the same text."""
    text = normalise(text)
    lines = text.split("\n")
    tokens = _MD.parse(text)
    for token in tokens:
        for child in token.children or []:
            match = FINGERPRINT.fullmatch(child.content) if child.type == "code_inline" else None
            if match and token.map:
                first, end = token.map
                start = next((i for i in range(first, end) if match[0] in lines[i]), first)
                return Document(lines, start, int(match[1]), int(match[2]), match[3], tokens)
    raise MinutesError("returned.not_minutes")


def stored_content(markdown: str) -> str:
    """The content of minutes we issued ourselves (a stored revision), found fast
    (``issued_content``), else by parsing."""
    found = issued_content(markdown)
    return found if found is not None else split_document(markdown).content


def _name_prefixes() -> set[str]:
    return {_label(messages["minutes.name"].split("{")[0]) for messages in LANGUAGES.values()}


def parse_returned(text: str) -> Returned:
    document = split_document(text)
    parties = {label: party for party in Party for label in _labels(f"minutes.party.{party}")}
    verdicts = {label: v for v in Verdict for label in _labels(f"minutes.verdict.{v}")}
    comment_labels = _labels("minutes.comments")
    prefixes = _name_prefixes()
    tokens, lines = document.tokens, document.lines
    ticked: dict[Party, list[Verdict | str]] = {}
    names: dict[Party, str] = {}
    party: Party | None = None
    comments = ""
    end = len(lines)
    for i, token in enumerate(tokens):
        if not token.map or token.map[0] < document.start or token.type != "inline":
            continue
        opener = tokens[i - 1]
        if opener.type == "heading_open":
            heading = _label(_text(token))
            if opener.tag in ("h1", "h2") and heading in comment_labels:
                end = token.map[0]
                comments = "\n".join(line.rstrip() for line in lines[token.map[1]:]).strip()
                break
            party = parties.get(heading)
        elif opener.type == "paragraph_open" and tokens[i - 2].type == "list_item_open":
            box = _BOX.match(token.content)
            if party is not None and box and box[1] in _TICKS:
                label = box[2]
                ticked.setdefault(party, []).append(verdicts.get(_label(label), label.strip()))
        elif opener.type == "paragraph_open" and party is not None:
            plain = _text(token)
            prefix = next((p for p in prefixes if _label(plain).startswith(p)), None)
            if prefix is not None:
                names[party] = " ".join(plain.split()[len(prefix.split()):])
    block = tuple((n + 1, lines[n].strip()) for n in range(document.start + 1, end)
                  if lines[n].strip())
    return Returned(
        conversation_id=document.conversation_id, revision=document.revision,
        fingerprint=document.fingerprint, sha256=sha256_of(document.content),
        content=document.content, ticked={p: tuple(v) for p, v in ticked.items()},
        comments=comments, names=names, block=block)
