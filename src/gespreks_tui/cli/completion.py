"""Tab completion: ``gespreks completion bash|zsh|fish`` and what Tab offers.

Click does the completing: the script a shell loads calls ``gespreks`` with
``_GESPREKS_COMPLETE`` set, and ``cli.main`` hands that straight to click,
never to the app (a plain ``gespreks`` would otherwise start the full-screen
app under the user's prompt). Commands and options come from the command
tree; conversation numbers and employee names from the database, read
quickly: a store that cannot be opened at once (missing, locked, broken)
completes nothing and says nothing, as Tab should.
"""

from __future__ import annotations

import os
import re

import click
from click.shell_completion import CompletionItem

from gespreks_tui.catalogue import t
from gespreks_tui.cli.options import common_options

COMPLETE_VARIABLE = "_GESPREKS_COMPLETE"
SHELLS = ("bash", "zsh", "fish")
_BUSY_SECONDS = 0.2  # a copy of the app writing: give up rather than make Tab wait
_BASH_SPECIAL = re.compile(r"([^\w@%+=:,./-])")


def _bash_escaped(value: str) -> str:
    """``Joris Bakker`` as bash must receive it to insert one word.

    Click's bash script reads each answer with ``read`` (which drops one level
    of backslashes) and inserts it as it is, so a space becomes ``\\\\ ``.
    zsh and fish quote what they insert themselves.
    """
    if not os.environ.get(COMPLETE_VARIABLE, "").startswith("bash"):
        return value
    return _BASH_SPECIAL.sub(r"\\\\\1", value)


def _open_store(ctx: click.Context):
    """The store named by ``--db`` (or the default), or None when it cannot be read now."""
    from gespreks_tui.paths import resolve_db_path
    from gespreks_tui.store import Store

    try:
        return Store.open(resolve_db_path((ctx.obj or {}).get("db")), create=False,
                          busy_timeout=_BUSY_SECONDS)
    except Exception:  # Tab never prints an error into the user's command line
        return None


def complete_conversation(ctx: click.Context, param: click.Parameter,
                          incomplete: str) -> list[CompletionItem]:
    """Conversation numbers starting with what was typed, newest first, each with
    its kind, employee and date as the description (zsh and fish show it)."""
    from gespreks_tui.catalogue import language
    from gespreks_tui.display_time import moment_day

    store = _open_store(ctx)
    if store is None:
        return []
    try:
        rows = store.list_conversations()
    except Exception:
        return []
    finally:
        store.close()
    return [CompletionItem(str(r.id), help=t(
                "cli.completion.conversation", kind=t(f"kind.{r.kind}"), employee=r.employee,
                date=moment_day(r.date, r.time_zone, language(), short=True)))
            for r in rows if str(r.id).startswith(incomplete)]


def complete_employee(ctx: click.Context, param: click.Parameter,
                      incomplete: str) -> list[CompletionItem]:
    """Names of people in the database whose name, or one of its words, starts with
    what was typed (case does not matter)."""
    store = _open_store(ctx)
    if store is None:
        return []
    try:
        people = store.list_people()
    except Exception:
        return []
    finally:
        store.close()
    typed = incomplete.casefold()
    return [CompletionItem(_bash_escaped(p.name)) for p in people
            if p.name.casefold().startswith(typed)
            or any(word.casefold().startswith(typed) for word in p.name.split())]


@click.command("completion", help=t("cli.help.completion"), epilog=t("cli.completion.epilog"))
@click.argument("shell", metavar="SHELL", type=click.Choice(SHELLS))
@common_options
@click.pass_context
def completion(ctx: click.Context, shell: str) -> None:
    from click.shell_completion import get_completion_class

    script_class = get_completion_class(shell)
    if script_class is None:  # cannot happen: the choice allows only these
        raise click.BadParameter(shell)
    root = ctx.find_root().command
    click.echo(script_class(root, {}, "gespreks", COMPLETE_VARIABLE).source())
