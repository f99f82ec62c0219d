"""Goals on the command line (issue 20): ``goals``, ``pop``, and the goals ``show`` lists.

- ``gespreks goals [--employee NAME] [--json]``: every goal (or one employee's,
  without the employee column), whatever its period, with its last progress,
  how many steps are done and its period (``FROM..TO``, as ``pop --period``
  takes one), in 80 columns (``goal_table``: text wraps at words); ``--json`` gives
  ``{"format": 1, "goals": [...]}`` with the goals' own fields, the employee's
  name, ``progress`` (the last one) and the steps and reviews.
- ``gespreks pop EMPLOYEE [--period P] [-o FILE] [--format md|pdf]``: the
  development plan (``minutes.pop``), written owner-only; ``-o -`` writes it on
  stdout (a PDF never onto a terminal), as ``export`` does.
- ``goals_text`` / ``goals_json``: what ``show`` adds for a conversation's goals.
"""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

import click

from gespreks_tui.catalogue import language, t
from gespreks_tui.cli.completion import complete_employee
from gespreks_tui.cli.goal_table import titled_table, wrapped
from gespreks_tui.cli.options import UserError, common_options, open_store
from gespreks_tui.cli.options import refusal as user_refusal
from gespreks_tui.cli.render import echo_document, echo_lines, echo_safe, prompt_safe, write_stdout
from gespreks_tui.goals import Goal

STDIO = "-"


def progress_word(goal: Goal) -> str:
    progress = goal.last_progress
    return t(f"goals.progress.{progress}" if progress else "goals.progress.none")


def period_span(goal: Goal) -> str:
    """The period as ``pop --period`` writes one: FROM..TO, ..TO, FROM.. ('-': none)."""
    if not goal.period_start and not goal.period_end:
        return "-"
    return f"{goal.period_start or ''}..{goal.period_end or ''}"


def goal_json(goal: Goal, employee: str | None = None) -> dict:
    """One goal for ``--json``: its fields (``where`` as named in the app), the
    employee's name when given, ``progress`` (the last), steps and reviews."""
    data = asdict(goal)
    if employee is not None:
        data = {"id": data.pop("id"), "employee_id": data.pop("employee_id"),
                "employee": employee, **data}
    data["progress"] = str(goal.last_progress) if goal.last_progress else None
    return data


def _person(store, name: str):
    person = store.find_person(name)
    if person is None:
        raise UserError(t("person.not_found", name=name))
    return person


@click.command("goals", help=t("goals.cli.help.goals"))
@click.option("--employee", metavar="NAME", default=None, help=t("goals.cli.help.employee"),
              shell_complete=complete_employee)
@click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
@common_options
@click.pass_context
def goals(ctx: click.Context, employee: str | None, as_json: bool) -> None:
    store = open_store(ctx)
    try:
        employee_id = _person(store, employee).id if employee else None
        found = store.goals(employee_id)
        names = {p.id: p.name for p in store.list_people()}
    finally:
        store.close()
    if as_json:
        echo_document(goals=[goal_json(g, names.get(g.employee_id, "")) for g in found])
        return
    if not found:
        echo_safe(t("goals.cli.empty"))
        return
    rows = [[str(g.id), names.get(g.employee_id, ""), t(f"goals.kind.{g.kind}"),
             progress_word(g), f"{g.steps_done}/{len(g.steps)}", period_span(g),
             str(g.conversation_id), g.title]
            for g in found]
    table = [t("goals.cli.header").split("|"), *rows]
    if employee:  # one employee's goals: the column would say the same name on every row
        table = [row[:1] + row[2:] for row in table]
    # The text columns of the facts, and the period's (FROM..TO).
    wrap, period = ({1, 2}, 4) if employee else ({1, 2, 3}, 5)
    echo_lines(titled_table(table, wrap, period))


@click.command("pop", help=t("goals.cli.help.pop"))
@click.argument("employee", metavar="EMPLOYEE", shell_complete=complete_employee)
@click.option("--period", metavar="2026|FROM..TO", default=None, help=t("goals.cli.help.period"))
@click.option("-o", "--output", metavar="FILE", type=click.Path(), help=t("goals.cli.help.output"))
@click.option("--format", "fmt", type=click.Choice(["md", "pdf"]), default="md",
              show_default=True, help=t("goals.cli.help.format"))
@click.option("--force", is_flag=True, help=t("cli.help.force"))
@common_options
@click.pass_context
def pop(ctx: click.Context, employee: str, period: str | None, output: str | None, fmt: str,
        force: bool) -> None:
    from gespreks_tui.cli.cycle_commands import today
    from gespreks_tui.exports import ExportError, slug, write_private
    from gespreks_tui.minutes.pop import parse_period, pop_markdown, pop_pdf, read_pop

    span = parse_period(period)
    if output == STDIO and fmt == "pdf" and sys.stdout.isatty():  # binary: never on a terminal
        raise UserError(t("export.pdf_to_terminal"))
    store = open_store(ctx)
    try:
        plan = read_pop(store, _person(store, employee).id, span, language(), today())
    finally:
        store.close()
    document: str | bytes = pop_pdf(plan) if fmt == "pdf" else pop_markdown(plan)
    if output == STDIO:
        write_stdout(document)
        echo_safe(t("goals.cli.pop_written", employee=plan.employee.name,
                    path=t("cli.stdout")), err=True)
        return
    name = f"{plan.today.isoformat()}-{slug(plan.employee.name) or plan.employee.id}-pop.{fmt}"
    path = Path(output) if output else Path.cwd() / name
    if path.exists() and not path.is_dir() and not force:
        try:
            answer = prompt_safe(t("export.exists", path=path), default="",
                                 show_default=False, prompt_suffix=" ")
        except click.Abort:
            answer = ""
        if answer.strip().lower() not in t("export.yes").split(","):
            raise UserError(t("export.not_overwritten", path=path))
    try:
        write_private(path, document)
    except ExportError as error:
        raise user_refusal(error) from None
    echo_safe(t("goals.cli.pop_written", employee=plan.employee.name, path=path))


# --- what ``show`` adds ------------------------------------------------------------------

def _review_line(goal: Goal, conversation_id: int, labels: tuple[str, ...]) -> list[str]:
    from gespreks_tui.minutes.goals import score_text

    review = goal.review_in(conversation_id)
    if review is None:
        return []
    progress = t(f"goals.progress.{review.progress}") if review.progress else ""
    score = score_text(review.score, labels, language()) if review.score is not None else ""
    score = (" · " if progress and score else "") + score
    comment = "".join(f" — {text}" for text in (review.comment, review.score_comment) if text)
    return [t("goals.cli.show.review", progress=progress, score=score, comment=comment)]


def goals_text(conversation_id: int, set_here: list[Goal], reviewed: list[Goal],
               labels: tuple[str, ...] = ()) -> list[str]:
    """``show``'s lines about goals (none when the conversation has none)."""
    lines: list[str] = []
    for heading, listed in (("goals.cli.show.set", set_here),
                            ("goals.cli.show.reviewed", reviewed)):
        if not listed:
            continue
        lines += ["", t(heading)]
        for g in listed:
            lines += wrapped(t("goals.cli.show.goal", id=g.id, title=g.title,
                               kind=t(f"goals.kind.{g.kind}"), progress=progress_word(g),
                               done=g.steps_done, steps=len(g.steps)), len(f"[{g.id}] "))
            if heading == "goals.cli.show.reviewed":
                lines += [part for line in _review_line(g, conversation_id, labels)
                          for part in wrapped(line, 2)]
    return lines


def goals_json(set_here: list[Goal], reviewed: list[Goal]) -> dict:
    """``show --json``'s ``goals_set`` and ``goals_reviewed`` (as of the conversation)."""
    return {"goals_set": [goal_json(g) for g in set_here],
            "goals_reviewed": [goal_json(g) for g in reviewed]}


COMMANDS = [goals, pop]
