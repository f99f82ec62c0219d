"""The meeting screen's answers to the agreements pane's requests.

The pane posts what the user asked (tick, edit, delete, undo, follow up); the
meeting does the store work off the UI thread (``store_work``), and the pane
is redrawn from the meeting's lists when it is done. A form whose agreement
could not be stored opens again with what was typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gespreks_tui.catalogue import t
from gespreks_tui.model import Agreement, Outcome, Owner
from gespreks_tui.tui.gateway import StoreCalls
from gespreks_tui.tui.widgets.agreements_pane import AgreementsPane
from gespreks_tui.tui.widgets.fitted import shorten_at_word

if TYPE_CHECKING:
    from gespreks_tui.meeting import Meeting
    from gespreks_tui.tui.screens.agreement_form import AgreementInput


class MeetingAgreements(StoreCalls):
    """Mixed into ``MeetingScreen``: agreements and follow-ups.

    The handlers go by name (``on_agreements_pane_toggle``): see ``StoreCalls``.
    """

    meeting: Meeting
    conversation_id: int

    if TYPE_CHECKING:  # provided by MeetingScreen
        @property
        def agreements_pane(self) -> AgreementsPane: ...
        def show_agreements(self, keep: int | None = None) -> None: ...
        @property
        def lists_folded(self) -> bool: ...
        def has_class(self, *names: str) -> bool: ...

    def action_new_agreement(self) -> None:
        self.edit_agreement(None)

    def edit_agreement(self, agreement: Agreement | None, goal_id: int | None = None) -> None:
        """Open the agreement form (``None``: a new one); store what it returns.

        When the meeting has goals, the form asks which goal the agreement serves
        (starting at ``goal_id``, else the goal it serves now) and links it."""
        if self.meeting.read_only:
            return
        from gespreks_tui.tui.screens.agreement_form import AgreementForm

        goals = [(g.id, g.title) for g in self.meeting.goal_choices()]
        linked = agreement.goal_id if agreement else None

        def done(result: AgreementInput | None) -> None:
            if result is None:
                return
            m = self.meeting

            def retry(error: Exception) -> None:  # not stored: the form again, as typed
                self.show_store_error(error)
                again = Agreement(id=agreement.id if agreement else 0,
                                  conversation_id=self.conversation_id, text=result.text,
                                  owner=result.owner, due_date=result.due_date,
                                  goal_id=linked)
                self.app.call_later(self.edit_agreement, again, result.goal_id)

            def save() -> Agreement:
                saved = m.save_agreement(agreement, result.text, result.owner, result.due_date)
                if goals and result.goal_id != linked:
                    m.link_agreement(saved.id, result.goal_id)
                return saved

            def saved(stored: Agreement) -> None:
                self.show_agreements(keep=stored.id)
                if self.lists_folded and not self.has_class("lists-shown"):
                    # scoring at 80 columns: the list is out of sight, so say it
                    self.app.notify(t("agreements.saved_out_of_sight"), timeout=5,
                                    markup=False)

            self.store_work(save, then=saved, failed=retry)

        self.app.push_screen(AgreementForm(self.app.clock.today(), agreement,
                                           self.default_owner(), goals,
                                           goal_id if goal_id is not None else linked), done)

    def default_owner(self) -> Owner:
        """Who a new agreement is for: ``[kinds.<kind>] owner`` in the
        configuration file, else the employee."""
        from gespreks_tui import config
        from gespreks_tui.tui.screens.agreement_form import DEFAULT_OWNER

        configured = config.current().kind(self.meeting.conversation.kind).owner
        return Owner(configured) if configured else DEFAULT_OWNER

    def on_agreements_pane_edit(self, message: AgreementsPane.Edit) -> None:
        self.edit_agreement(message.agreement)

    def on_agreements_pane_toggle(self, message: AgreementsPane.Toggle) -> None:
        if self.meeting.read_only:
            return
        m, agreement = self.meeting, message.agreement
        self.store_work(lambda: m.toggle_agreement(agreement),
                         then=lambda saved: self.show_agreements(keep=saved.id))

    def on_agreements_pane_delete(self, message: AgreementsPane.Delete) -> None:
        if self.meeting.read_only:
            return
        m, agreement = self.meeting, message.agreement

        def deleted(gone: Agreement) -> None:
            self.show_agreements()
            # at a word with "…", never "lange om." (walk25 F27)
            self.app.notify(t("agreements.deleted_quoted", text=shorten_at_word(gone.text, 40)),
                            timeout=6, markup=False)

        self.store_work(lambda: m.delete_agreement(agreement), then=deleted)

    def on_agreements_pane_undo(self, message: AgreementsPane.Undo) -> None:
        if not self.meeting.can_undo:
            self.app.bell()
            return
        self.store_work(self.meeting.undo_delete, then=lambda restored: self.show_agreements(
            keep=restored.id if restored else None))

    def on_agreements_pane_follow_up_chosen(self, message: AgreementsPane.FollowUpChosen) -> None:
        if self.meeting.read_only:
            return
        m, agreement, outcome = self.meeting, message.agreement, message.outcome
        earlier = m.follow_ups.done.get(agreement.id)
        comment = earlier.comment if earlier else ""  # a key keeps a comment given before
        self.store_work(lambda: m.follow_up(agreement, outcome, comment),
                         then=lambda _: self.agreements_pane.show_follow_ups(m.follow_ups))

    def on_agreements_pane_follow_up_comment(self,
                                             message: AgreementsPane.FollowUpComment) -> None:
        """Outcome and an optional comment in a dialog (t or Enter on a follow-up)."""
        if self.meeting.read_only:
            return
        from gespreks_tui.tui.screens.follow_up_dialog import FollowUpDialog

        m, agreement = self.meeting, message.agreement
        given = m.follow_ups.done.get(agreement.id)

        def chosen(result: tuple[Outcome, str] | None) -> None:
            if result is None:
                return
            outcome, comment = result
            self.store_work(lambda: m.follow_up(agreement, outcome, comment),
                             then=lambda _: self.agreements_pane.show_follow_ups(m.follow_ups))

        self.app.push_screen(FollowUpDialog(agreement, given), chosen)
