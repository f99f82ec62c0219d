"""The parser's handling of a phase's sub-sections: criteria, the scale, goal prompts.

A mixin of ``parse._Parser``, kept apart so each module stays readable: here
are the rules for a criterion and its indicators, a point of the scale, and
a goal prompt, each reporting a problem at its own line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gespreks_tui.appraisal_scale import FEWEST_POINTS, MOST_POINTS
from gespreks_tui.templates.markdown import block_line
from gespreks_tui.templates.sections import (
    CRITERIA,
    GOALS,
    SCALE,
    goal_prompt,
    list_items,
    prompt_words,
    split_item,
)

IGNORED = "ignored"  # a sub-section whose heading was already reported


@dataclass
class Phase:
    """One phase as read so far (the parser turns it into a ``PhaseTemplate``)."""

    name: str
    minutes: int
    line: int
    questions: list[str] = field(default_factory=list)
    help: list[str] = field(default_factory=list)
    criteria: list[str] | None = None
    indicators: list[tuple[str, ...]] = field(default_factory=list)
    criteria_line: int = 0
    section: str | None = None  # the sub-section now being read (None: the questions)


class SectionItems:
    """Sub-section rules; the parser holds the state and ``problem`` reports."""

    language: str
    phases: list[Phase]
    scale: list[str] | None
    scale_items: int
    scale_line: int
    overall: bool
    goals: list[str] | None
    goals_line: int
    goals_items: int

    def problem(self, line: int | None, key: str, **values: object) -> None:
        raise NotImplementedError

    def check_scale(self) -> None:
        if self.scale is None:
            return
        if not FEWEST_POINTS <= self.scale_items <= MOST_POINTS:
            self.problem(self.scale_line, "scale.problem.points", points=self.scale_items,
                         fewest=FEWEST_POINTS, most=MOST_POINTS)
        if not any(phase.criteria for phase in self.phases):
            self.problem(self.scale_line, "scale.problem.no_criteria")

    def new_section(self, phase: Phase, section: str | None, text: str, line: int) -> None:
        phase.section = section
        if section == CRITERIA:
            if phase.criteria is not None:
                self.problem(line, "template.problem.second_criteria", name=phase.name)
            else:
                phase.criteria, phase.criteria_line = [], line
        elif section == SCALE:
            if self.scale is not None:
                self.problem(line, "scale.problem.second_scale", first=self.scale_line)
                phase.section = IGNORED
            else:
                self.scale, self.scale_line = [], line
        elif section == GOALS:
            if self.goals is not None:
                self.problem(line, "scale.problem.second_goals", first=self.goals_line)
                phase.section = IGNORED
            else:
                self.goals, self.goals_line = [], line
        else:
            self.problem(line, "template.problem.unknown_subheading", text=text)
            phase.section = IGNORED

    def criterion(self, phase: Phase, text: str, nested: list | None, line: int) -> None:
        assert phase.criteria is not None
        if not text:
            self.problem(line, "template.problem.empty_item")
        elif text in phase.criteria:
            self.problem(line, "template.problem.duplicate_criterion", text=text)
        else:
            phase.criteria.append(text)
            phase.indicators.append(self.indicators(nested) if nested else ())

    def indicators(self, block: list) -> tuple[str, ...]:
        found: list[str] = []
        for item in list_items(block):
            text, nested = split_item(item)
            line = block_line(item)
            if nested is not None:
                self.problem(line, "scale.problem.indicator_depth")
            elif not text:
                self.problem(line, "template.problem.empty_item")
            elif text in found:
                self.problem(line, "scale.problem.duplicate_indicator", text=text)
            else:
                found.append(text)
        return tuple(found)

    def scale_label(self, text: str, nested: list | None, line: int) -> None:
        assert self.scale is not None
        self.scale_items += 1
        if nested is not None:
            self.problem(line, "scale.problem.nested_in_scale")
        elif not text:
            self.problem(line, "scale.problem.empty_label")
        elif text.casefold() in (label.casefold() for label in self.scale):
            self.problem(line, "scale.problem.duplicate_label", label=text)
        else:
            self.scale.append(text)

    def goal_prompt(self, text: str, nested: list | None, line: int) -> None:
        assert self.goals is not None
        self.goals_items += 1
        prompt = goal_prompt(text)
        if nested is not None:
            self.problem(line, "scale.problem.nested_in_goals")
        elif not text:
            self.problem(line, "template.problem.empty_item")
        elif prompt is None:
            self.problem(line, "scale.problem.unknown_goal_prompt", text=text,
                         words=prompt_words(self.language))
        elif prompt in self.goals:
            self.problem(line, "scale.problem.duplicate_goal_prompt", text=text)
        else:
            self.goals.append(prompt)
