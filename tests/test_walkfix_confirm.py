"""walk25 F7, F8, F15, F16: the confirm dialog offers each party its own verdicts,
shows every label whole, names them when none is chosen; 'b' goes once both confirmed."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Input, Label

from gespreks_tui import catalogue
from gespreks_tui.model import Party, Status
from gespreks_tui.tui.widgets.choice_button import ChoiceButton
from gespreks_tui.tui.widgets.key_footer import KeyFooter
from helpers import make_app, meeting, prepare, visible_text
from test_tui_minutes import conclude_and_open_minutes


def offered(dialog) -> list[str]:
    return [str(b.name) for b in dialog.query("#verdict ChoiceButton") if b.display]


async def open_minutes(pilot):
    await pilot.press("ctrl+s")
    await pilot.pause()
    return await conclude_and_open_minutes(pilot)


async def test_each_party_is_offered_its_own_verdicts_and_b_goes_when_both_confirmed(
        store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        minutes = await open_minutes(pilot)
        conversation_id = meeting(app).conversation_id
        await pilot.press("b")
        await pilot.pause()
        dialog = app.screen
        assert offered(dialog) == ["akkoord", "gezien", "correctie"]
        await pilot.press("ctrl+s")  # nothing chosen: the message names the three
        await pilot.pause()
        message = visible_text(dialog.query_one("#confirm-message", Label))
        assert "Akkoord" in message and "Gezien, niet akkoord" in message
        assert "Correctie gevraagd" in message
        assert app.focused is dialog.query_one("#verdict")  # sent to the verdicts
        await pilot.press("down", "space")  # Gezien
        await pilot.pause()
        assert dialog.query_one("#verdict").pressed_button.name == "gezien"
        await pilot.click("#party-manager")
        await pilot.pause()
        assert offered(dialog) == ["vastgesteld"]  # the manager's one, chosen with it
        assert dialog.query_one("#verdict").pressed_button.name == "vastgesteld"
        assert dialog.query_one("#confirm-name", Input).value == "Sanne de Vries"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is minutes
        assert "b Bevestigen" in str(minutes.query_one(KeyFooter).render())
        await pilot.press("b")  # the employee is the one still missing: preselected
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#party").pressed_button.name == "employee"
        await pilot.click("#verdict-akkoord")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert store.get_conversation(conversation_id).status == Status.CONFIRMED
        assert app.screen is minutes
        assert not minutes.check_action("confirm", ())
        side = str(minutes.query_one("#minutes-confirmations").render())  # no-break spaces kept
        assert "2\u00a0nov\u00a02026" in side  # a date never split over lines (walk25 F9)
        keys = str(minutes.query_one(KeyFooter).render())
        assert "Bevestigen" not in keys and "Exporteren" in keys


async def test_every_verdict_label_is_shown_whole_in_english(store, clock):
    prepare(store, "Joris Bakker")
    catalogue.set_language("en")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_minutes(pilot)
        await pilot.press("b")
        await pilot.pause()
        dialog = app.screen
        for party in (Party.EMPLOYEE, Party.MANAGER):
            await pilot.click(f"#party-{party}")
            await pilot.pause()
            for button in dialog.query("#verdict ChoiceButton").results(ChoiceButton):
                if button.display:
                    label = str(button.label)
                    assert button.content_region.width >= cell_len(label) + 3, label
                    assert button.region.right <= dialog.query_one("#verdict").region.right
