"""``gespreks templates`` (list, copy) and ``gespreks prepare`` (a preparation form)."""

from __future__ import annotations

from pathlib import Path

import click

from gespreks_tui.catalogue import language, t
from gespreks_tui.cli.completion import complete_employee
from gespreks_tui.cli.options import KIND, UserError, common_options, open_store
from gespreks_tui.cli.render import echo_document, echo_safe
from gespreks_tui.kind_names import kind_help, kind_name
from gespreks_tui.model import Kind

KINDS = KIND  # names and aliases of the kinds (issue 18)


def _template_lines(info) -> list[str]:
    from gespreks_tui.templates import BUILTIN

    agenda = info.agenda
    if info.fallback_for:
        source = t("templates.fallback", path=info.fallback_for)
    elif info.source == BUILTIN:
        source = t("templates.builtin")
    else:
        source = info.source
    lines = [t("templates.row", kind=info.kind.value, language=info.language,
               title=agenda.title, minutes=agenda.total_minutes, source=source)]
    for phase in agenda.phases:
        line = "  " + t("templates.phase", name=phase.name, minutes=phase.minutes)
        if phase.criteria:
            line += " — " + t("templates.criteria", criteria=", ".join(phase.criteria))
        lines.append(line)
    if agenda.scale is not None:
        overall = "scale.overall_asked" if agenda.scale.overall else "scale.overall_not_asked"
        lines.append("  " + t("scale.templates.scale", legend=agenda.scale.legend(),
                              overall=t(overall)))
    if agenda.goal_prompts:
        lines.append("  " + t("scale.templates.goal_prompts", prompts=", ".join(
            t(f"scale.prompt.{p}") for p in agenda.goal_prompts)))
    return lines


def _template_json(info) -> dict:
    return {
        "kind": info.kind.value, "language": info.language, "title": info.agenda.title,
        "source": info.source, "fallback_for": info.fallback_for,
        "phases": [{"name": p.name, "planned_seconds": p.minutes * 60,
                    "questions": list(p.questions),
                    "help": p.help, "criteria": list(p.criteria),
                    "indicators": [list(p.indicators_of(i)) for i in range(len(p.criteria))]}
                   for p in info.agenda.phases],
        "scale": info.agenda.scale.as_data() if info.agenda.scale else None,
        "goal_prompts": list(info.agenda.goal_prompts),
    }


@click.group("templates", invoke_without_command=True, help=t("templates.help"))
@click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
@common_options
@click.pass_context
def templates(ctx: click.Context, as_json: bool) -> None:
    if ctx.invoked_subcommand is not None:
        return
    from gespreks_tui.templates import all_templates

    found = all_templates()
    if as_json:
        echo_document(
            folder=str(found.folder),
            templates=[_template_json(i) for i in found.templates],
            problems=[{"path": p.path, "line": p.line, "message": p.message}
                      for p in found.problems],
        )
        return
    lines = [t("templates.folder", path=found.folder)]
    for info in found.templates:
        lines += ["", *_template_lines(info)]
    if found.problems:
        lines += ["", t("templates.problems")]
        lines += ["  " + str(p) for p in found.problems]
    echo_safe("\n".join(lines))


@templates.command("copy", help=kind_help(t("templates.help.copy")))
@click.argument("kind", type=KINDS)
@click.option("--force", is_flag=True, help=t("templates.help.force"))
@click.option("--scale", "points", type=click.Choice(["4", "5"]), default=None,
              help=t("scale.templates.scale_option"))
@common_options
def copy(kind: str, force: bool, points: str | None) -> None:
    from gespreks_tui.templates import TemplateExists, copy_builtin

    lang = language()
    if points is not None and kind.lower() != Kind.BEOORDELING.value:
        raise UserError(t("scale.templates.scale_only_appraisal"))
    try:
        path = copy_builtin(kind.lower(), lang, force=force,
                            scale=int(points) if points else None)
    except TemplateExists as error:
        raise UserError(t("templates.copy.exists", path=error)) from error
    except OSError as error:
        from gespreks_tui.os_reasons import os_reason

        raise UserError(t("templates.copy.failed", path=error.filename or kind,
                          reason=os_reason(error)), 2) from error
    echo_safe(t("templates.copy.done", path=path, kind=kind_name(kind),
                language=lang))


@click.command("prepare", help=t("prepare.help"))
@click.argument("employee", metavar="EMPLOYEE", shell_complete=complete_employee)
@click.option("--kind", type=KINDS, default=Kind.VOORTGANG.value, show_default=True,
              help=kind_help(t("prepare.help.kind")))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help=t("prepare.help.output"))
@click.option("--force", is_flag=True, help=t("prepare.help.force"))
@common_options
@click.pass_context
def prepare(ctx: click.Context, employee: str, kind: str, output: Path | None,
            force: bool) -> None:
    from gespreks_tui.agendas import load_agenda
    from gespreks_tui.prepare import ExportError, preparation_form, write_private

    kind, lang = Kind(kind.lower()), language()
    store = open_store(ctx)
    try:
        person = store.find_person(employee)
        if person is None:
            raise UserError(t("person.not_found", name=employee))
        agreements = store.open_agreements_of(person.id)
    finally:
        store.close()
    agenda, problems = load_agenda(kind, lang)
    for problem in problems:  # the built-in template was used instead
        echo_safe(str(problem), err=True)
    form = preparation_form(person.name, kind, lang, agenda, agreements)
    if output is None or str(output) == "-":  # "-": the screen, as elsewhere
        echo_safe(form, nl=False)
        return
    if output.exists() and not force:
        raise UserError(t("prepare.exists", path=output))
    try:
        write_private(output, form)
    except ExportError as error:  # owner-only, all or nothing; nothing left behind
        raise UserError(error.message()) from error
    echo_safe(t("prepare.done", employee=person.name, path=output))


COMMANDS = [templates, prepare]
