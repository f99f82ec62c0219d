"""Personnel data rights: ``person export|erase|left``, ``retention``, ``purge``.

Every destructive command first prints what it will do, then asks for a typed
confirmation (the person's name, or the word 'verwijderen'/'remove') unless
``--yes`` is given, removes everything in one transaction, compacts the file
(VACUUM, WAL truncated) and prints one summary line. ``today`` is the same as
for ``due``: the local date, or ``$GESPREKS_TODAY`` in tests.
"""

from __future__ import annotations

from pathlib import Path

import click

from gespreks_tui.catalogue import t
from gespreks_tui.cli.cycle_commands import today
from gespreks_tui.cli.options import UserError, common_options, open_store


def _person(store, name: str):
    person = store.find_person(name)
    if person is None:
        raise UserError(t("person.not_found", name=name))
    return person


def _typed(prompt: str) -> str:
    """What the user typed at ``prompt``; empty at the end of input (nothing confirmed)."""
    try:
        return click.prompt(prompt, default="", show_default=False, prompt_suffix=": ")
    except click.Abort:
        click.echo("", err=True)
        return ""


def _same_name(typed: str, name: str) -> bool:
    return " ".join(typed.split()).casefold() == name.casefold()


def _warn_if_not_compacted(wal_cleared: bool | None, path) -> None:
    if wal_cleared is False:
        click.echo(t("privacy.compact.incomplete", path=path), err=True)


# --- person ----------------------------------------------------------------------------

@click.group("person", help=t("privacy.help.person"))
@common_options
def person() -> None:
    pass


@person.command("export", help=t("privacy.help.export"))
@click.argument("name", metavar="NAME")
@click.option("-o", "--output", "output", metavar="DIR", required=True,
              type=click.Path(path_type=Path), help=t("privacy.help.output"))
@common_options
@click.pass_context
def person_export(ctx: click.Context, name: str, output: Path) -> None:
    from gespreks_tui.access_export import build_export, write_export
    from gespreks_tui.exports import ExportError

    store = open_store(ctx)
    try:
        found = _person(store, name)
        export = build_export(store, found)
    finally:
        store.close()
    try:
        path = write_export(output, export)
    except ExportError as error:
        raise UserError(error.message(), error.exit_code) from None
    click.echo(t("privacy.export.done", name=found.name, path=path,
                 conversations=len(export.conversations), files=len(export.files)))
    if export.private_notes:
        click.echo(t("privacy.export.private", count=len(export.private_notes)))
        for note in export.private_notes:
            click.echo("  " + t("privacy.private_line", id=note.conversation_id,
                                kind=t(f"kind.{note.kind}"), date=note.date, phase=note.phase))
    else:
        click.echo(t("privacy.export.no_private", name=found.name))
    if export.as_manager:
        click.echo(t("privacy.export.as_manager", name=found.name, count=len(export.as_manager),
                     file=export.index_file))


@person.command("erase", help=t("privacy.help.erase"))
@click.argument("name", metavar="NAME")
@click.option("--yes", "yes", is_flag=True, help=t("privacy.help.yes"))
@common_options
@click.pass_context
def person_erase(ctx: click.Context, name: str, yes: bool) -> None:
    from gespreks_tui.privacy.report import erasure_plan_lines, erasure_summary

    store = open_store(ctx)
    try:
        found = _person(store, name)
        plan = store.erase_person(found.id, dry_run=True)
        click.echo("\n".join(erasure_plan_lines(plan)))
        if not yes and not _same_name(_typed(t("privacy.erase.prompt", name=found.name)),
                                      found.name):
            raise UserError(t("privacy.erase.cancelled", name=found.name))
        done = store.erase_person(found.id)
    finally:
        store.close()
    click.echo(erasure_summary(done))
    _warn_if_not_compacted(done.wal_cleared, store.path)


@person.command("left", help=t("privacy.help.left"))
@click.argument("name", metavar="NAME")
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
        if clear:
            marked = store.mark_left(found.id, None)
            click.echo(t("privacy.left.cleared", name=marked.name))
            return
        marked = store.mark_left(found.id, day)
        last = max((s.date[:10] for s in store.list_conversations(found.id)), default=None)
        policy = store.retention_policy()
    finally:
        store.close()
    start = max(day.isoformat(), last) if last else day.isoformat()
    click.echo(t("privacy.left.done", name=marked.name, date=day.isoformat(),
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

    from gespreks_tui.privacy.report import policy_lines

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
    finally:
        store.close()
    if changed:
        click.echo(t("privacy.retention.saved"))
    click.echo("\n".join(policy_lines(policy)))


@click.command("purge", help=t("privacy.help.purge"))
@click.option("--dry-run", "dry_run", is_flag=True, help=t("privacy.help.dry_run"))
@click.option("--yes", "yes", is_flag=True, help=t("privacy.help.yes"))
@common_options
@click.pass_context
def purge(ctx: click.Context, dry_run: bool, yes: bool) -> None:
    from gespreks_tui.privacy.report import purge_lines, purge_summary

    day = today()
    store = open_store(ctx)
    try:
        plan = store.purge(day, dry_run=True)
        click.echo("\n".join(purge_lines(plan)))
        if plan.empty:
            return
        if dry_run:
            click.echo(t("privacy.purge.dry_run"))
            return
        word = t("privacy.purge.word")
        if not yes:
            typed = _typed(t("privacy.purge.prompt", word=word)).strip().casefold()
            if typed not in {t("privacy.purge.word", lang=lang) for lang in ("nl", "en")}:
                raise UserError(t("privacy.purge.cancelled", word=word))
        done = store.purge(day, policy=plan.policy)
    finally:
        store.close()
    click.echo(purge_summary(done))
    _warn_if_not_compacted(done.effect.wal_cleared, store.path)


def privacy_commands() -> list[click.Command]:
    return [person, retention, purge]
