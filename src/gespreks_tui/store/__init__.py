"""The store: a small, documented layer over sqlite-utils.

``Store.open(path)`` opens (and migrates) the one database file and keeps its
connections for the life of the process: one for the thread that opened it,
one shared by every other thread (see ``base``). Every method is safe to call
from a worker thread; each returns dataclasses from ``gespreks_tui.model``.

One mixin per module, each with what its name says (see ``Store`` for how they
derive from each other):

- ``base``: opening, closing, locking, settings (``StoreBase``);
- ``people``, ``conversations``, ``minutes``, ``appraisal``: the records of a
  conversation; ``revisions``: a conversation as one record for its minutes;
  ``agreements``: agreements and their follow-ups;
- goals (issue 20), each mixin deriving from the one before: ``goal_reads``
  (reading goals), ``goal_steps`` (their steps), ``goals`` (setting goals),
  ``goal_reviews`` (their reviews and judgments later, the goals a
  conversation follows up, and the agreements that serve them);
- ``appraisal_procedure``: a beoordeling's procedure (states, terms, second
  assessor) and its running terms in ``due``; ``calendar_history``: what a
  calendar file may have held (for cancelled events);
- across the cycle: ``agreement_trails`` (trails, done in between),
  ``collectives`` (collective agreements), ``due`` (what is due);
- ``housekeeping``: correcting typos and mistakes (rename, remove, discard);
- personnel data rights: ``person_export`` (everything about one person),
  ``privacy`` (erasing a person), ``retention`` (who left, the policy, the
  purge), ``secure_delete`` (the transaction they share, and ``compact``);
- helpers without a mixin: ``days`` (dates as stored), ``tables`` (every
  table, its columns, its row count).
"""

from gespreks_tui.db import StoreError
from gespreks_tui.store.agreement_trails import AgreementTrailsMixin
from gespreks_tui.store.agreements import AgreementsMixin
from gespreks_tui.store.appraisal import AppraisalMixin
from gespreks_tui.store.appraisal_procedure import ProcedureMixin
from gespreks_tui.store.base import StoreBase
from gespreks_tui.store.calendar_history import CalendarHistoryMixin
from gespreks_tui.store.collectives import CollectivesMixin
from gespreks_tui.store.conversations import ConversationsMixin
from gespreks_tui.store.drafts import DraftsMixin
from gespreks_tui.store.due import DueMixin
from gespreks_tui.store.goal_reviews import GoalReviewsMixin
from gespreks_tui.store.goals import GoalsMixin
from gespreks_tui.store.housekeeping import HousekeepingMixin
from gespreks_tui.store.minutes import MinutesMixin
from gespreks_tui.store.people import PeopleMixin
from gespreks_tui.store.person_export import PersonExportMixin
from gespreks_tui.store.privacy import ErasureMixin
from gespreks_tui.store.retention import RetentionMixin
from gespreks_tui.store.revisions import RevisionsMixin
from gespreks_tui.store.secure_delete import SecureDeleteMixin


# Every mixin derives from ``StoreBase`` or from the mixins whose methods it calls
# (``ConversationsMixin(CollectivesMixin)``, ``RetentionMixin(ErasureMixin, ...)``),
# so a type checker can follow each ``self.method`` call. A mixin is listed here
# before every mixin it derives from, as Python's method order requires.
class Store(
    ProcedureMixin, DraftsMixin, HousekeepingMixin, MinutesMixin, RevisionsMixin, RetentionMixin, ErasureMixin,
    PersonExportMixin, ConversationsMixin, CollectivesMixin, AgreementTrailsMixin, AgreementsMixin, PeopleMixin,
    SecureDeleteMixin, AppraisalMixin, GoalReviewsMixin, GoalsMixin, CalendarHistoryMixin, DueMixin, StoreBase,
):
    """The database of one installation; see the mixins for the methods."""


__all__ = ["Store", "StoreError"]
