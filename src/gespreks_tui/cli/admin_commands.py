"""Looking after the installation: ``info``, ``config``, ``backup``, ``restore``.

These commands answer "where is my data, what is set, how do I keep it safe":
none of them creates or migrates a database (``info`` and ``config`` only read
it, through a read-only connection), so they can be run on anything.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import click

from gespreks_tui import __version__
from gespreks_tui import config as user_config
from gespreks_tui.catalogue import language, t
from gespreks_tui.cli.json_format import FORMAT
from gespreks_tui.cli.options import UserError, common_options
from gespreks_tui.cli.render import echo_json, echo_safe


def _db_path(ctx: click.Context) -> Path:
    from gespreks_tui.paths import resolve_db_path

    return resolve_db_path((ctx.obj or {}).get("db"))


def _read_only(path: Path) -> sqlite3.Connection | None:
    """A read-only look at the database: never creates, migrates or tightens anything."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=2.0)
        conn.execute("select count(*) from sqlite_master").fetchone()
    except sqlite3.Error:
        return None
    return conn


def _facts(db: Path) -> dict:
    """What ``info`` reports, as data (the JSON shape)."""
    from gespreks_tui.backup import automatic_backups
    from gespreks_tui.migrations import LATEST, applied_version
    from gespreks_tui.paths import backups_dir, data_dir, state_dir
    from gespreks_tui.presence import Presence
    from gespreks_tui.templates import templates_dir

    schema, ids = None, []
    conn = _read_only(db)
    if conn is not None:
        try:
            schema = applied_version(conn)
            ids = [r[0] for r in conn.execute("select id from conversations order by id")]
        except sqlite3.Error:
            pass
        finally:
            conn.close()
    running, elsewhere = False, []
    if db.is_file():
        presence = Presence(db)
        try:
            running = presence.database_in_use()
            elsewhere = presence.meetings_elsewhere(ids)
        finally:
            presence.close()
    backups = automatic_backups(db)
    found = user_config.current()
    return {
        "format": FORMAT,
        "version": __version__,
        "database": {"path": os.path.abspath(db), "exists": db.is_file(),
                     "size": db.stat().st_size if db.is_file() else None,
                     "schema": schema, "schema_known": LATEST},
        "config": {"path": str(found.path), "exists": found.exists,
                   "problem": user_config.problem_line(found.problem) if found.problem
                   else None},
        "templates": str(templates_dir()),
        "data": str(data_dir()),
        "state": str(state_dir()),
        "backups": str(backups_dir(db)),
        "last_backup": str(backups[-1]) if backups else None,
        "running_elsewhere": running,
        "meetings_elsewhere": elsewhere,
    }


def _exists(path: str, exists: bool) -> str:
    return f"{path} ({t('info.exists' if exists else 'info.missing')})"


@click.command(help=t("admin.help.info"))
@click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
@common_options
@click.pass_context
def info(ctx: click.Context, as_json: bool) -> None:
    facts = _facts(_db_path(ctx))
    if as_json:
        echo_json(facts)
        return
    db = facts["database"]
    rows = [
        ("info.version", facts["version"]),
        ("info.database", _exists(db["path"], db["exists"])),
        ("info.size", t("info.bytes", size=f"{db['size']:,}".replace(",", "."))
         if db["size"] is not None else "-"),
        ("info.schema", t("info.schema_value", found=db["schema"], known=db["schema_known"])
         if db["schema"] is not None else "-"),
        ("info.config", _exists(facts["config"]["path"], facts["config"]["exists"])),
        ("info.templates", _exists(facts["templates"], Path(facts["templates"]).is_dir())),
        ("info.data", facts["data"]),
        ("info.state", facts["state"]),
        ("info.backups", facts["backups"]),
        ("info.last_backup", facts["last_backup"] or t("info.none")),
        ("info.running", t("info.yes" if facts["running_elsewhere"] else "info.no")),
        ("info.meetings", ", ".join(str(i) for i in facts["meetings_elsewhere"])
         or t("info.none")),
    ]
    labels = [t(key) for key, _ in rows]
    width = max(len(label) for label in labels)
    echo_safe("\n".join(f"{label:<{width}}  {value}"
                        for label, (_, value) in zip(labels, rows, strict=True)))
    if facts["config"]["problem"]:
        echo_safe(facts["config"]["problem"], err=True)


def _effective(ctx: click.Context, found: user_config.Config) -> list[tuple[str, object, str]]:
    """(name, value, source) for every setting: flag, environment, file, database, default."""
    from gespreks_tui.display_time import ZONE_VARIABLE, machine_zone
    from gespreks_tui.model import Kind

    file, default = t("config.source.file"), t("config.source.default")
    rows: list[tuple[str, object, str]] = []
    flag = (ctx.obj or {}).get("lang")
    if flag:
        rows.append(("language", language(), t("config.source.flag", name="--lang")))
    elif os.environ.get("GESPREKS_LANG"):
        rows.append(("language", language(), t("config.source.env", name="GESPREKS_LANG")))
    else:
        rows.append(("language", found.language or language(),
                     file if found.language else default))
    stored = _stored_theme(_db_path(ctx))
    rows.append(("theme", found.theme or stored or "textual-dark",
                 file if found.theme else t("config.source.settings") if stored else default))
    if os.environ.get(ZONE_VARIABLE):
        rows.append(("time_zone", machine_zone(), t("config.source.env", name=ZONE_VARIABLE)))
    elif found.time_zone:
        rows.append(("time_zone", found.time_zone, file))
    else:
        rows.append(("time_zone", machine_zone(), t("config.source.machine")))
    rows.append(("reaction_term_days", found.term_days,
                 file if found.reaction_term_days is not None else default))
    rows.append(("backup.automatic", found.backup_automatic is not False,
                 file if found.backup_automatic is not None else default))
    rows.append(("backup.keep", found.keep, file if found.backup_keep is not None else default))
    for kind in Kind:
        rows += _kind_rows(found, kind, file, default)
    for binding, keys in sorted(found.keys.items()):
        rows.append((f'keys."{binding}"', keys, file))
    return rows


def _kind_rows(found: user_config.Config, kind, file: str,
               default: str) -> list[tuple[str, object, str]]:
    """A kind's settings in effect: its name, length, owner, and the procedure's terms
    (every one for a beoordeling; for another kind the invitation's, and any the file
    sets)."""
    from dataclasses import fields

    from gespreks_tui.appraisal_procedure import applies_to

    chosen = found.kind(kind)
    rows: list[tuple[str, object, str]] = [
        (f"kinds.{kind}.name", chosen.name or t(f"kind.{kind}"),
         file if chosen.name else default),
        (f"kinds.{kind}.length", chosen.length,
         file if chosen.length else t("config.source.template")),
        (f"kinds.{kind}.owner", chosen.owner,
         file if chosen.owner else t("config.source.form"))]
    terms = chosen.procedure()
    for term in fields(terms):
        if term.name in chosen.terms or term.name == "invitation_days" or applies_to(kind):
            rows.append((f"kinds.{kind}.{term.name}", getattr(terms, term.name),
                         file if term.name in chosen.terms else default))
    return rows


def _stored_theme(db: Path) -> str | None:
    from gespreks_tui.settings import THEME_SETTING

    conn = _read_only(db)
    if conn is None:
        return None
    try:
        row = conn.execute("select value from settings where key = ?", [THEME_SETTING]).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return row[0] if row else None


@click.command("config", help=t("admin.help.config"))
@click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
@common_options
@click.pass_context
def config_(ctx: click.Context, as_json: bool) -> None:
    found = user_config.current()
    rows = _effective(ctx, found)
    problem = user_config.problem_line(found.problem) if found.problem else None
    if as_json:
        echo_json({"format": FORMAT, "path": str(found.path), "exists": found.exists,
                   "problem": problem,
                   "settings": {name: {"value": value, "source": source}
                                for name, value, source in rows}})
        return
    state = t("info.exists" if found.exists else "info.missing")
    lines = [t("config.title", path=found.path, state=state), ""]
    lines += [t("config.line", name=name, value=_shown(value), source=source)
              for name, value, source in rows]
    echo_safe("\n".join(lines))
    if problem:
        echo_safe(problem, err=True)


def _shown(value: object) -> str:
    """A value as the file would hold it (true, 7, nord); nothing set: said so."""
    if value is None:
        return t("config.unset")
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@click.command(help=t("admin.help.backup"))
@click.argument("path", metavar="[PATH]", required=False, type=click.Path(path_type=Path))
@click.option("--overwrite", is_flag=True, help=t("admin.help.overwrite"))
@common_options
@click.pass_context
def backup(ctx: click.Context, path: Path | None, overwrite: bool) -> None:
    from gespreks_tui.backup import backup_to, make_folder
    from gespreks_tui.paths import backups_dir

    db = _db_path(ctx)
    if path is None:
        path = backups_dir(db)
        try:
            make_folder(path)
        except OSError as error:
            raise UserError(t("backup.failed", path=path, reason=error.strerror or error),
                            2) from error
    written = backup_to(db, path, overwrite=overwrite)
    echo_safe(t("backup.done", path=written, size=written.stat().st_size))


def _confirmed(question: str) -> bool:
    """Ask on stderr (stdout may be a file), read one answer line from stdin."""
    echo_safe(question, err=True, nl=False)
    answer = sys.stdin.readline().strip().casefold()
    if not sys.stdin.isatty():  # the answer came from a pipe: nothing ended the line
        echo_safe("", err=True)
    return answer in ("j", "ja", "y", "yes")


@click.command(help=t("admin.help.restore"))
@click.argument("path", metavar="PATH", type=click.Path(path_type=Path))
@click.option("--yes", "-y", is_flag=True, help=t("admin.help.yes"))
@common_options
@click.pass_context
def restore(ctx: click.Context, path: Path, yes: bool) -> None:
    from datetime import datetime

    from gespreks_tui.backup import check_database
    from gespreks_tui.backup import restore as restore_backup

    db = _db_path(ctx)
    check_database(path)  # before asking: a wrong file is said at once
    if not yes and not _confirmed(t("restore.confirm", db=db, path=path)):
        raise UserError(t("restore.cancelled"), 1)
    kept = restore_backup(db, path, datetime.now().strftime("%Y-%m-%d-%H%M%S"))
    echo_safe(t("restore.done", path=path, db=db, kept=kept) if kept
              else t("restore.done_new", path=path, db=db))


COMMANDS = [info, config_, backup, restore]
