"""Migration 13: goals, their steps and their progress across the cycle (issue 20).

Three new tables and one new nullable column; nothing existing changes:

- ``goals``: set in one conversation (``conversation_id``) for its employee
  (``employee_id``, the same person: the lookups by employee need no join).
  The answers to what / why / who / where / how are ``what``, ``why``,
  ``who``, ``place`` and ``how`` (``where`` is an SQL word: a column of that
  name must be quoted in every query a user writes).
- ``goal_steps``: the small steps of a goal; ``done_in`` is the conversation in
  which a step was ticked, so the minutes of an earlier conversation show it
  as it stood then.
- ``goal_reviews``: what one conversation said about one goal — progress with
  a comment, and in a beoordeling a score with its own comment — one row per
  goal per conversation.
- ``agreements.goal_id``: the goal an agreement serves (null: none).

Foreign keys as the rest of the schema: a goal goes with the conversation
that set it (and so with its employee), its steps and reviews with the goal,
a review with its conversation; a tick's conversation going makes the step
open again; an agreement's goal going leaves the agreement. Every foreign key
that is looked up, or followed by a cascade, has an index (see
``schema_indexes``). These statements are part of an applied migration:
never edit them, add a new migration instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gespreks_tui.connection import Connection

MIGRATION_13 = [
    """create table goals (
        id integer primary key,
        employee_id integer not null references people(id) on delete cascade,
        conversation_id integer not null references conversations(id) on delete cascade,
        position integer not null default 0,
        kind text not null check (kind in ('resultaat', 'ontwikkeling')),
        title text not null check (length(trim(title)) > 0),
        what text not null default '',
        why text not null default '',
        who text not null default '',
        place text not null default '',
        how text not null default '',
        owner text not null default 'employee' check (owner in ('employee', 'manager', 'both')),
        period_start text,
        period_end text,
        support text not null default '',
        created_at text not null,
        updated_at text not null
    )""",
    # The goals of one employee (gespreks goals, the next conversation's open goals).
    "create index goals_by_employee on goals (employee_id)",
    # The goals set in one conversation, in their order (and the cascade).
    "create index goals_by_conversation on goals (conversation_id, position)",
    """create table goal_steps (
        id integer primary key,
        goal_id integer not null references goals(id) on delete cascade,
        position integer not null default 0,
        text text not null check (length(trim(text)) > 0),
        due_date text,
        done_in integer references conversations(id) on delete set null,
        done_at text,
        created_at text not null,
        updated_at text not null
    )""",
    "create index goal_steps_by_goal on goal_steps (goal_id, position)",
    # "on delete set null" when the conversation a step was ticked in goes.
    "create index goal_steps_by_done_in on goal_steps (done_in) where done_in is not null",
    """create table goal_reviews (
        id integer primary key,
        goal_id integer not null references goals(id) on delete cascade,
        conversation_id integer not null references conversations(id) on delete cascade,
        progress text check (progress in ('op_koers', 'achter', 'behaald', 'vervallen')),
        comment text not null default '',
        score integer check (score between 1 and 10),
        score_comment text not null default '',
        created_at text not null,
        updated_at text not null,
        unique (goal_id, conversation_id)
    )""",
    # The goals reviewed in one conversation (and the cascade); by goal: the unique key.
    "create index goal_reviews_by_conversation on goal_reviews (conversation_id)",
    "alter table agreements add column goal_id integer references goals(id) on delete set null",
    # The agreements that serve a goal (the POP), and "on delete set null": few among many.
    "create index agreements_by_goal on agreements (goal_id) where goal_id is not null",
]


def migrate(db: Connection) -> None:
    """Migration 13 (goals): the statements above, in order."""
    for statement in MIGRATION_13:
        db.execute(statement)
