"""The configuration file in the app: remapped keys (Textual's keymap), the theme."""

from __future__ import annotations

import pytest

from gespreks_tui import config
from gespreks_tui.settings import THEME_SETTING
from helpers import make_app, meeting, prepare


@pytest.fixture
def config_file(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("GESPREKS_CONFIG", str(folder))
    config.reset()
    yield folder / "config.toml"
    config.reset()


async def _phase_after(app, *keys: str) -> int:
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")  # start the conversation
        await pilot.pause()
        screen = meeting(app)
        await pilot.press("ctrl+f", "ctrl+f")  # to the third phase
        await pilot.pause()
        assert screen.meeting.timer.current == 2
        await pilot.press(*keys)
        await pilot.pause()
        return screen.meeting.timer.current


async def test_a_keys_entry_moves_previous_phase_to_another_key(config_file, store, clock):
    config_file.write_text('[keys]\n"meeting.previous_phase" = "ctrl+up"\n')
    prepare(store, "Joris Bakker")
    assert await _phase_after(make_app(store, clock), "ctrl+up") == 1  # the new key works


async def test_the_old_key_no_longer_does_it(config_file, store, clock):
    config_file.write_text('[keys]\nmeeting.previous_phase = "ctrl+up"\n')
    prepare(store, "Joris Bakker")
    assert await _phase_after(make_app(store, clock), "ctrl+b") == 2


async def test_without_a_keys_entry_ctrl_b_goes_back(config_file, store, clock):
    prepare(store, "Joris Bakker")
    assert await _phase_after(make_app(store, clock), "ctrl+b") == 1


async def test_a_broken_file_is_one_notice_and_the_defaults(config_file, store, clock):
    config_file.write_text('[keys]\n"meeting.previous_phase" = 7\n')
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    assert await _phase_after(app, "ctrl+b") == 1
    notices = [str(n.message) for n in app._notifications if "config.toml" in str(n.message)]
    assert len(notices) == 1 and "regel 2" in notices[0]


async def test_a_theme_picked_in_the_app_is_remembered(config_file, store, clock):
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        app.theme = "nord"  # what the palette's theme picker does
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert store.get_setting(THEME_SETTING) == "nord"
    again = make_app(store, clock)
    async with again.run_test() as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_the_file_s_theme_wins_over_the_remembered_one(config_file, store, clock):
    store.set_setting(THEME_SETTING, "nord")
    config_file.write_text('theme = "gruvbox"\n')
    config.reset()
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "gruvbox"


async def test_a_kind_s_owner_in_the_file_is_the_new_agreement_s_owner(config_file, store, clock):
    from textual.widgets import RadioButton

    config_file.write_text('[kinds.voortgang]\nowner = "manager"\n')
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")  # start the conversation (a voortgangsgesprek)
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.query_one("#owner-manager", RadioButton).value
        assert not app.screen.query_one("#owner-employee", RadioButton).value


async def test_a_kind_s_length_in_the_file_is_the_planned_length(config_file, store, clock):
    from textual.widgets import Input

    config_file.write_text('[kinds.voortgang]\nlength = 25\n')
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen.query_one("#minutes", Input).value == "25"
