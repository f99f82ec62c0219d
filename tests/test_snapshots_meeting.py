"""Snapshots of the meeting screen and its dialogs at 80x24 and 120x40 (pytest-textual-snapshot).

A voortgangsgesprek with five agreements and four earlier ones to follow up,
the appraisal's scoring phase, a concluded (read-only) conversation, private
notes, the agreement form and the conclude dialog. Update after an intended
visual change with ``pytest tests/test_snapshots_meeting.py --snapshot-update``
and look at every SVG (as PNG: ``rsvg-convert``) before committing them.
"""

from __future__ import annotations

import time

import pytest
from textual.widgets import Input

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.demo import load_demo
from gespreks_tui.model import Kind, Outcome
from gespreks_tui.tui.widgets.score_comment import CommentArea
from helpers import make_app, meeting, prepare

SIZES = [(80, 24), (120, 40)]
IDS = [f"{w}x{h}" for w, h in SIZES]

AGREEMENTS = [
    ("Budget voor opleiding aanvragen bij afdeling HR", "employee", "2027-03-31"),
    ("Cursus Excel afronden met certificaat", "employee", "2027-03-01"),
    ("Elke week een kort overleg over de planning", "manager", None),
    ("Beter communiceren", None, None),
    ("Handleiding voor het klantportaal schrijven en delen met het team", "both", "2027-05-15"),
]


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def team_app(store, clock):
    """The demo team, and one more concluded conversation with Joris: four to follow up."""
    load_demo(store)
    prepare(store)
    joris = store.find_person("Joris Bakker")
    earlier = store.create_conversation(joris.id, builtin_agenda(Kind.VOORTGANG), 45)
    store.add_agreement(earlier.id, "Rapportage over het portaalgebruik maandelijks versturen",
                        "employee", "2026-10-15")
    store.add_agreement(earlier.id, "Opleidingsplan voor 2027 opstellen")
    store.conclude(earlier.id, "2027-01-15")
    return make_app(store, clock)


async def open_meeting(pilot, kind: str | None = None):
    """Joris's new conversation, the time 1 minute on, no toasts, no blinking cursor."""
    await pilot.pause()
    pilot.app.screen.query_one("#people-list").highlighted = 1
    if kind:
        await pilot.click(f"#kind-{kind}")
    await pilot.press("ctrl+s")
    await pilot.pause()
    return meeting(pilot.app)


async def with_agreements(pilot, clock):
    screen = await open_meeting(pilot)
    m = screen.meeting
    for text, owner, due in AGREEMENTS:
        m.save_agreement(None, text, owner, due)
    m.toggle_agreement(m.agreements[1])
    portal = m.follow_ups.earlier[0]
    m.follow_up(portal, Outcome.CARRIED_ON, "Livegang in januari")
    screen.show_agreements()
    screen.agreements_pane.show_follow_ups(m.follow_ups)
    clock.advance(60)
    return screen


async def settle(pilot, screen) -> None:
    """Tick, drop toasts and cursor blinking: the same picture on every run."""
    screen.save_all()
    screen.tick()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    screen.text_area.cursor_blink = False
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_progress_meeting_with_agreements_and_follow_ups(snap_compare, team_app, clock, size):
    async def run(pilot):
        screen = await with_agreements(pilot, clock)
        await pilot.press("f4", "down")  # the second agreement highlighted, the list in focus
        await settle(pilot, screen)

    assert snap_compare(team_app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_follow_ups_in_focus(snap_compare, team_app, clock, size):
    async def run(pilot):
        screen = await with_agreements(pilot, clock)
        await pilot.press("f6", "down")
        await settle(pilot, screen)

    assert snap_compare(team_app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_appraisal_scoring_phase(snap_compare, team_app, clock, size):
    async def run(pilot):
        screen = await open_meeting(pilot, "beoordeling")
        await pilot.press("ctrl+f")
        await pilot.pause()
        first = screen.query(".score-row").first()
        first.query("RadioButton")[2].value = True
        first.query_one(CommentArea).value = "Sterk in analyse, soms te snel"
        clock.advance(60)
        pilot.app.set_focus(None)
        await settle(pilot, screen)

    assert snap_compare(team_app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_concluded_conversation_is_read_only(snap_compare, team_app, clock, size):
    async def run(pilot):
        screen = await with_agreements(pilot, clock)
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("enter")  # conclude with the date offered
        await pilot.pause()
        await pilot.press("escape")  # close the summary
        await pilot.pause()
        pilot.app.set_focus(None)
        await settle(pilot, screen)

    assert snap_compare(team_app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_private_notes(snap_compare, team_app, clock, size):
    async def run(pilot):
        screen = await open_meeting(pilot)
        await pilot.press("ctrl+o")
        await pilot.press(*"Let", "space", *"op", "space", *"verzuim")
        clock.advance(60)
        await settle(pilot, screen)

    assert snap_compare(team_app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_agreement_form_with_live_hints(snap_compare, team_app, clock, size):
    async def run(pilot):
        screen = await open_meeting(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        pilot.app.screen.query_one("#agreement-text", Input).value = "Beter communiceren"
        await settle(pilot, screen)

    assert snap_compare(team_app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_conclude_dialog_lists_what_is_open(snap_compare, team_app, clock, size):
    async def run(pilot):
        screen = await with_agreements(pilot, clock)
        await pilot.press("ctrl+r")
        await settle(pilot, screen)

    assert snap_compare(team_app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_summary_after_concluding(snap_compare, team_app, clock, size):
    async def run(pilot):
        screen = await with_agreements(pilot, clock)
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot, screen)

    assert snap_compare(team_app, terminal_size=size, run_before=run)
