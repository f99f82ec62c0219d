"""Agenda templates in Markdown: the format, and the parser that checks it.

The format
==========

A template is a CommonMark file named ``KIND.LANG.md``: KIND is one of
``doelstelling``, ``voortgang``, ``functionering``, ``beoordeling`` (or another
name of one: ``planningsgesprek``, ``jaargesprek``, the name chosen in the
configuration; ``kind_names.resolve_kind``) and LANG is ``nl`` or ``en`` (for
example ``voortgang.nl.md``). The file name is the only place that says which
kind and language the template is for::

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
      - kent de regels en past ze toe   <- optional, a list under a criterion: its
      - legt collega's uit hoe iets werkt  behavioural indicators, shown while scoring
    - Samenwerking

    ### Schaal                          <- optional, once per template ("### Scale"):
                                           the points the criteria are scored on
    1. onvoldoende                      <- 3 to 5 points, lowest first, each its own
    2. matig                               label (a bullet list is fine too)
    3. voldoende
    4. goed
    5. uitstekend

    Totaaloordeel: ja                   <- optional: whether an overall judgment is
                                           asked ("nee"; "Overall: yes/no"); default ja

    ### Doelen                          <- optional, once per template ("### Goals"):
    - wat                                  which goal prompts the goals pane asks:
    - waarom                               wat/what, waarom/why, wie/who, waar/where,
    - wie                                  hoe/how (any subset; shown in that order)
    - waar
    - hoe

Heading words are read in either language, with or without a trailing colon:
``Criteria`` (also ``Competenties``/``Competencies``), ``Schaal``/``Scale``
(``Beoordelingsschaal``, ``Rating scale``) and ``Doelen``/``Goals``
(``Doelvragen``, ``Goal prompts``). Goal prompts too: ``Wat?`` and ``what``
are the same prompt.

A scale needs criteria somewhere in the template, and is one scale for all of
them. A template with criteria but no ``### Schaal`` (every template written
before scales existed) gets the old built-in four-point scale in its language:
onvoldoende, voldoende, goed, uitstekend (``appraisal_scale.legacy_scale``),
with an overall judgment. A template without ``### Doelen`` offers no goals
pane (``AgendaTemplate.goal_prompts`` is empty).

Nothing else is structure: headings of level 4 or more, code blocks and
quotes are reported, and so is a list before the first phase, a list inside a
question, scale point or goal prompt (only criteria have one: their
indicators), a scale of fewer than 3 or more than 5 points, an empty or
repeated point, and a second scale. Every problem
is a ``TemplateProblem`` with the file and the 1-based line (from the
markdown-it token map); a file with any problem is not used, and the
built-in template of that kind and language takes its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from gespreks_tui.agenda_template import GOAL_PROMPTS, AgendaTemplate, PhaseTemplate
from gespreks_tui.appraisal_scale import Scale, legacy_scale
from gespreks_tui.catalogue import t
from gespreks_tui.kind_names import UnknownKind, choices_text, resolve_kind
from gespreks_tui.model import Kind
from gespreks_tui.templates.markdown import block_line, inline_text, parse, top_level_blocks
from gespreks_tui.templates.section_items import IGNORED, Phase, SectionItems
from gespreks_tui.templates.sections import (
    CRITERIA,
    GOALS,
    SCALE,
    list_items,
    overall_line,
    split_item,
    subsection,
)

LANGUAGES = ("nl", "en")
MOST_MINUTES = 480

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
    language = match["language"].lower()
    try:  # an alias or the configured name too: planningsgesprek.nl.md (issue 18)
        kind = resolve_kind(match["kind"])
    except UnknownKind:
        return None, [TemplateProblem(str(path), None, t(
            "template.problem.unknown_kind", kind=match["kind"], kinds=choices_text()))]
    if language not in LANGUAGES:
        return None, [TemplateProblem(str(path), None, t(
            "template.problem.unknown_language", language=match["language"]))]
    return (kind, language), []


class _Parser(SectionItems):
    def __init__(self, source: str, language: str = "nl") -> None:
        self.source = source
        self.language = language
        self.problems: list[TemplateProblem] = []
        self.title: str | None = None
        self.phases: list[Phase] = []
        self.first_line: dict[str, int] = {}
        self.scale: list[str] | None = None  # the labels under "### Schaal"
        self.scale_items = 0  # items written there, sound or not
        self.scale_line = 0
        self.overall: bool = True
        self.goals: list[str] | None = None  # goal prompt identifiers under "### Doelen"
        self.goals_line = 0
        self.goals_items = 0

    def problem(self, line: int | None, key: str, **values: object) -> None:
        self.problems.append(TemplateProblem(self.source, line, t(key, None, **values)))

    @property
    def phase(self) -> Phase | None:
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
        self.check_scale()
        if self.goals is not None and not self.goals_items:
            self.problem(self.goals_line, "scale.problem.no_goal_prompts")

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
            self.new_section(self.phase, subsection(text), text, line)
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
        self.phases.append(Phase(name, minutes, line))

    def paragraph(self, text: str, line: int) -> None:
        phase = self.phase
        if phase is None or phase.section == IGNORED:
            return  # a note for the editor of the file, or under a heading already reported
        if phase.section == CRITERIA:
            self.problem(line, "template.problem.text_in_criteria", name=phase.name)
        elif phase.section == SCALE:
            is_overall, value = overall_line(text)
            if not is_overall:
                self.problem(line, "scale.problem.text_in_scale")
            elif value is None:
                self.problem(line, "scale.problem.overall_value", text=text)
            else:
                self.overall = value
        elif phase.section == GOALS:
            self.problem(line, "scale.problem.text_in_goals")
        elif text:
            phase.help.append(text)

    def items(self, block: list, line: int) -> None:
        phase = self.phase
        if phase is None:
            self.problem(line, "template.problem.list_before_phase")
            return
        for item in list_items(block):
            item_line = block_line(item)
            text, nested = split_item(item)
            if phase.section == CRITERIA:
                self.criterion(phase, text, nested, item_line)
            elif phase.section == SCALE:
                self.scale_label(text, nested, item_line)
            elif phase.section == GOALS:
                self.goal_prompt(text, nested, item_line)
            elif phase.section is None:
                self.question(phase, text, nested, item_line)

    def question(self, phase: Phase, text: str, nested: list | None, line: int) -> None:
        if nested is not None:
            self.problem(line, "template.problem.nested_list")
        elif not text:
            self.problem(line, "template.problem.empty_item")
        elif text in phase.questions:
            self.problem(line, "template.problem.duplicate_question", text=text)
        else:
            phase.questions.append(text)

    def agenda(self, kind: Kind, language: str, source: str) -> AgendaTemplate:
        phases = tuple(
            PhaseTemplate(p.name, p.minutes, tuple(p.questions), "\n\n".join(p.help),
                          tuple(p.criteria or ()),
                          tuple(p.indicators) if any(p.indicators) else ())
            for p in self.phases)
        if self.scale is not None:
            scale: Scale | None = Scale(tuple(self.scale), self.overall)
        elif any(p.criteria for p in phases):
            scale = legacy_scale(language)  # an older template: the scale it was written for
        else:
            scale = None
        goals = tuple(p for p in GOAL_PROMPTS if p in (self.goals or ()))
        return AgendaTemplate(kind, language, self.title or "", phases, source, scale, goals)


def parse_template(
    text: str, kind: Kind | str, language: str, source: str = "builtin",
) -> tuple[AgendaTemplate | None, list[TemplateProblem]]:
    """Parse one template; the agenda is None when anything is wrong with it.

    ``source`` names the file in problems and becomes ``AgendaTemplate.source``.
    """
    parser = _Parser(source, language)
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
