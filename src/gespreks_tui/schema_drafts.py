"""Migration 14: A prepared assessment, kept beside what the meeting made of it (issue 18)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gespreks_tui.connection import Connection


def migrate(db: Connection) -> None:
    """Migration 14 (prepared assessments)."""
