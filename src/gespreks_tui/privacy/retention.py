"""The retention policy, and the plain results of erasing and purging.

Two rules, both kept in the ``settings`` table:

- ``retention.left_years`` (default 2): a person marked as having left
  (``people.left_on``) is erased entirely — like ``gespreks person erase`` —
  once this many years have passed since their last conversation or their
  leaving date, whichever is later (a person without conversations counts
  from the leaving date). A leaving date in the future keeps them.
- ``retention.max_age_years`` (default off): any conversation whose date
  (end, else start, else creation) is this many years old is removed, unless
  one of its agreements is still open (it is still being followed up; it is
  listed as kept).

A record is past retention *on* the day its period ends ("until").
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from datetime import date

from gespreks_tui.dates import add_months
from gespreks_tui.model import Kind, Person

LEFT_YEARS_SETTING = "retention.left_years"
MAX_AGE_SETTING = "retention.max_age_years"
DEFAULT_LEFT_YEARS = 2
OFF = "off"
MAX_YEARS = 100


def keep_until(start: date | str, years: int) -> date:
    """The first day past a period of ``years`` starting on ``start`` (29 Feb → 28 Feb)."""
    day = start if isinstance(start, date) else date.fromisoformat(str(start)[:10])
    return add_months(day, 12 * years)


def parse_years(text: str, allow_off: bool = False) -> int | None:
    """A number of years 0–100 (1–100 for a maximum age), or None for 'off'/'uit'.

    Raises ValueError for anything else.
    """
    value = text.strip().lower()
    if allow_off and value in ("off", "uit", "none", "geen"):
        return None
    if not value.isdigit():
        raise ValueError(text)
    years = int(value)
    if not (1 if allow_off else 0) <= years <= MAX_YEARS:
        raise ValueError(text)
    return years


@dataclass(frozen=True)
class RetentionPolicy:
    left_years: int = DEFAULT_LEFT_YEARS
    max_age_years: int | None = None

    @classmethod
    def from_settings(cls, left: str | None, max_age: str | None) -> RetentionPolicy:
        """Read the stored values; anything unreadable falls back to the safe default."""
        try:
            left_years = parse_years(left) if left else DEFAULT_LEFT_YEARS
        except ValueError:
            left_years = DEFAULT_LEFT_YEARS
        try:
            max_age_years = parse_years(max_age, allow_off=True) if max_age else None
        except ValueError:
            max_age_years = None
        return cls(left_years if left_years is not None else DEFAULT_LEFT_YEARS, max_age_years)

    def settings(self) -> dict[str, str]:
        return {LEFT_YEARS_SETTING: str(self.left_years),
                MAX_AGE_SETTING: str(self.max_age_years) if self.max_age_years else OFF}


@dataclass(frozen=True)
class LeftPerson:
    """A person marked as having left, with the day their data may be erased."""

    person: Person
    left_on: str
    last_conversation: str | None  # YYYY-MM-DD
    conversations: int
    until: date


@dataclass(frozen=True)
class OldConversation:
    """A conversation past the maximum age."""

    id: int
    kind: Kind
    date: str  # YYYY-MM-DD
    employee: str
    until: datetime.date  # not ``date``: in this class that name is the field above
    open_agreements: int = 0


@dataclass(frozen=True)
class Erasure:
    """What erasing one or more people (and conversations) removes or changes.

    ``removed`` counts rows per table (cascades included); ``as_manager`` the
    conversations kept with a neutral label instead of the manager's name;
    ``texts`` the other stored texts in which the name was replaced;
    ``settings`` the settings removed because they held the name.
    ``wal_cleared`` is None for a plan, else whether VACUUM and the WAL
    checkpoint left no old bytes behind (False: another program holds the
    database open).
    """

    people: tuple[Person, ...] = ()
    removed: dict[str, int] = field(default_factory=dict)
    as_manager: int = 0
    texts: int = 0
    settings: tuple[str, ...] = ()
    wal_cleared: bool | None = None

    @property
    def rows(self) -> int:
        return sum(self.removed.values())


@dataclass(frozen=True)
class PurgePlan:
    """Everything past retention on ``today``, and what removing it does."""

    today: date
    policy: RetentionPolicy
    people: tuple[LeftPerson, ...] = ()
    conversations: tuple[OldConversation, ...] = ()
    kept: tuple[OldConversation, ...] = ()   # past the maximum age, but with open agreements
    effect: Erasure = field(default_factory=Erasure)
    # per person erased: their mentions in other people's records, which a purge leaves
    # as they are (nobody reviewed them); filled for a dry run (``store.mentions``)
    mentions: dict[int, tuple] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.people and not self.conversations


@dataclass(frozen=True)
class StayingPerson:
    """A person not marked as having left: kept as long as they are not."""

    person: Person
    conversations: int
    open_agreements: int


@dataclass(frozen=True)
class RetentionOverview:
    """What the policy keeps on ``today`` and why (``gespreks retention``, ``purge --dry-run``).

    ``waiting``: people who left, kept until their ``until``; ``unreadable``:
    people whose leaving date cannot be read, kept until it is corrected;
    ``open_kept``: conversations past the maximum age, kept while an
    agreement is open; ``staying``: people not marked as having left, kept
    without end — all their conversations when there is no maximum age.
    """

    today: date
    policy: RetentionPolicy
    waiting: tuple[LeftPerson, ...] = ()
    unreadable: tuple[Person, ...] = ()
    open_kept: tuple[OldConversation, ...] = ()
    staying: tuple[StayingPerson, ...] = ()
