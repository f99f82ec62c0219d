"""The appraisal procedure in the store: its steps, its state, its running terms.

Only a beoordeling has a procedure; every method refuses another kind with
``procedure.not_appraisal``. The objection, the final decision and the second
assessor's word are rows of ``appraisal_steps`` (migration 12), never changed;
besproken and voorlopig are read from the record (``appraisal_procedure``).
Each refusal is one ``StoreError`` and stores nothing.

The terms come from the configuration (``config.toml``, ``[kinds.beoordeling]``),
read through ``procedure_terms``; a test sets ``procedure_config`` instead.
``due`` adds the procedure's running terms (provisional, objection, final) to
``DueMixin``'s list, in the same order, so a limited list is still the head of
the full one.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from gespreks_tui.appraisal_procedure import (
    AppraisalState,
    AppraisalStep,
    Procedure,
    ProcedureTerms,
    applies_to,
    procedure_of,
    refusal,
)
from gespreks_tui.db import StoreError
from gespreks_tui.errors import Term
from gespreks_tui.model import DueItem, DueKind, Kind
from gespreks_tui.record import ConversationRecord
from gespreks_tui.settings import CALENDAR_SETTING, MANAGER_SETTING
from gespreks_tui.store.base import locked
from gespreks_tui.store.days import as_date
from gespreks_tui.store.due import DueMixin, _sort_key
from gespreks_tui.store.sign_off import SignOffMixin

if TYPE_CHECKING:
    from gespreks_tui.config_schema import Config

TEXT_MOST_CHARS = 10_000
NAME_MOST_CHARS = 200

# Beoordelingen whose procedure has not ended, with what ``due`` needs to know.
_RUNNING = """
select c.id, c.ended_at, c.kind, p.id as employee_id, p.name,
       (select max(revision) from minutes_revisions x where x.conversation_id = c.id)
           as latest,
       h.handed_at, h.until, r.revision as handed_revision,
       (select s.at from appraisal_steps s where s.conversation_id = c.id
        and s.state = 'bezwaar') as objected_at
from conversations c
join people p on p.id = c.employee_id
left join handovers h on h.id = (select h2.id from handovers h2 join minutes_revisions r2
    on r2.id = h2.revision_id where r2.conversation_id = c.id order by r2.revision desc limit 1)
left join minutes_revisions r on r.id = h.revision_id
where c.kind = 'beoordeling' and c.status in ('concluded', 'confirmed')
  and (p.left_on is null or p.left_on > :today) {only}
  and not exists (select 1 from appraisal_steps s where s.conversation_id = c.id
                  and s.state = 'definitief')
"""


def _step(row: dict) -> AppraisalStep:
    agrees = row["agrees"]
    return AppraisalStep(id=row["id"], conversation_id=row["conversation_id"],
                         state=AppraisalState(row["state"]) if row["state"] else None,
                         at=row["at"], by=row["by"], text=row["text"],
                         agrees=None if agrees is None else bool(agrees))


def _clean_text(text: str, path: object, empty: str | None = None) -> str:
    """A text as stored: trimmed lines; refused when huge, or (``empty``: the key)
    when empty."""
    body = "\n".join(line.rstrip() for line in text.strip().splitlines())
    if not body and empty:
        raise StoreError(empty, str(path))
    if len(body) > TEXT_MOST_CHARS:
        raise StoreError("procedure.text_too_long", str(path), most=TEXT_MOST_CHARS)
    return body


def _clean_name(name: str, path: object) -> str:
    text = " ".join(name.split())
    if not text:
        raise StoreError("procedure.no_name", str(path))
    if len(text) > NAME_MOST_CHARS:
        raise StoreError("procedure.name_too_long", str(path), most=NAME_MOST_CHARS)
    return text


class ProcedureMixin(SignOffMixin, DueMixin):
    procedure_config: Config | None = None  # None: ``config.current()`` (tests set one)

    def procedure_terms(self) -> ProcedureTerms:
        """The beoordeling's terms from the configuration (defaults where it has none)."""
        from gespreks_tui import config

        chosen = self.procedure_config or config.current()
        return chosen.kind(Kind.BEOORDELING).procedure()

    # -- reading -------------------------------------------------------------------
    @locked
    def appraisal_steps(self, conversation_id: int) -> list[AppraisalStep]:
        """The stored steps of one conversation (objection, final, second assessor)."""
        return [_step(r) for r in self._rows(
            "select * from appraisal_steps where conversation_id = ? order by at, id",
            [conversation_id])]

    @locked
    def conversation_record(self, conversation_id: int) -> ConversationRecord:
        """The record (``SignOffMixin``'s); a beoordeling's with its procedure."""
        with self._snapshot():
            record = super().conversation_record(conversation_id)
            if not applies_to(record.conversation.kind):
                return record
            steps = tuple(self.appraisal_steps(conversation_id))
        return replace(record, procedure=procedure_of(
            record, steps, self.procedure_terms(), self.get_setting(MANAGER_SETTING) or ""))

    @locked
    def appraisal_procedure(self, conversation_id: int) -> Procedure:
        """Where a beoordeling's procedure stands; refused for another kind."""
        record = self.conversation_record(conversation_id)
        if record.procedure is None:
            raise StoreError("procedure.not_appraisal", self.path, id=conversation_id,
                             kind=Term(f"kind.{record.conversation.kind}"))
        return record.procedure

    @locked
    def appraisal_state(self, conversation_id: int) -> AppraisalState:
        return self.appraisal_procedure(conversation_id).state

    @locked
    def calendar_token(self) -> str:
        """A random name of this database for calendar UIDs, made once and kept."""
        token = self.get_setting(CALENDAR_SETTING)
        if not token:
            import secrets

            token = secrets.token_hex(6)
            self.set_setting(CALENDAR_SETTING, token)
        return token

    # -- writing -------------------------------------------------------------------
    def _check(self, conversation_id: int, step: AppraisalState | None) -> Procedure:
        procedure = self.appraisal_procedure(conversation_id)
        why = refusal(procedure, step)
        if why is not None:
            raise StoreError(why, self.path, id=conversation_id,
                             state=Term(f"procedure.state.{procedure.state}"))
        return procedure

    def _insert(self, conversation_id: int, state: AppraisalState | None, by: str,
                text: str, agrees: bool | None) -> AppraisalStep:
        now = self.now()
        cursor = self.db.execute(
            "insert into appraisal_steps (conversation_id, state, at, by, text, agrees) "
            "values (?, ?, ?, ?, ?, ?)",
            [conversation_id, str(state) if state else None, now, by, text,
             None if agrees is None else int(agrees)])
        assert cursor.lastrowid is not None
        return AppraisalStep(cursor.lastrowid, conversation_id, state, now, by, text, agrees)

    @locked
    def record_objection(self, conversation_id: int, text: str,
                         by: str | None = None) -> AppraisalStep:
        """The employee's objection (bezwaar) to the provisional result, with its text.

        Allowed after the term too: ``Procedure.objection_late`` then says so.
        """
        body = _clean_text(text, self.path, "procedure.no_text")
        with self.db.atomic():
            self._check(conversation_id, AppraisalState.OBJECTION)
            who = by or self.get_conversation(conversation_id).employee_name
            return self._insert(conversation_id, AppraisalState.OBJECTION,
                                 _clean_name(who, self.path), body, None)

    @locked
    def record_second_assessor(self, conversation_id: int, name: str, agrees: bool,
                               remark: str = "") -> AppraisalStep:
        """The second assessor's word: name, agrees or not, a remark. A later word
        is a new row; the newest counts. Refused when it is the manager."""
        who = _clean_name(name, self.path)
        body = _clean_text(remark, self.path)
        with self.db.atomic():
            self._check(conversation_id, None)
            manager = (self.get_conversation(conversation_id).manager_name
                       or self.get_setting(MANAGER_SETTING) or "")
            if who.casefold() == " ".join(manager.split()).casefold():
                raise StoreError("procedure.second_is_manager", self.path, name=who)
            return self._insert(conversation_id, None, who, body, agrees)

    @locked
    def record_final(self, conversation_id: int, remark: str = "",
                     by: str | None = None) -> AppraisalStep:
        """Make the result final (definitief); refused without the second assessor's
        agreement where the configuration asks for one."""
        body = _clean_text(remark, self.path)
        with self.db.atomic():
            self._check(conversation_id, AppraisalState.FINAL)
            c = self.get_conversation(conversation_id)
            if c.is_open:
                raise StoreError("procedure.refused.being_edited", self.path,
                                 id=conversation_id)
            who = by or c.manager_name or self.get_setting(MANAGER_SETTING) or ""
            return self._insert(conversation_id, AppraisalState.FINAL,
                                _clean_name(who, self.path) if who else "", body, None)

    # -- what is due ---------------------------------------------------------------
    def _procedure_due(self, today: date | str, within_days: int,
                       employee_id: int | None) -> list[DueItem]:
        params, only, day = self._due_params(today, within_days, employee_id)
        limit = date.fromisoformat(params["limit"])
        terms = self.procedure_terms()
        items = []
        for r in self._rows(_RUNNING.format(only=only), params):
            objected = r["objected_at"]
            state = (AppraisalState.OBJECTION if objected else
                     AppraisalState.PROVISIONAL if r["handed_revision"] is not None
                     and r["handed_revision"] == r["latest"] else AppraisalState.DISCUSSED)
            procedure = Procedure(
                r["id"], state, (), terms, _as_day(r["ended_at"]), _as_day(r["handed_at"]),
                _as_day(r["until"]),
                AppraisalStep(0, r["id"], AppraisalState.OBJECTION, objected, "")
                if objected else None)
            for what, when in procedure.running_terms():
                if when <= limit:
                    items.append(DueItem(
                        kind=DueKind(what), date=when.isoformat(),
                        employee_id=r["employee_id"], employee=r["name"],
                        conversation_id=r["id"], conversation_kind=Kind(r["kind"]),
                        overdue=when < day, days=(when - day).days,
                        revision=r["handed_revision"]))
        return items

    @locked
    def due(self, today: date | str, within_days: int = 14, employee_id: int | None = None,
            limit: int | None = None) -> list[DueItem]:
        """``DueMixin.due`` with the appraisal procedure's running terms."""
        items = super().due(today, within_days, employee_id, limit)
        items += self._procedure_due(today, within_days, employee_id)
        items.sort(key=_sort_key)
        return items if limit is None else items[:limit]

    @locked
    def due_count(self, today: date | str, within_days: int = 14,
                  employee_id: int | None = None) -> int:
        return super().due_count(today, within_days, employee_id) + len(
            self._procedure_due(today, within_days, employee_id))


def _as_day(stamp: str | None) -> date | None:
    try:
        return as_date(stamp[:10]) if stamp else None
    except (TypeError, ValueError):
        return None
