"""What changes when the minutes go on paper: the instruction, signature lines, dates.

The Markdown minutes are made to be returned as a file: "put an x between the
brackets". A printed page (the HTML export, the PDF) has no brackets to type
in, so both print their own instruction in place of that paragraph, and give
each party a line to sign and a line for the date below its boxes. Neither
changes the Markdown, which stays the one text the fingerprint covers: these
are facts about the paper, recognised in the Markdown's structure.

- ``is_screen_help(text)``: the paragraph to replace (in any language, so a
  Dutch revision exported with ``--lang en`` is still recognised);
- ``is_confirmation(text)`` / ``is_party(text)``: the "Bevestiging" heading
  and the party headings under it, where the signature lines go;
- ``DATE``: a date as the minutes write it ("30 september 2026", "30 sep 2026",
  "2026-09-30"), which a printed line must not break at its spaces or hyphens;
- ``for_paper(tokens, lang)``: markdown-it tokens with these changes made: the
  instruction's text replaced, a ``signature`` token (no text) at the end of
  each party's section, and ``write_here`` lines under an empty "Opmerkingen
  medewerker", which the HTML and PDF writers each draw their way;
- ``fingerprint_of(tokens)``: the fingerprint code, for a page's footer.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from gespreks_tui.catalogue import LANGUAGES, t
from gespreks_tui.display_time import MONTH_ABBR, MONTHS
from gespreks_tui.fingerprint import FINGERPRINT
from gespreks_tui.model import Party


def _all(key: str) -> frozenset[str]:
    return frozenset(t(key, lang=lang) for lang in LANGUAGES)


def is_screen_help(text: str) -> bool:
    """Whether ``text`` is the file instruction ("put an x between the brackets")."""
    return text.strip() in _all("minutes.confirmation_help")


def is_confirmation(text: str) -> bool:
    """Whether ``text`` is the heading of the confirmation section."""
    return text.strip() in _all("minutes.confirmation")


def is_comments(text: str) -> bool:
    """Whether ``text`` is the heading of the employee's comments (the last one)."""
    return text.strip() in _all("minutes.comments")


def is_party(text: str) -> bool:
    """Whether ``text`` is a party's heading in the confirmation section."""
    return any(text.strip() in _all(f"minutes.party.{party}") for party in Party)


def paper_help(lang: str) -> str:
    return t("minutes.paper.help", lang=lang)


def signature_labels(lang: str) -> tuple[str, str]:
    """The labels in front of the signature line and the date line."""
    return t("minutes.paper.signature", lang=lang), t("minutes.paper.date", lang=lang)


_MONTH_NAMES = sorted({m for names in (*MONTHS.values(), *MONTH_ABBR.values()) for m in names},
                      key=len, reverse=True)  # "september" before "sep"
DATE = re.compile(r"\b(?:\d{1,2} (?:" + "|".join(map(re.escape, _MONTH_NAMES))
                  + r")\.? \d{4}|\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
"""A date as the minutes write it: kept on one line when printed."""

SIGNATURE = "signature"
"""The type of the token ``for_paper`` puts where a party signs."""
WRITE_HERE = "write_here"
"""The type of the token for ruled lines under an empty comments section."""


def _heading_text(tokens: list[Token], i: int) -> str:
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return following.content if following is not None and following.type == "inline" else ""


def for_paper(tokens: list[Token], lang: str) -> list[Token]:
    """``tokens`` (a parse of the minutes) as they go on paper: see the module's doc."""
    out: list[Token] = []
    in_confirmation = in_party = False
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            if in_party:  # the party's section ends at the next heading
                out.append(Token(SIGNATURE, "", 0, block=True))
                in_party = False
            text = _heading_text(tokens, i)
            if token.tag == "h2":
                in_confirmation = is_confirmation(text)
            elif token.tag == "h3":
                in_party = in_confirmation and is_party(text)
        elif token.type == "inline" and in_confirmation and is_screen_help(token.content):
            text = paper_help(lang)
            token = Token("inline", "", 0, content=text,
                          children=[Token("text", "", 0, content=text)])
        out.append(token)
    if in_party:
        out.append(Token(SIGNATURE, "", 0, block=True))
    if len(out) >= 3 and out[-1].type == "heading_close" and is_comments(out[-2].content):
        out.append(Token(WRITE_HERE, "", 0, block=True))  # nothing written yet: room for it
    return out


def fingerprint_of(tokens: list[Token]) -> str:
    """The fingerprint code of the minutes ("gespreks/2/1/sha256:…"); "" when there is none."""
    for token in tokens:
        for child in token.children or ():
            if child.type == "code_inline" and FINGERPRINT.fullmatch(child.content):
                return child.content
    return ""
