"""walk25 F1, F2, F3: the agreement dialog keeps what was typed (Escape asks), grows on
wide screens, and Tab typed right after text moves on."""

from __future__ import annotations

from textual.widgets import Input

from gespreks_tui.tui.screens.agreement_form import AgreementForm
from gespreks_tui.tui.screens.question_dialog import QuestionDialog
from helpers import make_app, prepare, type_text


async def open_form(pilot):
    await pilot.press("ctrl+s")  # start the meeting
    await pilot.pause()
    await pilot.press("ctrl+n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, AgreementForm)
    return pilot.app.screen


async def test_escape_with_text_typed_asks_before_discarding(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        await type_text(pilot, "Test snelheid")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionDialog)
        await pilot.press("enter")  # "go on typing" is the answer Enter gives
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#agreement-text", Input).value == "Test snelheid"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("tab", "enter")  # discard
        await pilot.pause()
        assert not isinstance(app.screen, (AgreementForm, QuestionDialog))
        await pilot.press("ctrl+n")  # nothing typed: Escape closes at once
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, (AgreementForm, QuestionDialog))


async def test_tab_right_after_text_moves_on_and_the_dialog_grows_on_wide_screens(
        store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(200, 60)) as pilot:
        form = await open_form(pilot)
        # One batch, no pause between the keys (walk25 F1).
        await pilot.press(*"Test", "space", *"snelheid", "tab", "tab", *"+2w")
        await pilot.pause()
        assert form.query_one("#agreement-text", Input).value == "Test snelheid"
        assert form.query_one("#agreement-due", Input).value == "+2w"
        field = form.query_one("#agreement-text", Input)
        assert field.content_region.width >= 120  # 70 columns elsewhere


async def test_the_agreement_dialog_stays_within_80_columns(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(pilot)
        assert form.query_one("#agreement-dialog").outer_size.width <= 76


async def test_keys_arriving_in_one_read_follow_the_focus(store, clock):
    """A terminal read holding text, Tab and more text (a fast typist, a text expander):
    the driver posts every key before any is handled (walk25 F1)."""
    from textual import events

    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(200, 60)) as pilot:
        form = await open_form(pilot)
        burst = [*"Test", "space", *"snelheid", "tab", "tab", *"+2w"]
        for key in burst:
            character = {"space": " ", "tab": "\t"}.get(key, key)
            app.post_message(events.Key(key, character))
        await pilot.pause()
        assert form.query_one("#agreement-text", Input).value == "Test snelheid"
        assert form.query_one("#agreement-due", Input).value == "+2w"
