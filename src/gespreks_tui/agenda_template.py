"""The data of an agenda: its phases, planned minutes, guiding questions, criteria, scale.

Only the types and their stored form (``snapshot``/``from_snapshot``) live here,
with no way to find or parse a template, so that both ``gespreks_tui.agendas``
(which agenda to use) and ``gespreks_tui.templates`` (reading Markdown) can
import them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from gespreks_tui.appraisal_scale import Scale
from gespreks_tui.model import Kind

# The goal prompts a template may ask, in the order they are shown (contract: api.md A).
GOAL_PROMPTS = ("what", "why", "who", "where", "how")


@dataclass(frozen=True)
class PhaseTemplate:
    name: str
    minutes: int
    questions: tuple[str, ...] = ()
    help: str = ""
    criteria: tuple[str, ...] = ()  # scored on the template's scale (appraisal)
    # Behavioural indicators per criterion, parallel to ``criteria`` (may be empty tuples).
    indicators: tuple[tuple[str, ...], ...] = ()

    def indicators_of(self, position: int) -> tuple[str, ...]:
        """The indicators of criterion ``position`` (none when the template gives none)."""
        return self.indicators[position] if 0 <= position < len(self.indicators) else ()


@dataclass(frozen=True)
class AgendaTemplate:
    kind: Kind
    language: str
    title: str
    phases: tuple[PhaseTemplate, ...]
    source: str = "builtin"
    # The scale the criteria are scored on; None when the template has no criteria.
    scale: Scale | None = None
    # Which goal prompts (a subset of GOAL_PROMPTS, in that order) the goals pane asks;
    # empty: this template offers no goals pane.
    goal_prompts: tuple[str, ...] = ()

    @property
    def total_minutes(self) -> int:
        return sum(p.minutes for p in self.phases)

    def scaled(self, total_minutes: int) -> list[tuple[PhaseTemplate, int]]:
        """Each phase with its planned seconds, summing exactly to ``total_minutes``."""
        base = self.total_minutes or 1
        exact = [p.minutes * total_minutes / base for p in self.phases]
        whole = [int(x) for x in exact]
        short = total_minutes - sum(whole)
        by_remainder = sorted(range(len(exact)), key=lambda i: whole[i] - exact[i])
        for i in by_remainder[:short]:
            whole[i] += 1
        return [(p, m * 60) for p, m in zip(self.phases, whole, strict=True)]

    def snapshot(self) -> dict:
        """The JSON stored with a conversation, so later edits never change it."""
        data: dict = {
            "kind": str(self.kind),
            "language": self.language,
            "title": self.title,
            "source": self.source,
            "phases": [_phase_snapshot(p) for p in self.phases],
        }
        # Only when there are any, so snapshots of other templates stay as they were.
        if self.scale is not None:
            data["scale"] = self.scale.as_data()
        if self.goal_prompts:
            data["goal_prompts"] = list(self.goal_prompts)
        return data


def _phase_snapshot(p: PhaseTemplate) -> dict:
    data = {"name": p.name, "minutes": p.minutes, "questions": list(p.questions),
            "help": p.help}
    if p.criteria:  # only when there are any, so older snapshots stay as they were
        data["criteria"] = list(p.criteria)
    if any(p.indicators):
        data["indicators"] = [list(found) for found in p.indicators]
    return data


def from_snapshot(data: dict) -> AgendaTemplate:
    """Rebuild the template a conversation stored when it started."""
    phases = tuple(
        PhaseTemplate(p["name"], int(p["minutes"]), tuple(p.get("questions", ())),
                      p.get("help", ""), tuple(p.get("criteria", ())),
                      tuple(tuple(found) for found in p.get("indicators", ())))
        for p in data["phases"]
    )
    scale = data.get("scale")
    return AgendaTemplate(
        Kind(data["kind"]), data["language"], data["title"], phases,
        data.get("source", "builtin"),
        Scale(tuple(scale["labels"]), bool(scale.get("overall", True))) if scale else None,
        tuple(data.get("goal_prompts", ())))
