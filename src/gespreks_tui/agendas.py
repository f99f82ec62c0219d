"""Agendas: each kind's phases, planned minutes, guiding questions (and criteria).

An appraisal's agenda also carries its scale and its criteria's behavioural
indicators, and a goal-setting agenda its goal prompts (issue 18); a
conversation stores them when it starts, so a template changed later never
changes it (``store.scale``, ``store.goal_prompts``).

The agendas themselves are Markdown templates (``gespreks_tui/templates/builtin``,
our own words in nl and en), which users may override in their config folder;
see ``gespreks_tui.templates``. ``AgendaTemplate.scaled`` spreads a chosen total
length over the phases in proportion to their default minutes. The types
themselves live in ``gespreks_tui.agenda_template`` (re-exported here), which the
templates import, so that this module and ``templates`` do not import each other.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from gespreks_tui.agenda_template import AgendaTemplate, PhaseTemplate, from_snapshot
from gespreks_tui.model import Kind

__all__ = [
    "NEXT_EVALUATION_MONTHS", "AgendaTemplate", "PhaseTemplate", "builtin_agenda",
    "default_minutes", "from_snapshot", "load_agenda",
]


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
