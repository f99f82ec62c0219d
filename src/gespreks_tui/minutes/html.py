"""A standalone, print-friendly HTML page of the minutes (markdown-it-py).

CommonMark with GitHub task lists and tables; raw HTML is off, so anything
that looks like HTML in the Markdown is shown as text. The task lists become
(disabled) checkboxes, ticked where the Markdown has ``[x]``.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from mdit_py_plugins.tasklists import tasklists_plugin

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


def render_html(markdown: str, title: str, lang: str = "nl") -> str:
    """The whole HTML document for ``markdown``; ``title`` is plain text."""
    body = _parser().render(markdown)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escapeHtml(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escapeHtml(title)}</title>\n<style>{_CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
