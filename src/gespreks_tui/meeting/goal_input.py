"""What the goal dialog gives the meeting, and what a conversation asks of goals.

``GoalInput`` is a goal as typed (the store's ``add_goal``/``update_goal`` take
its ``fields``); ``offered_prompts`` and ``scale_labels`` read what the
conversation's template decided: which prompts a goal answers, and the scale
a beoordeling judges on. Textual-free, like the rest of ``gespreks_tui.meeting``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gespreks_tui.goals import GOAL_PROMPTS, Goal, GoalKind
from gespreks_tui.model import Conversation, Owner
from gespreks_tui.store import Store

# What a goal is made of besides its kind and title: the fields ``GoalInput``
# carries and ``add_goal``/``update_goal`` take by name.
GOAL_FIELDS = ("what", "why", "who", "where", "how", "owner", "period_start", "period_end",
               "support")


@dataclass(frozen=True)
class GoalInput:
    """What the goal dialog returns: every field of a goal as typed."""

    title: str
    kind: GoalKind = GoalKind.RESULT
    owner: Owner = Owner.EMPLOYEE
    period_end: str | None = None
    support: str = ""
    answers: dict[str, str] = field(default_factory=dict)  # prompt ("what") -> answer

    def fields(self) -> dict[str, Any]:
        """Keyword arguments for ``add_goal``/``update_goal`` (kind and title apart)."""
        prompts = {p: self.answers.get(p, "").strip() for p in GOAL_PROMPTS}
        return {**prompts, "owner": self.owner, "period_end": self.period_end,
                "support": self.support.strip()}

    @classmethod
    def of(cls, goal: Goal) -> GoalInput:
        """A stored goal as the dialog's input (to edit it, or to show it again)."""
        return cls(goal.title, goal.kind, goal.owner, goal.period_end, goal.support,
                   {p: getattr(goal, p) for p in GOAL_PROMPTS})


def offered_prompts(store: Store, c: Conversation) -> tuple[str, ...]:
    """The goal prompts this conversation's template asks (empty: it sets no goals),
    stored with the conversation when it was created (``Store.offered_goal_prompts``:
    for a doelstellingengesprek stored before that, the built-in template's)."""
    return tuple(store.offered_goal_prompts(c.id))


def scale_labels(store: Store, conversation_id: int) -> tuple[str, ...]:
    """The labels of the conversation's scale, lowest first (value n is labels[n-1])."""
    return tuple(store.scale(conversation_id).labels)
