"""The subcommands: demo, list, show."""

from __future__ import annotations

import click

from gespreks_tui.catalogue import t
from gespreks_tui.cli import draft_render, goal_commands, minutes_render, render
from gespreks_tui.cli.completion import complete_conversation, complete_employee
from gespreks_tui.cli.options import UserError, common_options, open_store
from gespreks_tui.minutes.procedure import text_lines as procedure_text
from gespreks_tui.procedure_states import procedure_states, shown_states


@click.command(help=t("cli.help.demo"))
@common_options
@click.pass_context
def demo(ctx: click.Context) -> None:
    from gespreks_tui.demo import load_demo

    store = open_store(ctx, create=True)
    try:
        if load_demo(store):
            render.echo_safe(t("cli.demo.done", path=store.path, people=len(store.list_people()),
                               conversations=len(store.list_conversations())))
        else:
            render.echo_safe(t("cli.demo.exists", path=store.path))
    finally:
        store.close()


@click.command("list", help=t("cli.help.list"))
@click.option("--employee", metavar="NAME", help=t("cli.help.employee"),
              shell_complete=complete_employee)
@click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
@common_options
@click.pass_context
def list_(ctx: click.Context, employee: str | None, as_json: bool) -> None:
    store = open_store(ctx)
    try:
        employee_id = None
        if employee:
            person = store.find_person(employee)
            if person is None:
                raise UserError(t("person.not_found", name=employee))
            employee_id = person.id
        rows = store.list_conversations(employee_id)
        states = procedure_states(store, rows)  # a beoordeling's (issue 18)
        from gespreks_tui.cli.privacy_commands import warn_duplicates

        warn_duplicates(store)  # names an older version stored twice: one line per pair
    finally:
        store.close()
    if as_json:
        render.echo_document(conversations=[render.summary_json(r, states.get(r.id))
                                            for r in rows])
    elif not rows:
        render.echo_safe(t("cli.list.empty"))
    else:
        render.echo_safe("\n".join(render.summary_table(rows, shown_states(states))))


@click.command(help=t("cli.help.show"))
@click.argument("conversation_id", metavar="ID", type=int, shell_complete=complete_conversation)
@click.option("--private", is_flag=True, help=t("cli.help.private"))
@click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
@common_options
@click.pass_context
def show(ctx: click.Context, conversation_id: int, private: bool, as_json: bool) -> None:
    store = open_store(ctx)
    try:
        conversation = store.get_conversation(conversation_id)
        notes = store.notes(conversation_id)
        agreements = store.agreements(conversation_id)
        follow_ups = store.follow_ups(conversation_id)
        trails = store.conversation_trails(conversation_id)
        history = store.minutes_history(conversation_id)
        record = store.conversation_record(conversation_id)  # the sign-off around it
        scores, overall = store.scores(conversation_id), store.overall(conversation_id)
        set_here, reviewed = record.goals_set, record.goals_reviewed  # issue 20
    finally:
        store.close()
    if as_json:
        data = render.conversation_json(conversation, notes, agreements, follow_ups, private,
                                       trails)
        data["scores"] = draft_render.scores_json_extra(render.scores_json(scores, overall),
                                                        record)
        data.update(goal_commands.goals_json(list(set_here), list(reviewed)))
        data["minutes"] = minutes_render.minutes_json(history)
        data["sign_off"] = str(record.sign_off(record.today))
        if record.procedure is not None:  # a beoordeling (issue 18)
            from gespreks_tui.cli.procedure_commands import status_json

            data["procedure"] = status_json(record.procedure)
        render.echo_document(**data)
    else:
        render.echo_safe("\n".join(
            render.conversation_text(conversation, notes, agreements, follow_ups, private,
                                     trails, dict(record.served_goals))
            + render.scores_text(conversation, scores, overall)
            + draft_render.draft_text(record)
            + goal_commands.goals_text(conversation_id, list(set_here), list(reviewed),
                                       record.goal_scale)
            + minutes_render.minutes_text(history, record.conversation.time_zone)
            + minutes_render.sign_off_text(record)
            + procedure_text(record.procedure, record.conversation.time_zone)))


def all_commands() -> list[click.Command]:
    """Every subcommand of ``gespreks``; a module with commands adds its list here."""
    from gespreks_tui.cli.admin_commands import COMMANDS as admin_commands
    from gespreks_tui.cli.completion import completion
    from gespreks_tui.cli.cycle_commands import cycle_commands
    from gespreks_tui.cli.goal_commands import COMMANDS as goal_command_list
    from gespreks_tui.cli.minutes_commands import COMMANDS as minutes_commands
    from gespreks_tui.cli.privacy_commands import privacy_commands
    from gespreks_tui.cli.procedure_commands import procedure_commands
    from gespreks_tui.cli.template_commands import COMMANDS as template_commands

    return [demo, list_, show, *cycle_commands(), *minutes_commands, *template_commands,
            *privacy_commands(), *procedure_commands(), *goal_command_list, *admin_commands,
            completion]
