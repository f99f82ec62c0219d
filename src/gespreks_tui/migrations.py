"""Versioned schema migrations, applied in order when the database is opened.

Each migration is a function of the store's ``Connection`` that runs inside
one transaction together with its row in the ``migrations`` table. A database
whose highest applied version is newer than ``LATEST`` was written by a newer
copy of the app and is refused (see ``db.open_database``). A new, empty
database is not taken through every step: it gets the schema they make
together at once (``schema_fresh``; a test keeps the two the same).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

    from gespreks_tui.connection import Connection

SCHEMA_V1 = [
    """create table settings (
        key text primary key,
        value text not null
    )""",
    """create table people (
        id integer primary key,
        name text not null unique collate nocase,
        left_on text,
        created_at text not null
    )""",
    """create table collectives (
        id integer primary key,
        text text not null,
        due_date text,
        for_everyone integer not null default 1,
        created_at text not null,
        ended_at text
    )""",
    """create table collective_members (
        collective_id integer not null references collectives(id) on delete cascade,
        person_id integer not null references people(id) on delete cascade,
        primary key (collective_id, person_id)
    )""",
    """create table conversations (
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
        overall_score integer check (overall_score between 1 and 4),
        overall_comment text not null default ''
    )""",
    "create index conversations_by_employee on conversations (employee_id, created_at)",
    "create index conversations_by_status on conversations (status)",
    """create table phases (
        id integer primary key,
        conversation_id integer not null references conversations(id) on delete cascade,
        position integer not null,
        name text not null,
        planned_seconds integer not null check (planned_seconds >= 0),
        used_seconds real not null default 0,
        unique (conversation_id, position)
    )""",
    """create table notes (
        id integer primary key,
        phase_id integer not null references phases(id) on delete cascade,
        visibility text not null check (visibility in ('shared', 'private')),
        body text not null default '',
        updated_at text not null,
        unique (phase_id, visibility)
    )""",
    """create table agreements (
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
    )""",
    "create index agreements_by_conversation on agreements (conversation_id, position)",
    "create index agreements_by_status on agreements (status, due_date)",
    """create table follow_ups (
        id integer primary key,
        agreement_id integer not null references agreements(id) on delete cascade,
        conversation_id integer not null references conversations(id) on delete cascade,
        outcome text not null check (outcome in
            ('achieved', 'partly', 'not_achieved', 'carried_on')),
        comment text not null default '',
        created_at text not null,
        unique (agreement_id, conversation_id)
    )""",
    "create index follow_ups_by_conversation on follow_ups (conversation_id)",
    """create table scores (
        id integer primary key,
        conversation_id integer not null references conversations(id) on delete cascade,
        position integer not null,
        criterion text not null,
        score integer check (score between 1 and 4),
        comment text not null default '',
        unique (conversation_id, position)
    )""",
    """create table minutes_revisions (
        id integer primary key,
        conversation_id integer not null references conversations(id) on delete cascade,
        revision integer not null,
        markdown text not null,
        sha256 text not null,
        created_at text not null,
        unique (conversation_id, revision)
    )""",
    """create table confirmations (
        id integer primary key,
        revision_id integer not null references minutes_revisions(id) on delete cascade,
        party text not null check (party in ('employee', 'manager')),
        name text not null,
        verdict text not null check (verdict in ('akkoord', 'gezien')),
        comment text not null default '',
        confirmed_at text not null,
        via text not null check (via in ('screen', 'file')),
        unique (revision_id, party)
    )""",
]


def _m001_initial(db: Connection) -> None:
    """Schema v1: the whole product as described in PRODUCT.md."""
    for statement in SCHEMA_V1:
        db.execute(statement)


def _m002_cycle_indexes(db: Connection) -> None:
    """Indexes for the cycle: which employees a collective agreement already reached."""
    db.execute("create index agreements_by_collective on agreements "
               "(collective_id) where collective_id is not null")


def _m003_preparations(db: Connection) -> None:
    """The employee's preparation (a filled-in form), per phase of a conversation."""
    db.execute("""create table preparations (
        conversation_id integer not null references conversations(id) on delete cascade,
        position integer not null,
        body text not null,
        primary key (conversation_id, position)
    )""")


def _m004_agreement_outcomes(db: Connection) -> None:
    """What became of an agreement, and which revision of the minutes is issued (issue 13).

    ``agreements.outcome``: a follow-up "niet gehaald" closes an agreement
    (status 'done', which the CHECK keeps to open/done/dropped) but must never
    read as "gedaan". Back-filled from the agreement's latest follow-up, or
    'achieved' when it was marked done between conversations (a note, or done
    after its own conversation had ended).

    ``conversations.issued_revision``: the minutes are a snapshot of the
    conversation as concluded; ``publish`` issues the stored revision again
    until the conversation is concluded anew. Back-filled with the newest
    revision when it was issued after the (last) conclusion.
    """
    db.execute("alter table agreements add column outcome text check (outcome in "
               "('achieved', 'partly', 'not_achieved', 'carried_on'))")
    db.execute("""update agreements set outcome = (
        select f.outcome from follow_ups f join conversations c on c.id = f.conversation_id
        where f.agreement_id = agreements.id
        order by coalesce(c.started_at, c.created_at) desc, f.id desc limit 1)""")
    db.execute("""update agreements set outcome = 'achieved'
        where outcome is null and status = 'done' and (done_note != '' or done_at > (
            select c.ended_at from conversations c where c.id = agreements.conversation_id))""")
    db.execute("alter table conversations add column issued_revision integer")
    db.execute("""update conversations set issued_revision = (
        select r.revision from minutes_revisions r where r.conversation_id = conversations.id
        order by r.revision desc limit 1)
        where status in ('concluded', 'confirmed') and ended_at is not null
        and ended_at <= (select max(r.created_at) from minutes_revisions r
                         where r.conversation_id = conversations.id)""")


def _m005_sign_off(db: Connection) -> None:
    """Sign-off as Dutch practice does it (issue 13).

    ``confirmations`` is rebuilt (SQLite cannot change a CHECK): the verdicts
    'correctie' (the employee asks for a correction) and 'vastgesteld' (the
    manager signs as the author), the channel 'handover', the returned file's
    own sha256 and who entered the confirmation. Every existing row is copied
    as it is (an old manager's 'akkoord' stays 'akkoord'), ids included, and
    was entered on the manager's copy. New tables: hand-overs with their
    reaction term, reopenings with their reason, and the manager's answer to
    a correction request.
    """
    db.execute("""create table confirmations_v5 (
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
    )""")
    db.execute("insert into confirmations_v5 (id, revision_id, party, name, verdict, comment, "
               "confirmed_at, via) select id, revision_id, party, name, verdict, comment, "
               "confirmed_at, via from confirmations")
    db.execute("drop table confirmations")
    db.execute("alter table confirmations_v5 rename to confirmations")
    db.execute("""create table handovers (
        id integer primary key,
        revision_id integer not null references minutes_revisions(id) on delete cascade,
        medium text not null check (medium in ('email', 'paper', 'screen')),
        handed_at text not null,
        term_days integer not null check (term_days between 0 and 366),
        until text not null,
        entered_by text not null default 'manager' check (entered_by in
            ('employee', 'manager')),
        unique (revision_id)
    )""")
    db.execute("""create table reopenings (
        id integer primary key,
        conversation_id integer not null references conversations(id) on delete cascade,
        from_revision integer,
        reason text not null check (length(trim(reason)) > 0),
        reopened_at text not null,
        entered_by text not null default 'manager' check (entered_by in
            ('employee', 'manager'))
    )""")
    db.execute("create index reopenings_by_conversation on reopenings (conversation_id)")
    db.execute("""create table correction_resolutions (
        id integer primary key,
        confirmation_id integer not null unique
            references confirmations(id) on delete cascade,
        outcome text not null check (outcome in ('revised', 'kept')),
        reason text not null check (length(trim(reason)) > 0),
        resolved_at text not null,
        reopening_id integer references reopenings(id) on delete set null
    )""")


def _m006_time_zone(db: Connection) -> None:
    """The time zone a conversation took place in (issue 13: one clock).

    Every moment is stored as UTC and shown in this zone (an IANA name, see
    ``display_time``) in the minutes, the app and the command line. The
    conversations that exist already were always shown in Dutch time, so
    they get 'Europe/Amsterdam': their stored revisions stay true.
    """
    columns = {row[1] for row in db.execute("pragma table_info(conversations)").fetchall()}
    if "time_zone" not in columns:
        db.execute("alter table conversations add column time_zone text")
    db.execute("update conversations set time_zone = 'Europe/Amsterdam' where time_zone is null")


def _m007_revision_redactions(db: Connection) -> None:
    """Revisions whose text was anonymised after an erasure (AVG art. 17, issue 15).

    Redacting another person's minutes issues a new revision; the old one's
    text and fingerprint are removed (the name could be recovered by hashing
    candidates otherwise) and this row says when, and which revision replaced
    it, so that its confirmations and a holder's old copy can be explained.
    """
    db.execute("""create table if not exists revision_redactions (
        revision_id integer primary key references minutes_revisions(id) on delete cascade,
        redacted_at text not null,
        by_revision integer
    )""")


def _m008_access_requests(db: Connection) -> None:
    """Access requests (AVG art. 15, issue 15): when a person asked, and when it was answered.

    The answer is due one month after the request (extendable by two);
    ``gespreks due`` shows an open request until ``person export`` answers
    it. The rows belong to the person: erasing them removes these too.
    """
    db.execute("""create table if not exists access_requests (
        id integer primary key,
        person_id integer not null references people(id) on delete cascade,
        requested_on text not null,
        answered_on text
    )""")
    db.execute("create index if not exists access_requests_person "
               "on access_requests(person_id)")


def _m009_lookup_indexes(db: Connection) -> None:
    """An index for every foreign key that is looked up, and partial ones for the few
    rows among many (issue 19); the statements and why each is there: ``schema_indexes``."""
    from gespreks_tui.schema_indexes import MIGRATION_9

    for statement in MIGRATION_9:
        db.execute(statement)


def _m010_timer_moment(db: Connection) -> None:
    """When the stored timer state was true (issue 19): unix seconds, sub-second.

    The timer is no longer written every second: ``phases.used_seconds`` holds
    what each phase had used at ``conversations.timer_at``; a running phase has
    gone on since (see ``meeting.heartbeat`` for what a restart adds).
    """
    db.execute("alter table conversations add column timer_at real")


def _m011_scale(db: Connection) -> None:
    """Scores keep the scale they were given on (issue 18). The statements: ``schema_scale``."""
    from gespreks_tui.schema_scale import migrate as step

    step(db)


def _m012_procedure(db: Connection) -> None:
    """The appraisal procedure's steps, with who and when (issue 18). The statements: ``schema_procedure``."""
    from gespreks_tui.schema_procedure import migrate as step

    step(db)


def _m013_goals(db: Connection) -> None:
    """Goals, their steps and their progress across the cycle (issue 20). The statements: ``schema_goals``."""
    from gespreks_tui.schema_goals import migrate as step

    step(db)


def _m014_drafts(db: Connection) -> None:
    """A prepared assessment, kept beside what the meeting made of it (issue 18). The statements: ``schema_drafts``."""
    from gespreks_tui.schema_drafts import migrate as step

    step(db)


def _m015_due_indexes(db: Connection) -> None:
    """Indexes for what is due on a large history (issue 19). The statements: ``schema_due``."""
    from gespreks_tui.schema_due import migrate as step

    step(db)


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "initial", _m001_initial),
    (2, "cycle indexes", _m002_cycle_indexes),
    (3, "preparations", _m003_preparations),
    (4, "agreement outcomes", _m004_agreement_outcomes),
    (5, "sign-off", _m005_sign_off),
    (6, "time zone", _m006_time_zone),
    (7, "revision redactions", _m007_revision_redactions),
    (8, "access requests", _m008_access_requests),
    (9, "lookup indexes", _m009_lookup_indexes),
    (10, "timer moment", _m010_timer_moment),
    (11, "score scales", _m011_scale),
    (12, "appraisal procedure", _m012_procedure),
    (13, "goals", _m013_goals),
    (14, "prepared assessments", _m014_drafts),
    (15, "due indexes", _m015_due_indexes),
]
LATEST = max(version for version, _, _ in MIGRATIONS)


def applied_version(conn: sqlite3.Connection) -> int:
    """The highest applied migration, 0 for an empty database."""
    found = conn.execute(
        "select 1 from sqlite_master where type = 'table' and name = 'migrations'"
    ).fetchone()
    if not found:
        return 0
    row = conn.execute("select max(version) from migrations").fetchone()
    return int(row[0] or 0)


def migrate(db: Connection, now: str) -> list[int]:
    """Apply every migration newer than the database; return the versions applied.

    A new (empty) database gets the schema of every migration up to
    ``schema_fresh.VERSION`` in one step, recorded as those migrations."""
    done: list[int] = []
    with db.atomic():
        new = not db.table_names()
        if "migrations" not in db.table_names():
            db.execute(
                "create table migrations (version integer primary key, "
                "name text not null, applied_at text not null)"
            )
        if new:
            done = _create_fresh(db, now)
        applied = {row[0] for row in db.execute("select version from migrations").fetchall()}
        for version, name, step in MIGRATIONS:
            if version in applied:  # not "<= max": a gap (8 before 7) is filled later
                continue
            step(db)
            db.execute(
                "insert into migrations (version, name, applied_at) values (?, ?, ?)",
                (version, name, now),
            )
            done.append(version)
    return done


def _create_fresh(db: Connection, now: str) -> list[int]:
    """The final schema at once (``schema_fresh``), if this list of migrations reaches
    it (a test may hold fewer, to make an older database); the versions recorded."""
    from gespreks_tui.schema_fresh import STATEMENTS, VERSION

    versions = sorted((version, name) for version, name, _ in MIGRATIONS if version <= VERSION)
    if [version for version, _ in versions] != list(range(1, VERSION + 1)):
        return []
    for statement in STATEMENTS:
        db.execute(statement)
    for version, name in versions:
        db.execute("insert into migrations (version, name, applied_at) values (?, ?, ?)",
                   (version, name, now))
    return [version for version, _ in versions]
