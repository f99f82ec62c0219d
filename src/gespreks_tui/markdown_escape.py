"""Escaping user text for CommonMark.

Whatever anyone types in notes, agreements, names or comments must stay text:
it can never become a heading, list item, task checkbox, table row, link,
image, raw HTML, emphasis, code, thematic break, or a fake fingerprint or
confirmation line. And it must come back unchanged when the minutes are
parsed (``tests/test_minutes_escape.py`` proves both with hypothesis).

The rules, applied to every piece of user text:

1. ``clean``: control characters (Unicode category Cc) other than tab, line
   feed and carriage return cannot travel through CommonMark (U+0000 is
   turned into U+FFFD by every parser, the others are stripped at the edge of
   a block and refused as character references), so they are shown as
   visible placeholders: U+0000–U+001F as the Control Pictures U+2400–U+241F
   (U+0000 → "␀"), U+007F as "␡", U+0080–U+009F as U+FFFD. This is the only
   change ever made to what was typed: ``clean(text)`` is what comes back.
   Characters that reorder or hide text (bidi controls and marks, zero-width
   characters: ``safe_text.HIDDEN``) are written as numeric character
   references (``&#8238;`` for U+202E): the file, read as text, shows them
   for what they are, so an override in an agreement cannot turn the owner,
   date and status after it around; they parse back unchanged (the HTML page
   shows them as markers, ``minutes/html.py``).
2. ASCII punctuation is backslash-escaped where it could be syntax at its
   position, in CommonMark, GFM and pandoc alike, and nowhere else, so
   ``één-op-één``, ``Totaaloordeel: goed`` and ``(max. € 2.500)`` read as
   typed. Everywhere: the marks that open or close inline constructs or
   headings (``# $ & * < @ [ \\ ] ^ _ ` { | } ~``). At the start of a line
   (after its whitespace): the block markers ``- + = > :`` (lists, thematic
   breaks, setext underlines, quotes, pandoc definition lists and divs).
   An enumerator opening a line: the full stop or parenthesis after it
   (``1.``, ``1)``, ``a)``, ``(i)``). Never: ``! ( ) / . , ; : ? % ' "``
   elsewhere — with ``[``, ``<`` and ````` escaped they cannot begin a link,
   image, autolink, HTML or code span (so no fingerprint either: a code span
   needs an unescaped backtick).
3. Whitespace that CommonMark would strip or read as indentation — at the
   start or end of a line — is written as a numeric character reference
   (``&#32;`` for a space, ``&#9;`` for a tab, ``&#12288;`` …), and a
   carriage return anywhere as ``&#13;``.
4. One-line fields (``inline``: names, agreements, follow-up comments, phase
   names, dates) stay on one source line: a line feed is written ``&#10;``.
   It renders as a space but parses back as a line feed, and a heading or
   list item can never be broken open by it.
5. Multi-line notes (``note_lines``) become paragraphs: one empty line
   separates paragraphs; each other line break is a backslash hard break
   (``\\`` at the end of the line, which survives editors that strip
   trailing spaces); every further empty line is a ``\\`` line at the start
   of the next paragraph. Leading and trailing empty lines of a note are not
   shown, and a note of only whitespace counts as empty (``note_text``).
"""

from __future__ import annotations

import re

from gespreks_tui.controls import picture
from gespreks_tui.safe_text import HIDDEN

# Marks that are syntax wherever they stand: the raw file stays readable
# ("één-op-één: goed (max. € 2.500)!", not "één\\-op\\-één\\: goed \\(max. € 2.500\\)\\!").
_PUNCTUATION = re.compile(r"[#$&*<@\[-`{-~]")
# Block markers, syntax only as the first character of a line.
_LINE_START = re.compile(r"^(\s*)([-+=>:])", re.MULTILINE)
# An ordered list's number ("1." "1)"), or pandoc's fancy enumerators ("a)",
# "(iv)", "(1)", "a.", "iv."): the first word of a line ending in ")", or a
# number, letter or roman numeral with ".".
_ENUMERATOR = re.compile(r"^(\s*)(?:(\(?)([^\s()\\]{1,9})\)"
                         r"|(\d{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]{1,9})\.)", re.MULTILINE)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """``text`` with the control characters CommonMark cannot carry made visible."""
    return _CONTROLS.sub(lambda match: picture(match[0]), text)


def _reference(char: str) -> str:
    return f"&#{ord(char)};"


def _line(text: str) -> str:
    """One line of cleaned text as inline Markdown (line feeds become ``&#10;``)."""
    text = _PUNCTUATION.sub(lambda m: "\\" + m[0], text)
    text = _LINE_START.sub(lambda m: m[1] + "\\" + m[2], text)
    text = _ENUMERATOR.sub(_enumerator, text)
    text = HIDDEN.sub(lambda m: _reference(m[0]), text)
    start, end = 0, len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    middle = text[start:end].replace("\r", "&#13;").replace("\n", "&#10;")
    return ("".join(map(_reference, text[:start])) + middle
            + "".join(map(_reference, text[end:])))


def _enumerator(match: re.Match[str]) -> str:
    if match[4] is not None:
        return f"{match[1]}{match[4]}\\."
    opening = "\\(" if match[2] else ""
    return f"{match[1]}{opening}{match[3]}\\)"


# Revisions issued before issue 13 escaped every mark but ' " , ; ? % (and a
# full stop after a line-start number); they are stored as issued.
_LEGACY_PUNCTUATION = re.compile(r"[!#$&()*+\-/:<=>@\[-`{-~]")


def legacy_inline(text: str) -> str:
    """A one-line field as minutes issued before issue 13 wrote it ("Jan\\-Willem"),
    for finding text in stored revisions (erasing a name, ``privacy/names.py``)."""
    return _LEGACY_PUNCTUATION.sub(lambda m: "\\" + m[0], clean(text))


def inline(text: str) -> str:
    """A one-line field (name, agreement, comment …) as inline Markdown text."""
    return _line(clean(text))


def note_text(text: str) -> str:
    """What a note reads as in the minutes: cleaned, without leading or trailing
    empty lines; empty when there is nothing but whitespace."""
    cleaned = clean(text)
    return cleaned.strip("\n") if cleaned.strip() else ""


def note_lines(text: str) -> list[str]:
    """A multi-line note as Markdown lines: paragraphs separated by ``""``.

    Returns ``[]`` for an empty note (the caller shows a placeholder).
    """
    out: list[str] = []
    paragraph: list[str] = []
    leading = 0  # hard breaks that open the current paragraph
    empty_run = 0
    body = note_text(text)
    for line in body.split("\n") if body else []:
        if not line:
            empty_run += 1
            continue
        if empty_run and paragraph:
            out += _paragraph(leading, paragraph) + [""]
            paragraph, leading = [], empty_run - 1
        empty_run = 0
        paragraph.append(_line(line))
    if paragraph:
        out += _paragraph(leading, paragraph)
    return out


def _paragraph(leading: int, lines: list[str]) -> list[str]:
    return ["\\"] * leading + [line + "\\" for line in lines[:-1]] + lines[-1:]
