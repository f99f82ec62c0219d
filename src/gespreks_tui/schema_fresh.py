"""A new database in one step: the schema that every migration together leaves (issue 19).

A database file that does not exist yet went through all the migrations, two
table rebuilds among them (about 6 ms of the first start). ``migrations.migrate``
creates a new one from ``STATEMENTS`` instead, when its list of migrations holds
every version up to ``VERSION``, and records those as applied; a later
migration runs as a step after it. ``tests/test_migrations_fresh.py`` checks
that the result equals a database migrated step by step (``sqlite_master``,
the ``migrations`` rows); after adding a migration, that test prints the new
``STATEMENTS`` (``sqlite_master``'s SQL of a database migrated step by step).
"""

VERSION = 15  # the last migration these statements include

STATEMENTS = (
    """CREATE TABLE settings (
        key text primary key,
        value text not null
    )""",
    """CREATE TABLE people (
        id integer primary key,
        name text not null unique collate nocase,
        left_on text,
        created_at text not null
    )""",
    """CREATE TABLE collectives (
        id integer primary key,
        text text not null,
        due_date text,
        for_everyone integer not null default 1,
        created_at text not null,
        ended_at text
    )""",
    """CREATE TABLE collective_members (
        collective_id integer not null references collectives(id) on delete cascade,
        person_id integer not null references people(id) on delete cascade,
        primary key (collective_id, person_id)
    )""",
    """CREATE TABLE conversations (
        id integer primary key,
        kind text not null check (kind in
            ('doelstelling', 'voortgang', 'functionering', 'beoordeling')),
        employee_id integer not null references people(id) on delete cascade,
        manager_id integer references people(id) on delete set null,
        manager_label text,
        language text not null default 'nl' check (language in ('nl', 'en')),
        status text not null default 'draft' check (status in
            ('draft', 'running', 'concluded', 'confirmed')),
        planned_seconds integer not null,
        created_at text not null,
        started_at text,
        ended_at text,
        updated_at text not null,
        next_evaluation text,
        current_phase integer not null default 0,
        paused integer not null default 0,
        agenda_snapshot text not null,
        overall_score integer check (overall_score between 1 and 5),
        overall_comment text not null default ''
    , issued_revision integer, time_zone text, timer_at real, scale text, goal_prompts text, draft_overall_score integer, draft_overall_comment text, draft_frozen_at text)""",
    'CREATE INDEX conversations_by_employee on conversations (employee_id, created_at)',
    """CREATE TABLE phases (
        id integer primary key,
        conversation_id integer not null references conversations(id) on delete cascade,
        position integer not null,
        name text not null,
        planned_seconds integer not null check (planned_seconds >= 0),
        used_seconds real not null default 0,
        unique (conversation_id, position)
    )""",
    """CREATE TABLE notes (
        id integer primary key,
        phase_id integer not null references phases(id) on delete cascade,
        visibility text not null check (visibility in ('shared', 'private')),
        body text not null default '',
        updated_at text not null,
        unique (phase_id, visibility)
    )""",
    """CREATE TABLE agreements (
        id integer primary key,
        conversation_id integer not null references conversations(id) on delete cascade,
        position integer not null default 0,
        text text not null check (length(trim(text)) > 0),
        owner text check (owner in ('employee', 'manager', 'both')),
        due_date text,
        status text not null default 'open' check (status in ('open', 'done', 'dropped')),
        collective_id integer references collectives(id) on delete set null,
        created_at text not null,
        updated_at text not null,
        done_at text,
        done_note text not null default ''
    , outcome text check (outcome in ('achieved', 'partly', 'not_achieved', 'carried_on')), goal_id integer references goals(id) on delete set null)""",
    'CREATE INDEX agreements_by_conversation on agreements (conversation_id, position)',
    """CREATE TABLE follow_ups (
        id integer primary key,
        agreement_id integer not null references agreements(id) on delete cascade,
        conversation_id integer not null references conversations(id) on delete cascade,
        outcome text not null check (outcome in
            ('achieved', 'partly', 'not_achieved', 'carried_on')),
        comment text not null default '',
        created_at text not null,
        unique (agreement_id, conversation_id)
    )""",
    'CREATE INDEX follow_ups_by_conversation on follow_ups (conversation_id)',
    """CREATE TABLE scores (
        id integer primary key,
        conversation_id integer not null references conversations(id) on delete cascade,
        position integer not null,
        criterion text not null,
        score integer check (score between 1 and 5),
        comment text not null default '', draft_score integer, draft_comment text,
        unique (conversation_id, position)
    )""",
    """CREATE TABLE minutes_revisions (
        id integer primary key,
        conversation_id integer not null references conversations(id) on delete cascade,
        revision integer not null,
        markdown text not null,
        sha256 text not null,
        created_at text not null,
        unique (conversation_id, revision)
    )""",
    'CREATE INDEX agreements_by_collective on agreements (collective_id) where collective_id is not null',
    """CREATE TABLE preparations (
        conversation_id integer not null references conversations(id) on delete cascade,
        position integer not null,
        body text not null,
        primary key (conversation_id, position)
    )""",
    """CREATE TABLE "confirmations" (
        id integer primary key,
        revision_id integer not null references minutes_revisions(id) on delete cascade,
        party text not null check (party in ('employee', 'manager')),
        name text not null,
        verdict text not null check (verdict in
            ('akkoord', 'gezien', 'correctie', 'vastgesteld')),
        comment text not null default '',
        confirmed_at text not null,
        via text not null check (via in ('screen', 'file', 'handover')),
        file_sha256 text,
        entered_by text not null default 'manager' check (entered_by in
            ('employee', 'manager')),
        unique (revision_id, party)
    )""",
    """CREATE TABLE handovers (
        id integer primary key,
        revision_id integer not null references minutes_revisions(id) on delete cascade,
        medium text not null check (medium in ('email', 'paper', 'screen')),
        handed_at text not null,
        term_days integer not null check (term_days between 0 and 366),
        until text not null,
        entered_by text not null default 'manager' check (entered_by in
            ('employee', 'manager')),
        unique (revision_id)
    )""",
    """CREATE TABLE reopenings (
        id integer primary key,
        conversation_id integer not null references conversations(id) on delete cascade,
        from_revision integer,
        reason text not null check (length(trim(reason)) > 0),
        reopened_at text not null,
        entered_by text not null default 'manager' check (entered_by in
            ('employee', 'manager'))
    )""",
    'CREATE INDEX reopenings_by_conversation on reopenings (conversation_id)',
    """CREATE TABLE correction_resolutions (
        id integer primary key,
        confirmation_id integer not null unique
            references confirmations(id) on delete cascade,
        outcome text not null check (outcome in ('revised', 'kept')),
        reason text not null check (length(trim(reason)) > 0),
        resolved_at text not null,
        reopening_id integer references reopenings(id) on delete set null
    )""",
    """CREATE TABLE revision_redactions (
        revision_id integer primary key references minutes_revisions(id) on delete cascade,
        redacted_at text not null,
        by_revision integer
    )""",
    """CREATE TABLE access_requests (
        id integer primary key,
        person_id integer not null references people(id) on delete cascade,
        requested_on text not null,
        answered_on text
    )""",
    'CREATE INDEX access_requests_person on access_requests(person_id)',
    'CREATE INDEX conversations_by_manager on conversations (manager_id) where manager_id is not null',
    'CREATE INDEX collective_members_by_person on collective_members (person_id)',
    'CREATE INDEX correction_resolutions_by_reopening on correction_resolutions (reopening_id) where reopening_id is not null',
    "CREATE INDEX conversations_unfinished on conversations (updated_at) where status in ('draft', 'running')",
    "CREATE INDEX agreements_open_due on agreements (due_date) where status = 'open' and due_date is not null",
    'CREATE INDEX handovers_by_until on handovers (until)',
    """CREATE TABLE appraisal_steps (
        id integer primary key,
        conversation_id integer not null references conversations(id) on delete cascade,
        state text check (state in ('bezwaar', 'definitief')),
        at text not null,
        by text not null,
        text text not null default '',
        agrees integer check (agrees in (0, 1)),
        entered_by text not null default 'manager' check (entered_by in
            ('employee', 'manager')),
        check ((state is null) = (agrees is not null))
    )""",
    'CREATE UNIQUE INDEX appraisal_steps_once on appraisal_steps (conversation_id, state) where state is not null',
    'CREATE INDEX appraisal_steps_by_conversation on appraisal_steps (conversation_id)',
    """CREATE TABLE goals (
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
    'CREATE INDEX goals_by_employee on goals (employee_id)',
    'CREATE INDEX goals_by_conversation on goals (conversation_id, position)',
    """CREATE TABLE goal_steps (
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
    'CREATE INDEX goal_steps_by_goal on goal_steps (goal_id, position)',
    'CREATE INDEX goal_steps_by_done_in on goal_steps (done_in) where done_in is not null',
    """CREATE TABLE goal_reviews (
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
    'CREATE INDEX goal_reviews_by_conversation on goal_reviews (conversation_id)',
    'CREATE INDEX agreements_by_goal on agreements (goal_id) where goal_id is not null',
    "CREATE INDEX conversations_appraisals_ended on conversations (employee_id, ended_at) where kind = 'beoordeling' and status in ('concluded', 'confirmed')",
)
