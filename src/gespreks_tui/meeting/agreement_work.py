"""The meeting's agreements and follow-ups: store work, run off the UI thread.

Part of ``Meeting`` (a base class of it, kept apart to keep each file short).
Each method writes through the store and then replaces the list it changed, so
the UI thread, which reads those lists, never sees half an update.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gespreks_tui.meeting.follow_ups import FollowUps
from gespreks_tui.model import Agreement, AgreementStatus, FollowUp, Outcome, Owner
from gespreks_tui.store import Store


class AgreementWork:
    """Agreements made in the meeting, the undo stack, and follow-ups of earlier ones."""

    store: Store
    agreements: list[Agreement]
    follow_ups: FollowUps
    _deleted: list[Agreement]

    if TYPE_CHECKING:  # provided by Meeting
        @property
        def id(self) -> int: ...
        @property
        def read_only(self) -> bool: ...

    def _reload_agreements(self) -> None:
        self.agreements = self.store.agreements(self.id)

    def save_agreement(self, agreement: Agreement | None, text: str, owner: Owner | None,
                       due_date: str | None) -> Agreement:
        """Store work: add an agreement (``agreement`` None or id 0) or change one."""
        if agreement is None or agreement.id == 0:
            saved = self.store.add_agreement(self.id, text, owner, due_date)
        else:
            saved = self.store.update_agreement(agreement.id, text=text, owner=owner,
                                                due_date=due_date)
        self._reload_agreements()
        return saved

    def toggle_agreement(self, agreement: Agreement) -> Agreement:
        """Store work: tick an open agreement done, or a done one open again."""
        status = (AgreementStatus.OPEN if agreement.status == AgreementStatus.DONE
                  else AgreementStatus.DONE)
        saved = self.store.update_agreement(agreement.id, status=status)
        self._reload_agreements()
        return saved

    def delete_agreement(self, agreement: Agreement) -> Agreement:
        """Store work: delete an agreement; ``undo_delete`` brings it back."""
        self.store.delete_agreement(agreement.id)
        self._deleted = [*self._deleted, agreement]
        self._reload_agreements()
        return agreement

    @property
    def can_undo(self) -> bool:
        return bool(self._deleted) and not self.read_only

    def undo_delete(self) -> Agreement | None:
        """Store work: restore the last deleted agreement (None: nothing to undo)."""
        if not self._deleted:
            return None
        restored = self.store.restore_agreement(self._deleted[-1])
        self._deleted = self._deleted[:-1]
        self._reload_agreements()
        return restored

    def follow_up(self, agreement: Agreement, outcome: Outcome, comment: str = "") -> FollowUp:
        """Store work: record what became of an earlier agreement."""
        recorded = self.store.record_follow_up(agreement.id, self.id, outcome, comment)
        self.follow_ups = self.follow_ups.recorded(recorded)
        return recorded
