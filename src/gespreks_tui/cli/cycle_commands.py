"""Subcommands across the cycle: done, collective add/list/end, due.

``today`` is the system's local date; the environment variable
``GESPREKS_TODAY=YYYY-MM-DD`` replaces it (read here only, meant for tests).
"""

from __future__ import annotations

import os
from dataclasses import asdict
from datetime import date, timedelta

import click

from gespreks_tui.catalogue import t, tn
from gespreks_tui.cli.completion import complete_employee
from gespreks_tui.cli.json_format import renamed
from gespreks_tui.cli.options import UserError, common_options, open_store
from gespreks_tui.cli.render import echo_document, echo_safe
from gespreks_tui.model import DueKind

TODAY_VARIABLE = "GESPREKS_TODAY"


def today() -> date:
    """The local date, or ``$GESPREKS_TODAY`` when set (for tests)."""
    value = os.environ.get(TODAY_VARIABLE, "").strip()
    if not value:
        from gespreks_tui.clock import SystemClock

        return SystemClock().today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UserError(t("cli.bad_today", value=value)) from None


def _employee_id(store, name: str | None) -> int | None:
    if not name:
        return None
    person = store.find_person(name)
    if person is None:
        raise UserError(t("person.not_found", name=name))
    return person.id


def _who(collective) -> str:
    if collective.for_everyone:
        return t("collective.everyone")
    return ", ".join(p.name for p in collective.members)


# --- done ------------------------------------------------------------------------------

@click.command(help=t("cli.help.done"))
@click.argument("agreement_id", metavar="AGREEMENT_ID", type=int)
@click.option("--note", metavar="TEXT", default="", help=t("cli.help.done_note"))
@common_options
@click.pass_context
def done(ctx: click.Context, agreement_id: int, note: str) -> None:
    store = open_store(ctx)
    try:
        agreement = store.mark_done_between(agreement_id, note)
    finally:
        store.close()
    echo_safe(t("cli.done.done", id=agreement.id, text=agreement.text))


# --- collective ------------------------------------------------------------------------

@click.group(help=t("cli.help.collective"))
@common_options
def collective() -> None:
    pass


@collective.command("add", help=t("cli.help.collective_add"))
@click.argument("text", metavar="TEXT")
@click.option("--due", "due_text", metavar="DATE", default=None,
              help=t("cli.help.collective_due"))
@click.option("--employees", metavar="NAME,...", default=None,
              help=t("cli.help.collective_employees"))
@common_options
@click.pass_context
def collective_add(ctx: click.Context, text: str, due_text: str | None,
                   employees: str | None) -> None:
    from gespreks_tui.cli.options import read_date
    from gespreks_tui.dates import DateError

    if not text.strip():
        raise UserError(t("cli.collective.empty_text"))
    due = None
    if due_text is not None:
        try:
            due = read_date(due_text, today())  # an ambiguous "03/04/2027" is said back
        except DateError:
            raise UserError(t("cli.bad_date", value=due_text)) from None
    names = None
    if employees is not None:
        names = list(dict.fromkeys(n.strip() for n in employees.split(",") if n.strip()))
        if not names:
            raise UserError(t("cli.collective.no_people"))
    store = open_store(ctx)
    try:
        ids = None
        if names is not None:
            people = {name: store.find_person(name) for name in names}
            unknown = [name for name, person in people.items() if person is None]
            if unknown:
                raise UserError(t("cli.collective.unknown_people", names=", ".join(unknown)))
            ids = [person.id for person in people.values()]
        added = store.add_collective(text, due, ids)
    finally:
        store.close()
    echo_safe(t("cli.collective.added", id=added.id, who=_who(added), text=added.text))


@collective.command("list", help=t("cli.help.collective_list"))
@click.option("--all", "include_ended", is_flag=True, help=t("cli.help.collective_all"))
@click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
@common_options
@click.pass_context
def collective_list(ctx: click.Context, include_ended: bool, as_json: bool) -> None:
    store = open_store(ctx)
    try:
        rows = store.list_collectives(include_ended=include_ended)
    finally:
        store.close()
    if as_json:
        echo_document(collectives=[asdict(c) for c in rows])
        return
    if not rows:
        echo_safe(t("cli.collective.empty"))
        return
    for c in rows:
        ended = t("cli.collective.ended_suffix", date=c.ended_at[:10]) if c.ended_at else ""
        echo_safe(t("cli.collective.line", id=c.id, text=c.text, who=_who(c),
                    due=c.due_date or t("collective.no_due"), ended=ended))


@collective.command("end", help=t("cli.help.collective_end"))
@click.argument("collective_id", metavar="ID", type=int)
@common_options
@click.pass_context
def collective_end(ctx: click.Context, collective_id: int) -> None:
    store = open_store(ctx)
    try:
        ended = store.end_collective(collective_id)
    finally:
        store.close()
    echo_safe(t("cli.collective.ended", id=ended.id))


# --- due -------------------------------------------------------------------------------

DEFAULT_WINDOW = "14d"
# Terms that run out on their own day: listed whatever the window when none is given.
TERMS = frozenset({DueKind.REACTION, DueKind.PROVISIONAL, DueKind.OBJECTION, DueKind.FINAL})
EVERYTHING_DAYS = 365 * 100  # ``due`` without a window: what runs at all


def due_items(store, day: date, days: int, employee_id: int | None,
              every_term: bool) -> list:
    """``store.due`` in the window; ``every_term``: with every running term beyond it too.

    Without ``--within`` a 14-day window would hide a 21-day objection term (or a
    final decision four weeks after it) for most of the time it runs, and a term
    is what a manager must not miss: so each running term is listed, whatever its
    day. Agreements, evaluations and goal steps keep the 14 days. A window the user
    gives applies to everything."""
    from gespreks_tui.store.due import due_order

    items = store.due(day, days, employee_id)
    if not every_term:
        return items
    last = (day + timedelta(days=days)).isoformat()
    later = [i for i in store.due(day, EVERYTHING_DAYS, employee_id)
             if i.kind in TERMS and i.date > last]
    return sorted(items + later, key=due_order)


@click.command(help=t("procedure.cli.help.due"))
@click.option("--within", metavar="14d|2w|1m", default=None,
              help=t("procedure.cli.help.due_within"))
@click.option("--employee", metavar="NAME", default=None, help=t("cli.help.due_employee"),
              shell_complete=complete_employee)
@click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
@common_options
@click.pass_context
def due(ctx: click.Context, within: str | None, employee: str | None, as_json: bool) -> None:
    from gespreks_tui.cycle import due_header, due_line, parse_window

    day = today()
    try:
        days = parse_window(within or DEFAULT_WINDOW, day)
    except ValueError:
        raise UserError(t("cli.bad_window", value=within)) from None
    store = open_store(ctx)
    try:
        items = due_items(store, day, days, _employee_id(store, employee), within is None)
        requests = store.access_requests(_employee_id(store, employee))  # until answered
    finally:
        store.close()
    if as_json:
        echo_document(due=[due_json(i) for i in items],
                      access_requests=[access_request_json(r, day) for r in requests])
    elif not items:
        echo_safe(tn("due.empty", days, days=days))
    else:
        echo_safe("\n".join([due_header(), *(due_line(i) for i in items)]))
    if requests and not as_json:
        from gespreks_tui.access_export import request_line

        echo_safe("\n".join(request_line(r, day) for r in requests))


def due_json(item) -> dict:
    """One ``due --json`` entry: ``due_date`` is the day it is due (``json_format``)."""
    data = asdict(item)
    return renamed(data, {"date": "due_date"})


def access_request_json(request, day: date) -> dict:
    """An open access request (AVG art. 15) for ``due --json``, with its deadlines."""
    return {"id": request.id, "employee_id": request.person_id, "employee": request.name,
            "requested_on": request.requested_on, "due_date": request.due.isoformat(),
            "extended_due_date": request.extended.isoformat(),
            "answered_on": request.answered_on, "overdue": request.due < day}


def cycle_commands() -> list[click.Command]:
    return [done, collective, due]
