"""Migration 12: The appraisal procedure's steps, with who and when (issue 18)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gespreks_tui.connection import Connection


def migrate(db: Connection) -> None:
    """Migration 12 (appraisal procedure)."""
