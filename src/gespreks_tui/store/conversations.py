"""Conversations, their phases (with timer state) and notes."""

from __future__ import annotations

import json

from gespreks_tui.agendas import AgendaTemplate, from_snapshot
from gespreks_tui.appraisal_scale import Scale
from gespreks_tui.db import StoreError
from gespreks_tui.display_time import DEFAULT_ZONE, machine_zone
from gespreks_tui.model import Conversation, ConversationSummary, Kind, Phase, Status, Visibility
from gespreks_tui.settings import RESUME_SETTING
from gespreks_tui.store.base import locked
from gespreks_tui.store.collectives import CollectivesMixin

_CONVERSATION_SQL = """
select c.*, e.name as employee_name, coalesce(m.name, c.manager_label) as manager_name
from conversations c
join people e on e.id = c.employee_id
left join people m on m.id = c.manager_id
"""

_SUMMARY_SQL = """
select c.id, coalesce(c.started_at, c.created_at) as date, c.kind, c.status,
       coalesce(c.time_zone, 'Europe/Amsterdam') as time_zone,
       e.name as employee, coalesce(m.name, c.manager_label) as manager,
       (select count(*) from agreements a
        where a.conversation_id = c.id and a.status = 'open') as open_agreements
from conversations c
join people e on e.id = c.employee_id
left join people m on m.id = c.manager_id
"""


def _template_fields(agenda: AgendaTemplate, position: int) -> dict:
    """Questions, criteria and help of a phase, from the snapshot the conversation stored."""
    if position >= len(agenda.phases):
        return {}
    phase = agenda.phases[position]
    return {"questions": phase.questions, "criteria": phase.criteria, "help": phase.help,
            "indicators": phase.indicators}


def _scale_fields(agenda: AgendaTemplate) -> dict:
    """Its scale and goal prompts (migration 11), so a later template never changes them."""
    fields = {}
    if agenda.scale is not None:
        fields["scale"] = agenda.scale.to_json()
    if agenda.goal_prompts:
        fields["goal_prompts"] = ",".join(agenda.goal_prompts)
    return fields


def _summary(row: dict) -> ConversationSummary:
    return ConversationSummary(
        id=row["id"], date=row["date"], kind=Kind(row["kind"]), employee=row["employee"],
        manager=row["manager"], status=Status(row["status"]),
        open_agreements=row["open_agreements"], time_zone=row["time_zone"],
    )


class ConversationsMixin(CollectivesMixin):
    @locked
    def create_conversation(
        self, employee_id: int, agenda: AgendaTemplate, total_minutes: int,
        manager_id: int | None = None, language: str = "nl",
    ) -> Conversation:
        """Start a conversation: status running, phases scaled to ``total_minutes``.

        It records the zone its moments are shown in (``display_time.machine_zone``).
        """
        now = self.now()
        with self.db.atomic():
            conversations = self.db["conversations"]
            conversations.insert({
                "kind": str(agenda.kind), "employee_id": employee_id,
                "manager_id": manager_id, "language": language,
                "status": str(Status.RUNNING), "planned_seconds": total_minutes * 60,
                "created_at": now, "started_at": now, "updated_at": now,
                "time_zone": machine_zone(),
                "agenda_snapshot": json.dumps(agenda.snapshot(), ensure_ascii=False),
                **_scale_fields(agenda),
            })
            conversation_id = conversations.last_pk
            self.db["phases"].insert_all(
                {"conversation_id": conversation_id, "position": i, "name": p.name,
                 "planned_seconds": seconds, "used_seconds": 0.0}
                for i, (p, seconds) in enumerate(agenda.scaled(total_minutes))
            )
            self.bring_in_collectives(conversation_id, employee_id)  # store/collectives.py
        return self.get_conversation(conversation_id)

    @locked
    def get_conversation(self, conversation_id: int) -> Conversation:
        rows = self._rows(_CONVERSATION_SQL + " where c.id = ?", [conversation_id])
        if not rows:
            raise StoreError("conversation.not_found", self.path, id=conversation_id)
        row = rows[0]
        agenda = from_snapshot(json.loads(row["agenda_snapshot"]))
        phases = tuple(
            Phase(id=p["id"], conversation_id=conversation_id, position=p["position"],
                  name=p["name"], planned_seconds=p["planned_seconds"],
                  used_seconds=p["used_seconds"],
                  **_template_fields(agenda, p["position"]))
            for p in self._rows(
                "select * from phases where conversation_id = ? order by position",
                [conversation_id])
        )
        return Conversation(
            id=row["id"], kind=Kind(row["kind"]), employee_id=row["employee_id"],
            employee_name=row["employee_name"], manager_id=row["manager_id"],
            manager_name=row["manager_name"], language=row["language"],
            status=Status(row["status"]), planned_seconds=row["planned_seconds"],
            created_at=row["created_at"], started_at=row["started_at"],
            ended_at=row["ended_at"], next_evaluation=row["next_evaluation"],
            current_phase=row["current_phase"], paused=bool(row["paused"]), phases=phases,
            issued_revision=row["issued_revision"],
            time_zone=row["time_zone"] or DEFAULT_ZONE,
            scale=Scale.from_json(row["scale"], row["language"]) if row.get("scale") else None,
        )

    @locked
    def list_conversations(
        self, employee_id: int | None = None, limit: int | None = None
    ) -> list[ConversationSummary]:
        """Conversations, newest first; only one employee's when ``employee_id`` is given."""
        sql, params = _SUMMARY_SQL, []
        if employee_id is not None:
            sql += " where c.employee_id = ?"
            params.append(employee_id)
        sql += " order by date desc, c.id desc"
        if limit:
            sql += f" limit {int(limit)}"
        return [_summary(r) for r in self._rows(sql, params)]

    @locked
    def unfinished_conversations(self) -> list[tuple[ConversationSummary, str]]:
        """Running conversations with the moment they were last changed, newest first."""
        rows = self._rows(
            _SUMMARY_SQL.replace("select c.id,", "select c.updated_at, c.id,")
            + " where c.status in ('draft', 'running') order by c.updated_at desc")
        return [(_summary(r), r["updated_at"]) for r in rows]

    @locked
    def remember_open_meeting(self, conversation_id: int | None) -> None:
        """Note which meeting is on screen (None: none), so the next start goes on there."""
        old = self.db.execute("select value from settings where key = ?",
                              [RESUME_SETTING]).fetchone()
        new = None if conversation_id is None else str(conversation_id)
        if (old[0] if old else None) == new:
            return  # nothing to write: resuming costs no fsync
        with self.db.atomic():
            if new is None:
                self.db.execute("delete from settings where key = ?", [RESUME_SETTING])
            else:
                self.db.execute("insert or replace into settings (key, value) values (?, ?)",
                                [RESUME_SETTING, new])

    @locked
    def meeting_to_resume(self, changed_since: str | None = None) -> int | None:
        """The meeting that was on screen when the app last stopped, if it is still open
        (and, with ``changed_since``, changed at or after that stored moment)."""
        row = self.db.execute(
            "select c.id from settings s join conversations c on c.id = cast(s.value as integer)"
            " where s.key = ? and c.status in ('draft', 'running') and c.updated_at >= ?",
            [RESUME_SETTING, changed_since or ""]).fetchone()
        return row[0] if row else None

    @locked
    def save_timer(
        self, conversation_id: int, current_phase: int, paused: bool,
        used_seconds: dict[int, float], at: float | None = None,
    ) -> None:
        """Store the agenda's timer state: current phase, pause, time used per phase.

        ``at`` (unix seconds, the clock's now when omitted) is the moment the
        state was true: a running phase has gone on since (``meeting.heartbeat``).
        """
        self.check_file()
        with self.db.atomic():
            self._write_timer(conversation_id, current_phase, paused, used_seconds, at)

    @locked
    def timer_moment(self, conversation_id: int) -> float | None:
        """When the stored timer state was true (unix seconds; None: never stored so)."""
        row = self.db.execute("select timer_at from conversations where id = ?",
                              [conversation_id]).fetchone()
        return row[0] if row else None

    def _write_timer(self, conversation_id: int, current_phase: int, paused: bool,
                     used_seconds: dict[int, float], at: float | None) -> None:
        """The timer's rows, in the caller's transaction (see ``save_timer``)."""
        for position, seconds in used_seconds.items():
            self.db.execute(
                "update phases set used_seconds = ? where conversation_id = ? and position = ?",
                [round(seconds, 3), conversation_id, position])
        changed = self.db.execute(
            "update conversations set current_phase = ?, paused = ?, updated_at = ?, "
            "timer_at = ? where id = ?",
            [current_phase, int(paused), self.now(),
             self.clock.now().timestamp() if at is None else at, conversation_id]).rowcount
        if not changed:
            raise StoreError("conversation.gone", self.path, id=conversation_id)

    @locked
    def notes(self, conversation_id: int) -> dict[tuple[int, Visibility], str]:
        """Every note of a conversation, keyed by (phase position, visibility)."""
        rows = self._rows(
            "select p.position, n.visibility, n.body from notes n "
            "join phases p on p.id = n.phase_id where p.conversation_id = ?",
            [conversation_id])
        return {(r["position"], Visibility(r["visibility"])): r["body"] for r in rows}

    @locked
    def save_note(
        self, conversation_id: int, position: int, visibility: Visibility | str, body: str,
        timer: tuple[int, bool, dict[int, float], float] | None = None,
    ) -> None:
        """Store the whole text of one phase's shared or private note.

        ``timer`` (current phase, paused, used per phase, moment): the timer's
        state, written in the same transaction (no fsync of its own).
        """
        self.check_file()
        now = self.now()
        with self.db.atomic():
            written = self.db.execute(
                "insert into notes (phase_id, visibility, body, updated_at) "
                "select id, ?, ?, ? from phases where conversation_id = ? and position = ? "
                "on conflict (phase_id, visibility) do update "
                "set body = excluded.body, updated_at = excluded.updated_at",
                [str(Visibility(visibility)), body, now, conversation_id, position]).rowcount
            if not written:  # the conversation (or its phase) is gone: never say "saved"
                raise StoreError("conversation.gone", self.path, id=conversation_id)
            self.db.execute("update conversations set updated_at = ? where id = ?",
                            [now, conversation_id])
            if timer is not None:
                self._write_timer(conversation_id, *timer)

    @locked
    def conclude(self, conversation_id: int, next_evaluation: str | None) -> Conversation:
        """End the meeting: status concluded, end time and next evaluation date set.

        Nothing is issued for this conclusion yet: the next ``publish`` renders
        the minutes (a new revision only when their content changed).
        """
        now = self.now()
        self.db.execute(
            "update conversations set status = ?, ended_at = ?, next_evaluation = ?, "
            "paused = 1, issued_revision = null, updated_at = ? where id = ?",
            [str(Status.CONCLUDED), now, next_evaluation, now, conversation_id])
        return self.get_conversation(conversation_id)

    @locked
    def reopen(self, conversation_id: int, correction: bool = False) -> Conversation:
        """Make a concluded conversation editable again.

        A confirmed (locked) conversation is reopened only for a ``correction``:
        its minutes' revisions and confirmations stay, and concluding again
        issues a new revision that needs new confirmations.
        """
        allowed = [str(Status.CONCLUDED)] + ([str(Status.CONFIRMED)] if correction else [])
        self.db.execute(
            "update conversations set status = ?, ended_at = null, issued_revision = null, "
            f"updated_at = ? where id = ? and status in ({', '.join('?' * len(allowed))})",
            [str(Status.RUNNING), self.now(), conversation_id, *allowed])
        return self.get_conversation(conversation_id)
