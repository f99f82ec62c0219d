"""The ``gespreks`` command line (click).

``main()`` picks the language before the commands are built, so ``--help``
reads in Dutch or English, and turns every error into one clear line. A plain
``gespreks`` (at most ``--db`` and ``--lang``) starts the app without building
the click command tree at all: click is not needed for that, and the app
starts sooner without it.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from gespreks_tui import __version__
from gespreks_tui.catalogue import resolve_language, set_language, t
from gespreks_tui.safe_text import safe_lines

if TYPE_CHECKING:
    import click

_PLAIN_OPTIONS = {"--db": "db", "--lang": "lang"}


def _language_from_argv(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def plain_app_options(args: list[str]) -> dict | None:
    """``{"db": ..., "lang": ...}`` for a plain ``gespreks [--db P] [--lang L]``; else None."""
    options: dict[str, str] = {}
    rest = list(args)
    while rest:
        name, equals, value = rest.pop(0).partition("=")
        if name not in _PLAIN_OPTIONS or _PLAIN_OPTIONS[name] in options:
            return None
        if not equals:
            if not rest:
                return None
            value = rest.pop(0)
        if not value:
            return None
        options[_PLAIN_OPTIONS[name]] = value
    return options


def _run_plain(options: dict) -> None:
    """The app, with the same one-line errors and exit codes as the click path."""
    from gespreks_tui.cli.run_app import run_app
    from gespreks_tui.db import StoreError

    try:
        run_app(options)
    except StoreError as error:
        print(safe_lines(error.message()), file=sys.stderr)
        sys.exit(StoreError.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # never a traceback for the user
        crashed(error)
    sys.exit(0)


def crashed(error: BaseException) -> NoReturn:
    """An error nobody expected: one line naming a crash file, then exit 1.

    The crash file (``crash.record_crash``) holds where it happened, never the
    error's message or local variables: either may carry a note or a name.
    The line names the error's type only, for the same reason.
    """
    from gespreks_tui.crash import record_crash

    if isinstance(error, BrokenPipeError):  # `gespreks list | head`: not a crash
        _quiet_stdout()
        sys.exit(1)
    path = record_crash(error)
    reason = type(error).__name__
    line = (t("error.crash", reason=reason, path=path) if path is not None
            else t("error.crash_unsaved", reason=reason))
    print(safe_lines(line), file=sys.stderr)
    sys.exit(1)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit raises nothing more."""
    import os

    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def build_cli() -> click.Group:
    """The command tree, with help texts in the current language."""
    import click

    from gespreks_tui.cli import commands
    from gespreks_tui.cli.options import AppGroup, common_options

    @click.group(cls=AppGroup, invoke_without_command=True, help=t("cli.help"))
    @click.version_option(__version__, prog_name="gespreks")
    @click.option("--prep", "prep", metavar="FILE", default=None,
                  type=click.Path(dir_okay=False, path_type=Path),
                  help=t("prepare.help.prep"))
    @common_options
    @click.pass_context
    def cli(ctx: click.Context, prep: Path | None) -> None:
        # The form is read when the conversation starts (employee and kind known).
        ctx.ensure_object(dict)["prep"] = prep
        if ctx.invoked_subcommand is None:
            from gespreks_tui.cli.run_app import run_app

            run_app(ctx.obj)

    for command in commands.all_commands():
        cli.add_command(command)
    from gespreks_tui.cli.draft_commands import register as register_drafts

    register_drafts(cli)  # gespreks draft, and prepare --assessment (issue 18)
    return cli


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    from gespreks_tui import config

    settings = config.start()  # the configuration file; flags and environment win over it
    try:
        set_language(resolve_language(_language_from_argv(args), settings.language))
    except ValueError as error:
        print(safe_lines(t("error.language", language=error)), file=sys.stderr)
        sys.exit(2)
    completing = "_GESPREKS_COMPLETE" in os.environ
    if settings.problem is not None and not completing:  # one line; the defaults are used
        print(safe_lines(config.problem_line(settings.problem)), file=sys.stderr)
    # Tab completion (click reads $_GESPREKS_COMPLETE) must never start the app.
    plain = None if os.environ.get("_GESPREKS_COMPLETE") else plain_app_options(args)
    if plain is not None:
        _run_plain(plain)
    import click

    from gespreks_tui.cli import render

    try:
        code = build_cli().main(args, prog_name="gespreks", standalone_mode=False)
    except click.ClickException as error:
        render.show_error(error)
        sys.exit(error.exit_code)
    except click.Abort:
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # never a traceback for the user
        crashed(error)
    sys.exit(code if isinstance(code, int) else 0)
