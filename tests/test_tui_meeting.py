"""A complete meeting with Pilot: notes per phase, agreements, conclude; then the database."""

from __future__ import annotations

from textual import events
from textual.geometry import Region
from textual.widgets import Input

from gespreks_tui.model import AgreementStatus, Owner, Status, Visibility
from gespreks_tui.store import Store
from helpers import make_app, meeting, prepare, saved, type_text, visible_text


def notes_border(screen, row: int) -> str:
    """The text in the notes pane's border: row 0 the title (phase and mode), -1 the save
    status. Rendered as the screen shows it, border lines left out."""
    pane = screen.notes
    line = pane.render_lines(Region(0, 0, *pane.outer_size))[row]
    return line.text.strip(" ─═╭╮╰╯╔╗╚╝")


async def start_meeting(pilot):
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    return meeting(pilot.app)


async def add_agreement(pilot, text: str, owner: str | None, due: str) -> None:
    await pilot.press("ctrl+n")
    await pilot.pause()
    form = pilot.app.screen
    form.query_one("#agreement-text", Input).value = text
    if owner:
        await pilot.click(f"#owner-{owner}")
    form.query_one("#agreement-due", Input).value = due
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_complete_voortgangsgesprek_is_stored(store, clock, db_path):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start_meeting(pilot)
        assert screen.text_area.has_focus
        assert "Terugblik" in notes_border(screen, 0)
        assert "Welke doelen" in visible_text(screen.query_one("#questions"))
        await type_text(pilot, "Doelen gehaald.\nWerkdruk hoog.")
        await pilot.press("ctrl+f")
        assert "Vooruitblik" in notes_border(screen, 0)
        assert screen.text_area.text == ""
        await type_text(pilot, "Wil teamleider worden.")
        await pilot.press("ctrl+o")
        assert screen.notes.has_class("private")
        assert "PRIVÉ" in notes_border(screen, 0)
        await type_text(pilot, "Let op verzuim.")
        await pilot.press("ctrl+o")
        assert not screen.notes.has_class("private")
        assert "GEDEELD" in notes_border(screen, 0) and "PRIVÉ" not in notes_border(screen, 0)
        assert screen.text_area.text == "Wil teamleider worden."
        await pilot.press("ctrl+f")
        await add_agreement(pilot, "Cursus leidinggeven afronden met certificaat",
                            "employee", "1 maart 2027")
        await add_agreement(pilot, "Maandelijks één-op-één", "manager", "+2w")
        await pilot.press("ctrl+b")
        assert "Vooruitblik" in notes_border(screen, 0)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.screen.query_one("#next-evaluation", Input).value == "2027-05-02"
        await pilot.press("enter")
        await pilot.pause()
        summary = visible_text(app.screen.query_one("#summary-rows"))
        assert "Terugblik" in summary and "Totaal" in summary
        await pilot.press("escape")
        await pilot.pause()
        assert screen.read_only and screen.text_area.read_only

    check = Store.open(db_path)
    (row,) = check.list_conversations()
    conversation = check.get_conversation(row.id)
    assert conversation.status == Status.CONCLUDED
    assert conversation.next_evaluation == "2027-05-02"
    notes = check.notes(row.id)
    assert notes[(0, Visibility.SHARED)] == "Doelen gehaald.\nWerkdruk hoog."
    assert notes[(1, Visibility.SHARED)] == "Wil teamleider worden."
    assert notes[(1, Visibility.PRIVATE)] == "Let op verzuim."
    first, second = check.agreements(row.id)
    assert (first.text, first.owner, first.due_date) == (
        "Cursus leidinggeven afronden met certificaat", Owner.EMPLOYEE, "2027-03-01")
    assert (second.owner, second.due_date) == (Owner.MANAGER, "2026-11-16")
    check.close()


async def test_agreement_bad_input_is_refused_and_kept(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        form = app.screen
        await pilot.press("ctrl+s")
        assert "tekst" in visible_text(form.query_one("#text-message"))
        text = "**Vet** <b>x</b> 🙂 שלום | # kop"
        form.query_one("#agreement-text", Input).value = text
        for bad in ("31-2-2027", "gisteren?"):
            form.query_one("#agreement-due", Input).value = bad
            await pilot.press("ctrl+s")
            await pilot.pause()
            message = visible_text(form.query_one("#due-message"))
            assert "geen geldige datum" in message and "1 maart 2027" in message
            assert app.screen is form
            assert form.query_one("#agreement-text", Input).value == text
        form.query_one("#agreement-due", Input).value = "2027-02-01"
        await pilot.pause()
        assert "1 feb 2027" in visible_text(form.query_one("#due-message"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        (stored,) = store.agreements(screen.conversation_id)
        assert stored.text == text and stored.owner == Owner.EMPLOYEE  # the default owner
        pane_text = visible_text(screen.query_one("AgreementItem"))
        assert "niet meetbaar" in pane_text  # a SMART hint, not a blocker


async def test_tick_edit_delete_and_undo(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start_meeting(pilot)
        await add_agreement(pilot, "Rapportage elke maand opleveren", "employee", "+1m")
        (agreement,) = store.agreements(screen.conversation_id)
        await pilot.press("f4", "space")
        assert store.get_agreement(agreement.id).status == AgreementStatus.DONE
        await pilot.press("space")
        assert store.get_agreement(agreement.id).status == AgreementStatus.OPEN
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#agreement-text", Input).value = "Rapportage elke week"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.get_agreement(agreement.id).text == "Rapportage elke week"
        await pilot.press("delete")
        assert store.agreements(screen.conversation_id) == []
        assert screen.query_one("#agreements-empty").display
        await pilot.press("u")
        (restored,) = store.agreements(screen.conversation_id)
        assert restored.id == agreement.id and restored.text == "Rapportage elke week"


async def test_a_megabyte_paste_is_accepted_and_stored(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        screen = await start_meeting(pilot)
        pasted = ("Regel met tekst en emoji 🙂\n" * 40_000)[:1_000_000]
        app.post_message(events.Paste(pasted))  # as the terminal driver delivers it
        await pilot.pause()
        await pilot.press("enter")  # over 100 KiB: asked first (issue 19); enter inserts
        await pilot.pause()
        await app.workers.wait_for_complete([w for w in app.workers if w.group == "paste"])
        await saved(pilot)
        assert screen.text_area.text == pasted
    assert store.notes(screen.conversation_id)[(0, Visibility.SHARED)] == pasted


async def test_concluded_meeting_is_read_only_until_reopened(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        screen = await start_meeting(pilot)
        await type_text(pilot, "Klaar")
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.press(*"xyz")
        assert screen.text_area.text == "Klaar"
        await pilot.press("ctrl+n")
        assert app.screen is screen  # no agreement form while read-only
        await pilot.press("ctrl+r")  # now: reopen
        await pilot.pause()
        assert not screen.read_only
        await pilot.press("end", *"!")
        await saved(pilot)
        assert store.notes(screen.conversation_id)[(0, Visibility.SHARED)] == "Klaar!"
        assert store.get_conversation(screen.conversation_id).status == Status.RUNNING


async def test_earlier_open_agreements_are_followed_up(store, clock):
    from gespreks_tui.demo import load_demo
    from gespreks_tui.model import Outcome

    load_demo(store)
    prepare(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        people = app.screen.query_one("#people-list")
        people.highlighted = 1  # Joris Bakker (Aylin Yılmaz, Joris Bakker, Pieter Jansen)
        screen = await start_meeting(pilot)
        items = screen.query("FollowUpItem")
        assert [i.agreement.text for i in items] == [
            "Klantportaal live met minstens 200 actieve gebruikers",
            "Twee collega's inwerken in het beheer van het portaal",
        ]
        screen.query_one("#followup-list").focus()
        await pilot.press("1")
        await pilot.pause()
        (follow_up,) = store.follow_ups(screen.conversation_id)
        assert follow_up.outcome == Outcome.ACHIEVED
        assert store.get_agreement(follow_up.agreement_id).status == AgreementStatus.DONE
        assert "gehaald" in visible_text(screen.query("FollowUpItem").first())


async def test_done_in_between_shows_as_achieved_in_between(store, clock):
    from gespreks_tui.demo import load_demo

    load_demo(store)
    prepare(store)
    portal = next(a for a in store.open_agreements_of(store.find_person("Joris Bakker").id)
                  if a.text.startswith("Klantportaal"))
    store.mark_done_between(portal.id, "Live sinds 1 oktober")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#people-list").highlighted = 1
        screen = await start_meeting(pilot)
        texts = {i.agreement.text: visible_text(i)
                 for i in screen.query("FollowUpItem")}
        assert "tussendoor gehaald" in texts[portal.text]
        assert "nog niet besproken" in texts[
            "Twee collega's inwerken in het beheer van het portaal"]


async def test_quitting_right_after_opening_a_meeting_loses_nothing_and_does_not_crash(
        store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        screen = await start_meeting(pilot)
        await type_text(pilot, "kort")
        app.exit()  # not through ctrl+q: the screen's own unmount must save
        await pilot.pause()
    assert store.notes(screen.conversation_id)[(0, Visibility.SHARED)] == "kort"


async def test_switching_phases_does_not_write_unchanged_notes(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        screen = await start_meeting(pilot)
        await pilot.press("ctrl+f", "ctrl+f", "ctrl+b")
        await saved(pilot)
        assert store.notes(screen.conversation_id) == {}  # loading a note is not typing


async def test_the_save_status_is_visible_after_typing(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start_meeting(pilot)
        await type_text(pilot, "Notitie")
        await saved(pilot)
        await pilot.pause()
        assert notes_border(screen, -1).startswith("Opgeslagen")
        assert not screen.notes.has_class("save-error")
        assert "Opgeslagen" not in notes_border(screen, -2)  # the bottom line, not above it


async def test_a_save_error_shows_in_red_until_the_next_save(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start_meeting(pilot)
        screen.notes.show_save_status("NIET opgeslagen: [b]schijf[/b] vol", error=True)
        await pilot.pause()
        assert notes_border(screen, -1).startswith("NIET opgeslagen: [b]schijf[/b] vol")
        assert screen.notes.has_class("save-error")
        await type_text(pilot, "Notitie")
        await saved(pilot)
        await pilot.pause()
        assert notes_border(screen, -1).startswith("Opgeslagen")
        assert not screen.notes.has_class("save-error")


async def test_phase_and_mode_stay_visible_in_a_narrow_terminal(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        title = notes_border(screen, 0)
        assert "Terugblik" in title and "GEDEELD" in title and "…" not in title
        await pilot.press("ctrl+o")
        title = notes_border(screen, 0)
        assert "Terugblik" in title and "PRIVÉ" in title and "…" not in title
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert notes_border(screen, 0) == "Notities — Terugblik · PRIVÉ — niet in het verslag"
        await pilot.press("ctrl+o")
        assert notes_border(screen, 0) == "Notities — Terugblik · GEDEELD — komt in het verslag"


async def test_tab_goes_agenda_notes_agreements_as_the_columns_read(store, clock):
    from gespreks_tui.tui.widgets.agenda_pane import AgendaPane
    from gespreks_tui.tui.widgets.agreements_pane import AgreementsPane

    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press("f2")
        assert isinstance(app.focused, AgendaPane)
        await pilot.press("tab")
        assert app.focused is screen.text_area
        await pilot.press("tab")
        assert app.focused in list(screen.query_one(AgreementsPane).query("*"))
        await pilot.press("shift+tab")
        assert app.focused is screen.text_area
