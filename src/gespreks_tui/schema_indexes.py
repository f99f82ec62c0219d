"""The indexes of migration 9 (issue 19), kept apart so each can say why it is there.

Every foreign key that a query or a cascade looks up has an index whose first
column is that key (SQLite finds the children of a deleted parent through it;
without one, deleting a person scans every conversation). Where a query
looks for a few rows among many, the index is partial: it holds only those
rows, so it stays small and the planner keeps choosing it after ``analyze``
(``pragma optimize``) has told it how unselective ``status`` is on its own.

A partial index is only used when the query repeats its ``where`` terms:
``conversations_unfinished`` needs ``status in ('draft', 'running')`` and
``agreements_open_due`` needs ``status = 'open' and due_date is not null``
(or a comparison on ``due_date``), written as here. ``tests/test_query_plans.py``
holds the queries to these indexes, before and after ``analyze``.

These statements are part of an applied migration: never edit them, add a
new migration instead.
"""

from __future__ import annotations

MIGRATION_9 = [
    # Erasing or purging a manager finds their conversations (and SQLite's
    # "on delete set null" does the same).
    "create index conversations_by_manager on conversations (manager_id) "
    "where manager_id is not null",
    # Collective agreements of a person (and the cascade when a person goes).
    "create index collective_members_by_person on collective_members (person_id)",
    # "on delete set null" when a reopening is deleted with its conversation.
    "create index correction_resolutions_by_reopening on correction_resolutions "
    "(reopening_id) where reopening_id is not null",
    # The start screen's unfinished conversations: a handful among thousands.
    # It replaces the index on status alone, which after analyze reads as
    # half the table and which the planner then rightly skips for a scan.
    "create index conversations_unfinished on conversations (updated_at) "
    "where status in ('draft', 'running')",
    "drop index conversations_by_status",
    # What is due: open agreements with a due date, in date order. It replaces
    # the index on (status, due_date), which only the due list used and which
    # held every done agreement too.
    "create index agreements_open_due on agreements (due_date) "
    "where status = 'open' and due_date is not null",
    "drop index agreements_by_status",
    # Reaction terms that run (a due list window on their last day).
    "create index handovers_by_until on handovers (until)",
]
