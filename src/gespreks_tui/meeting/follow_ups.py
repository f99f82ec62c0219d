"""The earlier agreements a meeting follows up, and what became of each so far.

A meeting lists the employee's agreements from earlier conversations that were
still open when it started (and those followed up in it already, or done in
between), so keys 1–4 can record what happened to each.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gespreks_tui.model import Agreement, Conversation, FollowUp
from gespreks_tui.store import Store


@dataclass(frozen=True)
class FollowUps:
    earlier: tuple[Agreement, ...] = ()
    done: dict[int, FollowUp] = field(default_factory=dict)  # agreement id -> follow-up
    between: frozenset[int] = frozenset()  # agreement ids done between two conversations

    def recorded(self, follow_up: FollowUp) -> FollowUps:
        """These follow-ups with ``follow_up`` recorded (or replaced)."""
        return FollowUps(self.earlier, {**self.done, follow_up.agreement_id: follow_up},
                         self.between)


def load_follow_ups(store: Store, c: Conversation) -> FollowUps:
    """Read what conversation ``c`` follows up: open earlier agreements and their outcomes."""
    done = {f.agreement_id: f for f in store.follow_ups(c.id)}
    earlier = store.open_agreements_of(c.employee_id, before=c.id)
    known = {a.id for a in earlier}
    earlier += [store.get_agreement(i) for i in done if i not in known]
    between = store.agreements_done_between(c.employee_id, c.id)
    earlier += [a for a in between if a.id not in known and a.id not in done]
    ordered = sorted(earlier, key=lambda a: (a.conversation_id, a.position))
    return FollowUps(tuple(ordered), done, frozenset(a.id for a in between))
