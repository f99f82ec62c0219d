"""The kind's name chosen in ``config.toml`` on the start screen and in the meeting
(issue 18), driven with Pilot on a real database."""

from __future__ import annotations

import pytest

from gespreks_tui import config
from gespreks_tui.model import Kind
from helpers import make_app, meeting, prepare


def _label(app, selector: str) -> str:
    from textual.widgets import RadioButton

    return str(app.screen.query_one(selector, RadioButton).label)


@pytest.fixture
def config_file(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("GESPREKS_CONFIG", str(folder))
    config.reset()
    yield folder / "config.toml"
    config.reset()


async def test_the_start_screen_shows_the_chosen_name_and_starts_that_kind(
        config_file, store, clock):
    config_file.write_text('[kinds.doelstelling]\nname = "planningsgesprek (R&O)"\n'
                           '[kinds.functionering]\nname = "Jaargesprek"\n'
                           '[kinds.beoordeling]\nname = "R&O-gesprek"\n',
                           encoding="utf-8")
    config.reset()
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert _label(app, "#kind-doelstelling") == "Planningsgesprek (R&O)"
        assert _label(app, "#kind-functionering") == "Jaargesprek"
        assert _label(app, "#kind-voortgang") == "Voortgang"  # no name chosen: the catalogue's
        assert _label(app, "#kind-beoordeling") == "R&O-gesprek"
        await pilot.click("#kind-doelstelling")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Planningsgesprek (R&O)" in meeting(app).title  # its case kept
    (summary,) = store.list_conversations()
    assert summary.kind == Kind.DOELSTELLING


async def test_without_a_name_the_start_screen_shows_the_catalogue_s(config_file, store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert _label(app, "#kind-doelstelling") == "Doelstelling"
