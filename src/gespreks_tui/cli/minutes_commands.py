"""The minutes commands: export, confirm, verify.

Every refusal is one line on stderr; a diff that explains it goes to stdout.
Exit codes: 0 done; 1 refused or no match; 2 a file or database problem.
"""

from __future__ import annotations

from pathlib import Path

import click

from gespreks_tui.catalogue import t
from gespreks_tui.cli.options import UserError, common_options, open_store
from gespreks_tui.cli.render import echo_safe, prompt_safe
from gespreks_tui.model import Party, Status

RETURNED_MOST_BYTES = 1_000_000  # a returned minutes file, reaction and all (the
# refusal says "groter dan 1 MB")


def _read(path: str) -> str:
    """A returned file's text: never waits on a FIFO, never reads without end."""
    from gespreks_tui.safe_read import FileRefused, read_small_file

    try:
        return read_small_file(path, RETURNED_MOST_BYTES).decode("utf-8")
    except FileRefused as refused:
        raise UserError(t("returned.unreadable", path=path, reason=refused.message()),
                        2) from None
    except UnicodeDecodeError:
        raise UserError(t("returned.not_text", path=path), 2) from None
    except OSError as error:
        raise UserError(t("returned.unreadable", path=path,
                          reason=error.strerror or error), 2) from None


def _confirmed_by(confirmations) -> str:
    from gespreks_tui.dutch_time import date_text, time_text

    if not confirmations:
        return t("verify.not_confirmed")
    return t("verify.confirmed_by", names=", ".join(
        t("verify.confirmation", name=k.name, party=t(f"owner.{k.party}"),
          verdict=t(f"verdict.{k.verdict}"), date=date_text(k.confirmed_at),
          time=time_text(k.confirmed_at)) for k in confirmations))


@click.command(help=t("cli.help.export"))
@click.argument("conversation_id", metavar="ID", type=int)
@click.option("-o", "--output", metavar="FILE", help=t("cli.help.output"))
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md",
              show_default=True, help=t("cli.help.format"))
@click.option("--force", is_flag=True, help=t("cli.help.force"))
@common_options
@click.pass_context
def export(ctx: click.Context, conversation_id: int, output: str | None, fmt: str,
           force: bool) -> None:
    from gespreks_tui.exports import ExportError, default_export_name, write_private
    from gespreks_tui.minutes.publish import export_document, publish_record

    store = open_store(ctx)
    try:
        conversation = store.get_conversation(conversation_id)
        if conversation.status not in (Status.CONCLUDED, Status.CONFIRMED):
            raise UserError(t("minutes.not_concluded", id=conversation_id,
                              status=t(f"status.{conversation.status}")))
        path = Path(output) if output else Path.cwd() / default_export_name(conversation, fmt)
        if path.exists() and not path.is_dir() and not force:
            try:
                answer = prompt_safe(t("export.exists", path=path), default="",
                                       show_default=False, prompt_suffix=" ")
            except click.Abort:
                answer = ""
            if answer.strip().lower() not in t("export.yes").split(","):
                raise UserError(t("export.not_overwritten", path=path))
        record, minutes = publish_record(store, conversation_id)
        try:
            write_private(path, export_document(record, minutes, fmt))
        except ExportError as error:
            raise UserError(error.message(), error.exit_code) from None
    finally:
        store.close()
    echo_safe(t("export.done", id=conversation_id, revision=minutes.revision, path=path))


@click.command(help=t("cli.help.confirm"))
@click.argument("file", metavar="FILE")
@click.option("--name", metavar="NAME", help=t("cli.help.name"))
@click.option("--party", type=click.Choice([str(p) for p in Party]), default="employee",
              show_default=True, help=t("cli.help.party"))
@common_options
@click.pass_context
def confirm(ctx: click.Context, file: str, name: str | None, party: str) -> None:
    from gespreks_tui.errors import UserError as Refusal
    from gespreks_tui.minutes import confirm_text

    text = _read(file)
    store = open_store(ctx)
    try:
        try:
            done = confirm_text(store, text, party, name, via="file", path=file)
        except Refusal as error:  # the store's, or the file's: one line, the diff above it
            if error.details:
                echo_safe("\n".join(error.details))
            raise UserError(error.message(path=file), error.exit_code) from None
        others = [k.party for k in store.confirmations(done.conversation_id, done.revision)]
        status = store.get_conversation(done.conversation_id).status
    finally:
        store.close()
    echo_safe(t("confirm.done", name=done.name, party=t(f"owner.{done.party}"),
                verdict=t(f"verdict.{done.verdict}"), revision=done.revision,
                id=done.conversation_id))
    if status == Status.CONFIRMED:
        echo_safe(t("confirm.locked", revision=done.revision))
    else:
        missing = [p for p in Party if p not in others]
        for p in missing:
            echo_safe(t("confirm.waiting", party=t(f"owner.{p}")))


@click.command(help=t("cli.help.verify"))
@click.argument("file", metavar="FILE")
@common_options
@click.pass_context
def verify(ctx: click.Context, file: str) -> None:
    from gespreks_tui.fingerprint import changed_lines
    from gespreks_tui.minutes import MinutesError, verify_text

    text = _read(file)
    store = open_store(ctx)
    try:
        try:
            result = verify_text(store, text, name=file)
        except MinutesError as error:
            raise UserError(error.message(path=file), 2) from None
        match = result.match
        confirmations = (store.confirmations(match.conversation_id, match.revision)
                         if match else [])
    finally:
        store.close()
    returned, refusal = result.returned, result.refusal
    if match is not None:
        echo_safe(t("verify.match", path=file, revision=match.revision,
                    id=match.conversation_id, confirmed=_confirmed_by(confirmations)))
        return
    if refusal is not None and refusal.key == "confirm.fingerprint_changed":
        raise UserError(refusal.message(path=file), refusal.exit_code)  # as confirm says
    if result.compared is not None:
        echo_safe("\n".join(result.diff))
        raise UserError(t("verify.mismatch", path=file, count=changed_lines(result.diff),
                          revision=result.compared.revision,
                          id=result.compared.conversation_id))
    raise UserError(t("verify.unknown", path=file, revision=returned.revision,
                      id=returned.conversation_id))


COMMANDS = [export, confirm, verify]
