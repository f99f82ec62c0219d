"""The appraisal procedure in the store: its steps, its state, its running terms.

Only a beoordeling has a procedure; every method refuses another kind with
``procedure.not_appraisal``. The objection, the final decision and the second
assessor's word are rows of ``appraisal_steps`` (migration 12), never changed;
besproken and voorlopig are read from the record (``appraisal_procedure``).
Each refusal is one ``StoreError`` and stores nothing.

The terms come from the configuration (``config.toml``, ``[kinds.beoordeling]``),
read through ``procedure_terms``; a test sets ``procedure_config`` instead.
What is due (``due``, ``due_count``) includes the procedure's running terms
(provisional, objection, final): one more query among ``DueMixin``'s kinds,
worked out and ordered by SQLite (``_RUNNING``), so the start screen reads only
the few it shows and counts the rest.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from gespreks_tui.db import StoreError
from gespreks_tui.errors import Term
from gespreks_tui.model import Kind
from gespreks_tui.settings import CALENDAR_SETTING, MANAGER_SETTING
from gespreks_tui.store.base import locked
from gespreks_tui.store.due import DueMixin
from gespreks_tui.store.sign_off import SignOffMixin

# The procedure's rules (``gespreks_tui.appraisal_procedure``) are imported where a
# method needs them: a start into a meeting that is no beoordeling never does (issue 19).
if TYPE_CHECKING:
    from gespreks_tui.appraisal_procedure import AppraisalState, AppraisalStep, Procedure
    from gespreks_tui.config_schema import Config
    from gespreks_tui.procedure_terms import ProcedureTerms
    from gespreks_tui.record import ConversationRecord

TEXT_MOST_CHARS = 10_000
NAME_MOST_CHARS = 200

# The running terms of every beoordeling whose procedure has not ended, as rows of
# ``DueMixin``'s shape (one query among its kinds, read in date order or counted).
# SQLite works out what ``procedure_of``/``Procedure.running_terms`` do in Python,
# per conversation once (``running`` is materialized):
# - besproken (concluded; its newest revision not handed over, no objection): the
#   provisional result, ``:provisional`` days after the day it ended;
# - voorlopig (the newest revision handed over): the objection term (the hand-over's
#   ``until``) and the final decision, ``:final`` days after that;
# - bezwaar (an objection recorded): the final decision, ``:final`` days after it.
# A day that is not a real YYYY-MM-DD gives no term (``date(x) = x``), as in Python.
# The conversations come from the partial index ``conversations_appraisals_ended``
# (migration 15: its terms written as it has them), read in one pass.
# ``tests/test_store_due.py`` checks these rows against ``running_terms``.
_RUNNING = """
with running as materialized (
    select c.id as conversation_id, c.ended_at, p.id as employee_id, p.name,
           (select max(revision) from minutes_revisions x where x.conversation_id = c.id)
               as latest,
           h.until, r.revision as handed_revision,
           (select s.at from appraisal_steps s where s.conversation_id = c.id
            and s.state = 'bezwaar') as objected_at
    from conversations c
    join people p on p.id = c.employee_id
    left join handovers h on h.id = (select h2.id from handovers h2
        join minutes_revisions r2 on r2.id = h2.revision_id
        where r2.conversation_id = c.id order by r2.revision desc limit 1)
    left join minutes_revisions r on r.id = h.revision_id
    where c.kind = 'beoordeling' and c.status in ('concluded', 'confirmed') {here} {only}
      and not exists (select 1 from appraisal_steps s where s.conversation_id = c.id
                      and s.state = 'definitief')
      and (c.ended_at >= :since or coalesce(h.handed_at, '') >= :since
           or exists (select 1 from appraisal_steps s where s.conversation_id = c.id))
),
terms as (
    select 'provisional' as due_kind, substr(ended_at, 1, 10) as day, :provisional as later,
           running.* from running
    where objected_at is null and (handed_revision is null or handed_revision != latest)
    union all
    select 'objection', substr(until, 1, 10), '+0 days', running.* from running
    where objected_at is null and handed_revision = latest
    union all
    select 'final', substr(coalesce(objected_at, until), 1, 10), :final, running.*
    from running where objected_at is not null or handed_revision = latest
)
select * from (
    select due_kind, date(day, later) as date, null as id, null as text, null as owner,
           conversation_id, null as collective_id, handed_revision as revision,
           'beoordeling' as kind, employee_id, name
    from terms where date(day) = day
) where date <= :limit
"""


# The state of each beoordeling among some conversations, as ``procedure_of`` derives
# it (final, objection, handed over on its newest revision, concluded, concept), in
# one query for a list (``appraisal_states``); ``tests/test_procedure_store.py``
# checks it against ``appraisal_state`` in every state.
_STATES = """
select c.id, case
    when exists (select 1 from appraisal_steps s where s.conversation_id = c.id
                 and s.state = 'definitief') then 'definitief'
    when exists (select 1 from appraisal_steps s where s.conversation_id = c.id
                 and s.state = 'bezwaar') then 'bezwaar'
    when c.status not in ('concluded', 'confirmed') then 'concept'
    when (select max(r.revision) from handovers h join minutes_revisions r
          on r.id = h.revision_id where r.conversation_id = c.id)
         = (select max(x.revision) from minutes_revisions x where x.conversation_id = c.id)
         then 'voorlopig'
    else 'besproken' end
from conversations c where c.kind = 'beoordeling' and c.id in ({ids})
"""


def _step(row: dict) -> AppraisalStep:
    from gespreks_tui.appraisal_procedure import AppraisalState, AppraisalStep

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
    _procedure_since: str | None = None  # read once (``procedure_since``)

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
        from gespreks_tui.appraisal_procedure import applies_to, procedure_of

        with self._snapshot():
            record = super().conversation_record(conversation_id)
            if not applies_to(record.conversation.kind):
                return record
            steps = tuple(self.appraisal_steps(conversation_id))
        return replace(record, procedure=procedure_of(
            record, steps, self.procedure_terms(), self.get_setting(MANAGER_SETTING) or "",
            self.procedure_since()))

    @locked
    def procedure_since(self) -> str:
        """When the procedure came to this database (migration 12 applied): older
        beoordelingen run no terms (``Procedure.before_procedure``). Read once: a
        migration is applied before the store opens and never changes after."""
        if self._procedure_since is None:
            row = self.db.execute(
                "select applied_at from migrations where version = 12").fetchone()
            self._procedure_since = row[0] if row else ""
        return self._procedure_since

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
    def appraisal_states(self, conversation_ids: list[int]) -> dict[int, AppraisalState]:
        """Conversation id -> procedure state for the beoordelingen among the ids (others
        are left out): one query for a whole list, the same states as ``appraisal_state``."""
        from gespreks_tui.appraisal_procedure import AppraisalState

        found: dict[int, AppraisalState] = {}
        for start in range(0, len(conversation_ids), 500):  # SQLite's variable limit
            chunk = conversation_ids[start:start + 500]
            sql = _STATES.format(ids=", ".join("?" * len(chunk)))
            found.update((cid, AppraisalState(state))
                         for cid, state in self.db.execute(sql, chunk).fetchall())
        return found

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
        from gespreks_tui.appraisal_procedure import refusal

        procedure = self.appraisal_procedure(conversation_id)
        why = refusal(procedure, step)
        if why is not None:
            raise StoreError(why, self.path, id=conversation_id,
                             state=Term(f"procedure.state.{procedure.state}"))
        return procedure

    def _insert(self, conversation_id: int, state: AppraisalState | None, by: str,
                text: str, agrees: bool | None) -> AppraisalStep:
        from gespreks_tui.appraisal_procedure import AppraisalStep

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
        from gespreks_tui.appraisal_procedure import AppraisalState

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
        from gespreks_tui.appraisal_procedure import AppraisalState

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
    def _due_kinds(self, params: dict) -> list[str]:
        """``DueMixin``'s kinds and the procedure's running terms (see ``_RUNNING``)."""
        terms = self.procedure_terms()
        params["provisional"] = f"+{int(terms.provisional_days)} days"
        params["final"] = f"+{int(terms.final_days)} days"
        params["since"] = self.procedure_since()
        return [*super()._due_kinds(params), _RUNNING]
