"""The minutes as an A4 PDF, for HR's files and for paper (fpdf2: pure Python).

``render_pdf(markdown, title, lang)`` sets the issued Markdown — the text the
fingerprint covers, nothing else — as it goes on paper (``paper.for_paper``:
the paper instruction instead of "an x between the brackets", a signature and
a date line under each party's boxes). Every page's foot carries the
fingerprint and "pagina N van M", so a single page taken from the pile still
says which revision it belongs to. The boxes are drawn, not typed: an empty
square, or one with a heavy check mark, legible on any printer and in any
font. A word longer than the line (a pasted link, a serial number) is broken
across lines instead of running off the page.

"pagina N van M" uses fpdf2's page-count alias, filled in when the file is
written; the label starts at a fixed place, as the alias is measured before it
is known. Only the font styles the minutes use are loaded (reading a TrueType
file is most of the time a PDF takes: ~70 ms each for DejaVu Sans).

The text passes ``safe_text`` and the font's coverage (``pdf_fonts``). With a
creation moment given (``pdf_document``: the conclusion), the same minutes give
the same bytes.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Literal

from gespreks_tui.catalogue import t
from gespreks_tui.minutes.paper import fingerprint_of, for_paper
from gespreks_tui.minutes.pdf_fonts import FontFiles, find_fonts
from gespreks_tui.minutes.pdf_layout import MinutesLayout

if TYPE_CHECKING:
    from gespreks_tui.minutes.render import Minutes
    from gespreks_tui.record import ConversationRecord


def render_pdf(markdown: str, title: str, lang: str = "nl", created: datetime | None = None,
               fonts: FontFiles | Literal["auto", "builtin"] = "auto") -> bytes:
    """The PDF of ``markdown`` (the minutes of one revision); ``title`` is plain text.

    ``fonts``: "auto" finds a Unicode font on the system (``pdf_fonts``),
    "builtin" uses fpdf2's own Helvetica (Windows-1252 only).
    """
    from markdown_it import MarkdownIt
    from mdit_py_plugins.tasklists import tasklists_plugin

    parser = MarkdownIt("commonmark", {"html": False}).enable("table").use(tasklists_plugin)
    tokens = for_paper(parser.parse(markdown), lang)
    files = find_fonts() if fonts == "auto" else None if fonts == "builtin" else fonts
    code = fingerprint_of(tokens)
    foot = t("minutes.pdf.fingerprint", lang=lang, code=code) if code else ""

    italic = any(child.type == "em_open" for token in tokens for child in token.children or ())
    layout = MinutesLayout(files, lang, title, foot, italic=italic)
    layout.metadata(title, lang, created)
    layout.minutes(tokens)
    return bytes(layout.output())


def pdf_document(record: ConversationRecord, minutes: Minutes) -> bytes:
    """The PDF export of ``minutes`` (as ``publish`` issued them from ``record``)."""
    from gespreks_tui.display_time import local
    from gespreks_tui.minutes.publish import title_of

    c = record.conversation  # dated when concluded: the same minutes, the same bytes
    created = local(c.ended_at, "UTC") if c.ended_at else None
    return render_pdf(minutes.markdown, title_of(record.conversation, minutes.language),
                      minutes.language, created)
