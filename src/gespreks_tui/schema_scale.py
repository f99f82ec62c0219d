"""Migration 11: scores keep the scale they were given on (issue 18).

``conversations.scale`` holds the scale (``appraisal_scale.Scale.to_json``) and
``conversations.goal_prompts`` the goal prompts (comma-separated, in
``agenda_template.GOAL_PROMPTS`` order) that the conversation's agenda had when
it started. NULL in both for conversations stored before: they were scored on
``appraisal_scale.legacy_scale`` and had no goals pane.

The first schema checked scores against the fixed scale (``between 1 and 4``);
a five-point scale needs ``between 1 and 5``. A wider CHECK loses nothing, and
SQLite's documented way to change only a CHECK (lang_altertable.html, "the
simpler procedure") edits the table's stored SQL under ``writable_schema`` and
bumps ``schema_version`` — no copy of ``conversations``, whose rows other
tables point at. The store checks every score against the conversation's own
scale, so the CHECK is only the outer fence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gespreks_tui.connection import Connection

# (table, the CHECK as the first schema wrote it, the wider one)
WIDER_CHECKS = (
    ("conversations", "check (overall_score between 1 and 4)",
     "check (overall_score between 1 and 5)"),
    ("scores", "check (score between 1 and 4)", "check (score between 1 and 5)"),
)


def widen_checks(db: Connection, checks=WIDER_CHECKS) -> None:
    """Replace each CHECK text in its table's stored SQL (inside the caller's transaction)."""
    version = int(db.execute("pragma schema_version").fetchone()[0])
    db.execute("pragma writable_schema = on")
    try:
        for table, old, new in checks:
            db.execute("update sqlite_master set sql = replace(sql, ?, ?) "
                       "where type = 'table' and name = ?", [old, new, table])
        db.execute(f"pragma schema_version = {version + 1}")
    finally:
        db.execute("pragma writable_schema = off")


def migrate(db: Connection) -> None:
    """Migration 11 (score scales): the stored scale and goal prompts; scores up to 5."""
    db.execute("alter table conversations add column scale text")
    db.execute("alter table conversations add column goal_prompts text")
    widen_checks(db)
