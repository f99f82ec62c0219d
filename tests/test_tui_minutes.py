"""After concluding: preview, export and on-screen confirmation of the minutes (Pilot)."""

from __future__ import annotations

import stat

from textual.widgets import Input, Markdown, TextArea

from gespreks_tui.model import Party, Status, Verdict, Visibility
from helpers import make_app, meeting, prepare, saved, type_text, visible_text


async def conclude_and_open_minutes(pilot):
    await pilot.press("ctrl+r")
    await pilot.pause()
    await pilot.press("enter")  # the suggested next evaluation date
    await pilot.pause()
    await pilot.press("enter")  # "Verslag bekijken" has the focus
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return pilot.app.screen


async def confirm(pilot, party: Party, verdict: Verdict, name: str, comment: str = ""):
    await pilot.press("b")
    await pilot.pause()
    dialog = pilot.app.screen
    await pilot.click(f"#party-{party}")
    await pilot.click(f"#verdict-{verdict}")
    dialog.query_one("#confirm-name", Input).value = name
    dialog.query_one("#confirm-comment", TextArea).load_text(comment)
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_preview_export_and_confirm_on_screen(store, clock, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = meeting(app)
        await type_text(pilot, "Goed jaar")
        await pilot.press("ctrl+o")
        await type_text(pilot, "Geheim")
        await saved(pilot)
        minutes = await conclude_and_open_minutes(pilot)
        source = minutes.markdown
        assert "Goed jaar" in source and "Geheim" not in source  # private never in minutes
        assert minutes.query_one("#minutes-markdown", Markdown).source == source
        assert "Revisie 1" in visible_text(minutes.query_one("#minutes-fingerprint"))

        await pilot.press("e")
        await pilot.pause()
        export = app.screen
        path = tmp_path / "verslag.md"
        export.query_one("#export-path", Input).value = str(path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert path.read_text(encoding="utf-8") == source
        assert stat.S_IMODE(path.stat().st_mode) == 0o600

        await pilot.press("e")  # exporting again asks before overwriting
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "bestaat al" in visible_text(app.screen.query_one("#export-message"))
        await pilot.press("escape")

        await confirm(pilot, Party.EMPLOYEE, Verdict.GEZIEN, "Joris Bakker",
                      "Ik zie het anders: **niet** mee eens")
        assert store.get_conversation(screen.conversation_id).status == Status.CONCLUDED
        await confirm(pilot, Party.MANAGER, Verdict.VASTGESTELD, "Sanne de Vries")
        assert store.get_conversation(screen.conversation_id).status == Status.CONFIRMED
        side = visible_text(minutes.query_one("#minutes-confirmations"))
        assert "Gezien, niet akkoord — Joris Bakker" in side
        (employee, manager) = sorted(store.confirmations(screen.conversation_id, 1),
                                     key=lambda c: c.party != Party.EMPLOYEE)
        assert employee.comment == "Ik zie het anders: **niet** mee eens"
        assert employee.via == manager.via == "screen"

        # a correction: reopen, edit, conclude -> revision 2; revision 1 stays
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.read_only
        await pilot.press("ctrl+r")  # confirmed minutes: a dialog asks why
        await pilot.pause()
        app.screen.query_one("#reason-text", TextArea).load_text("Aanvulling.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.read_only
        screen.text_area.focus()
        screen.meeting.visibility = Visibility.PRIVATE
        await pilot.press("ctrl+o")  # back to shared
        await pilot.press("end", *"!")
        await saved(pilot)
        minutes = await conclude_and_open_minutes(pilot)
        assert "Revisie 2" in visible_text(minutes.query_one("#minutes-fingerprint"))
        assert [r.revision for r in store.revisions(screen.conversation_id)] == [1, 2]
        assert len(store.confirmations(screen.conversation_id, 1)) == 2
        assert store.get_conversation(screen.conversation_id).status == Status.CONCLUDED


async def test_export_to_an_unwritable_place_says_so_and_keeps_nothing(store, clock, tmp_path):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await conclude_and_open_minutes(pilot)
        blocker = tmp_path / "een-bestand"
        blocker.write_text("x")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(blocker / "verslag.md")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = str(app.screen.query_one("#export-message").render())  # in the dialog
        assert str(blocker) in said, said
        assert blocker.read_text() == "x"


async def test_the_side_panel_says_where_an_appraisal_procedure_stands(store, clock):
    """Reported: beside a handed-over beoordeling only "Uitgereikt…; reactie mogelijk
    tot …" was said, not that it is voorlopig vastgesteld (or in bezwaar, definitief)."""
    from gespreks_tui.agendas import builtin_agenda
    from gespreks_tui.minutes import publish
    from gespreks_tui.tui.screens.minutes import MinutesScreen

    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker")
    appraisal = store.create_conversation(joris.id, builtin_agenda("beoordeling"), 60)
    store.conclude(appraisal.id, "2027-11-01")
    publish(store, appraisal.id)
    store.hand_over(appraisal.id, "email", 21)
    progress = store.create_conversation(joris.id, builtin_agenda("voortgang"), 45)
    store.conclude(progress.id, "2027-03-01")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(MinutesScreen(appraisal.id))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        line = app.screen.query_one("#minutes-procedure")
        assert visible_text(line) == "Beoordelingsprocedure: voorlopig vastgesteld"
        assert line.display
        app.pop_screen()
        app.push_screen(MinutesScreen(progress.id))  # no procedure: no line
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.screen.query_one("#minutes-procedure").display
