"""The store: a small, documented layer over sqlite-utils.

``Store.open(path)`` opens (and migrates) the one database file and keeps a
single connection for the life of the process. Every method is safe to call
from a worker thread; each returns dataclasses from ``gespreks_tui.model``.
"""

from gespreks_tui.db import StoreError
from gespreks_tui.store.agreements import AgreementsMixin
from gespreks_tui.store.appraisal import AppraisalMixin
from gespreks_tui.store.base import StoreBase
from gespreks_tui.store.conversations import ConversationsMixin
from gespreks_tui.store.cycle import CycleMixin
from gespreks_tui.store.minutes import MinutesMixin
from gespreks_tui.store.people import PeopleMixin
from gespreks_tui.store.privacy import PrivacyMixin


class Store(
    AgreementsMixin, AppraisalMixin, ConversationsMixin, CycleMixin, MinutesMixin, PeopleMixin,
    PrivacyMixin, StoreBase,
):
    """The database of one installation; see the mixins for the methods."""


__all__ = ["Store", "StoreError"]
