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
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from gespreks_tui.catalogue import t, tn
from gespreks_tui.cycle import due_what
from gespreks_tui.ics import Event
from gespreks_tui.model import DueItem, DueKind

DOMAIN = "gespreks-tui"


def due_uid(item: DueItem, token: str) -> str:
    """The stable UID of a due item (see the module)."""
    if item.kind == DueKind.AGREEMENT:
        thing = f"agreement-{item.agreement_id}"
    elif item.kind == DueKind.EVALUATION:
        thing = f"evaluation-employee-{item.employee_id}"
    else:  # a term of a conversation: reaction, provisional, objection, final
        thing = f"{item.kind}-{item.conversation_id}"
    return f"{thing}-{token}@{DOMAIN}"


def due_events(items: list[DueItem], token: str) -> list[Event]:
    """One all-day event per due item, on its day, in the current language."""
    return [Event(uid=due_uid(item, token),
                  summary=t("calendar.summary", what=due_what(item), employee=item.employee),
                  start=date.fromisoformat(item.date),
                  description=t("calendar.description", conversation=item.conversation_id),
                  categories=t(f"calendar.category.{item.kind}"))
            for item in items]


def invitation(employee: str, employee_id: int, kind: str, start: datetime, minutes: int,
               token: str, location: str = "") -> Event:
    """The event of a planned conversation; its UID is the employee, kind and day."""
    kind_word = t(f"kind.{kind}")
    return Event(
        uid=f"invite-{employee_id}-{kind}-{start.date().isoformat()}-{token}@{DOMAIN}",
        summary=t("invite.summary", kind=kind_word.capitalize(), employee=employee),
        start=start, end=start + timedelta(minutes=minutes),
        description=tn("invite.description", minutes, kind=kind_word, employee=employee,
                       minutes=minutes),
        location=location)
