"""Demo data: a small team with a year of history for one employee.

Joris's goals (``demo_goals``): set in the first conversation, reviewed in the second.

``load_demo(store)`` adds it once; running it again adds nothing.
"""

from __future__ import annotations

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.demo_goals import review_demo_goals, set_demo_goals
from gespreks_tui.model import AgreementStatus, Kind, Outcome, Visibility

DEMO_SETTING = "demo.loaded"
MANAGER = "Sanne de Vries"
EMPLOYEES = ("Joris Bakker", "Aylin Yılmaz", "Pieter Jansen")


def _timed(store, conversation_id: int, start: str, end: str, used: list[int], nxt: str):
    store.db.execute(
        "update conversations set created_at = ?, started_at = ?, updated_at = ?, "
        "ended_at = ? where id = ?", [start, start, end, end, conversation_id])
    store.save_timer(conversation_id, len(used) - 1, True, dict(enumerate(used)))
    store.conclude(conversation_id, nxt)
    store.db.execute("update conversations set ended_at = ?, updated_at = ? where id = ?",
                     [end, end, conversation_id])


def load_demo(store) -> bool:
    """Add the demo team; return False when it was already there."""
    if store.get_setting(DEMO_SETTING):
        return False
    with store.db.atomic():
        manager = store.add_person(MANAGER)
        joris, *_ = (store.add_person(name) for name in EMPLOYEES)

        goals = store.create_conversation(joris.id, builtin_agenda(Kind.DOELSTELLING), 60,
                                          manager_id=manager.id)
        store.save_note(goals.id, 0, Visibility.SHARED,
                        "Joris wil dit jaar het nieuwe klantportaal live brengen.\n"
                        "Succes = minstens 200 actieve gebruikers binnen drie maanden.")
        store.save_note(goals.id, 1, Visibility.SHARED,
                        "Plannen en overzicht houden over meerdere teams is nog lastig.\n"
                        "Een cursus projectmanagement zou helpen.")
        store.save_note(goals.id, 1, Visibility.PRIVATE,
                        "Joris noemde dat de thuissituatie zwaar is; in de gaten houden.")
        course = store.add_agreement(goals.id, "Cursus projectmanagement afronden met certificaat",
                                     "employee", "2026-06-01")
        portal = store.add_agreement(
            goals.id, "Klantportaal live met minstens 200 actieve gebruikers", "employee",
            "2026-10-01")
        monthly = store.add_agreement(goals.id, "Elke maand een één-op-één inplannen",
                                      "manager", "2026-02-01")
        portal_goal, _support, growth = set_demo_goals(store, goals.id, (course, portal, monthly))
        _timed(store, goals.id, "2026-01-14T09:00:00+00:00", "2026-01-14T10:04:00+00:00",
               [1260, 900, 960, 720], "2026-06-10")

        progress = store.create_conversation(joris.id, builtin_agenda(Kind.VOORTGANG), 45,
                                             manager_id=manager.id)
        store.record_follow_up(course.id, progress.id, Outcome.ACHIEVED, "Certificaat in mei")
        store.record_follow_up(portal.id, progress.id, Outcome.CARRIED_ON,
                               "Livegang verschoven naar oktober door de leverancier")
        store.record_follow_up(monthly.id, progress.id, Outcome.ACHIEVED)
        store.save_note(progress.id, 0, Visibility.SHARED,
                        "De cursus is afgerond. Het portaal loopt vertraging op bij de "
                        "leverancier; Joris heeft dat goed opgevangen met een tussenversie.")
        store.save_note(progress.id, 1, Visibility.SHARED,
                        "Joris wil doorgroeien naar een rol als technisch projectleider.")
        store.save_note(progress.id, 1, Visibility.PRIVATE,
                        "Mogelijk kandidaat voor de vacature projectleider in 2027.")
        store.save_note(progress.id, 2, Visibility.SHARED,
                        "Afspraken hieronder; volgende keer kijken we naar de livegang.")
        store.add_agreement(progress.id, "Twee collega's inwerken in het beheer van het portaal",
                            "both", "2026-09-30")
        talk = store.add_agreement(progress.id, "Presentatie over het portaal op de afdelingsdag",
                                   "employee", "2026-07-03")
        store.update_agreement(talk.id, status=AgreementStatus.DONE)
        store.db.execute("update agreements set done_at = ?, updated_at = ? where id = ?",
                         ["2026-06-10T12:40:00+00:00", "2026-06-10T12:40:00+00:00", talk.id])
        review_demo_goals(store, progress.id, (portal_goal, _support, growth),
                          "2026-06-10T12:30:00+00:00")
        _timed(store, progress.id, "2026-06-10T12:00:00+00:00", "2026-06-10T12:48:00+00:00",
               [1320, 960, 600], "2026-12-10")
        store.set_setting(DEMO_SETTING, "1")
    return True
