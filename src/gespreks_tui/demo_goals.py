"""The demo's goals (issue 20): the cycle with goals, for ``gespreks demo``.

Joris's doelstellingengesprek sets two result goals and one development goal
with steps (the development goal with agreed support, the POP's); the
agreements of that conversation are linked to the goals they serve. The
voortgangsgesprek reviews all three and ticks the steps that were done.
Every moment is fixed, so the demo's minutes are the same on every machine.
"""

from __future__ import annotations

from gespreks_tui.goals import Goal, GoalKind, GoalProgress
from gespreks_tui.model import Agreement

PERIOD = {"period_start": "2026-01-01", "period_end": "2026-12-31"}


def set_demo_goals(store, conversation_id: int,
                   agreements: tuple[Agreement, Agreement, Agreement]) -> tuple[Goal, Goal, Goal]:
    """The three goals of the doelstellingengesprek (still running); returns them."""
    course, portal, monthly = agreements
    live = store.add_goal(
        conversation_id, GoalKind.RESULT, "Klantportaal live met minstens 200 actieve gebruikers",
        what="Het nieuwe klantportaal is in gebruik bij klanten.",
        why="Klanten regelen hun zaken zelf; de servicedesk krijgt minder telefoontjes.",
        who="Het portaalteam en de leverancier.", where="Afdeling Digitale Dienstverlening.",
        how="In twee releases, met eerst een proef bij tien klanten.", **PERIOD)
    store.add_step(live.id, "Proef met tien klanten", "2026-04-01")
    store.add_step(live.id, "Livegang voor alle klanten", "2026-10-01")
    support = store.add_goal(
        conversation_id, GoalKind.RESULT, "Supportvragen binnen twee werkdagen beantwoord",
        what="De doorlooptijd van supportvragen is terug op twee werkdagen.",
        why="Klanten wachten nu soms een week.", how="Elke week de openstaande vragen "
        "doorlopen en de oudste eerst oppakken.", **PERIOD)
    store.add_step(support.id, "Wekelijks overzicht van openstaande vragen", "2026-03-01")
    growth = store.add_goal(
        conversation_id, GoalKind.DEVELOPMENT, "Groeien naar technisch projectleider",
        what="Zelfstandig een project met meerdere teams leiden.",
        why="Joris wil doorgroeien en het team heeft een projectleider nodig.",
        who="De leidinggevende als coach.", how="Een cursus, dan een deelproject leiden.",
        support="Opleidingsbudget voor de cursus; maandelijks een coachgesprek.", **PERIOD)
    for text, due in (("Cursus projectmanagement afronden", "2026-06-01"),
                      ("Een deelproject zelfstandig leiden", "2026-09-30"),
                      ("Terugblik op het deelproject", "2026-11-30")):
        store.add_step(growth.id, text, due)
    store.link_agreement(course.id, growth.id)
    store.link_agreement(monthly.id, growth.id)
    store.link_agreement(portal.id, live.id)
    return store.get_goal(live.id), store.get_goal(support.id), store.get_goal(growth.id)


def review_demo_goals(store, conversation_id: int, goals: tuple[Goal, Goal, Goal],
                      at: str) -> None:
    """The voortgangsgesprek's progress on the three goals, recorded at ``at``."""
    live, support, growth = goals
    store.review_goal(conversation_id, live.id, GoalProgress.BEHIND,
                      "De proef is gehaald; de livegang schuift door de leverancier naar oktober.")
    store.tick_step(live.steps[0].id, conversation_id, True)
    store.review_goal(conversation_id, support.id, GoalProgress.ON_TRACK,
                      "Nu gemiddeld tweeënhalve werkdag.")
    store.tick_step(support.steps[0].id, conversation_id, True)
    store.review_goal(conversation_id, growth.id, GoalProgress.ON_TRACK,
                      "Cursus afgerond met certificaat.")
    store.tick_step(growth.steps[0].id, conversation_id, True)
    ids = [g.id for g in goals]
    marks = ", ".join("?" * len(ids))
    created = "2026-01-14T09:30:00+00:00"  # during the doelstellingengesprek
    db = store.db
    db.execute(f"update goals set created_at = ?, updated_at = ? where id in ({marks})",
               [created, created, *ids])
    db.execute(f"update goal_steps set created_at = ?, updated_at = ? where goal_id in ({marks})",
               [created, created, *ids])
    db.execute("update goal_steps set done_at = ?, updated_at = ? where done_in = ?",
               [at, at, conversation_id])
    db.execute("update goal_reviews set created_at = ?, updated_at = ? where conversation_id = ?",
               [at, at, conversation_id])
