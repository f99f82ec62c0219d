"""A standalone, print-friendly HTML page of the minutes (markdown-it-py).

CommonMark with GitHub task lists and tables; raw HTML is off, so anything
that looks like HTML in the Markdown is shown as text. The task lists become
(disabled) checkboxes, ticked where the Markdown has ``[x]``.

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
visible page is exactly its rendering. Then ``verify`` checks it as any
returned Markdown file: an edit to the visible page or to the hidden copy is
never a match.
"""

from __future__ import annotations

import html
import re
import unicodedata

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from mdit_py_plugins.tasklists import tasklists_plugin

from gespreks_tui.safe_text import safe, safe_lines

_CSS = """
:root { color-scheme: light; }
body { font: 11pt/1.5 Georgia, "Times New Roman", serif; color: #111; background: #fff;
       max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6em; margin: 0 0 .6em; }
h2 { font-size: 1.25em; margin: 1.4em 0 .4em; border-bottom: 1px solid #999; }
h3 { font-size: 1.05em; margin: 1.1em 0 .3em; }
h1, h2, h3 { page-break-after: avoid; break-after: avoid; }
p, li { orphans: 3; widows: 3; }
code { font: .8em/1.4 "DejaVu Sans Mono", Menlo, Consolas, monospace; word-break: break-all; }
ul.contains-task-list { list-style: none; padding-left: .2em; }
.task-list-item-checkbox { width: 1em; height: 1em; margin: 0 .5em 0 0; vertical-align: -.1em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: .2em .5em; }
@page { margin: 2cm; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
"""


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table").use(tasklists_plugin)


_EMBEDDED = re.compile(r'<pre id="gespreks-minutes" hidden>([^<]*)</pre>\n')
_BODY = re.compile(r"<main>\n(.*)</main>", re.DOTALL)


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
    if body is None or body[1] != _embedded(markdown) + safe_lines(_parser().render(markdown)):
        raise MinutesError("returned.html_changed")
    return markdown


def render_html(markdown: str, title: str, lang: str = "nl") -> str:
    """The whole HTML document for ``markdown``; ``title`` is plain text."""
    # The markup itself is ASCII without controls: only user text changes.
    body = _embedded(markdown) + safe_lines(_parser().render(markdown))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escapeHtml(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escapeHtml(safe(title))}</title>\n<style>{_CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
