"""Migration 13: Goals, their steps and their progress across the cycle (issue 20)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gespreks_tui.connection import Connection


def migrate(db: Connection) -> None:
    """Migration 13 (goals)."""
