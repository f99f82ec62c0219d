"""A standalone, print-friendly HTML page of the minutes (markdown-it-py).

CommonMark with GitHub task lists and tables; raw HTML is off, so anything
that looks like HTML in the Markdown is shown as text.

The page is made to be printed on A4 (``@page { size: A4 }``): the task-list
boxes are printed glyphs, ☐ and ☑ (a disabled checkbox prints pale grey, if at
all); the "x between the brackets" instruction, meant for the Markdown file,
becomes the paper one, each party gets a signature and a date line, and an
empty comments section ruled lines to write on (``paper.for_paper``); a date never breaks at its spaces or hyphens; a long
unbroken string wraps (``overflow-wrap: anywhere``) instead of widening the
page until the printer shrinks all of it. Browsers that print page margin boxes
(Chromium 131 and later) add "pagina N van M" and the fingerprint to every page.

The page is for people: the title and every character of the body pass
``safe_text``. The Markdown writes bidi and zero-width characters as
character references, which markdown-it turns back into the characters; here
they become visible markers ("⟨U+202E⟩"), so a right-to-left override in an
agreement cannot reverse the owner, date and status the app writes after it,
and the title (plain text from the names) carries no raw NUL or ESC.

The page can be verified (``read_html``): it carries the Markdown it was
rendered from in a hidden ``<pre id="gespreks-minutes">`` (every character
that is not plain printable text as a numeric character reference, so it
hides nothing), and ``read_html`` gives that Markdown back only when the
visible page is exactly its rendering (this version's, in either language, or
the one before issue 17, so pages exported earlier still verify). Then
``verify`` checks it as any returned Markdown file: an edit to the visible page
or to the hidden copy is never a match.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token
from mdit_py_plugins.tasklists import tasklists_plugin

from gespreks_tui.catalogue import LANGUAGES, t
from gespreks_tui.minutes.paper import (
    DATE,
    SIGNATURE,
    WRITE_HERE,
    fingerprint_of,
    for_paper,
    signature_labels,
)
from gespreks_tui.safe_text import safe, safe_lines

_CSS = """
:root { color-scheme: light; }
body { font: 11pt/1.5 Georgia, "Times New Roman", serif; color: #111; background: #fff;
       max-width: 42rem; margin: 2rem auto; padding: 0 1rem; overflow-wrap: anywhere; }
h1 { font-size: 1.6em; margin: 0 0 .6em; }
h2 { font-size: 1.25em; margin: 1.4em 0 .4em; border-bottom: 1px solid #999; }
h3 { font-size: 1.05em; margin: 1.1em 0 .3em; }
h1, h2, h3 { page-break-after: avoid; break-after: avoid; }
p, li { orphans: 3; widows: 3; }
code { font: .8em/1.4 "DejaVu Sans Mono", Menlo, Consolas, monospace; word-break: break-all; }
.date { white-space: nowrap; }
ul.contains-task-list { list-style: none; padding-left: .2em; }
.box { font: 1.25em/1 "DejaVu Sans", "Segoe UI Symbol", "Apple Symbols", sans-serif;
       color: #000; margin-right: .4em; vertical-align: -.08em; }
.signature { display: flex; gap: 2em; margin: 1.4em 0 1.2em; break-inside: avoid; }
.signature p { display: flex; align-items: flex-end; margin: 0; }
.signature .sign { flex: 3; } .signature .day { flex: 2; }
.signature .line { flex: 1; height: 2.2em; margin-left: .5em; border-bottom: 1px solid #111; }
.write-here { break-inside: avoid; }
.write-here p { height: 2em; margin: 0; border-bottom: 1px solid #777; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: .2em .5em; overflow-wrap: anywhere; }
@page { size: A4; margin: 2cm 2cm 2.2cm; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
"""

_CHECKBOX = re.compile(r'<input class="task-list-item-checkbox" (checked="checked" )?')


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table").use(tasklists_plugin)


def _text(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    """Text, with every date kept on one line."""
    return DATE.sub(lambda m: f'<span class="date">{m[0]}</span>',
                    escapeHtml(tokens[idx].content))


def _box(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    """The task list's checkbox as a printed glyph (the plugin's only inline HTML)."""
    found = _CHECKBOX.match(tokens[idx].content)
    if found is None:  # never: raw HTML is off; shown as text all the same
        return escapeHtml(tokens[idx].content)
    return '<span class="box">☑</span>' if found[1] else '<span class="box">☐</span>'


def _signature(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    sign, day = (escapeHtml(label) for label in signature_labels(env["lang"]))
    return (f'<div class="signature"><p class="sign">{sign}<span class="line"></span></p>'
            f'<p class="day">{day}<span class="line"></span></p></div>\n')


def _write_here(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return '<div class="write-here">' + "<p></p>" * 6 + "</div>\n"


def _visible(markdown: str, lang: str) -> str:
    """The page's visible body: the minutes as they go on paper."""
    parser = _parser()
    parser.add_render_rule("text", _text)
    parser.add_render_rule("html_inline", _box)
    parser.add_render_rule(SIGNATURE, _signature)
    parser.add_render_rule(WRITE_HERE, _write_here)
    env = {"lang": lang}
    tokens = for_paper(parser.parse(markdown, env), lang)
    return safe_lines(parser.renderer.render(tokens, parser.options, env))


def _visible_before_paper(markdown: str) -> str:
    """The visible body as pages were rendered before issue 17 (disabled checkboxes)."""
    return safe_lines(_parser().render(markdown))


_EMBEDDED = re.compile(r'<pre id="gespreks-minutes" hidden>([^<]*)</pre>\n')
_BODY = re.compile(r"<main>\n(.*)</main>", re.DOTALL)
_LANG = re.compile(r'<html lang="([a-z]{2})">')


def _reference(char: str) -> str:
    if char == "\n" or (char.isprintable() and unicodedata.category(char) != "Cf"):
        return html.escape(char, quote=True)
    return f"&#x{ord(char):x};"


def _embedded(markdown: str) -> str:
    return '<pre id="gespreks-minutes" hidden>' + "".join(map(_reference, markdown)) + "</pre>\n"


def read_html(text: str) -> str | None:
    """The Markdown an HTML export was rendered from, when ``text`` is such a page
    whose visible body is exactly that Markdown's rendering; None when ``text`` is not
    an HTML export; ``MinutesError`` "returned.html_changed" when the page was edited."""
    from gespreks_tui.errors import MinutesError

    found = _EMBEDDED.search(text)
    if found is None:
        if text.lstrip("\ufeff").lstrip().lower().startswith(("<!doctype html", "<html")):
            raise MinutesError("returned.html_without_minutes")
        return None
    markdown = html.unescape(found[1])
    body = _BODY.search(text.replace("\r\n", "\n"))
    if body is None or not body[1].startswith(_embedded(markdown)):
        raise MinutesError("returned.html_changed")
    visible = body[1][len(_embedded(markdown)):]
    said = _LANG.search(text)
    langs = [said[1]] if said and said[1] in LANGUAGES else list(LANGUAGES)
    if visible != _visible_before_paper(markdown) and all(
            visible != _visible(markdown, lang) for lang in langs):
        raise MinutesError("returned.html_changed")
    return markdown


def _margin_boxes(markdown: str, lang: str) -> str:
    """Page number and fingerprint in the page margins, for browsers that print them."""
    code = fingerprint_of(_parser().parse(markdown))
    page = t("minutes.pdf.page", lang=lang, page='" counter(page) "', pages='" counter(pages) "')
    fingerprint = t("minutes.pdf.fingerprint", lang=lang, code=code) if code else ""
    style = "font: 7.5pt sans-serif; color: #333;"
    return ("@page {"
            f' @bottom-left {{ content: "{_css_string(fingerprint)}"; {style} }}'
            f' @bottom-right {{ content: "{_css_page(page)}"; {style} }} }}\n')


def _css_string(text: str) -> str:
    """Plain text as the inside of a CSS string (catalogue text and an ASCII code)."""
    return "".join(c if c.isalnum() or c in " .,:/-" else f"\\{ord(c):x} " for c in safe(text))


def _css_page(text: str) -> str:
    """The page template, whose placeholders were filled with CSS counters."""
    parts = text.split('" counter(')
    out = _css_string(parts[0])
    for part in parts[1:]:
        counter, _, rest = part.partition(') "')
        out += f'" counter({counter}) "' + _css_string(rest)
    return out


def render_html(markdown: str, title: str, lang: str = "nl") -> str:
    """The whole HTML document for ``markdown``; ``title`` is plain text."""
    # The markup itself is ASCII without controls: only user text changes.
    body = _embedded(markdown) + _visible(markdown, lang)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escapeHtml(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escapeHtml(safe(title))}</title>\n"
        f"<style>{_CSS}{_margin_boxes(markdown, lang)}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
