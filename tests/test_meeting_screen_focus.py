"""The meeting screen's focus paths and key line, with Pilot on a real database.

A direct key for every list (f2 agenda, f3 notes, f4 agreements, f6 follow-ups),
Tab in the order the columns read, keys on a list nobody can see focused that
say what to do, a highlight that survives every action, and a key line that
offers only what works now.
"""

from __future__ import annotations

from textual.widgets import Input, ListView

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.demo import load_demo
from gespreks_tui.model import Kind, Outcome
from gespreks_tui.tui.widgets.agenda_pane import AgendaPane
from helpers import make_app, meeting, prepare

AGREEMENTS = [
    ("Budget voor opleiding aanvragen bij afdeling HR", "employee", "2027-03-31"),
    ("Cursus Excel afronden met certificaat", "employee", "2027-03-01"),
    ("Elke week een kort overleg over de planning", "manager", None),
    ("Beter communiceren", None, None),
    ("Handleiding voor het klantportaal schrijven en delen met het team", "both", "2027-05-15"),
]


def team(store) -> int:
    """The demo team plus one more concluded conversation: Joris has four to follow up."""
    load_demo(store)
    prepare(store)
    joris = store.find_person("Joris Bakker")
    earlier = store.create_conversation(joris.id, builtin_agenda(Kind.VOORTGANG), 45)
    store.add_agreement(earlier.id, "Rapportage maandelijks versturen", "employee", "2026-10-15")
    store.add_agreement(earlier.id, "Opleidingsplan voor 2027 opstellen")
    store.conclude(earlier.id, "2027-01-15")
    return joris.id


async def open_for(pilot, store, employee_id: int, agreements=(), minutes: int = 45):
    conversation = store.create_conversation(employee_id, builtin_agenda(Kind.VOORTGANG),
                                             minutes)
    for text, owner, due in agreements:
        store.add_agreement(conversation.id, text, owner, due)
    await pilot.pause()
    pilot.app.open_meeting(conversation.id)
    await pilot.pause()
    return meeting(pilot.app)


def shown_keys(screen) -> dict[str, str]:
    """Key -> description of what the key line may show now (enabled, shown)."""
    return {key: active.binding.description for key, active in screen.active_bindings.items()
            if active.enabled and active.binding.show}


def pane_lists(screen) -> tuple[ListView, ListView]:
    pane = screen.agreements_pane
    return pane.agreement_list, pane.follow_up_list


async def test_each_list_has_its_own_key_and_tab_follows_the_columns(store, clock):
    joris = team(store)
    async with make_app(store, clock).run_test(size=(120, 30)) as pilot:
        screen = await open_for(pilot, store, joris, AGREEMENTS)
        agreements, follow_ups = pane_lists(screen)
        app = pilot.app
        for key, expected in (("f2", screen.query_one(AgendaPane)), ("f3", screen.text_area),
                              ("f4", agreements), ("f6", follow_ups)):
            await pilot.press(key)
            assert app.focused is expected, key
        await pilot.press("f2")
        order = [app.focused]
        for _ in range(3):
            await pilot.press("tab")
            order.append(app.focused)
        assert order == [screen.query_one(AgendaPane), screen.text_area, agreements, follow_ups]
        await pilot.press("shift+tab")
        assert app.focused is agreements


async def test_f6_works_from_the_notes_although_the_text_binds_it(store, clock):
    joris = team(store)
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        screen = await open_for(pilot, store, joris)
        assert pilot.app.focused is screen.text_area
        await pilot.press("f6")
        assert pilot.app.focused is pane_lists(screen)[1]


async def test_f4_on_an_empty_agreements_list_goes_to_the_follow_ups_and_1_acts_there(
        store, clock):
    joris = team(store)
    async with make_app(store, clock).run_test(size=(120, 30)) as pilot:
        screen = await open_for(pilot, store, joris)
        agreements, follow_ups = pane_lists(screen)
        await pilot.press("f4")
        assert pilot.app.focused is follow_ups
        first = follow_ups.highlighted_child.agreement
        await pilot.press("1")
        await pilot.pause()
        (recorded,) = store.follow_ups(screen.conversation_id)
        assert (recorded.agreement_id, recorded.outcome) == (first.id, Outcome.ACHIEVED)


async def test_1_to_4_in_the_agreements_list_move_to_the_follow_ups_and_say_so(store, clock):
    joris = team(store)
    async with make_app(store, clock).run_test(size=(120, 30)) as pilot:
        screen = await open_for(pilot, store, joris, AGREEMENTS[:2])
        agreements, follow_ups = pane_lists(screen)
        await pilot.press("f4")
        assert pilot.app.focused is agreements
        await pilot.press("2")
        await pilot.pause()
        assert pilot.app.focused is follow_ups
        assert store.follow_ups(screen.conversation_id) == []  # nothing done blind
        said = [n.message for n in pilot.app._notifications]
        assert any("Op te volgen heeft nu de focus" in m for m in said)


async def test_1_to_4_without_anything_to_follow_up_say_so(store, clock):
    prepare(store, "Joris Bakker")
    async with make_app(store, clock).run_test(size=(120, 30)) as pilot:
        joris = store.find_person("Joris Bakker").id
        screen = await open_for(pilot, store, joris, AGREEMENTS[:1])
        assert "f6" not in shown_keys(screen)  # nothing to follow up: no key for it
        await pilot.press("f4", "3")
        await pilot.pause()
        said = [n.message for n in pilot.app._notifications]
        assert any("geen afspraken uit eerdere gesprekken" in m for m in said)


async def test_the_highlight_stays_after_tick_edit_and_follow_up(store, clock):
    joris = team(store)
    async with make_app(store, clock).run_test(size=(120, 30)) as pilot:
        screen = await open_for(pilot, store, joris, AGREEMENTS)
        agreements, follow_ups = pane_lists(screen)
        await pilot.press("f4", "down", "down")
        await pilot.press("space")
        await pilot.pause()
        assert agreements.index == 2 and agreements.highlighted_child.has_class("-highlight")
        assert agreements.highlighted_child.agreement.text == AGREEMENTS[2][0]
        await pilot.press("e")
        await pilot.pause()
        pilot.app.screen.query_one("#agreement-due", Input).value = "1-6-2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert agreements.index == 2 and agreements.highlighted_child.has_class("-highlight")
        assert pilot.app.focused is agreements
        await pilot.press("f6", "down", "4")
        await pilot.pause()
        assert follow_ups.index == 1 and follow_ups.highlighted_child.has_class("-highlight")
        assert "loopt door" in str(follow_ups.highlighted_child.render())


async def test_a_follow_up_gets_a_comment_in_a_dialog(store, clock):
    joris = team(store)
    async with make_app(store, clock).run_test(size=(120, 30)) as pilot:
        screen = await open_for(pilot, store, joris)
        await pilot.press("f6", "t")
        await pilot.pause()
        dialog = pilot.app.screen
        assert dialog.focused is dialog.query_one("#outcome")  # focus on the first choice
        dialog.query("RadioButton")[1].value = True  # deels gehaald
        dialog.query_one("#followup-comment", Input).value = "Eerste helft klaar"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (recorded,) = store.follow_ups(screen.conversation_id)
        assert (recorded.outcome, recorded.comment) == (Outcome.PARTLY, "Eerste helft klaar")
        shown = " ".join(str(pane_lists(screen)[1].highlighted_child.render()).split())
        assert "deels gehaald — Eerste helft klaar" in shown
        await pilot.press("3")  # a key later keeps the comment
        await pilot.pause()
        (recorded,) = store.follow_ups(screen.conversation_id)
        assert (recorded.outcome, recorded.comment) == (Outcome.NOT_ACHIEVED,
                                                        "Eerste helft klaar")


async def test_the_key_line_follows_the_state(store, clock):
    joris = team(store)
    async with make_app(store, clock).run_test(size=(200, 40)) as pilot:
        screen = await open_for(pilot, store, joris, AGREEMENTS[:2])
        keys = shown_keys(screen)
        assert keys["ctrl+t"] == "Pauze" and keys["ctrl+o"] == "Privé"
        assert "ctrl+b" not in keys and "ctrl+f" in keys  # the first phase: no way back
        await pilot.press("ctrl+t", "ctrl+o")
        await pilot.pause()
        keys = shown_keys(screen)
        assert keys["ctrl+t"] == "Hervat" and keys["ctrl+o"] == "Gedeeld"
        await pilot.press("ctrl+o", "f4")
        keys = shown_keys(screen)
        assert {"space", "e", "delete"} <= set(keys) and "u" not in keys  # nothing to undo
        await pilot.press("d")
        await pilot.pause()
        assert "u" in shown_keys(screen)
        await pilot.press("u")
        await pilot.pause()
        assert "u" not in shown_keys(screen)
        assert len(store.agreements(screen.conversation_id)) == 2


async def test_a_concluded_conversation_offers_no_key_that_changes_it(store, clock):
    joris = team(store)
    async with make_app(store, clock).run_test(size=(200, 40)) as pilot:
        screen = await open_for(pilot, store, joris, AGREEMENTS[:2])
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert screen.read_only
        await pilot.press("f4")
        keys = shown_keys(screen)
        for dead in ("space", "e", "delete", "u", "ctrl+n", "ctrl+t", "ctrl+f"):
            assert dead not in keys, dead
        assert keys["ctrl+r"] == "Heropenen"
        await pilot.press("f6")
        assert not {"1", "2", "3", "4", "t"} & set(shown_keys(screen))
        title = str(screen.query_one("#followup-title").render())
        assert "1–4" not in title  # the heading offers no keys that do nothing
