"""Options every command shares (--db, --lang), and how errors reach the user.

Importing this module (every command module does, before it builds a
command) lets click word its own texts through the catalogue
(``click_words.install``): click reads them while it decorates and prints,
so this must come first.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import click

from gespreks_tui.catalogue import resolve_language, set_language, t
from gespreks_tui.cli import click_words
from gespreks_tui.cli.exit_codes import REFUSED, error_message, exit_code_for
from gespreks_tui.errors import UserError as CoreError

click_words.install()


class UserError(click.ClickException):
    """One clear line on stderr, and a non-zero exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        # click types exit_code as a ClassVar; an instance value is what it reads all the same
        self.exit_code = exit_code  # type: ignore[misc]

    def show(self, file=None) -> None:
        from gespreks_tui.cli.render import echo_safe

        echo_safe(self.message, err=True)


def refusal(error: CoreError, path: str | None = None) -> UserError:
    """A core error as the command line shows it: one line (OS reasons in the user's
    language) and the exit code of the table in ``exit_codes``."""
    return UserError(error_message(error, path), exit_code_for(error))


class AppGroup(click.Group):
    """The root group: the core's errors as one line with the table's exit code, the
    exit-code table under ``--help``, click's words and placeholders in the user's
    language, and every click error one line also when click runs it standalone
    (as ``CliRunner`` does; ``cli.main`` handles the installed script the same way)."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The exit-code table, in the language of this run (``--lang`` may follow)."""
        self.epilog = t("cli.exit_codes")
        super().format_epilog(ctx, formatter)

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:
        if parent is None:
            click_words.translate_tree(self)
        return super().make_context(info_name, args, parent=parent, **extra)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        from gespreks_tui.cli.render import echo_safe, show_error

        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as error:
            show_error(error)
            sys.exit(error.exit_code)
        except click.Abort:
            echo_safe(t("click.aborted"), err=True)
            sys.exit(REFUSED)
        sys.exit(code if isinstance(code, int) else 0)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        """A command after ``--prep FORM`` does not use the form: say so (one line on
        stderr; the command still runs). Silence read as if the form had been taken."""
        found = super().resolve_command(ctx, args)
        name = found[0]
        if ctx.params.get("prep") is not None and name and not ctx.resilient_parsing:
            from gespreks_tui.cli.render import echo_safe

            echo_safe(t("cli.prep_unused", command=f"{ctx.command_path} {name}"), err=True)
        return found

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CoreError as error:
            raise refusal(error) from error


class KindType(click.ParamType):
    """``--kind``: an identifier, a Dutch or English name, an alias (planningsgesprek,
    jaargesprek, personeelsgesprek, ontwikkelgesprek) or the name chosen in the
    configuration (``kind_names``); the command gets the ``Kind``. An unknown word
    is one line that lists the identifiers and the other names."""

    name = "kind"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        from gespreks_tui.kind_names import UnknownKind, resolve_kind

        try:
            return resolve_kind(value)
        except UnknownKind as error:
            self.fail(error.message(), param, ctx)

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        from gespreks_tui.model import Kind

        return "[" + "|".join(str(k) for k in Kind) + "]"

    def shell_complete(self, ctx: click.Context, param: click.Parameter,
                       incomplete: str) -> list:
        from click.shell_completion import CompletionItem

        from gespreks_tui.kind_names import accepted_words

        return [CompletionItem(word) for word in accepted_words()
                if word.casefold().startswith(incomplete.casefold())]


KIND = KindType()


def _remember(key: str):
    def callback(ctx: click.Context, param: click.Parameter, value):
        if value is not None:
            ctx.ensure_object(dict)[key] = value
            if key == "lang":
                try:
                    set_language(resolve_language(value))
                except ValueError:
                    raise click.BadParameter(t("error.language", language=value)) from None
        return value

    return callback


def common_options(command: Callable) -> Callable:
    """Add --db and --lang to a command (they may stand before or after it)."""
    command = click.option("--lang", "lang", metavar="nl|en", default=None,
                           expose_value=False, is_eager=True, callback=_remember("lang"),
                           help=t("cli.help.lang"))(command)
    return click.option("--db", "db", metavar="PATH", default=None, expose_value=False,
                        type=click.Path(), callback=_remember("db"),  # Tab completes files
                        help=t("cli.help.db"))(command)


def open_store(ctx: click.Context, create: bool = False):
    """Open the database chosen by --db, $GESPREKS_DB or the default.

    Only a command that makes a database (``demo``) passes ``create=True``:
    for every other one a mistyped path is one line ("Er is geen database op
    PATH ...", exit 1) and nothing is created, not even the folder. What
    opening put right (loose permissions) is printed on stderr.
    """
    from gespreks_tui.paths import resolve_db_path
    from gespreks_tui.store import Store

    store = Store.open(resolve_db_path((ctx.obj or {}).get("db")), create=create)
    if store.notices:
        from gespreks_tui.cli.render import echo_safe

        for notice in store.notices:
            echo_safe(notice, err=True)
    return store


def read_date(text: str, today: date) -> date:
    """A date typed on the command line (``dates.parse_date`` in the current language);
    one whose day and month could be swapped ("03/04/2027") is said back written out
    on stderr, so the reader sees which date was taken. Raises ``DateError``."""
    from gespreks_tui.catalogue import language
    from gespreks_tui.cli.render import echo_safe
    from gespreks_tui.dates import ambiguous, parse_date
    from gespreks_tui.display_time import day_text

    taken = parse_date(text, today)
    if ambiguous(text):
        echo_safe(t("cli.date_taken", text=text.strip(),
                    date=day_text(taken, language())), err=True)
    return taken
