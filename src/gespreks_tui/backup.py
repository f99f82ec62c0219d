"""Backups of the database: consistent copies, checked, owner-only; and restoring one.

Why not copy the file: the database runs in WAL mode, so the newest
conversations may sit in ``gespreks.db-wal`` for a while; a copy of the
``.db`` alone (or taken while the app writes) can miss them or be torn.
SQLite's online backup API copies one consistent snapshot, whatever other
connections do meanwhile, including other processes. The copy is a single
file (rollback journal, no ``-wal``), made owner-only (0600, whatever the
umask) under a temporary name, checked with ``pragma integrity_check``, and
only then put in place (``os.replace``): a failed backup leaves nothing behind.

Restoring goes the other way through the same API, into the database file
itself: SQLite then deals with its own ``-wal`` and ``-shm``, and the file
keeps its owner-only mode. Before that, the file to restore is proved to be
a gespreks database (SQLite, intact, our tables, a schema this app knows),
and the current database is kept as a backup of its own.

Automatic backups (``automatic``): at most one a day, named after the day,
in ``paths.backups_dir``; the oldest beyond ``keep`` are removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
from pathlib import Path

from gespreks_tui.errors import UserError
from gespreks_tui.migrations import LATEST, applied_version
from gespreks_tui.paths import backups_dir
from gespreks_tui.presence import Presence

_REQUIRED_TABLES = {"migrations", "people", "conversations", "notes", "settings"}
_DAY_NAME = re.compile(r"^(?P<stem>.+)-(?P<day>\d{4}-\d{2}-\d{2})\.db$")


class BackupError(UserError):
    """A backup or restore that could not be made: a file problem (exit 2)."""

    exit_code = 2


class InUse(UserError):
    """Restoring refused: another copy of the app has the database open (exit 1)."""


def _connect_existing(path: Path, read_only: bool = False) -> sqlite3.Connection:
    """A connection on a file that must already exist (never creates one)."""
    mode = "ro" if read_only else "rw"
    uri = Path(path).resolve().as_uri() + f"?mode={mode}"
    return sqlite3.connect(uri, uri=True, timeout=5.0)


def _intact(conn: sqlite3.Connection) -> bool:
    rows = conn.execute("pragma integrity_check").fetchall()
    return [tuple(r) for r in rows] == [("ok",)]


def check_database(path: Path | str) -> int:
    """The schema version of a gespreks database at ``path``; ``BackupError`` if it is not one.

    Read only: nothing is written to the file (no ``-wal`` is made for it either).
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError("backup.not_a_file", path=path)
    try:
        conn = _connect_existing(path, read_only=True)
    except sqlite3.Error as error:
        raise BackupError("backup.not_gespreks", path=path, reason=error) from error
    try:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        if not tables >= _REQUIRED_TABLES:
            raise BackupError("backup.not_gespreks", path=path, reason="-")
        version = applied_version(conn)
        if not _intact(conn):
            raise BackupError("backup.damaged", path=path)
    except sqlite3.Error as error:
        raise BackupError("backup.not_gespreks", path=path, reason=error) from error
    finally:
        conn.close()
    if version > LATEST:
        raise BackupError("backup.newer", path=path, found=version, known=LATEST)
    return version


def make_folder(folder: Path) -> None:
    """Missing folders owner-only (``mkdir(parents=True)`` would follow the umask)."""
    for part in reversed([p for p in (folder, *folder.parents) if not p.exists()]):
        part.mkdir(mode=0o700, exist_ok=True)


def backup_to(db_path: Path | str, target: Path | str, *, overwrite: bool = False) -> Path:
    """Copy the database at ``db_path`` to ``target`` (a file, or a folder to put one in).

    Consistent while other processes write, owner-only, integrity-checked.
    Returns the file written. ``BackupError`` when the database cannot be
    read, ``target`` exists (unless ``overwrite``) or cannot be written.
    """
    db_path, target = Path(db_path), Path(target).expanduser()
    if target.is_dir():
        target = target / default_name(db_path)
    if target.exists() and not overwrite:
        raise BackupError("backup.exists", path=target)
    if not target.parent.is_dir():
        raise BackupError("backup.no_folder", path=target.parent)
    if not Path(db_path).is_file():
        raise BackupError("backup.no_database", path=db_path)
    temporary: str | None = None
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                         dir=target.parent)  # 0600, whatever the umask
        os.close(fd)
        _copy(db_path, Path(temporary))
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
        temporary = None
    except sqlite3.Error as error:
        raise BackupError("backup.failed", path=target, reason=error) from error
    except OSError as error:
        raise BackupError("backup.failed", path=target,
                          reason=error.strerror or error) from error
    finally:
        if temporary is not None:
            for leftover in (temporary, f"{temporary}-journal"):
                with contextlib.suppress(OSError):
                    os.remove(leftover)
    return target


def _copy(db_path: Path, temporary: Path) -> None:
    source = _connect_existing(db_path)
    try:
        copy = sqlite3.connect(str(temporary))
        try:
            source.backup(copy)  # all pages in one step: one snapshot
            copy.execute("pragma journal_mode = delete")  # one file, no -wal beside it
            if not _intact(copy):
                raise BackupError("backup.damaged", path=db_path)
            copy.commit()
        finally:
            copy.close()
    finally:
        source.close()
    with open(temporary, "rb+") as written:
        os.fsync(written.fileno())


def default_name(db_path: Path | str, stamp: str | None = None) -> str:
    """``gespreks-2026-12-02-083000.db``: the database's name and the moment."""
    from datetime import datetime

    stamp = stamp or datetime.now().strftime("%Y-%m-%d-%H%M%S")
    return f"{Path(db_path).stem}-{stamp}.db"


def automatic_backups(db_path: Path | str) -> list[Path]:
    """The automatic (daily) backups of ``db_path``, oldest first."""
    folder = backups_dir(db_path)
    stem = Path(os.path.realpath(db_path)).stem
    try:
        found = [p for p in folder.iterdir()
                 if (m := _DAY_NAME.match(p.name)) and m.group("stem") == stem and p.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name)


def automatic(db_path: Path | str, today: str, keep: int) -> Path | None:
    """Today's backup if there is none yet, then the oldest beyond ``keep`` removed.

    ``today`` is YYYY-MM-DD. Returns the new backup, or None when today's
    existed. ``BackupError`` when it could not be made (the app says so, once).
    """
    if keep <= 0:
        return None
    folder = backups_dir(db_path)
    target = folder / f"{Path(os.path.realpath(db_path)).stem}-{today}.db"
    made = None
    if not target.exists():
        try:
            make_folder(folder)
        except OSError as error:
            raise BackupError("backup.failed", path=target,
                              reason=error.strerror or error) from error
        made = backup_to(db_path, target)
    for old in automatic_backups(db_path)[:-keep]:
        with contextlib.suppress(OSError):
            old.unlink()
    return made


def restore(db_path: Path | str, source: Path | str, safety_stamp: str) -> Path | None:
    """Put the database in ``source`` in place of ``db_path``; the old one is kept.

    Refused (``InUse``) while another copy of the app runs on the database.
    Returns the backup made of the current database first (None if there was
    none). ``safety_stamp`` names that backup (``...-before-restore-STAMP.db``).
    """
    db_path, source = Path(db_path), Path(source).expanduser()
    check_database(source)
    if os.path.realpath(source) == os.path.realpath(db_path):
        raise BackupError("restore.same_file", path=source)
    presence = Presence(db_path)
    try:
        if presence.database_in_use():
            raise InUse("restore.in_use", path=db_path)
        kept = _keep_current(db_path, safety_stamp)
        _restore_into(db_path, source)
    finally:
        presence.close()
    return kept


def _keep_current(db_path: Path, stamp: str) -> Path | None:
    if not db_path.exists():
        return None
    folder = backups_dir(db_path)
    try:
        make_folder(folder)
    except OSError as error:
        raise BackupError("backup.failed", path=folder, reason=error.strerror or error) from error
    return backup_to(db_path, folder / default_name(db_path, f"before-restore-{stamp}"))


def _restore_into(db_path: Path, source: Path) -> None:
    if not db_path.exists():
        make_folder(db_path.parent)
        os.close(os.open(db_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    try:
        target = _connect_existing(db_path)
        try:
            backup = _connect_existing(source, read_only=True)
            try:
                backup.backup(target)
            finally:
                backup.close()
            target.execute("pragma journal_mode = wal")  # as the app keeps it
            if not _intact(target):
                raise BackupError("backup.damaged", path=db_path)
        finally:
            target.close()
    except sqlite3.Error as error:
        raise BackupError("restore.failed", path=db_path, reason=error) from error
