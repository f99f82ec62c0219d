"""The database seen as a set of tables: their names, columns and row counts.

Used where the privacy code must reach every table without listing them:
collecting everything about a person (``person_export``) and erasing them
(``privacy``). Plain functions over ``db``; no mixin.
"""

from __future__ import annotations


def user_tables(db) -> list[str]:
    """Every table of ours (not SQLite's own, not ``migrations``), by name."""
    return [r[0] for r in db.execute(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' "
        "and name != 'migrations' order by name")]


def quote(name: str) -> str:
    """A table or column name, quoted for SQL."""
    return '"' + name.replace('"', '""') + '"'


def columns(db, table: str) -> list[tuple[str, str]]:
    """(name, declared type) of each column."""
    return [(r[1], (r[2] or "").upper()) for r in db.execute(f"pragma table_info({quote(table)})")]


def row_counts(db) -> dict[str, int]:
    """How many rows each of our tables holds."""
    return {t: db.execute(f"select count(*) from {quote(t)}").fetchone()[0]
            for t in user_tables(db)}


def removed(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    """Per table, how many rows went between two ``row_counts`` (only tables that lost some)."""
    return {t: n - after.get(t, 0) for t, n in before.items() if n - after.get(t, 0) > 0}
