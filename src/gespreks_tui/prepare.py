"""Preparation forms: a Markdown form the employee fills in before the conversation.

``preparation_form`` writes the form: a title, the line that says whose form it
is and for which kind (``Voorbereiding: voortgangsgesprek · Joris Bakker``), a
short instruction, then per phase (``## Terugblik``) each guiding question as a
level-3 heading followed by ``Antwoord:`` and room to write, and finally the
employee's open agreements (``## Open afspraken``) in the same way.

``parse_preparation`` reads a filled-in form back with markdown-it-py: the
answers per phase, each answer being whatever the employee wrote under a
question (paragraphs, lists, ...) as Markdown source, without the
``Antwoord:`` marker. A form for another employee or kind raises
``PreparationError``; CRLF line ends, extra blank lines and an answer written
on the marker's own line are all fine.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gespreks_tui.agendas import AgendaTemplate
from gespreks_tui.catalogue import LANGUAGES, t
from gespreks_tui.errors import Term, UserError
from gespreks_tui.exports import ExportError, write_private
from gespreks_tui.model import Agreement, Kind
from gespreks_tui.safe_read import FileRefused, read_small_file
from gespreks_tui.templates.markdown import (
    block_end,
    escape_inline,
    inline_text,
    normalise,
    parse,
    top_level_blocks,
)

__all__ = [
    "Answer", "ExportError", "Preparation", "PreparationError", "parse_preparation",
    "preparation_form", "read_preparation", "write_private",
]

_BLANK_RUNS = re.compile(r"\n{3,}")
ANSWER_ROOM = 3  # empty lines left under each "Antwoord:"


class PreparationError(UserError):
    """A form that cannot be used; ``message()`` says why in the user's language."""

    def __init__(self, key: str, /, **values: object) -> None:
        super().__init__(key, **{name: Term(f"kind.{value}") if isinstance(value, Kind)
                                 else value for name, value in values.items()})


@dataclass(frozen=True)
class Answer:
    """What the employee wrote under one question ("" for text outside a question)."""

    question: str
    text: str


class Preparation(dict[str, str]):
    """The answers per phase name, as text: each answered question on its own line,
    the answer (Markdown as written) below it, a blank line between them.

    Only phases with an answer are keys. Also: ``employee`` and ``kind`` (from the
    form), ``phases`` (every phase in the form, in order), ``answers`` (per phase,
    the ``Answer``s) and ``agreements`` (the ``Answer``s on the open agreements,
    the question being the agreement as the form listed it).
    """

    employee: str
    kind: Kind
    phases: tuple[str, ...]
    answers: dict[str, list[Answer]]
    agreements: list[Answer]

    @property
    def agreements_text(self) -> str:
        return _joined(self.agreements)


# --- writing ---------------------------------------------------------------------------

def _labels(key: str) -> set[str]:
    return {LANGUAGES[lang][key].casefold() for lang in LANGUAGES}


def preparation_form(
    employee_name: str, kind: Kind | str, language: str, agenda: AgendaTemplate,
    open_agreements: Iterable[Agreement] = (),
) -> str:
    """The Markdown form for ``employee_name`` to prepare a conversation of ``kind``."""
    from gespreks_tui.kind_names import kind_name

    kind, lang = Kind(kind), language if language in LANGUAGES else "nl"
    kind_label = t(f"kind.{kind}", lang=lang)  # the line read back: the standard name
    # What the employee reads, the title and the intro, names the kind as the
    # organisation does (``[kinds.X] name``); the "Voorbereiding:" line keeps the
    # standard name, so the form reads back whatever the configuration says later.
    own_word = kind_name(kind, lang=lang)
    open_agreements = list(open_agreements)
    room = [t("prepare.answer", lang=lang)] + [""] * ANSWER_ROOM
    # One line: a wrapped line could start with "#" or "-" and become a heading or list.
    intro = t("prepare.intro", lang=lang, employee=escape_inline(employee_name),
              kind=escape_inline(own_word))
    if open_agreements:
        intro += " " + t("prepare.intro_agreements", lang=lang)
    lines = [
        "# " + escape_inline(t("prepare.title", lang=lang, kind=own_word)), "",
        f"{t('prepare.label', lang=lang)}: {kind_label} · {escape_inline(employee_name)}", "",
        intro, "",
    ]
    for phase in agenda.phases:
        lines += ["## " + escape_inline(phase.name), ""]
        if not phase.questions:
            lines += room
        for question in phase.questions:
            lines += ["### " + escape_inline(question), "", *room]
    if open_agreements:
        lines += ["## " + escape_inline(t("prepare.agreements", lang=lang)), ""]
        for agreement in open_agreements:
            heading = t("prepare.agreement", lang=lang, text=agreement.text,
                        owner=t(f"owner.{agreement.owner or 'none'}", lang=lang),
                        due=agreement.due_date or t("prepare.no_due", lang=lang))
            lines += ["### " + escape_inline(heading), "", *room]
    return "\n".join(lines) + "\n"


# --- reading ---------------------------------------------------------------------------

def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _kind_of(text: str) -> Kind | None:
    """Any name of a kind: its own, an alias, the configured one (``kind_names``)."""
    from gespreks_tui.kind_names import UnknownKind, resolve_kind

    try:
        return resolve_kind(text)
    except UnknownKind:
        return None


def _header(paragraph: str) -> tuple[str, str] | None:
    """(kind text, employee name) from 'Voorbereiding: kind · name', else None."""
    label, colon, rest = paragraph.partition(":")
    if not colon or label.strip().casefold() not in _labels("prepare.label"):
        return None
    kind_text, dot, name = rest.partition("·")
    if not dot:
        return None
    return kind_text.strip(), name.strip()


def _strip_marker(text: str) -> str:
    """Drop the 'Antwoord:' marker the form put before the answer, if it is still there."""
    head, newline, tail = text.partition("\n")
    stripped = head.strip()
    for marker in _labels("prepare.answer"):
        if stripped.casefold().startswith(marker):
            head = stripped[len(marker):]
            break
    return head + newline + tail


def _clean(text: str) -> str:
    text = textwrap.dedent(_strip_marker(text).strip("\n"))
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip()


def _joined(answers: list[Answer]) -> str:
    return "\n\n".join(f"{a.question}\n{a.text}" if a.question else a.text for a in answers)


def parse_preparation(text: str, employee_name: str, kind: Kind | str) -> Preparation:
    """The answers of a filled-in form, per phase; refuses another employee's or kind's form.

    Raises ``PreparationError`` (``prepare.not_a_form``, ``prepare.wrong_employee``,
    ``prepare.wrong_kind``).
    """
    kind = Kind(kind)
    text = normalise(text)
    lines = text.split("\n")
    blocks = top_level_blocks(parse(text))

    header: tuple[str, str] | None = None
    for block in blocks:
        if block[0].type == "heading_open" and block[0].tag == "h2":
            break
        if block[0].type == "paragraph_open":
            header = _header(inline_text(block[1]))
            if header:
                break
    if header is None:
        raise PreparationError("prepare.not_a_form")
    kind_text, name = header
    if not _same_name(name, employee_name):
        raise PreparationError("prepare.wrong_employee", found=name, expected=employee_name)
    found_kind = _kind_of(kind_text)
    if found_kind != kind:
        raise PreparationError("prepare.wrong_kind", expected=kind,
                               found=found_kind or kind_text)

    # Sections: (phase or None for the agreements, question) -> the lines written there.
    agreements_heading = _labels("prepare.agreements")
    order: list[tuple[str | None, str]] = []
    spans: dict[tuple[str | None, str], list[tuple[int, int]]] = {}
    phases: list[str] = []
    section: str | None = None
    key: tuple[str | None, str] | None = None
    for block in blocks:
        first = block[0]
        level = int(first.tag[1:]) if first.type == "heading_open" else 0
        if level == 2:
            title = inline_text(block[1])
            section = None if title.casefold() in agreements_heading else title
            if section is not None and section not in phases:
                phases.append(section)
            key = (section, "")
        elif level == 3 and key is not None:
            key = (section, inline_text(block[1]))
        elif key is not None and first.map:
            if key not in spans:
                spans[key] = []
                order.append(key)
            spans[key].append((first.map[0], block_end(block)))

    answers: dict[str, list[Answer]] = {}
    agreements: list[Answer] = []
    for key in order:
        start, end = spans[key][0][0], spans[key][-1][1]
        written = _clean("\n".join(lines[start:end]))
        if not written:
            continue
        phase, question = key
        answer = Answer(question, written)
        if phase is None:
            agreements.append(answer)
        else:
            answers.setdefault(phase, []).append(answer)

    result = Preparation((phase, _joined(answers[phase])) for phase in phases
                         if phase in answers)
    result.employee = name
    result.kind = kind
    result.phases = tuple(phases)
    result.answers = answers
    result.agreements = agreements
    return result


def read_preparation(path: Path | str, employee_name: str, kind: Kind | str) -> Preparation:
    """``parse_preparation`` of a file; an unreadable file is a ``PreparationError`` too.

    A FIFO, a device or a directory, and a file over ``safe_read.MOST_BYTES``, are
    refused before a byte is read (``safe_read``): they hung the app or ran out of
    memory.
    """
    try:
        text = read_small_file(path).decode("utf-8-sig")
    except FileRefused as error:
        raise PreparationError("prepare.unreadable", path=path, reason=error.reason) from error
    except OSError as error:
        raise PreparationError("prepare.unreadable", path=path,
                               reason=error.strerror or error) from error
    except UnicodeDecodeError as error:
        raise PreparationError("prepare.unreadable", path=path, reason="UTF-8") from error
    return parse_preparation(text, employee_name, kind)
