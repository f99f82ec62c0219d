"""The minutes commands: export, confirm, verify, handover, keep.

Every refusal is one line on stderr; a diff that explains it goes to stdout.
Exit codes: 0 done; 1 refused or no match; 2 a file or database problem.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from gespreks_tui.catalogue import t, tn
from gespreks_tui.cli.completion import complete_conversation
from gespreks_tui.cli.options import UserError, common_options, open_store
from gespreks_tui.cli.options import refusal as user_refusal
from gespreks_tui.cli.render import echo_safe, prompt_safe, write_stdout
from gespreks_tui.errors import UserError as CoreUserError
from gespreks_tui.model import Party, Status

# confirm's refusals say "nothing was recorded"; verify records nothing anyway.
VERIFY_WORDING = {f"confirm.{what}": f"verify.{what}"
                  for what in ("fingerprint_changed", "number_changed", "other_database")}
RETURNED_MOST_BYTES = 1_000_000  # a returned minutes file, reaction and all (the
# refusal says "groter dan 1 MB")


STDIO = "-"  # as a file name: stdin for confirm and verify, stdout for export -o


def shown_name(path: str) -> str:
    """How a file the user named appears in a message ("standaardinvoer" for ``-``)."""
    return t("cli.stdin") if path == STDIO else path


def _stdin_bytes(limit: int) -> bytes:
    """At most ``limit`` bytes from stdin (``confirm -``, ``verify -``); more is refused."""
    from gespreks_tui.safe_read import FileRefused

    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise FileRefused("file.too_large", STDIO)
    return data


def _read_bytes(path: str) -> tuple[str, str]:
    """A returned file's text and the sha256 of its bytes: never waits on a FIFO, never
    reads without end. UTF-8, or UTF-16 with a byte order mark (Windows' "Unicode").
    ``-`` is stdin."""
    import codecs
    import hashlib

    from gespreks_tui.os_reasons import os_reason
    from gespreks_tui.safe_read import FileRefused, read_small_file

    shown = shown_name(path)
    try:
        data = (_stdin_bytes(RETURNED_MOST_BYTES) if path == STDIO
                else read_small_file(path, RETURNED_MOST_BYTES))
        sha = hashlib.sha256(data).hexdigest()
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16"), sha
        return data.decode("utf-8"), sha
    except FileRefused as refused:
        raise UserError(t("returned.unreadable", path=shown, reason=refused.message()),
                        2) from None
    except UnicodeDecodeError:
        raise UserError(t("returned.not_utf8_or_16", path=shown), 2) from None
    except OSError as error:
        raise UserError(t("returned.unreadable", path=shown, reason=os_reason(error)),
                        2) from None


def _read(path: str) -> str:
    return _read_bytes(path)[0]


def _confirmed_by(confirmations, zone: str | None = None) -> str:
    from gespreks_tui.catalogue import language
    from gespreks_tui.display_time import clock_text, moment_day

    if not confirmations:
        return t("verify.not_confirmed")
    return t("verify.confirmed_by", names=", ".join(
        t("verify.confirmation", name=k.name, party=t(f"owner.{k.party}"),
          verdict=t(f"verdict.{k.verdict}"), date=moment_day(k.confirmed_at, zone, language()),
          time=clock_text(k.confirmed_at, zone)) for k in confirmations))


@click.command(help=t("cli.help.export"))
@click.argument("conversation_id", metavar="ID", type=int, shell_complete=complete_conversation)
@click.option("-o", "--output", metavar="FILE", type=click.Path(), help=t("cli.help.output"))
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="md",
              show_default=True, help=t("cli.help.format"))
@click.option("--force", is_flag=True, help=t("cli.help.force"))
@common_options
@click.pass_context
def export(ctx: click.Context, conversation_id: int, output: str | None, fmt: str,
           force: bool) -> None:
    from gespreks_tui.exports import ExportError, default_export_name, write_private
    from gespreks_tui.minutes.publish import publish_record

    store = open_store(ctx)
    try:
        conversation = store.get_conversation(conversation_id)
        if conversation.status not in (Status.CONCLUDED, Status.CONFIRMED):
            raise UserError(t("minutes.not_concluded", id=conversation_id,
                              status=t(f"status.{conversation.status}")))
        if output == STDIO:
            if fmt == "pdf" and sys.stdout.isatty():  # binary: never onto a terminal
                raise UserError(t("export.pdf_to_terminal"))
            record, minutes = publish_record(store, conversation_id)
            write_stdout(_document(record, minutes, fmt))
            echo_safe(t("export.done", id=conversation_id, revision=minutes.revision,
                        path=t("cli.stdout")), err=True)
            return
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
            write_private(path, _document(record, minutes, fmt))
        except ExportError as error:
            raise user_refusal(error) from None
    finally:
        store.close()
    echo_safe(t("export.done", id=conversation_id, revision=minutes.revision, path=path))


def _document(record, minutes, fmt: str) -> str | bytes:
    """The export's content: Markdown or HTML text, or the PDF's bytes (fpdf2 is
    imported only for a PDF)."""
    if fmt == "pdf":
        from gespreks_tui.minutes.pdf import pdf_document

        return pdf_document(record, minutes)
    from gespreks_tui.minutes.publish import export_document

    return export_document(record, minutes, fmt)


@click.command(help=t("cli.help.confirm"))
@click.argument("file", metavar="FILE", type=click.Path())
@click.option("--name", metavar="NAME", help=t("cli.help.name"))
@click.option("--party", type=click.Choice([str(p) for p in Party]), default="employee",
              show_default=True, help=t("cli.help.party"))
@common_options
@click.pass_context
def confirm(ctx: click.Context, file: str, name: str | None, party: str) -> None:
    from gespreks_tui.errors import UserError as Refusal
    from gespreks_tui.minutes import confirm_text

    text, file_sha = _read_bytes(file)
    shown = shown_name(file)
    store = open_store(ctx)
    try:
        try:
            done = confirm_text(store, text, party, name, via="file", path=shown,
                                file_sha256=file_sha)
        except Refusal as error:  # the store's, or the file's: one line, the diff above it
            if error.details:
                echo_safe("\n".join(error.details))
            raise user_refusal(error, path=shown) from None
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
@click.argument("file", metavar="FILE", type=click.Path())
@common_options
@click.pass_context
def verify(ctx: click.Context, file: str) -> None:
    from gespreks_tui.fingerprint import changed_lines
    from gespreks_tui.minutes import MinutesError, verify_text

    text = _read(file)
    file = shown_name(file)  # from here on only shown in messages
    store = open_store(ctx)
    try:
        try:
            result = verify_text(store, text, name=file)
        except MinutesError as error:
            raise user_refusal(error, path=file) from None
        redacted = (store.revision_redaction(result.returned.conversation_id,
                                             result.returned.revision)
                    if result.match is None else None)
    finally:
        store.close()
    if redacted is not None:  # anonymised after an erasure (issue 15): say so
        _refuse_redacted(file, result, redacted)
    returned, refusal, record = result.returned, result.refusal, result.record
    match, old = result.match, result.superseded
    if match is not None and record is not None:
        echo_safe(t("verify.match", path=file, revision=match.revision,
                    id=match.conversation_id,
                    confirmed=_confirmed_by(record.confirmations_of(match.revision), record.conversation.time_zone)))
        return
    if old is not None and record is not None and record.latest is not None:
        latest = record.latest.revision
        raise UserError(t("verify.superseded", path=file, revision=old.revision, id=record.id,
                          latest=latest,
                          confirmed=_confirmed_by(record.confirmations_of(old.revision), record.conversation.time_zone),
                          latest_confirmed=_confirmed_by(record.confirmations_of(latest), record.conversation.time_zone)))
    if refusal is not None and not result.diff:  # the verdict confirm gives, in verify's words
        worded = refusal
        if refusal.key in VERIFY_WORDING:
            worded = CoreUserError(VERIFY_WORDING[refusal.key], **refusal.values)
        raise user_refusal(worded, path=file)
    if result.compared is not None:
        echo_safe("\n".join(result.diff))
        count = changed_lines(result.diff)
        raise UserError(tn("verify.mismatch", count, path=file, count=count,
                           revision=result.compared.revision,
                           id=result.compared.conversation_id))
    raise UserError(t("verify.unknown", path=file, revision=returned.revision,
                      id=returned.conversation_id))


def _refuse_redacted(file: str, result, redacted: tuple[str, int | None]) -> None:
    """The copy names a revision anonymised later (AVG art. 17): its fingerprint is gone."""
    from gespreks_tui.catalogue import language
    from gespreks_tui.display_time import moment_day

    returned, record = result.returned, result.record
    zone = record.conversation.time_zone if record is not None else None
    given = record.confirmations_of(returned.revision) if record is not None else ()
    confirmed = (t("privacy.redacted.confirmed", revision=returned.revision,
                   names=", ".join(k.name for k in given)) if given else "")
    replaced = (t("privacy.redacted.replaced", by=redacted[1]) if redacted[1] else "")
    raise UserError(t("privacy.redacted.verify", path=file, revision=returned.revision,
                      id=returned.conversation_id,
                      date=moment_day(redacted[0], zone, language()),
                      confirmed=confirmed, replaced=replaced).rstrip())


@click.command(help=t("cli.help.handover"))
@click.argument("conversation_id", metavar="ID", type=int, shell_complete=complete_conversation)
@click.option("--via", "medium", type=click.Choice(["email", "paper", "screen"]),
              required=True, help=t("cli.help.handover_via"))
@click.option("--term", "term_days", type=click.IntRange(0, 366), default=None,
              help=t("cli.help.term"))
@common_options
@click.pass_context
def handover(ctx: click.Context, conversation_id: int, medium: str,
             term_days: int | None) -> None:
    from gespreks_tui.config import current

    given_term = term_days
    term_days = current().term_days if term_days is None else term_days  # flag, file, 14
    from gespreks_tui.appraisal_procedure import worded
    from gespreks_tui.catalogue import language
    from gespreks_tui.display_time import moment_day
    from gespreks_tui.minutes import publish
    from gespreks_tui.minutes.footer import until_text

    store = open_store(ctx)
    try:
        with store.exclusive():  # the minutes as issued now are the ones handed over
            publish(store, conversation_id)
            if given_term is None and store.get_conversation(conversation_id).kind \
                    == "beoordeling":  # its objection term (issue 18, config objection_days)
                term_days = store.procedure_terms().objection_days
            given = store.hand_over(conversation_id, medium, term_days)
            zone = store.get_conversation(conversation_id).time_zone
            kind = store.get_conversation(conversation_id).kind  # beoordeling: objection
    finally:
        store.close()
    echo_safe(t(worded("handover.done", kind), revision=given.revision, id=conversation_id,
                date=moment_day(given.handed_at, zone, language()),
                medium=t(f"minutes.handover.medium.{given.medium}"),
                until=until_text(given.until, language())))


@click.command(help=t("cli.help.keep"))
@click.argument("conversation_id", metavar="ID", type=int, shell_complete=complete_conversation)
@click.option("--reason", required=True, metavar="TEXT", help=t("cli.help.reason"))
@common_options
@click.pass_context
def keep(ctx: click.Context, conversation_id: int, reason: str) -> None:
    store = open_store(ctx)
    try:
        answer = store.keep_minutes(conversation_id, reason)
    finally:
        store.close()
    echo_safe(t("keep.done", id=conversation_id, revision=answer.revision))


COMMANDS = [export, confirm, verify, handover, keep]
