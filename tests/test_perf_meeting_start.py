"""The meeting's start-up (issue 19, benchmark row 1): what it no longer does before
its first frame, and that what it does instead shows the same.

- the follow-ups read the agreements done in between without their trails
  (``Store.agreements_done_between``), so the trail types load when a trail is shown;
- the result types of store methods a start never calls (``store.records``) load with
  those methods;
- the scores panel loads with an appraisal's scoring phase, not with every meeting;
- the screen has its width's class (``-wide``) at its first layout, not one restyle later;
- a list of the agreements pane that scrolls has its scrollbar in the layout that
  gives it its share (``AgreementsPane._share``), not in two more after it.
"""

from __future__ import annotations

import json
import subprocess
import sys

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.demo import load_demo
from gespreks_tui.model import AgreementStatus, Kind, Outcome
from helpers import make_app, meeting, prepare
from test_import_hygiene import FIRST_FRAME_PROBE

DAY = 24 * 3600


def _joris_with_a_history(store, clock):
    """Joris: a first conversation with agreements that ended four ways, then a second."""
    joris = store.add_person("Joris Bakker")
    first = store.create_conversation(joris.id, builtin_agenda(Kind.DOELSTELLING), 45)
    course = store.add_agreement(first.id, "Cursus Excel afronden", "employee")
    portal = store.add_agreement(first.id, "Portaal live", "employee")
    ticked = store.add_agreement(first.id, "Verslag rondsturen", "manager")
    talk = store.add_agreement(first.id, "Presentatie op de afdelingsdag", "employee")
    store.update_agreement(ticked.id, status=AgreementStatus.DONE)  # in its own meeting
    store.conclude(first.id, None)
    clock.advance(DAY)
    between = store.create_conversation(joris.id, builtin_agenda(Kind.VOORTGANG), 45)
    store.record_follow_up(portal.id, between.id, Outcome.CARRIED_ON)
    store.record_follow_up(talk.id, between.id, Outcome.ACHIEVED)
    store.conclude(between.id, None)
    clock.advance(DAY)
    store.mark_done_between(course.id, "Certificaat gehaald")
    store.mark_done_between(portal.id)  # carried on first, then done in between
    clock.advance(DAY)
    second = store.create_conversation(joris.id, builtin_agenda(Kind.VOORTGANG), 45)
    return joris, second, {"course": course.id, "portal": portal.id}


def test_agreements_done_between_are_those_of_the_trails(store, clock):
    joris, second, done = _joris_with_a_history(store, clock)
    with_trails = [h.agreement for h in store.done_between_of(joris.id, second.id)]
    assert [a.id for a in with_trails] == [done["course"], done["portal"]]  # not ticked, talk
    assert store.agreements_done_between(joris.id, second.id) == with_trails
    later = store.create_conversation(joris.id, builtin_agenda(Kind.VOORTGANG), 45)
    assert store.done_between_of(joris.id, later.id) == []  # shown once, in the next one
    assert store.agreements_done_between(joris.id, later.id) == []


def test_the_first_meeting_frame_loads_neither_trails_nor_scores(tmp_path):
    """A start straight into a running meeting (not an appraisal) that follows up an
    agreement done in between: its first frame has not imported the trail types or
    the scores panel."""
    from gespreks_tui.store import Store

    db = tmp_path / "g.db"
    store = Store.open(db)  # the real clock, as the probe's app has
    try:
        store.set_setting("manager.name", "Sanne de Vries")
        person = store.add_person("Joris Bakker")
        first = store.create_conversation(person.id, builtin_agenda(Kind.VOORTGANG), 45)
        agreement = store.add_agreement(first.id, "Cursus plannen", "employee")
        store.conclude(first.id, None)
        store.mark_done_between(agreement.id)
        second = store.create_conversation(person.id, builtin_agenda(Kind.VOORTGANG), 45)
        store.remember_open_meeting(second.id)
    finally:
        store.close()
    done = subprocess.run([sys.executable, "-c", FIRST_FRAME_PROBE, str(db)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["screen"] == "MeetingScreen"
    loaded = set(seen["loaded"])
    assert "gespreks_tui.meeting.follow_ups" in loaded  # the probe saw the follow-ups read
    assert sorted(loaded & {"gespreks_tui.model_cycle", "gespreks_tui.tui.widgets.scores_panel",
                            "gespreks_tui.tui.widgets.score_widgets",
                            "gespreks_tui.store.records"}) == []


async def test_the_meeting_has_its_width_class_at_its_first_layout(store, clock):
    load_demo(store)
    prepare(store)
    person = store.find_person("Joris Bakker").id
    conversation = store.create_conversation(person, builtin_agenda(Kind.VOORTGANG), 45)
    classes: list[set[str]] = []
    async with make_app(store, clock).run_test(size=(120, 40)) as pilot:
        app = pilot.app

        def screen_changed(screen) -> None:
            screen.screen_layout_refresh_signal.subscribe(
                app, lambda laid_out: classes.append(set(laid_out.classes)), immediate=True)

        app.screen_change_signal.subscribe(app, screen_changed, immediate=True)
        app.open_meeting(conversation.id)
        await pilot.pause()
        screen = meeting(app)
        assert classes and "-wide" in classes[0] and not {"-narrow", "-wider"} & classes[0]
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen.has_class("-narrow") and not screen.has_class("-wide")  # kept by Textual


async def test_a_shared_list_that_scrolls_shows_its_scrollbar(store, clock):
    """Joris (demo) at 80x24 has more follow-ups than fit: each list that scrolls shows
    its scrollbar, and one whose entries fit in its share shows none."""
    load_demo(store)
    prepare(store)
    person = store.find_person("Joris Bakker").id
    conversation = store.create_conversation(person, builtin_agenda(Kind.VOORTGANG), 45)
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        pilot.app.open_meeting(conversation.id)
        await pilot.pause()
        await pilot.pause()
        pane = meeting(pilot.app).agreements_pane
        for listing in (pane.agreement_list, pane.follow_up_list):
            if not listing.display:
                continue
            scrolls = listing.virtual_size.height > listing.scrollable_content_region.height
            assert listing.show_vertical_scrollbar == scrolls
            assert listing.vertical_scrollbar.display == scrolls
        assert pane.follow_up_list.show_vertical_scrollbar  # the case this is about
