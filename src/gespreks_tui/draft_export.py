"""The prepared assessment as the employee gets it in advance: Markdown or PDF, "concept".

The manager often sends the draft before the meeting, so the employee can
read it and prepare a reaction. It is not the assessment: the meeting may
change anything in it. So the word "concept" is in the title, in every
heading and (in the PDF) at the foot of every page and in the running head
of every page after the first, where a single page taken from the pile still
says it. The files are written owner-only (``exports.write_private``).

``concept_markdown(conversation, criteria, draft, scale, lang)`` is the text;
``concept_pdf(...)`` sets it with the minutes' PDF machinery
(``minutes.pdf_layout``), without the minutes' paper changes (there is
nothing to sign on a draft).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from gespreks_tui.appraisal_scale import Scale
from gespreks_tui.catalogue import t
from gespreks_tui.display_time import moment_day
from gespreks_tui.draft_form import Draft, Entry, criteria_of
from gespreks_tui.exports import slug
from gespreks_tui.markdown_escape import inline, note_lines
from gespreks_tui.model import Conversation

if TYPE_CHECKING:
    from gespreks_tui.store import Store


def concept_title(c: Conversation, lang: str) -> str:
    """Plain text: "Concept-beoordeling van Joris Bakker"."""
    return t("draft.export.title", lang=lang, employee=c.employee_name)


def default_concept_name(c: Conversation, ext: str) -> str:
    """e.g. ``concept-beoordeling-joris-bakker.pdf``."""
    return f"{slug(t('draft.export.file', lang=c.language))}-" \
           f"{slug(c.employee_name) or c.id}.{ext.lstrip('.')}"


def concept_markdown(c: Conversation, criteria: list[str], draft: Draft, scale: Scale,
                     lang: str | None = None) -> str:
    """The draft for the employee: every heading says "Concept"."""
    lang = lang or c.language

    def tr(key: str, **values: object) -> str:
        return t(key, lang=lang, **values)

    mark = tr("draft.export.mark")
    lines = [
        "# " + tr("draft.export.title", employee=inline(c.employee_name)), "",
        f"**{mark.upper()}** — " + tr("draft.export.notice"), "",
        "- " + tr("minutes.meta.employee", name=inline(c.employee_name)),
        "- " + tr("minutes.meta.manager", name=inline(c.manager_name) if c.manager_name
                  else tr("minutes.unknown")),
        "- " + tr("draft.export.drafted", date=moment_day(c.created_at, c.time_zone, lang)),
        "- " + tr("draft.export.scale", legend=inline(scale.legend())),
        "",
    ]

    def section(title: str, entry: Entry) -> list[str]:
        out = ["## " + tr("draft.export.heading", mark=mark, title=inline(title)), "",
               tr("draft.export.score", score=inline(scale.numbered(entry.score))), ""]
        explained = note_lines(entry.comment)
        return [*out, *(explained or ["*" + tr("draft.export.no_comment") + "*"]), ""]

    for position, name in enumerate(criteria):
        lines += section(name, draft.scores.get(position, Entry()))
    if scale.overall:
        lines += section(tr("scores.overall"), draft.overall)
    return "\n".join(lines).rstrip("\n") + "\n"


def concept_document(store: Store, conversation_id: int, fmt: str,
                     lang: str | None = None) -> str | bytes:
    """The concept of a stored draft as ``fmt`` ("md": Markdown text, "pdf": bytes)."""
    from gespreks_tui.display_time import local

    c = store.get_conversation(conversation_id)
    lang = lang or c.language
    markdown = concept_markdown(c, [x.name for x in criteria_of(c)],
                                store.draft_values(conversation_id),
                                store.scale(conversation_id), lang)
    if fmt != "pdf":
        return markdown
    # dated when drafted: the same draft, the same bytes
    return concept_pdf(markdown, concept_title(c, lang), lang, local(c.created_at, "UTC"))


def concept_pdf(markdown: str, title: str, lang: str, created: datetime | None = None) -> bytes:
    """The PDF of ``concept_markdown``'s text: "concept" at every page's foot and head."""
    from markdown_it import MarkdownIt

    from gespreks_tui.minutes.pdf_fonts import find_fonts
    from gespreks_tui.minutes.pdf_layout import MinutesLayout

    tokens = MarkdownIt("commonmark", {"html": False}).parse(markdown)
    italic = any(child.type == "em_open" for token in tokens for child in token.children or ())
    layout = MinutesLayout(find_fonts(), lang, title, t("draft.export.foot", lang=lang),
                           italic=italic)
    layout.metadata(title, lang, created)
    layout.minutes(tokens)
    return bytes(layout.output())
