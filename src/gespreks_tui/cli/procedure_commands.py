"""The appraisal procedure and the calendar: ``appraisal …``, ``calendar``, ``invite``.

    gespreks appraisal status ID [--json]
    gespreks appraisal provisional ID --via email [--term DAYS]
    gespreks appraisal objection ID --text TEXT [--by NAME]
    gespreks appraisal second-assessor ID --name NAME --agrees|--disagrees [--remark TEXT]
    gespreks appraisal final ID [--remark TEXT]
    gespreks calendar [-o FILE] [--within 1y] [--employee NAME]
    gespreks invite NAME --kind KIND --date DATE --time HH:MM [--length MIN] [-o FILE]

Exit codes as everywhere (``exit_codes``); refusals are one line on stderr.
Files are written owner-only (``exports.write_private``); ``-o -`` writes to
stdout and says so on stderr. The terms come from ``config.toml``
(``[kinds.beoordeling]``, see ``appraisal_procedure.ProcedureTerms``).
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import click

from gespreks_tui.catalogue import t, tn
from gespreks_tui.cli.completion import complete_conversation, complete_employee
from gespreks_tui.cli.cycle_commands import _employee_id, today
from gespreks_tui.cli.options import KIND, UserError, common_options, open_store
from gespreks_tui.cli.options import refusal as user_refusal
from gespreks_tui.cli.render import echo_document, echo_safe, write_stdout
from gespreks_tui.kind_names import kind_help

STDIO = "-"
KINDS = KIND  # names and aliases of the kinds (issue 18)
ID = click.argument("conversation_id", metavar="ID", type=int,
                    shell_complete=complete_conversation)


def _zone(store, conversation_id: int) -> str:
    return store.get_conversation(conversation_id).time_zone


def status_json(procedure) -> dict:
    return {
        "conversation_id": procedure.conversation_id, "state": str(procedure.state),
        "steps": [{"id": s.id or None,  # derived steps (besproken, voorlopig) have no row
                   "state": str(s.state) if s.state else "second_assessor",
                   "at": s.at, "by": s.by, "text": s.text, "agrees": s.agrees}
                  for s in procedure.steps],
        "objection_due_date": _iso(procedure.objection_until),
        "objection_late": procedure.objection_late,
        "terms": [{"kind": what, "due_date": when.isoformat()}
                  for what, when in procedure.running_terms()],
        "second_assessor_required": procedure.terms.second_assessor,
    }


def _iso(day) -> str | None:
    return day.isoformat() if day else None


@click.group(help=t("cli.help.appraisal"))
@common_options
def appraisal() -> None:
    pass


@appraisal.command("status", help=t("cli.help.appraisal_status"))
@ID
@click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
@common_options
@click.pass_context
def status(ctx: click.Context, conversation_id: int, as_json: bool) -> None:
    from gespreks_tui.minutes.procedure import text_lines

    store = open_store(ctx)
    try:
        procedure = store.appraisal_procedure(conversation_id)
        zone = _zone(store, conversation_id)
    finally:
        store.close()
    if as_json:
        echo_document(**status_json(procedure))
    else:
        echo_safe("\n".join(text_lines(procedure, zone, indent="  ")))


@appraisal.command("provisional", help=t("cli.help.appraisal_provisional"))
@ID
@click.option("--via", "medium", type=click.Choice(["email", "paper", "screen"]),
              required=True, help=t("cli.help.handover_via"))
@click.option("--term", "term_days", type=click.IntRange(0, 366), default=None,
              help=t("cli.help.appraisal_term"))
@common_options
@click.pass_context
def provisional(ctx: click.Context, conversation_id: int, medium: str,
                term_days: int | None) -> None:
    """Hand the minutes over as the provisional result: the objection term runs."""
    from gespreks_tui.catalogue import language
    from gespreks_tui.display_time import moment_day
    from gespreks_tui.minutes import publish
    from gespreks_tui.minutes.footer import until_text

    store = open_store(ctx)
    try:
        store.appraisal_procedure(conversation_id)  # a beoordeling, or one clear line
        days = store.procedure_terms().objection_days if term_days is None else term_days
        with store.exclusive():  # the minutes as issued now are the ones handed over
            publish(store, conversation_id)
            given = store.hand_over(conversation_id, medium, days)
        zone = _zone(store, conversation_id)
    finally:
        store.close()
    echo_safe(t("procedure.done.provisional", id=conversation_id,
                date=moment_day(given.handed_at, zone, language()),
                until=until_text(given.until, language())))


@appraisal.command("objection", help=t("cli.help.appraisal_objection"))
@ID
@click.option("--text", required=True, metavar="TEXT", help=t("cli.help.appraisal_text"))
@click.option("--by", metavar="NAME", default=None, help=t("cli.help.appraisal_by"))
@common_options
@click.pass_context
def objection(ctx: click.Context, conversation_id: int, text: str, by: str | None) -> None:
    from gespreks_tui.catalogue import language
    from gespreks_tui.display_time import day_text

    store = open_store(ctx)
    try:
        store.record_objection(conversation_id, text, by)
        procedure = store.appraisal_procedure(conversation_id)
    finally:
        store.close()
    echo_safe(t("procedure.done.objection", id=conversation_id))
    if procedure.objection_late:
        echo_safe(t("procedure.done.objection_late",
                    until=day_text(procedure.objection_until, language())
                    if procedure.objection_until else "-"), err=True)


@appraisal.command("second-assessor", help=t("cli.help.appraisal_second"))
@ID
@click.option("--name", required=True, metavar="NAME", help=t("cli.help.appraisal_name"))
@click.option("--agrees/--disagrees", default=None, help=t("cli.help.appraisal_agrees"))
@click.option("--remark", metavar="TEXT", default="", help=t("cli.help.appraisal_remark"))
@common_options
@click.pass_context
def second_assessor(ctx: click.Context, conversation_id: int, name: str,
                    agrees: bool | None, remark: str) -> None:
    if agrees is None:
        raise UserError(t("procedure.agrees_missing"))
    store = open_store(ctx)
    try:
        step = store.record_second_assessor(conversation_id, name, agrees, remark)
    finally:
        store.close()
    echo_safe(t("procedure.done.second", id=conversation_id, name=step.by,
                verdict=t("procedure.agrees" if agrees else "procedure.disagrees")))


@appraisal.command("final", help=t("cli.help.appraisal_final"))
@ID
@click.option("--remark", metavar="TEXT", default="", help=t("cli.help.appraisal_remark"))
@common_options
@click.pass_context
def final(ctx: click.Context, conversation_id: int, remark: str) -> None:
    store = open_store(ctx)
    try:
        store.record_final(conversation_id, remark)
    finally:
        store.close()
    echo_safe(t("procedure.done.final", id=conversation_id))


# --- calendar files ----------------------------------------------------------------------

def _write(output: str, text: str, done_key: str, count: int = 0, **values: str) -> None:
    """The file owner-only, or stdout for ``-``; the done line on stderr for stdout."""
    from gespreks_tui.exports import ExportError, write_private

    if output == STDIO:
        write_stdout(text)
        echo_safe(tn(done_key, count, path=t("cli.stdout"), count=count, **values), err=True)
        return
    try:
        write_private(Path(output), text)
    except ExportError as error:
        raise user_refusal(error) from None
    echo_safe(tn(done_key, count, path=output, count=count, **values))


@click.command(help=t("cli.help.calendar"))
@click.option("-o", "--output", metavar="FILE", default="gesprekken.ics",
              show_default=True, help=t("cli.help.calendar_output"))
@click.option("--within", metavar="14d|2w|1m", default="12m", show_default=True,
              help=t("cli.help.calendar_within"))
@click.option("--employee", metavar="NAME", default=None, help=t("cli.help.due_employee"),
              shell_complete=complete_employee)
@common_options
@click.pass_context
def calendar(ctx: click.Context, output: str, within: str, employee: str | None) -> None:
    from gespreks_tui.calendar_events import calendar_file
    from gespreks_tui.cycle import parse_window
    from gespreks_tui.ics import calendar as ics_calendar

    day = today()
    try:
        days = parse_window(within, day)
    except ValueError:
        raise UserError(t("cli.bad_window", value=within)) from None
    store = open_store(ctx)
    try:
        events, running = calendar_file(store, day, days, _employee_id(store, employee))
        stamp = store.clock.now()
    finally:
        store.close()
    text = ics_calendar(events, stamp, t("calendar.name"))
    _write(output, text, "calendar.done", count=running)
    if len(events) > running:  # ended since: sent again, as cancelled
        echo_safe(tn("calendar.cancelled", len(events) - running,
                     count=len(events) - running), err=output == STDIO)


@click.command(help=t("cli.help.invite"))
@click.argument("employee", metavar="NAME", shell_complete=complete_employee)
@click.option("--kind", type=KINDS, required=True,
              help=kind_help(t("cli.help.invite_kind")))
@click.option("--date", "day_text", metavar="DATE", required=True,
              help=t("cli.help.invite_date"))
@click.option("--time", "time_text", metavar="HH:MM", required=True,
              help=t("cli.help.invite_time"))
@click.option("--length", type=click.IntRange(5, 480), default=None,
              help=t("cli.help.invite_length"))
@click.option("--location", metavar="TEXT", default="", help=t("cli.help.invite_location"))
@click.option("-o", "--output", metavar="FILE", default=None, help=t("cli.help.invite_output"))
@common_options
@click.pass_context
def invite(ctx: click.Context, employee: str, kind: str, day_text: str, time_text: str,
           length: int | None, location: str, output: str | None) -> None:
    from gespreks_tui.calendar_events import invitation
    from gespreks_tui.config import current
    from gespreks_tui.ics import calendar as ics_calendar

    day = today()
    start = planned_moment(day_text, time_text, day)
    settings = current()
    minutes = length or settings.kind(kind).length
    if not minutes:  # the length the meeting would plan: the kind's agenda template
        from gespreks_tui.agendas import load_agenda
        from gespreks_tui.catalogue import language

        minutes = load_agenda(kind, language())[0].total_minutes
    store = open_store(ctx)
    try:
        person = store.find_person(employee)
        if person is None:
            raise UserError(t("person.not_found", name=employee))
        token, stamp = store.calendar_token(), store.clock.now()
    finally:
        store.close()
    event = invitation(person.name, person.id, kind, start, minutes, token, location, stamp)
    needed = settings.kind(kind).procedure().invitation_days
    ahead = (start.date() - day).days
    if ahead < needed:  # still written: the organisation's rule, not ours to enforce
        echo_safe(tn("invite.short_notice", ahead, days=ahead, needed=needed), err=True)
    name = output or f"uitnodiging-{start.date().isoformat()}.ics"
    _write(name, ics_calendar([event], stamp), "invite.done", employee=person.name)


def planned_moment(day_text: str, time_text: str, day: date) -> datetime:
    """The planned start in the machine's (or the configured) zone; one line if unreadable."""
    import re

    from gespreks_tui.dates import DateError, parse_date
    from gespreks_tui.display_time import machine_zone, zone

    try:
        planned = parse_date(day_text, day)
    except DateError:
        raise UserError(t("cli.bad_date", value=day_text)) from None
    found = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", time_text)
    if not found or int(found[1]) > 23 or int(found[2]) > 59:
        raise UserError(t("invite.bad_time", value=time_text))
    return datetime.combine(planned, time(int(found[1]), int(found[2])),
                            tzinfo=zone(machine_zone()))


def procedure_commands() -> list[click.Command]:
    return [appraisal, calendar, invite]
