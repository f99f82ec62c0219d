"""Result types of store methods that the app's start does not call (issue 19: start-up).

A dataclass costs about half a millisecond to create at import; these three were
created with their store mixins on every start, where nothing reads them. The
methods that return them import them from here: ``CalendarThing``
(``store.calendar_history``), ``AccessRequest`` (``store.person_export``) and
``ErasurePlan`` (``store.privacy``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gespreks_tui.privacy.mentions import Mention
    from gespreks_tui.privacy.retention import Erasure


@dataclass(frozen=True)
class CalendarThing:
    """One thing that may have been a calendar event (see the module)."""

    key: str  # the UID without the database's token: "agreement-7", "final-3", ...
    kind: str  # a ``DueKind`` value
    date: str | None  # its last known day, when the store has one without the procedure
    employee_id: int
    employee: str
    conversation_id: int
    conversation_kind: str
    changed_at: str
    agreement_id: int | None = None
    text: str = ""
    revision: int | None = None  # a reaction term: the revision handed over



@dataclass(frozen=True)
class AccessRequest:
    """A request for access (AVG art. 15): due one month after it came in, two more at most."""

    id: int
    person_id: int
    name: str
    requested_on: str  # YYYY-MM-DD
    answered_on: str | None = None

    @property
    def due(self) -> date:
        from gespreks_tui.dates import add_months

        return add_months(date.fromisoformat(self.requested_on), 1)

    @property
    def extended(self) -> date:
        from gespreks_tui.dates import add_months

        return add_months(date.fromisoformat(self.requested_on), 3)



@dataclass(frozen=True)
class ErasurePlan:
    """What erasing one person does (``effect``, a dry run) and the mentions to decide on."""

    effect: Erasure
    mentions: tuple[Mention, ...] = ()

