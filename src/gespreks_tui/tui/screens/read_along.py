"""Reading along with a meeting that another copy of the app has open.

That copy writes (notes, agreements, the timer); this one only shows, and
follows what is stored once a second: the phase, the notes of the phase and
mode on screen, the agreements and the time used. So a second window (the
employee's screen, say) can follow the meeting as it is typed, about a second
behind, without ever writing over it.
"""

from __future__ import annotations

from gespreks_tui.agenda import AgendaTimer
from gespreks_tui.db import StoreError


def follow(screen) -> None:
    """Bring ``screen`` (a read-only ``MeetingScreen``) up to what is stored now."""
    store = screen.app.store
    try:
        fresh = store.get_conversation(screen.conversation_id)
        texts = store.notes(fresh.id)
        agreements = store.agreements(fresh.id)
    except StoreError:
        return  # the other copy is writing, or the file is gone: try again next second
    phase_changed = fresh.current_phase != screen.timer.current
    screen.conversation = fresh
    screen.timer = AgendaTimer([p.planned_seconds for p in fresh.phases], screen.app.clock,
                               used=[p.used_seconds for p in fresh.phases],
                               current=fresh.current_phase, paused=True)
    if texts != screen.texts or phase_changed:
        screen.texts = texts
        screen.show_phase()  # loads the stored text of the phase and mode on screen
    if agreements != screen.shown_agreements:
        screen.show_agreements()
