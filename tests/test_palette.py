"""The command palette: every action with a one-line description in the user's
language, and Textual's own entries translated or replaced."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from textual.binding import Binding
from textual.command import CommandPalette

import gespreks_tui.tui.screens as screens_package
import gespreks_tui.tui.widgets as widgets_package
from gespreks_tui.catalogue import LANGUAGES
from gespreks_tui.tui.app import GesprekApp
from gespreks_tui.tui.screens.keys_dialog import KeysDialog
from helpers import make_app, prepare

ENGLISH = {"Screenshot", "Quit", "Theme", "Keys", "Maximize", "Minimize", "Show keys",
           "Hide keys", "Change theme", "Save screenshot"}


def every_binding() -> dict[str, Binding]:
    found: dict[str, Binding] = {b.id: b for b in GesprekApp.BINDINGS if b.id}
    for package in (screens_package, widgets_package):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ != module.__name__:
                    continue
                for binding in cls.__dict__.get("BINDINGS", []):
                    if isinstance(binding, Binding) and binding.id:
                        found[binding.id] = binding
    return found


def test_the_check_finds_the_bindings():
    bindings = every_binding()
    assert {"start.begin", "minutes.export", "app.quit", "export.save"} <= set(bindings)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_action_has_a_description_in_both_languages(lang):
    """A binding's palette line says what it does, not its label again."""
    messages = LANGUAGES[lang]
    missing = sorted(binding_id for binding_id, binding in every_binding().items()
                     if f"help.{binding_id}" not in messages and not binding.tooltip)
    assert missing == [], f"add help.<id> to catalogue/palette_{lang}.py: {missing}"


def test_descriptions_are_one_line_and_more_than_the_label():
    nl = LANGUAGES["nl"]
    for binding_id, binding in every_binding().items():
        text = nl.get(f"help.{binding_id}")
        if text is None:
            continue
        assert "\n" not in text, binding_id
        assert text.strip().lower() != binding.description.strip().lower(), binding_id


async def test_the_start_screens_palette_is_dutch_and_explains_each_entry(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        commands = list(app.get_system_commands(app.screen))
        titles = {command.title for command in commands}
        assert not titles & ENGLISH
        assert {"Start gesprek", "Naam wijzigen", "Thema kiezen", "Toetsen"} <= titles
        for command in commands:
            assert command.help and command.help.split(" (")[0] != command.title, command
            assert command.title[:1] == command.title[:1].upper(), command  # a title
        assert "Opdrachten" in titles and "opdrachten" not in titles
        begin = next(c for c in commands if c.title == "Start gesprek")
        assert begin.help == ("Begin het gekozen soort gesprek met de gekozen medewerker "
                              "(ctrl+s)")


async def test_keys_lists_this_screens_keys_in_dutch(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        start = app.screen
        keys = next(c for c in app.get_system_commands(start) if c.title == "Toetsen")
        keys.callback()
        await pilot.pause()
        assert isinstance(app.screen, KeysDialog)
        rows = app.screen.rows
        labels = [label for _, label, _ in rows]
        # the people list has focus: f2 renames there (elsewhere it goes to the list)
        assert "Start gesprek" in labels and "Naam wijzigen" in labels
        assert "Verwijderen" in labels and "Medewerkers" not in labels
        assert "Terugzetten" not in labels  # nothing was discarded: no undo to offer
        assert not {label for label in labels} & ENGLISH
        await pilot.press("escape")
        assert app.screen is start
        app.set_focus(start.query_one("#history"))
        await pilot.pause()
        labels = [label for _, label, _ in KeysDialog(start).rows]
        # Away from the people list f2 goes there; delete stays and says where to choose
        assert {"Medewerkers", "Verwijderen"} <= set(labels)
        assert "Naam wijzigen" not in labels


async def test_the_theme_list_asks_in_dutch(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.action_change_theme()
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert str(app.screen.query_one("Input").placeholder) == "Zoek een thema…"
