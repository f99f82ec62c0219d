"""Migration 11: Scores keep the scale they were given on (issue 18)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gespreks_tui.connection import Connection


def migrate(db: Connection) -> None:
    """Migration 11 (score scales)."""
