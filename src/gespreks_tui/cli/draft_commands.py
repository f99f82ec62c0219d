"""``gespreks draft`` (form, read, export) and ``gespreks prepare --assessment``.

The manager's side of preparing a beoordelingsgesprek on the command line:

- ``gespreks draft form EMPLOYEE [-o FILE]`` (also ``gespreks prepare EMPLOYEE
  --kind beoordeling --assessment``) writes the Markdown form: each criterion,
  the scale's labels, room for a score and an explanation; filled in with the
  open draft's values when there is one;
- ``gespreks draft read EMPLOYEE FILE [--replace]`` stores the filled-in form as
  the employee's draft (a conversation in status ``draft``), all or nothing;
- ``gespreks draft export EMPLOYEE [-o FILE] [--format md|pdf]`` writes the draft
  for the employee, marked "concept", owner-only.

``register(cli)`` adds the group and the ``--assessment`` option to ``prepare``
(whose command belongs to ``template_commands``: it is wrapped, not edited).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from gespreks_tui.catalogue import language, t
from gespreks_tui.cli.completion import complete_employee
from gespreks_tui.cli.options import UserError, common_options, open_store, refusal
from gespreks_tui.cli.render import echo_safe, write_stdout
from gespreks_tui.draft_form import Criterion, Draft
from gespreks_tui.model import Kind, Person

STDIO = "-"


def _person(store, name: str) -> Person:
    person = store.find_person(name)
    if person is None:
        raise UserError(t("person.not_found", name=name))
    return person


def _plan(store, person: Person, lang: str):
    """(open draft or None, agenda, criteria, scale, values) for ``person``'s draft."""
    from gespreks_tui.agendas import load_agenda
    from gespreks_tui.appraisal_scale import legacy_scale
    from gespreks_tui.draft_form import criteria_of

    draft = store.open_draft(person.id)
    if draft is not None:
        criteria, scale = criteria_of(draft), store.scale(draft.id)
        _say_kept(draft.employee_name, criteria, scale, lang)
        return draft, None, criteria, scale, store.draft_values(draft.id)
    agenda, problems = load_agenda(Kind.BEOORDELING, lang)
    for problem in problems:  # the built-in template was used instead
        echo_safe(str(problem), err=True)
    criteria = [Criterion(name, phase.indicators_of(i))
                for phase in agenda.phases for i, name in enumerate(phase.criteria)]
    return None, agenda, criteria, agenda.scale or legacy_scale(lang), Draft()


def _say_kept(employee: str, criteria: list[Criterion], scale, lang: str) -> None:
    """One line when the template broke or changed since the draft was started: the
    draft keeps the form it was started on (issue 18)."""
    from gespreks_tui.agendas import load_agenda
    from gespreks_tui.appraisal_scale import legacy_scale

    agenda, problems = load_agenda(Kind.BEOORDELING, lang)
    if problems:
        echo_safe(t("scale.draft.cli_kept_broken", employee=employee,
                    problem=str(problems[0])), err=True)
        return
    now = [Criterion(name, phase.indicators_of(i))
           for phase in agenda.phases for i, name in enumerate(phase.criteria)]
    if now != criteria or (agenda.scale or legacy_scale(lang)) != scale:
        echo_safe(t("scale.draft.cli_kept_changed", employee=employee), err=True)


def _write(output: Path | None, document: str | bytes, force: bool) -> None:
    from gespreks_tui.exports import ExportError, write_private

    if output is None or str(output) == STDIO:
        if isinstance(document, bytes) and sys.stdout.isatty():  # never onto a terminal
            raise UserError(t("draft.cli.pdf_terminal"))
        write_stdout(document)
        return
    if output.exists() and not force:
        raise UserError(t("prepare.exists", path=output))
    try:
        write_private(output, document)
    except ExportError as error:  # owner-only, all or nothing; nothing left behind
        raise refusal(error) from error


def write_form(ctx: click.Context, employee: str, output: Path | None, force: bool) -> None:
    """The manager's form for ``employee`` (see the module)."""
    from gespreks_tui.draft_form import assessment_form

    lang = language()
    store = open_store(ctx)
    try:
        person = _person(store, employee)
        _draft, _agenda, criteria, scale, values = _plan(store, person, lang)
    finally:
        store.close()
    _write(output, assessment_form(person.name, criteria, scale, lang, values), force)
    if output is not None and str(output) != STDIO:
        echo_safe(t("draft.cli.form_done", employee=person.name, path=output))


@click.group("draft", help=t("draft.help"))
@common_options
def draft_group() -> None:
    pass


@draft_group.command("form", help=t("draft.help.form"))
@click.argument("employee", metavar="EMPLOYEE", shell_complete=complete_employee)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help=t("draft.help.output"))
@click.option("--force", is_flag=True, help=t("draft.help.force"))
@common_options
@click.pass_context
def form(ctx: click.Context, employee: str, output: Path | None, force: bool) -> None:
    write_form(ctx, employee, output, force)


@draft_group.command("read", help=t("draft.help.read"))
@click.argument("employee", metavar="EMPLOYEE", shell_complete=complete_employee)
@click.argument("file", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help=t("draft.help.replace"))
@common_options
@click.pass_context
def read(ctx: click.Context, employee: str, file: Path, replace: bool) -> None:
    from gespreks_tui.draft_form import read_assessment
    from gespreks_tui.settings import MANAGER_SETTING

    lang = language()
    store = open_store(ctx)
    try:
        person = _person(store, employee)
        draft, agenda, criteria, scale, _values = _plan(store, person, lang)
        if draft is not None and not replace:
            raise UserError(t("draft.cli.exists", name=person.name, id=draft.id))
        values = read_assessment(file, person.name, [c.name for c in criteria], scale)
        if draft is not None:
            store.save_draft(draft.id, values)
            echo_safe(t("draft.cli.replaced", employee=person.name, id=draft.id))
            return
        manager = store.get_setting(MANAGER_SETTING)
        manager_id = store.add_person(manager).id if manager else None
        made = store.create_draft(person.id, agenda, manager_id=manager_id, language=lang,
                                  draft=values)
        echo_safe(t("draft.cli.created", employee=person.name, id=made.id))
    finally:
        store.close()


@draft_group.command("export", help=t("draft.help.export"))
@click.argument("employee", metavar="EMPLOYEE", shell_complete=complete_employee)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help=t("draft.help.output"))
@click.option("--format", "fmt", type=click.Choice(["md", "pdf"]), default=None,
              help=t("draft.help.format"))
@click.option("--force", is_flag=True, help=t("draft.help.force"))
@common_options
@click.pass_context
def export(ctx: click.Context, employee: str, output: Path | None, fmt: str | None,
           force: bool) -> None:
    from gespreks_tui.draft_export import concept_document

    store = open_store(ctx)
    try:
        person = _person(store, employee)
        draft = store.open_draft(person.id)
        if draft is None:
            raise UserError(t("draft.cli.none", name=person.name))
        chosen = fmt or ("pdf" if output is not None and output.suffix.lower() == ".pdf"
                         else "md")
        document = concept_document(store, draft.id, chosen)
    finally:
        store.close()
    _write(output, document, force)
    if output is not None and str(output) != STDIO:
        echo_safe(t("draft.cli.exported", employee=person.name, path=output))


def _with_assessment(prepare: click.Command) -> None:
    """``gespreks prepare EMPLOYEE --kind beoordeling --assessment``: the manager's form."""
    original = prepare.callback
    if original is None or any(p.name == "assessment" for p in prepare.params):
        return
    prepare.params.append(click.Option(["--assessment"], is_flag=True,
                                       help=t("draft.help.assessment")))

    def callback(*args, assessment: bool = False, **kwargs):
        if not assessment:
            return original(*args, **kwargs)
        if str(kwargs.get("kind", "")).lower() != Kind.BEOORDELING.value:
            raise UserError(t("draft.cli.assessment_kind"))
        return write_form(click.get_current_context(), kwargs["employee"],
                          kwargs.get("output"), bool(kwargs.get("force")))

    prepare.callback = callback


def register(cli: click.Group) -> None:
    """Add ``draft`` to ``cli`` and ``--assessment`` to its ``prepare``."""
    cli.add_command(draft_group)
    prepare = cli.commands.get("prepare")
    if prepare is not None:
        _with_assessment(prepare)
