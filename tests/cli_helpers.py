"""Shared helpers for the command-line tests: run a command, read a database file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from gespreks_tui.cli import build_cli


def invoke(*args, input: str | None = None, env: dict | None = None):
    """Run the command tree in-process, the way ``main`` builds it."""
    return CliRunner().invoke(build_cli(), [str(a) for a in args], input=input, env=env)


def one_line_failure(result, code: int | None = None) -> str:
    """A refusal: non-zero exit, no traceback, exactly one line on stderr."""
    assert result.exit_code != 0, result.output
    if code is not None:
        assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def row_counts(db: Path) -> dict[str, int]:
    """Rows per table, read through a separate connection."""
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")]
        return {t: conn.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def person_names(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("select name from people order by name")]
    finally:
        conn.close()
