"""The sign-off in the app (issue 13): reopening confirmed minutes asks for a reason and
says what happens; the minutes screen shows a correction request and keeps the minutes
with a reason (v), and hands them over with a reaction term (u)."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from gespreks_tui.model import Party, SignOff, Status, Verdict
from helpers import make_app, meeting, prepare, visible_text
from test_tui_minutes import conclude_and_open_minutes, confirm


async def test_reopen_of_confirmed_minutes_asks_why_and_keeps_the_reason(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = meeting(app)
        minutes = await conclude_and_open_minutes(pilot)
        await confirm(pilot, Party.EMPLOYEE, Verdict.CORRECTIE, "Joris Bakker", "Klopt niet.")
        side = visible_text(minutes.query_one("#minutes-sign-off"))
        assert "Correctie gevraagd door de medewerker" in side
        await confirm(pilot, Party.MANAGER, Verdict.VASTGESTELD, "Sanne de Vries")
        assert store.get_conversation(screen.conversation_id).status == Status.CONFIRMED

        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+r")  # reopen: a dialog asks why
        await pilot.pause()
        dialog = app.screen
        assert "blijven bij revisie 1" in visible_text(dialog.query_one("#reason-explain"))
        await pilot.press("ctrl+s")  # no reason: refused, still open
        await pilot.pause()
        assert app.screen is dialog and store.get_conversation(
            screen.conversation_id).status == Status.CONFIRMED
        dialog.query_one("#reason-text", TextArea).load_text("Datum was fout.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen and not screen.read_only
        record = store.conversation_record(screen.conversation_id)
        assert [r.reason for r in record.reopenings] == ["Datum was fout."]
        assert [a.outcome for a in record.resolutions] == ["revised"]


async def test_keep_the_minutes_and_hand_them_over_on_the_minutes_screen(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = meeting(app)
        minutes = await conclude_and_open_minutes(pilot)
        await pilot.press("u")
        await pilot.pause()
        app.screen.query_one("#handover-term", Input).value = "10"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "reactie mogelijk tot 12 november 2026" in visible_text(
            minutes.query_one("#minutes-sign-off"))
        await confirm(pilot, Party.EMPLOYEE, Verdict.CORRECTIE, "Joris Bakker", "Klopt niet.")
        assert minutes.sign_off == SignOff.CORRECTION_REQUESTED
        await pilot.press("v")
        await pilot.pause()
        app.screen.query_one("#reason-text", TextArea).load_text("Zo besproken.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        record = store.conversation_record(screen.conversation_id)
        assert record.sign_off(record.today) == SignOff.CORRECTION_KEPT
        assert "het verslag blijft zoals het is" in minutes.markdown
