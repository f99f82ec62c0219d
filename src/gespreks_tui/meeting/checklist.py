"""What concluding a meeting reminds of: the conclude dialog's checklist (issue 16).

Hints, not blockers: a conversation may end with them, the manager just sees
them once before it does. One line each:

- open agreements without an owner or a date;
- earlier agreements neither followed up nor done in between;
- in an appraisal, criteria without a score and no overall judgment (when the
  scale has one);
- goals set without steps, earlier goals whose progress was not recorded
  (``GoalWork.goal_reminders``).

``conclude_reminders`` reads the scores from the store after the saver has
written what is queued (store work: off the UI thread); the rest is what the
meeting holds. Textual-free, so the tests call it directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gespreks_tui.appraisal_scale import legacy_scale
from gespreks_tui.catalogue import t, tn
from gespreks_tui.meeting.follow_ups import FollowUps
from gespreks_tui.model import Agreement, AgreementStatus, Conversation
from gespreks_tui.model_records import Score

if TYPE_CHECKING:
    from gespreks_tui.meeting.meeting import Meeting


def agreement_reminders(agreements: list[Agreement], follow_ups: FollowUps) -> list[str]:
    """Open agreements without owner or date; earlier agreements neither followed up
    nor done in between."""
    still_open = [a for a in agreements if a.status != AgreementStatus.DONE]
    lines = []
    if n := sum(1 for a in still_open if not a.owner):
        lines.append(tn("conclude.no_owner", n))
    if n := sum(1 for a in still_open if not a.due_date):
        lines.append(tn("conclude.no_due", n))
    pending = [a for a in follow_ups.earlier
               if a.id not in follow_ups.done and a.id not in follow_ups.between]
    if pending:
        lines.append(tn("conclude.follow_ups", len(pending)))
    return lines


def score_reminders(conversation: Conversation, scores: list[Score],
                    overall: int | None) -> list[str]:
    """Criteria without a score; no overall judgment while the scale asks for one.
    A conversation without criteria (any kind but an appraisal, as a rule): none."""
    criteria = sum(len(phase.criteria) for phase in conversation.phases)
    if not criteria:
        return []
    scored = {s.position for s in scores if s.score is not None and s.position < criteria}
    lines = []
    if n := criteria - len(scored):
        lines.append(tn("conclude.unscored", n))
    scale = conversation.scale or legacy_scale(conversation.language)
    if scale.overall and overall is None:
        lines.append(t("conclude.no_overall"))
    return lines


def conclude_reminders(meeting: Meeting) -> list[str]:
    """Store work: the whole checklist of ``meeting``, scores as stored once the saver
    has written what was queued (a score chosen just now counts)."""
    meeting.saver.flush()
    store, c = meeting.store, meeting.conversation
    lines = agreement_reminders(meeting.agreements, meeting.follow_ups)
    if any(phase.criteria for phase in c.phases):
        lines += score_reminders(c, store.scores(c.id), store.overall(c.id)[0])
    return lines + meeting.goal_reminders()
