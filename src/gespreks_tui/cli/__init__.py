"""The ``gespreks`` command line (click).

``main()`` picks the language before the commands are built, so ``--help``
reads in Dutch or English, and turns every error into one clear line.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from gespreks_tui import __version__
from gespreks_tui.catalogue import resolve_language, set_language, t
from gespreks_tui.cli.options import AppGroup, UserError, common_options


def _language_from_argv(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def build_cli() -> click.Group:
    """The command tree, with help texts in the current language."""
    from gespreks_tui.cli import commands

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
    return cli


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        set_language(resolve_language(_language_from_argv(args)))
    except ValueError as error:
        click.echo(t("error.language", language=error), err=True)
        sys.exit(2)
    try:
        code = build_cli().main(args, prog_name="gespreks", standalone_mode=False)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.Abort:
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # never a traceback for the user
        click.echo(UserError(t("error.unexpected", reason=error)).message, err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
