"""Prepared assessments: a beoordeling drafted before the meeting, then opened as it.

A draft is a conversation of kind beoordeling in status ``draft``. Its scores
are stored as any conversation's (``scores``, ``conversations.overall_*``), on
the scale the conversation stored when it was made. ``start_draft`` turns it
into the running meeting and copies the values into the ``draft_*`` columns
(migration 14, ``schema_drafts``): frozen there, they let the minutes say
what was "aangepast in het gesprek" (``minutes.draft_changes``), while the
meeting changes the ordinary columns. A draft left holding nothing is removed
(``drop_empty_draft``, walk25 F20): looking at the preparation leaves no
unfinished conversation behind.

Refused with one clear ``DraftError`` each, before anything is written: a
draft for someone who is not an employee (the manager, or someone who left),
a second draft for the same employee, a score off the scale, a conversation
that is not (or no longer) a draft.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from gespreks_tui.errors import Term
from gespreks_tui.model import Conversation, Kind, Status
from gespreks_tui.settings import MANAGER_SETTING, RESUME_SETTING
from gespreks_tui.store.base import locked
from gespreks_tui.store.revisions import RevisionsMixin

# ``draft_form`` and the record with its draft (``store.drafted_record``) are imported
# by the methods that use them: a start into a meeting needs neither (issue 19).
if TYPE_CHECKING:
    from gespreks_tui.agendas import AgendaTemplate
    from gespreks_tui.draft_form import Draft
    from gespreks_tui.record import ConversationRecord
    from gespreks_tui.store.drafted_record import FrozenDraft


# Anything in a draft besides its (empty) rows of criteria: then it is kept.
_CONTENT_SQL = (
    "select exists(select 1 from scores where conversation_id = :id "
    "and (score is not null or trim(comment) != '')) "
    "or exists(select 1 from notes n join phases p on p.id = n.phase_id "
    "where p.conversation_id = :id and trim(n.body) != '') "
    "or exists(select 1 from agreements where conversation_id = :id) "
    "or exists(select 1 from follow_ups where conversation_id = :id) "
    "or exists(select 1 from preparations where conversation_id = :id) "
    "or exists(select 1 from goals where conversation_id = :id) "
    "or exists(select 1 from goal_reviews where conversation_id = :id)")


class DraftsMixin(RevisionsMixin):
    @locked
    def open_draft(self, employee_id: int) -> Conversation | None:
        """The employee's draft not yet opened as a meeting, if there is one."""
        row = self.db.execute(
            "select id from conversations where employee_id = ? and kind = ? and status = ? "
            "order by id desc limit 1",
            [employee_id, str(Kind.BEOORDELING), str(Status.DRAFT)]).fetchone()
        return self.get_conversation(row[0]) if row else None

    def _person(self, person_id: int) -> tuple[str, str | None]:
        """(name, left on) of a person (people are ``PeopleMixin``'s; read here by id)."""
        from gespreks_tui.draft_form import DraftError

        row = self.db.execute("select name, left_on from people where id = ?",
                              [person_id]).fetchone()
        if row is None:
            raise DraftError("draft.no_person", id=person_id)
        return row[0], row[1]

    def _check_employee(self, employee_id: int, manager_id: int | None) -> None:
        from gespreks_tui.draft_form import DraftError

        name, left_on = self._person(employee_id)
        manager = self.get_setting(MANAGER_SETTING)
        if employee_id == manager_id or (manager and " ".join(manager.split()).casefold()
                                         == " ".join(name.split()).casefold()):
            raise DraftError("draft.not_employee", name=name)
        if left_on:
            raise DraftError("draft.has_left", name=name, date=left_on)
        existing = self.open_draft(employee_id)
        if existing is not None:
            raise DraftError("draft.exists", name=name, id=existing.id)

    @locked
    def create_draft(self, employee_id: int, agenda: AgendaTemplate,
                     manager_id: int | None = None, language: str = "nl",
                     total_minutes: int | None = None, draft: Draft | None = None
                     ) -> Conversation:
        """A new draft for ``employee_id`` on ``agenda`` (a beoordeling with criteria),
        with ``draft``'s values; refused (nothing stored) as the module's doc says."""
        from gespreks_tui.draft_form import DraftError

        if agenda.kind != Kind.BEOORDELING or not any(p.criteria for p in agenda.phases):
            raise DraftError("draft.no_criteria")
        with self.db.atomic():
            self._check_employee(employee_id, manager_id)
            made = self.create_conversation(employee_id, agenda,
                                            total_minutes or agenda.total_minutes,
                                            manager_id=manager_id, language=language)
            self.db.execute("update conversations set status = ?, started_at = null "
                            "where id = ?", [str(Status.DRAFT), made.id])
            if draft is not None:
                self._write_draft(made.id, draft)
        return self.get_conversation(made.id)

    def _write_draft(self, conversation_id: int, draft: Draft) -> None:
        from gespreks_tui.draft_form import DraftError, Entry, criteria_of

        c = self.get_conversation(conversation_id)
        if c.status != Status.DRAFT:
            raise DraftError("draft.not_a_draft", id=conversation_id)
        scale, criteria = self.scale(conversation_id), criteria_of(c)
        for position, entry in draft.scores.items():
            if not 0 <= position < len(criteria):
                raise DraftError("draft.form.unknown_criterion", criterion=str(position + 1),
                                 criteria=", ".join(x.name for x in criteria))
            if not scale.allows(entry.score):
                raise DraftError("draft.form.bad_score", criterion=criteria[position].name,
                                 value=entry.score, legend=scale.legend())
        if not scale.allows(draft.overall.score):
            raise DraftError("draft.form.bad_score", criterion=Term("scores.overall"),
                             value=draft.overall.score, legend=scale.legend())
        for position, criterion in enumerate(criteria):
            entry = draft.scores.get(position, Entry())
            self.save_score(conversation_id, position, criterion.name, entry.score,
                            entry.comment)
        self.save_overall(conversation_id, draft.overall.score, draft.overall.comment)

    @locked
    def save_draft_score(self, conversation_id: int, position: int, criterion: str,
                         score: int | None, comment: str) -> None:
        """One criterion of a draft (``position`` -1: the overall judgment), as typed."""
        from gespreks_tui.draft_form import DraftError

        with self.db.atomic():
            if self.get_conversation(conversation_id).status != Status.DRAFT:
                raise DraftError("draft.not_a_draft", id=conversation_id)
            if position < 0:
                self.save_overall(conversation_id, score, comment)
            else:
                self.save_score(conversation_id, position, criterion, score, comment)
                self.db.execute("update conversations set updated_at = ? where id = ?",
                                [self.now(), conversation_id])

    @locked
    def save_draft(self, conversation_id: int, draft: Draft) -> Conversation:
        """Replace a draft's values with ``draft`` (every criterion: all or nothing)."""
        with self.db.atomic():
            self._write_draft(conversation_id, draft)
        return self.get_conversation(conversation_id)

    @locked
    def draft_values(self, conversation_id: int) -> Draft:
        """The values stored now (of a draft: what the manager drafted)."""
        from gespreks_tui.draft_form import Draft, Entry

        score, comment = self.overall(conversation_id)
        return Draft({s.position: Entry(s.score, s.comment) for s in self.scores(conversation_id)
                      if s.score is not None or s.comment},
                     Entry(score, comment or ""))

    @locked
    def drop_empty_draft(self, conversation_id: int) -> bool:
        """Remove the draft if it holds nothing (walk25 F20); True: it was removed.

        Opening the preparation and leaving without scoring or writing anything
        leaves nothing behind: an empty draft is no unfinished conversation. A
        draft with any score, explanation, note, agreement or preparation stays,
        and so does anything that is no longer a draft.
        """
        with self.db.atomic():
            row = self.db.execute(
                "select status, overall_score, overall_comment from conversations "
                "where id = ?", [conversation_id]).fetchone()
            if (row is None or row[0] != str(Status.DRAFT) or row[1] is not None
                    or (row[2] or "").strip()):
                return False
            if self.db.execute(_CONTENT_SQL, {"id": conversation_id}).fetchone()[0]:
                return False
            self.db.execute("delete from conversations where id = ?", [conversation_id])
            self.db.execute("delete from settings where key = ? and value = ?",
                            [RESUME_SETTING, str(conversation_id)])
        return True

    @locked
    def start_draft(self, conversation_id: int) -> Conversation:
        """Open the draft as the meeting: status running, its values frozen beside."""
        from gespreks_tui.draft_form import DraftError

        now = self.now()
        with self.db.atomic():
            c = self.get_conversation(conversation_id)
            if c.status != Status.DRAFT:
                raise DraftError("draft.not_a_draft", id=conversation_id)
            self.db.execute("update scores set draft_score = score, draft_comment = comment "
                            "where conversation_id = ?", [conversation_id])
            self.db.execute(
                "update conversations set status = ?, started_at = ?, updated_at = ?, "
                "draft_overall_score = overall_score, draft_overall_comment = overall_comment, "
                "draft_frozen_at = ? where id = ?",
                [str(Status.RUNNING), now, now, now, conversation_id])
        return self.get_conversation(conversation_id)

    @locked
    def frozen_draft(self, conversation_id: int) -> FrozenDraft | None:
        """The draft a meeting started from, as it was then; None: it had none."""
        from gespreks_tui.draft_form import Draft, Entry
        from gespreks_tui.store.drafted_record import FrozenDraft

        row = self.db.execute(
            "select draft_frozen_at, draft_overall_score, draft_overall_comment "
            "from conversations where id = ?", [conversation_id]).fetchone()
        if row is None or row[0] is None:
            return None
        scores = {r["position"]: Entry(r["draft_score"], r["draft_comment"] or "")
                  for r in self._rows("select position, draft_score, draft_comment from scores "
                                      "where conversation_id = ?", [conversation_id])
                  if r["draft_score"] is not None or r["draft_comment"]}
        return FrozenDraft(Draft(scores, Entry(row[1], row[2] or "")), row[0],
                           self.scale(conversation_id))

    @locked
    def conversation_record(self, conversation_id: int) -> ConversationRecord:
        """The record (``RevisionsMixin``), with the draft it started from when it had one."""
        with self._snapshot():
            record = super().conversation_record(conversation_id)
            frozen = self.frozen_draft(conversation_id)
        if frozen is None:
            return record
        from gespreks_tui.store.drafted_record import DraftedRecord

        values = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
        return DraftedRecord(**values, draft=frozen)
