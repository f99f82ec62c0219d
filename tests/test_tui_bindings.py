"""Every binding has an id and a description, shows in the Footer and is in the palette."""

from __future__ import annotations

import importlib
import pkgutil

from textual.actions import parse as parse_action
from textual.binding import Binding
from textual.dom import DOMNode

import gespreks_tui.tui
from helpers import make_app, meeting, prepare


def all_ui_classes() -> list[type[DOMNode]]:
    found = []
    for info in pkgutil.walk_packages(gespreks_tui.tui.__path__, "gespreks_tui.tui."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, DOMNode)
                    and value.__module__ == module.__name__):
                found.append(value)
    return found


def test_every_binding_has_an_id_and_a_description():
    classes = all_ui_classes()
    assert len(classes) >= 8
    checked = 0
    for cls in classes:
        for binding in cls.__dict__.get("BINDINGS", []):
            assert isinstance(binding, Binding), (cls, binding)
            assert binding.id, (cls.__name__, binding.key)
            assert binding.description, (cls.__name__, binding.key)
            checked += 1
    assert checked >= 20


def test_binding_ids_are_unique_per_class():
    for cls in all_ui_classes():
        ids = [b.id for b in cls.__dict__.get("BINDINGS", [])]
        assert len(ids) == len(set(ids)), cls.__name__


async def test_the_command_palette_offers_every_meeting_action(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = meeting(app)
        titles = {command.title for command in app.get_system_commands(screen)}
        for binding in type(screen).BINDINGS:
            _, name, parameters = parse_action(binding.action)  # ctrl+t: pause or resume
            if screen.check_action(name, parameters):
                assert binding.description in titles, binding.id
        footer_keys = {b.id for b in (a.binding for a in screen.active_bindings.values())}
        assert {"meeting.next_phase", "meeting.new_agreement", "app.quit"} <= footer_keys


async def test_the_key_line_shows_the_first_keys_that_fit_and_the_palette(store, clock):
    from gespreks_tui.tui.widgets.key_footer import KeyFooter

    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        footer = meeting(app).query_one(KeyFooter)
        line = str(footer.render())
        assert len(line) <= 80
        assert line.startswith("^n Afspraak +")  # what a meeting needs most comes first
        assert line.rstrip().endswith("^p opdrachten")  # the rest is one key away
        assert "f4" not in line  # cut at a key boundary, not in the middle of one


async def test_clicking_a_key_in_the_key_line_presses_it(store, clock):
    from gespreks_tui.tui.screens.agreement_form import AgreementForm
    from gespreks_tui.tui.widgets.key_footer import KeyFooter

    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        footer = meeting(app).query_one(KeyFooter)
        start, _end, key = footer._spans[0]
        assert key == "ctrl+n"
        await pilot.click(KeyFooter, offset=(start + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, AgreementForm)


async def test_the_palette_has_no_screenshot_and_no_english_system_entries(store, clock):
    """Textual's "Screenshot" would write names and notes to ~/Downloads, world-readable."""
    from textual.command import CommandPalette

    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = meeting(app)
        commands = list(app.get_system_commands(screen))
        titles = {command.title for command in commands}
        assert not titles & {"Screenshot", "Quit", "Theme", "Keys", "Maximize", "Minimize"}
        assert {"Thema kiezen", "Toetsen", "Stoppen"} <= titles
        assert all(command.help for command in commands)
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert "Zoek een opdracht" in str(palette.query_one("Input").placeholder)
