"""Personnel data rights: ``person export|erase|left``, ``retention``, ``purge``.

Every destructive command first prints what it will do, then asks for a typed
confirmation (the person's name, or the word 'verwijderen'/'remove') unless
``--yes`` is given, removes everything in one transaction, compacts the file
(VACUUM, WAL truncated) and prints one summary line. ``today`` is the same as
for ``due``: the local date, or ``$GESPREKS_TODAY`` in tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import click

from gespreks_tui.catalogue import t
from gespreks_tui.cli.completion import complete_employee
from gespreks_tui.cli.cycle_commands import today
from gespreks_tui.cli.options import UserError, common_options, open_store, refusal
from gespreks_tui.cli.render import echo_safe, prompt_safe


def _person(store, name: str):
    person = store.find_person(name)
    if person is None:
        raise UserError(t("person.not_found", name=name))
    warn_duplicates(store, person.id)
    return person


def warn_duplicates(store, person_id: int | None = None) -> None:
    """One line on stderr per pair of stored names that are one person now
    (``person_names``; an older version stored both); only pairs with
    ``person_id`` when given."""
    for first, second in store.duplicate_people():
        if person_id is None or person_id in (first.id, second.id):
            echo_safe(t("person.duplicate", first=first.name, first_id=first.id,
                        second=second.name, second_id=second.id), err=True)


def _refuse_if_open(store, conversation_ids: Iterable[int]) -> None:
    """Refuse, naming it, when a copy of the app has one of these conversations on screen.

    Erasing or changing a meeting under an app that shows it leaves the app
    saving into rows that are gone. Checked before the confirmation and again
    just before the change (the app may have opened it while we asked).
    """
    from gespreks_tui.presence import Presence

    presence = Presence(store.path)
    try:
        open_now = [cid for cid in sorted(set(conversation_ids))
                    if presence.open_elsewhere(cid)]
    finally:
        presence.close()
    if not open_now:
        return
    shown = {s.id: s for s in store.list_conversations()}
    raise UserError("\n".join(
        t("privacy.open_elsewhere", id=cid, kind=t(f"kind.{shown[cid].kind.value}"),
          date=shown[cid].date[:10], employee=shown[cid].employee)
        for cid in open_now if cid in shown))


def _erasure_touches(store, people_ids: Iterable[int], conversation_ids: Iterable[int],
                     effect, mentions: Iterable = ()) -> list[int]:
    """The conversations an erasure (``effect``, its dry run) would change.

    Its people's conversations as employee or manager, the ones it removes and
    those of the chosen ``mentions``; every conversation when it keeps a
    conversation with a neutral manager label.
    """
    if effect.as_manager:
        return store.conversations_involving(None)
    touched = set(conversation_ids)
    touched.update(m.conversation_id for m in mentions if m.conversation_id is not None)
    for person_id in people_ids:
        touched.update(store.conversations_involving(person_id))
    return sorted(touched)


def _typed(prompt: str, err: bool = False) -> str:
    """What the user typed at ``prompt``; empty at the end of input (nothing confirmed).

    ``err``: ask on stderr (the erasure's questions: its stdout is the plan and
    the summary, which a script may keep)."""
    try:
        return prompt_safe(prompt, default="", show_default=False, prompt_suffix=": ",
                           err=err)
    except click.Abort:
        echo_safe("", err=True)
        return ""


def _same_name(typed: str, name: str) -> bool:
    return " ".join(typed.split()).casefold() == name.casefold()


def _warn_if_not_compacted(wal_cleared: bool | None, path) -> None:
    if wal_cleared is False:
        echo_safe(t("privacy.compact.incomplete", path=path), err=True)


# --- person ----------------------------------------------------------------------------

@click.group("person", help=t("privacy.help.person"))
@common_options
def person() -> None:
    pass


@person.command("export", help=t("privacy.help.export"))
@click.argument("name", metavar="NAME", shell_complete=complete_employee)
@click.option("-o", "--output", "output", metavar="DIR", required=True,
              type=click.Path(path_type=Path), help=t("privacy.help.output"))
@click.option("--black-out", "black_out", is_flag=True, help=t("privacy.help.black_out"))
@common_options
@click.pass_context
def person_export(ctx: click.Context, name: str, output: Path, black_out: bool) -> None:
    from gespreks_tui.access_export import build_export, write_export
    from gespreks_tui.exports import ExportError

    store = open_store(ctx)
    try:
        found = _person(store, name)
        export = build_export(store, found, black_out=black_out)
    finally:
        store.close()
    try:
        path = write_export(output, export)
    except ExportError as error:
        raise refusal(error) from None
    store = open_store(ctx)
    try:  # only now: the export was written
        answered = store.answer_access_requests(found.id, today())
    finally:
        store.close()
    echo_safe(t("privacy.export.done", name=found.name, path=path,
                conversations=len(export.conversations), files=len(export.files)))
    if export.private_notes:
        echo_safe(t("privacy.export.private", count=len(export.private_notes)))
        for note in export.private_notes:
            echo_safe("  " + t("privacy.private_line", id=note.conversation_id,
                               kind=t(f"kind.{note.kind}"), date=note.date, phase=note.phase))
    else:
        echo_safe(t("privacy.export.no_private", name=found.name))
    echo_safe(t("privacy.export.mentions", count=len(export.mentions),
                candidates=sum(1 for m in export.mentions if m.candidate),
                file=export.index_file))
    if black_out:
        echo_safe(t("privacy.export.blacked_out",
                    count=sum(m.blacked_out for m in export.mentions)))
    if answered:
        echo_safe(t("privacy.export.answered", count=answered))
    if export.as_manager:
        echo_safe(t("privacy.export.as_manager", name=found.name, count=len(export.as_manager),
                    file=export.index_file))


@person.command("request", help=t("privacy.help.request"))
@click.argument("name", metavar="NAME", shell_complete=complete_employee)
@click.option("--on", "on", metavar="DATE", default=None, help=t("privacy.help.request_on"))
@common_options
@click.pass_context
def person_request(ctx: click.Context, name: str, on: str | None) -> None:
    from gespreks_tui.dates import DateError, parse_date

    day = today()
    if on is not None:
        try:
            day = parse_date(on, day)
        except DateError:
            raise UserError(t("cli.bad_date", value=on)) from None
    store = open_store(ctx)
    try:
        request = store.record_access_request(_person(store, name).id, day)
    finally:
        store.close()
    echo_safe(t("privacy.request.done", name=request.name, date=request.requested_on,
                due=request.due.isoformat(), extended=request.extended.isoformat()))


def _chosen_mentions(mentions, redact: str | None, yes: bool) -> tuple:
    """The mentions to replace: ``--redact``, else asked in a terminal, else all listed
    with ``--yes`` and none without (never anything that was not listed)."""
    import sys

    from gespreks_tui.privacy.mentions import parse_choice

    if not mentions:
        return ()
    if redact is None:
        if sys.stdin.isatty():
            redact = _typed(t("privacy.erase.choose"), err=True)
        else:
            redact = "all" if yes else "none"
    try:
        numbers = parse_choice(redact, len(mentions))
    except ValueError:
        raise UserError(t("privacy.erase.bad_choice", value=redact,
                          count=len(mentions))) from None
    return tuple(m for m in mentions if m.number in numbers)


@person.command("erase", help=t("privacy.help.erase"))
@click.argument("name", metavar="NAME", shell_complete=complete_employee)
@click.option("--redact", "redact", metavar="all|none|1,3,5", default=None,
              help=t("privacy.help.redact"))
@click.option("--yes", "yes", is_flag=True, help=t("privacy.help.yes"))
@common_options
@click.pass_context
def person_erase(ctx: click.Context, name: str, redact: str | None, yes: bool) -> None:
    from gespreks_tui.privacy.report import erasure_plan_lines, erasure_summary

    store = open_store(ctx)
    try:
        found = _person(store, name)
        plan = store.plan_erasure(found.id)
        echo_safe("\n".join(erasure_plan_lines(plan.effect, mentions=plan.mentions)))
        chosen = _chosen_mentions(plan.mentions, redact, yes)
        if plan.mentions:
            echo_safe(t("privacy.erase.chosen", chosen=len(chosen), count=len(plan.mentions)))
        touched = _erasure_touches(store, [found.id], [], plan.effect, chosen)
        _refuse_if_open(store, touched)
        if not yes and not _same_name(
                _typed(t("privacy.erase.prompt", name=found.name), err=True), found.name):
            raise UserError(t("privacy.erase.cancelled", name=found.name))
        _refuse_if_open(store, touched)
        done = store.erase_person(found.id, redact=chosen)
    finally:
        store.close()
    echo_safe(erasure_summary(done))
    _warn_if_not_compacted(done.wal_cleared, store.path)


@person.command("left", help=t("privacy.help.left"))
@click.argument("name", metavar="NAME", shell_complete=complete_employee)
@click.option("--on", "on", metavar="DATE", default=None, help=t("privacy.help.on"))
@click.option("--clear", "clear", is_flag=True, help=t("privacy.help.clear"))
@common_options
@click.pass_context
def person_left(ctx: click.Context, name: str, on: str | None, clear: bool) -> None:
    from gespreks_tui.dates import DateError, parse_date
    from gespreks_tui.privacy.retention import keep_until

    if on is not None and clear:
        raise UserError(t("privacy.left.on_and_clear"))
    day = today()
    if on is not None:
        try:
            day = parse_date(on, day)
        except DateError:
            raise UserError(t("cli.bad_date", value=on)) from None
    store = open_store(ctx)
    try:
        found = _person(store, name)
        _refuse_if_open(store, store.conversations_involving(found.id))
        if clear:
            marked = store.mark_left(found.id, None)
            echo_safe(t("privacy.left.cleared", name=marked.name))
            return
        marked = store.mark_left(found.id, day)
        last = max((s.date[:10] for s in store.list_conversations(found.id)), default=None)
        policy = store.retention_policy()
    finally:
        store.close()
    start = max(day.isoformat(), last) if last else day.isoformat()
    echo_safe(t("privacy.left.done", name=marked.name, date=day.isoformat(),
                until=keep_until(start, policy.left_years).isoformat()))


# --- retention and purge ---------------------------------------------------------------

def _max_age(ctx: click.Context, param: click.Parameter, value: str | None):
    from gespreks_tui.privacy.retention import parse_years

    if value is None:
        return None
    try:
        return ("set", parse_years(value, allow_off=True))
    except ValueError:
        raise UserError(t("privacy.retention.bad_max_age", value=value)) from None


def _left_years(ctx: click.Context, param: click.Parameter, value: str | None):
    from gespreks_tui.privacy.retention import parse_years

    if value is None:
        return None
    try:
        return parse_years(value)
    except ValueError:
        raise UserError(t("privacy.retention.bad_years", value=value)) from None


@click.command("retention", help=t("privacy.help.retention"))
@click.option("--left-years", "left_years", metavar="N", default=None, callback=_left_years,
              help=t("privacy.help.left_years"))
@click.option("--max-age-years", "max_age", metavar="N|off", default=None, callback=_max_age,
              help=t("privacy.help.max_age"))
@common_options
@click.pass_context
def retention(ctx: click.Context, left_years: int | None, max_age: tuple | None) -> None:
    from dataclasses import replace

    from gespreks_tui.privacy.report import kept_lines, policy_lines

    store = open_store(ctx)
    try:
        policy = store.retention_policy()
        changed = left_years is not None or max_age is not None
        if changed:
            if left_years is not None:
                policy = replace(policy, left_years=left_years)
            if max_age is not None:
                policy = replace(policy, max_age_years=max_age[1])
            policy = store.set_retention_policy(policy)
        overview = store.retention_overview(today(), policy)
    finally:
        store.close()
    if changed:
        echo_safe(t("privacy.retention.saved"))
    echo_safe("\n".join(policy_lines(policy)))
    echo_safe("\n".join(kept_lines(overview)))


@click.command("purge", help=t("privacy.help.purge"))
@click.option("--dry-run", "dry_run", is_flag=True, help=t("privacy.help.dry_run"))
@click.option("--yes", "yes", is_flag=True, help=t("privacy.help.yes"))
@common_options
@click.pass_context
def purge(ctx: click.Context, dry_run: bool, yes: bool) -> None:
    from gespreks_tui.privacy.report import kept_lines, purge_lines, purge_summary

    day = today()
    store = open_store(ctx)
    try:
        plan = store.purge(day, dry_run=True)
        echo_safe("\n".join(purge_lines(plan)))
        if dry_run:  # and what stays, and why
            echo_safe("\n".join(kept_lines(store.retention_overview(day, plan.policy),
                                            with_open=False)))
        if plan.empty:
            return
        if dry_run:
            echo_safe(t("privacy.purge.dry_run"))
            return
        touched = _erasure_touches(store, [p.person.id for p in plan.people],
                                   [c.id for c in plan.conversations], plan.effect)
        _refuse_if_open(store, touched)
        word = t("privacy.purge.word")
        if not yes:
            typed = _typed(t("privacy.purge.prompt", word=word)).strip().casefold()
            if typed not in {t("privacy.purge.word", lang=lang) for lang in ("nl", "en")}:
                raise UserError(t("privacy.purge.cancelled", word=word))
        _refuse_if_open(store, touched)
        done = store.purge(day, policy=plan.policy)
    finally:
        store.close()
    echo_safe(purge_summary(done))
    _warn_if_not_compacted(done.effect.wal_cleared, store.path)


def privacy_commands() -> list[click.Command]:
    return [person, retention, purge]
