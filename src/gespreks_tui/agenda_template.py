"""The data of an agenda: its phases, planned minutes, guiding questions and criteria.

Only the types and their stored form (``snapshot``/``from_snapshot``) live here,
with no way to find or parse a template, so that both ``gespreks_tui.agendas``
(which agenda to use) and ``gespreks_tui.templates`` (reading Markdown) can
import them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from gespreks_tui.model import Kind


@dataclass(frozen=True)
class PhaseTemplate:
    name: str
    minutes: int
    questions: tuple[str, ...] = ()
    help: str = ""
    criteria: tuple[str, ...] = ()  # scored 1-4 in the conversation (appraisal)


@dataclass(frozen=True)
class AgendaTemplate:
    kind: Kind
    language: str
    title: str
    phases: tuple[PhaseTemplate, ...]
    source: str = "builtin"

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
        return {
            "kind": str(self.kind),
            "language": self.language,
            "title": self.title,
            "source": self.source,
            "phases": [_phase_snapshot(p) for p in self.phases],
        }


def _phase_snapshot(p: PhaseTemplate) -> dict:
    data = {"name": p.name, "minutes": p.minutes, "questions": list(p.questions),
            "help": p.help}
    if p.criteria:  # only when there are any, so older snapshots stay as they were
        data["criteria"] = list(p.criteria)
    return data


def from_snapshot(data: dict) -> AgendaTemplate:
    """Rebuild the template a conversation stored when it started."""
    phases = tuple(
        PhaseTemplate(p["name"], int(p["minutes"]), tuple(p.get("questions", ())),
                      p.get("help", ""), tuple(p.get("criteria", ())))
        for p in data["phases"]
    )
    return AgendaTemplate(Kind(data["kind"]), data["language"], data["title"], phases,
                          data.get("source", "builtin"))
