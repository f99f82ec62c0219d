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
import sys

from gespreks_tui.store.base import StoreBase, locked

PAUSE_ENV = "GESPREKS_TEST_PAUSE"


def pause_point(name: str) -> None:
    """Test-only: stop here for good when ``$GESPREKS_TEST_PAUSE`` is ``NAME:FIFO``.

    ``tests/test_erase_kill.py`` kills an erasure with SIGKILL at a known
    moment: at point ``name`` this prints ``paused at NAME`` on stderr and
    blocks opening the FIFO for reading (nothing ever writes to it), until the
    test kills the process. Without the variable (always, outside that test)
    it does nothing. Points: ``erase.redacting`` (after each redacted text,
    inside the transaction), ``erase.commit`` (all work done, not committed),
    ``compact`` (committed, before VACUUM).
    """
    spec = os.environ.get(PAUSE_ENV)
    if not spec:
        return
    point, _, fifo = spec.partition(":")
    if point != name:
        return
    print(f"paused at {name}", file=sys.stderr, flush=True)
    with open(fifo, encoding="ascii") as wait:  # blocks: no writer ever comes
        wait.read()


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
                pause_point("erase.commit")
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
        pause_point("compact")
        # VACUUM builds the new file in a temporary database first. In memory that costs
        # as much RAM as the database is large (190 MiB peak at 10,000 conversations);
        # a temporary file holds only what remains (nothing erased), and SQLite unlinks
        # it as soon as it is opened.
        conn.execute("pragma temp_store = file")
        conn.execute("vacuum")
        busy, frames, done = conn.execute("pragma wal_checkpoint(TRUNCATE)").fetchone()
        wal = f"{self.path}-wal"
        empty = not os.path.exists(wal) or os.path.getsize(wal) == 0
        return busy == 0 and frames == done and empty
