"""What goes into a calendar file: running terms as all-day events, and an invitation.

``due_events`` turns ``store.due`` items (agreements, next evaluations,
reaction terms and the appraisal procedure's terms) into all-day events;
``invitation`` makes the event of a planned conversation. ``ics.calendar``
writes them.

A UID names what the event is about, never its date, so a calendar program
that imports a newer file updates the event instead of adding one: an
agreement by its number, the next evaluation by the employee (it moves with
each conversation), a term by its conversation. ``token`` (a random name of
the database, ``store.calendar_token``) keeps two databases' events apart.

A calendar program keeps what it imported, so ``calendar_file`` also writes,
as cancelled (``STATUS:CANCELLED``), the events of things that ended in the
last ``CANCEL_DAYS``: an agreement done or dropped, a term that ended because
the procedure moved on (provisional result handed over, objection made, final
made), minutes confirmed or revised, a next evaluation no longer planned,
an employee who left. What ended is derived from the store
(``store.calendar_things``), never from a record of earlier files: a thing
that may have been an event and is not running now. A term that merely
passed its day stays as it was. ``SEQUENCE`` is the number of seconds from
2020 to the thing's last stored change, so it grows with every change; a
cancellation adds one, so it is higher than the last event sent even when
the change that ended it carries an earlier day (leaving as of yesterday).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from gespreks_tui.catalogue import t, tn
from gespreks_tui.cycle import due_what
from gespreks_tui.db import StoreError
from gespreks_tui.ics import Event
from gespreks_tui.model import DueItem, DueKind, Kind

if TYPE_CHECKING:
    from gespreks_tui.store import Store
    from gespreks_tui.store.records import CalendarThing

DOMAIN = "gespreks-tui"
CANCEL_DAYS = 366  # how long an ended thing is still sent as cancelled
EVERYTHING_DAYS = 365 * 100  # ``due`` without a window: what runs at all
_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


def due_key(item: DueItem) -> str:
    """What a due item is about, as ``store.calendar_things`` keys it."""
    if item.kind == DueKind.AGREEMENT:
        return f"agreement-{item.agreement_id}"
    if item.kind == DueKind.EVALUATION:
        return f"evaluation-employee-{item.employee_id}"
    if item.kind == DueKind.GOAL_STEP:
        return f"goal-step-{item.step_id}"
    return f"{item.kind}-{item.conversation_id}"  # a term: reaction, provisional, ...


def due_uid(item: DueItem, token: str) -> str:
    """The stable UID of a due item (see the module)."""
    return f"{due_key(item)}-{token}@{DOMAIN}"


def sequence(changed_at: str | None) -> int:
    """SEQUENCE from a stored moment or day: seconds since 2020, 0 when unreadable."""
    try:
        moment = datetime.fromisoformat(changed_at or "")
    except ValueError:
        return 0
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0, int((moment - _EPOCH).total_seconds()))


def _event(item: DueItem, token: str, seq: int = 0, cancelled: bool = False) -> Event:
    return Event(uid=due_uid(item, token),
                 summary=t("calendar.summary", what=due_what(item), employee=item.employee),
                 start=date.fromisoformat(item.date),
                 description=t("calendar.description", conversation=item.conversation_id),
                 categories=t(f"calendar.category.{item.kind}"), sequence=seq,
                 cancelled=cancelled)


def due_events(items: list[DueItem], token: str,
               changed: dict[str, str] | None = None) -> list[Event]:
    """One all-day event per due item, on its day, in the current language;
    ``changed`` (key: last change) gives each its SEQUENCE."""
    changed = changed or {}
    return [_event(item, token, sequence(changed.get(due_key(item)))) for item in items]


def _ended_day(store: Store, thing: CalendarThing) -> str | None:
    """The last day a thing had: stored, or (a beoordeling's term) from its procedure."""
    if thing.date or thing.kind not in ("provisional", "final"):
        return thing.date
    try:
        procedure = store.appraisal_procedure(thing.conversation_id)
    except StoreError:  # a day for a cancelled event, never a failure
        return None
    day = procedure.provisional_due if thing.kind == "provisional" else procedure.final_due
    return day.isoformat() if day else None


def cancelled_items(store: Store, today: date, running: set[str],
                    things: list[CalendarThing]) -> list[tuple[DueItem, str]]:
    """The ``things`` that ended in the last ``CANCEL_DAYS`` (see the module), each with
    its last change; ``running`` are the keys of everything ``due`` lists, any date."""
    since = (today - timedelta(days=CANCEL_DAYS)).isoformat()
    found = []
    for thing in things:
        if thing.key in running or thing.changed_at < since:
            continue
        day = _ended_day(store, thing) or thing.changed_at[:10]
        if thing.kind == DueKind.REACTION and day < today.isoformat():
            continue  # passed its day: the event stays as it was
        try:
            when = date.fromisoformat(day)
        except ValueError:
            continue
        found.append((DueItem(
            kind=DueKind(thing.kind), date=when.isoformat(), employee_id=thing.employee_id,
            employee=thing.employee, conversation_id=thing.conversation_id,
            conversation_kind=Kind(thing.conversation_kind), overdue=when < today,
            days=(when - today).days, text=thing.text, agreement_id=thing.agreement_id,
            revision=thing.revision), thing.changed_at))
    return found


def _calendared(items: list[DueItem]) -> list[DueItem]:
    """The due items a calendar file holds: not a goal's steps (``due`` lists them), as
    nothing yet sends a ticked step's event again as cancelled, and an event a calendar
    program imported stays until a newer file cancels it."""
    return [item for item in items if item.kind != DueKind.GOAL_STEP]


def calendar_file(store: Store, today: date, within_days: int,
                  employee_id: int | None = None) -> tuple[list[Event], int]:
    """The events of ``gespreks calendar``: the running ones within the window, then
    the cancelled ones; and how many are running."""
    token = store.calendar_token()
    items = _calendared(store.due(today, within_days, employee_id))
    running = {due_key(item) for item in store.due(today, EVERYTHING_DAYS, employee_id)}
    since = (today - timedelta(days=CANCEL_DAYS)).isoformat()
    things = store.calendar_things(today.isoformat(), since, employee_id)
    events = due_events(items, token, {thing.key: thing.changed_at for thing in things})
    events += [_event(item, token, sequence(at) + 1, cancelled=True)
               for item, at in cancelled_items(store, today, running, things)]
    return events, len(items)


def invitation(employee: str, employee_id: int, kind: str, start: datetime, minutes: int,
               token: str, location: str = "", written: datetime | None = None) -> Event:
    """The event of a planned conversation; its UID is the employee, kind and day, its
    SEQUENCE the moment it is ``written``, so a newer invitation (another time) wins.
    The summary names the kind as the organisation does (``kind_names``): the UID keeps
    the identifier, so a renamed kind still replaces the same invitation."""
    from gespreks_tui.kind_names import kind_name, kind_title

    kind_word = kind_name(kind)  # the organisation's own word when it chose one
    return Event(
        uid=f"invite-{employee_id}-{kind}-{start.date().isoformat()}-{token}@{DOMAIN}",
        summary=t("invite.summary", kind=kind_title(kind), employee=employee),
        start=start, end=start + timedelta(minutes=minutes),
        description=tn("invite.description", minutes, kind=kind_word, employee=employee,
                       minutes=minutes),
        location=location, sequence=sequence(written.isoformat()) if written else 0)
