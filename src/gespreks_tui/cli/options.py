"""Options every command shares (--db, --lang), and how errors reach the user."""

from __future__ import annotations

from collections.abc import Callable

import click

from gespreks_tui.catalogue import resolve_language, set_language, t
from gespreks_tui.errors import UserError as CoreError


class UserError(click.ClickException):
    """One clear line on stderr, and a non-zero exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        # click types exit_code as a ClassVar; an instance value is what it reads all the same
        self.exit_code = exit_code  # type: ignore[misc]

    def show(self, file=None) -> None:
        from gespreks_tui.cli.render import echo_safe

        echo_safe(self.message, err=True)


class AppGroup(click.Group):
    """A group that turns the core's errors into one line and their exit code
    (2 for the store's)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CoreError as error:
            raise UserError(error.message(), error.exit_code) from error


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
                        callback=_remember("db"), help=t("cli.help.db"))(command)


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
