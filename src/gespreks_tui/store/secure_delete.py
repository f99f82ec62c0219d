"""Removing data for good: one transaction with ``secure_delete`` on, then ``compact``.

Both the erasure of a person (``privacy``) and the purge (``retention``) run
their work through ``_in_transaction``: one IMMEDIATE transaction with
SQLite's ``secure_delete`` pragma on (freed pages are overwritten with zeros).
A dry run runs the very same transaction and rolls it back, so what it
reports is exactly what the real run removes. After a real run ``compact``
VACUUMs and truncates the WAL, so the removed bytes are gone from the
database file and the -wal file, not merely unlinked.
"""

from __future__ import annotations

import os

from gespreks_tui.store.base import StoreBase, locked


class _DryRun(Exception):
    """Rolls back a dry run, carrying what it would have done (never seen by a user)."""

    def __init__(self, effect: object) -> None:
        super().__init__("dry run")
        self.effect = effect


class SecureDeleteMixin(StoreBase):
    def _in_transaction(self, work, dry_run: bool):
        """Run ``work()`` in one IMMEDIATE transaction; roll it back for a dry run."""
        self.db.conn.execute("pragma secure_delete = on")
        try:
            with self.db.atomic():
                result = work()
                if dry_run:
                    raise _DryRun(result)
        except _DryRun as done:
            return done.effect
        return result

    @locked
    def compact(self) -> bool:
        """Checkpoint the WAL, VACUUM, and truncate the WAL to nothing.

        Returns whether that worked all the way: False when another connection
        holds a read transaction (the removed data may then still be in the
        -wal file until it is closed and this runs again).
        """
        conn = self.db.conn
        if conn.in_transaction:
            raise RuntimeError("compact() inside a transaction")
        conn.execute("pragma temp_store = memory")
        conn.execute("vacuum")
        busy, frames, done = conn.execute("pragma wal_checkpoint(TRUNCATE)").fetchone()
        wal = f"{self.path}-wal"
        empty = not os.path.exists(wal) or os.path.getsize(wal) == 0
        return busy == 0 and frames == done and empty
