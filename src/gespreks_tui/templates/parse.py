"""Agenda templates in Markdown: the format, and the parser that checks it.

The format
==========

A template is a CommonMark file named ``KIND.LANG.md``: KIND is one of
``doelstelling``, ``voortgang``, ``functionering``, ``beoordeling`` and LANG is
``nl`` or ``en`` (for example ``voortgang.nl.md``). The file name is the only
place that says which kind and language the template is for::

    # Voortgangsgesprek                 <- level 1: the title (exactly one, first)

    A paragraph here is a note for whoever edits the file; the app ignores it.

    ## Terugblik (20 min)               <- level 2: a phase and its planned minutes
                                           ("min", "minuten", "minutes"; 1 to 480)
    An optional paragraph: the phase's help text.

    - Welke doelen zijn gehaald?        <- a bullet (or numbered) list: the
    - Waar liep je tegenaan?               phase's guiding questions

    ### Criteria                        <- optional, under a phase: the criteria
                                           that each get a score (appraisal)
    - Vakkennis
    - Samenwerking

Nothing else is structure: headings of level 4 or more, code blocks and
quotes are reported, and so is a list before the first phase. Every problem
is a ``TemplateProblem`` with the file and the 1-based line (from the
markdown-it token map); a file with any problem is not used, and the
built-in template of that kind and language takes its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from gespreks_tui.agenda_template import AgendaTemplate, PhaseTemplate
from gespreks_tui.catalogue import t
from gespreks_tui.model import Kind
from gespreks_tui.templates.markdown import block_line, inline_text, parse, top_level_blocks

LANGUAGES = ("nl", "en")
MOST_MINUTES = 480
CRITERIA_HEADING = "criteria"

_MINUTES = re.compile(
    r"^(?P<name>.*?)\s*\(\s*(?P<minutes>\d+)\s*(?:min|mins|minuut|minuten|minute|minutes)\.?\s*\)$",
    re.IGNORECASE,
)
_FILE_NAME = re.compile(r"^(?P<kind>[^.]+)\.(?P<language>[^.]+)\.md$", re.IGNORECASE)


@dataclass(frozen=True)
class TemplateProblem:
    """Something wrong in a template file, at a 1-based line (None: the whole file)."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def template_id(path: Path | str) -> tuple[tuple[Kind, str] | None, list[TemplateProblem]]:
    """The (kind, language) a file name stands for, or the problem with the name."""
    name = Path(path).name
    match = _FILE_NAME.match(name)
    if not match:
        return None, [TemplateProblem(str(path), None, t("template.problem.bad_name"))]
    kind, language = match["kind"].lower(), match["language"].lower()
    if kind not in {k.value for k in Kind}:
        return None, [TemplateProblem(str(path), None, t(
            "template.problem.unknown_kind", kind=match["kind"],
            kinds=", ".join(k.value for k in Kind)))]
    if language not in LANGUAGES:
        return None, [TemplateProblem(str(path), None, t(
            "template.problem.unknown_language", language=match["language"]))]
    return (Kind(kind), language), []


@dataclass
class _Phase:
    name: str
    minutes: int
    line: int
    questions: list[str] = field(default_factory=list)
    help: list[str] = field(default_factory=list)
    criteria: list[str] | None = None
    criteria_line: int = 0


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[TemplateProblem] = []
        self.title: str | None = None
        self.phases: list[_Phase] = []
        self.first_line: dict[str, int] = {}

    def problem(self, line: int | None, key: str, **values: object) -> None:
        self.problems.append(TemplateProblem(self.source, line, t(key, None, **values)))

    @property
    def phase(self) -> _Phase | None:
        return self.phases[-1] if self.phases else None

    def run(self, text: str) -> None:
        for block in top_level_blocks(parse(text)):
            kind, line = block[0].type, block_line(block)
            if kind == "heading_open":
                self.heading(int(block[0].tag[1:]), inline_text(block[1]), line)
            elif kind == "paragraph_open":
                self.paragraph(inline_text(block[1]), line)
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self.items(block, line)
            elif kind != "hr":
                self.problem(line, "template.problem.unexpected_block")
        if self.title is None:
            self.problem(1, "template.problem.no_title")
        if not self.phases:
            self.problem(1, "template.problem.no_phases")
        for phase in self.phases:
            if phase.criteria is not None and not phase.criteria:
                self.problem(phase.criteria_line, "template.problem.no_criteria",
                             name=phase.name)

    def heading(self, level: int, text: str, line: int) -> None:
        if level == 1:
            if self.title is not None or self.phases:
                self.problem(line, "template.problem.second_title", text=text)
            elif not text:
                self.problem(line, "template.problem.empty_title")
                self.title = ""
            else:
                self.title = text
        elif level == 2:
            self.new_phase(text, line)
        elif level == 3 and self.phase is not None:
            if text.rstrip(":").strip().casefold() != CRITERIA_HEADING:
                self.problem(line, "template.problem.unknown_subheading", text=text)
            elif self.phase.criteria is not None:
                self.problem(line, "template.problem.second_criteria", name=self.phase.name)
            else:
                self.phase.criteria = []
                self.phase.criteria_line = line
        else:
            self.problem(line, "template.problem.heading_level", text=text)

    def new_phase(self, text: str, line: int) -> None:
        match = _MINUTES.match(text)
        name = (match["name"] if match else text).strip()
        minutes = int(match["minutes"]) if match else 0
        if not name:
            self.problem(line, "template.problem.empty_phase_name")
        elif not match:
            self.problem(line, "template.problem.no_minutes", name=name)
        elif not 1 <= minutes <= MOST_MINUTES:
            self.problem(line, "template.problem.bad_minutes", name=name, minutes=minutes,
                         most=MOST_MINUTES)
        folded = name.casefold()
        if name and folded in self.first_line:
            self.problem(line, "template.problem.duplicate_phase", name=name,
                         first=self.first_line[folded])
        elif name:
            self.first_line[folded] = line
        self.phases.append(_Phase(name, minutes, line))

    def paragraph(self, text: str, line: int) -> None:
        phase = self.phase
        if phase is None:
            return  # a note for the editor of the file
        if phase.criteria is not None:
            self.problem(line, "template.problem.text_in_criteria", name=phase.name)
        elif text:
            phase.help.append(text)

    def items(self, block: list, line: int) -> None:
        phase = self.phase
        if phase is None:
            self.problem(line, "template.problem.list_before_phase")
            return
        into, duplicate_key = (
            (phase.questions, "template.problem.duplicate_question")
            if phase.criteria is None
            else (phase.criteria, "template.problem.duplicate_criterion"))
        for item in _list_items(block):
            item_line = block_line(item)
            if any(tok.type in ("bullet_list_open", "ordered_list_open") for tok in item[1:]):
                self.problem(item_line, "template.problem.nested_list")
                continue
            text = " ".join(inline_text(tok) for tok in item if tok.type == "inline").strip()
            if not text:
                self.problem(item_line, "template.problem.empty_item")
            elif text in into:
                self.problem(item_line, duplicate_key, text=text)
            else:
                into.append(text)

    def agenda(self, kind: Kind, language: str, source: str) -> AgendaTemplate:
        return AgendaTemplate(kind, language, self.title or "", tuple(
            PhaseTemplate(p.name, p.minutes, tuple(p.questions), "\n\n".join(p.help),
                          tuple(p.criteria or ()))
            for p in self.phases), source)


def _list_items(block: list) -> list[list]:
    """The tokens of each item of a list block (the block's first and last are the list)."""
    items: list[list] = []
    depth = 0
    for token in block[1:-1]:
        if token.type == "list_item_open" and depth == 0:
            items.append([])
        depth += token.nesting
        items[-1].append(token)
    return items


def parse_template(
    text: str, kind: Kind | str, language: str, source: str = "builtin",
) -> tuple[AgendaTemplate | None, list[TemplateProblem]]:
    """Parse one template; the agenda is None when anything is wrong with it.

    ``source`` names the file in problems and becomes ``AgendaTemplate.source``.
    """
    parser = _Parser(source)
    parser.run(text)
    if parser.problems:
        return None, parser.problems
    return parser.agenda(Kind(kind), language, source), []


def parse_template_file(path: Path) -> tuple[AgendaTemplate | None, list[TemplateProblem]]:
    """Read and parse a user's ``KIND.LANG.md``; problems instead of exceptions."""
    found, problems = template_id(path)
    if found is None:
        return None, problems
    text, problems = read_template(path)
    if text is None:
        return None, problems
    return parse_template(text, *found, source=str(path))


MOST_BYTES = 1_000_000


def read_template(path: Path) -> tuple[str | None, list[TemplateProblem]]:
    """The text of a template file, or why it cannot be read."""
    try:
        if path.stat().st_size > MOST_BYTES:
            return None, [TemplateProblem(str(path), None, t("template.problem.too_large"))]
        data = path.read_bytes()
    except OSError as error:
        return None, [TemplateProblem(str(path), None, t(
            "template.problem.unreadable", reason=error.strerror or error))]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return None, [TemplateProblem(str(path), None, t("template.problem.not_utf8"))]
