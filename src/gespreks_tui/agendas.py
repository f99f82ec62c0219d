"""Agendas: each kind's phases, planned minutes, guiding questions (and criteria).

The agendas themselves are Markdown templates (``gespreks_tui/templates/builtin``,
our own words in nl and en), which users may override in their config folder;
see ``gespreks_tui.templates``. ``AgendaTemplate.scaled`` spreads a chosen total
length over the phases in proportion to their default minutes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

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


# Months until the next conversation that a conclusion suggests, per kind.
NEXT_EVALUATION_MONTHS = {
    Kind.DOELSTELLING: 6,
    Kind.VOORTGANG: 6,
    Kind.FUNCTIONERING: 12,
    Kind.BEOORDELING: 12,
}


def builtin_agenda(kind: Kind | str, language: str = "nl") -> AgendaTemplate:
    """The built-in agenda of ``kind`` in ``language`` (nl or en; others read as nl).

    Never the user's own template: for that, use ``load_agenda``.
    """
    from gespreks_tui.templates.loader import builtin_template

    kind = Kind(kind)
    agenda = builtin_template(kind, language if language in ("nl", "en") else "nl")
    return agenda if agenda.language == language else replace(agenda, language=language)


def default_minutes(kind: Kind | str, language: str = "nl") -> int:
    """The length of the built-in agenda (``load_agenda(...)[0].total_minutes`` for the user's)."""
    return builtin_agenda(kind, language).total_minutes


def load_agenda(
    kind: Kind | str, language: str, config_dir: Path | str | None = None,
) -> tuple[AgendaTemplate, list]:
    """The agenda to use: the user's template if it is sound, else the built-in one.

    Returns the agenda and the ``TemplateProblem``s of the user's file for this
    kind and language (empty when there is none or it is fine). ``config_dir``
    defaults to ``paths.config_dir()``; templates live in its ``templates/``.
    """
    from gespreks_tui.templates.loader import load_agenda as load

    return load(kind, language, config_dir)


def from_snapshot(data: dict) -> AgendaTemplate:
    """Rebuild the template a conversation stored when it started."""
    phases = tuple(
        PhaseTemplate(p["name"], int(p["minutes"]), tuple(p.get("questions", ())),
                      p.get("help", ""), tuple(p.get("criteria", ())))
        for p in data["phases"]
    )
    return AgendaTemplate(Kind(data["kind"]), data["language"], data["title"], phases,
                          data.get("source", "builtin"))
